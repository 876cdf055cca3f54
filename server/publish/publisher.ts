/**
 * Publishing: a new version is recorded (pending) in the database, its files are
 * written under names that are their hashes (never overwriting anything), and only
 * then is the small signed manifest replaced atomically. A crash at any moment leaves
 * the previous manifest, and every file it names, complete; pending versions are
 * rebuilt from the database on the next start.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import type { Db } from '../db/database';
import { appendAudit, auditHead } from '../audit/auditLog';
import { chinaTime } from '../clock';
import { OperatorError } from '../content/operatorError';
import {
  completeVersion,
  createVersion,
  dropSupersededVersion,
  isCompleteVersion,
  latestCompleteVersion,
  pendingVersions,
  recordResignVersion,
} from '../content/repository';
import { assembleVersion, type AssembledVersion } from './assemble';
import { writeFileAtomic } from '../files/atomicFile';
import { buildIndexTree, sha256Of } from './indexTree';
import { MANIFEST_FILE, objectPath, type Manifest } from '../../src/feed/manifest';
import { signManifest, verifyManifest, type SigningKey } from './signing';

/** How long a manifest stays fresh without a new publish. */
const MANIFEST_LIFETIME_MS = 7 * 86_400_000;

/** A version whose files break the feed's schema: nothing of it is published. */
export class PublishRejected extends OperatorError {
  constructor(readonly feedProblems: AssembledVersion['problems']) {
    super(
      422,
      '发布被拒绝：生成的内容有误，未发布任何内容',
      'Publish refused: the content has problems; nothing was published',
      feedProblems.map((p) => ({
        item: p.file,
        field: p.path,
        zh: `${p.file} ${p.path}：${p.message}`,
        en: `${p.file} ${p.path}: ${p.message}`,
      })),
    );
    // The log names the first problem.
    this.message = `publish rejected: ${feedProblems.length} problem(s), first ${feedProblems[0]?.file} ${feedProblems[0]?.path} ${feedProblems[0]?.message}`;
  }
}

/** A rollback to a version that is not there, or was never completely written. */
export class NoSuchVersion extends OperatorError {
  constructor(readonly version: number) {
    super(404, `没有版本 ${version}`, `No version ${version}`);
  }
}

export interface PublishResult {
  version: number;
  files: number;
  written: number;
  bytesWritten: number;
  manifestSha256: string;
}

export class Publisher {
  constructor(
    private readonly db: Db,
    readonly feedDir: string,
    private readonly key: SigningKey,
    /** The key before this one while a rotation is under way: manifests carry its signature too. */
    private readonly previousKey: SigningKey | null = null,
    /** How a file is written; tests pass one that fails as a full disk does. */
    private readonly writeFile: (path: string, bytes: Uint8Array) => void = writeFileAtomic,
  ) {}

  /** Publishes every approved change as a new version; nothing is written if a file is invalid. */
  publish(operatorId: number | null, kind: 'seed' | 'publish' = 'publish'): PublishResult {
    const assembled = this.db.transaction(() => {
      const { version, changed } = createVersion(this.db, kind, operatorId);
      const result = assembleVersion(this.db, version);
      if (result.problems.length) throw new PublishRejected(result.problems);
      appendAudit(this.db, {
        operatorId,
        action: kind,
        target: `version ${version}`,
        after: { version, revisions: changed.map((r) => r.id) },
      });
      return result;
    })();
    return this.write(assembled);
  }

  /** Republishes an older version's content as a new, higher version. */
  rollback(operatorId: number, toVersion: number): PublishResult {
    const assembled = this.db.transaction(() => {
      if (!isCompleteVersion(this.db, toVersion)) throw new NoSuchVersion(toVersion);
      const { version } = createVersion(this.db, 'rollback', operatorId, toVersion);
      const result = assembleVersion(this.db, version);
      appendAudit(this.db, {
        operatorId,
        action: 'rollback',
        target: `version ${version}`,
        after: { version, sameContentAs: toVersion },
      });
      return result;
    })();
    return this.write(assembled);
  }

