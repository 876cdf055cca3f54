// Builds the TV app into dist/: the modern bundle (app.js, ES2019), the legacy bundle
// (app.legacy.js, ES5 with polyfills for Chrome 30 / old WebKit), the page with its loader,
// settings and static assets, cn2tw.js, the Traditional-Chinese converter that only
// Traditional boxes load, and verify.js, the worker that checks the feed's signature (both in
// ES5, so old engines can load them too).
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import esbuild from 'rollup-plugin-esbuild';
import resolve from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import terser from '@rollup/plugin-terser';
import { babel } from '@rollup/plugin-babel';

const copyPageAndAssets = () => ({
  name: 'copy-page-and-assets',
  writeBundle() {
    mkdirSync('dist/static', { recursive: true });
    // The loader's own words (its boot-failure message) come from the Simplified translations.
    const zhHans = JSON.parse(readFileSync('src/i18n/zh-Hans.json', 'utf8'));
    const page = readFileSync('src/tv/index.html', 'utf8').replace(/\{\{i18n:([\w.]+)\}\}/g, (_, key) => {
      if (!(key in zhHans)) throw new Error(`index.html names a missing translation: ${key}`);
      return JSON.stringify(zhHans[key]).slice(1, -1);
    });
    writeFileSync('dist/index.html', page);
    cpSync('settings.json', 'dist/settings.json');
    // Loaded only with ?inspector=1, for automation and debugging.
    cpSync('node_modules/@lightningjs/core/devtools/lightning-inspect.js', 'dist/inspector.js');
    // The feed is served by the feed service, not shipped inside the app; the households' private
    // sample (static/private) is sealed to bound boxes only, never served as it is.
    cpSync('static', 'dist/static', {
      recursive: true,
      filter: (path) => !path.startsWith('static/feed') && !path.startsWith('static/private'),
    });
  },
});

/**
 * Writes .gz and .br twins of each bundle, compressed once at their best, so that the service
 * (@fastify/static preCompressed) and nginx (gzip_static) send them as they are instead of
 * compressing the same bytes again for every box that starts.
 */
const precompress = () => ({
  name: 'precompress',
  writeBundle(options, bundle) {
    for (const name of Object.keys(bundle).filter((file) => file.endsWith('.js'))) {
      const path = join(options.dir ?? dirname(options.file), name);
      const bytes = readFileSync(path);
      writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
      writeFileSync(
        `${path}.br`,
        brotliCompressSync(bytes, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
        }),
      );
    }
  },
});

export const onwarn = (warning, warn) => {
  // The SDK's bundled dependencies use `this` at module level; harmless in an IIFE.
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  // Lightning and the SDK have import cycles of their own that work as intended.
  if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every((id) => id.includes('node_modules'))) return;
  warn(warning);
};

// TypeScript is only stripped here, file by file (esbuild, with tsconfig's settings such as
// useDefineForClassFields: false): the types are checked once for the whole tree by
// `npm run typecheck`, not again for each of the four bundles, which made the build 4× slower.
export const compile = (include = ['src/**/*.ts']) => [
  resolve({ browser: true }),
  commonjs(),
  json(),
  // Lightning ships .ts sources beside its dist: compile only ours.
  esbuild({ include, exclude: [], tsconfig: './tsconfig.json', target: 'es2019', sourceMap: true }),
];

// Lightning names states after their classes: the SDK router's must survive minifying.
export const KEEP_CLASSNAMES = /^(Loading|Widgets)$/;

const modern = {
  input: 'src/tv/index.ts',
  output: { file: 'dist/app.js', format: 'iife', sourcemap: true },
  plugins: [...compile(), terser({ ecma: 2019, keep_classnames: KEEP_CLASSNAMES }), copyPageAndAssets(), precompress()],
  onwarn,
};

