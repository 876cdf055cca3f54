/**
 * Finding the header row below the title rows, and which column holds which field.
 * Programs name columns differently (凭证字号 / 凭证号 / 凭证编号, 收入 / 借方金额 ...);
 * a saved mapping from an earlier import wins over these guesses.
 */
import { cellText } from './values';
import { LEDGER_FIELDS, type Cell, type ColumnMapping, type LedgerField } from './types';

/** Our label for each field, used when the file has no column to name. */
export const FIELD_LABELS: Record<LedgerField, string> = {
  date: '日期',
  number: '凭证号',
  summary: '摘要',
  account: '科目',
  accountCode: '科目编码',
  income: '收入',
  expense: '支出',
  amount: '金额',
  direction: '收支方向',
  balance: '余额',
  handler: '经手人',
  witness: '证明人',
  approver: '审批人',
  bookkeeper: '记账人',
  reviewer: '审核人',
  opinion: '审核意见',
  reviewedAt: '审核日期',
  attachmentCount: '附件张数',
};

const KNOWN_NAMES: Record<LedgerField, string[]> = {
  date: ['日期', '凭证日期', '记账日期', '业务日期'],
  number: ['凭证字号', '凭证号', '凭证编号', '凭证号数', '字号'],
  summary: ['摘要'],
  account: ['科目', '会计科目', '科目名称', '对方科目', '科目全称'],
  accountCode: ['科目编码', '科目代码', '科目编号'],
  // Cash and bank journals: money coming in is a debit (借方) to them.
  income: ['收入', '借方', '借方金额', '收入金额'],
  expense: ['支出', '贷方', '贷方金额', '支出金额'],
  amount: ['金额', '发生额'],
  direction: ['收支方向', '收支', '方向', '收支类型'],
  balance: ['余额', '结余'],
  handler: ['经手人', '经办人'],
  witness: ['证明人'],
  approver: ['审批人', '批准人'],
  bookkeeper: ['记账人', '记账', '记账员'],
  reviewer: ['审核人', '理财小组', '审核', '民主理财小组'],
  opinion: ['审核意见', '理财小组意见'],
  reviewedAt: ['审核日期'],
  attachmentCount: ['附件', '附件张数', '附单据数', '附件数', '单据张数'],
};

/** 摘　要 → 摘要, 借方金额（元） → 借方金额. */
export const normaliseHeader = (text: string): string =>
  text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\([^)]*\)$/, '');

const FIELD_BY_NAME = new Map(
  LEDGER_FIELDS.flatMap((field) => KNOWN_NAMES[field].map((name) => [name, field] as const)),
);

/** Rows searched for the header; exports put at most a few title rows above it. */
export const HEADER_SCAN_ROWS = 30;

export interface Header {
  /** 0-based index into the table's rows. */
  index: number;
  /** Field → 0-based column. */
  columns: Partial<Record<LedgerField, number>>;
  /** Field → the header text, as the file writes it. */
  mapping: ColumnMapping;
  /** Fields whose column the saved mapping named (the rest were found by their usual names). */
  mapped: LedgerField[];
  /** Mapped header texts the header row does not have. */
  unmatched: string[];
}

/** How messages name a field's column: the file's own header text, or our label when the file has none. */
export const columnName = (header: Header, field: LedgerField): string => header.mapping[field] ?? FIELD_LABELS[field];

const guessColumns = (row: Cell[]): Partial<Record<LedgerField, number>> => {
  const columns: Partial<Record<LedgerField, number>> = {};
  row.forEach((cell, index) => {
    const field = FIELD_BY_NAME.get(normaliseHeader(cellText(cell)));
    if (field !== undefined && columns[field] === undefined) columns[field] = index;
  });
  return columns;
};

const looksLikeHeader = (columns: Partial<Record<LedgerField, number>>): boolean => {
  const hasAmount = columns.income !== undefined || columns.expense !== undefined || columns.amount !== undefined;
  const hasEntry = columns.date !== undefined || columns.summary !== undefined;
  return hasAmount && hasEntry && Object.keys(columns).length >= 3;
};

const columnOf = (row: Cell[], headerText: string): number => {
  const wanted = normaliseHeader(headerText);
  return row.findIndex((cell) => cell !== null && normaliseHeader(cellText(cell)) === wanted);
};

/** The header row and its columns, or undefined when none of the first rows looks like one. */
export const findHeader = (rows: Cell[][], saved: ColumnMapping = {}): Header | undefined => {
  const savedEntries = Object.entries(saved).filter(
    (entry): entry is [LedgerField, string] => entry[1] !== undefined && entry[1] !== '',
  );
  const scan = rows.slice(0, HEADER_SCAN_ROWS);
  // Most of a saved mapping, not all of it: a renamed column is reported, not a reason to lose the header.
  const enough = Math.min(savedEntries.length, Math.max(2, Math.ceil(savedEntries.length / 2)));
  const holdsSaved = (row: Cell[]) =>
    savedEntries.length > 0 && savedEntries.filter(([, text]) => columnOf(row, text) >= 0).length >= enough;
  let index = scan.findIndex(holdsSaved);
  if (index < 0) index = scan.findIndex((row) => looksLikeHeader(guessColumns(row)));
  const row = rows[index];
  if (index < 0 || row === undefined) return undefined;

  const columns = guessColumns(row);
  const unmatched: string[] = [];
  const mapped: LedgerField[] = [];
  for (const [field, text] of savedEntries) {
    const column = columnOf(row, text);
    if (column < 0) {
      unmatched.push(text);
      continue;
    }
    // The saved choice takes the column away from whatever field guessed it.
    for (const other of LEDGER_FIELDS) if (columns[other] === column) delete columns[other];
    columns[field] = column;
    mapped.push(field);
  }
  const mapping: ColumnMapping = {};
  for (const field of LEDGER_FIELDS) {
    const column = columns[field];
    if (column !== undefined) mapping[field] = cellText(row[column] ?? null);
  }
  return { index, columns, mapping, mapped: mapped.filter((field) => columns[field] !== undefined), unmatched };
};
