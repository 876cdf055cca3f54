/**
 * The boot-failure reports' limit is per box address. Behind nginx every box comes from the
 * proxy's address, so `--trust-proxy` lets the service take the box's address from
 * X-Forwarded-For, from the named proxies only; without it a forged header changes nothing.
 */
import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPORTS_PER_WINDOW } from '../../server/routes/bootFailures';
import { call, serviceArgs, startService, type RunningService } from './harness';

const report = (service: RunningService, forwardedFor: string) =>
  fetch(`${service.url}/box/boot-failures`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ error: `no home from ${forwardedFor}`, bundle: 'app.legacy.js' }),
  }).then((response) => response.status);

const storedAddresses = async (service: RunningService) =>
  ((await call(service, 'GET', '/api/boot-failures', service.tokens.admin.token)).body as { address: string }[]).map(
    (row) => row.address,
  );

test.describe('behind a trusted proxy (--trust-proxy 127.0.0.1)', () => {
  let service: RunningService;
  test.beforeAll(async () => {
    service = await startService(undefined, ['--trust-proxy', '127.0.0.1']);
  });
  test.afterAll(async () => service?.stop());

  test('each box forwarded by the proxy has its own limit, and its own address on record', async () => {
    const first: number[] = [];
    for (let i = 0; i <= REPORTS_PER_WINDOW; i++) first.push(await report(service, '10.1.0.7'));
    expect(first).toEqual([...Array(REPORTS_PER_WINDOW).fill(204), 429]);
    // Another box behind the same proxy is not held back by the first one's reports.
    expect(await report(service, '10.1.0.8')).toBe(204);
    expect(new Set(await storedAddresses(service))).toEqual(new Set(['10.1.0.7', '10.1.0.8']));
  });
});

test.describe('behind one proxy hop (--trust-proxy 1)', () => {
  let service: RunningService;
  test.beforeAll(async () => {
    service = await startService(undefined, ['--trust-proxy', '1']);
  });
  test.afterAll(async () => service?.stop());

  test('the box is the address the proxy saw, not what the box itself put in the header', async () => {
    // The proxy appends the address it saw; anything before it came from the client.
    expect(await report(service, '203.0.113.9, 10.3.0.2')).toBe(204);
    expect(await storedAddresses(service)).toEqual(['10.3.0.2']);
  });
});

test.describe('without --trust-proxy', () => {
  let service: RunningService;
  test.beforeAll(async () => {
    service = await startService();
  });
  test.afterAll(async () => service?.stop());

  test('a forged X-Forwarded-For does not escape the limit of the address the report came from', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= REPORTS_PER_WINDOW; i++) statuses.push(await report(service, `10.2.0.${i + 1}`));
    expect(statuses).toEqual([...Array(REPORTS_PER_WINDOW).fill(204), 429]);
    expect(new Set(await storedAddresses(service))).toEqual(new Set(['127.0.0.1']));
  });
});

test('a --trust-proxy that is neither addresses nor a number of hops stops the start, naming it', () => {
  const started = spawnSync(
    process.execPath,
    serviceArgs([
      '--port',
      '0',
      '--data-dir',
      mkdtempSync(join(tmpdir(), 'sanwu-test-')),
      '--trust-proxy',
      'nginx.local',
    ]),
    { encoding: 'utf8', timeout: 60_000 },
  );
  expect(started.status).toBe(1);
  expect(started.stderr).toContain('--trust-proxy: "nginx.local" is not an IP address or CIDR range');
});
