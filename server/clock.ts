import { chinaTime as chinaTimeAt } from '../src/format/dates';

/** Times as the feed writes them: ISO 8601 in China's zone (+08:00), now unless told. */
export const chinaTime = (epochMs: number = Date.now()): string => chinaTimeAt(epochMs);
