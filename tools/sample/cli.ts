/**
 * Generates the fictional sample feed.
 *   npx tsx tools/sample/cli.ts [--size small|large|district] [--out DIR] [--seed TEXT] [--villages N]
 * The same seed gives byte-identical files. Exits non-zero if any file fails validation.
 */
import { dirname, join } from 'node:path';
import { generate } from './generate';
import { SIZES, type SizeSpec } from './world';

const usage = 'usage: tsx tools/sample/cli.ts [--size small|large|district] [--out DIR] [--seed TEXT] [--villages N]';

const parseArgs = (argv: string[]) => {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i];
    const value = argv[i + 1];
    if (!key?.startsWith('--') || value === undefined) throw new Error(usage);
    args.set(key.slice(2), value);
  }
  for (const key of args.keys())
    if (!['size', 'out', 'seed', 'villages'].includes(key)) throw new Error(`unknown option --${key}\n${usage}`);
  const sizeName = args.get('size') ?? 'small';
  if (sizeName !== 'small' && sizeName !== 'large' && sizeName !== 'district')
    throw new Error(`--size must be small, large or district\n${usage}`);
  const size: SizeSpec = SIZES[sizeName];
  const villages = args.has('villages') ? Number(args.get('villages')) : undefined;
  if (villages !== undefined && !(Number.isInteger(villages) && villages >= 1))
    throw new Error('--villages must be a positive integer');
  return { size, out: args.get('out') ?? 'static/feed', seed: args.get('seed') ?? 'hanting-sample-2026', villages };
};

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

const main = () => {
  const options = parseArgs(process.argv.slice(2));
  const started = process.hrtime.bigint();
  // Beside the feed, never in it: static/feed → static/private/households (the build skips it).
  const report = generate({ ...options, householdsOut: join(dirname(options.out), 'private', 'households') });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const total = report.vouchers.reduce((s, v) => s + v.count, 0);
  console.log(`sample feed (${options.size.name}, seed "${options.seed}") → ${options.out}`);
  console.log(`  JSON:   ${report.jsonFiles} files, ${kb(report.jsonBytes)}`);
  console.log(`  media:  ${report.mediaFiles} files, ${kb(report.mediaBytes)}`);
  console.log(`  villages: ${report.vouchers.length}, vouchers: ${total}`);
  const shown =
    report.vouchers.length > 12 ? [...report.vouchers].sort((a, b) => b.count - a.count).slice(0, 5) : report.vouchers;
  for (const v of shown) console.log(`    ${v.code} ${v.name}: ${v.count}`);
  console.log(`  time:   ${seconds.toFixed(1)} s`);
  if (report.problems.length) {
    console.error(`${report.problems.length} validation problem(s):`);
    for (const p of report.problems.slice(0, 50)) console.error(`  ${p}`);
    process.exit(1);
  }
};

main();
