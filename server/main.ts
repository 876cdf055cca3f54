/**
 * Starts Sanwu TV's service in one process: `tsx server/main.ts [--port 8080]
 * [--host 0.0.0.0] [--data-dir data]`. On the first start it creates the database in
 * the data directory and publishes the committed sample district.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildServer } from './app';
import { startScheduler } from './scheduler';
import { StartRefused } from './publish/signing';
import { openService } from './service';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '8080' },
    host: { type: 'string', default: process.env.HOST ?? '0.0.0.0' },
    'data-dir': { type: 'string', default: process.env.SANWU_DATA_DIR ?? 'data' },
    'app-dir': { type: 'string', default: 'dist' },
    'poll-seconds': { type: 'string', default: process.env.SANWU_POLL_SECONDS ?? '60' },
    'speech-url': { type: 'string', default: process.env.SANWU_SPEECH_URL ?? '' },
    'speech-voice': { type: 'string', default: process.env.SANWU_SPEECH_VOICE ?? 'zh-CN' },
    'max-voucher-yuan': { type: 'string', default: process.env.SANWU_MAX_VOUCHER_YUAN ?? '10000000' },
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

const start = () => {
  try {
    return openService({ dataDir: values['data-dir'], maxVoucherFen: maxVoucherYuan * 100, ...(values['speech-url'] ? { speechUrl: values['speech-url'], speechVoice: values['speech-voice'] } : {}) });
  } catch (error) {
    if (!(error instanceof StartRefused)) throw error;
    console.error(error.message);
    process.exit(1);
  }
};
const service = start();
const server = await buildServer(service, { appDir: values['app-dir'], pollSeconds: Number(values['poll-seconds']) });
startScheduler(service);
await server.listen({ port: Number(values.port), host: values.host });
const shown = values.host === '0.0.0.0' ? '127.0.0.1' : values.host;
console.log(`Sanwu TV is running (feed version ${service.publisher.currentVersion}, data in ${service.dataDir}).`);
if (service.seededTokenFile) console.log(`Sample operators and their tokens: ${service.seededTokenFile}`);
console.log(`Open http://${shown}:${values.port}/ in Chromium (1920×1080 or 1280×720).`);
