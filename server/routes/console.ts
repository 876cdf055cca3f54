/**
 * The console's sign-in, session and password reset. Signing in is the one /api route without an
 * operator: it is limited per address (failedSignIns.ts) and per name (signInLockout.ts), and a
 * wrong name takes as long as a wrong password. Everything else the console does goes through
 * the same /api routes, role and region checks and audit log as the command line.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { appendAudit } from '../audit/auditLog';
import { endSession, findSession, loginByUsername, startSession, usernameOf } from '../auth/consoleLogins';
import { FailedSignIns } from '../auth/failedSignIns';
import { getOperator } from '../auth/operators';
import { passwordMatches } from '../auth/passwords';
import type { SignInLockout } from '../auth/signInLockout';
import { chinaTime } from '../clock';
import { resetOperatorPassword } from '../content/operatorPasswords';
import { whenNotBusy } from '../db/whenNotBusy';
import type { Service } from '../service';
import { clearSessionCookie, crossOriginRefusal, setSessionCookie } from './consoleGuard';
import { fail } from './errors';
import { ROUTE_SCHEMAS } from './schemas';

const tooMany = (reply: FastifyReply, seconds: number, zh: string, en: string) =>
  fail(reply.header('Retry-After', String(seconds)), 429, zh, en);

/** POST /api/session: sign in with a name and a password; answers the session and sets its cookie. */
export const signInRoutes = (service: Service, lockout: SignInLockout) => async (plain: FastifyInstance) => {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = service;
  const failedSignIns = new FailedSignIns();
  app.post('/', { schema: ROUTE_SCHEMAS.signIn }, async (request, reply) => {
    const refusal = crossOriginRefusal(request);
    if (refusal) return fail(reply, 403, ...refusal);
    const address = [`address ${request.ip}`];
    const wait = failedSignIns.retryAfter(address);
    if (wait) return tooMany(reply, wait, '登录失败次数太多，请稍后再试', 'Too many failed sign-ins; try again later');
    const username = request.body.username.trim().toLowerCase();
    const locked = lockout.lockedFor(username);
    if (locked)
      return tooMany(
        reply,
        locked,
        `这个登录名连续输错密码，已锁定，请 ${Math.ceil(locked / 60)} 分钟后再试，或请区管理员重置密码`,
        `This sign-in name is locked after repeated wrong passwords; try again in ${Math.ceil(locked / 60)} minutes, or ask the district administrator to reset the password`,
      );
    const login = loginByUsername(db, username);
    if (!(await passwordMatches(login?.passwordHash ?? null, request.body.password))) {
      failedSignIns.record(address);
      if (lockout.fail(username) && login)
        await whenNotBusy(() =>
          appendAudit(db, {
            operatorId: login.operatorId,
            action: 'sign-in.locked',
            target: `operator ${login.operatorId}`,
          }),
        );
      return fail(reply, 401, '登录名或密码不对', 'Wrong sign-in name or password');
    }
    lockout.clear(username);
    const operatorId = login!.operatorId;
    const session = await whenNotBusy(() =>
      db.transaction(() => {
        appendAudit(db, { operatorId, action: 'sign-in', target: `operator ${operatorId}` });
        return startSession(db, operatorId);
      })(),
    );
    setSessionCookie(request, reply, session.sessionId);
    return {
      operator: getOperator(db, operatorId)!,
      username,
      csrfToken: session.csrfToken,
      expiresAt: chinaTime(session.expiresMs),
    };
  });
};

/** Inside the authenticated /api: who is signed in, signing out, and the admin's password reset. */
export const consoleRoutes = (service: Service, lockout: SignInLockout) => async (plain: FastifyInstance) => {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = service;

  app.get('/session', { schema: ROUTE_SCHEMAS.session }, async (request, reply) => {
    const session = request.consoleSession;
    if (!session)
      return fail(reply, 404, '这是令牌登录，没有网页会话', 'Signed in with a token: there is no console session');
    return {
      operator: session.operator,
      username: usernameOf(db, session.operator.id),
      csrfToken: session.csrfToken,
      expiresAt: chinaTime(session.expiresMs),
    };
  });

  app.delete('/session', { schema: ROUTE_SCHEMAS.signOut }, async (request, reply) => {
    const session = request.consoleSession;
    if (!session) return { signedOut: false };
    db.transaction(() => {
      endSession(db, session.sessionId);
      appendAudit(db, {
        operatorId: session.operator.id,
        action: 'sign-out',
        target: `operator ${session.operator.id}`,
      });
    })();
    clearSessionCookie(request, reply);
    return { signedOut: findSession(db, session.sessionId) === null };
  });

  app.post('/operators/:id/password', { schema: ROUTE_SCHEMAS.resetPassword }, async (request) => {
    const { previousUsername, ...result } = await resetOperatorPassword(
      db,
      request.operator,
      request.params.id,
      request.body ?? {},
    );
    // A reset lifts a lockout: the operator has a new password to sign in with.
    lockout.clear(result.username);
    if (previousUsername) lockout.clear(previousUsername);
    return result;
  });
};
