/**
 * Merging an import into the month's existing vouchers by voucher number, compared by value
 * (记-001 is the voucher once imported as 记-0001, and takes the journal's writing). Re-importing
 * the same file changes nothing; a voucher that differs replaces the old one as its next
 * version and keeps the receipt images already attached to it.
 */
import type { Voucher } from '../../src/feed/schema';
import { formatFen } from '../../src/format/money';
import { voucherNumberKey } from './voucherNumber';

export interface FieldChange {
  field: string;
  zh: string;
  en: string;
  before: string;
  after: string;
}

export interface VoucherChange {
  before: Voucher;
  after: Voucher;
  changes: FieldChange[];
}

export interface MergeResult {
  /** Existing vouchers in their order (changed ones replaced), then the new ones in file order. */
  merged: Voucher[];
  added: Voucher[];
  changed: VoucherChange[];
  unchanged: Voucher[];
  /** Existing vouchers the import does not have; they stay, as a file may hold only part of a month. */
  kept: Voucher[];
}

const day = (iso: string) => iso.slice(0, 10);

/** What an operator can change in the books, with how to show it; id, version, publishedAt and receipts are ours. */
const COMPARED: { field: string; zh: string; en: string; show: (v: Voucher) => string }[] = [
  { field: 'number', zh: '凭证号', en: 'number', show: (v) => v.number },
  { field: 'date', zh: '日期', en: 'date', show: (v) => day(v.date) },
  { field: 'summary', zh: '摘要', en: 'summary', show: (v) => v.summary },
  { field: 'account', zh: '科目', en: 'account', show: (v) => `${v.account.code} ${v.account.name}`.trim() },
  { field: 'direction', zh: '收支', en: 'direction', show: (v) => (v.direction === 'income' ? '收入' : '支出') },
  { field: 'amountFen', zh: '金额', en: 'amount', show: (v) => formatFen(v.amountFen) },
  { field: 'handler', zh: '经手人', en: 'handler', show: (v) => v.handler },
  { field: 'witness', zh: '证明人', en: 'witness', show: (v) => v.witness },
  { field: 'approver', zh: '审批人', en: 'approver', show: (v) => v.approver },
  { field: 'bookkeeper', zh: '记账人', en: 'bookkeeper', show: (v) => v.bookkeeper },
  { field: 'review.reviewer', zh: '审核人', en: 'reviewer', show: (v) => v.review.reviewer },
  { field: 'review.reviewedAt', zh: '审核日期', en: 'review date', show: (v) => day(v.review.reviewedAt) },
  { field: 'review.opinion', zh: '审核意见', en: 'review opinion', show: (v) => v.review.opinion },
  { field: 'review.sealed', zh: '盖章', en: 'sealed', show: (v) => (v.review.sealed ? '是' : '否') },
  { field: 'attachmentCount', zh: '附件张数', en: 'attachments', show: (v) => String(v.attachmentCount) },
];

export const compareVouchers = (before: Voucher, after: Voucher): FieldChange[] =>
  COMPARED.flatMap(({ field, zh, en, show }) => {
    const [was, is] = [show(before), show(after)];
    return was === is ? [] : [{ field, zh, en, before: was, after: is }];
  });

/** `existing` is the same month's vouchers: numbers restart every month. */
export function mergeVouchers(existing: Voucher[], imported: Voucher[]): MergeResult {
  const key = (voucher: Voucher) => voucherNumberKey(voucher.number) ?? voucher.number;
  const incoming = new Map(imported.map((voucher) => [key(voucher), voucher]));
  const result: MergeResult = { merged: [], added: [], changed: [], unchanged: [], kept: [] };
  for (const before of existing) {
    const candidate = incoming.get(key(before));
    incoming.delete(key(before));
    if (!candidate) {
      result.kept.push(before);
      result.merged.push(before);
      continue;
    }
    const changes = compareVouchers(before, candidate);
    if (changes.length === 0) {
      result.unchanged.push(before);
      result.merged.push(before);
      continue;
    }
    const after: Voucher = { ...candidate, id: before.id, version: before.version + 1, receipts: before.receipts };
    result.changed.push({ before, after, changes });
    result.merged.push(after);
  }
  // What is left in `incoming` is new, in file order (a Map keeps insertion order).
  for (const voucher of incoming.values()) {
    result.added.push(voucher);
    result.merged.push(voucher);
  }
  return result;
}

/** The dry-run lines an operator reads before publishing: 新增 12 笔 / 修改 1 笔 (记-0042: 金额 ¥330.30 → ¥333.30) / 未变 5 笔. */
export function describeMerge(result: MergeResult, language: 'zh' | 'en' = 'zh'): string[] {
  const zh = language === 'zh';
  const details = result.changed
    .map(
      ({ after, changes }) =>
        `${after.number}: ${changes.map((c) => `${zh ? c.zh : c.en} ${c.before} → ${c.after}`).join(', ')}`,
    )
    .join('; ');
  const lines = zh
    ? [
        `新增 ${result.added.length} 笔`,
        `修改 ${result.changed.length} 笔${details ? ` (${details})` : ''}`,
        `未变 ${result.unchanged.length} 笔`,
      ]
    : [
        `Added ${result.added.length}`,
        `Changed ${result.changed.length}${details ? ` (${details})` : ''}`,
        `Unchanged ${result.unchanged.length}`,
      ];
  if (result.kept.length > 0) {
    const numbers = result.kept.map((v) => v.number).join(', ');
    lines.push(
      zh
        ? `文件中没有、原样保留 ${result.kept.length} 笔 (${numbers})`
        : `Not in the file, kept ${result.kept.length} (${numbers})`,
    );
  }
  return lines;
}
