/** The village roll's households as operators see them: id, head of household (masked) and bound boxes. */
import { can } from '../auth/permissions';
import type { Operator } from '../auth/operators';
import { forbidden } from '../content/operatorError';
import type { Db } from '../db/database';

export const listHouseholds = (db: Db, operator: Operator, village: string) => {
  if (!can(db, operator, 'edit', village) && !can(db, operator, 'review', village)) throw forbidden();
  const rows = db
    .prepare(
      `SELECT h.id, h.head, group_concat(b.box_id) AS boxes FROM households h
       LEFT JOIN bindings b ON b.household = h.id AND b.ended_at IS NULL
       WHERE h.village = ? GROUP BY h.id ORDER BY h.id`,
    )
    .all(village) as { id: string; head: string; boxes: string | null }[];
  return rows.map((r) => ({ id: r.id, head: r.head, boxes: r.boxes ? r.boxes.split(',') : [] }));
};
