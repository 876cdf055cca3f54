/**
 * Storage faults and framework errors on real service processes: a second service on the same
 * data directory refuses to start, a held database lock gives a plain 503 (never a raw 500),
 * and the framework's own errors speak the API's two languages.
 */
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { call, serviceArgs, startService } from './harness';

const notice = { title: '关于冬季用水安全的通知', body: ['请各户注意防冻。'] };

test('a second service on the same data directory refuses to start, and says why', async () => {
  const service = await startService();
  try {
    const second = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        serviceArgs(['--port', '0', '--host', '127.0.0.1', '--data-dir', service.dataDir]),
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      child.once('exit', (code) => resolve({ code, output }));
    });
    expect(second.code).toBe(1);
    expect(second.output).toContain('正在使用数据目录');
    expect(second.output).toContain('Another Sanwu TV service');
  } finally {
    await service.stop();
  }
  // Once the first has stopped (and let go of its lock), the directory is free again.
  await expect.poll(() => existsSync(join(service.dataDir, 'service.lock'))).toBe(false);
  const again = await startService(service.dataDir);
  await again.stop();
});

test('a database write lock held elsewhere gives 503 with Retry-After, and the write goes through once it is released', async () => {
  const service = await startService();
  try {
    const { token, region } = service.tokens.clerk;
    const path = `/api/regions/${region}/channels/14/items/busy-1`;
    const holder = new Database(join(service.dataDir, 'sanwu.db'));
    holder.exec('BEGIN IMMEDIATE');
    const busy = await call(service, 'PUT', path, token, notice);
    holder.exec('ROLLBACK');
    holder.close();
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBeTruthy();
    expect(busy.body.error.zh).toContain('数据库正忙');
    expect((await call(service, 'PUT', path, token, notice)).status).toBe(201);
  } finally {
    await service.stop();
  }
});

test("the framework's own errors come in the API's shape, in Chinese and English", async () => {
  const service = await startService();
  try {
    const { token, region } = service.tokens.clerk;
    const url = `${service.url}/api/regions/${region}/channels/14/items/bad-1`;
    const send = async (contentType: string, body: string) => {
      const response = await fetch(url, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
        body,
      });
      return { status: response.status, body: (await response.json()) as { error: { zh: string; en: string } } };
    };
    const notJson = await send('application/json', '{"title": ');
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.zh).toContain('JSON');
    const wrongType = await send('text/xml', '<title/>');
    expect(wrongType.status).toBe(415);
    expect(wrongType.body.error.zh).toContain('内容类型');
  } finally {
    await service.stop();
  }
});
