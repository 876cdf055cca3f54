/**
 * Boxes and their households: a box registers its public keys and gets a pairing code; a clerk
 * of the household's village binds the code to a household; unbinding ends it, revoking ends it
 * for good. Each operator action is scoped like every other and written to the audit log, and
 * the box's sealed files are written or taken away with it.
 */
import { randomInt } from 'node:crypto';
import { can } from '../auth/permissions';
import type { Operator } from '../auth/operators';
import { appendAudit } from '../audit/auditLog';
import { chinaTime } from '../clock';
import { forbidden, OperatorError } from '../content/operatorError';
import type { Db } from '../db/database';
import { removePrivateFiles, writePrivateFiles, type SealingContext } from './sealing';
import { statement } from '../db/statements';

/** How long a pairing code stays valid. */
export const PAIRING_CODE_MS = 30 * 60 * 1000;

export interface BoxRow {
  id: string;
  sign_key: string;
  seal_key: string;
  device_id: string | null;
  registered_at: string;
  revoked_at: string | null;
}

export interface Binding {
  box: string;
  household: string;
  village: string;
  boundAt: string;
}

export const findBox = (db: Db, id: string): BoxRow | null =>
  (statement(db, 'SELECT * FROM boxes WHERE id = ?').get(id) as BoxRow | undefined) ?? null;

export const bindingOf = (db: Db, boxId: string): Binding | null =>
  (statement(
    db,
    `SELECT b.box_id AS box, b.household, h.village, b.bound_at AS boundAt
     FROM bindings b JOIN households h ON h.id = b.household WHERE b.box_id = ? AND b.ended_at IS NULL`,
  ).get(boxId) as Binding | undefined) ?? null;

/** Records a box's keys the first time it asks; later its device id only is brought up to date. */
export const registerBox = (
  db: Db,
  box: { id: string; signKey: string; sealKey: string; deviceId: string | null },
  now: number,
): void => {
  const known = findBox(db, box.id);
  if (!known)
    db.prepare('INSERT INTO boxes (id, sign_key, seal_key, device_id, registered_at) VALUES (?, ?, ?, ?, ?)').run(
      box.id,
      box.signKey,
      box.sealKey,
      box.deviceId,
      chinaTime(now),
    );
  else if (box.deviceId && box.deviceId !== known.device_id)
    db.prepare('UPDATE boxes SET device_id = ? WHERE id = ?').run(box.deviceId, box.id);
};

/** The box's pairing code while it is valid, else a new one (codes of other boxes never repeat while valid). */
export const pairingCodeFor = (db: Db, boxId: string, now: number): { code: string; expiresAt: number } => {
  db.prepare('DELETE FROM pairing_codes WHERE expires_at <= ?').run(now);
  const held = db.prepare('SELECT code, expires_at AS expiresAt FROM pairing_codes WHERE box_id = ?').get(boxId) as
    { code: string; expiresAt: number } | undefined;
  if (held) return held;
  const taken = db.prepare('SELECT 1 FROM pairing_codes WHERE code = ?').pluck();
  let code: string;
  do code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  while (taken.get(code));
  const expiresAt = now + PAIRING_CODE_MS;
  db.prepare('INSERT INTO pairing_codes (code, box_id, expires_at) VALUES (?, ?, ?)').run(code, boxId, expiresAt);
  return { code, expiresAt };
};

const notFound = (zh: string, en: string) => new OperatorError(404, zh, en);

const householdVillage = (db: Db, household: string): string => {
  const village = db.prepare('SELECT village FROM households WHERE id = ?').pluck().get(household) as
    string | undefined;
  if (!village)
    throw new OperatorError(404, `没有编号为 ${household} 的家庭`, `No household ${household}`, [
      { item: household, field: '/household', zh: `没有编号为 ${household} 的家庭`, en: `No household ${household}` },
    ]);
  return village;
};

/** Binds the box showing `code` to a household of the operator's village. */
export const bindBox = (
  context: SealingContext,
  operator: Operator,
  code: string,
  household: string,
  now = Date.now(),
): Binding => {
  const { db } = context;
  const binding = db.transaction(() => {
    const village = householdVillage(db, household);
    if (!can(db, operator, 'edit', village)) throw forbidden();
    const boxId = db
      .prepare('SELECT box_id FROM pairing_codes WHERE code = ? AND expires_at > ?')
      .pluck()
      .get(code, now) as string | undefined;
    if (!boxId) {
      const zh = `配对码 ${code} 不存在或已过期：请看电视上显示的配对码`;
      const en = `Pairing code ${code} is unknown or expired: read the code on the TV`;
      // Named as the console's field, so the refusal shows under the code the clerk typed.
      throw new OperatorError(404, zh, en, [{ item: household, field: '/code', zh, en }]);
    }
    if (findBox(db, boxId)!.revoked_at) throw new OperatorError(409, '这台机顶盒已被停用', 'This box has been revoked');
    if (bindingOf(db, boxId))
      throw new OperatorError(409, '这台机顶盒已绑定家庭，请先解除绑定', 'This box is bound already; unbind it first');
    db.prepare('DELETE FROM pairing_codes WHERE box_id = ?').run(boxId);
    db.prepare('INSERT INTO bindings (box_id, household, bound_at, bound_by) VALUES (?, ?, ?, ?)').run(
      boxId,
      household,
      chinaTime(now),
      operator.id,
    );
    appendAudit(db, { operatorId: operator.id, action: 'bind box', target: `box ${boxId}`, after: { household } });
    return bindingOf(db, boxId)!;
  })();
  writePrivateFiles(context, binding.box, binding.household, now);
  return binding;
};

/** Ends a box's binding (a box replaced, a family moved); `revoke` also refuses its key from now on. */
const endBox = (context: SealingContext, operator: Operator, boxId: string, revoke: boolean) => {
  const { db } = context;
  const result = db.transaction(() => {
    const box = findBox(db, boxId);
    if (!box) throw notFound(`没有编号为 ${boxId} 的机顶盒`, `No box ${boxId}`);
    const binding = bindingOf(db, boxId);
    // A box is the village's whose household it is bound to; an unbound one, the district's to revoke.
    if (binding ? !can(db, operator, 'edit', binding.village) : operator.role !== 'admin') throw forbidden();
    if (!binding && !revoke)
      throw new OperatorError(409, '这台机顶盒没有绑定家庭', 'This box is not bound to a household');
    const at = chinaTime();
    if (binding)
      db.prepare('UPDATE bindings SET ended_at = ?, ended_by = ? WHERE box_id = ? AND ended_at IS NULL').run(
        at,
        operator.id,
        boxId,
      );
    if (revoke) {
      db.prepare(
        'UPDATE boxes SET revoked_at = coalesce(revoked_at, ?), revoked_by = coalesce(revoked_by, ?) WHERE id = ?',
      ).run(at, operator.id, boxId);
      db.prepare('DELETE FROM pairing_codes WHERE box_id = ?').run(boxId);
    }
    appendAudit(db, {
      operatorId: operator.id,
      action: revoke ? 'revoke box' : 'unbind box',
      target: `box ${boxId}`,
      before: binding ? { household: binding.household } : null,
    });
    return { box: boxId, household: binding?.household ?? null, revoked: revoke };
  })();
  removePrivateFiles(context, boxId);
  return result;
};

export const unbindBox = (context: SealingContext, operator: Operator, boxId: string) =>
  endBox(context, operator, boxId, false);

export const revokeBox = (context: SealingContext, operator: Operator, boxId: string) =>
  endBox(context, operator, boxId, true);
