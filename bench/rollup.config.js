// The benchmark's bare Lightning 2 page, bundled by the app's own rollup setup (same plugins,
// same minifier settings) into dist-bench/: bare.js (modern) and bare.legacy.js (ES5).
import { cpSync, mkdirSync } from 'node:fs';
import terser from '@rollup/plugin-terser';
import { compile, KEEP_CLASSNAMES, onwarn, toEs5 } from '../rollup.config.js';

const include = ['bench/bare/**/*.ts'];
const copyPage = () => ({
  name: 'copy-bare-page',
  writeBundle() {
    mkdirSync('dist-bench', { recursive: true });
    cpSync('bench/bare/index.html', 'dist-bench/bare.html');
  },
});

export default [
  {
    input: 'bench/bare/index.ts',
    output: { file: 'dist-bench/bare.js', format: 'iife', sourcemap: true },
    plugins: [...compile(include), terser({ ecma: 2019, keep_classnames: KEEP_CLASSNAMES }), copyPage()],
    onwarn,
  },
  {
    input: 'bench/bare/index.ts',
    output: { file: 'dist-bench/bare.legacy.js', format: 'iife', sourcemap: true },
    plugins: [
      ...compile(include),
      toEs5(),
      terser({ ecma: 5, safari10: true, keep_classnames: KEEP_CLASSNAMES, keep_fnames: KEEP_CLASSNAMES }),
    ],
    onwarn,
  },
];
