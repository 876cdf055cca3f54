/**
 * Reading single cells: amounts to integer fen, dates to ISO days, voucher numbers to
 * 记-042 (as written), accounts to code and name. Each says what it could not read instead of
 * throwing, so the caller can name the row and column.
 */
import type { Cell } from './types';

/** Full-width digits and punctuation (０-９, ，, （）, ￥, －) read as their ASCII forms. */
const ascii = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '');

/** Text as shown, for messages and text fields. */
export const cellText = (cell: Cell): string => {
  if (cell === null) return '';
  if (cell instanceof Date) return isoDay(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate()) ?? '';
  return String(cell).trim().replace(/\s+/g, ' ');
};

export type AmountRead = { kind: 'blank' } | { kind: 'fen'; fen: number } | { kind: 'bad' } | { kind: 'subFen' };

/** Exact fen: text is read digit by digit, never through a float. */
export const readAmount = (cell: Cell): AmountRead => {
  if (cell === null) return { kind: 'blank' };
  if (cell instanceof Date) return { kind: 'bad' };
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return { kind: 'bad' };
    // 330.3 is stored as 330.29999…; toFixed(2) gives the decimal the operator typed.
    const hundredths = cell * 100;
    if (Math.abs(hundredths - Math.round(hundredths)) > 1e-6 * Math.max(1, Math.abs(hundredths)))
      return { kind: 'subFen' };
    return readAmount(cell.toFixed(2));
  }
  let text = ascii(cell);
  if (text === '' || /^[-—–]+$/.test(text)) return { kind: 'blank' };
  let negative = false;
  const parenthesised = /^\((.*)\)$/.exec(text);
  if (parenthesised) {
    negative = true;
    text = parenthesised[1] ?? '';
  }
  const signed = /^([-+]?)¥?([-+]?)(.*?)元?$/.exec(text);
  if (!signed) return { kind: 'bad' };
  if (signed[1] === '-' || signed[2] === '-') negative = !negative;
  const digits = /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?$/.exec(signed[3] ?? '');
  if (!digits || (digits[1] === undefined && digits[2] === undefined)) return { kind: 'bad' };
  const whole = (digits[1] ?? '0').replace(/,/g, '');
  const fraction = digits[2] ?? '';
  if (/[1-9]/.test(fraction.slice(2))) return { kind: 'subFen' };
  if (whole.length > 13) return { kind: 'bad' };
  const fen = Number(whole) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'));
  return { kind: 'fen', fen: negative && fen !== 0 ? -fen : fen };
};

const isoDay = (year: number, month: number, day: number): string | undefined => {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

/** Excel's day count from 1899-12-30 (the 1900 date system, leap-year bug included). */
const fromExcelSerial = (serial: number): string | undefined => {
  const date = new Date(Math.round((serial - 25569) * 86_400_000));
  return isoDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
};

export type DateRead = { kind: 'blank' } | { kind: 'date'; day: string } | { kind: 'bad' } | { kind: 'incomplete' };

/** A date as YYYY-MM-DD; `month` (YYYY-MM) completes a bare day or a month and day. */
export const readDate = (cell: Cell, month?: string): DateRead => {
  if (cell === null) return { kind: 'blank' };
  const found = (day: string | undefined): DateRead => (day ? { kind: 'date', day } : { kind: 'bad' });
  const [year, monthNumber] = month ? month.split('-').map(Number) : [];
  const withinMonth = (m: number, d: number): DateRead =>
    year === undefined ? { kind: 'incomplete' } : found(isoDay(year, m, d));
  if (cell instanceof Date) return found(cellText(cell) || undefined);
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) && cell < 20000) return { kind: 'bad' };
    if (cell >= 1 && cell <= 31) return withinMonth(monthNumber ?? 0, cell);
    if (cell >= 20000 && cell < 80000) return found(fromExcelSerial(cell));
    return readDate(String(cell), month);
  }
  // Spaces are kept here: they separate a day from a time (2026/10/1 10:05).
  const text = cell.normalize('NFKC').trim();
  const full =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[T\s]\s*\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(
      text,
    );
  if (full) return found(isoDay(Number(full[1]), Number(full[2]), Number(full[3])));
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (compact) return found(isoDay(Number(compact[1]), Number(compact[2]), Number(compact[3])));
  const monthDay = /^(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (monthDay) return withinMonth(Number(monthDay[1]), Number(monthDay[2]));
  const day = /^(\d{1,2})\s*日?$/.exec(text);
  if (day) return withinMonth(monthNumber ?? 0, Number(day[1]));
  if (/^\d{5}(\.\d+)?$/.test(text)) return readDate(Number(text), month);
  return { kind: 'bad' };
};

/**
 * A voucher number with its digits as the journal writes them: 记-001 stays 记-001, 记字第42号 and
 * 记42 read 记-42, a bare 42 is 记-42 (every village program's default word is 记).
 */
export const readVoucherNumber = (cell: Cell): string | undefined => {
  const match = /^([记收付转])?字?第?[-_#.]?(\d{1,6})号?$/.exec(ascii(cellText(cell)));
  const n = Number(match?.[2]);
  if (!match || !Number.isInteger(n) || n < 1 || n > 9999) return undefined;
  return `${match[1] ?? '记'}-${match[2]}`;
};

/** Levels of an account joined the way the sample chart writes them: 管理费用—水电费. */
const accountName = (name: string): string => name.trim().replace(/\s*[-－—–_/\\]+\s*/g, '—');

export type AccountRead = { kind: 'blank' } | { kind: 'account'; code: string; name: string } | { kind: 'noCode' };

/** "541 管理费用", "54102 管理费用-水电费", "管理费用（541）", "[541]管理费用", or a code column beside a name. */
export const readAccount = (nameCell: Cell, codeCell?: Cell): AccountRead => {
  const text = cellText(nameCell);
  const code = codeCell === undefined ? '' : ascii(cellText(codeCell));
  if (text === '' && code === '') return { kind: 'blank' };
  const patterns = [
    /^(\d{3,8})\s*[-_.、:：]?\s*(\D.*)$/,
    /^[[【(（]\s*(\d{3,8})\s*[\]】)）]\s*(.+)$/,
    /^(.+?)\s*[(（[【]\s*(\d{3,8})\s*[)）\]】]$/,
  ];
  for (const [index, pattern] of patterns.entries()) {
    const match = pattern.exec(text);
    if (!match) continue;
    const [inCode, inName] = index === 2 ? [match[2], match[1]] : [match[1], match[2]];
    return { kind: 'account', code: /^\d{3,8}$/.test(code) ? code : (inCode ?? ''), name: accountName(inName ?? '') };
  }
  if (/^\d{3,8}$/.test(code) && text !== '') return { kind: 'account', code, name: accountName(text) };
  return { kind: 'noCode' };
};

/** 3, "3", "3张", "共3张". */
export const readCount = (cell: Cell): number | undefined => {
  if (cell === null) return 0;
  const match = /^共?(\d+)张?$/.exec(ascii(cellText(cell)));
  return match ? Number(match[1]) : undefined;
};

export const readDirection = (cell: Cell): 'income' | 'expense' | undefined => {
  const text = ascii(cellText(cell));
  if (/^(收|收入|借|借方)$/.test(text)) return 'income';
  if (/^(支|支出|付|付出|贷|贷方)$/.test(text)) return 'expense';
  return undefined;
};
