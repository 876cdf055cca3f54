/**
 * Just enough of the W3C WebDriver HTTP API to drive WPE WebKit (cog) from a Playwright test:
 * start WPEWebDriver, open a session, navigate, run scripts, press keys. Plain fetch keeps
 * a Selenium-sized client out of the dependencies.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

export const WPE_DRIVER = '/usr/bin/WPEWebDriver';
export const COG = '/usr/bin/cog';
const INSTALL_HINT = 'apt-get install -y cog wpewebkit-driver (.ci/run does)';

/** WebDriver's codes for the keys the remote maps to (W3C WebDriver, "Keyboard actions"). */
const KEY_CODES: Record<string, string> = {
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Enter: '\uE007',
  Backspace: '\uE003',
  Escape: '\uE00C',
  Home: '\uE011',
  PageUp: '\uE00E',
  PageDown: '\uE00F',
};

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A hung web process makes WPEWebDriver wait forever; a call that takes this long fails by name instead. */
const CALL_TIMEOUT_MS = 45_000;
/** How much of the driver's and cog's output is kept for a failing test's report. */
const LOG_KEEP_CHARS = 20_000;

export class WebDriver {
  private output = '';

  private constructor(
    private readonly process: ChildProcess,
    private readonly base: string,
  ) {
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString('utf8')).slice(-LOG_KEEP_CHARS);
    };
    process.stdout?.on('data', keep);
    process.stderr?.on('data', keep);
  }

  /** The last of what WPEWebDriver, cog and WebKit's processes printed (crashes, memory kills). */
  get log() {
    return this.output;
  }

  /** Starts WPEWebDriver; throws (the test fails, never skips) when WPE is not installed. */
  static async start(): Promise<WebDriver> {
    for (const binary of [WPE_DRIVER, COG]) {
      if (!existsSync(binary)) throw new Error(`${binary} is missing: ${INSTALL_HINT}`);
    }
    const port = await freePort();
    // Its own process group: cog and WebKit's processes are the driver's children, and stop() ends them all.
    const child = spawn(WPE_DRIVER, [`--port=${port}`], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const driver = new WebDriver(child, `http://127.0.0.1:${port}`);
    for (let i = 0; i < 100; i++) {
      try {
        const status = (await driver.call('GET', '/status')) as { ready?: boolean };
        if (status.ready !== false) return driver;
      } catch {
        // Not listening yet.
      }
      await sleep(100);
    }
    await driver.stop();
    throw new Error('WPEWebDriver did not start');
  }

  /** Ends the driver and every browser it started, even one whose session hung or crashed. */
  async stop() {
    const group = this.process.pid;
    if (group === undefined) return;
    const signalGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-group, signal);
      } catch {
        // the group is gone: nothing left
      }
    };
    if (this.process.exitCode === null && this.process.signalCode === null) {
      const exited = new Promise((resolve) => this.process.once('exit', resolve));
      signalGroup('SIGTERM');
      await Promise.race([exited, sleep(3_000)]);
    }
    // Whatever outlived the driver (a hung cog, WebKit's processes) shares its group.
    signalGroup('SIGKILL');
  }

  async call(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(this.base + path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    });
    const json = (await response.json()) as { value: unknown };
    if (!response.ok) throw new Error(`WebDriver ${method} ${path}: ${JSON.stringify(json.value)}`);
    return json.value;
  }

  /** A cog window with the given extra arguments (e.g. --web-mem-limit=256). */
  async session(cogArgs: string[] = []): Promise<Session> {
    const value = (await this.call('POST', '/session', {
      capabilities: {
        alwaysMatch: {
          'wpe:browserOptions': { binary: COG, args: ['--automation', '--platform=headless', ...cogArgs] },
        },
      },
    })) as { sessionId: string };
    return new Session(this, value.sessionId);
  }
}

export class Session {
  constructor(
    private readonly driver: WebDriver,
    readonly id: string,
  ) {}

  private call(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown) {
    return this.driver.call(method, `/session/${this.id}${path}`, body);
  }

  go(url: string) {
    return this.call('POST', '/url', { url });
  }

  /** Runs `script` (a function body) in the page and returns what it returns. */
  run<T>(script: string, ...args: unknown[]): Promise<T> {
    return this.call('POST', '/execute/sync', { script, args }) as Promise<T>;
  }

  async press(key: string) {
    const value = KEY_CODES[key] ?? key;
    await this.call('POST', '/actions', {
      actions: [
        {
          type: 'key',
          id: 'remote',
          actions: [
            { type: 'keyDown', value },
            { type: 'keyUp', value },
          ],
        },
      ],
    });
  }

  /** The page as a PNG. */
  async screenshot(): Promise<Buffer> {
    return Buffer.from((await this.call('GET', '/screenshot')) as string, 'base64');
  }

  close() {
    return this.call('DELETE', '');
  }
}
