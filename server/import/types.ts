/**
 * What the ledger importer takes and gives back. Everything an operator needs to
 * fix a file is in `problems`; the importer never throws on a bad file.
 */
import type { Voucher } from '../../src/feed/schema';

/** Our names for the columns a village's export may have. */
export const LEDGER_FIELDS = [
  'date',
  'number',
  'summary',
  'account',
  'accountCode',
  'income',
  'expense',
  'amount',
  'direction',
  'balance',
  'handler',
  'witness',
  'approver',
  'bookkeeper',
  'reviewer',
  'opinion',
  'reviewedAt',
  'attachmentCount',
] as const;

export type LedgerField = (typeof LEDGER_FIELDS)[number];

/** Field → the header text of the file's column, e.g. { summary: '摘要', income: '借方金额' }. */
export type ColumnMapping = Partial<Record<LedgerField, string>>;

/** What fills a field the file has no column for; without a value, 未填 (account: 未填 without a code). */
export const UNFILLED = '未填';

/** Fields a voucher can do without: a file lacking their column takes the default, or 未填. */
export const FILLABLE_FIELDS = [
  'account',
  'handler',
  'witness',
  'approver',
  'bookkeeper',
  'reviewer',
  'opinion',
] as const;
export type FillableField = (typeof FILLABLE_FIELDS)[number];

/** Values for fields the file has no column for. */
export interface LedgerDefaults {
  /** Code and name, as a 科目 cell writes them: "101 现金"; or 未填. */
  account?: string;
  handler?: string;
  witness?: string;
  approver?: string;
  bookkeeper?: string;
  reviewer?: string;
  opinion?: string;
  /** ISO date or time; without it a voucher counts as reviewed on its own date. */
  reviewedAt?: string;
  /** Whether the 民主理财小组 sealed the vouchers; the exports never say, so false unless told. */
  sealed?: boolean;
  attachmentCount?: number;
}

export interface LedgerImportOptions {
  /** YYYY-MM. Needed for dates given as a bare day number; rows outside it are problems. */
  month?: string;
  /** Sheet of an .xlsx by name or 1-based position; the first sheet otherwise. */
  sheet?: string | number;
  /** A saved mapping; its fields override detection, the rest are still detected. */
  mapping?: ColumnMapping;
  defaults?: LedgerDefaults;
  /** publishedAt of the vouchers (ISO +08:00); now otherwise. */
  publishedAt?: string;
  /** At most this many problems are listed (200 by default). */
  maxProblems?: number;
  /** Also give the header and every row under it as text, for a preview table. */
  withRows?: boolean;
}

export type ProblemCode =
  | 'unsupportedFormat'
  | 'unreadableFile'
  | 'badEncoding'
  | 'tooLarge'
  | 'sheetNotFound'
  | 'noHeader'
  | 'mappingColumnNotFound'
  | 'missingColumn'
  | 'badDefault'
  | 'required'
  | 'tooLong'
  | 'badDate'
  | 'incompleteDate'
  | 'outsideMonth'
  | 'monthsSpanned'
  | 'badAmount'
  | 'subFen'
  | 'negative'
  | 'bothAmounts'
  | 'noAmount'
  | 'badDirection'
  | 'badNumber'
  | 'duplicateNumber'
  | 'noAccountCode'
  | 'badAttachmentCount'
  | 'monthTotalMismatch'
  | 'closingMismatch'
  /** One of the service's rules for a month (last month's closing, a voucher's ceiling, a character the TV cannot draw), found by a preview. */
  | 'serviceRule'
  | 'noEntries';

export interface ImportProblem {
  code: ProblemCode;
  /** 1-based row as the spreadsheet shows it; absent for problems of the whole file. */
  row?: number;
  /** The column's header text in the file (or our label when the file has no such column). */
  column?: string;
  zh: string;
  en: string;
}

/** How a field got its values: from a column found by its usual name or named by the mapping, or, when the file has no such column, from a default, as 未填, or not at all (a column the import cannot do without). */
export type ColumnSource = 'name' | 'mapping' | 'default' | 'unfilled' | 'missing';

export interface ColumnReport {
  field: LedgerField;
  /** Our name for the field: 科目. */
  label: string;
  how: ColumnSource;
  /** The file's header text (name, mapping). */
  header?: string;
  /** 1-based column, as the spreadsheet counts them (name, mapping). */
  column?: number;
  /** What every voucher gets instead (default, unfilled). */
  value?: string;
}

export type SkippedKind = 'blank' | 'opening' | 'monthTotal' | 'yearTotal' | 'note';

export interface SkippedRow {
  row: number;
  kind: SkippedKind;
  /** The row's words, e.g. 本月合计, so the operator recognises it. */
  text: string;
}

/** A row under the header as the preview shows it: its cells' text and what the importer took it for. */
export interface SheetRow {
  row: number;
  kind: 'entry' | SkippedKind;
  cells: string[];
}

export interface FileMonthTotal {
  row: number;
  incomeFen?: number;
  expenseFen?: number;
  balanceFen?: number;
  /** The entries above it add up to its income and expense (and balance, when there is an opening). */
  matches: boolean;
}

export interface LedgerImportResult {
  /** No problems: the vouchers are complete and may be published. */
  ok: boolean;
  format: 'csv' | 'xlsx';
  encoding?: 'utf-8' | 'utf-16le' | 'gb18030';
  sheet?: string;
  month?: string;
  /** From the 上月结转 / 期初余额 row's balance. */
  openingFen?: number;
  /** 1-based row of the header. */
  headerRow?: number;
  /** The mapping used; save it to read the next month's file the same way. */
  mapping: ColumnMapping;
  /** Which fields were found, and how; empty when the header was not found. */
  columns: ColumnReport[];
  /** Entry rows that converted cleanly; rows with problems are left out. */
  vouchers: Voucher[];
  skipped: SkippedRow[];
  problems: ImportProblem[];
  /** How many problems there were in all; `problems` is cut at maxProblems. */
  problemCount: number;
  /** Sums of `vouchers`. */
  totals: { incomeFen: number; expenseFen: number };
  monthTotal?: FileMonthTotal;
  /** With `withRows`: the header row's cells and the rows under it, to the last that is not blank. */
  header?: string[];
  rows?: SheetRow[];
}

/** A cell as the table readers give it: blank cells are null. */
export type Cell = string | number | Date | null;

export interface SheetTable {
  /** rows[i] is the spreadsheet's row i + 1. */
  rows: Cell[][];
  format: 'csv' | 'xlsx';
  encoding?: LedgerImportResult['encoding'];
  sheet?: string;
}
