/**
 * What operators do to content: push an item, withdraw it, correct it, review a draft.
 * Each checks scope and rules first (a refusal is thrown as an OperatorError) and writes its
 * change and its audit entry in one transaction, so nothing half-done or unchecked is ever stored.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { channelSpec, isChannel } from '../../src/feed/taxonomy';
import { can, type Action } from '../auth/permissions';
import type { Operator } from '../auth/operators';
import { appendAudit } from '../audit/auditLog';
import { chinaTime } from '../clock';
import type { Db } from '../db/database';
import type { ContentContext } from './context';
import { forbidden, OperatorError } from './operatorError';
import { findRegion, type Region } from './regions';
import {
  addRevision,
  getRevision,
  pendingRevision,
  publishedBody,
  review,
  type ItemRef,
  type Revision,
} from './repository';
import { serverKind } from './kinds';
import type { ItemKind, ServerKind } from './kinds/serverKind';
import { checkItem } from './rules';

/** Checks the region exists, the sub-channel belongs to its level, and the operator may act there. */
const locate = (
  db: Db,
  operator: Operator,
  action: Action,
  region: string,
  channel: number,
): { kind: ItemKind; rules: ServerKind<ItemKind>; region: Region } => {
  const row = findRegion(db, region);
  if (!row) throw new OperatorError(404, `找不到地区 ${region}`, `No region ${region}`);
  if (!isChannel(channel)) throw new OperatorError(404, `没有第 ${channel} 号栏目`, `No sub-channel ${channel}`);
  const spec = channelSpec(channel);
  const rules = serverKind(spec.kind);
  if (!rules)
    throw new OperatorError(
      404,
      '家庭栏目只发给本户机顶盒，不在公开信息中',
      'Household sub-channels are private to each household and not part of the public feed',
    );
  if (spec.section !== row.level)
    throw new OperatorError(
      422,
      `第 ${channel} 号栏目不属于${row.name}这一级`,
      `Sub-channel ${channel} does not belong to a ${row.level}`,
    );
  if (!can(db, operator, action, region)) throw forbidden();
  return { kind: spec.kind as ItemKind, rules, region: row };
};

/** The published body of an item, if any, and its newest pending draft. */
export const itemState = (db: Db, ref: ItemRef): { published: unknown; pending: Revision | null } => {
  const published = publishedBody(db, ref);
  return { published: published ? JSON.parse(published) : null, pending: pendingRevision(db, ref) };
};

/** An item as its next edit starts from: its pending draft if there is one, else what is published. */
export const currentBody = (db: Db, ref: ItemRef): unknown => {
  const state = itemState(db, ref);
  return state.pending?.body ? JSON.parse(state.pending.body) : state.published;
};

/**
 * Everything a push checks, without storing anything: scope, the kind's stamp and rules, and
 * the facts they read (a ledger month's opening against last month's closing). A dry run calls
 * this, so it refuses exactly what the push would.
 */
export const checkPush = (
  context: ContentContext,
  operator: Operator,
  ref: ItemRef,
  body: unknown,
  options: { replace?: boolean } = {},
): { rules: ServerKind<ItemKind>; checked: Record<string, unknown>; replacing: boolean } => {
  const { db } = context;
  const { kind, rules } = locate(db, operator, 'edit', ref.region, ref.channel);
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new OperatorError(400, '内容必须是一个 JSON 对象', 'The content must be a JSON object');
  // A notice pushed under a published notice's id would silently take its place: say so.
  const replacing = !rules.wholeDocument && itemState(db, ref).published !== null;
  if (replacing && !options.replace) {
    throw new OperatorError(
      409,
      `条目「${ref.itemId}」已经发布。新内容请换一个编号；确要替换已发布的内容，请加 --replace（会记入审计日志）；改正错误请用 correct 提交更正`,
      `Item "${ref.itemId}" is published. Give new content a new id; to replace the published item, add --replace (it is audited); to fix a mistake, submit a correction`,
    );
  }
  const facts = rules.facts(ref.itemId, (itemId) => currentBody(db, { ...ref, itemId }));
  const checked = rules.stamp(ref.itemId, body as Record<string, unknown>, chinaTime(), facts);
  const problems = checkItem(kind, checked, rules.label(ref.itemId), {
    coverage: context.coverage,
    ...facts,
    maxVoucherFen: context.maxVoucherFen,
    feedFileExists: (path) => existsSync(join(context.feedDir, path)),
  });
  if (problems.length)
    throw new OperatorError(422, '内容有误，未保存', 'The content has problems and was not saved', problems);
  return { rules, checked, replacing };
};

