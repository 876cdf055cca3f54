/**
 * Receipt photos for one voucher, from a phone's camera or its pictures: each photo is redacted
 * (boxes drawn here, burned in by the service), then all are attached to the voucher at once,
 * since the month's rules want one image per attachment the voucher counts.
 */
import { useState } from 'preact/hooks';
import { api } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { useConsole } from '../context';
import { base64Of, readAsDataUrl } from './files';
import type { DrawnBox } from '../components/useDrawnBox';
import { Redactor } from './Redactor';
import type { RedactedReceipt, Voucher } from './types';

export const VoucherReceipts = (props: {
  village: string;
  month: string;
  voucher: Voucher;
  onAttached: (message: string) => void;
}) => {
  const { t, language } = useConsole();
  const { voucher } = props;
  const needed = Math.max(1, voucher.attachmentCount - voucher.receipts.length);
  const [photo, setPhoto] = useState<{ dataUrl: string; boxes: DrawnBox[] } | null>(null);
  const [ready, setReady] = useState<RedactedReceipt[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [working, setWorking] = useState(false);
  const path = `/regions/${props.village}/ledger/${props.month}/vouchers/${encodeURIComponent(voucher.number)}/receipts`;
  const id = `photo-${voucher.number}`;

  const choose = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setError(null);
    setPhoto({ dataUrl: await readAsDataUrl(file), boxes: [] });
  };
  const send = async () => {
    if (!photo) return;
    setWorking(true);
    setError(null);
    try {
      const redacted = await api<RedactedReceipt>('POST', `${path}/redacted`, {
        image: base64Of(photo.dataUrl),
        boxes: photo.boxes,
      });
      setReady([...ready, redacted]);
      setPhoto(null);
    } catch (refusal) {
      setError(refusal);
    } finally {
      setWorking(false);
    }
  };
  const attach = async () => {
    setWorking(true);
    setError(null);
    try {
      const receipts = ready.map(({ src, width, height }) => ({ src, width, height }));
      const answer = await api<{ id: number; receiptCount: number }>('POST', path, { receipts });
      props.onAttached(t('ledger.attached', { number: voucher.number, count: answer.receiptCount }));
    } catch (refusal) {
      setError(refusal);
    } finally {
      setWorking(false);
    }
  };

  return (
    <div class="voucher-receipts">
      <p>{t('ledger.photosNeeded', { count: needed, number: voucher.number })}</p>
      {ready.map((receipt, i) => (
        <figure key={receipt.src}>
          <img src={`/feed/${receipt.src}`} alt={t('ledger.redactedAlt', { index: i + 1, number: voucher.number })} />
          <figcaption>{t('ledger.redactedCaption', { index: i + 1 })}</figcaption>
          {receipt.warnings.map((w) => (
            <p key={w.code} class="warning">
              {language === 'en' ? w.en : w.zh}
            </p>
          ))}
        </figure>
      ))}
      {photo ? (
        <>
          <Redactor photo={photo.dataUrl} boxes={photo.boxes} onChange={(boxes) => setPhoto({ ...photo, boxes })} />
          <button type="button" class="primary" disabled={working} onClick={() => void send()}>
            {t('ledger.redactAndUpload', { count: photo.boxes.length })}
          </button>
          <button type="button" disabled={working} onClick={() => setPhoto(null)}>
            {t('ledger.dropPhoto')}
          </button>
        </>
      ) : (
        <>
          <label for={id}>{t('ledger.takePhoto', { index: ready.length + 1 })}</label>
          <input id={id} type="file" accept="image/*" capture="environment" onChange={(e) => void choose(e)} />
        </>
      )}
      {error ? <ErrorMessage error={error} language={language} t={t} /> : null}
      {ready.length > 0 && !photo && (
        <button type="button" class="primary" disabled={working || ready.length < needed} onClick={() => void attach()}>
          {t('ledger.attach', { count: ready.length, number: voucher.number })}
        </button>
      )}
    </div>
  );
};
