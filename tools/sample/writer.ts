/**
 * Writes feed files, each checked by the same validators the box and the server use.
 * A file that fails is still written, so it can be inspected, but its problems are kept
 * and the run fails.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Validated } from '../../src/feed/validate';

/** What the generator owns under the feed root; media/clips belongs to someone else. */
const OWNED = ['district.json', 'streets', 'villages', 'media/receipts', 'media/photos', 'media/pool'];

export const cleanOutput = (root: string): void => {
  for (const path of OWNED) rmSync(join(root, path), { recursive: true, force: true });
};

export class FeedWriter {
  files = 0;
  bytes = 0;
  readonly problems: string[] = [];

  constructor(
    private readonly root: string,
    private readonly indent: number,
  ) {}

  write(path: string, data: unknown, validate: (data: unknown) => Validated<unknown>): void {
    const result = validate(data);
    if (!result.ok) for (const p of result.problems) this.problems.push(`${path}${p.path}: ${p.message}`);
    const text = `${JSON.stringify(data, null, this.indent || undefined)}\n`;
    const full = join(this.root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    this.files += 1;
    this.bytes += Buffer.byteLength(text);
  }
}
