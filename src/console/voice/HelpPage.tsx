/**
 * 一键求助 for the duty officer: the requests of their villages as they come in (the list is
 * looked at every few seconds), each with its acknowledgement clock (minutes waiting, red past
 * the 10-minute target), and a button for the next step: 已收到, 处理中, 已完成.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { shortTime } from '../chinaTime';
import { useConsole } from '../context';
import { NotifyButton } from './notifications';
import { minutesSince, MINUTE_MS, type HelpRequest } from './types';

/** The acknowledgement target, as the box's villager is promised it. */
const ACK_TARGET_MINUTES = 10;
const NEXT: Record<
  HelpRequest['status'],
  { status: HelpRequest['status']; label: 'duty.acknowledge' | 'duty.inProgress' | 'duty.done' }[]
> = {
  sent: [
    { status: 'acknowledged', label: 'duty.acknowledge' },
    { status: 'in_progress', label: 'duty.inProgress' },
  ],
  acknowledged: [
    { status: 'in_progress', label: 'duty.inProgress' },
    { status: 'done', label: 'duty.done' },
  ],
  in_progress: [{ status: 'done', label: 'duty.done' }],
  done: [],
};

/** The clock of one request: minutes waiting while unacknowledged (red past the target), then how long it took. */
export const HelpClock = (props: { request: HelpRequest; now: number }) => {
  const { t } = useConsole();
  const { request, now } = props;
  if (request.status !== 'sent') {
    const took = request.acknowledgedAt
      ? Math.max(1, Math.ceil((Date.parse(request.acknowledgedAt) - Date.parse(request.createdAt)) / MINUTE_MS))
      : 0;
    return took ? <span class="clock">{t('duty.ackedAfter', { minutes: took })}</span> : null;
  }
  const minutes = minutesSince(request.createdAt, now);
  const late = minutes >= ACK_TARGET_MINUTES;
  return <strong class={late ? 'clock late' : 'clock'}>{t(late ? 'duty.late' : 'duty.waiting', { minutes })}</strong>;
};

/** The screen's clock: the minutes move on between two looks at the list. */
export const useNow = (everyMs: number) => {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return Math.max(now, Date.now());
};

const HelpCard = (props: { request: HelpRequest; now: number; onMoved: (message: string) => void }) => {
  const { t, language, regions, refreshHelp } = useConsole();
  const { request } = props;
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const headingId = `help-${request.id}`;
  const move = async (status: HelpRequest['status']) => {
    setError(null);
    setBusy(true);
    try {
      await api('POST', `/help/${request.id}`, { status });
      props.onMoved(t('duty.moved', { id: request.id, status: t(`duty.status.${status}`) }));
      refreshHelp();
    } catch (refusal) {
      setError(refusal);
    } finally {
      setBusy(false);
    }
  };
  return (
    <li class={request.overdue ? 'card help late-card' : 'card help'} aria-labelledby={headingId}>
      <h2 id={headingId}>{t('duty.heading', { id: request.id, kind: t(`duty.kind.${request.kind}`) })}</h2>
      <p class="meta">
        {regions.get(request.village)?.name ?? request.village} ·{' '}
        {t('duty.from', { head: request.head, household: request.household, date: shortTime(request.createdAt) })}
      </p>
      <p>
        {t('duty.status', { status: t(`duty.status.${request.status}`) })} ·{' '}
        <HelpClock request={request} now={props.now} />
      </p>
      {request.note && <p>{request.note}</p>}
      {error ? <ErrorMessage error={error} language={language} t={t} /> : null}
      {NEXT[request.status].map((next, i) => (
        <button
          key={next.status}
          type="button"
          class={i === 0 ? 'primary' : undefined}
          disabled={busy}
          onClick={() => void move(next.status)}
        >
          {t(next.label)}
        </button>
      ))}
    </li>
  );
};

export const HelpPage = () => {
  const { t, help } = useConsole();
  const [done, setDone] = useState<string | null>(null);
  const now = useNow(15_000);
  return (
    <>
      <h1 tabIndex={-1}>{t('duty.title')}</h1>
      <p>{t('duty.intro')}</p>
      <NotifyButton />
      <p role="status" class="status">
        {done}
      </p>
      {!help ? (
        <p>{t('app.loading')}</p>
      ) : help.length === 0 ? (
        <p>{t('duty.empty')}</p>
      ) : (
        <ul class="help-list" aria-live="polite">
          {help.map((request) => (
            <HelpCard key={request.id} request={request} now={now} onMoved={setDone} />
          ))}
        </ul>
      )}
    </>
  );
};
