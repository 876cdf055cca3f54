/**
 * What operators do to content: push an item, withdraw it, correct it, review a draft.
 * Each checks scope and rules first and writes its change and its audit entry in one
 * transaction, so nothing half-done or unchecked is ever stored.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { channelSpec, isChannel, type SectionId } from '../../src/feed/taxonomy';
import { can, type Action } from '../auth/permissions';
import type { Operator } from '../auth/operators';
import { appendAudit } from '../audit/auditLog';
import { chinaTime } from '../clock';
import type { Service } from '../service';
import type { OperatorProblem } from './messages';
import { addRevision, getRevision, latestCompleteVersion, review, type ItemRef, type Revision } from './repository';
import { serverKind } from '../kinds';
import type { ItemKind, ServerKind } from '../kinds/serverKind';
import { checkItem } from './rules';

export type Outcome<T> = { ok: true; value: T } | { ok: false; status: number; zh: string; en: string; problems?: OperatorProblem[] };

export const refuse = (status: number, zh: string, en: string, problems?: OperatorProblem[]): Outcome<never> => ({ ok: false, status, zh, en, ...(problems ? { problems } : {}) });
export const FORBIDDEN = refuse(403, '您没有这项操作的权限', 'You are not allowed to do this here');

interface RegionRow {
  code: string;
  level: SectionId;
  name: string;
}

/** Checks the region exists, the sub-channel belongs to its level, and the operator may act there. */
const locate = (service: Service, operator: Operator, action: Action, region: string, channel: number): Outcome<{ kind: ItemKind; rules: ServerKind<ItemKind>; region: RegionRow }> => {
  const row = service.db.prepare('SELECT code, level, name FROM regions WHERE code = ?').get(region) as RegionRow | undefined;
  if (!row) return refuse(404, `找不到地区 ${region}`, `No region ${region}`);
  if (!isChannel(channel)) return refuse(404, `没有第 ${channel} 号栏目`, `No sub-channel ${channel}`);
  const spec = channelSpec(channel);
  const rules = serverKind(spec.kind);
  if (!rules) return refuse(404, '家庭栏目只发给本户机顶盒，不在公开信息中', 'Household sub-channels are private to each household and not part of the public feed');
  if (spec.section !== row.level) return refuse(422, `第 ${channel} 号栏目不属于${row.name}这一级`, `Sub-channel ${channel} does not belong to a ${row.level}`);
  if (!can(service.db, operator, action, region)) return FORBIDDEN;
  return { ok: true, value: { kind: spec.kind as ItemKind, rules, region: row } };
};

/** The published body of an item, if any, and its newest pending draft. */
export const itemState = (service: Service, ref: ItemRef): { published: unknown; pending: Revision | null } => {
  const version = latestCompleteVersion(service.db);
  const published = service.db
    .prepare(`SELECT r.body FROM version_items vi JOIN revisions r ON r.id = vi.revision_id WHERE vi.version = ? AND vi.region = ? AND vi.channel = ? AND vi.item_id = ?`)
    .pluck()
    .get(version, ref.region, ref.channel, ref.itemId) as string | undefined;
  const pending = service.db
    .prepare(`SELECT * FROM revisions WHERE region = ? AND channel = ? AND item_id = ? AND status IN ('draft', 'approved') ORDER BY id DESC LIMIT 1`)
    .get(ref.region, ref.channel, ref.itemId) as Revision | undefined;
  return { published: published ? JSON.parse(published) : null, pending: pending ?? null };
};

/** An item as its next edit starts from: its pending draft if there is one, else what is published. */
export const currentBody = (service: Service, ref: ItemRef): unknown => {
  const state = itemState(service, ref);
  return state.pending?.body ? JSON.parse(state.pending.body) : state.published;
};

export const pushItem = (service: Service, operator: Operator, ref: ItemRef, body: unknown, options: { replace?: boolean } = {}): Outcome<Revision> => {
  const place = locate(service, operator, 'edit', ref.region, ref.channel);
  if (!place.ok) return place;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return refuse(400, '内容必须是一个 JSON 对象', 'The content must be a JSON object');
  const { kind, rules } = place.value;
  // A notice pushed under a published notice's id would silently take its place: say so.
  const replacing = !rules.wholeDocument && itemState(service, ref).published !== null;
  if (replacing && !options.replace) {
    return refuse(
      409,
      `条目「${ref.itemId}」已经发布。新内容请换一个编号；确要替换已发布的内容，请加 --replace（会记入审计日志）；改正错误请用 correct 提交更正`,
      `Item "${ref.itemId}" is published. Give new content a new id; to replace the published item, add --replace (it is audited); to fix a mistake, submit a correction`,
    );
  }
  const facts = rules.facts(ref.itemId, (itemId) => currentBody(service, { ...ref, itemId }));
  const checked = rules.stamp(ref.itemId, body as Record<string, unknown>, chinaTime(), facts);
  const problems = checkItem(kind, checked, rules.label(ref.itemId), { coverage: service.coverage, ...facts, maxVoucherFen: service.maxVoucherFen, feedFileExists: (path) => existsSync(join(service.feedDir, path)) });
  if (problems.length) return refuse(422, '内容有误，未保存', 'The content has problems and was not saved', problems);
  const value = service.db.transaction(() => {
    const before = itemState(service, ref);
    const revision = addRevision(service.db, ref, 'put', rules.store(checked), operator.id);
    appendAudit(service.db, { operatorId: operator.id, action: replacing ? 'draft.replace' : 'draft', target: `${ref.region}/${ref.channel}/${ref.itemId}`, before: before.pending?.body ? JSON.parse(before.pending.body) : before.published, after: rules.store(checked) });
    return revision;
  })();
  return { ok: true, value };
};

