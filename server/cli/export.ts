/**
 * Copies the published feed (manifest, hashed objects with their compressed twins,
 * media, public key) to a folder any static server or CDN can serve. The manifest
 * goes last, so a reader of the folder never sees it name a file not yet there.
 * The bound boxes' private files go too: sealed to each box and indexed under a name only
 * that box can derive, they can be served by anyone without being readable.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { MANIFEST_FILE, OBJECTS_DIR, type Manifest } from '../../src/feed/manifest';
import { writeFileAtomic } from '../files/atomicFile';
import { readIndexTree } from '../publish/indexTree';
import { loadOrCreateSigningKey } from '../publish/signing';

const PRIVATE_DIR = 'private';

const filesUnder = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    : [];

/**
 * Makes `target` hold exactly the private files of `source`: new ones copied first (an index
 * after the objects it names), then the ones the service removed (an unbound or revoked box's)
 * deleted, so an export never keeps serving a box that lost its binding.
 */
const mirrorPrivateFiles = (source: string, target: string) => {
  const wanted = filesUnder(source);
  const objectsFirst = [
    ...wanted.filter((n) => n.startsWith('objects/')),
    ...wanted.filter((n) => !n.startsWith('objects/')),
  ];
  for (const name of objectsFirst) {
    const bytes = readFileSync(join(source, name));
    const copy = join(target, name);
    if (!existsSync(copy) || !readFileSync(copy).equals(bytes)) {
      mkdirSync(dirname(copy), { recursive: true });
      writeFileAtomic(copy, bytes);
    }
  }
  const kept = new Set(wanted);
  for (const name of filesUnder(target)) if (!kept.has(name)) rmSync(join(target, name));
};

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
  mirrorPrivateFiles(join(feed, PRIVATE_DIR), join(out, PRIVATE_DIR));
  if (existsSync(join(feed, 'media'))) cpSync(join(feed, 'media'), join(out, 'media'), { recursive: true });
  const key = loadOrCreateSigningKey(join(dataDir, 'signing-key.pem'));
  writeFileAtomic(
    join(out, 'public-key'),
    Buffer.from(JSON.stringify({ alg: 'Ed25519', publicKey: key.publicKeyBase64 })),
  );
  writeFileAtomic(join(out, MANIFEST_FILE), manifestBytes);
  return { version: manifest.version, files: Object.keys(entries).length };
};
