/**
 * Rows below the header that are not entries: 上月结转 (carried forward), 本月合计 (month
 * total), 本年累计 (year to date), blank rows, and signature lines such as 会计主管：张三.
 */
import { cellText } from './values';
import type { Cell, SkippedKind } from './types';

const KINDS: [SkippedKind, RegExp][] = [
  ['opening', /^(上月结转|上期结转|上年结转|承上月|期初余额|月初余额|年初余额)(余额)?$/],
  ['monthTotal', /^(本月合计|本月发生额?|本期合计|本期发生额?|月计)$/],
  ['yearTotal', /^(本年累计|本年合计|累计)$/],
];

const SIGNATURE = /^(会计主管|主管|财务负责人|会计|出纳|制表|制表人|制单|审核|记账|复核|村委会主任|理财小组)[:：]/;

/**
 * What kind of non-entry row this is, or undefined for an entry. A row with no amount in
 * `amountColumns` that starts a cell with a signature label is a note.
 */
export const classifyRow = (row: Cell[], amountColumns: number[]): SkippedKind | undefined => {
  const texts = row.map((cell) => cellText(cell)).filter((text) => text !== '');
  if (texts.length === 0) return 'blank';
  for (const text of texts) {
    const plain = text.normalize('NFKC').replace(/\s+/g, '');
    for (const [kind, pattern] of KINDS) if (pattern.test(plain)) return kind;
  }
  const hasAmount = amountColumns.some((column) => cellText(row[column] ?? null) !== '');
  if (!hasAmount && texts.some((text) => SIGNATURE.test(text.replace(/\s+/g, '')))) return 'note';
  return undefined;
};
