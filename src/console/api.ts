/**
 * The console's calls to the operator API: the same routes and answers as the command line
 * (their shapes are the service's TypeBox schemas, read here as types only), authenticated by
 * the session cookie, with the session's CSRF token on every write.
 */
import type { Static, TSchema } from '@sinclair/typebox';
import type { ROUTE_SCHEMAS } from '../../server/routes/schemas';

type Answer<S> = S extends { response: { 200: infer R extends TSchema } }
  ? Static<R>
  : S extends { response: { 201: infer R extends TSchema } }
    ? Static<R>
    : never;

export type Session = Answer<(typeof ROUTE_SCHEMAS)['session']>;
export type Operator = Session['operator'];
export type Revision = Answer<(typeof ROUTE_SCHEMAS)['drafts']>[number];
export type ItemState = Answer<(typeof ROUTE_SCHEMAS)['item']>;
export type Version = Answer<(typeof ROUTE_SCHEMAS)['versions']>[number];
export type Overdue = Answer<(typeof ROUTE_SCHEMAS)['overdue']>[number];
export type Region = Answer<(typeof ROUTE_SCHEMAS)['regions']>[number];
export type OperatorAccount = Answer<(typeof ROUTE_SCHEMAS)['operators']>[number];
export type CreatedOperator = Answer<(typeof ROUTE_SCHEMAS)['createOperator']>;
export type Household = Answer<(typeof ROUTE_SCHEMAS)['households']>[number];
export type AuditPage = Answer<(typeof ROUTE_SCHEMAS)['auditLog']>;
export type ChainCheck = Answer<(typeof ROUTE_SCHEMAS)['auditVerify']>;
export type VersionChanges = Answer<(typeof ROUTE_SCHEMAS)['versionChanges']>;
export type PublishResult = Static<(typeof ROUTE_SCHEMAS)['publish']['response'][200]>;
export type Scheduled = Static<(typeof ROUTE_SCHEMAS)['publish']['response'][202]>;

/** A problem the content rules found, on one item's field, in both languages. */
export interface Problem {
  item?: string;
  field?: string;
  zh: string;
  en: string;
}

/** A refusal as the service words it: the same bilingual body the command line shows. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly zh: string,
    readonly en: string,
    readonly problems: Problem[] = [],
  ) {
    super(en);
  }
}

let csrfToken = '';

export const useSession = (session: Session | null) => {
  csrfToken = session?.csrfToken ?? '';
};

export const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
  const headers: Record<string, string> = {};
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError(0, '', '');
  }
  const text = await response.text();
  const parsed = text ? (JSON.parse(text) as unknown) : null;
  if (!response.ok) {
    const failure = parsed as { error?: { zh: string; en: string }; problems?: Problem[] } | null;
    throw new ApiError(
      response.status,
      failure?.error?.zh ?? `HTTP ${response.status}`,
      failure?.error?.en ?? `HTTP ${response.status}`,
      failure?.problems ?? [],
    );
  }
  return parsed as T;
};
