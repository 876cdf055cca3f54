/** Publishing the approved changes now or at a set time (China time), as POST /api/publish does. */
import { useState } from 'preact/hooks';
import { api, type PublishResult, type Scheduled } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { fromLocalInput, localInputIn, shortTime } from '../chinaTime';
import { publishes, useConsole } from '../context';
import { itemHref } from '../router';
import type { Waiting } from '../waiting';

export const Publish = (props: { waiting: Waiting | null }) => {
  const { session, t, language, regions, refreshWaiting } = useConsole();
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [atMissing, setAtMissing] = useState(false);
  const [working, setWorking] = useState(false);
  if (!publishes(session.operator.role))
    return (
      <>
        <h1 tabIndex={-1}>{t('publish.title')}</h1>
        <p>{t('publish.notAllowed')}</p>
      </>
    );
  const publish = async (at?: string) => {
    setError(null);
    setDone(null);
    setWorking(true);
    try {
      if (at) {
        const answer = await api<Scheduled>('POST', '/publish', { at });
        setDone(t('publish.scheduled', { at: shortTime(answer.scheduled.at) }));
      } else {
        const answer = await api<PublishResult>('POST', '/publish', {});
        setDone(t('publish.done', { version: answer.version }));
      }
      refreshWaiting();
    } catch (refusal) {
      setError(refusal);
    } finally {
      setWorking(false);
    }
  };
  const schedule = (event: Event) => {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget as HTMLFormElement).get('at') ?? '');
    setAtMissing(!value);
    if (value) void publish(fromLocalInput(value));
  };
  const approved = props.waiting?.approved;
  return (
    <>
      <h1 tabIndex={-1}>{t('publish.title')}</h1>
      <p role="status" class="status">
        {done}
      </p>
      {error ? <ErrorMessage error={error} language={language} t={t} /> : null}
      <section aria-labelledby="approved-heading">
        <h2 id="approved-heading">{t('publish.approved')}</h2>
        {!approved ? (
          <p>{t('app.loading')}</p>
        ) : approved.length === 0 ? (
          <p>{t('publish.nothing')}</p>
        ) : (
          <ul>
            {approved.map((r) => (
              <li key={r.id}>
                <a href={itemHref(r.region, r.channel, r.item_id)}>
                  {regions.get(r.region)?.name ?? r.region} · {t(`channel.${r.channel}`)} · {r.item_id}
                </a>{' '}
                （{r.created_by_name ?? '—'}）
              </li>
            ))}
          </ul>
        )}
      </section>
      <div class="actions">
        <button type="button" class="primary" disabled={working} onClick={() => void publish()}>
          {t('publish.now')}
        </button>
      </div>
      <section aria-labelledby="at-heading">
        <h2 id="at-heading">{t('publish.at')}</h2>
        <form onSubmit={schedule} noValidate>
          <label for="publish-at">{t('publish.atLabel')}</label>
          <input
            id="publish-at"
            name="at"
            type="datetime-local"
            min={localInputIn(0)}
            defaultValue={localInputIn(60)}
            required
            aria-invalid={atMissing}
            aria-describedby={atMissing ? 'publish-at-error' : undefined}
          />
          {atMissing && (
            <p class="field-error" id="publish-at-error" role="alert">
              {t('publish.atRequired')}
            </p>
          )}
          <button type="submit" disabled={working}>
            {t('publish.schedule')}
          </button>
        </form>
      </section>
    </>
  );
};
