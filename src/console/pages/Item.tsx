/**
 * One item of one sub-channel: what is published, the draft pending with its TV preview, and,
 * for the kinds the console has a form for (forms/ItemForm.tsx), the form to submit a draft for
 * review. The page first asks the API for the item, so a region outside the operator's scope
 * shows the API's refusal and no form.
 */
import { useState } from 'preact/hooks';
import { api, type ItemState } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { TvPreview } from '../preview/TvPreview';
import { ItemForm, hasForm, kindOf } from '../forms/ItemForm';
import { CorrectionForm } from '../forms/CorrectionForm';
import { useConsole } from '../context';
import { itemHref } from '../router';
import { useLoad } from '../useLoad';
import type { Waiting } from '../waiting';

interface Notice {
  title?: string;
  body?: string[];
}

const WHOLE_DOCUMENTS = new Set(['profile', 'faq', 'ledger']);

const ID_PREFIXES: Record<string, string> = {
  articles: 'notice',
  contacts: 'contact',
  tables: 'table',
  alerts: 'alert',
  people: 'person',
  guide: 'guide',
  qa: 'qa',
};

const newItemId = (channel: number) => {
  const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
  return `${ID_PREFIXES[kindOf(channel) ?? ''] ?? 'item'}-${day}-${Math.random().toString(36).slice(2, 6)}`;
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
  const { session, t, language, regions } = useConsole();
  const [itemId] = useState(() => (props.itemId === 'new' ? newItemId(props.channel) : props.itemId));
  const state = useLoad(
    () =>
      api<ItemState>('GET', `/regions/${props.region}/channels/${props.channel}/items/${encodeURIComponent(itemId)}`),
    [props.region, props.channel, itemId],
  );
  const isNotice = kindOf(props.channel) === 'articles';
  // Items of a list are corrected in public (a new item marked 更正); whole documents are edited again.
  const correctable = hasForm(props.channel) && !WHOLE_DOCUMENTS.has(kindOf(props.channel) ?? 'ledger');
  const [correcting, setCorrecting] = useState(false);
  const writes = session.operator.role !== 'committee';
  const title =
    props.itemId === 'new'
      ? t(isNotice ? 'item.newTitle' : 'item.newItemTitle', { channel: t(`channel.${props.channel}`) })
      : t('item.title', { id: itemId });
  const saved = () => {
    if (props.itemId === 'new') history.replaceState(null, '', itemHref(props.region, props.channel, itemId));
    state.reload();
  };
  // A draft sent back is no longer pending; its reason and text are where the clerk starts again.
  const sentBack = props.waiting?.rejected.find(
    (r) => r.region === props.region && r.channel === props.channel && r.item_id === itemId,
  );
  const pending = state.data?.pending ?? sentBack;
  const current = ((pending?.body ?? state.data?.published) as Record<string, unknown> | null) ?? {};
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
              <TvPreview draft={pending} />
            </section>
          )}
          {/* A correction just sent stays open: its message says it went to review. */}
          {correctable && state.data.published !== null && (correcting || !pending) && writes && (
            <section aria-labelledby="correct-heading">
              <h2 id="correct-heading">{t('correct.heading')}</h2>
              {correcting ? (
                <CorrectionForm
                  region={props.region}
                  channel={props.channel}
                  itemId={itemId}
                  published={state.data.published as Record<string, unknown>}
                  onSaved={() => state.reload()}
                />
              ) : (
                <>
                  <p>{t('correct.intro')}</p>
                  <button type="button" onClick={() => setCorrecting(true)}>
                    {t('correct.start')}
                  </button>
                </>
              )}
            </section>
          )}
          {hasForm(props.channel) && writes && !correcting && (
            <section aria-labelledby="form-heading">
              <h2 id="form-heading">{t(isNotice ? 'item.form' : 'form.heading')}</h2>
              <ItemForm
                region={props.region}
                channel={props.channel}
                itemId={itemId}
                current={current}
                onSaved={saved}
              />
            </section>
          )}
        </>
      )}
    </>
  );
};
