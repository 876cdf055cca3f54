/**
 * The monthly ledger without a terminal: the clerk drops the village finance program's export
 * (GBK or UTF-8 CSV, or .xlsx), sees it read row by row with each problem on its row and column,
 * maps the columns (saved for the village), checks the month's totals against 本月合计 and last
 * month's closing, sends the month for review, then attaches redacted receipt photos. The
 * service reads and checks everything (the preview stores nothing); this page only shows it.
 */
import { useRef, useState } from 'preact/hooks';
import { api } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { useConsole } from '../context';
import { ColumnMapping, settingsFrom } from './ColumnMapping';
import { base64Of, readAsDataUrl } from './files';
import { LedgerTotals } from './LedgerTotals';
import { MonthReceipts } from './MonthReceipts';
import { PreviewTable } from './PreviewTable';
import type { ColumnSettings, ImportResult, LedgerPreview, SavedColumns } from './types';

/** Last month in China time: the month a clerk usually books. */
const lastMonth = () => {
  const now = new Date(Date.now() + 8 * 3_600_000);
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return month.toISOString().slice(0, 7);
};

export const LedgerPage = () => {
  const { session, t, language, regions, refreshWaiting } = useConsole();
  const { operator } = session;
  // A clerk books their own village's ledger, the only one the service lets them edit.
  const village = operator.region;
  const [month, setMonth] = useState(lastMonth);
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [preview, setPreview] = useState<LedgerPreview | null>(null);
  const [settings, setSettings] = useState<ColumnSettings | null>(null);
  // A refusal is shown in the step that was refused: the file, the columns or the sending.
  const [error, setError] = useState<{ at: 'file' | 'columns' | 'submit'; refusal: unknown } | null>(null);
  const refusedAt = (at: 'file' | 'columns' | 'submit') =>
    error?.at === at ? <ErrorMessage error={error.refusal} language={language} t={t} /> : null;
  const [working, setWorking] = useState(false);
  const [status, setStatus] = useState('');
  const [sent, setSent] = useState<ImportResult | null>(null);
  const [dragging, setDragging] = useState(false);
  const reads = useRef(0);

  /** The file read by the service: with the clerk's columns when given, else the village's saved ones. */
  const read = async (chosen: { name: string; base64: string }, columns: ColumnSettings | null) => {
    const round = ++reads.current;
    setWorking(true);
    setError(null);
    setStatus('');
    try {
      const answer = await api<LedgerPreview>('POST', `/regions/${village}/ledger/${month}/preview`, {
        fileName: chosen.name,
        file: chosen.base64,
        ...(columns ? { mapping: columns.mapping, defaults: columns.defaults } : {}),
      });
      // Only the answer to the latest change counts: an earlier one may arrive after it.
      if (round !== reads.current) return;
      setPreview(answer);
      setSettings(columns ?? settingsFrom(answer));
    } catch (refusal) {
      if (round !== reads.current) return;
      // Columns refused keep the last preview, with the reason beside the columns.
      if (!columns) setPreview(null);
      setError({ at: columns ? 'columns' : 'file', refusal });
    } finally {
      if (round === reads.current) setWorking(false);
    }
  };

  const choose = async (chosen: File | undefined) => {
    if (!chosen) return;
    const next = { name: chosen.name, base64: base64Of(await readAsDataUrl(chosen)) };
    setFile(next);
    setSent(null);
    await read(next, null);
  };

  const changeColumns = (next: ColumnSettings) => {
    setSettings(next);
    if (file) void read(file, next);
  };

  const saveColumns = async () => {
    if (!settings) return;
    setError(null);
    try {
      await api<SavedColumns>('PUT', `/regions/${village}/ledger/columns`, settings);
      setStatus(t('ledger.columnsSaved'));
    } catch (refusal) {
      setError({ at: 'columns', refusal });
    }
  };

  const submit = async () => {
    if (!preview) return;
    setWorking(true);
    setError(null);
    try {
      const result = await api<ImportResult>('POST', `/regions/${village}/ledger/${month}/import`, {
        vouchers: preview.vouchers,
        ...(preview.openingFen === undefined ? {} : { openingFen: preview.openingFen }),
      });
      setSent(result);
      setStatus(
        result.draftId === null
          ? t('ledger.nothingChanged')
          : t('ledger.sent', { summary: (language === 'en' ? result.summary.en : result.summary.zh).join(' · ') }),
      );
      refreshWaiting();
    } catch (refusal) {
      setError({ at: 'submit', refusal });
    } finally {
      setWorking(false);
    }
  };

  const problemsWithoutRow = preview?.problems.filter((p) => p.row === undefined) ?? [];
  return (
    <>
      <h1 tabIndex={-1}>{t('ledger.title')}</h1>
      <p class="note">{t('ledger.intro')}</p>
      <section aria-labelledby="ledger-file-heading" class="card">
        <h2 id="ledger-file-heading">{t('ledger.step1')}</h2>
        <p>
          {t('ledger.village')}：{regions.get(village)?.name ?? village}
        </p>
        <label for="ledger-month">{t('ledger.month')}</label>
        <input
          id="ledger-month"
          type="month"
          required
          value={month}
          onChange={(e) => {
            setMonth(e.currentTarget.value);
            setPreview(null);
            setSent(null);
          }}
        />
        <div
          class={dragging ? 'drop dragging' : 'drop'}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            void choose(e.dataTransfer?.files[0]);
          }}
        >
          <label for="ledger-file">{t('ledger.file')}</label>
          <input
            id="ledger-file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby="ledger-file-help"
            onChange={(e) => {
              const input = e.currentTarget;
              const chosen = input.files?.[0];
              // Cleared, so that choosing the same file again (once fixed) reads it again.
              input.value = '';
              void choose(chosen);
            }}
          />
          <p id="ledger-file-help" class="note">
            {file ? t('ledger.fileChosen', { name: file.name }) : t('ledger.fileHelp')}
          </p>
        </div>
        {working && <p>{t('ledger.reading')}</p>}
        {refusedAt('file')}
      </section>

      {preview && settings && (
        <>
          <section aria-labelledby="ledger-check-heading" class="card">
            <h2 id="ledger-check-heading">{t('ledger.step2')}</h2>
            <p class={preview.ok ? 'status' : 'field-error'}>
              {preview.ok
                ? t('ledger.allGood', { count: preview.vouchers.length })
                : t('ledger.problemCount', { count: preview.problems.length })}
            </p>
            {problemsWithoutRow.length > 0 && (
              <ul>
                {problemsWithoutRow.map((p, i) => (
                  <li key={i} class="field-error">
                    {language === 'en' ? p.en : p.zh}
                  </li>
                ))}
              </ul>
            )}
            <PreviewTable preview={preview} />
          </section>

          <section aria-labelledby="ledger-columns-heading" class="card">
            <h2 id="ledger-columns-heading">{t('ledger.step3')}</h2>
            <p class="note">{t(`ledger.settingsFrom.${preview.settingsFrom}`)}</p>
            <ColumnMapping preview={preview} settings={settings} onChange={changeColumns} />
            <button type="button" onClick={() => void saveColumns()}>
              {t('ledger.saveColumns')}
            </button>
            {refusedAt('columns')}
          </section>

          <section aria-labelledby="ledger-totals-heading" class="card">
            <h2 id="ledger-totals-heading">{t('ledger.step4')}</h2>
            <LedgerTotals totals={preview.totals} />
            {preview.merge && (
              <p>{(language === 'en' ? preview.merge.summary.en : preview.merge.summary.zh).join(' · ')}</p>
            )}
            <button
              type="button"
              class="primary"
              disabled={!preview.ok || working || sent !== null}
              onClick={() => void submit()}
            >
              {t('ledger.submit')}
            </button>
            {!preview.ok && <p class="note">{t('ledger.fixFirst')}</p>}
            {refusedAt('submit')}
          </section>
        </>
      )}
      <p role="status" class="status">
        {status}
      </p>

      <section aria-labelledby="ledger-receipts-heading" class="card">
        <h2 id="ledger-receipts-heading">{t('ledger.step5', { month })}</h2>
        <p class="note">{t('ledger.receiptsIntro')}</p>
        {/* Loaded again once the month is sent, so its new vouchers are listed. */}
        <MonthReceipts key={`${village}/${month}/${sent?.draftId ?? ''}`} village={village} month={month} />
      </section>
    </>
  );
};
