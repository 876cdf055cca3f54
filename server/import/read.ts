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
import {
  FILLABLE_FIELDS,
  LEDGER_FIELDS,
  UNFILLED,
  type Cell,
  type ColumnReport,
  type FileMonthTotal,
  type FillableField,
  type ImportProblem,
  type LedgerDefaults,
  type LedgerField,
  type LedgerImportOptions,
  type LedgerImportResult,
  type SheetRow,
  type SkippedRow,
} from './types';
import { cellText, readAccount, readAmount, readDate } from './values';
import { voucherId, voucherNumberKey } from './voucherNumber';
import type { Voucher } from '../../src/feed/schema';
import { chinaTime } from '../../src/format/dates';

const DEFAULT_MAX_PROBLEMS = 200;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

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
      columns: [],
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
  const filled = fillFor(defaults);
  problems.push(...filled.problems);

  const body = walkRows(table.rows, header, options.withRows === true, (row, rowNumber) =>
    convertRow(row, rowNumber, {
      header,
      columnName,
      defaults,
      defaultAccount: filled.account,
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
  // By value: 记-001 and 记-1 are one voucher written two ways.
  const seen = new Map<string, number>();
  for (const entry of entries) {
    const key = entry.number && voucherNumberKey(entry.number);
    if (!key || !entry.number) continue;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, entry.row);
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
    columns: columnReport(header, defaults, filled.account),
    vouchers,
    skipped: body.skipped,
    ...(body.monthTotal ? { monthTotal: body.monthTotal } : {}),
    ...(body.rows ? { header: (table.rows[header.index] ?? []).map(cellText), rows: body.rows } : {}),
  });
}

/** Which fields must have a column: a voucher has no date, number, summary or amount by default. */
const neededFields = (has: (field: LedgerField) => boolean): LedgerField[] => {
  const needed: LedgerField[] = ['date', 'number', 'summary'];
  if (has('income') || has('expense') || !has('amount')) needed.push('income', 'expense');
  else needed.push('amount', 'direction');
  return needed;
};

/** Columns the file lacks and no default can stand in for: reported once, not on every row. */
const missingColumns = (header: Header, options: LedgerImportOptions): ImportProblem[] => {
  const has = (field: LedgerField) => header.columns[field] !== undefined;
  let missing = neededFields(has).filter((field) => !has(field));
  // One of income and spending is enough (a month may have no income).
  if (has('income') || has('expense')) missing = missing.filter((field) => field !== 'income' && field !== 'expense');
  return missing.map((field) => messages.missingColumn(options.mapping?.[field] ?? FIELD_LABELS[field]));
};

/** The account the defaults give every voucher of a file without a 科目 column, and what is wrong with the defaults. */
const fillFor = (defaults: LedgerDefaults): { account: Voucher['account']; problems: ImportProblem[] } => {
  const problems: ImportProblem[] = [];
  for (const field of FILLABLE_FIELDS) {
    const value = defaults[field];
    const max = field === 'account' ? 40 : DEFAULT_MAX_LENGTH[field];
    if (value !== undefined && value.length > max)
      problems.push(
        messages.badDefault(FIELD_LABELS[field], value, `不能超过${max}个字`, `must be at most ${max} characters`),
      );
  }
  const text = defaults.account?.trim();
  if (!text || text === UNFILLED) return { account: { code: '', name: UNFILLED }, problems };
  const read = readAccount(text);
  if (read.kind === 'account' && read.name.length <= 30)
    return { account: { code: read.code, name: read.name }, problems };
  problems.push(
    messages.badDefault(
      FIELD_LABELS.account,
      text,
      '应写成科目编码和名称，如「101 现金」，或写「未填」',
      'must be an account code and name, such as "101 现金", or 未填',
    ),
  );
  return { account: { code: '', name: UNFILLED }, problems };
};

/** The schema's length limits of the text fields a default may fill. */
const DEFAULT_MAX_LENGTH: Record<Exclude<FillableField, 'account'>, number> = {
  handler: 10,
  witness: 10,
  approver: 10,
  bookkeeper: 10,
  reviewer: 10,
  opinion: 60,
};

/** For each field: the column it was read from and how that column was found, or what fills it instead. */
const columnReport = (header: Header, defaults: LedgerDefaults, account: Voucher['account']): ColumnReport[] => {
  const has = (field: LedgerField) => header.columns[field] !== undefined;
  const needed = new Set(neededFields(has));
  return LEDGER_FIELDS.flatMap((field): ColumnReport[] => {
    const label = FIELD_LABELS[field];
    const column = header.columns[field];
    if (column !== undefined)
      return [
        {
          field,
          label,
          how: header.mapped.includes(field) ? 'mapping' : 'name',
          header: header.mapping[field] ?? label,
          column: column + 1,
        },
      ];
    if ((FILLABLE_FIELDS as readonly LedgerField[]).includes(field)) {
      const value =
        field === 'account' ? [account.code, account.name].filter(Boolean).join(' ') : defaults[field as FillableField];
      return [{ field, label, how: value && value !== UNFILLED ? 'default' : 'unfilled', value: value || UNFILLED }];
    }
    if (field === 'attachmentCount' && defaults.attachmentCount !== undefined)
      return [{ field, label, how: 'default', value: String(defaults.attachmentCount) }];
    if (field === 'reviewedAt' && defaults.reviewedAt !== undefined)
      return [{ field, label, how: 'default', value: defaults.reviewedAt }];
    const eitherAmount = (field === 'income' || field === 'expense') && (has('income') || has('expense'));
    return needed.has(field) && !eitherAmount ? [{ field, label, how: 'missing' }] : [];
  });
};

interface Body {
  rows?: SheetRow[];
  entries: RowOutcome[];
  skipped: SkippedRow[];
  problems: ImportProblem[];
  openingFen?: number;
  monthTotal?: FileMonthTotal;
}

/** The rows under the header: entries converted, other rows recognised, month totals checked against the entries above them. */
const walkRows = (
  rows: Cell[][],
  header: Header,
  withRows: boolean,
  convert: (row: Cell[], rowNumber: number) => RowOutcome,
): Body => {
  const body: Body = { entries: [], skipped: [], problems: [], ...(withRows ? { rows: [] } : {}) };
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
    body.rows?.push({ row: rowNumber, kind: kind ?? 'entry', cells: row.map(cellText) });
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
