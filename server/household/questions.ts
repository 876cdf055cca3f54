/**
 * Villagers' questions ("我要提问"): a bound box submits one about a published item; operators of
 * its village accept it (who is responsible, by when) and answer it, or say the item was
 * corrected. Statuses and fields follow Open311's request model. A resend under the same
 * idempotency key is the same question; each box and each household may ask a few a day.
 * A question unanswered past the reply clock escalates to the street, which then sees it too.
 * Operators' actions are scoped to the village and audited; the answer reaches the household's
 * sealed 25, and, if of public interest, a draft in 20 村民问答 with the asker anonymised.
 */
import type { Question } from '../../src/feed/schema';
import { CHANNELS } from '../../src/feed/taxonomy';
import { REPLY_DAYS, type QuestionStatus, type QuestionSubmission } from '../../src/household/questions';
import { appendAudit } from '../audit/auditLog';
import type { Operator } from '../auth/operators';
import { can } from '../auth/permissions';
import { chinaTime } from '../clock';
import type { ContentContext } from '../content/context';
import { pushItem } from '../content/operations';
import { forbidden, OperatorError } from '../content/operatorError';
import type { Db } from '../db/database';
import { describeSubject } from './questionSubjects';

/** How many questions one box, and one household (all its boxes), may ask in a day. */
export const QUESTIONS_PER_DAY = 10;
const DAY_MS = 86_400_000;

/** The village's Q&A sub-channel, where answers of public interest are published. */
export const VILLAGE_QA_CHANNEL = CHANNELS.find((c) => c.kind === 'qa' && c.section === 'village')!.id;

export const REASON_TEXT: Record<QuestionSubmission['reason'], string> = {
  amount: '金额有疑问',
  unclear: '没看懂',
  mismatch: '和实际不符',
  other: '其他',
};

interface Asker {
  box: string;
  household: string;
  village: string;
}

export interface StoredQuestion {
  id: number;
  status: QuestionStatus;
  /** False when this was a resend of a question already stored. */
  created: boolean;
}

const tooMany = (who: 'box' | 'household') =>
  new OperatorError(
    429,
    who === 'box'
      ? `这台机顶盒今天已提问 ${QUESTIONS_PER_DAY} 次，请明天再问，或直接联系村委会`
      : `您家今天已提问 ${QUESTIONS_PER_DAY} 次，请明天再问，或直接联系村委会`,
    who === 'box'
      ? `This box has asked ${QUESTIONS_PER_DAY} questions today: ask again tomorrow, or call the village office`
      : `Your household has asked ${QUESTIONS_PER_DAY} questions today: ask again tomorrow, or call the village office`,
  );

/**
 * Stores a bound box's question, or finds the one its key already stored. Call inside the
 * transaction that accepts the signed request, so a refusal stores nothing.
 */
export const submitQuestion = (db: Db, asker: Asker, submission: QuestionSubmission, now: number): StoredQuestion => {
  const known = db
    .prepare('SELECT id, status FROM questions WHERE box_id = ? AND idem_key = ?')
    .get(asker.box, submission.key) as { id: number; status: QuestionStatus } | undefined;
  if (known) return { ...known, created: false };
  const since = now - DAY_MS;
  const count = (column: 'box_id' | 'household', value: string) =>
    db
      .prepare(`SELECT count(*) FROM questions WHERE ${column} = ? AND asked_ms > ?`)
      .pluck()
      .get(value, since) as number;
  if (count('box_id', asker.box) >= QUESTIONS_PER_DAY) throw tooMany('box');
  if (count('household', asker.household) >= QUESTIONS_PER_DAY) throw tooMany('household');
  const { subject } = submission;
  const about = describeSubject(db, asker.village, subject);
  const id = db
    .prepare(
      `INSERT INTO questions (box_id, household, village, idem_key, region, channel, item, voucher, row_index,
         item_version, about, reason, call_back, status, asked_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?)`,
    )
    .run(
      asker.box,
      asker.household,
      asker.village,
      submission.key,
      subject.region,
      subject.channel,
      subject.item,
      subject.voucher ?? null,
      subject.row ?? null,
      subject.version,
      about,
      submission.reason,
      submission.callBack ? 1 : 0,
      now,
    ).lastInsertRowid;
  return { id: Number(id), status: 'received', created: true };
};

