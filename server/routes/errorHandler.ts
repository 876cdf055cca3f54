/**
 * Errors, in the operators' body shape ({ error: { zh, en } }): a refusal by the content rules
 * (an OperatorError, with its status and problems), the framework's own (a body too large, of the wrong type, not JSON), a database that is busy
 * (503, try again), a data directory that cannot be written (503, says so), and anything else
 * (500), which is logged.
 */
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { OperatorError } from '../content/operatorError';
import { fail } from './errors';

const code = (error: unknown): string =>
  error && typeof error === 'object' && 'code' in error ? String(error.code) : '';

const BUSY = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED']);
const UNWRITABLE = new Set([
  'SQLITE_READONLY',
  'SQLITE_CANTOPEN',
  'SQLITE_FULL',
  'SQLITE_IOERR',
  'EROFS',
  'EACCES',
  'EPERM',
  'ENOSPC',
]);

/** The framework's 4xx, by its error code, in words an operator can act on. */
const FRAMEWORK: Record<string, [zh: string, en: string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: ['内容太大，超过了允许的大小', 'The body is larger than allowed'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['不支持这种内容类型（Content-Type）', 'This Content-Type is not supported'],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['内容类型是 JSON，但内容是空的', 'The Content-Type is JSON but the body is empty'],
  FST_ERR_CTP_INVALID_JSON_BODY: ['内容不是有效的 JSON', 'The body is not valid JSON'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['Content-Length 与内容长度不符', 'The Content-Length does not match the body'],
};

/** SQLite's extended codes (SQLITE_IOERR_WRITE) count as their primary one. */
const matches = (codes: Set<string>, found: string) => [...codes].some((c) => found === c || found.startsWith(`${c}_`));

/**
 * A client still sending a too-large body reads no answer if the service closes first: fetch
 * fails with a broken pipe instead of the 413. Up to this many bytes are read and dropped before
 * answering (no memory kept, and the request timeout still applies); a larger one is cut off at once.
 */
const DRAIN_BYTES = 64 * 1024 * 1024;

const drainBody = (request: FastifyRequest) =>
  new Promise<void>((resolve) => {
    const raw = request.raw;
    if (raw.complete || Number(request.headers['content-length']) > DRAIN_BYTES) return resolve();
    let seen = 0;
    const stop = () => {
      raw.off('data', count);
      raw.off('end', stop);
      raw.off('close', stop);
      raw.off('error', stop);
      resolve();
    };
    const count = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > DRAIN_BYTES) stop();
    };
    raw.on('data', count).once('end', stop).once('close', stop).once('error', stop);
    raw.resume();
  });

export const handleErrors = (app: FastifyInstance) => {
  app.setErrorHandler(async (error: FastifyError | OperatorError, request, reply) => {
    if (error instanceof OperatorError) return fail(reply, error.status, error.zh, error.en, error.problems);
    const status = error.statusCode ?? 500;
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') await drainBody(request);
    if (status >= 400 && status < 500) {
      const [zh, en] =
        FRAMEWORK[error.code] ??
        (error.code === 'FST_ERR_VALIDATION' || error instanceof SyntaxError
          ? ['请求的格式不对', 'The request is malformed']
          : [`请求有误（${status}）`, `Bad request (${status})`]);
      return fail(reply, status, zh, `${en}: ${error.message}`);
    }
    if (matches(BUSY, code(error))) {
      return fail(
        reply.header('Retry-After', '2'),
        503,
        '数据库正忙，请稍后再试',
        'The database is busy; try again in a moment',
      );
    }
    if (matches(UNWRITABLE, code(error))) {
      // A storage fault, not a bug: one line each, no stack (a read-only disk would flood the log).
      console.error(`${request.method} ${request.url}: ${code(error)} ${error.message}`);
      return fail(
        reply,
        503,
        '数据目录无法写入（磁盘满、只读或没有权限），内容未保存；请联系管理员',
        'The data directory cannot be written (full, read-only or not permitted); nothing was saved. Contact the administrator',
      );
    }
    console.error(`${request.method} ${request.url}: ${error.stack ?? error.message}`);
    return fail(
      reply,
      500,
      '服务内部出错，已记录；请稍后再试或联系管理员',
      'Internal error, logged; try again later or contact the administrator',
    );
  });
};
