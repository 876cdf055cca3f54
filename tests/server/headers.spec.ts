/**
 * Security headers (@fastify/helmet) on what the service answers: the app page, a feed file and
 * an operator API answer. The page's CSP allows its inline loader by hash, not by any inline script.
 */
import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { call, startService, type RunningService } from './harness';

test.describe.configure({ mode: 'serial' });

let service: RunningService;
test.beforeAll(async () => {
  service = await startService();
});
test.afterAll(async () => {
  await service?.stop();
});

const expectHardened = (headers: Headers) => {
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('referrer-policy')).toBe('no-referrer');
  expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
};

test('the app page: nosniff, no framing, no referrer, and a CSP that allows its loader by hash', async () => {
  const response = await fetch(`${service.url}/`);
  expect(response.status).toBe(200);
  const html = await response.text();
  expectHardened(response.headers);
  const csp = response.headers.get('content-security-policy')!;
  const directive = (name: string) =>
    csp
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith(`${name} `)) ?? '';
  const loader = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
  expect(directive('script-src')).toContain(`'sha256-${createHash('sha256').update(loader).digest('base64')}'`);
  expect(directive('default-src')).toBe("default-src 'self'");
  expect(directive('object-src')).toBe("object-src 'none'");
  expect(directive('connect-src')).toBe("connect-src 'self'");
  // The hash is of the page as built, placeholders filled in: the served page is the built one.
  expect(html).toBe(readFileSync('dist/index.html', 'utf8'));
});

test('a feed file, the manifest and its 304 get nosniff, and not the page headers every poll would pay for', async () => {
  const manifestResponse = await fetch(`${service.url}/feed/manifest.json`);
  expect(manifestResponse.headers.get('x-content-type-options')).toBe('nosniff');
  expect(manifestResponse.headers.get('content-security-policy')).toBeNull();
  const manifest = await manifestResponse.json();
  const [, entry] = Object.entries(manifest.files as Record<string, { sha256: string }>)[0]!;
  const file = await fetch(`${service.url}/feed/objects/${entry.sha256}.json`);
  expect(file.status).toBe(200);
  expect(file.headers.get('x-content-type-options')).toBe('nosniff');
  const notModified = await fetch(`${service.url}/feed/manifest.json`, {
    headers: { 'if-none-match': manifestResponse.headers.get('etag')! },
  });
  expect(notModified.status).toBe(304);
  expect(notModified.headers.get('x-content-type-options')).toBe('nosniff');
  expect(notModified.headers.get('content-security-policy')).toBeNull();
});

test('an operator API answer, and a refusal, get nosniff and the other headers too', async () => {
  const me = await call(service, 'GET', '/api/me', service.tokens.clerk.token);
  expect(me.status).toBe(200);
  expectHardened(me.headers);
  const refused = await call(service, 'GET', '/api/me', null);
  expect(refused.status).toBe(401);
  expectHardened(refused.headers);
});