interface QuestionRow {
  id: number;
  box_id: string;
  household: string;
  village: string;
  region: string;
  channel: number;
  item: string;
  voucher: string | null;
  row_index: number | null;
  item_version: number;
  about: string;
  reason: QuestionSubmission['reason'];
  call_back: number;
  status: QuestionStatus;
  status_notes: string | null;
  responsible: string | null;
  expected_at: string | null;
  answer: string | null;
  answered_at: string | null;
  corrected_item: string | null;
  public_item: string | null;
  asked_ms: number;
}

const streetOf = (db: Db, village: string): string | null =>
  (db.prepare('SELECT parent FROM regions WHERE code = ?').pluck().get(village) as string | null | undefined) ?? null;

const isOpen = (row: Pick<QuestionRow, 'status'>) => row.status === 'received' || row.status === 'accepted';
const dueMs = (row: Pick<QuestionRow, 'asked_ms'>) => row.asked_ms + REPLY_DAYS * DAY_MS;
const isOverdue = (row: QuestionRow, now: number) => isOpen(row) && dueMs(row) < now;

/** The village's own operators see and handle its questions; the street, those overdue (escalated); the district, all. */
const mayHandle = (db: Db, operator: Operator, row: QuestionRow, now: number, action: 'see' | 'answer') => {
  if (operator.role === 'admin') return true;
  if (operator.role === 'street') return isOverdue(row, now) && streetOf(db, row.village) === operator.region;
  if (operator.region !== row.village) return false;
  return action === 'see' || can(db, operator, 'edit', row.village);
};

const view = (db: Db, row: QuestionRow, now: number) => ({
  id: row.id,
  village: row.village,
  household: row.household,
  box: row.box_id,
  subject: {
    region: row.region,
    channel: row.channel,
    item: row.item,
    ...(row.voucher ? { voucher: row.voucher } : {}),
    ...(row.row_index !== null ? { row: row.row_index } : {}),
    version: row.item_version,
  },
  about: row.about,
  reason: row.reason,
  reasonText: REASON_TEXT[row.reason],
  callBack: row.call_back === 1,
  status: row.status,
  statusNotes: row.status_notes,
  responsible: row.responsible,
  expectedAt: row.expected_at,
  answer: row.answer,
  answeredAt: row.answered_at,
  correctedItem: row.corrected_item,
  publicItem: row.public_item,
  askedAt: chinaTime(row.asked_ms),
  dueAt: chinaTime(dueMs(row)),
  overdue: isOverdue(row, now),
  escalatedTo: isOverdue(row, now) ? streetOf(db, row.village) : null,
});
export type QuestionView = ReturnType<typeof view>;

export const listQuestions = (
  db: Db,
  operator: Operator,
  filter: { village?: string; status?: QuestionStatus },
  now = Date.now(),
): QuestionView[] => {
  if (filter.village && operator.role !== 'admin' && operator.role !== 'street' && filter.village !== operator.region)
    throw forbidden();
  const rows = db
    .prepare(
      `SELECT * FROM questions WHERE (? IS NULL OR village = ?) AND (? IS NULL OR status = ?) ORDER BY asked_ms, id`,
    )
    .all(filter.village ?? null, filter.village ?? null, filter.status ?? null, filter.status ?? null) as QuestionRow[];
  return rows.filter((row) => mayHandle(db, operator, row, now, 'see')).map((row) => view(db, row, now));
};

