/**
 * The month's vouchers as the service now has them (the draft sent for review, else what is
 * published), each with its attachments and the receipts attached so far, and the photos form
 * for the one the clerk opens.
 */
import { useState } from 'preact/hooks';
import { LEDGER_CHANNEL } from '../../feed/taxonomy';
import { api, type ItemState } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { useConsole } from '../context';
import { useLoad } from '../useLoad';
import { formatFen } from './money';
import type { Voucher } from './types';
import { VoucherReceipts } from './VoucherReceipts';

export const MonthReceipts = (props: { village: string; month: string }) => {
  const { t, language } = useConsole();
  const state = useLoad(
    () => api<ItemState>('GET', `/regions/${props.village}/channels/${LEDGER_CHANNEL}/items/${props.month}`),
    [props.village, props.month],
  );
  const [open, setOpen] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const body = (state.data?.pending?.body ?? state.data?.published) as { vouchers?: Voucher[] } | null | undefined;
  const vouchers = body?.vouchers ?? [];
  if (state.error) return <ErrorMessage error={state.error} language={language} t={t} />;
  if (!state.data) return <p>{t('app.loading')}</p>;
  return (
    <>
      <p role="status" class="status">
        {done}
      </p>
      {vouchers.length === 0 ? (
        <p>{t('ledger.noVouchers')}</p>
      ) : (
        <ul class="vouchers">
          {vouchers.map((voucher) => (
            <li key={voucher.number}>
              <p>
                <strong>{voucher.number}</strong> · {voucher.date.slice(0, 10)} · {voucher.summary} ·{' '}
                {t(voucher.direction === 'income' ? 'ledger.income' : 'ledger.expense')} {formatFen(voucher.amountFen)}
              </p>
              <p class="note">
                {t('ledger.receiptCount', { attachments: voucher.attachmentCount, receipts: voucher.receipts.length })}
              </p>
              <button
                type="button"
                aria-expanded={open === voucher.number}
                onClick={() => setOpen(open === voucher.number ? null : voucher.number)}
              >
                {t('ledger.openReceipts', { number: voucher.number })}
              </button>
              {open === voucher.number && (
                <VoucherReceipts
                  village={props.village}
                  month={props.month}
                  voucher={voucher}
                  onAttached={(message) => {
                    setDone(message);
                    setOpen(null);
                    state.reload();
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
};
