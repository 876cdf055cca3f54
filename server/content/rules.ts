/**
 * Everything a pushed item must satisfy before it can be stored as a draft: the feed
 * schema of its kind and the domain rules the schema cannot express.
 */
import type { ContentKind } from '../../src/feed/taxonomy';
import { itemProblems } from '../../src/feed/validate';
import { walkJson } from '../../src/feed/jsonWalk';
import { findUnmaskedNumber, isMaskedValue, isPublicWorkPhoneField } from '../../src/format/personalNumbers';
import { formatFen } from '../../src/format/money';
import type { Coverage } from './fontCoverage';
import { describeProblem, ruleProblem, type OperatorProblem } from './messages';
import { jsonDepth, MAX_ITEM_DEPTH, STRICT_ITEM_SCHEMAS } from './strictSchemas';

export type ItemKind = Exclude<ContentKind, 'household'>;

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\+08:00$/;
const WHITESPACE = /\s/;

const UNMASKED: Record<'id' | 'mobile' | 'bank', [string, string]> = {
  id: ['含有完整的身份证号，必须打码（如 3707**********1234）', 'contains a whole ID number; mask it (e.g. 3707**********1234)'],
  mobile: ['含有完整的手机号，必须打码（如 138****5678）', 'contains a whole mobile number; mask it (e.g. 138****5678)'],
  bank: ['含有完整的银行卡号，必须打码（如 ****8901）', 'contains a whole bank card number; mask it (e.g. ****8901)'],
};

/** Each voucher within the district's ceiling, and the month's totals within the range integers are exact in. */
const amountProblems = (body: unknown, itemLabel: string, maxVoucherFen: number): OperatorProblem[] => {
  const month = body as { openingFen?: unknown; vouchers?: unknown };
  if (!Array.isArray(month.vouchers)) return [];
  const problems: OperatorProblem[] = [];
  let total = typeof month.openingFen === 'number' ? Math.abs(month.openingFen) : 0;
  month.vouchers.forEach((voucher, index) => {
    const amount = (voucher as { amountFen?: unknown } | null)?.amountFen;
    if (typeof amount !== 'number') return;
    total += Math.abs(amount);
    if (amount > maxVoucherFen) {
      const where = locate(body, itemLabel, `/vouchers/${index}/amountFen`);
      problems.push(ruleProblem(where.item, where.field, `超过单笔上限 ${formatFen(maxVoucherFen)}，请核对`, `is above the ceiling of ${formatFen(maxVoucherFen)} per voucher; check it`));
    }
  });
  if (!Number.isSafeInteger(total)) problems.push(ruleProblem(itemLabel, '/vouchers', '合计太大，无法准确计算', 'add up to more than can be counted exactly'));
  return problems;
};

/**
 * What a month's vouchers must agree on: each dated within the month, no voucher number
 * twice, one image per attachment, and every receipt an uploaded file under media/.
 */
