/** Times as the feed writes them: ISO 8601 in China's zone (+08:00). */
export const chinaTime = (epochMs: number = Date.now()): string =>
  `${new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
