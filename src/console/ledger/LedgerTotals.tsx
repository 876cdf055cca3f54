/**
 * The month's figures as the vouchers add up, checked against the file's own 本月合计 row and
 * against last month's closing as the service has it: in words, not only in colour.
 */
import { useConsole } from '../context';
import { formatFen } from './money';
import type { LedgerPreview } from './types';

export const LedgerTotals = ({ totals }: { totals: LedgerPreview['totals'] }) => {
  const { t } = useConsole();
  const { monthTotal } = totals;
  const money = (fen: number | null | undefined) => (fen === null || fen === undefined ? '—' : formatFen(fen));
  const check = (ok: boolean | null, yes: string, no: string, unknown: string) => (
    <p class={ok === false ? 'field-error' : ok ? 'status' : 'note'}>{ok === null ? unknown : ok ? yes : no}</p>
  );
  return (
    <div class="totals">
      <dl>
        <dt>{t('ledger.opening')}</dt>
        <dd>{money(totals.openingFen)}</dd>
        <dt>{t('ledger.income')}</dt>
        <dd>{money(totals.incomeFen)}</dd>
        <dt>{t('ledger.expense')}</dt>
        <dd>{money(totals.expenseFen)}</dd>
        <dt>{t('ledger.closing')}</dt>
        <dd>{money(totals.closingFen)}</dd>
      </dl>
      {check(
        monthTotal ? monthTotal.matches : null,
        t('ledger.monthTotalMatches'),
        t('ledger.monthTotalDiffers', {
          row: monthTotal?.row ?? '',
          income: money(monthTotal?.incomeFen),
          expense: money(monthTotal?.expenseFen),
        }),
        t('ledger.noMonthTotal'),
      )}
      {check(
        totals.openingMatchesPrevious,
        t('ledger.previousMatches', { closing: money(totals.previousClosingFen) }),
        t('ledger.previousDiffers', {
          closing: money(totals.previousClosingFen),
          opening: money(totals.openingFen),
        }),
        t('ledger.noPrevious'),
      )}
    </div>
  );
};
