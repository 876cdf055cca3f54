/**
 * 一键求助 from a bound box: stored once per idempotency key, at most HELP_PER_HOUR per household
 * an hour, and read back by the box that asked (its household's requests) to show their status.
 * The box's signature, time, one-time id and binding are checked before (routes/boxVoice.ts).
 */
import { HELP_PER_HOUR, type HelpKind, type HelpRequestView, type HelpStatus } from '../../src/household/help';
import { chinaTime } from '../clock';
import { OperatorError } from '../content/operatorError';
import type { Db } from '../db/database';
import type { Binding } from './boxes';
import { statement } from '../db/statements';

const HOUR_MS = 60 * 60 * 1000;
/** What the box is told: its household's requests of the last week, newest first. */
const SHOWN_MS = 7 * 24 * HOUR_MS;
const SHOWN_COUNT = 10;

export interface HelpRow {
  id: number;
  household: string;
  village: string;
  box_id: string;
  kind: HelpKind;
  idempotency_key: string;
  status: HelpStatus;
  created_ms: number;
  created_at: string;
  acknowledged_at: string | null;
  acknowledged_by: number | null;
  updated_at: string | null;
  updated_by: number | null;
  note: string | null;
}

export const helpView = (row: HelpRow): HelpRequestView => ({
  id: row.id,
  kind: row.kind,
  status: row.status,
  createdAt: row.created_at,
  acknowledgedAt: row.acknowledged_at,
  updatedAt: row.updated_at,
});

/**
 * Stores a household's help request, or finds the one this box sent with the same key (a
 * retry: answered as before, not counted again). Call inside the request's transaction.
 */
export const submitHelp = (
  db: Db,
  binding: Binding,
  request: { kind: HelpKind; key: string },
  now: number,
): { created: boolean; request: HelpRequestView } => {
  const same = statement(db, 'SELECT * FROM help_requests WHERE box_id = ? AND idempotency_key = ?').get(
    binding.box,
    request.key,
  ) as HelpRow | undefined;
  if (same) return { created: false, request: helpView(same) };
  const recent = statement(db, 'SELECT count(*) FROM help_requests WHERE household = ? AND created_ms > ?')
    .pluck()
    .get(binding.household, now - HOUR_MS) as number;
  if (recent >= HELP_PER_HOUR)
    throw new OperatorError(
      429,
      `一小时内最多求助 ${HELP_PER_HOUR} 次，村里已经收到您家的求助；紧急情况请直接拨打 120、110 或村委会电话`,
      `At most ${HELP_PER_HOUR} help requests an hour: the village has yours already. In an emergency call 120, 110 or the village office`,
    );
  const createdAt = chinaTime(now);
  const id = statement(
    db,
    `INSERT INTO help_requests (household, village, box_id, kind, idempotency_key, status, created_ms, created_at)
       VALUES (?, ?, ?, ?, ?, 'sent', ?, ?)`,
  ).run(binding.household, binding.village, binding.box, request.kind, request.key, now, createdAt)
    .lastInsertRowid as number;
  // What was just inserted, as the box sees it, without reading it back.
  return {
    created: true,
    request: { id, kind: request.kind, status: 'sent', createdAt, acknowledgedAt: null, updatedAt: null },
  };
};

/** The household's recent requests, newest first: what its box shows. */
export const householdHelp = (db: Db, binding: Binding, now: number): HelpRequestView[] =>
  (
    db
      .prepare('SELECT * FROM help_requests WHERE household = ? AND created_ms > ? ORDER BY id DESC LIMIT ?')
      .all(binding.household, now - SHOWN_MS, SHOWN_COUNT) as HelpRow[]
  ).map(helpView);