export const pushItem = (
  context: ContentContext,
  operator: Operator,
  ref: ItemRef,
  body: unknown,
  options: { replace?: boolean } = {},
): Revision => {
  const { db } = context;
  const { rules, checked, replacing } = checkPush(context, operator, ref, body, options);
  return db.transaction(() => {
    const before = itemState(db, ref);
    const revision = addRevision(db, ref, 'put', rules.store(checked), operator.id);
    appendAudit(db, {
      operatorId: operator.id,
      action: replacing ? 'draft.replace' : 'draft',
      target: `${ref.region}/${ref.channel}/${ref.itemId}`,
      before: before.pending?.body ? JSON.parse(before.pending.body) : before.published,
      after: rules.store(checked),
    });
    return revision;
  })();
};

export const withdrawItem = (db: Db, operator: Operator, ref: ItemRef): Revision => {
  locate(db, operator, 'edit', ref.region, ref.channel);
  const state = itemState(db, ref);
  if (!state.published)
    throw new OperatorError(404, `没有已发布的条目 ${ref.itemId}`, `No published item ${ref.itemId}`);
  return db.transaction(() => {
    const revision = addRevision(db, ref, 'withdraw', null, operator.id);
    appendAudit(db, {
      operatorId: operator.id,
      action: 'withdraw',
      target: `${ref.region}/${ref.channel}/${ref.itemId}`,
      before: state.published,
    });
    return revision;
  })();
};

/**
 * A correction: the corrected content becomes a new item that says what it corrects,
 * and the old item stays published, marked as corrected by it.
 */
export const correctItem = (
  { db, coverage }: Pick<ContentContext, 'db' | 'coverage'>,
  operator: Operator,
  ref: ItemRef,
  correction: { newId?: string; note?: string; item?: unknown },
): Revision[] => {
  const { kind, rules } = locate(db, operator, 'edit', ref.region, ref.channel);
  if (rules.wholeDocument) {
    throw new OperatorError(422, '这类栏目请直接修改后重新提交', 'Edit and resubmit this kind of content instead');
  }
  const state = itemState(db, ref);
  if (!state.published)
    throw new OperatorError(404, `没有已发布的条目 ${ref.itemId}`, `No published item ${ref.itemId}`);
  if (!correction.note?.trim())
    throw new OperatorError(422, '请写明更正了什么（note）', 'Say what was corrected (note)');
  const newId = correction.newId ?? `${ref.itemId}-c${Date.now().toString(36)}`;
  const corrected = {
    ...(correction.item as Record<string, unknown>),
    correction: { correctedAt: chinaTime(), note: correction.note, supersedes: ref.itemId },
  };
  const old = { ...(state.published as Record<string, unknown>), correctedBy: newId };
  const newRef = { ...ref, itemId: newId };
  const now = chinaTime();
  const problems = [
    ...checkItem(kind, rules.stamp(newId, corrected, now, {}), newId, { coverage }),
    ...checkItem(kind, rules.stamp(ref.itemId, old, now, {}), ref.itemId, { coverage }),
  ];
  if (problems.length)
    throw new OperatorError(422, '更正内容有误，未保存', 'The correction has problems and was not saved', problems);
  return db.transaction(() => {
    const revisions = [
      addRevision(db, newRef, 'put', corrected, operator.id),
      addRevision(db, ref, 'put', old, operator.id),
    ];
    appendAudit(db, {
      operatorId: operator.id,
      action: 'correct',
      target: `${ref.region}/${ref.channel}/${ref.itemId}`,
      before: state.published,
      after: corrected,
    });
    return revisions;
  })();
};

export const reviewDraft = (
  db: Db,
  operator: Operator,
  id: number,
  decision: 'approved' | 'rejected',
  reason: string | null,
): Revision => {
  const revision = getRevision(db, id);
  if (!revision) throw new OperatorError(404, `找不到草稿 ${id}`, `No draft ${id}`);
  if (!can(db, operator, 'review', revision.region)) throw forbidden();
  if (revision.status !== 'draft')
    throw new OperatorError(409, `这份草稿已是「${revision.status}」状态`, `This draft is already ${revision.status}`);
  if (decision === 'rejected' && !reason?.trim())
    throw new OperatorError(422, '退回时请写明理由', 'Give a reason when rejecting');
  // The supervisory committee checks others' work: nobody approves their own draft.
  if (decision === 'approved' && revision.created_by === operator.id && operator.role !== 'admin') {
    throw new OperatorError(403, '不能审批自己提交的草稿', 'You cannot approve your own draft');
  }
  return db.transaction(() => {
    review(db, id, operator.id, decision, reason);
    appendAudit(db, {
      operatorId: operator.id,
      action: decision === 'approved' ? 'approve' : 'reject',
      target: `draft ${id}`,
      after: { reason },
    });
    return getRevision(db, id)!;
  })();
};
