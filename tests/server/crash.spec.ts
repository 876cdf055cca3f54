/**
 * A publish killed at random moments always leaves a complete old or new version.
 *
 * One data directory, one publisher process after another (tests/server/publishLoop.ts),
 * each killed with SIGKILL at a random moment: while it starts (and finishes what the
 * previous kill interrupted), while it writes objects, around the manifest swap. After
 * every kill, before anything recovers, the feed directory must hold a manifest that
 * parses, is signed by the data directory's key, names only complete files, and is never
 * older than the last version seen. At the end one more start recovers, and the database,
 * the manifest and the audit chain agree.
 */
import { test, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, utimesSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import {
  isFeedIndex,
  isManifest,
  MANIFEST_FILE,
  OBJECTS_DIR,
  objectPath,
  type Manifest,
} from '../../src/feed/manifest';
import { loadOrCreateSigningKey, verifyManifest } from '../../server/publish/signing';
import { verifyAuditChain } from '../../server/audit/auditLog';
import { openService } from '../../server/service';
import { seededDataDir, startService } from './harness';
import { bundleScript } from '../bundleScript';

/** At least 50; SANWU_CRASH_VERBOSE=1 prints each kill as it happens. */
const KILLS = 56;
const LOOP = 'tests/server/publishLoop.ts';
const OBJECT_NAME = /^[0-9a-f]{64}\.json(\.gz|\.br)?$/;
const TEMPORARY = /^\..+\.[0-9a-f]{12}\.tmp$/;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The publisher loop, bundled once (bundleScript): the test starts it over 50 times. */
let loopScript = '';

/** The publisher loop as a single process, so SIGKILL hits exactly it. */
const startLoop = (dataDir: string, extra: string[] = []) => {
  const child: ChildProcess = spawn(process.execPath, [loopScript, dataDir, ...extra], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: { text: string; at: number }[] = [];
  let stderr = '';
  let pending = '';
  const waiters: { match: (line: string) => boolean; resolve: (line: string) => void }[] = [];
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    let end: number;
    while ((end = pending.indexOf('\n')) >= 0) {
      const text = pending.slice(0, end);
      pending = pending.slice(end + 1);
      lines.push({ text, at: Date.now() });
      for (const waiter of waiters.filter((w) => w.match(text))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(text);
      }
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  const startedAt = Date.now();
  return {
    child,
    lines,
    startedAt,
    exited,
    stderr: () => stderr,
    /** Resolves with the first line (already printed or still to come) that starts with `prefix`. */
    waitFor: (prefix: string, timeoutMs = 30_000): Promise<string> => {
      const seen = lines.find((l) => l.text.startsWith(prefix));
      if (seen) return Promise.resolve(seen.text);
      return new Promise<string>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no "${prefix}" line within ${timeoutMs} ms; stderr:\n${stderr}`)),
          timeoutMs,
        );
        waiters.push({
          match: (line) => line.startsWith(prefix),
          resolve: (line) => (clearTimeout(timer), resolve(line)),
        });
        void exited.then(({ code, signal }) =>
          reject(new Error(`the loop exited (${code ?? signal}) before "${prefix}"; stderr:\n${stderr}`)),
        );
      });
    },
  };
};

interface FeedState {
  version: number;
  manifestSha256: string;
  auditHead: string;
  files: number;
  temporaryFiles: number;
}

/**
 * Object files already checked (size, hash, compressed twins), with what an index among them
 * lists: their names are their hashes and nothing rewrites them, so after each kill only the
 * objects a new version added are read again.
 */
const verifiedObjects = new Map<string, { bytes: number; lists: [string, { sha256: string; bytes: number }][] }>();
/** Object files no manifest named yet (a version still being written), already hashed. */
const hashedUnlisted = new Set<string>();

/** What is wrong with one object file the manifest tree names: its size, its hash, its compressed twins. */
const checkObject = (path: string, file: string, hash: string, size: number): string[] => {
  const problems: string[] = [];
  const content = readFileSync(file);
  if (content.length !== size) problems.push(`${path}: ${content.length} bytes, the manifest says ${size}`);
  if (sha256(content) !== hash) problems.push(`${path}: its bytes do not hash to ${hash}`);
  // The compressed twins (what gzip_static and the service send) are written before the file itself.
  for (const [suffix, decompress] of [
    ['.gz', gunzipSync],
    ['.br', brotliDecompressSync],
  ] as const) {
    try {
      if (!decompress(readFileSync(`${file}${suffix}`)).equals(content))
        problems.push(`${path}: ${suffix} twin differs`);
    } catch (error) {
      problems.push(`${path}: ${suffix} twin unreadable: ${String(error)}`);
    }
  }
  return problems;
};

/** The entries an index file lists, or undefined when it is not an index. */
const indexEntries = (content: Buffer) => {
  const index: unknown = JSON.parse(content.toString('utf8'));
  return isFeedIndex(index) ? Object.entries(index.files) : undefined;
};

/**
 * Everything a box or a static server could read from the feed directory right now.
 * Problems are collected and asserted once per look: thousands of separate expect()
 * calls per kill would each be reported as a step and slow the run to a crawl.
 */
const checkFeed = (
  feedDir: string,
  publicKey: ReturnType<typeof loadOrCreateSigningKey>['publicKey'],
  lastSeen: number,
  context: string,
): FeedState => {
  const problems: string[] = [];
  const bytes = readFileSync(join(feedDir, MANIFEST_FILE));
  let manifest: Manifest;
  try {
    manifest = JSON.parse(bytes.toString('utf8')) as Manifest;
  } catch (error) {
    throw new Error(`${context}: manifest.json does not parse (${bytes.length} bytes): ${String(error)}`);
  }
  if (!isManifest(manifest)) problems.push('manifest.json does not match the schema');
  if (!verifyManifest(manifest as unknown as Record<string, unknown>, publicKey))
    problems.push("the manifest's signature does not verify");
  if (!(manifest.version >= lastSeen))
    problems.push(`the manifest is version ${manifest.version}, older than version ${lastSeen} seen before`);
  // Down the tree: the root's entries, then every index's, each index read once it checked out.
  const entries = Object.entries(manifest.files ?? {});
  let named = 0;
  for (const [path, { sha256: hash, bytes: size }] of entries) {
    named++;
    const file = join(feedDir, objectPath(hash));
    if (!existsSync(file)) {
      problems.push(`${path}: ${objectPath(hash)} is missing`);
      continue;
    }
    const name = `${hash}.json`;
    let verified = verifiedObjects.get(name);
    if (!verified) {
      const fileProblems = checkObject(path, file, hash, size);
      problems.push(...fileProblems);
      if (fileProblems.length > 0) continue;
      const lists = path.endsWith('/index.json') ? indexEntries(readFileSync(file)) : [];
      if (!lists) {
        problems.push(`${path}: not an index`);
        continue;
      }
      verified = { bytes: size, lists };
      verifiedObjects.set(name, verified);
    } else if (verified.bytes !== size) problems.push(`${path}: ${verified.bytes} bytes, the manifest says ${size}`);
    entries.push(...verified.lists);
  }
  // Every object-named file is complete, named or not; anything half-written is a dot-file ending in .tmp.
  let temporaryFiles = 0;
  for (const name of readdirSync(join(feedDir, OBJECTS_DIR))) {
    if (TEMPORARY.test(name)) {
      temporaryFiles++;
    } else if (!OBJECT_NAME.test(name)) {
      problems.push(`objects/${name} is neither a hash-named file nor a .*.tmp`);
    } else if (name.endsWith('.json') && !verifiedObjects.has(name) && !hashedUnlisted.has(name)) {
      if (sha256(readFileSync(join(feedDir, OBJECTS_DIR, name))) !== name.slice(0, 64))
        problems.push(`objects/${name} does not hold the bytes its name says`);
      hashedUnlisted.add(name);
    }
  }
  for (const name of readdirSync(feedDir)) {
    if (TEMPORARY.test(name)) temporaryFiles++;
    else if (![MANIFEST_FILE, OBJECTS_DIR, 'media'].includes(name))
      problems.push(`unexpected ${name} in the feed root`);
  }
  expect(problems, `${context}: the feed directory`).toEqual([]);
  return {
    version: manifest.version,
    manifestSha256: sha256(bytes),
    auditHead: manifest.auditHead,
    files: named,
    temporaryFiles,
  };
};

/** The audit entry a manifest's auditHead names: the publish that made it. */
const auditEntry = (db: Database.Database, hash: string) =>
  db.prepare('SELECT action, target FROM audit_log WHERE hash = ?').get(hash) as
    { action: string; target: string } | undefined;

type Phase =
  | 'startup'
  | 'startup, an interrupted publish still pending'
  | 'between publishes'
  | 'inside publish, nothing committed yet'
  | 'mid-publish, before the manifest swap'
  | 'mid-publish, after the manifest swap';

test('a publish killed at random moments (at least 50 times) always leaves a complete old or new version', async ({}, testInfo) => {
  // The test counts kills, not seconds; the limit only catches a hang, with room for a busy machine.
  test.setTimeout(600_000);
  const dataDir = seededDataDir();
  const feedDir = join(dataDir, 'feed');
  loopScript = bundleScript(LOOP, testInfo.outputPath('publishLoop.mjs'));
  const began = Date.now();

  // The sample published as version 1 (the first start seeds it, unless the run's seeded copy did).
  const seed = startLoop(dataDir, ['--max', '0']);
  expect(await seed.waitFor('ready', 60_000)).toBe('ready 1');
  expect((await seed.exited).code).toBe(0);
  const key = loadOrCreateSigningKey(join(dataDir, 'signing-key.pem'));
  const seeded = checkFeed(feedDir, key.publicKey, 1, 'after seeding');
  const fileCount = seeded.files;

  let lastSeen = 1;
  let startupMs = 600;
  let cycleMs = 400;
  const phases = new Map<Phase, number>();
  const log: string[] = [];

  for (let kill = 1; kill <= KILLS; kill++) {
    const loop = startLoop(dataDir);
    // Kills spread over a process's life: while it starts (module loading, opening the
    // database, finishing what the previous kill interrupted); the moment the manifest is
    // swapped; and anywhere in the push-approve-publish cycle after it is ready or after
    // its first publish.
    const mode = (['startup', 'swap', 'ready', 'published', 'ready', 'published'] as const)[kill % 6]!;
    let delay = 0;
    if (mode === 'startup') {
      delay = Math.random() * startupMs;
      await new Promise((r) => setTimeout(r, delay));
    } else if (mode === 'swap') {
      await loop.waitFor('ready');
      // inotify tells us the instant manifest.json is renamed into place; kill at once.
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => (watcher.close(), reject(new Error(`no manifest swap within 30 s; stderr:\n${loop.stderr()}`))),
          30_000,
        );
        const watcher = watch(feedDir, (_event, name) => {
          if (name !== MANIFEST_FILE) return;
          watcher.close();
          clearTimeout(timer);
          resolve();
        });
        void loop.exited.then(
          () => (
            watcher.close(),
            clearTimeout(timer),
            reject(new Error(`the loop exited before a manifest swap; stderr:\n${loop.stderr()}`))
          ),
        );
      });
    } else {
      await loop.waitFor(mode);
      delay = Math.random() * (cycleMs + 50);
      await new Promise((r) => setTimeout(r, delay));
    }
    const killAt = Date.now();
    loop.child.kill('SIGKILL');
    const { code, signal } = await loop.exited;
    expect(
      signal,
      `kill ${kill}: the loop died of our SIGKILL, not by itself (code ${code}); stderr:\n${loop.stderr()}`,
    ).toBe('SIGKILL');

    const ready = loop.lines.find((l) => l.text.startsWith('ready'));
    const publishedLines = loop.lines.filter((l) => l.text.startsWith('published'));
    const published = publishedLines.map((l) => Number(l.text.split(' ')[1]));
    // Running estimates of how long a start and a push-approve-publish cycle take here.
    if (ready) startupMs = (startupMs + (ready.at - loop.startedAt)) / 2;
    if (ready && publishedLines[0]) cycleMs = (cycleMs + (publishedLines[0].at - ready.at)) / 2;

    // Before any recovery: the files exactly as the kill left them.
    const context = `kill ${kill} (${mode}, ${Math.round(delay)} ms)`;
    const state = checkFeed(feedDir, key.publicKey, Math.max(lastSeen, ...published), context);
    expect(state.files, `${context}: the manifest names every file of the district`).toBe(fileCount);

    // What the database says about the same moment.
    const db = new Database(join(dataDir, 'sanwu.db'));
    const pending = db
      .prepare(`SELECT version FROM versions WHERE status = 'pending' ORDER BY version`)
      .pluck()
      .all() as number[];
    const complete = db
      .prepare(`SELECT version, manifest_sha256 FROM versions WHERE status = 'complete' ORDER BY version DESC LIMIT 1`)
      .get() as { version: number; manifest_sha256: string };
    const headEntry = auditEntry(db, state.auditHead);
    db.close();
    expect(pending.length, `${context}: at most one version is pending`).toBeLessThanOrEqual(1);
    expect(headEntry, `${context}: the manifest's auditHead is the committed audit entry of its own publish`).toEqual({
      action: state.version === 1 ? 'seed' : 'publish',
      target: `version ${state.version}`,
    });
    let phase: Phase;
    if (pending.length === 1) {
      const [version] = pending as [number];
      expect(version, `${context}: the pending version follows the last complete one`).toBe(complete.version + 1);
      expect(
        [version - 1, version],
        `${context}: the manifest is the last complete version or the pending one`,
      ).toContain(state.version);
      phase = !ready
        ? 'startup, an interrupted publish still pending'
        : state.version === version
          ? 'mid-publish, after the manifest swap'
          : 'mid-publish, before the manifest swap';
    } else {
      expect(state.version, `${context}: with nothing pending the manifest is the last complete version`).toBe(
        complete.version,
      );
      expect(state.manifestSha256, `${context}: and exactly the manifest the database recorded`).toBe(
        complete.manifest_sha256,
      );
      const inside = loop.lines.filter((l) => l.text === 'publishing').length > publishedLines.length;
      phase = !ready ? 'startup' : inside ? 'inside publish, nothing committed yet' : 'between publishes';
    }
    phases.set(phase, (phases.get(phase) ?? 0) + 1);
    log.push(
      `${String(kill).padStart(2)} ${((Date.now() - began) / 1000).toFixed(1).padStart(5)} s  ${mode.padEnd(7)} +${String(Math.round(delay)).padStart(4)} ms  manifest v${state.version}  pending ${pending.join(',') || '-'}  tmp ${state.temporaryFiles}  ${phase}  (ready at ${ready ? `${ready.at - loop.startedAt} ms` : '-'}, killed at ${killAt - loop.startedAt} ms)`,
    );
    lastSeen = state.version;
    if (process.env.SANWU_CRASH_VERBOSE) console.log(log.at(-1));
  }

  // One more start: it finishes whatever the last kill interrupted.
  const db = new Database(join(dataDir, 'sanwu.db'));
  const pendingBefore = db.prepare(`SELECT count(*) FROM versions WHERE status = 'pending'`).pluck().get() as number;
  db.close();
  const service = openService({ dataDir });
  try {
    const state = checkFeed(feedDir, key.publicKey, lastSeen, 'after recovery');
    const versions = service.db
      .prepare('SELECT version, status, manifest_sha256 FROM versions ORDER BY version')
      .all() as { version: number; status: string; manifest_sha256: string | null }[];
    expect(
      versions.filter((v) => v.status !== 'complete'),
      'after recovery no version is pending',
    ).toEqual([]);
    expect(
      versions.map((v) => v.version),
      'versions are numbered without gaps',
    ).toEqual(versions.map((_, i) => i + 1));
    const latest = versions.at(-1)!;
    expect(service.publisher.currentVersion).toBe(latest.version);
    expect(state.version, "the manifest is the database's latest version").toBe(latest.version);
    expect(state.manifestSha256, 'byte for byte the manifest the database recorded').toBe(latest.manifest_sha256);
    const chain = verifyAuditChain(service.db);
    expect(chain, 'the audit chain verifies').toMatchObject({ ok: true });
    expect(
      auditEntry(service.db, state.auditHead),
      "the manifest's auditHead is the audit entry of its publish",
    ).toEqual({ action: 'publish', target: `version ${state.version}` });

    const count = (phase: Phase) => phases.get(phase) ?? 0;
    const midPublish = count('mid-publish, before the manifest swap') + count('mid-publish, after the manifest swap');
    const pendingAfterKill = midPublish + count('startup, an interrupted publish still pending');
    const summary = [
      `${KILLS} kills in ${((Date.now() - began) / 1000).toFixed(1)} s; versions 1 → ${latest.version}; startup ≈ ${Math.round(startupMs)} ms, publish cycle ≈ ${Math.round(cycleMs)} ms`,
      `kills after which the database held a pending version: ${pendingAfterKill}; of them mid-publish in a running loop: ${midPublish} (${count('mid-publish, after the manifest swap')} after the manifest swap)`,
      ...[...phases].map(([phase, count]) => `  ${phase}: ${count}`),
      `pending before the final recovery: ${pendingBefore}; leftover .tmp files: ${state.temporaryFiles}`,
    ];
    console.log(summary.join('\n'));
    testInfo.annotations.push({ type: 'kills', description: summary.join('; ') });
    await testInfo.attach('kills.txt', { body: [...summary, '', ...log].join('\n'), contentType: 'text/plain' });
    // Kills must have exercised the dangerous part, not only the quiet moments.
    expect(midPublish, 'some kills landed mid-publish').toBeGreaterThan(0);
  } finally {
    service.db.close();
  }
  rmSync(dataDir, { recursive: true, force: true });
});

test('the half-written files a killed publish leaves are cleared at the next start, and nothing else', async () => {
  const first = await startService();
  await first.stop();
  const feedDir = join(first.dataDir, 'feed');
  const before = readdirSync(join(feedDir, OBJECTS_DIR)).length;
  const anObject = readdirSync(join(feedDir, OBJECTS_DIR)).find((n) => n.endsWith('.json'))!;
  // What a kill mid-write leaves: a dot-file ending in .tmp beside the object or the manifest.
  const orphans = [
    join(feedDir, OBJECTS_DIR, `.${anObject}.br.0123456789ab.tmp`),
    join(feedDir, `.${MANIFEST_FILE}.ba9876543210.tmp`),
  ];
  const twoMinutesAgo = new Date(Date.now() - 120_000);
  for (const path of orphans) {
    writeFileSync(path, 'half');
    utimesSync(path, twoMinutesAgo, twoMinutesAgo);
  }
  // One still being written by a live writer (moments old) is left alone.
  const live = join(feedDir, OBJECTS_DIR, `.${anObject}.gz.fedcba987654.tmp`);
  writeFileSync(live, 'still writing');
  const second = await startService(first.dataDir);
  try {
    for (const path of orphans) expect(existsSync(path), `${path} is removed`).toBe(false);
    expect(existsSync(live), 'a fresh temporary file stays').toBe(true);
    expect(readdirSync(join(feedDir, OBJECTS_DIR)).length).toBe(before + 1);
  } finally {
    await second.stop();
    rmSync(first.dataDir, { recursive: true, force: true });
  }
});
