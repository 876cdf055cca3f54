/** Boxes' reports that they could not start the app (routes/bootFailures.ts takes them in). */
import type { Db } from '../db/database';

export interface BootFailure {
  receivedAt: string;
  address: string;
  userAgent: string;
  bundle: string;
  error: string;
  page: string;
}

export const recordBootFailure = (db: Db, report: BootFailure): void => {
  db.prepare(
    'INSERT INTO boot_failures (received_at, address, user_agent, bundle, error, page) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(report.receivedAt, report.address, report.userAgent, report.bundle, report.error, report.page);
};

/** The latest reports first. */
export const listBootFailures = (db: Db, limit = 100): (BootFailure & { id: number })[] =>
  db
    .prepare(
      'SELECT id, received_at AS receivedAt, address, user_agent AS userAgent, bundle, error, page FROM boot_failures ORDER BY id DESC LIMIT ?',
    )
    .all(limit) as (BootFailure & { id: number })[];
