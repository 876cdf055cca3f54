/**
 * The box's keys, its signed requests and the files sealed to it (src/household), checked
 * against Node's own crypto where the two must agree; and the household pages' view models
 * from the sample households.
 */
import { test, expect } from '@playwright/test';
import { generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import nacl from 'tweetnacl';
import { boxIdOf, keysFromStorage, newBoxKeys, privateIndexPath, storedKeys } from '../../src/household/boxKeys';
import { fromBase64, toBase64, utf8Bytes, utf8Text } from '../../src/household/bytes';
import { isHouseholdPage, type HouseholdsFile } from '../../src/household/pages';
import { indexSignatureHolds, indexSignedText, looksLikeHouseholdPage } from '../../src/household/privateFiles';
import { openSealed, seal } from '../../src/household/sealed';
import { signedText, signRequest } from '../../src/household/signedRequest';
import { boxSignatureHolds } from '../../server/household/boxSignature';
import { findUnmaskedNumber } from '../../src/format/personalNumbers';
import { presentHouseholdList, presentHouseholdTable } from '../../src/tv/kinds/household';

test('base64 and UTF-8 by hand agree with Node for every length and for Chinese text', () => {
  for (let length = 0; length < 70; length++) {
    const bytes = nacl.randomBytes(length);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(Array.from(fromBase64(Buffer.from(bytes).toString('base64')))).toEqual(Array.from(bytes));
  }
  expect(() => fromBase64('not base64!')).toThrow();
  const text = '我家补贴 ¥1,234.50 尾号 4637';
  expect(Array.from(utf8Bytes(text))).toEqual(Array.from(Buffer.from(text)));
  expect(utf8Text(utf8Bytes(text))).toBe(text);
});

test('a box keeps its keys across restarts, and its id and index path come from its signing key', () => {
  const keys = newBoxKeys();
  const back = keysFromStorage(JSON.parse(JSON.stringify(storedKeys(keys))))!;
  expect(Array.from(back.sign.publicKey)).toEqual(Array.from(keys.sign.publicKey));
  expect(Array.from(back.seal.publicKey)).toEqual(Array.from(keys.seal.publicKey));
  // Without the kept public key (an older copy), it is computed from the secret.
  const { sealPublic: _sealPublic, ...older } = storedKeys(keys);
  expect(Array.from(keysFromStorage(older)!.seal.publicKey)).toEqual(Array.from(keys.seal.publicKey));
  expect(keysFromStorage(null)).toBeNull();
  expect(keysFromStorage({ signSecret: 'AAAA', sealSecret: 'AAAA' })).toBeNull();
  const id = boxIdOf(keys.sign.publicKey);
  expect(id).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
  expect(boxIdOf(newBoxKeys().sign.publicKey)).not.toBe(id);
  expect(privateIndexPath(keys.sign.publicKey)).toMatch(/^private\/[0-9a-f]{64}\.json$/);
  expect(privateIndexPath(keys.sign.publicKey)).not.toContain(id.replace(/-/g, '').toLowerCase());
});

test('a signed request holds only as it was sent, and only for the key that signed it', () => {
  const keys = newBoxKeys();
  const id = boxIdOf(keys.sign.publicKey);
  const parts = { method: 'POST', path: '/box/register', time: 1_790_000_000_000, body: '{"a":1}' };
  const headers = signRequest(parts, id, keys.sign.secretKey);
  expect(headers['x-sanwu-box']).toBe(id);
  const sent = { ...parts, nonce: headers['x-sanwu-nonce']! };
  const signature = headers['x-sanwu-signature']!;
  expect(boxSignatureHolds(sent, signature, keys.sign.publicKey)).toBe(true);
  for (const altered of [
    { ...sent, body: '{"a":2}' },
    { ...sent, path: '/box/binding' },
    { ...sent, method: 'GET' },
    { ...sent, time: sent.time + 1 },
    { ...sent, nonce: 'A'.repeat(22) },
  ])
    expect(boxSignatureHolds(altered, signature, keys.sign.publicKey)).toBe(false);
  expect(boxSignatureHolds(sent, signature, newBoxKeys().sign.publicKey)).toBe(false);
  expect(boxSignatureHolds(sent, 'garbage', keys.sign.publicKey)).toBe(false);
  // Each request has its own one-time id.
  expect(signRequest(parts, id, keys.sign.secretKey)['x-sanwu-nonce']).not.toBe(sent.nonce);
  // The signature is plain Ed25519 over the text: Node's verifier agrees.
  expect(nacl.sign.detached.verify(Buffer.from(signedText(sent)), fromBase64(signature), keys.sign.publicKey)).toBe(
    true,
  );
});

test('a sealed file opens only with the box key it was sealed to, and not once altered', () => {
  const box = newBoxKeys();
  const message = utf8Bytes(JSON.stringify({ channel: 21, name: '王*国' }));
  const sealed = seal(message, box.seal.publicKey);
  expect(utf8Text(openSealed(sealed, box.seal.secretKey)!)).toBe(utf8Text(message));
  expect(Buffer.from(sealed).toString('latin1')).not.toContain('channel');
  expect(openSealed(sealed, newBoxKeys().seal.secretKey)).toBeNull();
  for (const at of [0, 40, sealed.length - 1]) {
    const altered = sealed.slice();
    altered[at] = altered[at]! ^ 1;
    expect(openSealed(altered, box.seal.secretKey)).toBeNull();
  }
  expect(openSealed(sealed.subarray(0, 60), box.seal.secretKey)).toBeNull();
  // Sealing twice gives different bytes (a fresh sender key each time): equal pages cannot be matched by their files.
  expect(toBase64(seal(message, box.seal.publicKey))).not.toBe(toBase64(sealed));
});

test('a private index signed by the service (Node crypto) is believed by the box (tweetnacl), and not once altered', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const publicKeyBase64 = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64');
  const unsigned = {
    kind: 'privateIndex' as const,
    box: '3F9A-12BC-77D0',
    publishedAt: '2026-11-20T10:00:00+08:00',
    until: '2026-12-25T10:00:00+08:00',
    files: { '21': { sha256: 'a'.repeat(64), bytes: 100 } },
  };
  const index = {
    ...unsigned,
    signature: sign(null, Buffer.from(indexSignedText(unsigned)), privateKey).toString('base64'),
  };
  expect(indexSignatureHolds(index, publicKeyBase64)).toBe(true);
  expect(indexSignatureHolds({ ...index, until: '2027-12-25T10:00:00+08:00' }, publicKeyBase64)).toBe(false);
  expect(indexSignatureHolds({ ...index, box: '0000-0000-0000' }, publicKeyBase64)).toBe(false);
  const other = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  expect(indexSignatureHolds(index, other.toString('base64'))).toBe(false);
});

