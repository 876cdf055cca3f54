/**
 * Prepared statements kept per connection, for the paths every box request takes (its
 * signature check, its binding, its vote or help request): better-sqlite3 compiles the SQL
 * on each `prepare`, which at thousands of requests a second is a good part of their cost.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from './database';

const cache = new WeakMap<Db, Map<string, Statement>>();

/** The statement for `sql` on `db`, compiled once. Do not toggle `pluck`/`raw` one way and the other on the same SQL. */
export const statement = (db: Db, sql: string): Statement => {
  let statements = cache.get(db);
  if (!statements) cache.set(db, (statements = new Map()));
  let prepared = statements.get(sql);
  if (!prepared) statements.set(sql, (prepared = db.prepare(sql)));
  return prepared;
};
