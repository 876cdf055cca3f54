/**
 * 满意度 on the box: once a question of the household is answered, its 25 offers a row to rate
 * the answer 1–5; the rating goes through the box's outbox (kept until the service has it), and
 * may be changed. The service keeps the last one and counts them per village and month.
 */
import type { HouseholdQuestion } from '../../household/questions';
import { t, type MessageKey } from '../../i18n';
import type { RowModel } from '../data/models';
import type { Outbox, OutboxEntry, Outcome } from '../household/outbox';
import { COLOR } from '../theme';

export const RATE_PATH = '/box/questions/rate';
export const RATE_KIND = 'rating';
/** The ratings offered, best first (the remote's ↓ goes towards worse). */
export const RATINGS = [5, 4, 3, 2, 1] as const;

export const ratingWord = (rating: number): string => t(`rate.${rating}` as MessageKey);

/** Queues the household's rating (kept in box storage at once) and tries to send it. */
export const rateAnswer = (outbox: Outbox, question: number, rating: number, about: string): Promise<Outcome[]> => {
  outbox.add(RATE_KIND, RATE_PATH, { question, rating }, about);
  return outbox.flush();
};

/** The rating still waiting on the box for this question (the last one queued), if any. */
export const pendingRating = (pending: readonly OutboxEntry[], question: number): number | null => {
  const ratings = pending.filter((e) => e.kind === RATE_KIND && e.body.question === question);
  const last = ratings[ratings.length - 1];
  return last && typeof last.body.rating === 'number' ? last.body.rating : null;
};

/** The row under an answered question: rate it, or how it was rated (待发送 while on the box). */
export const ratingRow = (q: HouseholdQuestion, pending: readonly OutboxEntry[]): RowModel | null => {
  if (q.status !== 'answered' && q.status !== 'corrected') return null;
  const waiting = pendingRating(pending, q.id);
  const rating = waiting ?? q.rating ?? null;
  return {
    title: `　${t('rate.row')}`,
    detail: rating === null ? t('rate.row.detail') : t('rate.row.change'),
    tag: rating === null ? t('rate.none') : `${ratingWord(rating)}${waiting !== null ? ` · ${t('poll.pending')}` : ''}`,
    tagColor: rating === null ? COLOR.warning : waiting !== null ? COLOR.warning : COLOR.income,
    target: `rate/${q.id}`,
  };
};
