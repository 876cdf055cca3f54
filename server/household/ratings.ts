/**
 * 满意度: once its question is answered (or corrected), the household rates the answer 1–5 from
 * its box, once, and may change it. A village's ratings are counted per month (the month each
 * was given), as a count and an average, for its operators and for publishing.
 */
import type { Operator } from '../auth/operators';
import { can } from '../auth/permissions';
import { chinaTime } from '../clock';
import { forbidden, OperatorError } from '../content/operatorError';
import type { Db } from '../db/database';
import type { Binding } from './boxes';

export interface MonthlyRating {
  /** YYYY-MM, China time. */
  month: string;
  count: number;
  /** The mean rating, to one decimal. */
  average: number;
}

/** The household's rating of an answer to its own question: its first, or a change. Call inside the request's transaction. */
export const rateAnswer = (db: Db, binding: Binding, rating: { question: number; rating: number }, now: number) => {
  const question = db.prepare('SELECT household, status FROM questions WHERE id = ?').get(rating.question) as
    { household: string; status: string } | undefined;
  if (!question || question.household !== binding.household)
    throw new OperatorError(
      404,
      `您家没有编号为 ${rating.question} 的提问`,
      `No question ${rating.question} of this household`,
    );
  if (question.status !== 'answered' && question.status !== 'corrected')
    throw new OperatorError(409, '这个提问还没有答复，答复后才能评价', 'This question has no answer yet to rate');
  const at = chinaTime(now);
  db.prepare(
    `INSERT INTO question_ratings (question_id, household, village, rating, box_id, month, rated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (question_id) DO UPDATE SET rating = excluded.rating, box_id = excluded.box_id, month = excluded.month, rated_at = excluded.rated_at`,
  ).run(rating.question, binding.household, binding.village, rating.rating, binding.box, at.slice(0, 7), at);
  return { question: rating.question, rating: rating.rating };
};

/** A village's ratings per month, newest month first. */
export const monthlyRatings = (db: Db, village: string): MonthlyRating[] =>
  (
    db
      .prepare(
        `SELECT month, count(*) AS count, avg(rating) AS average FROM question_ratings
         WHERE village = ? GROUP BY month ORDER BY month DESC`,
      )
      .all(village) as { month: string; count: number; average: number }[]
  ).map((m) => ({ month: m.month, count: m.count, average: Math.round(m.average * 10) / 10 }));

/** The monthly numbers as a village's operators (and those above) read them. */
export const villageRatings = (db: Db, operator: Operator, village: string): MonthlyRating[] => {
  if (!can(db, operator, 'edit', village) && !can(db, operator, 'review', village)) throw forbidden();
  return monthlyRatings(db, village);
};

/** The household's own ratings, by question, for its 25. */
export const householdRatings = (db: Db, household: string): Map<number, number> =>
  new Map(
    (
      db.prepare('SELECT question_id, rating FROM question_ratings WHERE household = ?').all(household) as {
        question_id: number;
        rating: number;
      }[]
    ).map((r) => [r.question_id, r.rating]),
  );
