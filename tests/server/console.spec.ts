/**
 * The operators' console's sign-in, in this process (inject): names and passwords, the session
 * cookie's flags, the lockout and the per-address limit, CSRF refusals, the district admin's
 * password reset, and a cookie scoped like the operator's token (a clerk stays in their village).
 */
import { test, expect } from '@playwright/test';
import type { InjectOptions } from 'fastify';
import { buildServer } from '../../server/app';
import { readSampleSignIns } from '../../server/seed/seedSample';
import { readSample } from './harness';
import { call, startInProcess, type InProcessService } from './inProcess';

let service: InProcessService;
let passwords: Record<string, string>;
test.beforeAll(async () => {
  service = await startInProcess();
  passwords = Object.fromEntries(readSampleSignIns(service.tokenFile).map((s) => [s.username, s.password]));
});
test.afterAll(async () => service.stop());

/** The origin inject's requests come from (light-my-request's Host is localhost:80). */
const OWN_ORIGIN = 'http://localhost:80';
const notice = (title: string) => ({ title, body: ['村民代表会议决定于十二月一日起实行新的垃圾清运时间。'] });

const inject = async (options: InjectOptions) => {
  const response = await service.app.inject(options);
  return { status: response.statusCode, body: response.body ? JSON.parse(response.body) : null, response };
};

/** Signs in from `address` as a browser on the console's page would. */
const signIn = (username: string, password: string, address = '127.0.0.1') =>
  inject({
    method: 'POST',
    url: '/api/session',
    remoteAddress: address,
    headers: { origin: OWN_ORIGIN, 'content-type': 'application/json' },
    payload: JSON.stringify({ username, password }),
  });

const cookieOf = (answer: Awaited<ReturnType<typeof signIn>>) => {
  const cookie = answer.response.cookies.find((c) => c.name === 'sanwu_console');
  expect(cookie, 'a session cookie').toBeTruthy();
  return `sanwu_console=${cookie!.value}`;
};

