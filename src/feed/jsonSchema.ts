/** The feed's files as one standard JSON Schema document, derived from the TypeBox schemas. */
import { FeedIndex, Manifest } from './manifest';
import { DistrictFeed, LedgerMonthFeed, SCHEMA_VERSION, StreetFeed, VillageFeed } from './schema';

export const SCHEMA_FILE = `schema/feed-v${SCHEMA_VERSION}.schema.json`;

const FILES = {
  district: DistrictFeed,
  street: StreetFeed,
  village: VillageFeed,
  ledgerMonth: LedgerMonthFeed,
  index: FeedIndex,
};

export const feedJsonSchemaDocument = () => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: `Sanwu TV feed, schema version ${SCHEMA_VERSION}`,
  description:
    'Money in integer fen; regions as 12-digit codes; times ISO 8601 with +08:00. A file is one of the kinds below, told apart by its "kind"; manifest.json, the signed root of the tree of indexes, is $defs/manifest.',
  oneOf: Object.keys(FILES).map((kind) => ({ $ref: `#/$defs/${kind}` })),
  $defs: { ...FILES, manifest: Manifest },
});
