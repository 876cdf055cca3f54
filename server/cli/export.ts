/**
 * Copies the published feed (manifest, hashed objects with their compressed twins,
 * media, public key) to a folder any static server or CDN can serve. The manifest
 * goes last, so a reader of the folder never sees it name a file not yet there.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_FILE, OBJECTS_DIR, type Manifest } from '../../src/feed/manifest';
import { writeFileAtomic } from '../files/atomicFile';
import { readIndexTree } from '../publish/indexTree';
import { loadOrCreateSigningKey } from '../publish/signing';

export const exportFeed = (dataDir: string, out: string): { version: number; files: number } => {
  const feed = join(dataDir, 'feed');
  const manifestBytes = readFileSync(join(feed, MANIFEST_FILE));
  const manifest = JSON.parse(manifestBytes.toString('utf8')) as Manifest;
  mkdirSync(join(out, OBJECTS_DIR), { recursive: true });
  const entries = readIndexTree(feed, manifest);
  for (const { sha256 } of Object.values(entries)) {
    for (const suffix of ['', '.gz', '.br']) {
      const name = `${sha256}.json${suffix}`;
      const source = join(feed, OBJECTS_DIR, name);
      const target = join(out, OBJECTS_DIR, name);
      // A copy an interrupted export left short is written again, never trusted by name.
      if (!existsSync(target) || statSync(target).size !== statSync(source).size)
        writeFileAtomic(target, readFileSync(source));
    }
  }
  if (existsSync(join(feed, 'media'))) cpSync(join(feed, 'media'), join(out, 'media'), { recursive: true });
  const key = loadOrCreateSigningKey(join(dataDir, 'signing-key.pem'));
  writeFileAtomic(
    join(out, 'public-key'),
    Buffer.from(JSON.stringify({ alg: 'Ed25519', publicKey: key.publicKeyBase64 })),
  );
  writeFileAtomic(join(out, MANIFEST_FILE), manifestBytes);
  return { version: manifest.version, files: Object.keys(entries).length };
};
