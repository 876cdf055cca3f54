/**
 * The district administrator's work on operators: each role at its own level of region, a
 * token shown once when issued, and never the last admin's token revoked or the last admin
 * disabled (nobody could administer the service). Every change is audited.
 */
import type { Db } from '../db/database';
import {
  activeAdminTokens,
  activeTokenRole,
  createOperator,
  disableOperator,
  getOperator,
  issueToken,
  listOperators,
  nameProblem,
  revokeToken,
  ROLE_LEVEL,
  ROLES,
  type Operator,
  type OperatorAccount,
  type Role,
} from '../auth/operators';
import { can } from '../auth/permissions';
import { appendAudit } from '../audit/auditLog';
import { forbidden, OperatorError } from './operatorError';
import { findRegion } from './regions';

const LEVEL_ZH: Record<string, string> = { village: '村（社区）', street: '街道', district: '区' };
const lastAdmin = () =>
  new OperatorError(
    409,
    '这是最后一个可用的区管理员令牌，不能作废或停用（否则无人能管理）',
    'This is the last working admin token; it cannot be revoked or disabled (nobody could administer the service)',
  );

const mustAdminister = (db: Db, by: Operator) => {
  if (!can(db, by, 'administer')) throw forbidden();
};

export const listOperatorAccounts = (db: Db, by: Operator, includeDisabled = false): OperatorAccount[] => {
  mustAdminister(db, by);
  return listOperators(db, includeDisabled);
};

/** A refusal of one field of the operator form, named so the console shows it next to that field. */
const fieldRefusal = (status: number, field: string, zh: string, en: string) =>
  new OperatorError(status, zh, en, [{ item: 'operator', field, zh, en }]);

/** Refuses a role at a region of another level: a clerk of a district or a street reviewer of a village would have rights nobody meant. */
const checkScope = (db: Db, role: Role, region: string) => {
  const level = findRegion(db, region)?.level;
  if (!level) throw fieldRefusal(404, '/region', `找不到地区 ${region}`, `No region ${region}`);
  if (ROLE_LEVEL[role] !== level)
    throw fieldRefusal(
      422,
      '/region',
      `${role} 只能设在${LEVEL_ZH[ROLE_LEVEL[role]]}一级，${region} 是${LEVEL_ZH[level]}`,
      `A ${role} works at ${ROLE_LEVEL[role]} level; ${region} is a ${level}`,
    );
};

/** Refuses what a new operator cannot be: no name, an unsafe name, a role at the wrong level of region. */
export const checkNewOperator = (db: Db, by: Operator, input: { name: string; role: Role; region: string }) => {
  mustAdminister(db, by);
  if (!input.name.trim())
    throw fieldRefusal(
      422,
      '/name',
      `请给出姓名、角色（${ROLES.join('/')}）和地区代码`,
      `Give a name, a role (${ROLES.join('/')}) and a region code`,
    );
  const badName = nameProblem(input.name);
  if (badName) throw fieldRefusal(422, '/name', ...badName);
  checkScope(db, input.role, input.region);
};

export const createOperatorAccount = (
  db: Db,
  by: Operator,
  input: { name: string; role: Role; region: string; label?: string },
): { operator: Operator; token: string; tokenId: number } => {
  checkNewOperator(db, by, input);
  const { name, role, region } = input;
  return db.transaction(() => {
    const operator = createOperator(db, name, role, region);
    const token = issueToken(db, operator.id, input.label ?? 'initial');
    appendAudit(db, {
      operatorId: by.id,
      action: 'operator.create',
      target: `operator ${operator.id}`,
      after: operator,
    });
    return { operator, token: token.token, tokenId: token.id };
  })();
};

export const issueOperatorToken = (
  db: Db,
  by: Operator,
  operatorId: number,
  label = 'token',
): { tokenId: number; token: string } => {
  mustAdminister(db, by);
  if (!getOperator(db, operatorId))
    throw new OperatorError(404, `找不到操作员 ${operatorId}`, `No operator ${operatorId}`);
  return db.transaction(() => {
    const issued = issueToken(db, operatorId, label);
    appendAudit(db, {
      operatorId: by.id,
      action: 'token.issue',
      target: `operator ${operatorId}`,
      after: { tokenId: issued.id },
    });
    return { tokenId: issued.id, token: issued.token };
  })();
};

export const revokeOperatorToken = (db: Db, by: Operator, tokenId: number): { revoked: number } => {
  mustAdminister(db, by);
  // Revoking the last admin token would lock the district out of its own service.
  if (activeTokenRole(db, tokenId) === 'admin' && activeAdminTokens(db, null, tokenId) === 0) throw lastAdmin();
  const revoked = db.transaction(() => {
    const done = revokeToken(db, tokenId);
    if (done) appendAudit(db, { operatorId: by.id, action: 'token.revoke', target: `token ${tokenId}` });
    return done;
  })();
  if (!revoked) throw new OperatorError(404, `找不到有效的令牌 ${tokenId}`, `No active token ${tokenId}`);
  return { revoked: tokenId };
};

export const disableOperatorAccount = (db: Db, by: Operator, operatorId: number): { disabled: number } => {
  mustAdminister(db, by);
  const outcome = db.transaction(() => {
    const result = disableOperator(db, operatorId);
    if (result === 'disabled')
      appendAudit(db, { operatorId: by.id, action: 'operator.disable', target: `operator ${operatorId}` });
    return result;
  })();
  if (outcome === 'missing')
    throw new OperatorError(404, `找不到在用的操作员 ${operatorId}`, `No active operator ${operatorId}`);
  if (outcome === 'last-admin') throw lastAdmin();
  return { disabled: operatorId };
};

/** Moves an operator to another role or region (a clerk who moves village); their sessions and tokens follow at once. */
export const changeOperatorScope = (
  db: Db,
  by: Operator,
  operatorId: number,
  scope: { role: Role; region: string },
): Operator => {
  mustAdminister(db, by);
  const before = getOperator(db, operatorId);
  if (!before) throw new OperatorError(404, `找不到操作员 ${operatorId}`, `No operator ${operatorId}`);
  checkScope(db, scope.role, scope.region);
  // The district would lose its last admin: nobody could administer the service.
  if (before.role === 'admin' && scope.role !== 'admin' && activeAdminTokens(db, operatorId) === 0) throw lastAdmin();
  return db.transaction(() => {
    db.prepare('UPDATE operators SET role = ?, region = ? WHERE id = ?').run(scope.role, scope.region, operatorId);
    const after = getOperator(db, operatorId)!;
    appendAudit(db, {
      operatorId: by.id,
      action: 'operator.scope',
      target: `operator ${operatorId}`,
      before: { role: before.role, region: before.region },
      after: { role: after.role, region: after.region },
    });
    return after;
  })();
};

/** Lets a disabled operator work again: their sign-in name, password and unrevoked tokens work again. */
export const enableOperatorAccount = (db: Db, by: Operator, operatorId: number): { enabled: number } => {
  mustAdminister(db, by);
  const enabled = db.transaction(() => {
    const done =
      db.prepare('UPDATE operators SET disabled_at = NULL WHERE id = ? AND disabled_at IS NOT NULL').run(operatorId)
        .changes > 0;
    if (done) appendAudit(db, { operatorId: by.id, action: 'operator.enable', target: `operator ${operatorId}` });
    return done;
  })();
  if (!enabled)
    throw new OperatorError(404, `找不到已停用的操作员 ${operatorId}`, `No disabled operator ${operatorId}`);
  return { enabled: operatorId };
};
