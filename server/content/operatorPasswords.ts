/**
 * The district administrator resets an operator's console sign-in: a name (kept if not given)
 * and a password (made by the service if not given, and then shown once). The operator's open
 * sessions end; the password itself is never written to the audit log. The console also adds an
 * operator with a sign-in name and a first password at once (no token: the command line's
 * `operators add` gives one).
 */
import type { Db } from '../db/database';
import { createOperator, getOperator, type Operator, type Role } from '../auth/operators';
import { can } from '../auth/permissions';
import { setLogin, usernameOf, usernameTaken } from '../auth/consoleLogins';
import { generatePassword, hashPassword, passwordProblem } from '../auth/passwords';
import { appendAudit } from '../audit/auditLog';
import { forbidden, OperatorError } from './operatorError';
import { checkNewOperator } from './operatorAccounts';

export const resetOperatorPassword = async (
  db: Db,
  by: Operator,
  operatorId: number,
  input: { username?: string; password?: string },
): Promise<{ operator: number; username: string; password?: string; previousUsername: string | null }> => {
  if (!can(db, by, 'administer')) throw forbidden();
  const active = db.prepare('SELECT 1 FROM operators WHERE id = ? AND disabled_at IS NULL').get(operatorId);
  if (!getOperator(db, operatorId) || !active)
    throw new OperatorError(404, `找不到在用的操作员 ${operatorId}`, `No active operator ${operatorId}`);
  const previousUsername = usernameOf(db, operatorId);
  const username = input.username ?? previousUsername;
  if (!username)
    throw new OperatorError(
      422,
      '这位操作员还没有登录名，请给出一个（username）',
      'This operator has no sign-in name yet: give one (username)',
    );
  if (usernameTaken(db, username, operatorId))
    throw new OperatorError(409, `登录名「${username}」已有人使用`, `The sign-in name "${username}" is taken`);
  const badPassword = input.password === undefined ? null : passwordProblem(input.password);
  if (badPassword) throw new OperatorError(422, ...badPassword);
  const password = input.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  db.transaction(() => {
    setLogin(db, operatorId, username, passwordHash);
    appendAudit(db, {
      operatorId: by.id,
      action: 'password.reset',
      target: `operator ${operatorId}`,
      after: { username },
    });
  })();
  return { operator: operatorId, username, previousUsername, ...(input.password ? {} : { password }) };
};

/** A new operator who signs in on the console: checked, hashed, then stored with its audit entry in one transaction. */
export const createOperatorWithSignIn = async (
  db: Db,
  by: Operator,
  input: { name: string; role: Role; region: string; username: string; password?: string },
): Promise<{ operator: Operator; username: string; password?: string }> => {
  checkNewOperator(db, by, input);
  const { username } = input;
  const taken = () =>
    new OperatorError(409, `登录名「${username}」已有人使用`, `The sign-in name "${username}" is taken`, [
      {
        item: 'operator',
        field: '/username',
        zh: `登录名「${username}」已有人使用`,
        en: `The sign-in name "${username}" is taken`,
      },
    ]);
  if (usernameTaken(db, username, 0)) throw taken();
  const badPassword = input.password === undefined ? null : passwordProblem(input.password);
  if (badPassword)
    throw new OperatorError(422, ...badPassword, [
      { item: 'operator', field: '/password', zh: badPassword[0], en: badPassword[1] },
    ]);
  const password = input.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  const operator = db.transaction(() => {
    // Taken meanwhile, while the password was hashed.
    if (usernameTaken(db, username, 0)) throw taken();
    const created = createOperator(db, input.name, input.role, input.region);
    setLogin(db, created.id, username, passwordHash);
    appendAudit(db, {
      operatorId: by.id,
      action: 'operator.create',
      target: `operator ${created.id}`,
      after: { ...created, username },
    });
    return created;
  })();
  return { operator, username, ...(input.password ? {} : { password }) };
};
