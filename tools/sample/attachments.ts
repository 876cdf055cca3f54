/**
 * Every attachment a voucher counts (附件张数), each its own sheet: the original receipt
 * first, then what backs it (the bank slip of the payment, the list people signed, the
 * approval), so a voucher that says 3 张 shows three different images.
 */
import { maskName } from '../../src/format/mask';
import type { VoucherDraft } from './ledger';
import type { Rng } from './prng';
import type { AttachmentSpec } from './render/receipt';
import { personName } from './vocab';
import type { Village } from './world';

export interface Attachment {
  spec: AttachmentSpec;
  /** A bank slip that pays for the receipt before it (付款凭证), not the voucher's own receipt. */
  paysFor: boolean;
}

/** Villagers who signed for money or goods: on a public board their names are masked. */
const villagers = (rng: Rng, count: number) => Array.from({ length: count }, () => maskName(personName(rng)));

const backing = (d: VoucherDraft, village: Village, rng: Rng): Attachment[] => {
  const approval: Attachment = {
    spec: {
      kind: 'approval',
      summary: d.summary,
      handler: d.handler,
      approver: d.approver,
      reviewer: d.review.reviewer,
    },
    paysFor: false,
  };
  const receipt = d.receipt;
  switch (receipt.kind) {
    case 'vat':
      return [
        { spec: { kind: 'bank', counterparty: receipt.seller, purpose: d.summary }, paysFor: true },
        {
          spec: {
            kind: 'signoff',
            title: '物品（服务）验收签收单',
            items: receipt.items.map((i) => i.name),
            names: village.committee.map((o) => o.name),
          },
          paysFor: false,
        },
        approval,
      ];
    case 'receipt':
      return [
        { spec: { kind: 'bank', counterparty: receipt.payer, purpose: d.summary }, paysFor: false },
        {
          spec: { kind: 'signoff', title: '收款明细签字表', items: [receipt.reason], names: villagers(rng, 6) },
          paysFor: false,
        },
        approval,
      ];
    case 'bank':
      return [
        {
          spec: {
            kind: 'signoff',
            title: d.direction === 'expense' ? '发放签收表' : '到账确认单',
            items: [d.summary],
            names: d.direction === 'expense' ? villagers(rng, 6) : village.committee.map((o) => o.name),
          },
          paysFor: false,
        },
        approval,
        {
          spec: { kind: 'signoff', title: '发放签收表（续）', items: [d.summary], names: villagers(rng, 6) },
          paysFor: false,
        },
      ];
  }
};

/** As many attachments as the voucher counts: its receipt, then the backing papers in turn. */
export const attachmentsOf = (d: VoucherDraft, village: Village, rng: Rng): Attachment[] =>
  [{ spec: d.receipt, paysFor: false }, ...backing(d, village, rng)].slice(0, d.attachmentCount);
