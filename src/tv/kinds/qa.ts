/** Villagers' questions and the answers owed them within ten days: each row says how the clock stands. */
import type { Question } from '../../feed/schema';
import { chinaTime, toEpoch } from '../../format/dates';
import { t } from '../../i18n';
import { COLOR } from '../theme';
import { date, documentBase, itemMedia, readerKind } from './common';

const REPLY_DAYS = 10;
const DAY_MS = 86_400_000;

/** The reply clock of a villager's question: answered, days left, or days overdue. */
export const replyStatus = (q: Question, now: number): { text: string; color: number } => {
  if (q.answer) return { text: t('qa.answered'), color: COLOR.income };
  const due = toEpoch(q.askedAt) + REPLY_DAYS * DAY_MS;
  const days = Math.ceil((due - now) / DAY_MS);
  return days >= 0
    ? { text: `${t('qa.pending')} · ${t('qa.daysLeft', { days })}`, color: COLOR.warning }
    : { text: t('qa.overdue', { days: -days }), color: COLOR.overdue };
};

export const qa = readerKind<'qa'>(
  (channel, now) =>
    channel.content.map((q) => {
      const status = replyStatus(q, now);
      return {
        title: q.title,
        detail: t('qa.askedAt', { date: date(q.askedAt) }),
        tag: status.text,
        tagColor: status.color,
        target: `read/${channel.id}/${q.id}`,
      };
    }),
  (channel, itemId, now) => {
    const q = channel.content.find((x) => x.id === itemId);
    if (!q) return null;
    const status = replyStatus(q, now);
    const meta = [t('qa.askedAt', { date: date(q.askedAt) }), status.text];
    if (q.askedBy) meta.push(t('qa.askedBy', { name: q.askedBy }));
    if (q.department) meta.push(t('qa.department', { name: q.department }));
    const answer = q.answer
      ? [`【${t('qa.answer')}】${q.answeredAt ? t('qa.answeredAt', { date: date(q.answeredAt) }) : ''}`, q.answer]
      : [t('qa.noAnswerYet', { date: date(chinaTime(toEpoch(q.askedAt) + REPLY_DAYS * DAY_MS)) })];
    return {
      ...documentBase(channel.id, q.title, q.publishedAt, q),
      meta,
      paragraphs: [q.question, ...answer],
      ...itemMedia(channel.id, q),
    };
  },
);
