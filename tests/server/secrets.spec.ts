/**
 * The data directory holds the signing key, the database and the sample tokens: only
 * the service's user may read them, and the service will not start on a key others can read.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { serviceArgs, startService } from './harness';

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

test('secrets are 0600 and the data directory 0700; a key readable by others stops the start with a clear message', async () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'sanwu-secrets-')), 'data');
  const service = await startService(dataDir);
  await service.stop();
  expect(mode(dataDir)).toBe('700');
  for (const file of ['signing-key.pem', 'sanwu.db', 'operator-tokens.txt'])
    expect(mode(join(dataDir, file)), file).toBe('600');

  chmodSync(join(dataDir, 'signing-key.pem'), 0o644);
  const refused = spawnSync(
    process.execPath,
    serviceArgs(['--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir]),
    { encoding: 'utf8', timeout: 60_000 },
  );
  expect(refused.status).toBe(1);
  expect(refused.stderr).toContain('其他用户也能读取（权限 0644），服务不启动');
  expect(refused.stderr).toContain(
    `The signing key ${join(dataDir, 'signing-key.pem')} is readable by other users (mode 0644); not starting`,
  );
  expect(refused.stderr, 'no stack trace').not.toMatch(/\n\s+at /);
});
