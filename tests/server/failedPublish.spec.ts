/**
 * A publish that fails half-way (the disk fills up) leaves its version pending; a later
 * publish completes a newer one. On restart the service must serve the newer one and
 * never write the older pending version over it (boxes refuse a lower version).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { getOperator } from '../../server/auth/operators';
import { pushItem, reviewDraft } from '../../server/content/operations';
import { pendingVersions } from '../../server/content/repository';
import { Publisher } from '../../server/publish/publisher';
import { writeFileAtomic } from '../../server/files/atomicFile';
import { openService } from '../../server/service';
import { feedPaths } from '../../src/feed/paths';
import { servedEntries } from '../feedTree';
import { startService } from './harness';

/** Writes like a disk with room for `room` more bytes: then fails as Linux does, ENOSPC. */
const nearlyFullDisk = (room: number) => {
  let left = room;
  return (path: string, bytes: Uint8Array) => {
    left -= bytes.length;
    if (left < 0)
      throw Object.assign(new Error(`ENOSPC: no space left on device, write '${path}'`), {
        code: 'ENOSPC',
        errno: -28,
      });
    writeFileAtomic(path, bytes);
  };
};

test('after a publish failed on a full disk and a newer one succeeded, a restart serves the newer version', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sanwu-enospc-'));
  const service = openService({ dataDir });
  const adminId = service.db
    .prepare(`SELECT id FROM operators WHERE role = 'admin' ORDER BY id LIMIT 1`)
    .pluck()
    .get() as number;
  const admin = getOperator(service.db, adminId)!;
  const village = service.db
    .prepare(`SELECT code FROM regions WHERE level = 'village' ORDER BY code LIMIT 1`)
    .pluck()
    .get() as string;
  const approve = (id: string, title: string) => {
    const pushed = pushItem(
      service,
      admin,
      { region: village, channel: 14, itemId: id },
      { title, body: ['经村民代表会议讨论通过，现予公布。'] },
    );
    expect(reviewDraft(service.db, admin, pushed.id, 'approved', null).status).toBe('approved');
  };

  approve('notice-on-full-disk', '第一份通知');
  const fullDisk = new Publisher(service.db, service.feedDir, service.key, null, nearlyFullDisk(2_000));
  expect(() => fullDisk.publish(admin.id)).toThrow(/ENOSPC/);
  const failed = pendingVersions(service.db);
  expect(failed).toEqual([2]);

  // Space is freed; the next publish completes version 3 (with version 2's change in it).
  approve('notice-after', '第二份通知');
  expect(service.publisher.publish(admin.id).version).toBe(3);
  service.db.close();

  const restarted = await startService(dataDir);
  try {
    const health = await (await fetch(`${restarted.url}/healthz`)).json();
    const manifest = await (await fetch(`${restarted.url}/feed/manifest.json`)).json();
    expect(health.version).toBe(3);
    expect(manifest.version).toBe(health.version);
    const entries = await servedEntries(async (path) => (await fetch(`${restarted.url}${path}`)).json());
    const villageFile = await (
      await fetch(`${restarted.url}/feed/objects/${entries[feedPaths.village(village)]!.sha256}.json`)
    ).text();
    expect(villageFile).toContain('第一份通知');
    expect(villageFile).toContain('第二份通知');
    // Version 2 is gone from the list, and the audit log says why.
    const versions = await (
      await fetch(`${restarted.url}/api/versions`, {
        headers: { authorization: `Bearer ${restarted.tokens.admin.token}` },
      })
    ).json();
    expect(versions.map((v: { version: number; status: string }) => `${v.version} ${v.status}`)).toEqual([
      '3 complete',
      '1 complete',
    ]);
  } finally {
    await restarted.stop();
  }
  const reopened = openService({ dataDir });
  const dropped = reopened.db
    .prepare(`SELECT after FROM audit_log WHERE action = 'version.drop' AND target = 'version 2'`)
    .pluck()
    .get() as string;
  expect(JSON.parse(dropped)).toEqual({ reason: 'never completed; superseded', supersededBy: 3 });
  reopened.db.close();
});

test('a re-signing whose manifest cannot be written stays pending, and the served version is still the one /healthz names', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sanwu-resign-enospc-'));
  const service = openService({ dataDir });
  const servedManifest = () => JSON.parse(readFileSync(join(service.feedDir, 'manifest.json'), 'utf8'));
  const before = servedManifest();
  expect(service.publisher.currentVersion).toBe(before.version);

  const fullDisk = new Publisher(service.db, service.feedDir, service.key, null, nearlyFullDisk(0));
  expect(() => fullDisk.resign(Date.now())).toThrow(/ENOSPC/);
  // Not recorded complete: the version the service reports is the one its manifest carries.
  expect(service.publisher.currentVersion).toBe(before.version);
  expect(servedManifest()).toEqual(before);
  expect(pendingVersions(service.db)).toEqual([before.version + 1]);

  // With room again, recovery finishes it: the same content, newly signed.
  expect(service.publisher.recover()).toEqual([before.version + 1]);
  const after = servedManifest();
  expect(after.version).toBe(before.version + 1);
  expect(after.files).toEqual(before.files);
  expect(service.publisher.currentVersion).toBe(after.version);
  service.db.close();
});
