/**
 * The syntax gate of the legacy build: dist/app.legacy.js and dist/verify.js must parse as ES5 (Chrome 30
 * WebViews, old WebKit middleware) and the loader in dist/index.html as ES3, so that no later
 * change slips a `const`, an arrow or a class into what old engines run. Needs `npm run build`
 * first, as `npm test` does.
 */
import { test, expect } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { parse, type ecmaVersion } from 'acorn';

const DIST = 'dist';

const read = (file: string) => {
  const path = `${DIST}/${file}`;
  expect(existsSync(path), `${path} is missing: run \`npm run build\``).toBe(true);
  return readFileSync(path, 'utf8');
};

/** The parse error with a snippet of the offending code, or null when the source parses. */
const syntaxError = (source: string, version: ecmaVersion): string | null => {
  try {
    parse(source, { ecmaVersion: version, sourceType: 'script' });
    return null;
  } catch (error) {
    const pos = (error as { pos?: number }).pos ?? 0;
    return `${(error as Error).message}: …${source.slice(Math.max(0, pos - 80), pos + 80)}…`;
  }
};

test('the legacy bundle is ES5', () => {
  expect(syntaxError(read('app.legacy.js'), 5)).toBeNull();
});

test('the signature worker, which every box loads, is ES5', () => {
  expect(syntaxError(read('verify.js'), 5)).toBeNull();
});

test('the bundle loader in index.html is ES3 and can load both bundles', () => {
  const html = read('index.html');
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  expect(scripts).toHaveLength(1);
  expect(syntaxError(scripts[0]!, 3)).toBeNull();
  expect(scripts[0]).toContain("'app.legacy.js'");
  expect(scripts[0]).toContain("'app.js'");
  expect(existsSync(`${DIST}/app.js`)).toBe(true);
});

test('the modern bundle is not ES5: the gate above can tell the difference', () => {
  expect(syntaxError(read('app.js'), 5)).not.toBeNull();
});
