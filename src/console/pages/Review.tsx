/**
 * The review queue: each draft waiting, with what it changes against the published item;
 * approve in one click, or send back with a reason (required). Nobody approves their own draft:
 * the button says so, and the service refuses it anyway.
 */
import { useState } from 'preact/hooks';
import { api, type ItemState, type Revision } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { Diff } from '../components/Diff';
import { TvPreview } from '../preview/TvPreview';
import { shortTime } from '../chinaTime';
import { useConsole } from '../context';
import { itemHref } from '../router';
import { useLoad } from '../useLoad';
import type { Waiting } from '../waiting';

const DraftReview = (props: { draft: Revision; onDone: (message: string) => void }) => {
  const { draft } = props;
  const { session, t, language, regions } = useConsole();
  const published = useLoad(
    () =>
      api<ItemState>(
        'GET',
        `/regions/${draft.region}/channels/${draft.channel}/items/${encodeURIComponent(draft.item_id)}`,
      ),
    [draft.id],
  );
  const [error, setError] = useState<unknown>(null);
  const [reasonMissing, setReasonMissing] = useState(false);
  const [previewing, setPreviewing] = useState(false);
  const own = draft.created_by === session.operator.id && session.operator.role !== 'admin';
  const label = `${regions.get(draft.region)?.name ?? draft.region} · ${t(`channel.${draft.channel}`)} · ${draft.item_id}`;
  const headingId = `draft-${draft.id}`;
  const decide = async (decision: 'approve' | 'reject', reason?: string) => {
    setError(null);
    try {
      await api('POST', `/drafts/${draft.id}/${decision}`, decision === 'reject' ? { reason } : undefined);
      props.onDone(t(decision === 'approve' ? 'review.approved' : 'review.rejected', { item: label }));
    } catch (refusal) {
      setError(refusal);
    }
  };
  const reject = (event: Event) => {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget as HTMLFormElement).get('reason') ?? '').trim();
    setReasonMissing(!reason);
    if (reason) void decide('reject', reason);
  };
  return (
    <article class="card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <a href={itemHref(draft.region, draft.channel, draft.item_id)}>{label}</a>
      </h2>
      <p class="meta">
        {t('review.draftBy', { name: draft.created_by_name ?? '—', date: shortTime(draft.created_at) })}
        {draft.action === 'withdraw' ? ` · ${t('review.withdraw')}` : ''}
      </p>
      {published.error ? (
        <ErrorMessage error={published.error} language={language} t={t} />
      ) : published.data ? (
        <>
          {published.data.published === null && <p>{t('review.newItem')}</p>}
          <Diff published={published.data.published} draft={draft.body} t={t} />
        </>
      ) : (
        <p>{t('app.loading')}</p>
      )}
      <button type="button" aria-expanded={previewing} onClick={() => setPreviewing(!previewing)}>
        {t(previewing ? 'preview.hide' : 'preview.show')}
      </button>
      {previewing && <TvPreview draft={draft} />}
      {error ? <ErrorMessage error={error} language={language} t={t} /> : null}
      <div class="decision">
        {own ? (
          <p class="note">{t('review.ownDraft')}</p>
        ) : (
          <button type="button" class="primary" onClick={() => void decide('approve')}>
            {t('review.approve')}
          </button>
        )}
        <form onSubmit={reject} class="reject" noValidate>
          <label for={`reason-${draft.id}`}>{t('review.reason')}</label>
          <textarea
            id={`reason-${draft.id}`}
            name="reason"
            rows={2}
            maxLength={500}
            required
            aria-invalid={reasonMissing}
            aria-describedby={reasonMissing ? `reason-${draft.id}-error` : undefined}
          />
          {reasonMissing && (
            <p class="field-error" id={`reason-${draft.id}-error`} role="alert">
              {t('review.reasonRequired')}
            </p>
          )}
          <button type="submit">{t('review.reject')}</button>
        </form>
      </div>
    </article>
  );
};

export const Review = (props: { waiting: Waiting | null }) => {
  const { t, refreshWaiting } = useConsole();
  const [done, setDone] = useState<string | null>(null);
  const drafts = props.waiting?.toReview;
  return (
    <>
      <h1 tabIndex={-1}>{t('review.title')}</h1>
      <p role="status" class="status">
        {done}
      </p>
      {!drafts ? (
        <p>{t('app.loading')}</p>
      ) : drafts.length === 0 ? (
        <p>{t('review.empty')}</p>
      ) : (
        drafts.map((draft) => (
          <DraftReview
            key={draft.id}
            draft={draft}
            onDone={(message) => {
              setDone(message);
              refreshWaiting();
            }}
          />
        ))
      )}
    </>
  );
};