export const withdrawItem = (service: Service, operator: Operator, ref: ItemRef): Outcome<Revision> => {
  const place = locate(service, operator, 'edit', ref.region, ref.channel);
  if (!place.ok) return place;
  const state = itemState(service, ref);
  if (!state.published) return refuse(404, `没有已发布的条目 ${ref.itemId}`, `No published item ${ref.itemId}`);
  const value = service.db.transaction(() => {
    const revision = addRevision(service.db, ref, 'withdraw', null, operator.id);
    appendAudit(service.db, { operatorId: operator.id, action: 'withdraw', target: `${ref.region}/${ref.channel}/${ref.itemId}`, before: state.published });
    return revision;
  })();
  return { ok: true, value };
};

/**
 * A correction: the corrected content becomes a new item that says what it corrects,
 * and the old item stays published, marked as corrected by it.
 */
export const correctItem = (service: Service, operator: Operator, ref: ItemRef, correction: { newId?: string; note?: string; item?: unknown }): Outcome<Revision[]> => {
  const place = locate(service, operator, 'edit', ref.region, ref.channel);
  if (!place.ok) return place;
  const { kind, rules } = place.value;
  if (rules.wholeDocument) {
    return refuse(422, '这类栏目请直接修改后重新提交', 'Edit and resubmit this kind of content instead');
  }
  const state = itemState(service, ref);
  if (!state.published) return refuse(404, `没有已发布的条目 ${ref.itemId}`, `No published item ${ref.itemId}`);
  if (!correction.note?.trim()) return refuse(422, '请写明更正了什么（note）', 'Say what was corrected (note)');
  const newId = correction.newId ?? `${ref.itemId}-c${Date.now().toString(36)}`;
  const corrected = { ...(correction.item as Record<string, unknown>), correction: { correctedAt: chinaTime(), note: correction.note, supersedes: ref.itemId } };
  const old = { ...(state.published as Record<string, unknown>), correctedBy: newId };
  const newRef = { ...ref, itemId: newId };
  const label = ref.itemId;
  const now = chinaTime();
  const problems = [
    ...checkItem(kind, rules.stamp(newId, corrected, now, {}), newId, { coverage: service.coverage }),
    ...checkItem(kind, rules.stamp(ref.itemId, old, now, {}), label, { coverage: service.coverage }),
  ];
  if (problems.length) return refuse(422, '更正内容有误，未保存', 'The correction has problems and was not saved', problems);
  const value = service.db.transaction(() => {
    const revisions = [addRevision(service.db, newRef, 'put', corrected, operator.id), addRevision(service.db, ref, 'put', old, operator.id)];
    appendAudit(service.db, { operatorId: operator.id, action: 'correct', target: `${ref.region}/${ref.channel}/${ref.itemId}`, before: state.published, after: corrected });
    return revisions;
  })();
  return { ok: true, value };
};

export const reviewDraft = (service: Service, operator: Operator, id: number, decision: 'approved' | 'rejected', reason: string | null): Outcome<Revision> => {
  const revision = getRevision(service.db, id);
  if (!revision) return refuse(404, `找不到草稿 ${id}`, `No draft ${id}`);
  if (!can(service.db, operator, 'review', revision.region)) return FORBIDDEN;
  if (revision.status !== 'draft') return refuse(409, `这份草稿已是「${revision.status}」状态`, `This draft is already ${revision.status}`);
  if (decision === 'rejected' && !reason?.trim()) return refuse(422, '退回时请写明理由', 'Give a reason when rejecting');
  // The supervisory committee checks others' work: nobody approves their own draft.
  if (decision === 'approved' && revision.created_by === operator.id && operator.role !== 'admin') {
    return refuse(403, '不能审批自己提交的草稿', 'You cannot approve your own draft');
  }
  const value = service.db.transaction(() => {
    review(service.db, id, operator.id, decision, reason);
    appendAudit(service.db, { operatorId: operator.id, action: decision === 'approved' ? 'approve' : 'reject', target: `draft ${id}`, after: { reason } });
    return getRevision(service.db, id)!;
  })();
  return { ok: true, value };
};
