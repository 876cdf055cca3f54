/**
 * A first start on a full disk: a real, small tmpfs holds the data directory. The start fails
 * with a plain message, and once there is room a new start finishes it: the token file, every
 * sample image and version 1 are there. Needs root (mount); it fails, never skips, without it.
 */
import { test, expect } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { serviceArgs, startService } from './harness';

const mount = (dir: string, size: string, remount = false) => {
  const result = spawnSync('mount', ['-t', 'tmpfs', '-o', `${remount ? 'remount,' : ''}size=${size}`, 'tmpfs', dir], {
    encoding: 'utf8',
  });
  if (result.status !== 0)
    throw new Error(`this test mounts a small tmpfs and needs root: mount said ${result.stderr || result.error}`);
};

/** Runs the service until it exits by itself (as a start that fails does). */
const failedStart = (dataDir: string) =>
  new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, serviceArgs(['--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir]), {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.once('exit', (code) => resolve({ code, output }));
  });

const countFiles = (dir: string): number =>
  readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;

test('a first start on a full disk fails plainly, and the next start with room finishes it', async () => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(join(tmpdir(), 'sanwu-full-'));
  mount(dir, '6m');
  try {
    const dataDir = join(dir, 'data');
    // Room for the database, not for the sample's 33 MB of images.
    const full = await failedStart(dataDir);
    expect(full.code, full.output).toBe(1);
    expect(full.output).toContain('磁盘已满');
    expect(full.output).toContain('The disk holding the data directory is full');
    expect(full.output, 'no stack trace').not.toMatch(/\n\s+at /);
    // It stopped half-way: the database is seeded, the rest waits in the staging directory.
    const db = new Database(join(dataDir, 'sanwu.db'), { readonly: true });
    expect(db.prepare('SELECT count(*) FROM regions').pluck().get()).toBeGreaterThan(0);
    db.close();
    expect(readdirSync(dataDir)).toContain('first-start');
    expect(readdirSync(dataDir)).not.toContain('operator-tokens.txt');

    mount(dir, '300m', true);
    const service = await startService(dataDir);
    try {
      expect(Object.keys(service.tokens).sort(), 'every sample operator has a token').toEqual([
        'admin',
        'clerk',
        'committee',
        'street',
      ]);
      for (const { token } of Object.values(service.tokens)) {
        expect((await fetch(`${service.url}/api/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(
          200,
        );
      }
      expect(countFiles(join(dataDir, 'feed', 'media')), 'every sample image and clip').toBe(
        countFiles('static/feed/media'),
      );
      expect(await (await fetch(`${service.url}/healthz`)).json()).toEqual({ ok: true, version: 1 });
      const manifest = JSON.parse(readFileSync(join(dataDir, 'feed', 'manifest.json'), 'utf8'));
      expect(manifest.version).toBe(1);
      expect(readdirSync(dataDir), 'the staging directory is gone').not.toContain('first-start');
    } finally {
      await service.stop();
    }
  } finally {
    // Lazily: the service's processes may still be letting go of their files.
    spawnSync('umount', ['-l', dir]);
    rmSync(dir, { recursive: true, force: true });
  }
});
