/**
 * 建言献策, shared by box and service: a villager picks one of the topics its village keeps and
 * sends it, with no typing; the village reads them as the households' suggestions per topic.
 */

/** The topics a village starts with until its operators set its own. */
export const DEFAULT_SUGGESTION_TOPICS = ['道路交通', '环境卫生', '村务财务', '治安防范', '其他'];
/** At most this many suggestions per household in a day. */
export const SUGGESTIONS_PER_DAY = 5;
/** A village keeps 2 to this many topics, each at most TOPIC_MAX_CHARS characters. */
export const MAX_SUGGESTION_TOPICS = 8;
export const TOPIC_MAX_CHARS = 12;

/** The box's own check of the service's topic list (it carries no schema validator). */
export const looksLikeTopics = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length > 0 && value.every((t) => typeof t === 'string' && t.length > 0);
