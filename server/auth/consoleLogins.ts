/**
 * The console's sign-ins: a sign-in name and a password hash per operator, and sessions. A
 * session's cookie is shown to the browser only; the database keeps its SHA-256, as it does for
 * tokens. Each session carries its own CSRF token, which the console sends back on every write.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database';
import { chinaTime } from '../clock';
import type { Operator } from './operators';

/** A session lasts one working day from sign-in; then the operator signs in again. */
export const SESSION_MS = 12 * 3_600_000;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The stored hash of an active operator's sign-in name (any case), or null. */
export const loginByUsername = (db: Db, username: string): { operatorId: number; passwordHash: string } | null =>
  (db
    .prepare(
      `SELECT l.operator_id AS operatorId, l.password_hash AS passwordHash FROM operator_logins l
       JOIN operators o ON o.id = l.operator_id WHERE l.username = ? AND o.disabled_at IS NULL`,
    )
    .get(username.toLowerCase()) as { operatorId: number; passwordHash: string } | undefined) ?? null;

export const usernameOf = (db: Db, operatorId: number): string | null =>
  (db.prepare('SELECT username FROM operator_logins WHERE operator_id = ?').pluck().get(operatorId) as
    string | undefined) ?? null;

/** Whether another operator already signs in with this name. */
export const usernameTaken = (db: Db, username: string, operatorId: number): boolean =>
  db.prepare('SELECT 1 FROM operator_logins WHERE username = ? AND operator_id != ?').get(username, operatorId) !==
  undefined;

/** Sets an operator's sign-in name and password hash, and ends their sessions. */
export const setLogin = (db: Db, operatorId: number, username: string, passwordHash: string): void => {
  db.prepare(
    `INSERT INTO operator_logins (operator_id, username, password_hash, set_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (operator_id) DO UPDATE SET username = excluded.username, password_hash = excluded.password_hash, set_at = excluded.set_at`,
  ).run(operatorId, username, passwordHash, chinaTime());
  endOperatorSessions(db, operatorId);
};

export interface ConsoleSession {
  operator: Operator;
  csrfToken: string;
  expiresMs: number;
}

/** Opens a session; returns the cookie's value (never stored) and its CSRF token. */
export const startSession = (
  db: Db,
  operatorId: number,
  now = Date.now(),
): { sessionId: string; csrfToken: string; expiresMs: number } => {
  const sessionId = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresMs = now + SESSION_MS;
  db.prepare('DELETE FROM console_sessions WHERE expires_ms <= ?').run(now);
  db.prepare(
    'INSERT INTO console_sessions (id_hash, operator_id, csrf_token, created_at, expires_ms) VALUES (?, ?, ?, ?, ?)',
  ).run(sha256(sessionId), operatorId, csrfToken, chinaTime(), expiresMs);
  return { sessionId, csrfToken, expiresMs };
};

/** The session a cookie names, while it lasts and its operator is active; else null. */
export const findSession = (db: Db, sessionId: string, now = Date.now()): ConsoleSession | null => {
  const row = db
    .prepare(
      `SELECT o.id, o.name, o.role, o.region, s.csrf_token AS csrfToken, s.expires_ms AS expiresMs
       FROM console_sessions s JOIN operators o ON o.id = s.operator_id
       WHERE s.id_hash = ? AND s.expires_ms > ? AND o.disabled_at IS NULL`,
    )
    .get(sha256(sessionId), now) as (Operator & { csrfToken: string; expiresMs: number }) | undefined;
  if (!row) return null;
  const { csrfToken, expiresMs, ...operator } = row;
  return { operator, csrfToken, expiresMs };
};

export const endSession = (db: Db, sessionId: string): void => {
  db.prepare('DELETE FROM console_sessions WHERE id_hash = ?').run(sha256(sessionId));
};

export const endOperatorSessions = (db: Db, operatorId: number): void => {
  db.prepare('DELETE FROM console_sessions WHERE operator_id = ?').run(operatorId);
};
