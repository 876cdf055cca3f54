/**
 * Voucher numbers as the books write them. A journal's 记-001 is kept as 记-001, so that a villager
 * comparing the screen with the paper voucher reads the same number; 记-001, 记-1 and 记-0001
 * still name one voucher, so duplicates and merges compare numbers by value.
 */

const NUMBER = /^([记收付转])-(\d{1,6})$/;

/** The voucher's word and its value: 记-001 → 记-1. Undefined for text that is not a voucher number. */
export const voucherNumberKey = (number: string): string | undefined => {
  const match = NUMBER.exec(number);
  return match ? `${match[1]}-${Number(match[2])}` : undefined;
};

/** Whether two numbers name the same voucher (记-001 and 记-1 do). */
export const sameVoucherNumber = (a: string, b: string): boolean =>
  (voucherNumberKey(a) ?? a) === (voucherNumberKey(b) ?? b);

const WORD_LETTER: Record<string, string> = { 记: '', 收: 's', 付: 'f', 转: 'z' };

/** A voucher's id from its value, however the number is written: 记-042 in 2026-10 → v-2026-10-0042; 收-3 → v-2026-10-s0003. */
export const voucherId = (month: string, number: string): string => {
  const [word = '记', value = ''] = (voucherNumberKey(number) ?? number).split('-');
  return `v-${month}-${WORD_LETTER[word] ?? ''}${value.padStart(4, '0')}`;
};
