/**
 * What the console's ledger page shows before anything is stored: a village's export read as
 * the import reads it (each problem on its row and column, which columns were recognised and
 * how), then run through every rule a real import runs, as a dry run; and the month's totals
 * against the file's 本月合计 and last month's closing. Nothing is saved here: to submit, the page
 * sends the answer's `vouchers` and `openingFen` to the import endpoint.
 */
import type { Voucher } from '../../src/feed/schema';
import { LEDGER_CHANNEL } from '../../src/feed/taxonomy';
import type { Operator } from '../auth/operators';
import { FIELD_LABELS } from '../import/header';
import { IMPORT_LIMITS } from '../import/limits';
import { readLedgerFile } from '../import/read';
import type { LedgerColumnSettings } from '../import/settings';
import type { ImportProblem, LedgerDefaults, LedgerField, LedgerImportResult, ProblemCode } from '../import/types';
import { voucherNumberKey } from '../import/voucherNumber';
import type { ContentContext } from './context';
import { serverKind } from './kinds';
import { checkedColumns, storedColumns, villageFor } from './ledgerColumns';
import { importLedgerRows } from './ledgerMerge';
import type { OperatorProblem } from './messages';
import { currentBody } from './operations';
import { OperatorError } from './operatorError';

export interface PreviewRequest {
  fileName: string;
  /** The file's bytes in base64. */
  file: string;
  /** An .xlsx sheet by name; the first otherwise. */
  sheet?: string;
  /** Columns and defaults to read with (checked here); the village's saved ones when neither is given. */
  mapping?: Record<string, unknown>;
  defaults?: Record<string, unknown>;
}

export interface LedgerPreview extends Pick<
  LedgerImportResult,
  'format' | 'encoding' | 'sheet' | 'headerRow' | 'mapping' | 'columns' | 'problemCount' | 'vouchers' | 'openingFen'
> {
  /** Nothing to fix: importing these vouchers into the month would be accepted. */
  ok: boolean;
  month: string;
  settingsFrom: 'request' | 'saved' | 'none';
  defaults: LedgerDefaults;
  header: string[];
  rows: NonNullable<LedgerImportResult['rows']>;
  problems: ImportProblem[];
  totals: {
    openingFen: number | null;
    incomeFen: number;
    expenseFen: number;
    closingFen: number | null;
    /** The file's 本月合计 row, and whether the entries add up to it. */
    monthTotal: NonNullable<LedgerImportResult['monthTotal']> | null;
    previousClosingFen: number | null;
    /** Whether the month opens where last month closed; null when either is unknown. */
    openingMatchesPrevious: boolean | null;
  };
  /** What the import would change in the month as it stands, once nothing is left to fix. */
  merge: { added: number; changed: number; unchanged: number; summary: { zh: string[]; en: string[] } } | null;
}

/** Problems that leave nothing to preview: the file itself cannot be read. */
const FILE_PROBLEMS: ProblemCode[] = [
  'unsupportedFormat',
  'unreadableFile',
  'badEncoding',
  'tooLarge',
  'sheetNotFound',
  'noHeader',
];

/** A request carrying a file at the importer's cap, in base64, with room for the rest of the JSON. */
export const PREVIEW_BODY_LIMIT = Math.ceil(IMPORT_LIMITS.fileBytes / 3) * 4 + 256 * 1024;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const fileBytes = (request: PreviewRequest): Uint8Array => {
  if (request.file.length % 4 !== 0 || !BASE64.test(request.file))
    throw new OperatorError(
      400,
      '请求有误：「file」应为文件内容的 base64 编码',
      'Bad request: file must be the base64 of the file',
    );
  const bytes = new Uint8Array(Buffer.from(request.file, 'base64'));
  if (bytes.length === 0) throw new OperatorError(422, '文件是空的，未导入', 'The file is empty; nothing was imported');
  return bytes;
};

/** The voucher field a rule names (/review/opinion → opinion) as the importer's field, for its column. */
const RULE_FIELDS: Record<string, LedgerField> = {
  number: 'number',
  date: 'date',
  summary: 'summary',
  account: 'account',
  handler: 'handler',
  witness: 'witness',
  approver: 'approver',
  bookkeeper: 'bookkeeper',
  reviewer: 'reviewer',
  opinion: 'opinion',
  reviewedAt: 'reviewedAt',
  attachmentCount: 'attachmentCount',
};

