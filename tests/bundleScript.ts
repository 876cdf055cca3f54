/**
 * Bundles a TypeScript entry point into one ES module with esbuild, its packages left to
 * node_modules. A test that starts the same script many times (the CLI, the crash test's
 * publisher) starts plain JavaScript, not every module compiled through tsx's loader on each
 * start, which is most of a start's CPU. `outfile` must be inside the project (a test's
 * `testInfo.outputPath(...)`), so that the bundle's packages resolve.
 */
import { buildSync } from 'esbuild';

export const bundleScript = (entry: string, outfile: string): string => {
  buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile });
  return outfile;
};
