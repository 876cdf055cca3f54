/**
 * The manifest: the one small, signed file a box polls. It is the root of a tree of
 * indexes, one per region, so that a box reads the entries of its own street and
 * village only, never the whole district's:
 *
 *   manifest.json (signed)       district.json, streets/<street>/index.json …
 *   streets/<street>/index.json  streets/<street>.json, villages/<village>/index.json …
 *   villages/<village>/index.json villages/<village>.json, its ledger months …
 *
 * Every entry names a file by logical path and content hash; the bytes live under
 * objects/<sha256>.json, indexes included. One signature covers the whole tree: the
 * root names each index by its hash, and each index its files. An index holds no
 * version or time, so a region whose content did not change keeps the same index
 * bytes, and a box polling after a change elsewhere fetches nothing but the root.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { DateTime, SCHEMA_VERSION } from './schema';

// Plain constants, in paths.ts so that the box reads them without TypeBox.
export { MANIFEST_FILE, OBJECTS_DIR, objectPath } from './paths';

const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$' });

export const FileEntry = Type.Object({ sha256: Sha256, bytes: Type.Integer({ minimum: 0 }) });
export type FileEntry = Static<typeof FileEntry>;

/** Logical path → entry. */
export const FileEntries = Type.Record(Type.String(), FileEntry);
export type FileEntries = Static<typeof FileEntries>;

export const Manifest = Type.Object({
  schemaVersion: Type.Literal(SCHEMA_VERSION),
  version: Type.Integer({ minimum: 1 }),
  publishedAt: DateTime,
  /** After this a box shows its content as stale: a publisher that stops is noticed. */
  expiresAt: DateTime,
  /** Head of the audit log's hash chain when this version was published. */
  auditHead: Sha256,
  /** The district's own files and each street's index. */
  files: FileEntries,
  /** Ed25519 over the RFC 8785 canonical JSON of everything but the signatures, base64. */
  signature: Type.Optional(Type.String()),
  /**
   * While the publisher's key is being rotated: the same bytes signed by the key before it, so
   * that a box which trusts the old key may take the new one (as TUF rotates its root).
   */
  previousKeySignature: Type.Optional(Type.String()),
});

/** The fields that hold signatures, left out of the signed bytes. */
export const SIGNATURE_FIELDS = ['signature', 'previousKeySignature'] as const;
export type SignatureField = (typeof SIGNATURE_FIELDS)[number];

export type Manifest = Static<typeof Manifest>;

/** The index of one street or village: its own files and the indexes of the regions under it. */
export const FeedIndex = Type.Object({
  schemaVersion: Type.Literal(SCHEMA_VERSION),
  kind: Type.Literal('index'),
  region: Type.String({ minLength: 1 }),
  files: FileEntries,
});

export type FeedIndex = Static<typeof FeedIndex>;

export const isManifest = (data: unknown): data is Manifest => Value.Check(Manifest, data);
export const isFeedIndex = (data: unknown): data is FeedIndex => Value.Check(FeedIndex, data);
