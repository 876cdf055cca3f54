/** Which public sub-channels of each region are past their next due date. */
import { CHANNELS } from '../../src/feed/taxonomy';
import type { Db } from '../db/database';
import { nextDue } from './cadence';
import { regionAndChildren } from './regions';

export interface OverdueChannel {
  region: string;
  name: string;
  channel: number;
  updatedAt: string | null;
  dueAt: string;
}

export const overdueChannels = (db: Db, now: number, region?: string): OverdueChannel[] => {
  const regions = regionAndChildren(db, region);
  const meta = db.prepare('SELECT updated_at, next_due_at FROM channel_meta WHERE region = ? AND channel = ?');
  return regions.flatMap((r) =>
    CHANNELS.filter((c) => c.section === r.level && c.cadence !== 'asNeeded').flatMap((c): OverdueChannel[] => {
      const row = meta.get(r.code, c.id) as { updated_at: string; next_due_at: string | null } | undefined;
      const dueAt = row?.next_due_at ?? (row ? nextDue(c.cadence, row.updated_at) : undefined);
      // A channel never published is overdue from the start.
      if (!row) return [{ region: r.code, name: r.name, channel: c.id, updatedAt: null, dueAt: '' }];
      return dueAt && Date.parse(dueAt) < now
        ? [{ region: r.code, name: r.name, channel: c.id, updatedAt: row.updated_at, dueAt }]
        : [];
    }),
  );
};