test('the sample clerk signs in: an HttpOnly, SameSite=Strict session cookie (not Secure over plain HTTP), audited', async () => {
  const answer = await signIn('clerk', passwords.clerk!);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  expect(answer.body.operator).toMatchObject({ role: 'clerk', region: service.tokens.clerk.region });
  const header = String(answer.response.headers['set-cookie']);
  expect(header).toMatch(/HttpOnly/);
  expect(header).toMatch(/SameSite=Strict/);
  expect(header).toMatch(/Path=\//);
  expect(header).not.toMatch(/Secure/);
  const cookie = cookieOf(answer);
  const session = await inject({ method: 'GET', url: '/api/session', headers: { cookie } });
  expect(session.body).toMatchObject({ username: 'clerk', csrfToken: answer.body.csrfToken });
  expect((await inject({ method: 'GET', url: '/api/me', headers: { cookie } })).body.role).toBe('clerk');
  const audit = service.service.db.prepare(`SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1`).pluck().get();
  expect(audit).toBe('sign-in');
  // Signing out ends the session on the server, not only in the browser.
  const out = await inject({
    method: 'DELETE',
    url: '/api/session',
    headers: { cookie, origin: OWN_ORIGIN, 'x-csrf-token': answer.body.csrfToken },
  });
  expect(out.body).toEqual({ signedOut: true });
  expect((await inject({ method: 'GET', url: '/api/me', headers: { cookie } })).status).toBe(401);
});

test('a wrong password and an unknown name get the same 401, in both languages', async () => {
  for (const [name, password] of [
    ['clerk', 'not-the-password'],
    ['nobody-here', 'not-the-password'],
  ] as const) {
    const answer = await signIn(name, password, '10.0.0.2');
    expect(answer.status).toBe(401);
    expect(answer.body.error).toEqual({ zh: '登录名或密码不对', en: 'Wrong sign-in name or password' });
    expect(answer.response.headers['set-cookie']).toBeUndefined();
  }
});

test('five wrong passwords lock the name, even for the right one, until the district admin resets it', async () => {
  for (let attempt = 1; attempt <= 5; attempt++)
    expect((await signIn('committee', `wrong-${attempt}`, `10.0.1.${attempt}`)).status).toBe(401);
  const locked = await signIn('committee', passwords.committee!, '10.0.1.9');
  expect(locked.status).toBe(429);
  expect(Number(locked.response.headers['retry-after'])).toBeGreaterThan(800);
  expect(locked.body.error.zh).toContain('已锁定');
  expect(locked.body.error.en).toContain('locked');
  // Only the district admin resets a password; the new one is shown once, and the old one stops working.
  const committeeId = (await call(service, 'GET', '/api/me', service.tokens.committee.token)).body.id;
  const path = `/api/operators/${committeeId}/password`;
  expect((await call(service, 'POST', path, service.tokens.street.token, {})).status).toBe(403);
  const reset = await call(service, 'POST', path, service.tokens.admin.token, {});
  expect(reset.status, JSON.stringify(reset.body)).toBe(200);
  expect(reset.body.username).toBe('committee');
  expect(reset.body.password).toMatch(/^[A-Za-z0-9]{16}$/);
  expect((await signIn('committee', passwords.committee!, '10.0.1.10')).status).toBe(401);
  expect((await signIn('committee', reset.body.password, '10.0.1.11')).status).toBe(200);
  passwords.committee = reset.body.password;
  const audit = service.service.db
    .prepare(`SELECT action, after FROM audit_log WHERE action = 'password.reset' ORDER BY seq DESC LIMIT 1`)
    .get() as { after: string };
  expect(audit.after).not.toContain(reset.body.password);
});

test('a reset refuses a short password and a name another operator has', async () => {
  const { admin, clerk } = service.tokens;
  const clerkId = (await call(service, 'GET', '/api/me', clerk.token)).body.id;
  const short = await call(service, 'POST', `/api/operators/${clerkId}/password`, admin.token, { password: 'short' });
  expect(short.status).toBe(422);
  expect(short.body.error.zh).toContain('至少 10 个字符');
  const taken = await call(service, 'POST', `/api/operators/${clerkId}/password`, admin.token, { username: 'street' });
  expect(taken.status).toBe(409);
  const badName = await call(service, 'POST', `/api/operators/${clerkId}/password`, admin.token, { username: 'A B' });
  expect(badName.status).toBe(400);
  expect(badName.body.error.en).toContain('body/username');
});

test('one address that fails 30 times in a minute is refused for a while, whatever name it tries', async () => {
  for (let attempt = 0; attempt < 30; attempt++) await signIn(`guess-${attempt}`, 'wrong-password', '10.0.2.1');
  const refused = await signIn('street', passwords.street!, '10.0.2.1');
  expect(refused.status).toBe(429);
  expect(refused.body.error.en).toBe('Too many failed sign-ins; try again later');
  expect((await signIn('street', passwords.street!, '10.0.2.2')).status).toBe(200);
});

test('a write with the cookie is refused without the CSRF token or from another origin; reads need neither', async () => {
  const signedIn = await signIn('clerk', passwords.clerk!, '10.0.3.1');
  const cookie = cookieOf(signedIn);
  const csrf = signedIn.body.csrfToken as string;
  const url = `/api/regions/${service.tokens.clerk.region}/channels/14/items/console-csrf`;
  const put = (headers: Record<string, string>) =>
    inject({
      method: 'PUT',
      url,
      headers: { cookie, 'content-type': 'application/json', ...headers },
      payload: JSON.stringify(notice('控制台通知')),
    });
  for (const [headers, reason] of [
    [{ origin: OWN_ORIGIN }, 'CSRF'],
    [{ origin: OWN_ORIGIN, 'x-csrf-token': 'forged' }, 'CSRF'],
    [{ origin: 'https://evil.example', 'x-csrf-token': csrf }, 'console'],
    [{ 'x-csrf-token': csrf }, 'console'],
  ] as const) {
    const refused = await put(headers);
    expect(refused.status, JSON.stringify(headers)).toBe(403);
    expect(refused.body.error.en).toContain(reason);
  }
  expect((await inject({ method: 'GET', url, headers: { cookie } })).body.pending).toBeNull();
  const saved = await put({ origin: OWN_ORIGIN, 'x-csrf-token': csrf });
  expect(saved.status, JSON.stringify(saved.body)).toBe(201);
  // Another site cannot sign an operator in under its own name either.
  const foreign = await inject({
    method: 'POST',
    url: '/api/session',
    headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
    payload: JSON.stringify({ username: 'clerk', password: passwords.clerk }),
  });
  expect(foreign.status).toBe(403);
});

test("the clerk's cookie reaches their own village only, like their token", async () => {
  const signedIn = await signIn('clerk', passwords.clerk!, '10.0.4.1');
  const headers = {
    cookie: cookieOf(signedIn),
    origin: OWN_ORIGIN,
    'x-csrf-token': signedIn.body.csrfToken,
    'content-type': 'application/json',
  };
  const other = readSample('district.json').streets[1].villages[0].code as string;
  const item = `/api/regions/${other}/channels/14/items/console-scope`;
  for (const answer of [
    await inject({ method: 'GET', url: item, headers }),
    await inject({ method: 'PUT', url: item, headers, payload: JSON.stringify(notice('外村通知')) }),
    await inject({ method: 'POST', url: '/api/publish', headers, payload: '{}' }),
    await inject({ method: 'GET', url: '/api/operators', headers }),
  ])
    expect(answer.status, JSON.stringify(answer.body)).toBe(403);
});

test('behind a trusted TLS proxy the cookie is Secure, and the origin checked is the https one', async () => {
  const proxied = await buildServer(service.service, { appDir: 'dist', trustProxy: ['127.0.0.1'] });
  try {
    const answer = await proxied.inject({
      method: 'POST',
      url: '/api/session',
      headers: {
        origin: 'https://sanwu.example',
        host: 'sanwu.example',
        'x-forwarded-proto': 'https',
        'x-forwarded-host': 'sanwu.example',
        'content-type': 'application/json',
      },
      payload: JSON.stringify({ username: 'admin', password: passwords.admin }),
    });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(String(answer.headers['set-cookie'])).toMatch(/; Secure/);
  } finally {
    await proxied.close();
  }
});

test('the console page is served with the API, under a CSP without inline script or eval; not to boxes on the public listener', async () => {
  const page = await service.app
    .inject({ method: 'GET', url: '/console/' })
    .then((response) => ({ status: response.statusCode, response }));
  expect(page.status).toBe(200);
  expect(page.response.body).toContain('<script src="console.js" defer></script>');
  const csp = String(page.response.headers['content-security-policy']);
  expect(csp).toContain("script-src 'self';");
  expect(csp).not.toContain('unsafe');
  const publicOnly = await buildServer(service.service, { appDir: 'dist', serves: 'public' });
  try {
    for (const url of ['/console/', '/console/console.js', '/api/session'])
      expect((await publicOnly.inject({ method: 'GET', url })).statusCode, url).toBe(404);
  } finally {
    await publicOnly.close();
  }
});
