/**
 * The run-time gate of what old engines run (legacy-syntax.spec.ts checks the syntax only):
 * the loader, dist/app.legacy.js, dist/verify.js and dist/cn2tw.js are evaluated in a sandbox
 * without the globals and built-in methods that Chrome 30 and Safari 9–10-generation WebKit
 * lack (BigInt, Proxy, WeakRef, Intl.Segmenter, document.fonts, TextDecoder, atob in workers,
 * and every ES2015+ built-in the bundle must polyfill itself), and the boot path is run as far
 * as the fake DOM lets it: settings, manifest request, renderer choice, Launch, font loading.
 * Needs `npm run build` first (SANWU_DIST points it at another build).
 */
import { test, expect } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { runInContext } from 'node:vm';
import nacl from 'tweetnacl';
import canonicalize from 'canonicalize';
import { distFile, oldEngine } from './oldEngine';

const read = (name: string) => {
  const path = distFile(name);
  expect(existsSync(path), `${path} is missing: run \`npm run build\``).toBe(true);
  return readFileSync(path, 'utf8');
};

test('the loader picks the legacy bundle on an old engine and asks for it', async () => {
  const engine = oldEngine();
  const html = read('index.html');
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  for (const script of scripts) engine.run('index.html', script);
  await engine.settle(100);
  expect(engine.errors).toEqual([]);
  expect(engine.document.documentElement.attributes['data-bundle']).toBe('legacy');
  expect(engine.document.body.children.some((n) => n.tagName === 'SCRIPT' && n.src === 'app.legacy.js')).toBe(true);
});

test('the legacy bundle evaluates and boots through Launch and font loading without a missing API', async () => {
  const served: string[] = [];
  const engine = oldEngine({
    search: '?village=370703001001',
    fontFace: true,
    // settings.json from the build; the feed is unreachable here, which the app shows as such.
    serve: (url) => {
      served.push(url);
      return /settings\.json(\?|$)/.test(url) ? read('settings.json') : null;
    },
  });
  engine.run(distFile('app.legacy.js'), read('app.legacy.js'));
  await engine.settle(20_000);
  // The app reports the unreachable feed itself (console.error): that is the page it shows, not a missing API.
  expect(engine.errors.filter((error) => !/^Error: notFound: manifest\.json/.test(error))).toEqual([]);
  expect(served.some((url) => /settings\.json/.test(url))).toBe(true);
  expect(
    served.some((url) => /manifest\.json/.test(url)),
    'the boot reached the feed',
  ).toBe(true);
  const root = engine.document.documentElement;
  expect(root.attributes['data-renderer'], 'the boot chose a renderer').toBe('canvas2d');
  expect(engine.document.getElementById('boot-error')).toBeNull();
  // The font is declared by an @font-face rule: this engine has FontFace but no document.fonts.
  const styles = engine.document.head.children.filter((n) => n.tagName === 'STYLE').map((n) => n.textContent);
  expect(
    styles.some((css) => css.includes('@font-face')),
    'the box loads its font without document.fonts',
  ).toBe(true);
});

test('the signature worker checks a signature without atob, TextEncoder or BigInt', async () => {
  const keys = nacl.sign.keyPair();
  const manifest: Record<string, unknown> = {
    schemaVersion: 1,
    version: 3,
    publishedAt: '2026-12-01T08:00:00+08:00',
    expiresAt: '2026-12-31T08:00:00+08:00',
    auditHead: 'a'.repeat(64),
    files: { 'district.json': { sha256: 'b'.repeat(64), bytes: 10 } },
    note: '三务公开',
  };
  const signature = Buffer.from(
    nacl.sign.detached(Buffer.from(canonicalize(manifest)!, 'utf8'), keys.secretKey),
  ).toString('base64');
  const publicKey = Buffer.from(keys.publicKey).toString('base64');
  const answers: unknown[] = [];
  const engine = oldEngine({ worker: true });
  engine.context.postMessage = (answer: unknown) => answers.push(answer);
  engine.run(distFile('verify.js'), read('verify.js'));
  const ask = (question: unknown) =>
    runInContext('onmessage({ data: question })', Object.assign(engine.context, { question }));
  ask({ manifest: { ...manifest, signature }, publicKey });
  ask({ manifest: { ...manifest, version: 4, signature }, publicKey });
  await engine.settle(100);
  expect(engine.errors).toEqual([]);
  expect(answers).toEqual([true, false]);
});

test('the Traditional-Chinese converter evaluates and converts', async () => {
  const engine = oldEngine();
  engine.run(distFile('cn2tw.js'), read('cn2tw.js'));
  await engine.settle(100);
  expect(engine.errors).toEqual([]);
  expect(runInContext("sanwuCn2Tw('头发和发展')", engine.context)).toBe('頭髮和發展');
});

test('the sandbox is an old engine: BigInt, Proxy, document.fonts and TextDecoder are missing', () => {
  const engine = oldEngine({ fontFace: true });
  engine.run('probe.js', 'BigInt("1")');
  engine.run('probe.js', 'new Proxy({}, {})');
  engine.run('probe.js', 'document.fonts.add(new FontFace("a", "url(a)"))');
  engine.run('probe.js', 'new TextDecoder()');
  engine.run('probe.js', '"a".padStart(2)');
  expect(engine.errors).toHaveLength(5);
  expect(engine.errors[0]).toContain('BigInt is not defined');
  expect(engine.errors[2]).toContain("Cannot read properties of undefined (reading 'add')");
});
