/**
 * The operator API under /api. Every endpoint runs as an authenticated operator and
 * is scoped by role and region; answers carry reasons in Chinese and English.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Receipt } from '../../src/feed/schema';
import { can } from '../auth/permissions';
import { activeAdminTokens, createOperator, disableOperator, issueToken, listOperators, nameProblem, revokeToken, ROLE_LEVEL, ROLES, type Operator, type Role } from '../auth/operators';
import { appendAudit, verifyAuditChain } from '../audit/auditLog';
import { chinaTime } from '../clock';
import { ImageRejected, MAX_UPLOAD_BYTES, storeImage } from '../content/media';
import { correctItem, itemState, pushItem, reviewDraft, withdrawItem, type Outcome } from '../content/operations';
import { attachReceipts, importLedgerRows, type LedgerImport } from '../content/ledgerMerge';
import { overdueChannels } from '../content/overdue';
import { listRevisions, type Revision } from '../content/repository';
import { PublishRejected } from '../publish/publisher';
import { publishNow, type Service } from '../service';
import { MAX_AUDIO_BYTES, storeAudio } from '../speech/audio';
import { requireOperator } from './auth';
import { listBootFailures } from './bootFailures';
import { fail, forbidden } from './errors';
import { ROUTE_SCHEMAS } from './schemas';
import { whenNotBusy } from '../db/whenNotBusy';

const LEVEL_ZH: Record<string, string> = { village: '村（社区）', street: '街道', district: '区' };
const LAST_ADMIN: [string, string] = ['这是最后一个可用的区管理员令牌，不能作废或停用（否则无人能管理）', 'This is the last working admin token; it cannot be revoked or disabled (nobody could administer the service)'];

type ItemParams = { region: string; channel: string; itemId: string };

const answer = <T>(reply: FastifyReply, outcome: Outcome<T>, status = 200) =>
  outcome.ok ? reply.code(status).send(outcome.value) : fail(reply, outcome.status, outcome.zh, outcome.en, outcome.problems);

/** Unpublished content is read under the same scope as it is written or reviewed. */
const canSeeDrafts = (service: Service, operator: Operator, region: string) => can(service.db, operator, 'review', region) || can(service.db, operator, 'edit', region);

const revisionView = (r: Revision) => ({ ...r, body: r.body ? JSON.parse(r.body) : null });

