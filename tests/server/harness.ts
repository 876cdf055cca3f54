/**
 * Starts the real service (its own process, its own database file) for a test file,
 * and talks to it over HTTP as operators would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface RunningService {
  url: string;
  dataDir: string;
  tokens: Record<'admin' | 'street' | 'clerk' | 'committee', { token: string; region: string }>;
  /** What the service has written to its log (stdout and stderr) so far. */
  log(): string;
  stop(): Promise<void>;
}

/** A port nobody listens on now: asked of the OS, so parallel runs never collide. */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

/**
 * A data directory for a service that starts as if after its first start: a copy of the run's
 * seeded template (SANWU_TEST_TEMPLATE, made once by tests/run.ts), or, without one, an empty
 * directory the service seeds itself. A test of the first start itself, or of what the first
 * publish does with a start option (speech clips, a moved clock), passes an empty directory
 * (`emptyDataDir()`).
 */
export const seededDataDir = (): string => {
  const dataDir = emptyDataDir();
  const template = process.env.SANWU_TEST_TEMPLATE;
  if (template) cpSync(template, dataDir, { recursive: true });
  return dataDir;
};

export const emptyDataDir = (): string => mkdtempSync(join(tmpdir(), 'sanwu-test-'));

/**
 * The service as `npm start` runs it: the bundle `npm run build` writes (dist-service/), started
 * by node itself. A start of the bundle takes half the CPU of one through tsx's loader, and the
 * suite starts the service some eighty times.
 */
const SERVICE_BUNDLE = 'dist-service/main.mjs';

/** The command line (for `spawn(process.execPath, …)`) that starts the service with `args`. */
export const serviceArgs = (args: string[]): string[] => {
  if (!existsSync(SERVICE_BUNDLE))
    throw new Error(`${SERVICE_BUNDLE} is missing: run "npm run build" first (npm test does)`);
  return [SERVICE_BUNDLE, ...args];
};

export const startService = async (
  dataDir = seededDataDir(),
  extraArgs: string[] = [],
  env: NodeJS.ProcessEnv = {},
): Promise<RunningService> => {
  const port = await freePort();
  // Node itself, not `npx`: a signal sent to npx is not passed on, and the service outlived the suite.
  const child: ChildProcess = spawn(
    process.execPath,
    serviceArgs(['--port', String(port), '--host', '127.0.0.1', '--data-dir', dataDir, ...extraArgs]),
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
      // Its own process group, stopped as a whole: nothing the service starts outlives the test.
      detached: true,
    },
  );
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  // Generous: a first start seeds the sample district, and test machines are often loaded.
  const deadline = Date.now() + 90_000;
  for (;;) {
    // Our own process says when it listens; a health check alone could reach another.
    if (output.includes('Sanwu TV is running')) break;
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`service did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const tokens = Object.fromEntries(
    readFileSync(join(dataDir, 'operator-tokens.txt'), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.split('\t'))
      .map(([role, region, , token]) => [role, { token: token!, region: region! }]),
  ) as RunningService['tokens'];
  return {
    url,
    dataDir,
    tokens,
    log: () => output,
    stop: () =>
      new Promise((resolve) => {
        // Already gone (a test that crashed it): nothing to stop, and no exit event to come.
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        // A service that does not stop when asked is stopped anyway, so that no test waits on it.
        const hung = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 30_000);
        child.once('exit', () => {
          clearTimeout(hung);
          resolve();
        });
        process.kill(-child.pid!, 'SIGTERM');
      }),
  };
};

export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export const call = async <T = any>(
  service: RunningService,
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
): Promise<Answer<T>> => {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  let payload: BodyInit | undefined;
  if (Buffer.isBuffer(body)) {
    headers['content-type'] = 'image/jpeg';
    payload = new Uint8Array(body);
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(`${service.url}${path}`, { method, headers, body: payload });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
};

/** The sample's regions: the first street and village have sample operators. */
export const readSample = (path: string) => JSON.parse(readFileSync(`static/feed/${path}`, 'utf8'));
