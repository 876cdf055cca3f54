/** Publishes operators set for a later time: recorded here, run by the scheduler (scheduler.ts). */
import type { Db } from '../db/database';
import type { Operator } from '../auth/operators';
import { appendAudit } from '../audit/auditLog';
import { OperatorError } from './operatorError';

export interface ScheduledPublish {
  id: number;
  at: string;
  created_by: number;
}

/** Records a publish at `at`, a China time with its offset, and says so in the audit log. */
export const schedulePublish = (db: Db, operator: Operator, at: string): { id: number; at: string } => {
  if (Number.isNaN(Date.parse(at)) || !/\+08:00$/.test(at))
    throw new OperatorError(
      422,
      '发布时间格式不对，应为 2026-12-01T08:00:00+08:00',
      'The time must look like 2026-12-01T08:00:00+08:00',
    );
  const id = db.transaction(() => {
    const scheduled = Number(
      db.prepare('INSERT INTO scheduled_publishes (at, created_by) VALUES (?, ?)').run(at, operator.id).lastInsertRowid,
    );
    appendAudit(db, { operatorId: operator.id, action: 'schedule', target: `publish ${scheduled}`, after: { at } });
    return scheduled;
  })();
  return { id, at };
};

/** The scheduled publishes not yet run, whatever their time. */
export const waitingPublishes = (db: Db): ScheduledPublish[] =>
  db
    .prepare('SELECT id, at, created_by FROM scheduled_publishes WHERE done_version IS NULL')
    .all() as ScheduledPublish[];

/** Marks a scheduled publish done with the version it made, or 0 when it was refused. */
export const markPublishDone = (db: Db, id: number, version: number): void => {
  db.prepare('UPDATE scheduled_publishes SET done_version = ? WHERE id = ?').run(version, id);
};
