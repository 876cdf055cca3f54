/**
 * The villager's questions on the box: sending one through the outbox (kept on the box until the
 * service has it), the household's 25 rows for its questions (待发送 while queued, then the
 * service's status and answer), the reader page of one question, and the words for a refusal.
 */
import {
  looksLikeHouseholdQuestion,
  REPLY_DAYS,
  type HouseholdQuestion,
  type QuestionReason,
  type QuestionSubject,
} from '../../household/questions';
import { chinaTime, toEpoch } from '../../format/dates';
import { language, t, type MessageKey } from '../../i18n';
import type { DocumentModel, RowModel } from '../data/models';
import type { Outbox, OutboxEntry, Outcome } from '../household/outbox';
import { channelCrumbs, date, dateTime } from '../kinds/common';
import { COLOR } from '../theme';
import { HELP_ENTRY_KIND } from './helpSend';
import { ratingRow } from './ratings';

/** Where questions go, and the outbox entries' kind. */
export const QUESTIONS_PATH = '/box/questions';
export const QUESTION_KIND = 'question';
const HOUSEHOLD_MESSAGES = 25;

/** Queues the question (kept in box storage at once) and tries to send it; resolves when that try is over. */
export const askQuestion = (
  outbox: Outbox,
  question: { subject: QuestionSubject; reason: QuestionReason; callBack: boolean; about: string },
): Promise<Outcome[]> => {
  const { about, ...body } = question;
  outbox.add(QUESTION_KIND, QUESTIONS_PATH, { ...body }, about);
  return outbox.flush();
};

/** What the TV says when the service refused a queued submission (a question or a help request). */
export const refusalNotice = (outcome: Outcome): string => {
  // The help request's limit is hourly, the questions' daily: each says its own.
  if (outcome.answer.status === 429) return t(outcome.entry.kind === HELP_ENTRY_KIND ? 'help.tooMany' : 'ask.limited');
  const error = (outcome.answer.body as { error?: { zh?: string; en?: string } } | null)?.error;
  const reason = (language() === 'en' ? error?.en : error?.zh) ?? String(outcome.answer.status);
  return t('ask.refused', { reason });
};

const statusWord = (status: HouseholdQuestion['status'] | 'pending') => t(`question.status.${status}` as MessageKey);

const statusColor: Record<HouseholdQuestion['status'], number> = {
  received: COLOR.warning,
  accepted: COLOR.warning,
  answered: COLOR.income,
  corrected: COLOR.corrected,
};

const reasonWord = (reason: QuestionReason) => t(`ask.reason.${reason}` as MessageKey);

/** The line under a question: when it was asked and how it stands (who answers by when, or the answer). */
const detailOf = (q: HouseholdQuestion): string => {
  const asked = t('question.askedAt', { date: date(q.askedAt), reason: reasonWord(q.reason) });
  if (q.answer) return `${asked} · ${t('question.answer', { answer: q.answer })}`;
  if (q.responsible)
    return `${asked} · ${t('question.accepted', { responsible: q.responsible, date: q.expectedAt ?? '' })}`;
  return `${asked} · ${t('question.due', { date: date(chinaTime(toEpoch(q.askedAt) + REPLY_DAYS * 86_400_000)) })}`;
};

/** The household's questions as rows of its 25: those still on the box first, then the service's, newest first. */
export const questionRows = (listed: unknown[] | undefined, pending: readonly OutboxEntry[]): RowModel[] => [
  ...pending
    .filter((e) => e.kind === QUESTION_KIND)
    .map((e) => ({
      title: e.label ?? '',
      detail: `${dateTime(chinaTime(e.queuedAt))} · ${t('question.queued')}`,
      tag: statusWord('pending'),
      tagColor: COLOR.warning,
    })),
  ...(listed ?? []).filter(looksLikeHouseholdQuestion).flatMap((q) => {
    const row: RowModel = {
      title: q.about,
      detail: detailOf(q),
      tag: statusWord(q.status),
      tagColor: statusColor[q.status],
      target: `mine/question/${q.id}`,
    };
    // 满意度: an answered question is followed by the row that rates its answer.
    const rate = ratingRow(q, pending);
    return rate ? [row, rate] : [row];
  }),
];

/** One question of the household, read in full: what, why, its status and the answer. */
export const questionDocument = (listed: unknown[] | undefined, id: number): DocumentModel | null => {
  const q = (listed ?? []).filter(looksLikeHouseholdQuestion).find((x) => x.id === id);
  if (!q) return null;
  const meta = [statusWord(q.status), t('question.askedAt', { date: date(q.askedAt), reason: reasonWord(q.reason) })];
  if (q.callBack) meta.push(t('ask.callBack'));
  if (q.responsible) meta.push(t('question.accepted', { responsible: q.responsible, date: q.expectedAt ?? '' }));
  const paragraphs = [
    q.answer ? t('question.answer', { answer: q.answer }) : detailOf(q),
    ...(q.statusNotes ? [q.statusNotes] : []),
    ...(q.correctedItem ? [t('question.corrected')] : []),
  ];
  return {
    crumbs: [...channelCrumbs(HOUSEHOLD_MESSAGES), q.about],
    title: q.about,
    meta,
    figures: [],
    paragraphs,
    photos: [],
  };
};
