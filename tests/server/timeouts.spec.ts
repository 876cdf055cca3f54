/**
 * Slow and greedy clients on a real service process: a body sent a byte at a time is cut off,
 * an operator without a token is answered before any of their body is read, and one address
 * cannot hold more than its share of connections. Counted in bytes and events, not timed.
 */
import { test, expect } from '@playwright/test';
import { connect, type Socket } from 'node:net';
import { startService, type RunningService } from './harness';
import { FAILED_SIGN_IN_LIMIT } from '../../server/auth/failedSignIns';

const CAP = 5;
let service: RunningService;
test.beforeAll(async () => {
  service = await startService(undefined, ['--request-timeout', '2', '--max-connections-per-address', String(CAP)]);
});
test.afterAll(async () => service.stop());

const open = (): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const { port } = new URL(service.url);
    const socket = connect(Number(port), '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });

/** Resolves with what the service sent before the connection ended (its first bytes suffice). */
const answerOf = (socket: Socket) =>
  new Promise<{ data: string; closed: boolean }>((resolve) => {
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString('latin1')));
    socket.once('close', () => resolve({ data, closed: true }));
  });

const putHead = (token: string | null, length: number) =>
  `PUT /api/regions/${service.tokens.clerk.region}/channels/14/items/slow-1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n${token ? `Authorization: Bearer ${token}\r\n` : ''}\r\n`;

test('a body sent a byte at a time is cut off at the request timeout, long before it is complete', async () => {
  const socket = await open();
  const answer = answerOf(socket);
  const length = 200;
  socket.write(putHead(service.tokens.clerk.token, length));
  let sent = 0;
  let closed = false;
  void answer.then(() => (closed = true));
  while (!closed && sent < length) {
    socket.write('x');
    sent++;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  const { data } = await answer;
  expect(sent, 'bytes of the body sent before the service gave up').toBeLessThan(length);
  expect(data).toMatch(/^HTTP\/1\.1 408/);
});

test('an operator request without a valid token is refused before its body is read', async () => {
  const socket = await open();
  const answer = answerOf(socket);
  // Five megabytes announced, ten bytes sent: the answer comes without waiting for the rest.
  socket.write(putHead('not-a-token', 5_000_000) + '{"title":');
  const { data } = await answer;
  expect(data).toMatch(/^HTTP\/1\.1 401/);
  expect(data).toContain('Sign in first');
});

test('one address holds at most its share of connections; the next is closed at once, and polls work again after', async () => {
  const held = await Promise.all(Array.from({ length: CAP }, open));
  const heldClosed = held.map((socket) => answerOf(socket));
  let firstHeldClosed = false;
  void Promise.race(heldClosed).then(() => (firstHeldClosed = true));
  const extra = await open();
  await answerOf(extra);
  expect(firstHeldClosed, 'the extra connection was closed while the others were still open').toBe(false);
  for (const socket of held) socket.destroy();
  await Promise.all(heldClosed);
  // Once the service has seen them close (a moment after the client has), polls get through again.
  await expect.poll(async () => (await fetch(`${service.url}/feed/manifest.json`).catch(() => null))?.status).toBe(200);
});

test('a body too large for an operator endpoint is answered 413, in Chinese and English', async () => {
  const path = `/api/regions/${service.tokens.clerk.region}/channels/14/items/large-1`;
  // Six megabytes of JSON: over the 5 MB every operator body may be.
  const body = JSON.stringify({ title: '通知', body: '字'.repeat(2_000_000) });
  const response = await fetch(`${service.url}${path}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${service.tokens.clerk.token}`, 'content-type': 'application/json' },
    body,
  });
  expect(response.status).toBe(413);
  const { error } = await response.json();
  expect(error.zh).toContain('内容太大');
  expect(error.en).toContain('larger than allowed');
  // Nothing was stored under that id.
  const read = await fetch(`${service.url}${path}`, {
    headers: { authorization: `Bearer ${service.tokens.clerk.token}` },
  });
  expect((await read.json()).pending).toBeNull();
});

/** The status line of GET /api/me sent with this exact Authorization header line. */
const meWith = async (authorization: string) => {
  const socket = await open();
  const answer = answerOf(socket);
  socket.write(
    `GET /api/me HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: ${authorization}\r\n\r\n`,
  );
  return (await answer).data.split('\r\n')[0];
};

test('a space after the token is not part of the header (HTTP strips it), so it signs in exactly as without it', async () => {
  const token = service.tokens.clerk.token;
  expect(await meWith(`Bearer ${token}`)).toBe('HTTP/1.1 200 OK');
  // RFC 9110: whitespace around a field value is not part of it; Node's parser drops it before the app sees it.
  expect(await meWith(`Bearer ${token} `)).toBe('HTTP/1.1 200 OK');
  expect(await meWith(`Bearer ${token}\t`)).toBe('HTTP/1.1 200 OK');
  // Inside the value it is part of it: a second word is no token.
  expect(await meWith(`Bearer ${token} x`)).toBe('HTTP/1.1 401 Unauthorized');
  expect(await meWith(`Bearer  ${token}`)).toBe('HTTP/1.1 401 Unauthorized');
});

test('wrong tokens from one address are answered 401 up to the limit, then 429 with Retry-After', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < FAILED_SIGN_IN_LIMIT + 5; i++) {
    const response = await fetch(`${service.url}/api/me`, {
      headers: { authorization: `Bearer guess-${i}-${Math.random()}` },
    });
    statuses.push(response.status);
    if (response.status === 429) {
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await response.json()) as { error: { zh: string } }).error.zh).toContain('登录失败次数太多');
    } else await response.arrayBuffer();
  }
  // The earlier test's wrong token counts too: at most the limit of 401s, then only 429s.
  const firstRefused = statuses.indexOf(429);
  expect(firstRefused).toBeGreaterThan(FAILED_SIGN_IN_LIMIT - 5);
  expect(firstRefused).toBeLessThanOrEqual(FAILED_SIGN_IN_LIMIT);
  expect(statuses.slice(0, firstRefused).every((s) => s === 401)).toBe(true);
  expect(statuses.slice(firstRefused).every((s) => s === 429)).toBe(true);
});
