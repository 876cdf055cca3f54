/**
 * One item of one sub-channel: what is published, the draft pending, and, for a notice
 * (an article sub-channel), the form to submit a draft for review. The page first asks the API
 * for the item, so a region outside the operator's scope shows the API's refusal and no form.
 */
import { useState } from 'preact/hooks';
import { api, type ItemState, type Revision } from '../api';
import { CHANNELS } from '../../feed/taxonomy';
import { ErrorMessage } from '../components/ErrorMessage';
import { useConsole } from '../context';
import { itemHref } from '../router';
import { useLoad } from '../useLoad';
import type { Waiting } from '../waiting';

interface Notice {
  title?: string;
  body?: string[];
}

const newNoticeId = () => {
  const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
  return `notice-${day}-${Math.random().toString(36).slice(2, 6)}`;
};

const NoticeView = ({ notice }: { notice: Notice }) => (
  <div class="notice">
    <h3>{notice.title}</h3>
    {(notice.body ?? []).map((paragraph, i) => (
      <p key={i}>{paragraph}</p>
    ))}
  </div>
);

export const Item = (props: { region: string; channel: number; itemId: string; waiting: Waiting | null }) => {
  const { session, t, language, regions, refreshWaiting } = useConsole();
  const [itemId] = useState(() => (props.itemId === 'new' ? newNoticeId() : props.itemId));
  const state = useLoad(
    () =>
      api<ItemState>('GET', `/regions/${props.region}/channels/${props.channel}/items/${encodeURIComponent(itemId)}`),
    [props.region, props.channel, itemId],
  );
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const isNotice = CHANNELS.find((c) => c.id === props.channel)?.kind === 'articles';
  const writes = session.operator.role !== 'committee';
  const title =
    props.itemId === 'new'
      ? t('item.newTitle', { channel: t(`channel.${props.channel}`) })
      : t('item.title', { id: itemId });
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const body = String(form.get('body') ?? '')
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean);
    setError(null);
    setSaved(false);
    try {
      await api<Revision>(
        'PUT',
        `/regions/${props.region}/channels/${props.channel}/items/${encodeURIComponent(itemId)}`,
        {
          title: String(form.get('title') ?? '').trim(),
          body,
        },
      );
      setSaved(true);
      refreshWaiting();
      if (props.itemId === 'new') history.replaceState(null, '', itemHref(props.region, props.channel, itemId));
      state.reload();
    } catch (refusal) {
      setError(refusal);
    }
  };
  // A draft sent back is no longer pending; its reason and text are where the clerk starts again.
  const sentBack = props.waiting?.rejected.find(
    (r) => r.region === props.region && r.channel === props.channel && r.item_id === itemId,
  );
  const pending = state.data?.pending ?? sentBack;
  const current = ((pending?.body ?? state.data?.published) as Notice | null) ?? {};
  return (
    <>
      <h1 tabIndex={-1}>{title}</h1>
      <p class="meta">
        {regions.get(props.region)?.name ?? props.region} · {props.channel} {t(`channel.${props.channel}`)}
      </p>
      {state.error ? (
        <ErrorMessage error={state.error} language={language} t={t} />
      ) : !state.data ? (
        <p>{t('app.loading')}</p>
      ) : (
        <>
          <section aria-labelledby="published-heading">
            <h2 id="published-heading">{t('item.published')}</h2>
            {state.data.published === null ? (
              <p>{t('item.notPublished')}</p>
            ) : isNotice ? (
              <NoticeView notice={state.data.published as Notice} />
            ) : (
              <pre class="json">{JSON.stringify(state.data.published, null, 2).slice(0, 4000)}</pre>
            )}
          </section>
          {pending && (
            <section aria-labelledby="pending-heading">
              <h2 id="pending-heading">{t('item.pending')}</h2>
              <p>
                <strong>{t(`item.status.${pending.status as 'draft' | 'approved' | 'rejected'}`)}</strong>
                {pending.reason ? ` · ${t('item.reason', { reason: pending.reason })}` : ''}
              </p>
            </section>
          )}
          {isNotice && writes && (
            <section aria-labelledby="form-heading">
              <h2 id="form-heading">{t('item.form')}</h2>
              <form onSubmit={submit}>
                <label for="notice-title">{t('item.fieldTitle')}</label>
                <input id="notice-title" name="title" required maxLength={80} defaultValue={current.title ?? ''} />
                <label for="notice-body">{t('item.fieldBody')}</label>
                <textarea
                  id="notice-body"
                  name="body"
                  required
                  rows={8}
                  defaultValue={(current.body ?? []).join('\n\n')}
                />
                {error ? <ErrorMessage error={error} language={language} t={t} /> : null}
                <p role="status" class="status">
                  {saved ? t('item.saved') : ''}
                </p>
                <button type="submit" class="primary">
                  {t('item.submit')}
                </button>
              </form>
            </section>
          )}
        </>
      )}
    </>
  );
};
