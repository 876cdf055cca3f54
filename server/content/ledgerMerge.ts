/**
 * Changes to one ledger month that the service applies onto its current state: an import's
 * rows merged by voucher number, a receipt added to one voucher. Read, merge and save run in
 * one immediate transaction, so two clerks importing or attaching to the same month at once
 * both land; neither overwrites the other with a copy read before it.
 */
import { Value } from '@sinclair/typebox/value';
import { Voucher, type LedgerMonthBody, type Receipt } from '../../src/feed/schema';
import { LEDGER_CHANNEL } from '../../src/feed/taxonomy';
import type { Operator } from '../auth/operators';
import { can } from '../auth/permissions';
import { describeMerge, mergeVouchers } from '../import/merge';
import { sameVoucherNumber } from '../import/voucherNumber';
import type { Db } from '../db/database';
import type { ContentContext } from './context';
import { checkPush, currentBody, pushItem } from './operations';
import { forbidden, OperatorError } from './operatorError';
import type { Revision } from './repository';
import { chinaTime } from '../clock';
import { checkItem } from './rules';

export interface LedgerImport {
  /** The rows as the operator's file gave them: checked here, before the merge reads their fields. */
  vouchers: Record<string, unknown>[];
  openingFen?: number;
  dryRun?: boolean;
}

export interface LedgerImportResult {
  /** What the import changes, as the operator reads it: 新增 12 笔 / 修改 1 笔 (…) / 未变 5 笔. */
  summary: { zh: string[]; en: string[] };
  added: number;
  changed: number;
  unchanged: number;
  /** The draft saved, or null for a dry run or an import that changes nothing. */
  draftId: number | null;
}

const monthNow = (db: Db, village: string, month: string): LedgerMonthBody | null =>
  (currentBody(db, { region: village, channel: LEDGER_CHANNEL, itemId: month }) as LedgerMonthBody | null) ?? null;

/**
 * The imported rows as vouchers (with the time and version the service stamps on new ones), so
 * the merge compares real fields; rows that are not vouchers are refused, named by the ledger rules.
 */
const asVouchers = (context: ContentContext, month: string, rows: Record<string, unknown>[]): Voucher[] => {
  const now = chinaTime();
  const vouchers = rows.map((row) => ({ publishedAt: now, version: 1, ...row }));
  if (vouchers.every((v): v is Voucher => Value.Check(Voucher, v))) return vouchers;
  const problems = checkItem('ledger', { month, vouchers }, `${month} 账目`, { coverage: context.coverage });
  throw new OperatorError(422, '内容有误，未保存', 'The content has problems and was not saved', problems);
};

export const importLedgerRows = (
  context: ContentContext,
  operator: Operator,
  village: string,
  month: string,
  rows: LedgerImport,
): LedgerImportResult =>
  context.db
    .transaction((): LedgerImportResult => {
      // Even a dry run shows the month's unpublished draft: only for those who may edit it.
      if (!can(context.db, operator, 'edit', village)) throw forbidden();
      const existing = monthNow(context.db, village, month);
      const merge = mergeVouchers(existing?.vouchers ?? [], asVouchers(context, month, rows.vouchers));
      const result = {
        summary: { zh: describeMerge(merge, 'zh'), en: describeMerge(merge, 'en') },
        added: merge.added.length,
        changed: merge.changed.length,
        unchanged: merge.unchanged.length,
      };
      const nothingNew =
        existing !== null &&
        merge.added.length === 0 &&
        merge.changed.length === 0 &&
        (rows.openingFen ?? existing.openingFen) === existing.openingFen;
      if (nothingNew) return { ...result, draftId: null };
      const openingFen = rows.openingFen ?? existing?.openingFen;
      const body = { vouchers: merge.merged, ...(openingFen !== undefined ? { openingFen } : {}) };
      const ref = { region: village, channel: LEDGER_CHANNEL, itemId: month };
      // A dry run runs every rule the push runs (last month's closing among them) and stores nothing.
      if (rows.dryRun) {
        checkPush(context, operator, ref, body);
        return { ...result, draftId: null };
      }
      return { ...result, draftId: pushItem(context, operator, ref, body).id };
    })
    .immediate();

/** Receipt images added to one voucher, all at once: a voucher's images match its 附件张数 once any is attached. */
export const attachReceipts = (
  context: ContentContext,
  operator: Operator,
  village: string,
  month: string,
  number: string,
  added: Receipt[],
): { draft: Revision; receiptCount: number } =>
  context.db
    .transaction((): { draft: Revision; receiptCount: number } => {
      if (!can(context.db, operator, 'edit', village)) throw forbidden();
      const current = monthNow(context.db, village, month);
      const voucher = current?.vouchers.find((v) => sameVoucherNumber(v.number, number));
      if (!current || !voucher)
        throw new OperatorError(404, `${month} 没有凭证 ${number}`, `No voucher ${number} in ${month}`);
      const receipts = [...voucher.receipts, ...added];
      const attached = { ...voucher, receipts, attachmentCount: Math.max(voucher.attachmentCount, receipts.length) };
      const vouchers = current.vouchers.map((v) => (v === voucher ? attached : v));
      const draft = pushItem(
        context,
        operator,
        { region: village, channel: LEDGER_CHANNEL, itemId: month },
        { ...current, vouchers },
      );
      return { draft, receiptCount: receipts.length };
    })
    .immediate();
