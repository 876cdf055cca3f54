/**
 * The HTTP service: the built TV app at /, the published feed at /feed/, and the
 * operator API at /api/.
 */
import { resolve } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifyCompress from '@fastify/compress';
import type { Service } from './service';
import { apiRoutes } from './routes/api';
import { feedRoutes } from './routes/feed';

export interface ServerOptions {
  appDir: string;
  logger?: boolean;
}

export const buildServer = async (service: Service, options: ServerOptions): Promise<FastifyInstance> => {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 5 * 1024 * 1024 });
  await app.register(fastifyCompress, { encodings: ['br', 'gzip'], threshold: 1024 });
  await app.register(fastifyStatic, {
    root: resolve(options.appDir),
    prefix: '/',
    etag: true,
    setHeaders: (res, path) => {
      // The page and its settings must be revalidated so a new build reaches every box.
      if (/\.(html|json)$/.test(path)) res.header('Cache-Control', 'no-cache');
    },
  });
  await app.register(feedRoutes(service), { prefix: '/feed' });
  await app.register(apiRoutes(service), { prefix: '/api' });
  app.get('/healthz', async () => ({ ok: true, version: service.publisher.currentVersion }));
  return app;
};