const households = JSON.parse(readFileSync('static/private/households/370703001001.json', 'utf8')) as HouseholdsFile;

test('the sample households: a few dozen per village, every page valid, no whole personal number', () => {
  expect(households.fictional).toBe(true);
  expect(households.households.length).toBeGreaterThanOrEqual(24);
  for (const h of households.households) {
    expect(h.pages.map((p) => p.channel)).toEqual([21, 22, 23, 24, 25]);
    for (const page of h.pages) {
      expect(isHouseholdPage(page), `${h.id} ${page.channel}`).toBe(true);
      // The box's own small check (no TypeBox on old engines) takes every page the service would.
      expect(looksLikeHouseholdPage(page, page.channel)).toBe(true);
      expect(looksLikeHouseholdPage(page, page.channel === 21 ? 22 : 21)).toBe(false);
    }
    expect(h.head).toMatch(/^.\*+.?$/);
  }
  expect(findUnmaskedNumber(JSON.stringify(households))).toBeNull();
});

test('subsidies show date, amount, office and the account as 尾号 only; the record shows masked members and land', () => {
  const pages = households.households[0]!.pages;
  const subsidies = presentHouseholdTable(pages[0])!;
  expect(subsidies.columns.map((c) => c.label)).toEqual(['日期', '项目', '金额', '发放单位', '入账账户']);
  const payment = pages[0]!.channel === 21 ? pages[0]!.content.payments[0]! : null;
  expect(subsidies.rows[0]).toEqual([
    `${Number(payment!.date.slice(0, 4))}年${Number(payment!.date.slice(5, 7))}月${Number(payment!.date.slice(8))}日`,
    payment!.kind,
    `¥${(payment!.amountFen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`,
    payment!.office,
    `尾号 ${payment!.accountTail}`,
  ]);
  const ledger = presentHouseholdTable(pages[1])!;
  expect(ledger.rows.every((r) => ['收入', '缴纳'].includes(r[2]!))).toBe(true);
  const record = presentHouseholdList(pages[2])!;
  const content = pages[2]!.channel === 23 ? pages[2]!.content : null;
  expect(record.rows.slice(0, content!.members.length).map((r) => r.title)).toEqual(
    content!.members.map((m) => m.name),
  );
  expect(record.rows.every((r) => !/[0-9]{6,}/.test(`${r.title}${r.detail}`))).toBe(true);
  expect(record.notes[0]!.text).toContain(`家庭成员 ${content!.members.length} 人`);
  // 25 of a household that has asked nothing: only the 一键求助 and 民意调查 entries.
  expect(presentHouseholdList(pages[4])!.rows.map((r) => r.target)).toEqual(['help', 'polls', 'suggest']);
  expect(presentHouseholdTable(pages[2])).toBeNull();
});
