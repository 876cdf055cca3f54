// Builds the TV app into dist/: one minified bundle plus the page, settings and static assets,
// and beside it cn2tw.js, the Traditional-Chinese converter that only Traditional boxes load.
import { cpSync, mkdirSync } from 'node:fs';
import typescript from '@rollup/plugin-typescript';
import resolve from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import terser from '@rollup/plugin-terser';

const copyPageAndAssets = () => ({
  name: 'copy-page-and-assets',
  writeBundle() {
    mkdirSync('dist/static', { recursive: true });
    cpSync('src/tv/index.html', 'dist/index.html');
    cpSync('settings.json', 'dist/settings.json');
    // Loaded only with ?inspector=1, for automation and debugging.
    cpSync('node_modules/@lightningjs/core/devtools/lightning-inspect.js', 'dist/inspector.js');
    // The feed is served by the feed service, not shipped inside the app.
    cpSync('static', 'dist/static', { recursive: true, filter: (path) => !path.startsWith('static/feed') });
  },
});

const onwarn = (warning, warn) => {
  // The SDK's bundled dependencies use `this` at module level; harmless in an IIFE.
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  // Lightning and the SDK have import cycles of their own that work as intended.
  if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every((id) => id.includes('node_modules'))) return;
  warn(warning);
};

const compile = (sourceMap) => typescript({ tsconfig: './tsconfig.json', include: ['src/**/*.ts'], noEmit: false, declaration: false, sourceMap });

export default [
  {
    input: 'src/tv/index.ts',
    output: { file: 'dist/app.js', format: 'iife', sourcemap: true },
    plugins: [
      resolve({ browser: true }),
      commonjs(),
      json(),
      // Lightning ships .ts sources beside its dist: compile only ours.
      compile(true),
      // Lightning names states after their classes: the SDK router's must survive minifying.
      terser({ ecma: 2019, keep_classnames: /^(Loading|Widgets)$/ }),
      copyPageAndAssets(),
    ],
    onwarn,
  },
  {
    input: 'src/tv/cn2tw.ts',
    output: { file: 'dist/cn2tw.js', format: 'iife', sourcemap: false },
    plugins: [resolve({ browser: true }), compile(false), terser({ ecma: 2019 })],
    onwarn,
  },
];