export const apiRoutes = (service: Service) => async (app: FastifyInstance) => {
  // A request that breaks its route's schema is answered after authentication, in both languages.
  // Every handler's writes are whole transactions: one that found the database busy (a publish
  // holds the write lock) is run again a little later, without blocking polls meanwhile.
  app.addHook('onRoute', (route) => {
    route.attachValidation = true;
    const handler = route.handler;
    route.handler = function (this: FastifyInstance, request, reply) {
      return whenNotBusy(
        () => handler.call(this, request, reply),
        () => console.warn(`${request.method} ${request.url}: the database is busy (a publish is writing); trying again shortly`),
      );
    };
  });
  requireOperator(app, service);
  app.addHook('preHandler', async (request, reply) => {
    const error = request.validationError as (Error & { validation?: { instancePath: string; message?: string }[]; validationContext?: string }) | undefined;
    if (!error) return;
    const first = error.validation?.[0];
    const where = `${error.validationContext ?? 'request'}${first?.instancePath ?? ''}`;
    return fail(reply, 400, `请求有误：「${where}」不符合要求（${first?.message ?? error.message}）`, `Bad request: ${where} ${first?.message ?? error.message}`);
  });
  app.addContentTypeParser(['image/jpeg', 'image/png', 'image/webp', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES + 1 }, (_request, body, done) => done(null, body));
  app.addContentTypeParser(['audio/wav', 'audio/x-wav', 'audio/mpeg', 'audio/mp4'], { parseAs: 'buffer', bodyLimit: MAX_AUDIO_BYTES + 1 }, (_request, body, done) => done(null, body));

  app.get('/me', async (request) => request.operator);

  app.get('/regions', async () => service.db.prepare('SELECT code, level, name, parent FROM regions ORDER BY code').all());

  app.get<{ Params: ItemParams }>('/regions/:region/channels/:channel/items/:itemId', { schema: ROUTE_SCHEMAS.item }, async (request, reply) => {
    const { region, channel, itemId } = request.params;
    // A pending draft is unpublished content: read only by those who may write or review it.
    if (!canSeeDrafts(service, request.operator, region)) return forbidden(reply);
    const state = itemState(service, { region, channel: Number(channel), itemId });
    return { published: state.published, pending: state.pending ? revisionView(state.pending) : null };
  });

  app.put<{ Params: ItemParams; Body: unknown; Querystring: { replace?: string } }>('/regions/:region/channels/:channel/items/:itemId', { schema: ROUTE_SCHEMAS.push }, async (request, reply) => {
    const { region, channel, itemId } = request.params;
    const outcome = pushItem(service, request.operator, { region, channel: Number(channel), itemId }, request.body, { replace: request.query.replace === 'true' });
    return answer(reply, outcome.ok ? { ok: true, value: revisionView(outcome.value) } : outcome, 201);
  });

  app.delete<{ Params: ItemParams }>('/regions/:region/channels/:channel/items/:itemId', { schema: ROUTE_SCHEMAS.item }, async (request, reply) => {
    const { region, channel, itemId } = request.params;
    const outcome = withdrawItem(service, request.operator, { region, channel: Number(channel), itemId });
    return answer(reply, outcome.ok ? { ok: true, value: revisionView(outcome.value) } : outcome, 201);
  });

  app.post<{ Params: ItemParams; Body: { newId?: string; note?: string; item?: unknown } }>('/regions/:region/channels/:channel/items/:itemId/correction', { schema: ROUTE_SCHEMAS.correction }, async (request, reply) => {
    const { region, channel, itemId } = request.params;
    const outcome = correctItem(service, request.operator, { region, channel: Number(channel), itemId }, request.body ?? {});
    return answer(reply, outcome.ok ? { ok: true, value: outcome.value.map(revisionView) } : outcome, 201);
  });

  type MonthParams = { region: string; month: string };
  // The ledger import and receipt attachment are merged here, onto the month as it is now.
  app.post<{ Params: MonthParams; Body: LedgerImport }>('/regions/:region/ledger/:month/import', { schema: ROUTE_SCHEMAS.ledgerImport }, async (request, reply) =>
    answer(reply, importLedgerRows(service, request.operator, request.params.region, request.params.month, request.body), request.body.dryRun ? 200 : 201),
  );

  app.post<{ Params: MonthParams & { number: string }; Body: { receipts: (Omit<Receipt, 'kind'> & { kind?: string })[] } }>(
    '/regions/:region/ledger/:month/vouchers/:number/receipts',
    { schema: ROUTE_SCHEMAS.attachReceipts },
    async (request, reply) => {
      const { region, month, number } = request.params;
      const receipts = request.body.receipts.map((r) => ({ ...r, kind: r.kind ?? '票据' }));
      const outcome = attachReceipts(service, request.operator, region, month, number, receipts);
      return answer(reply, outcome.ok ? { ok: true, value: { id: outcome.value.draft.id, receiptCount: outcome.value.receiptCount } } : outcome, 201);
    },
  );

  app.post<{ Body: Buffer }>('/media', async (request, reply) => {
    if (!can(service.db, request.operator, 'edit', request.operator.region) && request.operator.role !== 'admin') return forbidden(reply);
    // A recording an operator made (e.g. a notice read in the local dialect), played by boxes instead of synthesis.
    if (Buffer.isBuffer(request.body) && String(request.headers['content-type']).startsWith('audio/')) {
      const audio = await storeAudio(service.mediaDir, request.body);
      if (!audio) return fail(reply, 422, '只接受能播放的 WAV、MP3 或 M4A 录音，最大 10 MB、30 分钟', 'Only playable WAV, MP3 or M4A recordings up to 10 MB and 30 minutes are accepted');
      appendAudit(service.db, { operatorId: request.operator.id, action: 'upload', target: audio.src, after: { bytes: audio.bytes } });
      return reply.code(201).send(audio);
    }
    if (!Buffer.isBuffer(request.body)) return fail(reply, 415, '请以 image/jpeg、image/png 或 image/webp 上传图片', 'Upload the image as image/jpeg, image/png or image/webp');
    try {
      const image = await storeImage(service.mediaDir, request.body);
      service.db.transaction(() => {
        service.db
          .prepare('INSERT OR IGNORE INTO media (sha256, src, mime, width, height, bytes, uploaded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(image.sha256, image.src, 'image/jpeg', image.width, image.height, image.bytes, request.operator.id, chinaTime());
        appendAudit(service.db, { operatorId: request.operator.id, action: 'upload', target: image.src, after: { width: image.width, height: image.height, bytes: image.bytes } });
      })();
      return reply.code(201).send({ src: image.src, width: image.width, height: image.height });
    } catch (error) {
      if (error instanceof ImageRejected) return fail(reply, 422, error.zh, error.en);
      throw error;
    }
  });

  app.get<{ Querystring: { status?: string } }>('/drafts', { schema: ROUTE_SCHEMAS.drafts }, async (request) => {
    const status = (request.query.status ?? 'draft') as Revision['status'];
    return listRevisions(service.db, { status })
      .filter((r) => canSeeDrafts(service, request.operator, r.region))
      .map(revisionView);
  });

  app.post<{ Params: { id: string } }>('/drafts/:id/approve', { schema: ROUTE_SCHEMAS.approve }, async (request, reply) => {
    const outcome = reviewDraft(service, request.operator, Number(request.params.id), 'approved', null);
    return answer(reply, outcome.ok ? { ok: true, value: revisionView(outcome.value) } : outcome);
  });

  app.post<{ Params: { id: string }; Body: { reason?: string } }>('/drafts/:id/reject', { schema: ROUTE_SCHEMAS.reject }, async (request, reply) => {
    const outcome = reviewDraft(service, request.operator, Number(request.params.id), 'rejected', request.body?.reason ?? null);
    return answer(reply, outcome.ok ? { ok: true, value: revisionView(outcome.value) } : outcome);
  });

  app.post<{ Body: { at?: string } }>('/publish', { schema: ROUTE_SCHEMAS.publish }, async (request, reply) => {
    if (!can(service.db, request.operator, 'publish')) return forbidden(reply);
    const at = request.body?.at;
    if (at) {
      const time = Date.parse(at);
      if (Number.isNaN(time) || !/\+08:00$/.test(at)) return fail(reply, 422, '发布时间格式不对，应为 2026-12-01T08:00:00+08:00', 'The time must look like 2026-12-01T08:00:00+08:00');
      const id = service.db.transaction(() => {
        const scheduled = Number(service.db.prepare('INSERT INTO scheduled_publishes (at, created_by) VALUES (?, ?)').run(at, request.operator.id).lastInsertRowid);
        appendAudit(service.db, { operatorId: request.operator.id, action: 'schedule', target: `publish ${scheduled}`, after: { at } });
        return scheduled;
      })();
      return reply.code(202).send({ scheduled: { id, at } });
    }
    try {
      return await publishNow(service, request.operator.id);
    } catch (error) {
      if (error instanceof PublishRejected) {
        return fail(reply, 422, '发布被拒绝：生成的内容有误，未发布任何内容', 'Publish refused: the content has problems; nothing was published', error.problems.map((p) => ({ item: p.file, field: p.path, zh: `${p.file} ${p.path}：${p.message}`, en: `${p.file} ${p.path}: ${p.message}` })));
      }
      throw error;
    }
  });

  app.post<{ Body: { version?: number } }>('/rollback', { schema: ROUTE_SCHEMAS.rollback }, async (request, reply) => {
    if (!can(service.db, request.operator, 'administer')) return forbidden(reply);
    const version = Number(request.body?.version);
    try {
      return await service.publishing.run({ kind: 'rollback', operatorId: request.operator.id, toVersion: version });
    } catch (error) {
      if (error instanceof RangeError) return fail(reply, 404, `没有版本 ${version}`, `No version ${version}`);
      throw error;
    }
  });

  app.get('/versions', async () => service.db.prepare('SELECT version, kind, created_at, created_by, rolled_back_to, status, manifest_sha256 FROM versions ORDER BY version DESC').all());

  app.get('/audit/verify', async () => verifyAuditChain(service.db));

  /** What boxes reported when they could not start the app (see bootFailures.ts): addresses, so the district's only. */
  app.get('/boot-failures', async (request, reply) => (can(service.db, request.operator, 'administer') ? listBootFailures(service) : forbidden(reply)));

  app.get<{ Querystring: { region?: string } }>('/overdue', { schema: ROUTE_SCHEMAS.overdue }, async (request) => overdueChannels(service, Date.now(), request.query.region));

  app.get('/operators', async (request, reply) => (can(service.db, request.operator, 'administer') ? listOperators(service.db) : forbidden(reply)));

  app.post<{ Body: { name?: string; role?: string; region?: string; label?: string } }>('/operators', { schema: ROUTE_SCHEMAS.createOperator }, async (request, reply) => {
    if (!can(service.db, request.operator, 'administer')) return forbidden(reply);
    const { name, role, region } = request.body ?? {};
    if (!name?.trim() || !ROLES.includes(role as Role) || !region) return fail(reply, 422, `请给出姓名、角色（${ROLES.join('/')}）和地区代码`, `Give a name, a role (${ROLES.join('/')}) and a region code`);
    const badName = nameProblem(name);
    if (badName) return fail(reply, 422, ...badName);
    const level = service.db.prepare('SELECT level FROM regions WHERE code = ?').pluck().get(region) as string | undefined;
    if (!level) return fail(reply, 404, `找不到地区 ${region}`, `No region ${region}`);
    // A clerk of a district or a street reviewer of a village would have rights nobody meant.
    if (ROLE_LEVEL[role as Role] !== level) {
      return fail(reply, 422, `${role} 只能设在${LEVEL_ZH[ROLE_LEVEL[role as Role]]}一级，${region} 是${LEVEL_ZH[level]}`, `A ${role} works at ${ROLE_LEVEL[role as Role]} level; ${region} is a ${level}`);
    }
    const result = service.db.transaction(() => {
      const operator = createOperator(service.db, name, role as Role, region);
      const token = issueToken(service.db, operator.id, request.body?.label ?? 'initial');
      appendAudit(service.db, { operatorId: request.operator.id, action: 'operator.create', target: `operator ${operator.id}`, after: operator });
      return { operator, token: token.token, tokenId: token.id };
    })();
    return reply.code(201).send(result);
  });

  app.post<{ Params: { id: string }; Body: { label?: string } }>('/operators/:id/tokens', { schema: ROUTE_SCHEMAS.issueToken }, async (request, reply) => {
    if (!can(service.db, request.operator, 'administer')) return forbidden(reply);
    const id = Number(request.params.id);
    if (!service.db.prepare('SELECT 1 FROM operators WHERE id = ?').get(id)) return fail(reply, 404, `找不到操作员 ${id}`, `No operator ${id}`);
    const token = service.db.transaction(() => {
      const issued = issueToken(service.db, id, request.body?.label ?? 'token');
      appendAudit(service.db, { operatorId: request.operator.id, action: 'token.issue', target: `operator ${id}`, after: { tokenId: issued.id } });
      return issued;
    })();
    return reply.code(201).send({ tokenId: token.id, token: token.token });
  });

  app.delete<{ Params: { id: string } }>('/tokens/:id', { schema: ROUTE_SCHEMAS.revokeToken }, async (request, reply) => {
    if (!can(service.db, request.operator, 'administer')) return forbidden(reply);
    const id = Number(request.params.id);
    const token = service.db.prepare(`SELECT o.role FROM tokens t JOIN operators o ON o.id = t.operator_id WHERE t.id = ? AND t.revoked_at IS NULL`).get(id) as { role: Role } | undefined;
    // Revoking the last admin token would lock the district out of its own service.
    if (token?.role === 'admin' && activeAdminTokens(service.db, null, id) === 0) return fail(reply, 409, LAST_ADMIN[0], LAST_ADMIN[1]);
    const revoked = service.db.transaction(() => {
      const done = revokeToken(service.db, id);
      if (done) appendAudit(service.db, { operatorId: request.operator.id, action: 'token.revoke', target: `token ${id}` });
      return done;
    })();
    return revoked ? { revoked: id } : fail(reply, 404, `找不到有效的令牌 ${id}`, `No active token ${id}`);
  });

  app.delete<{ Params: { id: string } }>('/operators/:id', { schema: ROUTE_SCHEMAS.disableOperator }, async (request, reply) => {
    if (!can(service.db, request.operator, 'administer')) return forbidden(reply);
    const id = Number(request.params.id);
    const outcome = service.db.transaction(() => {
      const result = disableOperator(service.db, id);
      if (result === 'disabled') appendAudit(service.db, { operatorId: request.operator.id, action: 'operator.disable', target: `operator ${id}` });
      return result;
    })();
    if (outcome === 'missing') return fail(reply, 404, `找不到在用的操作员 ${id}`, `No active operator ${id}`);
    if (outcome === 'last-admin') return fail(reply, 409, LAST_ADMIN[0], LAST_ADMIN[1]);
    return { disabled: id };
  });
};
