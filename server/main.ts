/**
 * Starts Sanwu TV's service in one process: `node dist-service/main.mjs [--port 8080]
 * [--host 0.0.0.0] [--data-dir data] [--api-host 127.0.0.1 --api-port 8081]` as built by
 * `npm run build` (`npm start` does both), or `tsx server/main.ts …` from source (every option:
 * README). On the first start it creates the database in the data directory and publishes the
 * committed sample district. With --api-host or --api-port the operator API listens apart from
 * the public feed.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildServer } from './app';
import { DEFAULT_HTTP_LIMITS } from './httpLimits';
import { startScheduler } from './scheduler';
import { startWaitingNotices } from './notify/waitingNotices';
import { openService, recoverInBackground, type Service } from './service';
import { reportStartupProblem, StartRefused } from './startupError';
import { lockDataDir } from './dataDirLock';
import { parseTrustProxy, type TrustedProxies } from './trustProxy';
import { dataDirReadOnly } from './dataDirHealth';
import { readSampleSignIns } from './seed/seedSample';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '8080' },
    host: { type: 'string', default: process.env.HOST ?? '0.0.0.0' },
    'api-host': { type: 'string', default: process.env.SANWU_API_HOST ?? '' },
    'api-port': { type: 'string', default: process.env.SANWU_API_PORT ?? '' },
    'data-dir': { type: 'string', default: process.env.SANWU_DATA_DIR ?? 'data' },
    'app-dir': { type: 'string', default: 'dist' },
    'poll-seconds': { type: 'string', default: process.env.SANWU_POLL_SECONDS ?? '60' },
    'speech-url': { type: 'string', default: process.env.SANWU_SPEECH_URL ?? '' },
    'speech-voice': { type: 'string', default: process.env.SANWU_SPEECH_VOICE ?? 'zh-CN' },
    notify: { type: 'string', default: process.env.SANWU_NOTIFY ?? '' },
    'max-voucher-yuan': { type: 'string', default: process.env.SANWU_MAX_VOUCHER_YUAN ?? '10000000' },
    'request-timeout': {
      type: 'string',
      default: process.env.SANWU_REQUEST_TIMEOUT ?? String(DEFAULT_HTTP_LIMITS.requestTimeoutSeconds),
    },
    'max-connections-per-address': {
      type: 'string',
      default: process.env.SANWU_MAX_CONNECTIONS_PER_ADDRESS ?? String(DEFAULT_HTTP_LIMITS.maxConnectionsPerAddress),
    },
    'trust-proxy': { type: 'string', default: process.env.SANWU_TRUST_PROXY ?? '' },
  },
});

if (!existsSync(values['app-dir'])) {
  console.error(`${values['app-dir']}/ is missing: run "npm run build" first (npm start does).`);
  process.exit(1);
}

const maxVoucherYuan = Number(values['max-voucher-yuan']);
if (!Number.isSafeInteger(maxVoucherYuan * 100) || maxVoucherYuan < 1) {
  console.error(`--max-voucher-yuan must be a whole number of yuan, at least 1 (not "${values['max-voucher-yuan']}").`);
  process.exit(1);
}

let trustProxy: TrustedProxies | undefined;
try {
  trustProxy = parseTrustProxy(values['trust-proxy']);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const readOnly = dataDirReadOnly(values['data-dir']);
let service: Service;
try {
  // Read-only, nothing can be written: no lock to take, and none needed (no service could publish).
  if (readOnly) {
    console.warn(
      `数据目录 ${values['data-dir']} 只读：继续向机顶盒提供最后发布的内容，但不能保存或发布（/healthz 报告此问题）。`,
    );
    console.warn(
      `The data directory ${values['data-dir']} is read-only: boxes are served the last published version, but nothing can be saved or published (/healthz says so).`,
    );
  } else {
    const lock = lockDataDir(values['data-dir']);
    if (!lock.ok) {
      console.error(
        `另一个 Sanwu TV 服务（进程 ${lock.heldBy}）正在使用数据目录 ${values['data-dir']}，本服务不启动。`,
      );
      console.error(
        `Another Sanwu TV service (process ${lock.heldBy}) is using the data directory ${values['data-dir']}; this one does not start.`,
      );
      process.exit(1);
    }
    process.on('exit', lock.release);
  }
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => process.exit(0));
  service = openService({
    dataDir: values['data-dir'],
    deferRecovery: true,
    readOnly,
    maxVoucherFen: maxVoucherYuan * 100,
    notify: values.notify,
    ...(values['speech-url'] ? { speechUrl: values['speech-url'], speechVoice: values['speech-voice'] } : {}),
  });
} catch (error) {
  // A refusal (a signing key others can read) already says why in both languages.
  if (error instanceof StartRefused) console.error(error.message);
  else reportStartupProblem(error);
  process.exit(1);
}
const serverOptions = {
  appDir: values['app-dir'],
  pollSeconds: Number(values['poll-seconds']),
  limits: {
    requestTimeoutSeconds: Number(values['request-timeout']),
    maxConnectionsPerAddress: Number(values['max-connections-per-address']),
  },
  ...(trustProxy === undefined ? {} : { trustProxy }),
};
// The operator API apart: on an internal address (127.0.0.1 unless given), the next port unless given.
const apiApart =
  values['api-host'] || values['api-port']
    ? { host: values['api-host'] || '127.0.0.1', port: Number(values['api-port'] || Number(values.port) + 1) }
    : null;
const server = await buildServer(service, { ...serverOptions, serves: apiApart ? 'public' : 'all' });
// Boxes are answered at once with the last complete version while a crash's leftovers are finished.
await server.listen({ port: Number(values.port), host: values.host });
if (apiApart) await (await buildServer(service, { ...serverOptions, serves: 'api' })).listen(apiApart);
if (!readOnly) {
  try {
    await recoverInBackground(service);
  } catch (error) {
    reportStartupProblem(error);
    // With a complete version, boxes keep being served it; the next start tries again.
    if (!service.publisher.currentVersion) process.exit(1);
  }
  startScheduler(service);
  startWaitingNotices(service);
}
const shown = values.host === '0.0.0.0' ? '127.0.0.1' : values.host;
console.log(`Sanwu TV is running (feed version ${service.publisher.currentVersion}, data in ${service.dataDir}).`);
if (service.seededTokenFile) console.log(`Sample operators and their tokens: ${service.seededTokenFile}`);
console.log(`Open http://${shown}:${values.port}/ in Chromium (1920×1080 or 1280×720).`);
if (apiApart) console.log(`Operator API: http://${apiApart.host}:${apiApart.port}/api/ (not on port ${values.port}).`);
const consoleUrl = apiApart
  ? `http://${apiApart.host}:${apiApart.port}/console/`
  : `http://${shown}:${values.port}/console/`;
console.log(`Operators' console (操作员管理页面): ${consoleUrl}`);
// Shown once, on the first start: the sample operators' sign-ins (also in the token file).
if (service.seededTokenFile)
  for (const s of readSampleSignIns(service.seededTokenFile))
    console.log(`  ${s.name} (${s.role}): sign in as ${s.username}, password ${s.password}`);
