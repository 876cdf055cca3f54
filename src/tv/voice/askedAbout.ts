/**
 * Next to a voucher that villagers asked about, the box says so, and whether it was answered:
 * the village's Q&A (20) names the voucher of each public question (`about`).
 */
import type { Channel, LedgerMonthFeed } from '../../feed/schema';
import { LEDGER_CHANNEL } from '../../feed/taxonomy';
import { t } from '../../i18n';

export const askedAboutVoucher = (
  qa: Channel | undefined,
  month: LedgerMonthFeed,
  voucherId: string,
): string | null => {
  const voucher = month.vouchers.find((v) => v.id === voucherId);
  if (!voucher || qa?.kind !== 'qa') return null;
  const asked = qa.content.filter(
    (q) =>
      q.about?.channel === LEDGER_CHANNEL &&
      q.about.item === month.month &&
      q.about.voucher === voucher.number &&
      !q.correctedBy,
  );
  if (!asked.length) return null;
  return asked.some((q) => q.answer) ? t('voucher.askedAnswered') : t('voucher.asked');
};
