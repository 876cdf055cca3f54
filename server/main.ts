/**
 * Starts the service: `tsx server/main.ts [--port 8080] [--host 0.0.0.0]`.
 * Serves the built app from dist/ and the sample feed from static/feed/.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildServer } from './app';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '8080' },
    host: { type: 'string', default: process.env.HOST ?? '0.0.0.0' },
    'app-dir': { type: 'string', default: 'dist' },
    'feed-dir': { type: 'string', default: 'static/feed' },
  },
});

if (!existsSync(values['app-dir'])) {
  console.error(`${values['app-dir']}/ is missing: run "npm run build" first (npm start does).`);
  process.exit(1);
}

const server = await buildServer({ appDir: values['app-dir'], feedDir: values['feed-dir'] });
await server.listen({ port: Number(values.port), host: values.host });
const shown = values.host === '0.0.0.0' ? '127.0.0.1' : values.host;
console.log(`Sanwu TV is running. Open http://${shown}:${values.port}/ in Chromium (1920×1080 or 1280×720).`);
