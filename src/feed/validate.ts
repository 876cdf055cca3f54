/**
 * Validates fetched or pushed feed files. The box never shows, and the server never
 * publishes, a file that fails here.
 */
import type { TSchema, Static } from '@sinclair/typebox';
import { Value, type ValueError } from '@sinclair/typebox/value';
import { FeedIndex } from './manifest';
import { channelPlacement, ledgerSums } from './consistency';
import type { FeedProblem } from './problem';
import { CHANNEL_SCHEMAS, DistrictFeed, LedgerMonthFeed, SCHEMA_VERSION, StreetFeed, VillageFeed } from './schema';

export type { FeedProblem };

export type Validated<T> = { ok: true; value: T } | { ok: false; problems: FeedProblem[] };

const MAX_PROBLEMS = 20;

const problemOf = (error: ValueError): FeedProblem => {
  const schema = error.schema as {
    minimum?: number;
    maximum?: number;
    minLength?: number;
    maxLength?: number;
    pattern?: string;
  };
  const limit = schema.minimum ?? schema.maximum ?? schema.maxLength ?? schema.minLength ?? schema.pattern;
  return {
    path: error.path || '/',
    message: error.message,
    code: error.type,
    ...(limit === undefined ? {} : { limit }),
  };
};

/** Problems of one item against its kind's schema (an operator's push). */
export const itemProblems = (schema: TSchema, item: unknown): FeedProblem[] => {
  const problems: FeedProblem[] = [];
  for (const error of Value.Errors(schema, item)) {
    problems.push(problemOf(error));
    if (problems.length >= MAX_PROBLEMS) break;
  }
  return problems;
};

const CHANNEL_PATH = /^\/channels\/(\d+)$/;

/**
 * Schema errors as problems. A sub-channel that fails is checked again against the
 * schema of its own kind, so the problem names the field (…/content/0/phone), not
 * just "no kind of sub-channel matched".
 */
const describe = (schema: TSchema, data: unknown): FeedProblem[] => {
  const problems: FeedProblem[] = [];
  for (const error of Value.Errors(schema, data)) {
    const channelIndex = CHANNEL_PATH.exec(error.path)?.[1];
    const channel =
      channelIndex === undefined
        ? undefined
        : (data as { channels: { kind?: string }[] }).channels[Number(channelIndex)];
    const kindSchema = channel?.kind ? CHANNEL_SCHEMAS[channel.kind as keyof typeof CHANNEL_SCHEMAS] : undefined;
    if (kindSchema) {
      for (const inner of Value.Errors(kindSchema, channel))
        problems.push({ ...problemOf(inner), path: `${error.path}${inner.path}` });
    } else {
      problems.push(problemOf(error));
    }
    if (problems.length >= MAX_PROBLEMS) break;
  }
  return problems.slice(0, MAX_PROBLEMS);
};

const check = <S extends TSchema>(
  schema: S,
  data: unknown,
  extra?: (v: Static<S>) => FeedProblem[],
): Validated<Static<S>> => {
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version !== SCHEMA_VERSION) {
    return {
      ok: false,
      problems: [
        { path: '/schemaVersion', message: `unsupported schema version ${version}, expected ${SCHEMA_VERSION}` },
      ],
    };
  }
  if (!Value.Check(schema, data)) return { ok: false, problems: describe(schema, data) };
  const problems = extra ? extra(data) : [];
  return problems.length ? { ok: false, problems } : { ok: true, value: data };
};

export const validateIndex = (data: unknown) => check(FeedIndex, data);
export const validateDistrict = (data: unknown) => check(DistrictFeed, data, channelPlacement('district'));
export const validateStreet = (data: unknown) => check(StreetFeed, data, channelPlacement('street'));
export const validateVillage = (data: unknown) => check(VillageFeed, data, channelPlacement('village'));

/** A month's vouchers must add up to its totals, and opening + income - spending = closing. */
export const validateLedgerMonth = (data: unknown) => check(LedgerMonthFeed, data, ledgerSums);
