/**
 * One entry row → the fields of a voucher, or the problems that keep it out. The amount,
 * date and number are returned even when other cells fail, so that the month-total check
 * and the duplicate check do not repeat one mistake as several.
 */
import type { Voucher } from '../../src/feed/schema';
import type { Header } from './header';
import { messages } from './messages';
import { UNFILLED, type Cell, type ImportProblem, type LedgerDefaults, type LedgerField } from './types';
import {
  cellText,
  readAccount,
  readAmount,
  readCount,
  readDate,
  readDirection,
  readVoucherNumber,
  type AmountRead,
} from './values';

/** A voucher before the month is settled: id, publishedAt and version come later. */
export type VoucherDraft = Omit<Voucher, 'id' | 'publishedAt' | 'version' | 'receipts'>;

export interface RowOutcome {
  row: number;
  day?: string;
  number?: string;
  amount?: { direction: Voucher['direction']; fen: number };
  /** Present only when the row has no problems. */
  draft?: VoucherDraft;
  problems: ImportProblem[];
}

export interface ConvertContext {
  header: Header;
  /** The file's header text for a field, or our label. */
  columnName: (field: LedgerField) => string;
  defaults: LedgerDefaults;
  /** The account of every voucher when the file has no 科目 column: the default's, or 未填 without a code. */
  defaultAccount: Voucher['account'];
  month?: string;
  /** Default review day when neither the file nor the defaults give one: none means the voucher's own date. */
  reviewedAt?: string;
}

type TextField = 'summary' | 'handler' | 'witness' | 'approver' | 'bookkeeper' | 'reviewer' | 'opinion';

/** The schema's length limits, so that an imported voucher always validates. */
const MAX_LENGTH: Record<TextField, number> = {
  summary: 60,
  handler: 10,
  witness: 10,
  approver: 10,
  bookkeeper: 10,
  reviewer: 10,
  opinion: 60,
};

export const convertRow = (row: Cell[], rowNumber: number, context: ConvertContext): RowOutcome => {
  const { header, columnName, defaults } = context;
  const problems: ImportProblem[] = [];
  const outcome: RowOutcome = { row: rowNumber, problems };
  const cell = (field: LedgerField): Cell | undefined => {
    const column = header.columns[field];
    return column === undefined ? undefined : (row[column] ?? null);
  };
  const report = (problem: ImportProblem) => {
    problems.push(problem);
    return undefined;
  };

  // A column the file lacks: 摘要 was reported once for the whole file; the others take the default, or 未填.
  const text = (field: TextField): string | undefined => {
    const value = cell(field);
    if (value === undefined) return field === 'summary' ? undefined : (defaults[field] ?? UNFILLED);
    const content = cellText(value);
    if (content === '') return report(messages.required(rowNumber, columnName(field)));
    if (content.length > MAX_LENGTH[field])
      return report(messages.tooLong(rowNumber, columnName(field), MAX_LENGTH[field]));
    return content;
  };

  const day = (field: 'date' | 'reviewedAt'): string | undefined => {
    const value = cell(field);
    if (value === undefined) return undefined;
    const read = readDate(value, context.month);
    const column = columnName(field);
    const shown = cellText(value);
    switch (read.kind) {
      case 'date':
        return read.day;
      case 'blank':
        return field === 'date' ? report(messages.required(rowNumber, column)) : undefined;
      case 'incomplete':
        return report(messages.incompleteDate(rowNumber, column, shown));
      case 'bad':
        return report(messages.badDate(rowNumber, column, shown));
    }
  };

  outcome.day = day('date');
  const numberCell = cell('number');
  if (numberCell !== undefined) {
    outcome.number = readVoucherNumber(numberCell);
    if (numberCell === null) report(messages.required(rowNumber, columnName('number')));
    else if (outcome.number === undefined)
      report(messages.badNumber(rowNumber, columnName('number'), cellText(numberCell)));
  }
  outcome.amount = readEntryAmount(cell, columnName, rowNumber, report);
  const summary = text('summary');
  const account =
    cell('account') === undefined ? context.defaultAccount : readEntryAccount(cell, columnName, rowNumber, report);
  const handler = text('handler');
  const witness = text('witness');
  const approver = text('approver');
  const bookkeeper = text('bookkeeper');
  const reviewer = text('reviewer');
  const opinion = text('opinion');
  const reviewedOn = day('reviewedAt');
  let attachmentCount = defaults.attachmentCount ?? 0;
  const attachmentCell = cell('attachmentCount');
  if (attachmentCell !== undefined) {
    const count = readCount(attachmentCell);
    if (count === undefined)
      report(messages.badAttachmentCount(rowNumber, columnName('attachmentCount'), cellText(attachmentCell)));
    else attachmentCount = count;
  }

  const { day: date, number, amount } = outcome;
  if (problems.length > 0 || !date || !number || !amount || !summary || !account) return outcome;
  if (!handler || !witness || !approver || !bookkeeper || !reviewer || !opinion) return outcome;
  outcome.draft = {
    number,
    date: `${date}T00:00:00+08:00`,
    summary,
    account,
    direction: amount.direction,
    amountFen: amount.fen,
    handler,
    witness,
    approver,
    bookkeeper,
    review: {
      reviewer,
      reviewedAt: reviewedOn ? `${reviewedOn}T00:00:00+08:00` : (context.reviewedAt ?? `${date}T00:00:00+08:00`),
      opinion,
      sealed: defaults.sealed ?? false,
    },
    attachmentCount,
  };
  return outcome;
};

