/**
 * The CPU time a legacy bundle's evaluation takes in the old-engine sandbox of
 * tests/unit/legacy-runtime.spec.ts (no Promise, Map, URL…: every polyfill installs, as on
 * Chrome 30), unthrottled, each run in a fresh process so that V8's compilation cache does not
 * help. CPU time, not wall-clock, which a shared machine's load moves less (it still moves it:
 * compare bundles in the same run, which alternates them).
 *
 *   npx tsx bench/legacyEval.ts [--runs 8] dist/app.legacy.js OTHER/app.legacy.js
 *
 * Bundles are run in turn; prints each one's median and range of CPU ms.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { oldEngine } from '../tests/unit/oldEngine';

const { values, positionals } = parseArgs({
  options: { runs: { type: 'string', default: '8' }, once: { type: 'boolean', default: false } },
  allowPositionals: true,
});

if (values.once) {
  // One evaluation, in this process: the synchronous run of the bundle (every module, then the boot up to its first wait).
  const file = positionals[0]!;
  const code = readFileSync(file, 'utf8');
  const engine = oldEngine({ search: '?village=370703001001', fontFace: true, serve: () => null });
  const before = process.cpuUsage();
  engine.run(file, code);
  const used = process.cpuUsage(before);
  process.stdout.write(String((used.user + used.system) / 1000));
  process.exit(0);
}

const cpuMs: number[][] = positionals.map(() => []);
for (let run = 0; run < Number(values.runs); run++) {
  positionals.forEach((file, i) => {
    cpuMs[i]!.push(
      Number(
        execFileSync(process.execPath, ['--import', 'tsx', 'bench/legacyEval.ts', '--once', file], {
          encoding: 'utf8',
        }),
      ),
    );
  });
}
positionals.forEach((file, i) => {
  const sorted = [...cpuMs[i]!].sort((a, b) => a - b);
  const median =
    sorted.length % 2 ? sorted[sorted.length >> 1]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  console.log(
    `${file}: median ${median.toFixed(0)} ms of CPU (${sorted[0]!.toFixed(0)}–${sorted.at(-1)!.toFixed(0)}, ${sorted.length} runs)`,
  );
});
