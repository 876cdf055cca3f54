/**
 * --api-host / --api-port: the operator API listens apart from what boxes read. The public
 * listener answers /api with 404 and still serves the app, the feed, /healthz and /box; the
 * API listener serves /api (and /healthz) and nothing of the feed. Without them, one listener serves all.
 */
import { test, expect } from '@playwright/test';
import { freePort, startService, type RunningService } from './harness';

const get = (url: string, token?: string) => fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });

test.describe('with --api-host and --api-port', () => {
  let service: RunningService;
  let api: string;
  test.beforeAll(async () => {
    const apiPort = await freePort();
    api = `http://127.0.0.1:${apiPort}`;
    service = await startService(undefined, ['--api-host', '127.0.0.1', '--api-port', String(apiPort)]);
  });
  test.afterAll(async () => {
    await service?.stop();
  });

  test('the public listener serves boxes and answers /api with 404, even with a good token', async () => {
    const token = service.tokens.admin.token;
    expect((await get(`${service.url}/api/me`, token)).status).toBe(404);
    const push = await fetch(`${service.url}/api/publish`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(push.status).toBe(404);
    expect((await get(`${service.url}/`)).status).toBe(200);
    expect((await get(`${service.url}/settings.json`)).status).toBe(200);
    expect((await get(`${service.url}/feed/manifest.json`)).status).toBe(200);
    expect((await get(`${service.url}/healthz`)).status).toBe(200);
    const report = await fetch(`${service.url}/box/boot-failures`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ error: 'test report', bundle: 'app.js' }),
    });
    expect(report.status).toBe(204);
  });

  test('the API listener serves the operator API and not the feed', async () => {
    const me = await get(`${api}/api/me`, service.tokens.admin.token);
    expect(me.status).toBe(200);
    expect((await me.json()).role).toBe('admin');
    expect((await get(`${api}/api/me`)).status).toBe(401);
    // The report sent to the public listener is read through the API one.
    const reports = await (await get(`${api}/api/boot-failures`, service.tokens.admin.token)).json();
    expect(reports.map((r: { error: string }) => r.error)).toContain('test report');
    expect((await get(`${api}/feed/manifest.json`)).status).toBe(404);
    expect((await get(`${api}/`)).status).toBe(404);
    expect((await get(`${api}/healthz`)).status).toBe(200);
    expect(service.log()).toContain(`Operator API: ${api}/api/`);
  });
});

test('without them, one listener serves the feed and the operator API', async () => {
  const service = await startService();
  try {
    expect((await get(`${service.url}/api/me`, service.tokens.admin.token)).status).toBe(200);
    expect((await get(`${service.url}/feed/manifest.json`)).status).toBe(200);
    expect(service.log()).not.toContain('Operator API:');
  } finally {
    await service.stop();
  }
});
