/**
 * A data directory that has become read-only (a disk remounted read-only after errors, a full
 * snapshot volume): the service starts on it and keeps serving boxes the last complete
 * version, says not-ok on /healthz, and answers operators' writes with a plain 503 in Chinese
 * and English. Refusing to start would take every box's feed away for a fault only operators
 * can fix. A real tmpfs is remounted read-only between two starts; needs root (mount).
 */
import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, startService } from './harness';

const mount = (dir: string, options: string) => {
  const result = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`this test mounts a tmpfs and needs root: mount said ${result.stderr || result.error}`);
};

test('on a read-only data directory the feed is served, /healthz is not ok, and writes get a plain 503', async () => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(join(tmpdir(), 'sanwu-ro-'));
  mount(dir, 'size=300m');
  try {
    const dataDir = join(dir, 'data');
    const seeded = await startService(dataDir);
    const manifest = await (await fetch(`${seeded.url}/feed/manifest.json`)).json();
    await seeded.stop();
    mount(dir, 'remount,ro');

    const service = await startService(dataDir);
    try {
      // Boxes: the same signed manifest and its files.
      const served = await fetch(`${service.url}/feed/manifest.json`);
      expect(served.status).toBe(200);
      expect(await served.json()).toEqual(manifest);
      const [, entry] = Object.entries(manifest.files as Record<string, { sha256: string }>)[0]!;
      expect((await fetch(`${service.url}/feed/objects/${entry.sha256}.json`)).status).toBe(200);
      expect((await fetch(`${service.url}/`)).status).toBe(200);

      const health = await fetch(`${service.url}/healthz`);
      expect(health.status).toBe(503);
      const healthBody = await health.json();
      expect(healthBody.ok).toBe(false);
      expect(healthBody.version).toBe(manifest.version);
      expect(healthBody.problem).toContain('EROFS');

      // Operators: reads work, writes are refused plainly.
      const { clerk, admin } = service.tokens;
      expect((await call(service, 'GET', '/api/me', clerk.token)).status).toBe(200);
      const writes = [
        await call(service, 'PUT', `/api/regions/${clerk.region}/channels/14/items/ro-1`, clerk.token, {
          title: '关于冬季用水安全的通知',
          body: ['请各户注意防冻。'],
        }),
        await call(service, 'POST', '/api/publish', admin.token, {}),
        await call(service, 'POST', '/api/operators', admin.token, {
          name: '王会计',
          role: 'clerk',
          region: clerk.region,
        }),
      ];
      for (const write of writes) {
        expect(write.status, JSON.stringify(write.body)).toBe(503);
        expect(write.body.error.zh).toContain('数据目录无法写入');
        expect(write.body.error.en).toContain('The data directory cannot be written');
      }
      expect(service.log(), 'plain lines, no stack trace').not.toMatch(/^\s+at /m);
      expect(service.log()).toContain('read-only');
      expect(service.log()).toContain('SQLITE_READONLY');
    } finally {
      await service.stop();
    }
  } finally {
    spawnSync('umount', ['-l', dir]);
    rmSync(dir, { recursive: true, force: true });
  }
});
