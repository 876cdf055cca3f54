/**
 * Freshness is the service's job: it publishes the sample as of its first start, and re-signs
 * the manifest daily (a new version, no other file written), so a district that publishes
 * nothing never expires on its boxes. The service runs as its own process with a moved clock.
 */
import { createPublicKey } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test, expect } from '@playwright/test';
import { verifyManifest } from '../../server/publish/signing';
import type { Manifest } from '../../src/feed/manifest';
import { call, emptyDataDir, startService, type RunningService } from './harness';

const DAY_MS = 86_400_000;
/** A day of the service's clock passes in 5 s; its scheduler checks every 5 s of real time. */
const SPEED = DAY_MS / 5_000;
const origin = Date.now();
const movedNow = () => origin + (Date.now() - origin) * SPEED;

let service: RunningService;
test.beforeAll(async () => {
  service = await startService(emptyDataDir(), [], {
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${resolve('tests/server/movedClock.mjs')}`,
    SANWU_CLOCK_ORIGIN: String(origin),
    SANWU_CLOCK_SPEED: String(SPEED),
  });
});
test.afterAll(() => service?.stop());

const served = async (): Promise<Manifest> =>
  (await fetch(`${service.url}/feed/manifest.json`)).json() as Promise<Manifest>;
const objectFiles = () => readdirSync(join(service.dataDir, 'feed', 'objects')).sort();

test('a quiet district never expires while the service runs: the manifest is re-signed daily, and nothing else is written', async () => {
  test.setTimeout(120_000);
  const { publicKey: raw } = (await (await fetch(`${service.url}/feed/public-key`)).json()) as { publicKey: string };
  const key = createPublicKey({
    key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(raw, 'base64')]),
    format: 'der',
    type: 'spki',
  });

  const first = await served();
  // The first start publishes the sample as of now, not as of the sample's own date (its
  // start took a day or two of the moved clock).
  const versionsNow = async () =>
    (await call(service, 'GET', '/api/versions', service.tokens.admin.token)).body as {
      version: number;
      kind: string;
      created_at: string;
    }[];
  const seeded = (await versionsNow()).find((v) => v.version === 1)!;
  expect(seeded.kind).toBe('seed');
  expect(Date.parse(seeded.created_at)).toBeGreaterThanOrEqual(origin - 60_000);
  expect(Date.parse(first.expiresAt) - movedNow()).toBeGreaterThan(4 * DAY_MS);
  const objectsBefore = objectFiles();

  // Poll as a box would for ten days of the service's clock: past the first manifest's expiry.
  let last = first;
  const versions = new Set<number>();
  while (movedNow() < Date.parse(first.expiresAt) + 3 * DAY_MS) {
    const m = await served();
    const seenAt = movedNow();
    expect(verifyManifest(m, key)).toBe(true);
    expect(m.version).toBeGreaterThanOrEqual(last.version);
    expect(
      Date.parse(m.expiresAt),
      `fresh at ${new Date(seenAt).toISOString()}: version ${m.version} expires ${m.expiresAt}`,
    ).toBeGreaterThan(seenAt + 4 * DAY_MS);
    // The same content: every file the manifest names is the one the first version named.
    expect(m.files).toEqual(first.files);
    versions.add(m.version);
    last = m;
    await new Promise((r) => setTimeout(r, 1_000));
  }
  expect(versions.size).toBeGreaterThanOrEqual(7);
  expect(objectFiles()).toEqual(objectsBefore);
  const listed = await versionsNow();
  expect(listed.find((v) => v.version === last.version)?.kind).toBe('resign');
});
