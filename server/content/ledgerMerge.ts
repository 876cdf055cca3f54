/**
 * Changes to one ledger month that the service applies onto its current state: an import's
 * rows merged by voucher number, a receipt added to one voucher. Read, merge and save run in
 * one immediate transaction, so two clerks importing or attaching to the same month at once
 * both land; neither overwrites the other with a copy read before it.
 */
import type { LedgerMonthBody, Receipt, Voucher } from '../../src/feed/schema';
import { LEDGER_CHANNEL } from '../../src/feed/taxonomy';
import type { Operator } from '../auth/operators';
import { can } from '../auth/permissions';
import { describeMerge, mergeVouchers } from '../import/merge';
import type { Service } from '../service';
import { currentBody, FORBIDDEN, pushItem, refuse, type Outcome } from './operations';
import type { Revision } from './repository';

export interface LedgerImport {
  vouchers: Voucher[];
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

const monthNow = (service: Service, village: string, month: string): LedgerMonthBody | null =>
  (currentBody(service, { region: village, channel: LEDGER_CHANNEL, itemId: month }) as LedgerMonthBody | null) ?? null;

export const importLedgerRows = (service: Service, operator: Operator, village: string, month: string, rows: LedgerImport): Outcome<LedgerImportResult> =>
  service.db
    .transaction((): Outcome<LedgerImportResult> => {
      // Even a dry run shows the month's unpublished draft: only for those who may edit it.
      if (!can(service.db, operator, 'edit', village)) return FORBIDDEN;
      const existing = monthNow(service, village, month);
      const merge = mergeVouchers(existing?.vouchers ?? [], rows.vouchers);
      const result = {
        summary: { zh: describeMerge(merge, 'zh'), en: describeMerge(merge, 'en') },
        added: merge.added.length,
        changed: merge.changed.length,
        unchanged: merge.unchanged.length,
      };
      const nothingNew = existing !== null && merge.added.length === 0 && merge.changed.length === 0 && (rows.openingFen ?? existing.openingFen) === existing.openingFen;
      if (rows.dryRun || nothingNew) return { ok: true, value: { ...result, draftId: null } };
      const openingFen = rows.openingFen ?? existing?.openingFen;
      const body = { vouchers: merge.merged, ...(openingFen !== undefined ? { openingFen } : {}) };
      const saved = pushItem(service, operator, { region: village, channel: LEDGER_CHANNEL, itemId: month }, body);
      return saved.ok ? { ok: true, value: { ...result, draftId: saved.value.id } } : saved;
    })
    .immediate();

/** Receipt images added to one voucher, all at once: a voucher's images match its 附件张数 once any is attached. */
export const attachReceipts = (service: Service, operator: Operator, village: string, month: string, number: string, added: Receipt[]): Outcome<{ draft: Revision; receiptCount: number }> =>
  service.db
    .transaction((): Outcome<{ draft: Revision; receiptCount: number }> => {
      if (!can(service.db, operator, 'edit', village)) return FORBIDDEN;
      const current = monthNow(service, village, month);
      const voucher = current?.vouchers.find((v) => v.number === number);
      if (!current || !voucher) return refuse(404, `${month} 没有凭证 ${number}`, `No voucher ${number} in ${month}`);
      const receipts = [...voucher.receipts, ...added];
      const attached = { ...voucher, receipts, attachmentCount: Math.max(voucher.attachmentCount, receipts.length) };
      const vouchers = current.vouchers.map((v) => (v === voucher ? attached : v));
      const saved = pushItem(service, operator, { region: village, channel: LEDGER_CHANNEL, itemId: month }, { ...current, vouchers });
      return saved.ok ? { ok: true, value: { draft: saved.value, receiptCount: receipts.length } } : saved;
    })
    .immediate();
