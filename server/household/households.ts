/** The village roll's households as operators see them: id, head of household (masked) and bound boxes. */
import { can } from '../auth/permissions';
import type { Operator } from '../auth/operators';
import { forbidden } from '../content/operatorError';
import type { Db } from '../db/database';

export const listHouseholds = (db: Db, operator: Operator, village: string) => {
  if (!can(db, operator, 'edit', village) && !can(db, operator, 'review', village)) throw forbidden();
  const households = db.prepare('SELECT id, head FROM households WHERE village = ? ORDER BY id').all(village) as {
    id: string;
    head: string;
  }[];
  const bindings = db
    .prepare(
      `SELECT b.household, b.box_id AS box, x.device_id AS deviceId, b.bound_at AS boundAt
       FROM bindings b JOIN households h ON h.id = b.household JOIN boxes x ON x.id = b.box_id
       WHERE h.village = ? AND b.ended_at IS NULL ORDER BY b.bound_at`,
    )
    .all(village) as { household: string; box: string; deviceId: string | null; boundAt: string }[];
  return households.map((h) => {
    const bound = bindings.filter((b) => b.household === h.id).map(({ household: _, ...b }) => b);
    return { ...h, boxes: bound.map((b) => b.box), bindings: bound };
  });
};
