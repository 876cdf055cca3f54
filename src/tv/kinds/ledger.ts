/**
 * The village books: months newest first with their totals, each month a list of vouchers,
 * each voucher its fields and receipt images. Amounts are integer fen, shown as ¥1,234.50.
 */
import type { LedgerMonthFeed, Voucher } from '../../feed/schema';
import { LEDGER_CHANNEL } from '../../feed/taxonomy';
import { formatMonth } from '../../format/dates';
import { amountInWords, formatFen } from '../../format/money';
import { t, type MessageKey } from '../../i18n';
import type { MonthModel, ReceiptModel, VoucherModel } from '../data/models';
import { inScript } from '../data/script';
import { COLOR } from '../theme';
import { channelCrumbs, corrected, date, style } from './common';
import type { KindView } from './kindView';

export const ledger: KindView<'ledger'> = {
  target: (id) => `list/${id}`,
  rows: (channel) =>
    [...channel.content.months].reverse().map((m) => ({
      title: formatMonth(m.month, style()),
      detail: `${t('ledger.income')} ${formatFen(m.incomeFen)} · ${t('ledger.expense')} ${formatFen(m.expenseFen)} · ${t('ledger.vouchers', { count: m.voucherCount })}`,
      amount: formatFen(m.closingFen),
      target: `month/${m.month}`,
    })),
  notes: (channel) => [
    { text: `${t('ledger.account', { name: channel.content.accountName })} · ${t('ledger.closingColumn')}` },
  ],
  // A month opens its own page of vouchers, not the reader.
  document: () => null,
  spoken: () => null,
};

const directionColor = (v: Voucher) => (v.direction === 'income' ? COLOR.income : COLOR.expense);
const directionWord = (v: Voucher) => t(`ledger.direction.${v.direction}` as MessageKey);

/**
 * A month's model, by the month as the store holds it: Back to a month (or a feed update
 * elsewhere) does not format its thousands of entries again. A changed month is a new object.
 */
const presentedMonths = new WeakMap<LedgerMonthFeed, MonthModel>();

export const presentMonth = (published: LedgerMonthFeed): MonthModel => {
  const presented = presentedMonths.get(published) ?? presentMonthAnew(published);
  presentedMonths.set(published, presented);
  return presented;
};

const presentMonthAnew = (published: LedgerMonthFeed): MonthModel => {
  const month = inScript(published);
  const monthTitle = formatMonth(month.month, style());
  const notes: string[] = [];
  const hasIncome = month.vouchers.some((v) => v.direction === 'income');
  const hasExpense = month.vouchers.some((v) => v.direction === 'expense');
  if (month.vouchers.length > 0 && !hasExpense) notes.push(t('ledger.noExpense'));
  if (month.vouchers.length > 0 && !hasIncome) notes.push(t('ledger.noIncome'));
  return {
    crumbs: [...channelCrumbs(LEDGER_CHANNEL), monthTitle],
    title: monthTitle,
    totals: [
      { label: t('ledger.opening'), value: formatFen(month.openingFen) },
      { label: t('ledger.income'), value: formatFen(month.incomeFen), color: COLOR.income },
      { label: t('ledger.expense'), value: formatFen(month.expenseFen), color: COLOR.expense },
      { label: t('ledger.closing'), value: formatFen(month.closingFen) },
    ],
    notes,
    rows: month.vouchers.map((v) => ({
      title: v.summary,
      detail: `${date(v.date)} · ${v.number} · ${v.account.name}`,
      tag: directionWord(v),
      tagColor: directionColor(v),
      amount: formatFen(v.amountFen),
      amountColor: directionColor(v),
      target: `voucher/${month.month}/${v.id}`,
    })),
    emptyText: t('ledger.noVouchers'),
  };
};

export const presentVoucher = (published: LedgerMonthFeed, voucherId: string): VoucherModel | null => {
  const month = inScript(published);
  const v = month.vouchers.find((x) => x.id === voucherId);
  if (!v) return null;
  const title = t('voucher.title', { number: v.number });
  return {
    crumbs: [...channelCrumbs(LEDGER_CHANNEL), formatMonth(month.month, style()), title],
    title,
    amount: formatFen(v.amountFen),
    amountInWords: amountInWords(v.amountFen),
    direction: directionWord(v),
    directionColor: directionColor(v),
    fields: [
      { label: t('voucher.number'), value: v.number },
      { label: t('voucher.date'), value: date(v.date) },
      { label: t('voucher.summary'), value: v.summary },
      { label: t('voucher.account'), value: `${v.account.code} ${v.account.name}`.trim() },
      { label: t('voucher.direction'), value: directionWord(v) },
      { label: t('voucher.handler'), value: v.handler },
      { label: t('voucher.witness'), value: v.witness },
      { label: t('voucher.approver'), value: v.approver },
      { label: t('voucher.bookkeeper'), value: v.bookkeeper },
      { label: t('voucher.attachments'), value: t('voucher.attachmentsValue', { count: v.attachmentCount }) },
      {
        label: t('voucher.review'),
        value: `${v.review.reviewer} · ${date(v.review.reviewedAt)} · ${v.review.opinion} · ${v.review.sealed ? t('voucher.sealed') : t('voucher.unsealed')}`,
      },
    ],
    correction: corrected(v),
    receiptTarget: v.receipts.length ? `receipt/${month.month}/${v.id}` : undefined,
    receiptCount: v.receipts.length,
  };
};

export const presentReceipt = (published: LedgerMonthFeed, voucherId: string): ReceiptModel | null => {
  const month = inScript(published);
  const v = month.vouchers.find((x) => x.id === voucherId);
  if (!v || !v.receipts.length) return null;
  return {
    crumbs: [
      ...channelCrumbs(LEDGER_CHANNEL),
      formatMonth(month.month, style()),
      t('voucher.title', { number: v.number }),
    ],
    images: v.receipts.map((r, i) => ({
      src: r.src,
      width: r.width,
      height: r.height,
      label: `${t('voucher.receiptIndex', { index: i + 1, count: v.receipts.length })} · ${r.kind}`,
    })),
    facts: [
      `${directionWord(v)} ${formatFen(v.amountFen)}`,
      date(v.date),
      v.summary,
      `${t('voucher.approver')}：${v.approver}`,
    ],
  };
};