  /**
   * Signs the published content again with a fresh expiry, as a new version whose manifest is
   * the only file written (TUF's timestamp role): a district that publishes nothing for a week
   * stays fresh on its boxes. The version is complete only once its manifest is written: a
   * failed write leaves it pending (the previous manifest still served, /healthz still naming
   * that one, and the next re-signing not put off a day), and recovery finishes it.
   */
  resign(now: number): PublishResult {
    const previous = JSON.parse(readFileSync(join(this.feedDir, MANIFEST_FILE), 'utf8')) as Manifest;
    const signedAt = chinaTime(now);
    const version = recordResignVersion(this.db, signedAt);
    const bytes = this.signedManifest(version, signedAt, previous.files);
    this.writeFile(join(this.feedDir, MANIFEST_FILE), bytes);
    const manifestSha256 = sha256Of(bytes);
    completeVersion(this.db, version, manifestSha256);
    return { version, files: 0, written: 0, bytesWritten: bytes.length, manifestSha256 };
  }

  /**
   * Whether the served manifest is signed as this publisher signs now: by its key, and by the
   * previous one during a rotation. Not so after `sanwu rotate-key`, until the next signing.
   */
  servedSignedByCurrentKeys(): boolean {
    const path = join(this.feedDir, MANIFEST_FILE);
    if (!existsSync(path)) return true;
    const served = JSON.parse(readFileSync(path, 'utf8')) as Manifest & { previousKeySignature?: string };
    if (!verifyManifest(served, this.key.publicKey)) return false;
    return (
      !this.previousKey ||
      (typeof served.previousKeySignature === 'string' &&
        verifyManifest({ ...served, signature: served.previousKeySignature }, this.previousKey.publicKey))
    );
  }

  /**
   * Finishes versions that a crash or a failed write left pending (their files are rebuilt
   * identically). A pending version older than the newest complete one is dropped, never
   * written: the newer version was built on it and holds its changes, and boxes refuse a
   * lower version, so writing it would freeze them on the newer one while it is served.
   */
  recover(): number[] {
    const newest = latestCompleteVersion(this.db);
    const pending = pendingVersions(this.db);
    for (const version of pending.filter((v) => v < newest)) dropSupersededVersion(this.db, version, newest);
    const finished = pending.filter((v) => v > newest);
    for (const version of finished) this.write(assembleVersion(this.db, version));
    return finished;
  }

  get currentVersion(): number {
    return latestCompleteVersion(this.db);
  }

  private write(assembled: AssembledVersion): PublishResult {
    const { root, indexes } = buildIndexTree(assembled.files, assembled.tree);
    let written = 0;
    let bytesWritten = 0;
    for (const file of [...assembled.files, ...indexes]) {
      const sha256 = sha256Of(file.bytes);
      const target = join(this.feedDir, objectPath(sha256));
      if (existsSync(target)) continue;
      // Compressed twins let nginx (gzip_static) and the service skip compressing per request.
      this.writeFile(`${target}.gz`, gzipSync(file.bytes, { level: 9 }));
      this.writeFile(`${target}.br`, brotliCompressSync(file.bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9 } }));
      this.writeFile(target, file.bytes);
      written++;
      bytesWritten += file.bytes.length;
    }
    const bytes = this.signedManifest(assembled.version, assembled.createdAt, root);
    this.writeFile(join(this.feedDir, MANIFEST_FILE), bytes);
    const manifestSha256 = sha256Of(bytes);
    completeVersion(this.db, assembled.version, manifestSha256);
    return {
      version: assembled.version,
      files: assembled.files.length + indexes.length,
      written,
      bytesWritten: bytesWritten + bytes.length,
      manifestSha256,
    };
  }

  private signedManifest(version: number, publishedAt: string, files: Manifest['files']): Buffer {
    const manifest = signManifest(
      {
        schemaVersion: 1,
        version,
        publishedAt,
        expiresAt: chinaTime(Date.parse(publishedAt) + MANIFEST_LIFETIME_MS),
        auditHead: auditHead(this.db),
        files,
      } satisfies Manifest,
      this.key,
      this.previousKey,
    );
    return Buffer.from(JSON.stringify(manifest));
  }
}
