/**
 * The benchmark's `votes` part: signed submissions from bound boxes, on the real service in its
 * own process. A poll opens in every village of the committed sample to BOXES bound households
 * (made directly in the database: keys, boxes, households and bindings, not BOXES HTTP binds);
 * 30 % of them vote through POST /box/polls/vote, each request signed with its box's own
 * Ed25519 key (signed before the clock starts, so the client's signing does not count); then a
 * burst of help requests. Afterwards the database is counted: one stored vote per voter, each
 * with the voter's last choice, and replays and resent help requests refused or recognised.
 */
import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../server/db/database';
import { boxIdOf } from '../src/household/boxKeys';
import { BOX_HEADERS, signedText } from '../src/household/signedRequest';

export interface VotesOptions {
  work: string;
  port: number;
  /** Bound boxes; 30 % of them vote. */
  boxes: number;
  /** Requests in flight at once (boxes answering at the same moment). */
  concurrency: number;
  helpBurst: number;
}

interface Box {
  id: string;
  key: KeyObject;
  /** The public key as the service stores it (base64). */
  signKey: string;
  household: string;
  village: string;
}

interface Prepared {
  method?: 'GET';
  path: string;
  body: string;
  headers: Record<string, string>;
}

interface Sent {
  status: number;
  ms: number;
}

const quantile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? NaN;

/** The raw 32-byte public key of a node Ed25519 key (the tail of its SPKI DER). */
const rawPublicKey = (key: KeyObject): Buffer => key.export({ format: 'der', type: 'spki' }).subarray(-32);

/** A box's signed request, as the box signs it (src/household/signedRequest.ts), with node's Ed25519. */
const signed = (box: Box, path: string, body: unknown, time: number, nonce?: string): Prepared => {
  const text = JSON.stringify(body);
  const once = nonce ?? randomBytes(16).toString('base64').replace(/=+$/, '');
  const signature = sign(
    null,
    Buffer.from(signedText({ method: 'POST', path, time, nonce: once, body: text })),
    box.key,
  ).toString('base64');
  return {
    path,
    body: text,
    headers: {
      [BOX_HEADERS.box]: box.id,
      [BOX_HEADERS.time]: String(time),
      [BOX_HEADERS.nonce]: once,
      [BOX_HEADERS.signature]: signature,
    },
  };
};

/** CPU time (user + system, all threads) a process has used so far, in ms; Linux only, else NaN. */
const cpuMsOf = (pid: number | undefined): number => {
  try {
    // The fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
};
/** Linux's USER_HZ, the unit of /proc/PID/stat times. */
const CLOCK_TICKS = 100;

/**
 * Sends every request, `concurrency` at a time over kept-alive connections. Beside the wall-clock
 * rate it counts the service's CPU time per request: on a machine shared with other work, the
 * wall clock says how much of the CPU the service got, the CPU time what each request costs.
 */
const sendAll = async (port: number, requests: Prepared[], concurrency: number, serverPid?: number) => {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const answers: Sent[] = new Array<Sent>(requests.length);
  let next = 0;
  const one = (r: Prepared): Promise<Sent> =>
    new Promise((resolve, reject) => {
      const t0 = performance.now();
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: r.method ?? 'POST',
          path: r.path,
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(r.body), ...r.headers },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0 }));
        },
      );
      req.on('error', reject);
      req.end(r.body);
    });
  const t0 = performance.now();
  const cpu0 = cpuMsOf(serverPid);
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < requests.length; i = next++) answers[i] = await one(requests[i]!);
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const serverCpuMs = (cpuMsOf(serverPid) - cpu0) / requests.length;
  agent.destroy();
  const ms = answers.map((a) => a.ms);
  const byStatus: Record<number, number> = {};
  for (const a of answers) byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
  return {
    answers,
    perSecond: requests.length / seconds,
    p50: quantile(ms, 0.5),
    p99: quantile(ms, 0.99),
    max: Math.max(...ms),
    seconds,
    byStatus,
    serverCpuMs,
  };
};