/** A rule's problem placed on the file's row and column: a voucher's by its number, the opening balance on 上月结转. */
const placeRuleProblem = (problem: OperatorProblem, read: LedgerImportResult, vouchers: Voucher[]): ImportProblem => {
  const column = (field: LedgerField) => read.mapping[field] ?? FIELD_LABELS[field];
  const key = voucherNumberKey(problem.item);
  const voucher = key ? vouchers.find((v) => voucherNumberKey(v.number) === key) : undefined;
  const rows = read.rows ?? [];
  let row: number | undefined;
  let field: LedgerField | undefined;
  if (voucher) {
    row = rows.find((r) => r.kind === 'entry' && r.cells.some((c) => voucherNumberKey(c) === key))?.row;
    const name = problem.field.split('/').filter(Boolean).at(-1) ?? '';
    field = name === 'amountFen' ? (voucher.direction === 'income' ? 'income' : 'expense') : RULE_FIELDS[name];
  } else if (problem.field === '/openingFen') {
    row = rows.find((r) => r.kind === 'opening')?.row;
    field = 'balance';
  }
  return {
    code: 'serviceRule',
    ...(row === undefined ? {} : { row }),
    ...(field === undefined ? {} : { column: column(field) }),
    zh: row === undefined ? problem.zh : `第${row}行：${problem.zh}`,
    en: row === undefined ? problem.en : `Row ${row}: ${problem.en}`,
  };
};

export const previewLedgerFile = async (
  context: ContentContext,
  operator: Operator,
  village: string,
  month: string,
  request: PreviewRequest,
): Promise<LedgerPreview> => {
  const { db } = context;
  villageFor(db, operator, village, ['edit']);
  const bytes = fileBytes(request);
  const given = request.mapping !== undefined || request.defaults !== undefined;
  const saved: LedgerColumnSettings = given ? {} : storedColumns(db, village).settings;
  const settings: LedgerColumnSettings = given
    ? checkedColumns({
        ...(request.mapping ? { mapping: request.mapping } : {}),
        ...(request.defaults ? { defaults: request.defaults } : {}),
      })
    : saved;
  const read = await readLedgerFile(bytes, request.fileName, {
    month,
    withRows: true,
    ...(request.sheet ? { sheet: request.sheet } : {}),
    ...(settings.mapping ? { mapping: settings.mapping } : {}),
    ...(settings.defaults ? { defaults: settings.defaults } : {}),
  });
  const fatal = read.problems.find((p) => FILE_PROBLEMS.includes(p.code));
  if (fatal)
    throw new OperatorError(fatal.code === 'tooLarge' ? 413 : 422, fatal.zh, fatal.en, [
      { item: request.fileName, field: '/file', zh: fatal.zh, en: fatal.en },
    ]);

  // Last month's closing, as the month's rules will read it.
  const facts = serverKind('ledger')!.facts(month, (itemId) =>
    currentBody(db, { region: village, channel: LEDGER_CHANNEL, itemId }),
  );
  const previousClosingFen = facts.previousClosingFen ?? null;
  const openingFen = read.openingFen ?? previousClosingFen;
  const problems = [...read.problems];
  let merge: LedgerPreview['merge'] = null;
  if (read.ok) {
    try {
      const result = importLedgerRows(context, operator, village, month, {
        vouchers: read.vouchers,
        ...(read.openingFen !== undefined ? { openingFen: read.openingFen } : {}),
        dryRun: true,
      });
      merge = { added: result.added, changed: result.changed, unchanged: result.unchanged, summary: result.summary };
    } catch (error) {
      if (!(error instanceof OperatorError) || error.status !== 422) throw error;
      const found = error.problems ?? [{ item: month, field: '/', zh: error.zh, en: error.en }];
      problems.push(...found.map((problem) => placeRuleProblem(problem, read, read.vouchers)));
    }
  }
  return {
    ok: problems.length === 0,
    format: read.format,
    ...(read.encoding ? { encoding: read.encoding } : {}),
    ...(read.sheet ? { sheet: read.sheet } : {}),
    month,
    ...(read.headerRow === undefined ? {} : { headerRow: read.headerRow }),
    settingsFrom: given ? 'request' : saved.mapping || saved.defaults ? 'saved' : 'none',
    mapping: read.mapping,
    defaults: settings.defaults ?? {},
    columns: read.columns,
    header: read.header ?? [],
    rows: read.rows ?? [],
    problems,
    problemCount: read.problemCount + (problems.length - read.problems.length),
    totals: {
      openingFen,
      incomeFen: read.totals.incomeFen,
      expenseFen: read.totals.expenseFen,
      closingFen: openingFen === null ? null : openingFen + read.totals.incomeFen - read.totals.expenseFen,
      monthTotal: read.monthTotal ?? null,
      previousClosingFen,
      openingMatchesPrevious:
        read.openingFen === undefined || previousClosingFen === null ? null : read.openingFen === previousClosingFen,
    },
    vouchers: read.vouchers,
    ...(read.openingFen === undefined ? {} : { openingFen: read.openingFen }),
    merge,
  };
};
