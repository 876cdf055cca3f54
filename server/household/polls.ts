/**
 * 民意调查 (polls): an operator of a village publishes a question with its options and an opening
 * window; each bound household of that village has one vote, which it may change until the
 * poll closes (the last one counts); the counts are shown only once it has closed.
 */
import { appendAudit } from '../audit/auditLog';
import type { Operator } from '../auth/operators';
import { can } from '../auth/permissions';
import { chinaTime } from '../clock';
import type { Coverage } from '../content/fontCoverage';
import { forbidden, OperatorError } from '../content/operatorError';
import type { Db } from '../db/database';
import type { Binding } from './boxes';
import { checkBoxText } from './boxText';
import { requireVillage } from './villages';
import { statement } from '../db/statements';

export interface PollRow {
  id: number;
  village: string;
  question: string;
  options: string;
  opens_ms: number;
  closes_ms: number;
  created_by: number;
  created_at: string;
}

export type PollState = 'upcoming' | 'open' | 'closed';

export interface PollView {
  id: number;
  village: string;
  question: string;
  options: string[];
  opensAt: string;
  closesAt: string;
  state: PollState;
  /** Households that have voted (shown while open too: it says nothing of how). */
  turnout: number;
  /** Votes per option, in the options' order: only once the poll has closed. */
  results: number[] | null;
}

const stateAt = (poll: PollRow, now: number): PollState =>
  now < poll.opens_ms ? 'upcoming' : now < poll.closes_ms ? 'open' : 'closed';

const viewOf = (db: Db, poll: PollRow, now: number): PollView => {
  const options = JSON.parse(poll.options) as string[];
  const counts = db
    .prepare('SELECT choice, count(*) AS votes FROM poll_votes WHERE poll_id = ? GROUP BY choice')
    .all(poll.id) as { choice: number; votes: number }[];
  const state = stateAt(poll, now);
  return {
    id: poll.id,
    village: poll.village,
    question: poll.question,
    options,
    opensAt: chinaTime(poll.opens_ms),
    closesAt: chinaTime(poll.closes_ms),
    state,
    turnout: counts.reduce((sum, c) => sum + c.votes, 0),
    results: state === 'closed' ? options.map((_, i) => counts.find((c) => c.choice === i)?.votes ?? 0) : null,
  };
};

const refuse = (status: number, zh: string, en: string) => new OperatorError(status, zh, en);

export interface NewPoll {
  village: string;
  question: string;
  options: string[];
  opensAt: string;
  closesAt: string;
}

