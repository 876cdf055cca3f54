/**
 * Items that have waited more than a day, handed once each to the outbound notifier: drafts not
 * yet reviewed, approved changes not yet published, and villagers' questions not yet answered.
 * Checked every few minutes while the service runs (startWaitingNotices).
 */
import { chinaTime } from '../clock';
import type { Db } from '../db/database';
import { whenNotBusy } from '../db/whenNotBusy';
import { notify, type OutboundNotice, type OutboundNotifier } from './outbound';

/** What the check needs of the service (the service itself is passed). */
export interface NoticeContext {
  db: Db;
  notifier?: OutboundNotifier;
}

const DAY_MS = 86_400_000;
const CHECK_MS = 5 * 60_000;

interface Waited {
  subject: string;
  region: string;
  since: string;
  zh: string;
  en: string;
}

const waitedTooLong = (db: Db, now: number): Waited[] => {
  const before = now - DAY_MS;
  const revisions = (
    db
      .prepare(
        `SELECT id, region, channel, item_id, status, coalesce(reviewed_at, created_at) AS since FROM revisions
         WHERE status IN ('draft', 'approved')`,
      )
      .all() as { id: number; region: string; channel: number; item_id: string; status: string; since: string }[]
  ).filter((r) => Date.parse(r.since) < before);
  const questions = db
    .prepare(
      `SELECT id, village, about, asked_ms FROM questions WHERE status IN ('received', 'accepted') AND asked_ms < ?`,
    )
    .all(before) as { id: number; village: string; about: string; asked_ms: number }[];
  return [
    ...revisions.map((r) => ({
      subject: `revision ${r.id}`,
      region: r.region,
      since: r.since,
      zh:
        r.status === 'draft'
          ? `草稿 ${r.channel}/${r.item_id} 已等待审核超过一天`
          : `已批准的修改 ${r.channel}/${r.item_id} 已等待发布超过一天`,
      en:
        r.status === 'draft'
          ? `Draft ${r.channel}/${r.item_id} has waited more than a day for review`
          : `Approved change ${r.channel}/${r.item_id} has waited more than a day to be published`,
    })),
    ...questions.map((q) => ({
      subject: `question ${q.id}`,
      region: q.village,
      since: chinaTime(q.asked_ms),
      zh: `村民提问 #${q.id}（${q.about}）已等待答复超过一天`,
      en: `Villager's question ${q.id} (${q.about}) has waited more than a day for an answer`,
    })),
  ];
};

/** Hands each item that has waited more than a day, and was not told before, to the notifier; returns what it sent. */
export const sendWaitingNotices = async (service: NoticeContext, now = Date.now()): Promise<OutboundNotice[]> => {
  if (!service.notifier) return [];
  const { db } = service;
  const fresh = await whenNotBusy(() =>
    db.transaction(() => {
      const told = db.prepare(
        `INSERT INTO outbound_notices (subject, kind, sent_at) VALUES (?, 'waiting', ?) ON CONFLICT DO NOTHING`,
      );
      return waitedTooLong(db, now).filter((w) => told.run(w.subject, chinaTime(now)).changes === 1);
    })(),
  );
  const notices = fresh.map((w): OutboundNotice => ({
    kind: 'waiting',
    region: w.region,
    subject: w.subject,
    zh: w.zh,
    en: w.en,
    at: w.since,
  }));
  for (const notice of notices) await notify(service.notifier, notice);
  return notices;
};

export const startWaitingNotices = (service: NoticeContext): (() => void) => {
  if (!service.notifier) return () => undefined;
  const check = () => void sendWaitingNotices(service).catch((error: unknown) => console.error(error));
  check();
  const timer = setInterval(check, CHECK_MS);
  timer.unref();
  return () => clearInterval(timer);
};
