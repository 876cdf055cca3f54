/**
 * Writes a file so that readers see either the old file or the whole new one, even if
 * the process is killed or the power fails: temporary file, fsync, rename, fsync dir.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  mkdirSync,
} from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { randomBytes } from 'node:crypto';

const syncDirectory = (dir: string) => {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};

const TEMPORARY = /^\..+\.[0-9a-f]{12}\.tmp$/;

const temporaryName = (path: string): string =>
  join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);

/**
 * Removes the temporary files that killed writers left in `dirs`. Only those older than
 * `olderThanMs`: a live writer renames its file within moments, so an old one is an orphan.
 * Returns how many were removed.
 */
export const sweepTemporaryFiles = (dirs: string[], olderThanMs: number, now = Date.now()): number => {
  let removed = 0;
  for (const dir of dirs.filter((d) => existsSync(d))) {
    for (const name of readdirSync(dir).filter((n) => TEMPORARY.test(n))) {
      const path = join(dir, name);
      if (now - statSync(path).mtimeMs < olderThanMs) continue;
      rmSync(path, { force: true });
      removed++;
    }
  }
  return removed;
};

/** `mode` applies from the first byte (secrets are never readable by others, not even briefly). */
export const writeFileAtomic = (path: string, bytes: Uint8Array, mode = 0o666): void => {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const temporary = temporaryName(path);
  const fd = openSync(temporary, 'w', mode);
  try {
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
  syncDirectory(dir);
};
