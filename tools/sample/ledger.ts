/**
 * A village's books for the sample year: vouchers month by month, numbered in date order
 * (记-0001 from each month's start), with totals that add up and a balance carried from
 * one month to the next that never goes below zero.
 */
import type { Account } from './accounts';
import { daysInMonth, monthKey, nextMonth, wall, type Wall, type YearMonth } from './clock';
import type { Rng } from './prng';
import {
  FILLERS,
  scheduled,
  T,
  villageTraits,
  yuan,
  type ReceiptSpec,
  type Template,
  type VillageTraits,
} from './templates';
import type { Village } from './world';

export interface VoucherDraft {
  id: string;
  number: string;
  date: Wall;
  summary: string;
  account: Account;
  direction: 'income' | 'expense';
  amountFen: number;
  handler: string;
  witness: string;
  approver: string;
  bookkeeper: string;
  review: { reviewer: string; reviewedAt: Wall; opinion: string; sealed: boolean };
  attachmentCount: number;
  receipt: ReceiptSpec;
}

export interface LedgerMonth {
  month: YearMonth;
  key: string;
  openingFen: number;
  incomeFen: number;
  expenseFen: number;
  closingFen: number;
  /** When the month's books were published, after the oversight group's review. */
  publishedAt: Wall;
  vouchers: VoucherDraft[];
}

export interface VillageLedger {
  traits: VillageTraits;
  months: LedgerMonth[];
}

/** What the oversight group writes, by the kind of original receipt it checked. */
const OPINIONS: Record<ReceiptSpec['kind'], string[]> = {
  vat: [
    '经审核，票据真实有效，同意入账',
    '经民主理财小组审核，手续齐全，同意报销',
    '票据合规，用途属实，同意入账',
    '已核对数量和金额，无误，同意报销',
  ],
  receipt: ['经审核，收款金额与合同一致', '收据与银行存款单核对一致，同意入账', '收款手续齐全，同意入账'],
  bank: ['已核对银行回单，金额无误', '经审核，回单与发放名单一致，同意入账', '资金往来手续齐全，同意入账'],
};

/** How busy a month is relative to the year's average: quiet at Spring Festival, busy at year's end. */
const SEASON = [0, 0.9, 0.6, 1, 1.1, 1.1, 1, 1, 1, 1, 1, 1.2, 1.2];

interface Entry {
  template: Template;
  date: Wall;
  order: number;
  filler: boolean;
}

