/**
 * The household's 25 消息与求助 lists its questions with their status and answer: the page is
 * rewritten with them and sealed again to each box bound to the household, which opens it at
 * its next look. Other entries of the page (messages) stay as they are.
 */
import type { HouseholdQuestion } from '../../src/household/questions';
import { chinaTime } from '../clock';
import { householdRatings } from './ratings';
import { writePrivateFiles, type SealingContext } from './sealing';

/** The most a page lists, newest first (the page's schema allows no more). */
const LISTED = 200;

interface QuestionRow {
  id: number;
  asked_ms: number;
  about: string;
  reason: HouseholdQuestion['reason'];
  call_back: number;
  status: HouseholdQuestion['status'];
  status_notes: string | null;
  responsible: string | null;
  expected_at: string | null;
  answer: string | null;
  answered_at: string | null;
  corrected_item: string | null;
}

const listed = (row: QuestionRow, rating: number | undefined): HouseholdQuestion => ({
  id: row.id,
  askedAt: chinaTime(row.asked_ms),
  about: row.about,
  reason: row.reason,
  callBack: row.call_back === 1,
  status: row.status,
  ...(row.status_notes ? { statusNotes: row.status_notes } : {}),
  ...(row.responsible ? { responsible: row.responsible } : {}),
  ...(row.expected_at ? { expectedAt: row.expected_at } : {}),
  ...(row.answer ? { answer: row.answer } : {}),
  ...(row.answered_at ? { answeredAt: row.answered_at } : {}),
  ...(row.corrected_item ? { correctedItem: row.corrected_item } : {}),
  ...(rating ? { rating } : {}),
});

/** Writes the household's questions into its page 25 and seals it again for its bound boxes. */
export const refreshQuestionsPage = (context: SealingContext, household: string, now = Date.now()): void => {
  const { db } = context;
  const boxes = db.transaction(() => {
    const ratings = householdRatings(db, household);
    const questions = (
      db
        .prepare('SELECT * FROM questions WHERE household = ? ORDER BY asked_ms DESC, id DESC LIMIT ?')
        .all(household, LISTED) as QuestionRow[]
    ).map((row) => listed(row, ratings.get(row.id)));
    const stored = db
      .prepare('SELECT body FROM household_pages WHERE household = ? AND channel = 25')
      .pluck()
      .get(household) as string | undefined;
    const page = stored
      ? (JSON.parse(stored) as { content: Record<string, unknown> } & Record<string, unknown>)
      : { channel: 25, content: { messages: [] } };
    const body = JSON.stringify({ ...page, updatedAt: chinaTime(now), content: { ...page.content, questions } });
    db.prepare(
      `INSERT INTO household_pages (household, channel, body) VALUES (?, 25, ?)
       ON CONFLICT (household, channel) DO UPDATE SET body = excluded.body`,
    ).run(household, body);
    return db
      .prepare('SELECT box_id FROM bindings WHERE household = ? AND ended_at IS NULL')
      .pluck()
      .all(household) as string[];
  })();
  for (const box of boxes) writePrivateFiles(context, box, household, now);
};
