/**
 * The audit log as the console shows it: who did what, when, to which region and item, the
 * newest first, a page at a time, filtered by region, operator and action, and limited to the
 * regions the reader may see. An entry's region is the one its target names (an item's path, a
 * draft's item), else the acting operator's; entries of no region (the seed, a scheduled publish)
 * are the district admin's to read.
 */
import type { Db } from '../db/database';
import type { Operator } from '../auth/operators';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilter {
  region?: string;
  operator?: number;
  action?: string;
  page?: number;
}

export interface AuditView {
  seq: number;
  at: string;
  operatorId: number | null;
  operatorName: string | null;
  action: string;
  target: string;
  region: string | null;
  regionName: string | null;
}

// The region of each entry, worked out once in SQL so filtering and paging stay in the database.
const ENTRIES = `
  WITH entries AS (
    SELECT a.seq, a.at, a.operator_id AS operatorId, o.name AS operatorName, a.action, a.target,
      COALESCE(
        CASE WHEN a.target GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]/*' THEN substr(a.target, 1, 12) END,
        CASE WHEN a.target GLOB 'draft [0-9]*' THEN (SELECT r.region FROM revisions r WHERE r.id = CAST(substr(a.target, 7) AS INTEGER)) END,
        o.region
      ) AS region
    FROM audit_log a LEFT JOIN operators o ON o.id = a.operator_id
  )
  SELECT e.*, g.name AS regionName FROM entries e LEFT JOIN regions g ON g.code = e.region`;

/** The regions whose entries this operator reads: all (null) for the admin, a street with its villages, else their own. */
const readableRegions = (db: Db, reader: Operator): string[] | null => {
  if (reader.role === 'admin') return null;
  if (reader.role === 'street')
    return [
      reader.region,
      ...(db.prepare('SELECT code FROM regions WHERE parent = ?').pluck().all(reader.region) as string[]),
    ];
  return [reader.region];
};

export const listAudit = (
  db: Db,
  reader: Operator,
  filter: AuditFilter,
): {
  entries: AuditView[];
  total: number;
  page: number;
  pageSize: number;
  actions: string[];
  operators: { id: number; name: string }[];
} => {
  const where: string[] = [];
  const values: (string | number)[] = [];
  const readable = readableRegions(db, reader);
  if (readable) {
    where.push(`region IN (${readable.map(() => '?').join(', ')})`);
    values.push(...readable);
  }
  // The filter's choices: the actions and operators of the entries this reader may see.
  const inScope = `SELECT * FROM (${ENTRIES}) ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  const scopeValues = [...values];
  const chosen: [string, string | number | undefined][] = [
    ['region', filter.region],
    ['operatorId', filter.operator],
    ['action', filter.action],
  ];
  for (const [column, value] of chosen) {
    if (value === undefined || value === '') continue;
    where.push(`${column} = ?`);
    values.push(value);
  }
  const scoped = `SELECT * FROM (${ENTRIES}) ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  const page = Math.max(1, filter.page ?? 1);
  const total = db
    .prepare(`SELECT count(*) FROM (${scoped})`)
    .pluck()
    .get(...values) as number;
  const entries = db
    .prepare(`${scoped} ORDER BY seq DESC LIMIT ? OFFSET ?`)
    .all(...values, AUDIT_PAGE_SIZE, (page - 1) * AUDIT_PAGE_SIZE) as AuditView[];
  const actions = db
    .prepare(`SELECT DISTINCT action FROM (${inScope}) ORDER BY action`)
    .pluck()
    .all(...scopeValues) as string[];
  const operators = db
    .prepare(
      `SELECT DISTINCT operatorId AS id, operatorName AS name FROM (${inScope}) WHERE operatorId IS NOT NULL ORDER BY operatorName`,
    )
    .all(...scopeValues) as { id: number; name: string }[];
  return { entries, total, page, pageSize: AUDIT_PAGE_SIZE, actions, operators };
};
