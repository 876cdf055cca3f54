/**
 * The HTTP service: the built TV app at /, the feed at /feed/, compressed, with
 * validators so boxes revalidate cheaply.
 */
import { resolve } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifyCompress from '@fastify/compress';

export interface ServerOptions {
  appDir: string;
  feedDir: string;
  logger?: boolean;
}

export const buildServer = async (options: ServerOptions): Promise<FastifyInstance> => {
  const app = Fastify({ logger: options.logger ?? false });
  await app.register(fastifyCompress, { encodings: ['br', 'gzip'] });
  await app.register(fastifyStatic, { root: resolve(options.appDir), prefix: '/', etag: true, cacheControl: true, maxAge: 0 });
  await app.register(fastifyStatic, {
    root: resolve(options.feedDir),
    prefix: '/feed/',
    decorateReply: false,
    etag: true,
    cacheControl: true,
    maxAge: 0,
  });
  app.get('/healthz', async () => ({ ok: true }));
  return app;
};
