/** One thing wrong with a feed file or an item, found by its schema or by a rule across fields. */
export interface FeedProblem {
  /** JSON pointer to the offending value, e.g. /channels/3/content/0/title */
  path: string;
  message: string;
  /** TypeBox's error type, for callers that word messages themselves. */
  code?: number;
  /** The schema's bound or pattern that was broken, if any. */
  limit?: number | string;
}
