/**
 * Operators and their bearer tokens. A token is shown once when issued; only its
 * SHA-256 is stored, so a copied database file does not hand out working tokens.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database';
import { chinaTime } from '../clock';

export const ROLES = ['clerk', 'committee', 'street', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The level of region each role works at: a clerk and a committee in a village, a street reviewer in a street, an admin in the district. */
export const ROLE_LEVEL: Record<Role, 'village' | 'street' | 'district'> = {
  clerk: 'village',
  committee: 'village',
  street: 'street',
  admin: 'district',
};

/** Control characters, direction overrides and invisible marks: a name shows as what it is. */
// Control characters are exactly what this pattern is for.
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_NAME = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/;

/** Why a name cannot be an operator's, or null: 1–40 visible characters. */
export const nameProblem = (name: string): [string, string] | null => {
  if (!name.trim()) return ['请给出姓名', 'Give a name'];
  if (Array.from(name).length > 40) return ['姓名太长，最多 40 字', 'The name is too long (40 characters at most)'];
  if (UNSAFE_IN_NAME.test(name))
    return ['姓名含有控制字符或不可见字符', 'The name contains control or invisible characters'];
  return null;
};

/** Disables an operator (their tokens stop working); refused for the last active admin. */
export const disableOperator = (db: Db, id: number): 'disabled' | 'missing' | 'last-admin' => {
  const operator = db.prepare('SELECT role FROM operators WHERE id = ? AND disabled_at IS NULL').get(id) as
    { role: Role } | undefined;
  if (!operator) return 'missing';
  if (operator.role === 'admin' && activeAdminTokens(db, id) === 0) return 'last-admin';
  db.prepare('UPDATE operators SET disabled_at = ? WHERE id = ?').run(chinaTime(), id);
  return 'disabled';
};

/** How many working tokens admins other than `exceptOperator` hold (and, with a token id, other than that token). */
export const activeAdminTokens = (db: Db, exceptOperator: number | null, exceptToken: number | null = null): number =>
  db
    .prepare(
      `SELECT count(*) FROM tokens t JOIN operators o ON o.id = t.operator_id
       WHERE o.role = 'admin' AND o.disabled_at IS NULL AND t.revoked_at IS NULL AND (? IS NULL OR o.id != ?) AND (? IS NULL OR t.id != ?)`,
    )
    .pluck()
    .get(exceptOperator, exceptOperator, exceptToken, exceptToken) as number;

/** The role of the operator a working token belongs to, or null for a revoked or unknown token. */
export const activeTokenRole = (db: Db, tokenId: number): Role | null =>
  (db
    .prepare(
      'SELECT o.role FROM tokens t JOIN operators o ON o.id = t.operator_id WHERE t.id = ? AND t.revoked_at IS NULL',
    )
    .pluck()
    .get(tokenId) as Role | undefined) ?? null;

export interface Operator {
  id: number;
  name: string;
  role: Role;
  region: string;
}

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export const createOperator = (db: Db, name: string, role: Role, region: string): Operator => {
  const id = Number(
    db
      .prepare('INSERT INTO operators (name, role, region, created_at) VALUES (?, ?, ?, ?)')
      .run(name, role, region, chinaTime()).lastInsertRowid,
  );
  return { id, name, role, region };
};

export const issueToken = (db: Db, operatorId: number, label: string): { id: number; token: string } => {
  const token = `sanwu_${randomBytes(24).toString('base64url')}`;
  const id = Number(
    db
      .prepare('INSERT INTO tokens (operator_id, hash, label, created_at) VALUES (?, ?, ?, ?)')
      .run(operatorId, hashToken(token), label, chinaTime()).lastInsertRowid,
  );
  return { id, token };
};

export const revokeToken = (db: Db, tokenId: number): boolean =>
  db.prepare('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(chinaTime(), tokenId).changes >
  0;

/** The operator a bearer token belongs to, if it is valid and neither is revoked. */
export const authenticate = (db: Db, token: string): Operator | null => {
  const row = db
    .prepare(
      `SELECT o.id, o.name, o.role, o.region FROM tokens t JOIN operators o ON o.id = t.operator_id
       WHERE t.hash = ? AND t.revoked_at IS NULL AND o.disabled_at IS NULL`,
    )
    .get(hashToken(token)) as Operator | undefined;
  return row ?? null;
};

export const getOperator = (db: Db, id: number): Operator | null =>
  (db.prepare('SELECT id, name, role, region FROM operators WHERE id = ?').get(id) as Operator | undefined) ?? null;

export interface OperatorAccount extends Operator {
  /** The console sign-in name, or null for an operator who uses the command line only. */
  username: string | null;
  disabledAt: string | null;
  tokens: { id: number; label: string; created_at: string; revoked_at: string | null }[];
}

/** The active operators, or with `includeDisabled` every one (the console shows disabled ones to enable them again). */
export const listOperators = (db: Db, includeDisabled = false): OperatorAccount[] =>
  (
    db
      .prepare(
        `SELECT o.id, o.name, o.role, o.region, o.disabled_at AS disabledAt, l.username
         FROM operators o LEFT JOIN operator_logins l ON l.operator_id = o.id
         WHERE ? OR o.disabled_at IS NULL ORDER BY o.id`,
      )
      .all(includeDisabled ? 1 : 0) as Omit<OperatorAccount, 'tokens'>[]
  ).map((o) => ({
    ...o,
    tokens: db
      .prepare('SELECT id, label, created_at, revoked_at FROM tokens WHERE operator_id = ? ORDER BY id')
      .all(o.id) as OperatorAccount['tokens'],
  }));
