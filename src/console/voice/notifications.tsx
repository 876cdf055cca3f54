/**
 * Browser notifications: asked for with a button (never on load), then one notice per new help
 * request and per item that has waited more than a day. What was told is remembered in this
 * browser, so a reload does not tell it again.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useConsole } from '../context';
import type { Translate } from '../i18n';
import type { Waiting } from '../waiting';
import { DAY_MS, isOpenQuestion, type HelpRequest } from './types';

const TOLD = 'sanwu.console.told';
const supported = () => typeof Notification !== 'undefined';

const told = (): Set<string> => {
  try {
    return new Set(JSON.parse(localStorage.getItem(TOLD) ?? '[]') as string[]);
  } catch {
    return new Set();
  }
};
/** Tells `subject` once per browser: false if it was told before. */
const tellOnce = (subject: string, title: string, body: string): boolean => {
  const seen = told();
  if (seen.has(subject)) return false;
  seen.add(subject);
  // Only the newest few hundred: the list must not grow for ever.
  localStorage.setItem(TOLD, JSON.stringify([...seen].slice(-300)));
  new Notification(title, { body, tag: subject });
  return true;
};

export const NotifyButton = () => {
  const { t } = useConsole();
  const [permission, setPermission] = useState(supported() ? Notification.permission : 'unsupported');
  if (permission === 'unsupported') return <p class="note">{t('notify.unsupported')}</p>;
  if (permission === 'granted') return <p class="note">{t('notify.on')}</p>;
  if (permission === 'denied') return <p class="note">{t('notify.denied')}</p>;
  return (
    <button type="button" onClick={() => void Notification.requestPermission().then(setPermission)}>
      {t('notify.enable')}
    </button>
  );
};

const waitedADay = (waiting: Waiting, now: number) => {
  const old = (iso: string | null | undefined) => !!iso && now - Date.parse(iso) > DAY_MS;
  return [
    ...waiting.toReview.filter((r) => old(r.created_at)).map((r) => `revision ${r.id}`),
    ...waiting.approved.filter((r) => old(r.reviewed_at ?? r.created_at)).map((r) => `revision ${r.id}`),
    ...waiting.questions.filter((q) => isOpenQuestion(q) && old(q.askedAt)).map((q) => `question ${q.id}`),
  ];
};

/** Announces new help requests (those not in the first list this page saw) and items waiting more than a day. */
export const useBrowserNotices = (help: HelpRequest[] | null, waiting: Waiting | null, t: Translate) => {
  const known = useRef<Set<number> | null>(null);
  useEffect(() => {
    if (!help) return;
    const first = known.current === null;
    const seen = (known.current ??= new Set());
    for (const request of help) {
      if (seen.has(request.id)) continue;
      seen.add(request.id);
      // What the page showed when it opened is on the screen already; only what arrives after is announced.
      if (first || request.status !== 'sent' || !supported() || Notification.permission !== 'granted') continue;
      const kind = t(`duty.kind.${request.kind}`);
      tellOnce(
        `help ${request.id}`,
        t('notify.help', { kind }),
        t('notify.helpBody', { head: request.head, household: request.household }),
      );
    }
  }, [help, t]);
  useEffect(() => {
    if (!waiting || !supported() || Notification.permission !== 'granted') return;
    const subjects = waitedADay(waiting, Date.now());
    const fresh = subjects.filter((s) => !told().has(s));
    if (!fresh.length) return;
    // One notice for all of them; then each counts as told.
    tellOnce(fresh.join(','), t('notify.waiting'), t('notify.waitingBody', { count: fresh.length }));
    localStorage.setItem(TOLD, JSON.stringify([...told(), ...fresh].slice(-300)));
  }, [waiting, t]);
};
