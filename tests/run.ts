/**
 * The test command: Playwright, then a check that the run left nothing behind. Every process
 * the run starts inherits SANWU_TEST_RUN, and every temporary directory goes under a TMPDIR of
 * the run's own. A feed service, nginx or browser still alive after Playwright exits fails the
 * run by name, and is killed. The run's TMPDIR is removed as a whole, so no data directory
 * outlives it; the ones tests did not remove themselves are listed.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = `${process.pid}-${Date.now()}`;
const runTmp = mkdtempSync(join(tmpdir(), 'sanwu-run-'));
const env = { ...process.env, SANWU_TEST_RUN: run, TMPDIR: runTmp };

/** Processes (other than this one) whose environment carries this run's mark. */
const processesOfRun = (): { pid: number; command: string }[] =>
  readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid)
    .flatMap((pid) => {
      try {
        if (!readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(`SANWU_TEST_RUN=${run}`)) return [];
        const command =
          readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0').join(' ').trim() ||
          readlinkSync(`/proc/${pid}/exe`);
        return [{ pid: Number(pid), command }];
      } catch {
        return []; // gone meanwhile, or not ours to read
      }
    });

/** Waits up to `ms` for the run's processes to exit by themselves (a browser closing, a service stopping). */
const survivors = async (ms: number) => {
  const until = Date.now() + ms;
  let left = processesOfRun();
  while (left.length > 0 && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    left = processesOfRun();
  }
  return left;
};

// The sample district, seeded and published once for the whole run: the feed service the
// browser tests use and every test service that does not test the first start itself copy it.
const template = join(runTmp, 'template-data');
const seeding = spawn(process.execPath, ['--import', 'tsx', 'tests/seedTemplate.ts', template], {
  env,
  stdio: 'inherit',
});
const seeded: number = await new Promise((resolve) => seeding.on('exit', (exitCode) => resolve(exitCode ?? 1)));
if (seeded !== 0) {
  console.error('\nSeeding the sample district for the run failed (see above); no test ran.');
  rmSync(runTmp, { recursive: true, force: true });
  process.exit(1);
}

const playwright = spawn('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  env: { ...env, SANWU_TEST_TEMPLATE: template },
  stdio: 'inherit',
});
const code: number = await new Promise((resolve) =>
  playwright.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0))),
);

const problems: string[] = [];
for (const { pid, command } of await survivors(10_000)) {
  problems.push(`process ${pid} still running: ${command.slice(0, 200)}`);
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
const leftDirectories = readdirSync(runTmp).filter((entry) => entry.startsWith('sanwu'));
rmSync(runTmp, { recursive: true, force: true });
if (leftDirectories.length > 0)
  console.log(
    `\nRemoved ${leftDirectories.length} temporary director(ies) the tests left: ${leftDirectories.join(', ')}`,
  );

if (problems.length > 0) {
  console.error(
    `\nThe test run left ${problems.length} thing(s) behind:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
  );
  process.exit(code || 1);
}
console.log('\nNo process of the run is left behind, and its temporary directory is removed.');
process.exit(code);
