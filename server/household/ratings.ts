/**
 * 满意度: once its question is answered (or corrected), the household rates the answer 1–5 from
 * its box, once, and may change it. A village's ratings are counted per month (the month each
 * was given), as a count and an average, for its operators, and published as a monthly item of
 * the village's 20 村民问答: a draft, reviewed and published like every item, so the public reads
 * the numbers from the signed static feed like everything else it reads.
 */
import type { Question } from '../../src/feed/schema';
import type { Operator } from '../auth/operators';
import { can } from '../auth/permissions';
import { chinaTime } from '../clock';
import type { ContentContext } from '../content/context';
import { pushItem } from '../content/operations';
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

/** The village's Q&A channel (20 村民问答), where the month's numbers are published. */
const VILLAGE_QA_CHANNEL = 20;

/**
 * Drafts the month's numbers as an item of the village's 20 (`satisfaction-YYYY-MM`), for its
 * committee to approve and the street to publish; `replace` redrafts a month already published.
 */
export const draftMonthlyRatings = (
  context: ContentContext,
  operator: Operator,
  village: string,
  month: string,
  options: { replace?: boolean } = {},
  now = Date.now(),
): { draft: number; item: string; numbers: MonthlyRating } => {
  const numbers = monthlyRatings(context.db, village).find((m) => m.month === month);
  if (!numbers)
    throw new OperatorError(404, `${month} 没有收到满意度评价`, `No satisfaction ratings were given in ${month}`);
  const [year, mm] = month.split('-');
  const label = `${year}年${Number(mm)}月`;
  const item: Question = {
    id: `satisfaction-${month}`,
    publishedAt: chinaTime(now),
    version: 1,
    title: `${label}村民对答复的满意度`,
    question: `${label}，村民在电视上对村里答复的满意程度如何？`,
    askedBy: '村务监督委员会',
    askedAt: chinaTime(now),
    answer: `${label}共收到 ${numbers.count} 条满意度评价，平均 ${numbers.average.toFixed(1)} 分（满分 5 分）。`,
    answeredAt: chinaTime(now),
  };
  const draft = pushItem(
    context,
    operator,
    { region: village, channel: VILLAGE_QA_CHANNEL, itemId: item.id },
    item,
    options,
  );
  return { draft: draft.id, item: item.id, numbers };
};
