/**
 * The village books: one item per month (its id is the month), pushed again whole as the
 * clerk imports and attaches. The service checks what the books must add up to, fills the
 * opening balance from last month, and publishes each month's vouchers in a file of its own.
 */
import type { LedgerMonthBody, LedgerMonthFeed, LedgerMonthRef } from '../../../src/feed/schema';
import { feedPaths } from '../../../src/feed/paths';
import { validateLedgerMonth, type FeedProblem } from '../../../src/feed/validate';
import { formatFen } from '../../../src/format/money';
import { voucherNumberKey } from '../../import/voucherNumber';
import { ruleProblem, type OperatorProblem } from '../messages';
import { problemPlace } from '../problemPlace';
import type { RuleContext } from './serverKind';
import type { Body, ServerKind } from './serverKind';

/** The default ceiling of one voucher: ¥10,000,000; a district sets its own (--max-voucher-yuan). */
export const DEFAULT_MAX_VOUCHER_FEN = 1_000_000_000;

/** A voucher date the schema accepts; one it does not is reported by the schema, not here. */
const WELL_FORMED_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

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
      const where = problemPlace(body, itemLabel, `/vouchers/${index}/amountFen`);
      problems.push(
        ruleProblem(
          where.item,
          where.field,
          `超过单笔上限 ${formatFen(maxVoucherFen)}，请核对`,
          `is above the ceiling of ${formatFen(maxVoucherFen)} per voucher; check it`,
        ),
      );
    }
  });
  if (!Number.isSafeInteger(total))
    problems.push(
      ruleProblem(itemLabel, '/vouchers', '合计太大，无法准确计算', 'add up to more than can be counted exactly'),
    );
  return problems;
};

/**
 * What a month's vouchers must agree on: each dated within the month, no voucher number
 * twice (by value), one image per attachment, and every receipt an uploaded file under media/.
 */
const voucherProblems = (
  body: unknown,
  itemLabel: string,
  feedFileExists?: (path: string) => boolean,
): OperatorProblem[] => {
  const month = body as { month?: unknown; vouchers?: unknown };
  if (!Array.isArray(month.vouchers) || typeof month.month !== 'string') return [];
  const problems: OperatorProblem[] = [];
  const seen = new Set<string>();
  month.vouchers.forEach((voucher, index) => {
    if (!voucher || typeof voucher !== 'object') return;
    const { date, number, receipts, attachmentCount } = voucher as {
      date?: unknown;
      number?: unknown;
      receipts?: unknown;
      attachmentCount?: unknown;
    };
    const at = (field: string) => problemPlace(body, itemLabel, `/vouchers/${index}${field}`);
    if (typeof date === 'string' && WELL_FORMED_TIME.test(date) && !date.startsWith(`${month.month}-`)) {
      problems.push(
        ruleProblem(
          at('/date').item,
          at('/date').field,
          `不在本月（${month.month}）之内`,
          `is not within the month (${month.month})`,
        ),
      );
    }
    if (typeof number === 'string') {
      // By value: 记-001 and 记-1 are one voucher written two ways.
      const key = voucherNumberKey(number) ?? number;
      if (seen.has(key))
        problems.push(
          ruleProblem(
            at('/number').item,
            at('/number').field,
            '与本月另一张凭证重号',
            'is used by another voucher of this month',
          ),
        );
      seen.add(key);
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
        problems.push(
          ruleProblem(
            where.item,
            where.field,
            '不是已上传的票据图片（先用 sanwu attach 上传）',
            'is not an uploaded receipt image (upload it with sanwu attach)',
          ),
        );
      }
    });
  });
  return problems;
};