const handled = (db: Db, operator: Operator, id: number, now: number): QuestionRow => {
  const row = db.prepare('SELECT * FROM questions WHERE id = ?').get(id) as QuestionRow | undefined;
  if (!row) throw new OperatorError(404, `没有编号为 ${id} 的提问`, `No question ${id}`);
  if (!mayHandle(db, operator, row, now, 'answer')) throw forbidden();
  if (!isOpen(row)) throw new OperatorError(409, `提问 ${id} 已经答复过了`, `Question ${id} has been answered already`);
  return row;
};

/** 已受理: who is responsible and by when an answer is expected. Returns the household, whose 25 changes. */
export const acceptQuestion = (
  db: Db,
  operator: Operator,
  id: number,
  accepted: { responsible: string; expectedAt: string; notes?: string },
  now = Date.now(),
): QuestionView =>
  db.transaction(() => {
    const row = handled(db, operator, id, now);
    db.prepare(
      `UPDATE questions SET status = 'accepted', responsible = ?, expected_at = ?, status_notes = ? WHERE id = ?`,
    ).run(accepted.responsible, accepted.expectedAt, accepted.notes ?? null, id);
    appendAudit(db, {
      operatorId: operator.id,
      action: 'accept question',
      target: `question ${id}`,
      before: { status: row.status },
      after: accepted,
    });
    return view(db, db.prepare('SELECT * FROM questions WHERE id = ?').get(id) as QuestionRow, now);
  })();

/** The item in 20 村民问答 that answers a question in public: the asker is 村民, never named. */
const publicItem = (row: QuestionRow, answer: string, responsible: string | null, now: number): Question => ({
  id: `question-${row.id}`,
  publishedAt: chinaTime(now),
  version: 1,
  title: `关于${row.about}的提问`.slice(0, 80),
  question: `村民对「${row.about}」提出：${REASON_TEXT[row.reason]}。`,
  askedBy: '村民',
  askedAt: chinaTime(row.asked_ms),
  ...(responsible ? { department: responsible.slice(0, 40) } : {}),
  answer,
  answeredAt: chinaTime(now),
  about: {
    region: row.region,
    channel: row.channel,
    item: row.item,
    ...(row.voucher ? { voucher: row.voucher } : {}),
  },
});

/**
 * 已答复 (or 已更正, with the corrected item): the answer goes to the household's 25; with
 * `public`, also a draft in the village's 20 for the committee to review and the street to publish.
 */
export const answerQuestion = (
  context: ContentContext,
  operator: Operator,
  id: number,
  answer: { text: string; public?: boolean; correctedItem?: string },
  now = Date.now(),
): QuestionView & { publicDraft: number | null } => {
  const { db } = context;
  return db.transaction(() => {
    const row = handled(db, operator, id, now);
    const status: QuestionStatus = answer.correctedItem ? 'corrected' : 'answered';
    let publicDraft: number | null = null;
    let publicId: string | null = null;
    if (answer.public) {
      const item = publicItem(row, answer.text, row.responsible, now);
      const ref = { region: row.village, channel: VILLAGE_QA_CHANNEL, itemId: item.id };
      publicDraft = pushItem(context, operator, ref, item).id;
      publicId = item.id;
    }
    db.prepare(
      `UPDATE questions SET status = ?, answer = ?, answered_at = ?, answered_by = ?, corrected_item = ?, public_item = ?
       WHERE id = ?`,
    ).run(status, answer.text, chinaTime(now), operator.id, answer.correctedItem ?? null, publicId, id);
    appendAudit(db, {
      operatorId: operator.id,
      action: 'answer question',
      target: `question ${id}`,
      before: { status: row.status },
      after: { status, answer: answer.text, public: !!answer.public, correctedItem: answer.correctedItem ?? null },
    });
    return {
      ...view(db, db.prepare('SELECT * FROM questions WHERE id = ?').get(id) as QuestionRow, now),
      publicDraft,
    };
  })();
};

/** The household a question came from, whose 25 shows it. */
export const householdOf = (db: Db, id: number): string =>
  db.prepare('SELECT household FROM questions WHERE id = ?').pluck().get(id) as string;
