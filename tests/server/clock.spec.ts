/** A clock set back: a new version is never dated before the one it follows, and the service warns. */
import { test, expect } from '@playwright/test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openService } from '../../server/service';
import { chinaTime } from '../../server/clock';

test('with the clock three days behind the last version, the next version is dated after it, and a warning is given', () => {
  const service = openService({ dataDir: mkdtempSync(join(tmpdir(), 'sanwu-clock-')) });
  // As if the last publish had happened with the clock three days ahead of now.
  const ahead = chinaTime(Date.now() + 3 * 86_400_000);
  service.db.prepare('UPDATE versions SET created_at = ? WHERE version = 1').run(ahead);
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (message: string) => void warnings.push(message);
  try {
    service.publisher.publish(null);
  } finally {
    console.warn = warn;
  }
  const manifest = JSON.parse(readFileSync(join(service.feedDir, 'manifest.json'), 'utf8')) as {
    version: number;
    publishedAt: string;
    expiresAt: string;
  };
  expect(manifest.version).toBe(2);
  expect(Date.parse(manifest.publishedAt)).toBeGreaterThan(Date.parse(ahead));
  expect(Date.parse(manifest.expiresAt)).toBeGreaterThan(Date.parse(ahead));
  expect(warnings.join('\n')).toContain('系统时钟早于上一版本');
  expect(warnings.join('\n')).toContain('The system clock is behind');
  service.db.close();
});