/** The month opens where the month before closed, when that month is known. */
const openingProblems = (
  body: unknown,
  itemLabel: string,
  previousClosingFen: number | undefined,
): OperatorProblem[] => {
  const opening = (body as { openingFen?: unknown }).openingFen;
  if (previousClosingFen === undefined || typeof opening !== 'number' || opening === previousClosingFen) return [];
  return [
    ruleProblem(
      itemLabel,
      '/openingFen',
      `应等于上月期末余额 ${formatFen(previousClosingFen)}，实为 ${formatFen(opening)}`,
      `must equal last month's closing balance ${formatFen(previousClosingFen)}, not ${formatFen(opening)}`,
    ),
  ];
};

const previousMonth = (month: string): string => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
};

const closingOf = (body: LedgerMonthBody): number =>
  body.vouchers.reduce(
    (balance, v) => balance + (v.direction === 'income' ? v.amountFen : -v.amountFen),
    body.openingFen,
  );

const monthTotals = (body: LedgerMonthBody) => {
  const sum = (direction: 'income' | 'expense') =>
    body.vouchers.filter((v) => v.direction === direction).reduce((total, v) => total + v.amountFen, 0);
  const incomeFen = sum('income');
  const expenseFen = sum('expense');
  return { openingFen: body.openingFen, incomeFen, expenseFen, closingFen: body.openingFen + incomeFen - expenseFen };
};

const validation = (result: { ok: boolean; problems?: FeedProblem[] }): FeedProblem[] =>
  result.ok ? [] : (result.problems ?? []);

export const ledger: ServerKind<'ledger'> = {
  wholeDocument: true,
  label: (month) => `${month} 账目`,
  facts: (month, bodyOf) => {
    const previous = bodyOf(previousMonth(month)) as LedgerMonthBody | null;
    return previous ? { previousClosingFen: closingOf(previous) } : {};
  },
  stamp: (month, body, now, facts) => {
    const vouchers = Array.isArray(body.vouchers)
      ? body.vouchers.map((v: Body) => ({ publishedAt: now, version: 1, ...v }))
      : body.vouchers;
    const stamped: Body = { ...body, month, vouchers };
    // The opening balance follows from last month unless the push states it.
    return stamped.openingFen === undefined && facts.previousClosingFen !== undefined
      ? { ...stamped, openingFen: facts.previousClosingFen }
      : stamped;
  },
  validate: (body, itemLabel, context: RuleContext) => [
    ...amountProblems(body, itemLabel, context.maxVoucherFen ?? DEFAULT_MAX_VOUCHER_FEN),
    ...voucherProblems(body, itemLabel, context.feedFileExists),
    ...openingProblems(body, itemLabel, context.previousClosingFen),
  ],
  store: (checked) => checked,
  assemble: (items, context) => {
    const months = items
      .map((i) => ({ month: i.itemId, body: JSON.parse(i.revision.body ?? '{}') as LedgerMonthBody }))
      .sort((a, b) => a.month.localeCompare(b.month));
    const publishedAtOf = (month: string) =>
      items.find((i) => i.itemId === month)!.revision.published_at ?? context.createdAt;
    const refs: LedgerMonthRef[] = months.map(({ month, body }) => {
      const totals = monthTotals(body);
      const path = feedPaths.ledgerMonth(context.region.code, month);
      const file: LedgerMonthFeed = {
        ...context.header('ledgerMonth', publishedAtOf(month)),
        village: context.region.code,
        month,
        ...totals,
        vouchers: body.vouchers,
      };
      context.emit(path, file, validation(validateLedgerMonth(file)));
      return { month, ...totals, voucherCount: body.vouchers.length, file: path };
    });
    return { accountName: context.region.accountName ?? context.region.name, months: refs };
  },
  seedItems: (content, _updatedAt, readFile) =>
    content.months.map((ref) => {
      const month = readFile(ref.file) as LedgerMonthFeed;
      return {
        itemId: ref.month,
        body: { month: ref.month, openingFen: month.openingFen, vouchers: month.vouchers },
        publishedAt: month.generatedAt,
      };
    }),
  spokenParts: () => null,
};