const voucherProblems = (body: unknown, itemLabel: string, feedFileExists?: (path: string) => boolean): OperatorProblem[] => {
  const month = body as { month?: unknown; vouchers?: unknown };
  if (!Array.isArray(month.vouchers) || typeof month.month !== 'string') return [];
  const problems: OperatorProblem[] = [];
  const seen = new Set<string>();
  month.vouchers.forEach((voucher, index) => {
    if (!voucher || typeof voucher !== 'object') return;
    const { date, number, receipts, attachmentCount } = voucher as { date?: unknown; number?: unknown; receipts?: unknown; attachmentCount?: unknown };
    const at = (field: string) => locate(body, itemLabel, `/vouchers/${index}${field}`);
    if (typeof date === 'string' && ISO_TIME.test(date) && !date.startsWith(`${month.month}-`)) {
      problems.push(ruleProblem(at('/date').item, at('/date').field, `不在本月（${month.month}）之内`, `is not within the month (${month.month})`));
    }
    if (typeof number === 'string') {
      if (seen.has(number)) problems.push(ruleProblem(at('/number').item, at('/number').field, '与本月另一张凭证重号', 'is used by another voucher of this month'));
      seen.add(number);
    }
    if (!Array.isArray(receipts)) return;
    // Every attachment is its own image: once any is attached, all are (none yet: the books came
    // before the scans). A box showing 附件 3 张 and one image would hide two.
    if (typeof attachmentCount === 'number' && receipts.length > 0 && receipts.length !== attachmentCount) {
      const where = at('/attachmentCount');
      problems.push(
        ruleProblem(
          where.item,
          where.field,
          `为 ${attachmentCount} 张，但附了 ${receipts.length} 张图片：每张附件各附一张图片（sanwu attach 可一次附多张）`,
          `is ${attachmentCount} but ${receipts.length} image(s) are attached: attach one image per attachment (sanwu attach takes several)`,
        ),
      );
    }
    receipts.forEach((receipt, r) => {
      const src = (receipt as { src?: unknown } | null)?.src;
      if (typeof src !== 'string') return;
      // Every segment starts with a letter or a digit: no "..", nothing outside media/.
      const inMedia = /^media\/[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/.test(src);
      if (!inMedia || (feedFileExists && !feedFileExists(src))) {
        const where = at(`/receipts/${r}/src`);
        problems.push(ruleProblem(where.item, where.field, '不是已上传的票据图片（先用 sanwu attach 上传）', 'is not an uploaded receipt image (upload it with sanwu attach)'));
      }
    });
  });
  return problems;
};

/**
 * The feed's own amounts are integer fen, named so (amountFen, openingFen): bounded, not personal.
 * A table's row keys are the operator's to name, so a column called cardFen is checked like any other.
 */
const isAmount = (path: string): boolean => /Fen$/.test(path) && !path.startsWith('/rows/');

const NOT_MASKED: [string, string] = ['是打码栏，只能填打码后的内容（如 王*国、3707**********1234、138****5678）', 'is a masked column: only masked values (e.g. 王*国, 3707**********1234, 138****5678)'];

/** Every value in a table's `masked` columns must be masked: a name as 王*国, a number as 3707**********1234. */
const maskedColumnProblems = (body: unknown, itemLabel: string): OperatorProblem[] => {
  const table = body as { columns?: unknown; rows?: unknown };
  if (!Array.isArray(table.columns) || !Array.isArray(table.rows)) return [];
  const maskedKeys = table.columns.filter((c) => (c as { type?: unknown })?.type === 'masked').map((c) => String((c as { key?: unknown }).key));
  return table.rows.flatMap((row, index) =>
    maskedKeys
      .filter((key) => row && typeof row === 'object' && key in row)
      .filter((key) => {
        const value = (row as Record<string, unknown>)[key];
        return typeof value !== 'string' || !isMaskedValue(value);
      })
      .map((key) => ruleProblem(itemLabel, `/rows/${index}/${key}`, ...NOT_MASKED)),
  );
};

const isRealTime = (text: string): boolean => {
  const m = ISO_TIME.exec(text);
  if (!m) return true; // the schema reports the format
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  const date = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo! - 1 && date.getUTCDate() === d && h! < 24 && mi! < 60 && s! < 60;
};

/** Names problems after the voucher they are in (记-0042), else after the item. */
const locate = (body: unknown, itemLabel: string, path: string): { item: string; field: string } => {
  const m = /^\/vouchers\/(\d+)(\/.*)?$/.exec(path);
  const vouchers = (body as { vouchers?: { number?: unknown }[] }).vouchers;
  if (m && vouchers) {
    const number = vouchers[Number(m[1])]?.number;
    return { item: typeof number === 'string' ? number : `${itemLabel} 第${Number(m[1]) + 1}笔`, field: m[2] ?? '/' };
  }
  return { item: itemLabel, field: path };
};

/** The default ceiling of one voucher: ¥10,000,000; a district sets its own (--max-voucher-yuan). */
export const DEFAULT_MAX_VOUCHER_FEN = 1_000_000_000;

export interface RuleContext {
  coverage: Coverage;
  /** The largest amount one voucher may carry, in fen. */
  maxVoucherFen?: number;
  /** Whether a file under the feed root exists (receipts must point at uploaded media). */
  feedFileExists?: (path: string) => boolean;
  /** The closing balance of the month before, for a ledger month. */
  previousClosingFen?: number;
}

export const checkItem = (kind: ItemKind, body: unknown, itemLabel: string, context: RuleContext): OperatorProblem[] => {
  if (jsonDepth(body) > MAX_ITEM_DEPTH) return [ruleProblem(itemLabel, '/', `嵌套太深（最多 ${MAX_ITEM_DEPTH} 层）`, `nests too deeply (at most ${MAX_ITEM_DEPTH} levels)`)];
  const problems: OperatorProblem[] = itemProblems(STRICT_ITEM_SCHEMAS[kind], body).map((p) => {
    const where = locate(body, itemLabel, p.path);
    return describeProblem(where.item, { ...p, path: where.field });
  });
  walkJson(body, ({ kind: leafKind, value: text, path }) => {
    if (leafKind !== 'string') return;
    const where = locate(body, itemLabel, path);
    if (!isRealTime(text)) problems.push(ruleProblem(where.item, where.field, '不是真实存在的日期', 'is not a real date'));
    const unmasked = findUnmaskedNumber(text);
    if (unmasked && !(unmasked.kind === 'mobile' && isPublicWorkPhoneField(kind, path))) problems.push(ruleProblem(where.item, where.field, ...UNMASKED[unmasked.kind]));
    const missing = [...new Set(Array.from(text).filter((ch) => !WHITESPACE.test(ch) && !context.coverage(ch.codePointAt(0)!)))];
    if (missing.length) {
      problems.push(ruleProblem(where.item, where.field, `有电视字体显示不了的字：${missing.join('')}`, `has characters the TV font cannot show: ${missing.join('')}`));
    }
  });
  walkJson(body, ({ kind: leafKind, value, path }) => {
    if (leafKind === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) {
      const where = locate(body, itemLabel, path);
      problems.push(ruleProblem(where.item, where.field, '数字太大，无法准确保存', 'is too large a number to be kept exactly'));
    }
  });
  if (kind === 'ledger') {
    problems.push(...amountProblems(body, itemLabel, context.maxVoucherFen ?? DEFAULT_MAX_VOUCHER_FEN));
    problems.push(...voucherProblems(body, itemLabel, context.feedFileExists));
  }
  // Numbers and keys too: a card number typed as a JSON number, or used as a key, is still a card number.
  walkJson(body, ({ kind: leafKind, value, path }) => {
    if (leafKind === 'string' || isAmount(path)) return;
    const unmasked = findUnmaskedNumber(String(value));
    const where = locate(body, itemLabel, path);
    if (unmasked) problems.push(ruleProblem(where.item, where.field, ...UNMASKED[unmasked.kind]));
  });
  if (kind === 'tables') problems.push(...maskedColumnProblems(body, itemLabel));
  if (kind === 'ledger' && context.previousClosingFen !== undefined) {
    const opening = (body as { openingFen?: unknown }).openingFen;
    if (typeof opening === 'number' && opening !== context.previousClosingFen) {
      problems.push(
        ruleProblem(itemLabel, '/openingFen', `应等于上月期末余额 ${formatFen(context.previousClosingFen)}，实为 ${formatFen(opening)}`, `must equal last month's closing balance ${formatFen(context.previousClosingFen)}, not ${formatFen(opening)}`),
      );
    }
  }
  return problems;
};
