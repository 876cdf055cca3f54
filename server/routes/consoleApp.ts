/**
 * The operators' console at /console/: its page, script and styles, built into dist/console by
 * rollup (a bundle of its own, apart from the TV app's). Its Content-Security-Policy is stricter
 * than the TV app's: no inline script, no eval, nothing from elsewhere.
 */
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const consoleApp = (appDir: string) => async (app: FastifyInstance) => {
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('Content-Security-Policy', CONSOLE_CSP);
  });
  await app.register(fastifyStatic, {
    root: resolve(join(appDir, 'console')),
    prefix: '/',
    decorateReply: false,
    preCompressed: true,
    // Small files, revalidated: a new build reaches every operator at once.
    setHeaders: (res) => res.header('Cache-Control', 'no-cache'),
  });
};
