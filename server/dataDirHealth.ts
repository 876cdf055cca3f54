/** Whether the service could save and publish now: its data directory and feed can be written. */
import { accessSync, constants, existsSync } from 'node:fs';
import { join } from 'node:path';

export const dataDirProblem = (dataDir: string, feedDir: string): string | null => {
  for (const dir of [dataDir, feedDir]) {
    try {
      accessSync(dir, constants.W_OK);
    } catch (error) {
      return `${dir} cannot be written (${error && typeof error === 'object' && 'code' in error ? String(error.code) : String(error)})`;
    }
  }
  return null;
};

/**
 * A data directory the service has run on (its database is there) that cannot be written now: a
 * disk remounted read-only after errors, say. The service then starts read-only: boxes keep the
 * last complete version, /healthz says why it is not ok, and operators' writes get a plain 503.
 */
export const dataDirReadOnly = (dataDir: string): boolean =>
  existsSync(join(dataDir, 'sanwu.db')) && dataDirProblem(dataDir, join(dataDir, 'feed')) !== null;
