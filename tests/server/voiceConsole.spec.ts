/**
 * What the console's villager's-voice pages add to the service, in this process (inject): a poll
 * opened or closed now (its counts then shown; scope and order checked), and the outbound
 * notifier: a new help request and an item waiting more than a day each reach the gateway once,
 * through the file stand-in.
 */
import { test, expect } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chinaTime } from '../../src/format/dates';
import { fileNotifier, notifierFrom, type OutboundNotice } from '../../server/notify/outbound';
import { sendWaitingNotices } from '../../server/notify/waitingNotices';
import { call, startInProcess, type InProcessService } from './inProcess';
import { TestBox } from './testBox';

let service: InProcessService;
let outDir: string;
test.beforeAll(async () => {
  service = await startInProcess();
  outDir = mkdtempSync(join(tmpdir(), 'sanwu-notices-'));
});
test.afterAll(async () => {
  await service.stop();
  rmSync(outDir, { recursive: true, force: true });
});

const DAY_MS = 86_400_000;

test('a poll opens now and closes now; its counts show once closed; the order and the scope are checked', async () => {
  const { clerk, committee } = service.tokens;
  const created = await call(service, 'POST', '/api/polls', clerk.token, {
    village: clerk.region,
    question: '村里的广场舞时间改到晚上七点，您同意吗？',
    options: ['同意', '不同意'],
    opensAt: chinaTime(Date.now() + DAY_MS),
    closesAt: chinaTime(Date.now() + 3 * DAY_MS),
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id as number;
  expect(created.body.state).toBe('upcoming');

  expect((await call(service, 'POST', `/api/polls/${id}/open`, committee.token, {})).status).toBe(403);
  const opened = await call(service, 'POST', `/api/polls/${id}/open`, clerk.token, {});
  expect(opened.status, JSON.stringify(opened.body)).toBe(200);
  expect(opened.body).toMatchObject({ state: 'open', results: null });
  const again = await call(service, 'POST', `/api/polls/${id}/open`, clerk.token, {});
  expect(again.status).toBe(409);
  expect(again.body.error.zh).toContain('已经开始');

  const closed = await call(service, 'POST', `/api/polls/${id}/close`, clerk.token, {});
  expect(closed.status, JSON.stringify(closed.body)).toBe(200);
  expect(closed.body).toMatchObject({ state: 'closed', results: [0, 0] });
  expect((await call(service, 'POST', `/api/polls/${id}/close`, clerk.token, {})).status).toBe(409);
  expect((await call(service, 'POST', `/api/polls/${id}/open`, clerk.token, {})).status).toBe(409);
  expect((await call(service, 'POST', '/api/polls/999999/close', clerk.token, {})).status).toBe(404);
  const listed = await call(service, 'GET', `/api/polls?village=${clerk.region}`, clerk.token);
  expect(listed.body.find((p: { id: number }) => p.id === id)).toMatchObject({ state: 'closed' });
});

test('the notify setting names a webhook or a file; anything else is refused', () => {
  expect(notifierFrom('')).toBeUndefined();
  expect(notifierFrom('https://gateway.example/sms')).toBeDefined();
  expect(notifierFrom('file:/var/lib/sanwu/notices.jsonl')).toBeDefined();
  expect(() => notifierFrom('sms-gateway')).toThrow(/file:PATH/);
});

test('a new help request and an item waiting more than a day reach the outbound notifier, each once', async () => {
  const file = join(outDir, 'notices.jsonl');
  service.service.notifier = fileNotifier(file);
  const read = (): OutboundNotice[] =>
    existsSync(file)
      ? readFileSync(file, 'utf8')
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as OutboundNotice)
      : [];

  // A bound box of the clerk's village asks for help.
  const { clerk } = service.tokens;
  const box = await new TestBox(service).setUp(`${clerk.region}-h020`);
  const help = await box.post('/box/help', JSON.stringify({ kind: 'safety', key: 'notify-test-key-0001' }));
  expect(help.status, JSON.stringify(help.body)).toBe(201);
  // The same request again (a retry) is not told twice.
  expect((await box.post('/box/help', JSON.stringify({ kind: 'safety', key: 'notify-test-key-0001' }))).status).toBe(
    200,
  );
  await expect.poll(() => read().length).toBe(1);
  expect(read()[0]).toMatchObject({ kind: 'help', region: clerk.region, subject: `help ${help.body.id}` });
  expect(read()[0]!.zh).toContain('安全');

  // A draft submitted now has not waited a day; a day and an hour later it has, and is told once.
  const pushed = await call(
    service,
    'PUT',
    `/api/regions/${clerk.region}/channels/14/items/notify-waiting`,
    clerk.token,
    {
      title: '关于冬季防火的通知',
      body: ['请各户检查电线和炉具。'],
    },
  );
  expect(pushed.status, JSON.stringify(pushed.body)).toBe(201);
  expect(await sendWaitingNotices(service.service)).toEqual([]);
  const later = Date.now() + DAY_MS + 3_600_000;
  const told = await sendWaitingNotices(service.service, later);
  expect(told.map((n) => n.zh)).toContain('草稿 14/notify-waiting 已等待审核超过一天');
  expect(await sendWaitingNotices(service.service, later)).toEqual([]);
  expect(
    read()
      .filter((n) => n.kind === 'waiting')
      .map((n) => n.subject),
  ).toEqual(told.map((n) => n.subject));
});
