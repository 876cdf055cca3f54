/**
 * The audit log: every change, who made it, when, and the before and after. Each
 * entry's hash covers the previous entry's hash, so removing or altering any entry
 * breaks the chain; the database refuses updates and deletes outright, and the head
 * hash is written into every signed manifest.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Db } from '../db/database';
import { chinaTime } from '../clock';

export const GENESIS = '0'.repeat(64);

export interface AuditEntry {
  operatorId: number | null;
  action: string;
  target: string;
  before?: unknown;
  after?: unknown;
}

interface AuditRow {
  seq: number;
  at: string;
  operator_id: number | null;
  action: string;
  target: string;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

const entryHash = (row: Omit<AuditRow, 'hash'>): string =>
  createHash('sha256')
    .update(
      canonicalize({
        seq: row.seq,
        at: row.at,
        operator: row.operator_id,
        action: row.action,
        target: row.target,
        before: row.before,
        after: row.after,
        prev: row.prev_hash,
      }) ?? '',
    )
    .digest('hex');

export const auditHead = (db: Db): string =>
  (db.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').pluck().get() as string | undefined) ?? GENESIS;

/** Appends one entry; call inside the transaction that makes the change. */
export const appendAudit = (db: Db, entry: AuditEntry): string => {
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
  const row = {
    seq: (last?.seq ?? 0) + 1,
    at: chinaTime(),
    operator_id: entry.operatorId,
    action: entry.action,
    target: entry.target,
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
    prev_hash: last?.hash ?? GENESIS,
  };
  const hash = entryHash(row);
  db.prepare(
    'INSERT INTO audit_log (seq, at, operator_id, action, target, before, after, prev_hash, hash) VALUES (@seq, @at, @operator_id, @action, @target, @before, @after, @prev_hash, @hash)',
  ).run({ ...row, hash });
  return hash;
};

export type ChainCheck =
  { ok: true; entries: number; head: string } | { ok: false; entries: number; brokenAt: number; reason: string };

/** Recomputes the whole chain from the first entry. */
export const verifyAuditChain = (db: Db): ChainCheck => {
  let previous = GENESIS;
  let count = 0;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    count++;
    if (row.seq !== count) return { ok: false, entries: count, brokenAt: row.seq, reason: `entry ${count} is missing` };
    if (row.prev_hash !== previous)
      return { ok: false, entries: count, brokenAt: row.seq, reason: 'does not follow the previous entry' };
    if (entryHash(row) !== row.hash)
      return { ok: false, entries: count, brokenAt: row.seq, reason: 'its content was altered' };
    previous = row.hash;
  }
  return { ok: true, entries: count, head: previous };
};
