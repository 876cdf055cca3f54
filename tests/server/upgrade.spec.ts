/**
 * A service that ran an earlier release keeps its data when the new one starts: every
 * migration applies to a database that already holds published versions, not only to an
 * empty one.
 */
import { test, expect } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../server/db/database';
import { MIGRATIONS } from '../../server/db/migrations';

test('a database with published versions from before the last migrations is upgraded in place, its versions kept', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sanwu-upgrade-'));
  // The first release: the service seeds and publishes on migrations 1-2 only.
  const oldDb = new Database(join(dataDir, 'sanwu.db'));
  oldDb.pragma('foreign_keys = ON');
  oldDb.exec(
    'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  for (const migration of MIGRATIONS.filter((m) => m.version <= 2)) {
    oldDb.exec(migration.sql);
    oldDb
      .prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)')
      .run(migration.version, migration.name, '2026-11-01T00:00:00Z');
  }
  oldDb.exec(`
    INSERT INTO regions (code, level, name) VALUES ('370703000000', 'district', '寒亭区');
    INSERT INTO revisions (id, region, channel, item_id, action, body, status, created_at)
      VALUES (1, '370703000000', 1, 'news-1', 'put', '{}', 'published', '2026-11-01T08:00:00+08:00');
    INSERT INTO versions (version, kind, created_at, status, manifest_sha256) VALUES (1, 'seed', '2026-11-01T08:00:00+08:00', 'complete', 'aa');
    INSERT INTO version_items VALUES (1, '370703000000', 1, 'news-1', 1);
  `);
  oldDb.close();

  const db = openDatabase(join(dataDir, 'sanwu.db'));
  const applied = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
  expect(applied).toEqual(MIGRATIONS.map((m) => m.version));
  expect(db.prepare('SELECT version, kind, status FROM versions').all()).toEqual([
    { version: 1, kind: 'seed', status: 'complete' },
  ]);
  expect(db.prepare('SELECT version, item_id, revision_id FROM version_items').all()).toEqual([
    { version: 1, item_id: 'news-1', revision_id: 1 },
  ]);
  expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  db.close();
});
