/** The village a write names must be one of the roll: else a 404 that names the field, not a database error. */
import { OperatorError } from '../content/operatorError';
import type { Db } from '../db/database';

export const requireVillage = (db: Db, code: string, field = '/village'): void => {
  const found = db.prepare("SELECT 1 FROM regions WHERE code = ? AND level = 'village'").pluck().get(code);
  if (found) return;
  const zh = `没有编号为 ${code} 的村`;
  const en = `No village ${code}`;
  throw new OperatorError(404, zh, en, [{ item: code, field, zh, en }]);
};
