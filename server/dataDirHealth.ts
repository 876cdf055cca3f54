/** Whether the service could save and publish now: its data directory and feed can be written. */
import { accessSync, constants } from 'node:fs';

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
