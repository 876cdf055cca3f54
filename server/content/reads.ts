/** What operators may read of unpublished content: under the same scope as they write or review it. */
import type { Db } from '../db/database';
import type { Operator } from '../auth/operators';
import { can } from '../auth/permissions';
import { itemState } from './operations';
import { forbidden } from './operatorError';
import { listRevisions, type ItemRef, type Revision, type RevisionStatus } from './repository';

const canSeeDrafts = (db: Db, operator: Operator, region: string) =>
  can(db, operator, 'review', region) || can(db, operator, 'edit', region);

/** An item as published and its pending draft: only for those who may write or review it. */
export const readItem = (db: Db, operator: Operator, ref: ItemRef): ReturnType<typeof itemState> => {
  if (!canSeeDrafts(db, operator, ref.region)) throw forbidden();
  return itemState(db, ref);
};

/** The revisions of one status in the regions the operator may write or review, with who drafted each. */
export const visibleRevisions = (
  db: Db,
  operator: Operator,
  status: RevisionStatus,
): (Revision & { created_by_name: string | null })[] => {
  const nameOf = db.prepare('SELECT name FROM operators WHERE id = ?').pluck();
  return listRevisions(db, { status })
    .filter((r) => canSeeDrafts(db, operator, r.region))
    .map((r) => ({
      ...r,
      created_by_name: r.created_by === null ? null : ((nameOf.get(r.created_by) as string) ?? null),
    }));
};
