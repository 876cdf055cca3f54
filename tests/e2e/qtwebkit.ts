/**
 * Drives tests/e2e/qtwebkit.py, which runs Debian's QtWebKit 5.212 (a WebKit of 2016, the
 * Safari 9–10 generation: no BigInt, FontFace without document.fonts, no atob in workers,
 * no WebGL here) headless, as webdriver.ts drives WPE: load a page, press keys, run scripts,
 * take screenshots. Fails, never skips, when PyQt5's QtWebKit is missing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const PYTHON = '/usr/bin/python3';
const DRIVER = 'tests/e2e/qtwebkit.py';
const INSTALL_HINT = 'apt-get install -y --no-install-recommends python3-pyqt5.qtwebkit (.ci/run does)';

interface Answer {
  id: number | null;
  value?: unknown;
  error?: string;
}

export class OldWebKit {
  private next = 1;
  private readonly waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  /** The page's console and uncaught errors, as the engine printed them. */
  readonly console: string[] = [];

  private constructor(private readonly child: ChildProcess) {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const answer = JSON.parse(line) as Answer;
      const pending = answer.id === null ? undefined : this.waiting.get(answer.id);
      if (!pending) return;
      this.waiting.delete(answer.id!);
      if (answer.error !== undefined) pending.reject(new Error(`QtWebKit: ${answer.error}`));
      else pending.resolve(answer.value);
    });
    createInterface({ input: child.stderr! }).on('line', (line) => this.console.push(line));
    child.once('exit', (code) => {
      for (const pending of this.waiting.values())
        pending.reject(new Error(`QtWebKit exited (${code}): ${this.console.slice(-5).join(' | ')}`));
      this.waiting.clear();
    });
  }

  /** Starts the engine with a window of the given size. */
  static start(size = '1920x1080'): OldWebKit {
    const probe = spawnSync(PYTHON, ['-c', 'import PyQt5.QtWebKitWidgets'], { encoding: 'utf8' });
    if (probe.status !== 0) throw new Error(`QtWebKit for Python is missing: ${INSTALL_HINT}\n${probe.stderr ?? ''}`);
    const child = spawn(PYTHON, [DRIVER], {
      env: {
        ...process.env,
        QT_QPA_PLATFORM: 'offscreen',
        SANWU_VIEW_SIZE: size,
        SANWU_STORAGE_DIR: mkdtempSync(join(tmpdir(), 'sanwu-qtwebkit-')),
        XDG_RUNTIME_DIR: mkdtempSync(join(tmpdir(), 'sanwu-xdg-')),
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    return new OldWebKit(child);
  }

  private send<T>(command: Record<string, unknown>): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.child.stdin!.write(`${JSON.stringify({ id, ...command })}\n`);
    });
  }

  /** Loads a page; resolves once its load event has fired. */
  go(url: string): Promise<boolean> {
    return this.send({ cmd: 'load', url });
  }

  /** Runs a function body in the page and returns its result (carried as JSON). */
  run<T>(script: string): Promise<T> {
    return this.send({ cmd: 'run', script });
  }

  /** Presses one remote key: a real key press and release sent to the web view. */
  press(key: string): Promise<void> {
    return this.send({ cmd: 'press', key });
  }

  /** Writes the view as a PNG. */
  screenshot(path: string): Promise<string> {
    return this.send({ cmd: 'screenshot', path });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.stdin!.end();
    this.child.kill();
    await exited;
  }
}
