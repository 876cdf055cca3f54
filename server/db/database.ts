/** Opens the service's SQLite file in WAL mode and brings its schema up to date. */
import { chmodSync, closeSync, openSync } from 'node:fs';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';
import { StartRefused } from '../startupError';

export type Db = Database.Database;

/**
 * `readOnly`: the data directory cannot be written (see dataDirHealth.ts). The file is opened as
 * it is, for reading: its WAL mode is kept in the file, and a schema that still needs upgrading
 * cannot be, so the start is refused.
 */
/** `busyTimeoutMs`: how long a statement waits, blocking its thread, for a lock held elsewhere. */
export const openDatabase = (file: string, { readOnly = false, busyTimeoutMs = 5000 } = {}): Db => {
  if (readOnly) return openReadOnly(file, busyTimeoutMs);
  // Operators' token hashes and every draft are in it: only the service's user reads it.
  // SQLite gives its -wal and -shm files the database file's mode.
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // WAL with NORMAL loses at most the last commits on power loss, never consistency.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  migrate(db);
  return db;
};

const openReadOnly = (file: string, busyTimeoutMs: number): Db => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  const missing = MIGRATIONS.filter((m) => !applied.has(m.version));
  if (missing.length) {
    db.close();
    throw new StartRefused(
      `数据目录只读，而数据库需要升级（${missing.length} 步），服务不启动。请让数据目录可写后再启动。\n` +
        `The data directory is read-only and the database needs ${missing.length} upgrade step(s); not starting. Make the data directory writable and start again.`,
    );
  }
  return db;
};

export const migrate = (db: Db): void => {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    // The pragma has no effect inside a transaction: it is set around it.
    if (migration.rebuildsTables) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(migration.sql);
        if (migration.rebuildsTables) {
          const broken = db.pragma('foreign_key_check') as unknown[];
          if (broken.length)
            throw new Error(
              `migration ${migration.version} (${migration.name}) would break ${broken.length} references`,
            );
        }
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
          migration.version,
          migration.name,
          new Date().toISOString(),
        );
      })();
    } finally {
      if (migration.rebuildsTables) db.pragma('foreign_keys = ON');
    }
  }
};
