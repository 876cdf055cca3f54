/**
 * The manifest: the one small, signed file a box polls. It names every feed file by
 * logical path and content hash; the bytes live under objects/<sha256>.json.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { DateTime, SCHEMA_VERSION } from './schema';

export const MANIFEST_FILE = 'manifest.json';
export const OBJECTS_DIR = 'objects';

const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$' });

export const Manifest = Type.Object({
  schemaVersion: Type.Literal(SCHEMA_VERSION),
  version: Type.Integer({ minimum: 1 }),
  publishedAt: DateTime,
  /** After this a box shows its content as stale: a publisher that stops is noticed. */
  expiresAt: DateTime,
  /** Head of the audit log's hash chain when this version was published. */
  auditHead: Sha256,
  files: Type.Record(Type.String(), Type.Object({ sha256: Sha256, bytes: Type.Integer({ minimum: 0 }) })),
  /** Ed25519 over the RFC 8785 canonical JSON of everything else, base64. */
  signature: Type.Optional(Type.String()),
});

export type Manifest = Static<typeof Manifest>;

export const isManifest = (data: unknown): data is Manifest => Value.Check(Manifest, data);

/** Where a file's bytes live under the feed root: named by their hash, so never rewritten. */
export const objectPath = (sha256: string): string => `${OBJECTS_DIR}/${sha256}.json`;
