/**
 * The service built in this process on a data directory of its own (a real database file, the
 * sample district published), answered through Fastify's inject: no port, no child process, so
 * a file of API tests runs in seconds. Tests of what needs a real process (crashes, signals,
 * nginx, the CLI) use harness.ts instead.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { LedgerMonthBody } from '../../src/feed/schema';
import { buildServer } from '../../server/app';
import { openService, type Service } from '../../server/service';
import { seededDataDir, type Answer } from './harness';

type Role = 'admin' | 'street' | 'clerk' | 'committee';

export interface InProcessService {
  app: FastifyInstance;
  service: Service;
  /** The sample operators' tokens, by role, with the region each works in. */
  tokens: Record<Role, { token: string; region: string }>;
  /** The file the first start wrote them to, with the console's sign-ins. */
  tokenFile: string;
  stop(): Promise<void>;
}

export const startInProcess = async (): Promise<InProcessService> => {
  // The run's seeded sample, copied: seeding and publishing the district again would be most of a file's time.
  const dataDir = seededDataDir();
  const service = openService({ dataDir });
  const app = await buildServer(service, { appDir: 'dist' });
  const tokenFile = join(dataDir, 'operator-tokens.txt');
  const tokens = Object.fromEntries(
    readFileSync(tokenFile, 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => line.split('\t'))
      .map(([role, region, , token]) => [role, { token: token!, region: region! }]),
  ) as InProcessService['tokens'];
  return {
    app,
    service,
    tokens,
    tokenFile,
    stop: async () => {
      await app.close();
      await service.publishing.stop();
      service.db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

/** A request as an operator sends it: JSON (or, with `raw`, the body exactly as written), with their token if any. */
export const call = async <T = any>(
  running: InProcessService,
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
  raw?: string,
): Promise<Answer<T>> => {
  const response = await running.app.inject({
    method: method as 'GET',
    url: path,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined || raw !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(raw !== undefined ? { payload: raw } : body !== undefined ? { payload: JSON.stringify(body) } : {}),
  });
  return {
    status: response.statusCode,
    body: response.body ? JSON.parse(response.body) : null,
    headers: new Headers(response.headers as Record<string, string>),
  };
};

/** The newest published ledger month of the clerk's village, as the service stored it. */
export const clerkLedgerMonth = (service: InProcessService): LedgerMonthBody => {
  const body = service.service.db
    .prepare(
      `SELECT r.body FROM version_items vi JOIN revisions r ON r.id = vi.revision_id
       WHERE vi.version = (SELECT max(version) FROM version_items) AND vi.region = ? AND vi.channel = 15
       ORDER BY vi.item_id DESC LIMIT 1`,
    )
    .pluck()
    .get(service.tokens.clerk.region) as string;
  return JSON.parse(body) as LedgerMonthBody;
};
