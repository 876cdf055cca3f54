/**
 * Boxes that cannot start the app say so here (the loader in index.html posts when home has
 * not shown in time or boot threw), so that a district learns that a model of box cannot run
 * the app without a villager having to tell them. Boxes hold no token, so the endpoint is
 * open: it takes small reports only, a few per box address per window, stores them, and
 * writes each to the service's log. Operators read them with `sanwu boot-failures`.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { chinaTime } from '../clock';
import { recordBootFailure } from '../content/bootFailures';
import type { Service } from '../service';
import { fail } from './errors';
import { whenNotBusy } from '../db/whenNotBusy';

/** A report is a user agent, a bundle name and an error message: a few KB at most. */
export const MAX_REPORT_BYTES = 4 * 1024;
/** Reports one box address may send per window; a looping box cannot fill the database. */
export const REPORTS_PER_WINDOW = 5;
/** Reports all boxes together may send per window: a district's worth, never an unbounded table. */
export const ALL_REPORTS_PER_WINDOW = 200;
const WINDOW_MS = 10 * 60 * 1000;
const FIELD_CHARS = 1000;

/** What a box sends: any value is taken, and what is not text is dropped (field below); no error text is a 422. */
const Report = Type.Union([
  Type.Object({
    userAgent: Type.Optional(Type.Unknown()),
    bundle: Type.Optional(Type.Unknown()),
    error: Type.Optional(Type.Unknown()),
    page: Type.Optional(Type.Unknown()),
  }),
  Type.Null(),
]);
const BOOT_FAILURE_SCHEMA = { body: Report, response: { 204: Type.Null() } };

/** Control characters go: a report must not forge lines in the service's log. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
const field = (value: unknown) => (typeof value === 'string' ? value.replace(CONTROL, ' ').slice(0, FIELD_CHARS) : '');

/** Under /box: open to boxes, no operator token. */
export const bootFailureRoutes = (service: Service) => async (plain: FastifyInstance) => {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  const recent = new Map<string, number[]>();
  // Boxes without JSON.stringify's content type still send JSON: read text bodies as JSON too.
  app.addContentTypeParser('text/plain', { parseAs: 'string', bodyLimit: MAX_REPORT_BYTES }, (_request, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(null, {});
    }
  });

  app.post('/boot-failures', { bodyLimit: MAX_REPORT_BYTES, schema: BOOT_FAILURE_SCHEMA }, async (request, reply) => {
    // Boxes whose page comes from nginx or a CDN post here from another origin (serviceUrl).
    reply.header('Access-Control-Allow-Origin', '*');
    const now = Date.now();
    for (const [address, times] of recent) {
      const inWindow = times.filter((t) => now - t < WINDOW_MS);
      if (inWindow.length) recent.set(address, inWindow);
      else recent.delete(address);
    }
    const times = recent.get(request.ip) ?? [];
    let all = 0;
    for (const each of recent.values()) all += each.length;
    if (times.length >= REPORTS_PER_WINDOW || all >= ALL_REPORTS_PER_WINDOW)
      return fail(reply, 429, '报告太频繁，请稍后再试', 'Too many reports from this box; try later');
    times.push(now);
    recent.set(request.ip, times);
    const report = request.body ?? {};
    const row = {
      receivedAt: chinaTime(now),
      address: request.ip,
      userAgent: field(report.userAgent) || field(request.headers['user-agent']),
      bundle: field(report.bundle),
      error: field(report.error),
      page: field(report.page),
    };
    if (!row.error) return fail(reply, 422, '报告缺少错误信息（error）', 'The report has no error text (error)');
    await whenNotBusy(() => recordBootFailure(service.db, row));
    console.warn(`box boot failure: ${row.address} ${row.bundle} "${row.error}" (${row.userAgent})`);
    return reply.code(204).send(null);
  });
};