export const createPoll = (
  context: { db: Db; coverage: Coverage },
  operator: Operator,
  poll: NewPoll,
  now = Date.now(),
): PollView => {
  const { db } = context;
  requireVillage(db, poll.village);
  // The village's clerk, its street, the district.
  const allowed =
    can(db, operator, 'edit', poll.village) ||
    (operator.role === 'street' && can(db, operator, 'review', poll.village));
  if (!allowed) throw forbidden();
  const opens = Date.parse(poll.opensAt);
  const closes = Date.parse(poll.closesAt);
  if (!(closes > opens)) throw refuse(422, '「closesAt」必须晚于「opensAt」', 'closesAt must be later than opensAt');
  if (closes <= now) throw refuse(422, '「closesAt」已经过去', 'closesAt is in the past');
  if (new Set(poll.options).size !== poll.options.length)
    throw refuse(422, '「options」中有重复的选项', 'options holds the same option twice');
  checkBoxText(context.coverage, 'question', poll.question);
  poll.options.forEach((option, i) => checkBoxText(context.coverage, `options/${i}`, option));
  return db.transaction(() => {
    const id = db
      .prepare(
        `INSERT INTO polls (village, question, options, opens_ms, closes_ms, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(poll.village, poll.question, JSON.stringify(poll.options), opens, closes, operator.id, chinaTime(now))
      .lastInsertRowid as number;
    appendAudit(db, { operatorId: operator.id, action: 'publish poll', target: `poll ${id}`, after: poll });
    return viewOf(db, db.prepare('SELECT * FROM polls WHERE id = ?').get(id) as PollRow, now);
  })();
};

/**
 * Opens a poll that has not started yet, or closes an open one, now: its window moves to this
 * moment (a closed poll stays closed; its counts are then shown). The same operators as createPoll.
 */
export const movePollWindow = (
  db: Db,
  operator: Operator,
  id: number,
  change: 'open' | 'close',
  now = Date.now(),
): PollView =>
  db.transaction(() => {
    const poll = db.prepare('SELECT * FROM polls WHERE id = ?').get(id) as PollRow | undefined;
    if (!poll) throw refuse(404, `没有编号为 ${id} 的调查`, `No poll ${id}`);
    const allowed =
      can(db, operator, 'edit', poll.village) ||
      (operator.role === 'street' && can(db, operator, 'review', poll.village));
    if (!allowed) throw forbidden();
    const state = stateAt(poll, now);
    if (change === 'open' && state !== 'upcoming')
      throw refuse(
        409,
        state === 'open' ? `调查 ${id} 已经开始` : `调查 ${id} 已经结束，不能再开始`,
        state === 'open' ? `Poll ${id} is open already` : `Poll ${id} has closed; it cannot open again`,
      );
    if (change === 'close' && state === 'closed')
      throw refuse(409, `调查 ${id} 已经结束`, `Poll ${id} has closed already`);
    // Closing an upcoming poll closes it unopened: its window becomes [now - 1 ms, now).
    const [opens, closes] = change === 'open' ? [now, poll.closes_ms] : [Math.min(poll.opens_ms, now - 1), now];
    db.prepare('UPDATE polls SET opens_ms = ?, closes_ms = ? WHERE id = ?').run(opens, closes, id);
    appendAudit(db, {
      operatorId: operator.id,
      action: `${change} poll`,
      target: `poll ${id}`,
      before: { opensAt: chinaTime(poll.opens_ms), closesAt: chinaTime(poll.closes_ms) },
      after: { opensAt: chinaTime(opens), closesAt: chinaTime(closes) },
    });
    return viewOf(db, { ...poll, opens_ms: opens, closes_ms: closes }, now);
  })();

/** The polls of a village, newest first, as its operators (and those above) see them. */
export const listPolls = (db: Db, operator: Operator, village: string, now = Date.now()): PollView[] => {
  if (!can(db, operator, 'edit', village) && !can(db, operator, 'review', village)) throw forbidden();
  return (db.prepare('SELECT * FROM polls WHERE village = ? ORDER BY id DESC').all(village) as PollRow[]).map((p) =>
    viewOf(db, p, now),
  );
};

/** What a bound box is shown: its village's polls of the last 30 days, with its household's choice. */
export const householdPolls = (db: Db, binding: Binding, now: number) =>
  (
    db
      .prepare('SELECT * FROM polls WHERE village = ? AND closes_ms > ? ORDER BY id DESC LIMIT 20')
      .all(binding.village, now - 30 * 24 * 60 * 60 * 1000) as PollRow[]
  ).map((poll) => ({
    ...viewOf(db, poll, now),
    choice:
      (db
        .prepare('SELECT choice FROM poll_votes WHERE poll_id = ? AND household = ?')
        .pluck()
        .get(poll.id, binding.household) as number | undefined) ?? null,
  }));

/** A household's vote: its first, or a change that replaces it, while the poll is open. Call inside the request's transaction. */
export const castVote = (db: Db, binding: Binding, vote: { poll: number; choice: number }, now: number) => {
  const poll = statement(db, 'SELECT * FROM polls WHERE id = ?').get(vote.poll) as PollRow | undefined;
  if (!poll || poll.village !== binding.village)
    throw refuse(404, `没有编号为 ${vote.poll} 的调查`, `No poll ${vote.poll} for this household`);
  const state = stateAt(poll, now);
  if (state !== 'open')
    throw refuse(
      409,
      state === 'upcoming' ? '这项调查还没有开始' : '这项调查已经结束，不能再投票',
      state === 'upcoming' ? 'This poll has not opened yet' : 'This poll has closed; votes are no longer taken',
    );
  const options = JSON.parse(poll.options) as string[];
  if (vote.choice >= options.length)
    throw refuse(400, `「choice」须为 0 到 ${options.length - 1}`, `choice must be 0 to ${options.length - 1}`);
  statement(
    db,
    `INSERT INTO poll_votes (poll_id, household, choice, box_id, voted_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (poll_id, household) DO UPDATE SET choice = excluded.choice, box_id = excluded.box_id, voted_at = excluded.voted_at`,
  ).run(poll.id, binding.household, vote.choice, binding.box, chinaTime(now));
  return { poll: poll.id, choice: vote.choice };
};
