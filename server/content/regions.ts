/** The district's regions as stored: the district, its streets and their villages. */
import type { Db } from '../db/database';

export interface Region {
  code: string;
  level: 'district' | 'street' | 'village';
  name: string;
  parent: string | null;
}

export const listRegions = (db: Db): Region[] =>
  db.prepare('SELECT code, level, name, parent FROM regions ORDER BY code').all() as Region[];

export const findRegion = (db: Db, code: string): Region | null =>
  (db.prepare('SELECT code, level, name, parent FROM regions WHERE code = ?').get(code) as Region | undefined) ?? null;

/** A region and the regions right under it, or every region without one. */
export const regionAndChildren = (db: Db, code?: string): Region[] =>
  db
    .prepare(
      'SELECT code, level, name, parent FROM regions WHERE (@region IS NULL OR code = @region OR parent = @region) ORDER BY code',
    )
    .all({ region: code ?? null }) as Region[];
