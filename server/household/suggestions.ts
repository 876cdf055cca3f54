/**
 * 建言献策: the topics a village keeps (its operators set them; until then the defaults), and
 * the suggestions its bound households send from the TV, one topic each, at most
 * SUGGESTIONS_PER_DAY a day. A resend with the same idempotency key is the same suggestion.
 */
import {
  DEFAULT_SUGGESTION_TOPICS,
  MAX_SUGGESTION_TOPICS,
  SUGGESTIONS_PER_DAY,
  TOPIC_MAX_CHARS,
} from '../../src/household/suggestions';
import { appendAudit } from '../audit/auditLog';
import type { Operator } from '../auth/operators';
import { can } from '../auth/permissions';
import { chinaTime } from '../clock';
import type { Coverage } from '../content/fontCoverage';
import { forbidden, OperatorError } from '../content/operatorError';
import type { Db } from '../db/database';
import { statement } from '../db/statements';
import type { Binding } from './boxes';
import { checkBoxText } from './boxText';
import { requireVillage } from './villages';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface SuggestionView {
  id: number;
  household: string;
  topic: string;
  createdAt: string;
}

export const villageTopics = (db: Db, village: string): string[] => {
  const stored = statement(db, 'SELECT topics FROM suggestion_topics WHERE village = ?').pluck().get(village) as
    string | undefined;
  return stored ? (JSON.parse(stored) as string[]) : DEFAULT_SUGGESTION_TOPICS;
};

const mayRead = (db: Db, operator: Operator, village: string) =>
  can(db, operator, 'edit', village) || can(db, operator, 'review', village);

/** The topics as the village's operators see them (its clerk, committee, street, the district). */
export const topicsFor = (db: Db, operator: Operator, village: string): string[] => {
  if (!mayRead(db, operator, village)) throw forbidden();
  return villageTopics(db, village);
};

/** The village's clerk (or its street, the district) sets its topics; boxes see them at once. */
export const setVillageTopics = (
  context: { db: Db; coverage: Coverage },
  operator: Operator,
  village: string,
  topics: string[],
): string[] => {
  const { db } = context;
  if (!can(db, operator, 'edit', village)) throw forbidden();
  requireVillage(db, village);
  const cleaned = topics.map((t) => t.trim());
  if (cleaned.length < 2 || cleaned.length > MAX_SUGGESTION_TOPICS)
    throw new OperatorError(
      422,
      `话题须有 2 到 ${MAX_SUGGESTION_TOPICS} 个`,
      `Give 2 to ${MAX_SUGGESTION_TOPICS} topics`,
    );
  cleaned.forEach((topic, i) => {
    if (!topic || Array.from(topic).length > TOPIC_MAX_CHARS)
      throw new OperatorError(
        422,
        `第 ${i + 1} 个话题须为 1 到 ${TOPIC_MAX_CHARS} 个字`,
        `Topic ${i + 1} must be 1 to ${TOPIC_MAX_CHARS} characters`,
        [
          {
            item: village,
            field: `/topics/${i}`,
            zh: `须为 1 到 ${TOPIC_MAX_CHARS} 个字`,
            en: `1 to ${TOPIC_MAX_CHARS} characters`,
          },
        ],
      );
    checkBoxText(context.coverage, `topics/${i}`, topic);
  });
  if (new Set(cleaned).size !== cleaned.length) throw new OperatorError(422, '话题有重复', 'A topic is repeated');
  db.transaction(() => {
    const before = villageTopics(db, village);
    db.prepare(
      'INSERT INTO suggestion_topics (village, topics) VALUES (?, ?) ON CONFLICT (village) DO UPDATE SET topics = excluded.topics',
    ).run(village, JSON.stringify(cleaned));
    appendAudit(db, {
      operatorId: operator.id,
      action: 'set suggestion topics',
      target: `village ${village}`,
      before,
      after: cleaned,
    });
  })();
  return cleaned;
};

/** Takes a household's suggestion; `created` is false for a resend of one already taken. */
export const submitSuggestion = (
  db: Db,
  binding: Binding,
  suggestion: { topic: string; key: string },
  now: number,
): { created: boolean; suggestion: SuggestionView } => {
  const viewOf = (id: number) =>
    statement(db, 'SELECT id, household, topic, created_at AS createdAt FROM suggestions WHERE id = ?').get(
      id,
    ) as SuggestionView;
  const same = statement(db, 'SELECT id FROM suggestions WHERE box_id = ? AND idempotency_key = ?')
    .pluck()
    .get(binding.box, suggestion.key) as number | undefined;
  if (same) return { created: false, suggestion: viewOf(same) };
  if (!villageTopics(db, binding.village).includes(suggestion.topic))
    throw new OperatorError(
      422,
      `「${suggestion.topic}」不是本村的建言话题`,
      `"${suggestion.topic}" is not one of the village's topics`,
    );
  const today = statement(db, 'SELECT count(*) FROM suggestions WHERE household = ? AND created_ms > ?')
    .pluck()
    .get(binding.household, now - DAY_MS) as number;
  if (today >= SUGGESTIONS_PER_DAY)
    throw new OperatorError(
      429,
      `每户每天最多提 ${SUGGESTIONS_PER_DAY} 条建议，明天再来`,
      `At most ${SUGGESTIONS_PER_DAY} suggestions a household a day`,
    );
  const id = statement(
    db,
    `INSERT INTO suggestions (household, village, box_id, topic, idempotency_key, created_ms, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(binding.household, binding.village, binding.box, suggestion.topic, suggestion.key, now, chinaTime(now))
    .lastInsertRowid as number;
  return { created: true, suggestion: viewOf(id) };
};

/** A village's suggestions, newest first, with the count per topic, for its operators. */
export const listSuggestions = (db: Db, operator: Operator, village: string) => {
  if (!mayRead(db, operator, village)) throw forbidden();
  const suggestions = db
    .prepare(
      'SELECT id, household, topic, created_at AS createdAt FROM suggestions WHERE village = ? ORDER BY id DESC LIMIT 500',
    )
    .all(village) as SuggestionView[];
  const counts = db
    .prepare('SELECT topic, count(*) AS count FROM suggestions WHERE village = ? GROUP BY topic ORDER BY count DESC')
    .all(village) as { topic: string; count: number }[];
  return { topics: villageTopics(db, village), counts, suggestions };
};