// Polyfills that core-js's per-use injection adds but nothing here calls, and whose set-up
// slows a boot on a slow box (CPU profile, docs/benchmarks.md): typed arrays' toLocaleString, whose
// feature test formats a typed array by locale and so starts the engine's ICU number formatting;
// forEach and iterators on DOM collections (NodeList, DOMTokenList…), set up on every collection
// type the engine has, though no code here iterates a DOM collection (Lightning's `children` are
// its own arrays). tests/unit/legacy-runtime.spec.ts runs the boot without them.
const UNUSED_POLYFILLS = [
  'es.typed-array.to-locale-string',
  'web.dom-collections.for-each',
  'web.dom-collections.iterator',
];

// App, Lightning core and SDK together down to ES5: core's own "es5" dist still has ES2015+
// syntax. core-js is injected per use (unless `polyfills` is false); core-js itself must not
// be transformed.
export const toEs5 = ({ polyfills = true } = {}) =>
  babel({
    babelHelpers: 'bundled',
    babelrc: false,
    configFile: false,
    extensions: ['.js', '.mjs', '.ts'],
    exclude: [/node_modules[\\/]core-js[\\/]/],
    // Classes as plain ES5 constructors and prototype assignments, which is how this code uses
    // them: no class is called without `new`, none extends a class Babel did not compile (Error
    // is wrapped as before), and nothing enumerates a prototype. Not `constantSuper`: Lightning's
    // TextTexture reads and sets `super.precision`, an accessor, which it would break.
    assumptions: {
      setClassMethods: true,
      noClassCalls: true,
      superIsCallableConstructor: true,
      setPublicClassFields: true,
      privateFieldsAsProperties: true,
    },
    presets: [
      [
        '@babel/preset-env',
        {
          targets: 'chrome 30, safari 5.1',
          ...(polyfills ? { useBuiltIns: 'usage', corejs: '3.51', exclude: UNUSED_POLYFILLS } : {}),
          modules: false,
          bugfixes: true,
        },
      ],
    ],
  });

const legacy = {
  input: 'src/tv/legacy.ts',
  output: { file: 'dist/app.legacy.js', format: 'iife', sourcemap: true },
  plugins: [
    ...compile(),
    toEs5(),
    terser({ ecma: 5, safari10: true, keep_classnames: KEEP_CLASSNAMES, keep_fnames: KEEP_CLASSNAMES }),
    precompress(),
  ],
  onwarn,
};

const converter = {
  input: 'src/tv/cn2tw.ts',
  output: { file: 'dist/cn2tw.js', format: 'iife', sourcemap: true },
  plugins: [...compile(), toEs5(), terser({ ecma: 5, safari10: true }), precompress()],
  onwarn,
};

// The worker that checks the manifest's signature: in ES5, since every box loads it. It uses
// only what ES5 engines have (typed arrays, atob), so no polyfills: they would be 100 KB of it.
const signatureWorker = {
  input: 'src/tv/sync/signatureWorker.ts',
  output: { file: 'dist/verify.js', format: 'iife', sourcemap: true },
  plugins: [...compile(), toEs5({ polyfills: false }), terser({ ecma: 5, safari10: true }), precompress()],
  onwarn,
};

// The operators' console, served by the service at /console/ (server/routes/consoleApp.ts): a
// bundle of its own, built from src/console only (plus the shared taxonomy and sub-channel
// names), so the TV app's bundles stay byte for byte what they were. Preact, its JSX compiled by
// esbuild (tsconfig's jsx settings); modern browsers only (a village office PC), so no legacy build.
const copyConsolePage = () => ({
  name: 'copy-console-page',
  writeBundle() {
    cpSync('src/console/index.html', 'dist/console/index.html');
    cpSync('src/console/console.css', 'dist/console/console.css');
  },
});

export const consoleBundle = {
  input: 'src/console/main.tsx',
  output: { file: 'dist/console/console.js', format: 'iife', sourcemap: true },
  plugins: [
    ...compile(['src/console/**/*.ts', 'src/console/**/*.tsx', 'src/feed/**/*.ts']),
    terser({ ecma: 2019 }),
    copyConsolePage(),
    precompress(),
  ],
  onwarn,
};

export default [modern, legacy, converter, signatureWorker, consoleBundle];
