/**
 * Each village's saved ledger columns: which column of its finance program's export holds which
 * field, and what fills the fields it has no column for (server/import/settings.ts). Saved once
 * from the console, read by every later preview of that village's files; only the village's own
 * operators (and the district) read or change them, and each change is audited.
 */
import type { Operator } from '../auth/operators';
import { can } from '../auth/permissions';
import { appendAudit } from '../audit/auditLog';
import { chinaTime } from '../clock';
import type { Db } from '../db/database';
import { checkSettings, type LedgerColumnSettings } from '../import/settings';
import { forbidden, OperatorError } from './operatorError';
import { findRegion } from './regions';

export interface SavedColumns {
  settings: LedgerColumnSettings;
  updatedAt: string | null;
  updatedBy: number | null;
}

/** The village named, refused unless it is one and the operator may do `action` there. */
export const villageFor = (db: Db, operator: Operator, village: string, actions: ('edit' | 'review')[]): void => {
  const region = findRegion(db, village);
  if (!region) throw new OperatorError(404, `找不到地区 ${village}`, `No region ${village}`);
  if (region.level !== 'village')
    throw new OperatorError(
      422,
      `${region.name}不是村，没有村级账目`,
      `${region.name} is not a village and keeps no ledger`,
    );
  if (!actions.some((action) => can(db, operator, action, village))) throw forbidden();
};

/** Settings as an operator sent them, refused with the key and the reason when they do not fit. */
export const checkedColumns = (sent: unknown): LedgerColumnSettings => {
  const checked = checkSettings(sent);
  if (checked.ok) return checked.settings;
  throw new OperatorError(
    400,
    `请求有误：「body${checked.path}」不符合要求（${checked.message}）`,
    `Bad request: body${checked.path} ${checked.message}`,
  );
};

/** The saved settings as stored, without a scope check: for code that has checked it. */
export const storedColumns = (db: Db, village: string): SavedColumns => {
  const row = db
    .prepare('SELECT settings, updated_at, updated_by FROM ledger_columns WHERE region = ?')
    .get(village) as { settings: string; updated_at: string; updated_by: number } | undefined;
  return row
    ? {
        settings: JSON.parse(row.settings) as LedgerColumnSettings,
        updatedAt: row.updated_at,
        updatedBy: row.updated_by,
      }
    : { settings: {}, updatedAt: null, updatedBy: null };
};

/** The village's settings, for its clerk and its committee. */
export const readColumns = (db: Db, operator: Operator, village: string): SavedColumns => {
  villageFor(db, operator, village, ['edit', 'review']);
  return storedColumns(db, village);
};

/** Replaces the village's settings whole, with its audit entry, in one transaction. */
export const saveColumns = (db: Db, operator: Operator, village: string, sent: unknown): SavedColumns => {
  villageFor(db, operator, village, ['edit']);
  const settings = checkedColumns(sent);
  const now = chinaTime();
  return db.transaction(() => {
    const before = storedColumns(db, village);
    db.prepare(
      `INSERT INTO ledger_columns (region, settings, updated_by, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (region) DO UPDATE SET settings = excluded.settings, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    ).run(village, JSON.stringify(settings), operator.id, now);
    appendAudit(db, {
      operatorId: operator.id,
      action: 'ledger.columns',
      target: `${village}/ledger/columns`,
      before: before.updatedAt ? before.settings : null,
      after: settings,
    });
    return { settings, updatedAt: now, updatedBy: operator.id };
  })();
};
