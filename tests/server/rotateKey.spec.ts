/**
 * Key rotation as an operator does it: stop the service, `sanwu rotate-key`, start again. The
 * first start after it re-signs at once, so boxes get a manifest signed by the new key and the
 * old together (the old one vouches for the new), not a day later at the next daily re-signing.
 */
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { createPublicKey } from 'node:crypto';
import { verifyManifest } from '../../server/publish/signing';
import { call, startService } from './harness';

const keyOf = (raw: string) =>
  createPublicKey({
    key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(raw, 'base64')]),
    format: 'der',
    type: 'spki',
  });

test('the first start after rotate-key serves a manifest signed by the new key and the old one', async () => {
  test.setTimeout(240_000);
  const first = await startService();
  const oldKey = ((await (await fetch(`${first.url}/feed/public-key`)).json()) as { publicKey: string }).publicKey;
  const before = await (await fetch(`${first.url}/feed/manifest.json`)).json();
  await first.stop();

  const rotated = execFileSync('npx', ['tsx', 'server/cli/sanwu.ts', 'rotate-key', '--data-dir', first.dataDir], {
    encoding: 'utf8',
  });
  expect(rotated).toContain(oldKey);

  const service = await startService(first.dataDir);
  try {
    const newKey = ((await (await fetch(`${service.url}/feed/public-key`)).json()) as { publicKey: string }).publicKey;
    expect(newKey).not.toBe(oldKey);
    // Without any publish: a new version, signed by both, with the same content.
    await expect
      .poll(async () => (await (await fetch(`${service.url}/feed/manifest.json`)).json()).version, { timeout: 30_000 })
      .toBeGreaterThan(before.version);
    const manifest = await (await fetch(`${service.url}/feed/manifest.json`)).json();
    expect(verifyManifest(manifest, keyOf(newKey))).toBe(true);
    expect(verifyManifest({ ...manifest, signature: manifest.previousKeySignature }, keyOf(oldKey))).toBe(true);
    expect(manifest.files).toEqual(before.files);
    const versions = (await call(service, 'GET', '/api/versions', service.tokens.admin.token)).body as {
      version: number;
      kind: string;
      status: string;
    }[];
    expect(versions[0]).toMatchObject({ version: manifest.version, kind: 'resign', status: 'complete' });
  } finally {
    await service.stop();
  }
});
