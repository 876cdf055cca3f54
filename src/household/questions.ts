/**
 * A villager's question about a published item ("我要提问"), as box and service both read it: the
 * fixed reasons (no typing on a remote), what it is about (the item and the version the villager
 * saw), its statuses after Open311's request model, and the reply clock the Q&A channel draws.
 * No TypeBox here: the box checks by hand (old engines lack BigInt).
 */

export const QUESTION_REASONS = ['amount', 'unclear', 'mismatch', 'other'] as const;
export type QuestionReason = (typeof QUESTION_REASONS)[number];

/** 已收到 → 已受理 (who is responsible, by when) → 已答复, or 已更正 with a link to the corrected item. */
export const QUESTION_STATUSES = ['received', 'accepted', 'answered', 'corrected'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

/** Days within which a question is owed its answer; past them it escalates to the street. */
export const REPLY_DAYS = 10;

/** What a question is about: an item of a sub-channel; a ledger voucher by month (the item) and number; a table row by index. */
export interface QuestionSubject {
  region: string;
  channel: number;
  item: string;
  voucher?: string;
  row?: number;
  /** The item's version the villager saw. */
  version: number;
}

/** What the box sends, signed, to POST /box/questions. `key` makes a resend the same question. */
export interface QuestionSubmission {
  key: string;
  subject: QuestionSubject;
  reason: QuestionReason;
  callBack: boolean;
}

export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/** A question as the household's page 25 lists it (sealed to its box). */
export interface HouseholdQuestion {
  id: number;
  askedAt: string;
  /** What was asked about, as the service read it from the published item (记-0042 电费 ¥330.30). */
  about: string;
  reason: QuestionReason;
  callBack: boolean;
  status: QuestionStatus;
  statusNotes?: string;
  responsible?: string;
  expectedAt?: string;
  answer?: string;
  answeredAt?: string;
  /** The corrected item, as region/channel/item (已更正). */
  correctedItem?: string;
  /** The household's rating of the answer, 1–5 (满意度). */
  rating?: number;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The box's own check of a listed question before it shows it. */
export const looksLikeHouseholdQuestion = (value: unknown): value is HouseholdQuestion =>
  isObject(value) &&
  typeof value.id === 'number' &&
  typeof value.askedAt === 'string' &&
  typeof value.about === 'string' &&
  (QUESTION_REASONS as readonly unknown[]).includes(value.reason) &&
  (QUESTION_STATUSES as readonly unknown[]).includes(value.status);