export const benchVotes = async (options: VotesOptions) => {
  const { work, port, boxes: boxCount, concurrency, helpBurst } = options;
  const dataDir = join(work, 'votes-data');
  mkdirSync(dataDir, { recursive: true });
  const appDir = join(work, 'votes-app');
  mkdirSync(appDir, { recursive: true });
  // Its first start seeds and publishes the committed sample district (villages, operators).
  const server = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/main.ts', '--port', String(port), '--host', '127.0.0.1', '--data-dir', dataDir],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const stop = () => server.kill('SIGTERM');
  process.on('exit', stop);
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
      } catch {
        if (i > 600) throw new Error('service did not start');
      }
      await new Promise((r) => setTimeout(r, 200));
    }

    // ---- BOXES bound boxes, straight into the database (as many binds would leave it) ----
    const db = openDatabase(join(dataDir, 'sanwu.db'), { busyTimeoutMs: 30_000 });
    const villages = db
      .prepare("SELECT code FROM regions WHERE level = 'village' ORDER BY code")
      .pluck()
      .all() as string[];
    const operator = db.prepare('SELECT id FROM operators ORDER BY id LIMIT 1').pluck().get() as number;
    const t0 = performance.now();
    const boxes: Box[] = [];
    for (let i = 0; i < boxCount; i++) {
      const { publicKey, privateKey } = generateKeyPairSync('ed25519');
      const village = villages[i % villages.length]!;
      const raw = rawPublicKey(publicKey);
      boxes.push({
        id: boxIdOf(raw),
        key: privateKey,
        signKey: raw.toString('base64'),
        household: `${village}-bench${String(i).padStart(6, '0')}`,
        village,
      });
    }
    const now = Date.now();
    const polls = new Map<string, number>();
    db.transaction(() => {
      const household = db.prepare('INSERT INTO households (id, village, head) VALUES (?, ?, ?)');
      const box = db.prepare(
        "INSERT INTO boxes (id, sign_key, seal_key, registered_at) VALUES (?, ?, ?, '2026-12-01T09:00:00+08:00')",
      );
      const binding = db.prepare(
        `INSERT INTO bindings (box_id, household, bound_at, bound_by, sealed_until)
         VALUES (?, ?, '2026-12-01T09:00:00+08:00', ?, ?)`,
      );
      const sealKey = randomBytes(32).toString('base64');
      for (const b of boxes) {
        household.run(b.household, b.village, '测试户');
        box.run(b.id, b.signKey, sealKey);
        binding.run(b.id, b.household, operator, now + 365 * 86_400_000);
      }
      for (const village of villages)
        polls.set(
          village,
          db
            .prepare(
              `INSERT INTO polls (village, question, options, opens_ms, closes_ms, created_by, created_at)
               VALUES (?, '村里明年先修哪条路？', '["东村路","西村路","南村路"]', ?, ?, ?, '2026-12-01T09:00:00+08:00')`,
            )
            .run(village, now - 60_000, now + 3_600_000, operator).lastInsertRowid as number,
        );
    })();
    const setupMs = performance.now() - t0;
    // Its first start publishes the sample in the background: timing starts once the service is idle.
    for (let tries = 0; tries < 240; tries++) {
      const before = cpuMsOf(server.pid);
      await new Promise((r) => setTimeout(r, 500));
      if (!(cpuMsOf(server.pid) - before > 25)) break;
    }

    // ---- 30 % vote, signed beforehand; then a tenth of them change their vote ----
    const voters = boxes.filter((_, i) => i % 10 < 3);
    const lastChoice = new Map<string, number>();
    const time = Date.now();
    const votes = voters.map((b, i) => {
      const choice = i % 3;
      lastChoice.set(b.household, choice);
      return signed(b, '/box/polls/vote', { poll: polls.get(b.village), choice }, time);
    });
    const changers = voters.filter((_, i) => i % 10 === 0);
    const changes = changers.map((b) => {
      const choice = (lastChoice.get(b.household)! + 1) % 3;
      lastChoice.set(b.household, choice);
      return signed(b, '/box/polls/vote', { poll: polls.get(b.village), choice }, time);
    });
    // Replays: the very bytes of accepted requests, sent again (a copied request off the wire).
    const replays = votes.filter((_, i) => i % 20 === 0);

    // Warm-up, not counted: boxes that do not vote read their polls (the service's code paths get compiled).
    const warmUp = boxes.filter((_, i) => i % 10 === 9).slice(0, 500);
    await sendAll(
      port,
      warmUp.map((b) => signed(b, '/box/polls', {}, time)),
      concurrency,
    );
    // The yardstick: the service's cheapest answer, on this machine as loaded as it is now.
    const health = await sendAll(
      port,
      Array.from({ length: 2000 }, () => ({ method: 'GET' as const, path: '/healthz', body: '', headers: {} })),
      concurrency,
      server.pid,
    );
    const voted = await sendAll(port, votes, concurrency, server.pid);
    const changed = await sendAll(port, changes, concurrency, server.pid);
    const replayed = await sendAll(port, replays, concurrency, server.pid);

    // ---- a burst of help requests: one each from helpBurst households, then each sent again ----
    const helpers = boxes.filter((_, i) => i % 10 === 5).slice(0, helpBurst);
    const helpTime = Date.now();
    const keys = helpers.map(() => randomBytes(16).toString('base64url'));
    const help = helpers.map((b, i) => signed(b, '/box/help', { kind: 'medical', key: keys[i] }, helpTime));
    // A box that lost the answer sends the same request again: a new one-time id, the same key.
    const resent = helpers.map((b, i) => signed(b, '/box/help', { kind: 'medical', key: keys[i] }, helpTime));
    const helped = await sendAll(port, help, concurrency, server.pid);
    const helpedAgain = await sendAll(port, resent, concurrency, server.pid);

    // ---- count ----
    const pollIds = [...polls.values()];
    const marks = pollIds.map(() => '?').join(',');
    const stored = db
      .prepare(`SELECT count(*) FROM poll_votes WHERE poll_id IN (${marks})`)
      .pluck()
      .get(...pollIds);
    const storedVoters = db
      .prepare(`SELECT count(DISTINCT household) FROM poll_votes WHERE poll_id IN (${marks})`)
      .pluck()
      .get(...pollIds);
    const tally = (
      db.prepare(`SELECT household, choice FROM poll_votes WHERE poll_id IN (${marks})`).all(...pollIds) as {
        household: string;
        choice: number;
      }[]
    ).filter((v) => lastChoice.get(v.household) === v.choice).length;
    const helpStored = db
      .prepare(`SELECT count(*) FROM help_requests WHERE household LIKE '%-bench%'`)
      .pluck()
      .get() as number;
    db.close();
    return {
      boxes: boxCount,
      villages: villages.length,
      setupMs,
      concurrency,
      health: summary(health),
      votes: summary(voted),
      changes: summary(changed),
      replays: summary(replayed),
      help: summary(helped),
      helpResent: summary(helpedAgain),
      counted: {
        voters: voters.length,
        stored: stored as number,
        storedVoters: storedVoters as number,
        lastChoiceKept: tally,
        helpSent: helpers.length,
        helpStored,
      },
    };
  } finally {
    stop();
  }
};

const summary = ({
  perSecond,
  p50,
  p99,
  max,
  seconds,
  byStatus,
  serverCpuMs,
}: Awaited<ReturnType<typeof sendAll>>) => ({
  perSecond,
  serverCpuMs,
  p50,
  p99,
  max,
  seconds,
  byStatus,
});
