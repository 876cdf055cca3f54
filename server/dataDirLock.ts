/**
 * One service per data directory: two would both publish (a scheduled publish ran twice) and
 * fight over the database. The lock is a file holding the owner's process id, taken with O_EXCL;
 * a lock whose process is gone (killed with -9) is taken over.
 */
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_FILE = 'service.lock';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return !!error && typeof error === 'object' && 'code' in error && error.code === 'EPERM';
  }
};

/** Takes the lock, or returns the process id that holds it. */
export const lockDataDir = (dataDir: string): { ok: true; release(): void } | { ok: false; heldBy: number } => {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      const release = () => {
        try {
          if (readFileSync(file, 'utf8') === String(process.pid)) unlinkSync(file);
        } catch {
          // Already gone.
        }
      };
      return { ok: true, release };
    } catch (error) {
      if (!(error && typeof error === 'object' && 'code' in error && error.code === 'EEXIST')) throw error;
      const holder = Number(readFileSync(file, 'utf8'));
      if (holder && holder !== process.pid && alive(holder)) return { ok: false, heldBy: holder };
      unlinkSync(file);
    }
  }
  throw new Error(`could not take ${file}`);
};
