/**
 * The box's trust anchor: manifests signed by the service's real signing code, judged by the
 * box's real verification. A key the box has not trusted is taken only from a manifest that
 * the key it trusts signed too.
 */
import { test, expect } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateSigningKey, rotateSigningKey, signManifest, type SigningKey } from '../../server/publish/signing';
import { judgeManifest } from '../../src/tv/sync/judgeManifest';
import { signatureIsValid } from '../../src/tv/sync/verify';
import type { Manifest } from '../../src/feed/manifest';

const holds = async (manifest: Manifest, key: string, field: 'signature' | 'previousKeySignature') =>
  signatureIsValid(manifest, key, field);

const unsigned = {
  schemaVersion: 1,
  version: 7,
  publishedAt: '2026-12-01T08:00:00+08:00',
  expiresAt: '2026-12-08T08:00:00+08:00',
  auditHead: 'a'.repeat(64),
  files: {},
} as const;
const sign = (key: SigningKey, previous?: SigningKey) => signManifest({ ...unsigned }, key, previous) as Manifest;
const keys = mkdtempSync(join(tmpdir(), 'sanwu-key-'));
test.afterAll(() => rmSync(keys, { recursive: true, force: true }));
const keyFileOfItsOwn = () => join(mkdtempSync(join(keys, 'key-')), 'signing-key.pem');
const freshKey = () => loadOrCreateSigningKey(keyFileOfItsOwn());

test('a new box trusts the key its settings offer; a box that trusts a key keeps to it', async () => {
  const genuine = freshKey();
  const forger = freshKey();
  expect(await judgeManifest(sign(genuine), null, genuine.publicKeyBase64, holds)).toEqual({
    kind: 'trusted',
    key: genuine.publicKeyBase64,
  });
  expect(await judgeManifest(sign(genuine), genuine.publicKeyBase64, forger.publicKeyBase64, holds)).toEqual({
    kind: 'trusted',
    key: genuine.publicKeyBase64,
  });
});

test('settings that offer a forged key, with a feed it signed, are refused as an untrusted key', async () => {
  const genuine = freshKey();
  const forger = freshKey();
  expect(await judgeManifest(sign(forger), genuine.publicKeyBase64, forger.publicKeyBase64, holds)).toEqual({
    kind: 'untrustedKey',
  });
  // The forger cannot make the old key's signature: one of its own in that field does not help.
  expect(await judgeManifest(sign(forger, forger), genuine.publicKeyBase64, forger.publicKeyBase64, holds)).toEqual({
    kind: 'untrustedKey',
  });
  // A manifest signed by neither key is a forgery however it came.
  expect(await judgeManifest(sign(forger), genuine.publicKeyBase64, genuine.publicKeyBase64, holds)).toEqual({
    kind: 'forged',
  });
});

test('a rotation by the service (rotate-key) is taken: its manifests are signed by the new key and the old', async () => {
  const keyFile = keyFileOfItsOwn();
  const old = loadOrCreateSigningKey(keyFile);
  const { previous, current } = rotateSigningKey(keyFile);
  expect(previous).toBe(old.publicKeyBase64);
  const next = loadOrCreateSigningKey(keyFile);
  expect(next.publicKeyBase64).toBe(current);
  expect(current).not.toBe(previous);
  const rotated = sign(next, loadOrCreateSigningKey(join(keyFile, '..', 'signing-key.previous.pem')));
  expect(await judgeManifest(rotated, old.publicKeyBase64, current, holds)).toEqual({ kind: 'trusted', key: current });
  // The box's settings not yet updated: the old key alone cannot check the new signature.
  expect(await judgeManifest(rotated, old.publicKeyBase64, old.publicKeyBase64, holds)).toEqual({ kind: 'forged' });
  // A new box offered the new key takes it directly.
  expect(await judgeManifest(rotated, null, current, holds)).toEqual({ kind: 'trusted', key: current });
});