/** Splits a year's voucher count over the months by season, adding up exactly. */
const monthTargets = (rng: Rng, total: number, months: YearMonth[]): number[] => {
  const weights = months.map((m) => (SEASON[m.month] ?? 1) * (0.9 + rng.next() * 0.2));
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const targets = raw.map(Math.floor);
  const byRemainder = raw.map((r, i) => ({ i, rest: r - Math.floor(r) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  const missing = total - targets.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) targets[(byRemainder[k] as { i: number }).i]! += 1;
  return targets;
};

const dayIn = (rng: Rng, m: YearMonth, days: [number, number] = [1, 28]): Wall => {
  const last = daysInMonth(m.year, m.month);
  const day = rng.int(Math.min(days[0], last), Math.min(days[1], last));
  return wall(m.year, m.month, day, rng.int(8, 16), rng.pick([0, 10, 15, 20, 30, 40, 45, 50]), 0);
};

export const buildLedger = (rng: Rng, village: Village, months: YearMonth[]): VillageLedger => {
  const traits = villageTraits(rng.fork('traits'));
  const { committee, secretary, accountant, supervisor, street } = village;
  const doers = committee.filter((o) => o !== secretary);
  // A village that books thousands of vouchers a month runs on a bigger account.
  let balance = village.vouchersPerYear > 2000 ? yuan(rng, 1_500_000, 2_500_000, 100) : yuan(rng, 60_000, 320_000, 100);
  const out: LedgerMonth[] = [];
  const targets = monthTargets(rng.fork('targets'), village.vouchersPerYear, months);

  for (const [index, month] of months.entries()) {
    const key = monthKey(month);
    const mrng = rng.fork(key);
    const after = nextMonth(month);
    const reviewedAt = wall(after.year, after.month, mrng.int(3, 6), 15, 0, 0);
    const publishedAt = wall(after.year, after.month, 8, 10, 0, 0);

    let entries: Entry[] = [];
    if (village.quirks.emptyMonth !== key) {
      const plan = scheduled(month, traits);
      const fixed = plan.length;
      while (plan.length < (targets[index] ?? 0)) plan.push(mrng.weighted(FILLERS, ([, w]) => w)[0]);
      entries = plan.map((template, order) => ({
        template,
        order,
        filler: order >= fixed,
        date: dayIn(mrng, month, template.days),
      }));
      if (village.quirks.incomeOnlyMonth === key) entries = entries.filter((e) => e.template.direction === 'income');
    }

    const drafts = entries.map((e) => {
      const c = { rng: mrng, village, traits, month };
      return { entry: e, drawn: e.template.make(c) };
    });

    // A month that would overdraw the account is covered by the street's operating grant first;
    // it takes the place of an everyday purchase so the village's voucher count stays as planned.
    drafts.sort((a, b) => a.entry.date - b.entry.date || a.entry.order - b.entry.order);
    let low = balance;
    let running = balance;
    for (const { entry, drawn } of drafts) {
      running += entry.template.direction === 'income' ? drawn.amountFen : -drawn.amountFen;
      low = Math.min(low, running);
    }
    if (low < 0) {
      const spare = drafts
        .map((d) => d.entry)
        .reverse()
        .findIndex((e) => e.filler && e.template.direction === 'expense');
      if (spare >= 0) drafts.splice(drafts.length - 1 - spare, 1);
      const amountFen = Math.ceil((-low + 5_000_00) / 1_000_00) * 1_000_00;
      const summary = `收到${street.name}拨付村级组织运转经费（预拨）`;
      drafts.unshift({
        entry: {
          template: T.operatingGrant,
          order: -1,
          filler: false,
          date: wall(month.year, month.month, 1, 8, 30, 0),
        },
        drawn: {
          summary,
          amountFen,
          receipt: { kind: 'bank', counterparty: `${street.name}财政所`, purpose: summary },
        },
      });
    }

    const vouchers = drafts.map(({ entry, drawn }, i): VoucherDraft => {
      const { template } = entry;
      const seq = String(i + 1).padStart(4, '0');
      const handler = template.direction === 'income' ? accountant : mrng.pick(doers);
      const witness = mrng.pick(committee.filter((o) => o !== handler && o !== secretary));
      const [minA, maxA] = template.attachments ?? [1, 2];
      const sealed = !mrng.chance(0.004);
      return {
        id: `v${village.code}-${key.replace('-', '')}-${seq}`,
        number: `记-${seq}`,
        date: entry.date,
        summary: drawn.summary,
        account: template.account,
        direction: template.direction,
        amountFen: drawn.amountFen,
        handler: handler.name,
        witness: witness.name,
        approver: secretary.name,
        bookkeeper: street.bookkeeper,
        review: {
          reviewer: supervisor.name,
          reviewedAt,
          opinion: sealed
            ? mrng.pick(OPINIONS[drawn.receipt.kind])
            : '经办人签字不全，已退回补签，待加盖民主理财专用章',
          sealed,
        },
        attachmentCount: mrng.int(minA, maxA),
        receipt: drawn.receipt,
      };
    });

    const incomeFen = vouchers.filter((v) => v.direction === 'income').reduce((s, v) => s + v.amountFen, 0);
    const expenseFen = vouchers.filter((v) => v.direction === 'expense').reduce((s, v) => s + v.amountFen, 0);
    const closingFen = balance + incomeFen - expenseFen;
    out.push({ month, key, openingFen: balance, incomeFen, expenseFen, closingFen, publishedAt, vouchers });
    balance = closingFen;
  }
  return { traits, months: out };
};