type CellOf = (field: LedgerField) => Cell | undefined;
type Report = (problem: ImportProblem) => undefined;

/** Fen of an amount cell, or undefined after reporting why not; 0 and blank both mean "no amount". */
const amountIn = (
  field: LedgerField,
  value: Cell,
  columnName: (f: LedgerField) => string,
  row: number,
  report: Report,
): number | undefined => {
  const read: AmountRead = readAmount(value);
  const column = columnName(field);
  switch (read.kind) {
    case 'blank':
      return 0;
    case 'bad':
      return report(messages.badAmount(row, column, cellText(value)));
    case 'subFen':
      return report(messages.subFen(row, column, cellText(value)));
    case 'fen':
      return read.fen < 0 ? report(messages.negative(row, column)) : read.fen;
  }
};

/** Income and spending columns (the amount's column gives the direction), or one amount column with a direction column. */
const readEntryAmount = (
  cell: CellOf,
  columnName: (f: LedgerField) => string,
  row: number,
  report: Report,
): RowOutcome['amount'] => {
  const incomeCell = cell('income');
  const expenseCell = cell('expense');
  if (incomeCell !== undefined || expenseCell !== undefined) {
    const income = incomeCell === undefined ? 0 : amountIn('income', incomeCell, columnName, row, report);
    const expense = expenseCell === undefined ? 0 : amountIn('expense', expenseCell, columnName, row, report);
    if (income === undefined || expense === undefined) return undefined;
    if (income > 0 && expense > 0)
      return report(messages.bothAmounts(row, columnName('income'), columnName('expense')));
    if (income > 0) return { direction: 'income', fen: income };
    if (expense > 0) return { direction: 'expense', fen: expense };
    if (incomeCell !== undefined && expenseCell !== undefined)
      return report(messages.noAmount(row, columnName('income'), columnName('expense')));
    return report(messages.required(row, columnName(incomeCell === undefined ? 'expense' : 'income')));
  }
  const amountCell = cell('amount');
  if (amountCell === undefined) return undefined;
  const fen = amountIn('amount', amountCell, columnName, row, report);
  if (fen === 0) return report(messages.required(row, columnName('amount')));
  const directionCell = cell('direction');
  if (directionCell === undefined) return undefined;
  const direction = readDirection(directionCell);
  if (directionCell === null) return report(messages.required(row, columnName('direction')));
  if (direction === undefined)
    return report(messages.badDirection(row, columnName('direction'), cellText(directionCell)));
  return fen === undefined ? undefined : { direction, fen };
};

const readEntryAccount = (
  cell: CellOf,
  columnName: (f: LedgerField) => string,
  row: number,
  report: Report,
): Voucher['account'] | undefined => {
  const nameCell = cell('account') ?? null;
  const column = columnName('account');
  if (nameCell === null) return report(messages.required(row, column));
  const read = readAccount(nameCell, cell('accountCode'));
  switch (read.kind) {
    case 'blank':
      return report(messages.required(row, column));
    case 'noCode':
      return report(messages.noAccountCode(row, column, cellText(nameCell)));
    case 'account':
      return read.name.length > 30 ? report(messages.tooLong(row, column, 30)) : { code: read.code, name: read.name };
  }
};
