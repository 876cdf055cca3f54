/**
 * Operators and their bearer tokens. A token is shown once when issued; only its
 * SHA-256 is stored, so a copied database file does not hand out working tokens.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database';
import { chinaTime } from '../clock';

export const ROLES = ['clerk', 'committee', 'street', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Operator {
  id: number;
  name: string;
  role: Role;
  region: string;
}

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export const createOperator = (db: Db, name: string, role: Role, region: string): Operator => {
  const id = Number(db.prepare('INSERT INTO operators (name, role, region, created_at) VALUES (?, ?, ?, ?)').run(name, role, region, chinaTime()).lastInsertRowid);
  return { id, name, role, region };
};

export const issueToken = (db: Db, operatorId: number, label: string): { id: number; token: string } => {
  const token = `sanwu_${randomBytes(24).toString('base64url')}`;
  const id = Number(db.prepare('INSERT INTO tokens (operator_id, hash, label, created_at) VALUES (?, ?, ?, ?)').run(operatorId, hashToken(token), label, chinaTime()).lastInsertRowid);
  return { id, token };
};

export const revokeToken = (db: Db, tokenId: number): boolean =>
  db.prepare('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(chinaTime(), tokenId).changes > 0;

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

export const listOperators = (db: Db): (Operator & { tokens: { id: number; label: string; created_at: string; revoked_at: string | null }[] })[] =>
  (db.prepare('SELECT id, name, role, region FROM operators WHERE disabled_at IS NULL ORDER BY id').all() as Operator[]).map((o) => ({
    ...o,
    tokens: db.prepare('SELECT id, label, created_at, revoked_at FROM tokens WHERE operator_id = ? ORDER BY id').all(o.id) as {
      id: number;
      label: string;
      created_at: string;
      revoked_at: string | null;
    }[],
  }));
