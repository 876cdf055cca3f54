/**
 * readLedgerFile: a village's month of vouchers from its finance program's export.
 * Bad files never throw: every problem is listed with its row and column, and only
 * rows without problems become vouchers.
 */
import { convertRow, type RowOutcome, type VoucherDraft } from './convert';
import { columnName as headerColumnName, FIELD_LABELS, findHeader, HEADER_SCAN_ROWS, type Header } from './header';
import { messages } from './messages';
import { classifyRow } from './summaryRows';
import { readTable } from './table';
import type {
  Cell,
  FileMonthTotal,
  ImportProblem,
  LedgerField,
  LedgerImportOptions,
  LedgerImportResult,
  SkippedRow,
} from './types';
import { cellText, readAmount, readDate } from './values';
import type { Voucher } from '../../src/feed/schema';
import { chinaTime } from '../../src/format/dates';

const DEFAULT_MAX_PROBLEMS = 200;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

/** Fields every voucher needs that only a default can stand in for when the file has no column. */
const DEFAULTABLE = ['handler', 'witness', 'approver', 'bookkeeper', 'reviewer', 'opinion'] as const;

/** Throws RangeError for malformed options: those are the caller's mistake, not the file's. */
export async function readLedgerFile(
  bytes: Uint8Array,
  fileName: string,
  options: LedgerImportOptions,
): Promise<LedgerImportResult> {
  const { month, defaults = {}, maxProblems = DEFAULT_MAX_PROBLEMS } = options;
  if (month !== undefined && !MONTH.test(month)) throw new RangeError(`month must be YYYY-MM, got ${month}`);
  if (options.publishedAt !== undefined && !DATE_TIME.test(options.publishedAt))
    throw new RangeError(`publishedAt must be ISO with +08:00, got ${options.publishedAt}`);
  const reviewedAt = defaultReviewedAt(defaults.reviewedAt);

  const problems: ImportProblem[] = [];
  const result = (partial: Partial<LedgerImportResult> & Pick<LedgerImportResult, 'format'>): LedgerImportResult => {
    // File-wide problems first, then by row as the operator reads down the sheet.
    const sorted = [...problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    const vouchers = partial.vouchers ?? [];
    const sum = (direction: Voucher['direction']) =>
      vouchers.filter((v) => v.direction === direction).reduce((total, v) => total + v.amountFen, 0);
    return {
      ok: problems.length === 0,
      mapping: {},
      skipped: [],
      ...partial,
      vouchers,
      problems: sorted.slice(0, maxProblems),
      problemCount: problems.length,
      totals: { incomeFen: sum('income'), expenseFen: sum('expense') },
    };
  };

  const read = await readTable(bytes, fileName, options.sheet);
  if (!read.ok) {
    problems.push(read.problem);
    return result({ format: /\.xlsx$/i.test(fileName) ? 'xlsx' : 'csv' });
  }
  const { table } = read;
  const fileInfo = {
    format: table.format,
    ...(table.encoding ? { encoding: table.encoding } : {}),
    ...(table.sheet ? { sheet: table.sheet } : {}),
  };
  const header = findHeader(table.rows, options.mapping);
  if (!header) {
    problems.push(messages.noHeader(Math.min(HEADER_SCAN_ROWS, table.rows.length)));
    return result(fileInfo);
  }
  const headerRow = header.index + 1;
  for (const text of header.unmatched) problems.push(messages.mappingColumnNotFound(headerRow, text));
  const columnName = (field: LedgerField) => headerColumnName(header, field);
  problems.push(...missingColumns(header, options));

  const body = walkRows(table.rows, header, (row, rowNumber) =>
    convertRow(row, rowNumber, {
      header,
      columnName,
      defaults,
      ...(month ? { month } : {}),
      ...(reviewedAt ? { reviewedAt } : {}),
    }),
  );
  problems.push(...body.problems);
  const entries = body.entries;
  if (entries.length === 0) problems.push(messages.noEntries());

  const settledMonth = month ?? inferMonth(entries, problems);
  if (month) {
    for (const entry of entries) {
      if (entry.day && !entry.day.startsWith(month)) {
        entry.problems.push(messages.outsideMonth(entry.row, columnName('date'), entry.day, month));
        delete entry.draft;
      }
    }
  }
  const seen = new Map<string, number>();
  for (const entry of entries) {
    if (!entry.number) continue;
    const first = seen.get(entry.number);
    if (first === undefined) {
      seen.set(entry.number, entry.row);
    } else {
      entry.problems.push(messages.duplicateNumber(entry.row, columnName('number'), entry.number, first));
      delete entry.draft;
    }
  }
  for (const entry of entries) problems.push(...entry.problems);

  const publishedAt = options.publishedAt ?? chinaTime(Date.now());
  const vouchers = entries.flatMap((entry) => (entry.draft ? [toVoucher(entry.draft, settledMonth, publishedAt)] : []));
  return result({
    ...fileInfo,
    ...(settledMonth ? { month: settledMonth } : {}),
    ...(body.openingFen === undefined ? {} : { openingFen: body.openingFen }),
    headerRow,
    mapping: header.mapping,
    vouchers,
    skipped: body.skipped,
    ...(body.monthTotal ? { monthTotal: body.monthTotal } : {}),
  });
}

/** Required columns the file lacks and no default covers: reported once, not on every row. */
const missingColumns = (header: Header, options: LedgerImportOptions): ImportProblem[] => {
  const has = (field: LedgerField) => header.columns[field] !== undefined;
  const missing: LedgerField[] = (['date', 'number', 'summary', 'account'] as const).filter((field) => !has(field));
  if (!has('income') && !has('expense')) {
    if (!has('amount')) missing.push('income', 'expense');
    else if (!has('direction')) missing.push('direction');
  }
  for (const field of DEFAULTABLE) if (!has(field) && !options.defaults?.[field]) missing.push(field);
  return missing.map((field) => messages.missingColumn(options.mapping?.[field] ?? FIELD_LABELS[field]));
};

interface Body {
  entries: RowOutcome[];
  skipped: SkippedRow[];
  problems: ImportProblem[];
  openingFen?: number;
  monthTotal?: FileMonthTotal;
}

/** The rows under the header: entries converted, other rows recognised, month totals checked against the entries above them. */
const walkRows = (rows: Cell[][], header: Header, convert: (row: Cell[], rowNumber: number) => RowOutcome): Body => {
  const body: Body = { entries: [], skipped: [], problems: [] };
  const { columns } = header;
  const columnName = (field: LedgerField) => headerColumnName(header, field);
  const amountColumns = (['income', 'expense', 'amount'] as const).flatMap((field) =>
    columns[field] === undefined ? [] : [columns[field]],
  );
  const fenIn = (row: Cell[], field: LedgerField): number | undefined => {
    const column = columns[field];
    const read = column === undefined ? undefined : readAmount(row[column] ?? null);
    return read?.kind === 'fen' ? read.fen : undefined;
  };
  // Trailing blank rows are the sheet's empty space, not rows worth listing.
  let last = rows.length - 1;
  while (last > header.index && classifyRow(rows[last] ?? [], amountColumns) === 'blank') last--;

  let since = { incomeFen: 0, expenseFen: 0 };
  // An entry whose amount could not be read was reported on its own row; a total compared
  // without it would report the same mistake again.
  let unreadAmount = false;
  let opening: number | undefined;
  for (let index = header.index + 1; index <= last; index++) {
    const row = rows[index] ?? [];
    const rowNumber = index + 1;
    const kind = classifyRow(row, amountColumns);
    if (kind === undefined) {
      const entry = convert(row, rowNumber);
      body.entries.push(entry);
      if (entry.amount) since[entry.amount.direction === 'income' ? 'incomeFen' : 'expenseFen'] += entry.amount.fen;
      else unreadAmount = true;
      continue;
    }
    body.skipped.push({ row: rowNumber, kind, text: row.map(cellText).filter(Boolean).join(' ') });
    if (kind === 'opening' && body.openingFen === undefined) {
      body.openingFen = fenIn(row, 'balance');
      opening = body.openingFen;
    }
    if (kind === 'monthTotal') {
      const total: FileMonthTotal = { row: rowNumber, matches: true };
      const compare = (side: 'income' | 'expense') => {
        const fen = fenIn(row, side);
        if (fen === undefined || unreadAmount) return;
        total[side === 'income' ? 'incomeFen' : 'expenseFen'] = fen;
        const entriesFen = since[side === 'income' ? 'incomeFen' : 'expenseFen'];
        if (fen !== entriesFen) {
          total.matches = false;
          body.problems.push(messages.monthTotalMismatch(rowNumber, columnName(side), side, entriesFen, fen));
        }
      };
      compare('income');
      compare('expense');
      const balance = fenIn(row, 'balance');
      if (balance !== undefined) {
        total.balanceFen = balance;
        const expected = opening === undefined ? undefined : opening + since.incomeFen - since.expenseFen;
        if (expected !== undefined && !unreadAmount && expected !== balance) {
          total.matches = false;
          body.problems.push(messages.closingMismatch(rowNumber, columnName('balance'), expected, balance));
        }
        opening = balance;
      }
      body.monthTotal = total;
      since = { incomeFen: 0, expenseFen: 0 };
      unreadAmount = false;
    }
  }
  return body;
};

/** The month all entry dates fall in; several months are a problem and leave the month unsettled. */
const inferMonth = (entries: RowOutcome[], problems: ImportProblem[]): string | undefined => {
  const months = [...new Set(entries.flatMap((entry) => (entry.day ? [entry.day.slice(0, 7)] : [])))].sort();
  if (months.length > 1) problems.push(messages.monthsSpanned(months));
  return months.length === 1 ? months[0] : undefined;
};

const WORD_LETTER: Record<string, string> = { 记: '', 收: 's', 付: 'f', 转: 'z' };

/** 记-0042 in 2026-10 → v-2026-10-0042; 收-0003 → v-2026-10-s0003. */
export const voucherId = (month: string, number: string): string => {
  const [word = '记', digits = ''] = number.split('-');
  return `v-${month}-${WORD_LETTER[word] ?? ''}${digits}`;
};

const toVoucher = (draft: VoucherDraft, month: string | undefined, publishedAt: string): Voucher => ({
  id: voucherId(month ?? draft.date.slice(0, 7), draft.number),
  publishedAt,
  version: 1,
  ...draft,
  receipts: [],
});

const defaultReviewedAt = (value: string | undefined): string | undefined => {
  if (value === undefined || DATE_TIME.test(value)) return value;
  const read = readDate(value);
  if (read.kind !== 'date') throw new RangeError(`defaults.reviewedAt must be a date, got ${value}`);
  return `${read.day}T00:00:00+08:00`;
};
