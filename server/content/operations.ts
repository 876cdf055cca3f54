/**
 * What operators do to content: push an item, withdraw it, correct it, review a draft.
 * Each checks scope and rules first and writes its change and its audit entry in one
 * transaction, so nothing half-done or unchecked is ever stored.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LedgerMonthBody } from '../../src/feed/schema';
import { channelSpec, isChannel, LEDGER_CHANNEL, type SectionId } from '../../src/feed/taxonomy';
import { can, type Action } from '../auth/permissions';
import type { Operator } from '../auth/operators';
import { appendAudit } from '../audit/auditLog';
import { chinaTime } from '../clock';
import type { Service } from '../service';
import type { OperatorProblem } from './messages';
import { addRevision, getRevision, latestCompleteVersion, review, type ItemRef, type Revision } from './repository';
import { checkItem, type ItemKind } from './rules';

export type Outcome<T> = { ok: true; value: T } | { ok: false; status: number; zh: string; en: string; problems?: OperatorProblem[] };

export const refuse = (status: number, zh: string, en: string, problems?: OperatorProblem[]): Outcome<never> => ({ ok: false, status, zh, en, ...(problems ? { problems } : {}) });
export const FORBIDDEN = refuse(403, '您没有这项操作的权限', 'You are not allowed to do this here');

interface RegionRow {
  code: string;
  level: SectionId;
  name: string;
}

/** Checks the region exists, the sub-channel belongs to its level, and the operator may act there. */
const locate = (service: Service, operator: Operator, action: Action, region: string, channel: number): Outcome<{ kind: ItemKind; region: RegionRow }> => {
  const row = service.db.prepare('SELECT code, level, name FROM regions WHERE code = ?').get(region) as RegionRow | undefined;
  if (!row) return refuse(404, `找不到地区 ${region}`, `No region ${region}`);
  if (!isChannel(channel)) return refuse(404, `没有第 ${channel} 号栏目`, `No sub-channel ${channel}`);
  const spec = channelSpec(channel);
  if (spec.kind === 'household') return refuse(404, '家庭栏目只发给本户机顶盒，不在公开信息中', 'Household sub-channels are private to each household and not part of the public feed');
  if (spec.section !== row.level) return refuse(422, `第 ${channel} 号栏目不属于${row.name}这一级`, `Sub-channel ${channel} does not belong to a ${row.level}`);
  if (!can(service.db, operator, action, region)) return FORBIDDEN;
  return { ok: true, value: { kind: spec.kind, region: row } };
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

/** Fills what the server owns (time and version) so the item can be checked against its schema. */
const withServerFields = (kind: ItemKind, itemId: string, body: Record<string, unknown>): Record<string, unknown> => {
  const now = chinaTime();
  if (kind === 'ledger') {
    const vouchers = Array.isArray(body.vouchers) ? body.vouchers.map((v: Record<string, unknown>) => ({ publishedAt: now, version: 1, ...v })) : body.vouchers;
    return { ...body, month: itemId, vouchers };
  }
  if (kind === 'faq') {
    const items = Array.isArray(body.items) ? body.items.map((q: Record<string, unknown>) => ({ publishedAt: now, version: 1, ...q })) : body.items;
    return { ...body, title: itemId, items };
  }
  return { ...body, id: itemId, publishedAt: now, version: 1 };
};

const stored = (kind: ItemKind, checked: Record<string, unknown>) => {
  if (kind === 'ledger' || kind === 'faq') return checked;
  const { publishedAt: _p, version: _v, ...rest } = checked;
  return rest;
};

/** Closing balance of the month before, from its pending draft or its published version. */
const previousClosing = (service: Service, village: string, month: string): number | undefined => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const previous = m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
  const body = currentBody(service, { region: village, channel: LEDGER_CHANNEL, itemId: previous }) as LedgerMonthBody | null;
  if (!body) return undefined;
  return body.vouchers.reduce((balance, v) => balance + (v.direction === 'income' ? v.amountFen : -v.amountFen), body.openingFen);
};

/** Kinds that are one living document, updated by pushing it again (a ledger month, the village profile, a FAQ group). */
const REPUBLISHED_WHOLE: ItemKind[] = ['ledger', 'faq', 'profile'];

export const pushItem = (service: Service, operator: Operator, ref: ItemRef, body: unknown, options: { replace?: boolean } = {}): Outcome<Revision> => {
  const place = locate(service, operator, 'edit', ref.region, ref.channel);
  if (!place.ok) return place;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return refuse(400, '内容必须是一个 JSON 对象', 'The content must be a JSON object');
  const { kind } = place.value;
  // A notice pushed under a published notice's id would silently take its place: say so.
  const replacing = !REPUBLISHED_WHOLE.includes(kind) && itemState(service, ref).published !== null;
  if (replacing && !options.replace) {
    return refuse(
      409,
      `条目「${ref.itemId}」已经发布。新内容请换一个编号；确要替换已发布的内容，请加 --replace（会记入审计日志）；改正错误请用 correct 提交更正`,
      `Item "${ref.itemId}" is published. Give new content a new id; to replace the published item, add --replace (it is audited); to fix a mistake, submit a correction`,
    );
  }
  let checked = withServerFields(kind, ref.itemId, body as Record<string, unknown>);
  let previousClosingFen: number | undefined;
  if (kind === 'ledger') {
    previousClosingFen = previousClosing(service, ref.region, ref.itemId);
    // The opening balance follows from last month unless the push states it.
    if (checked.openingFen === undefined && previousClosingFen !== undefined) checked = { ...checked, openingFen: previousClosingFen };
  }
  const label = kind === 'ledger' ? `${ref.itemId} 账目` : ref.itemId;
  const problems = checkItem(kind, checked, label, { coverage: service.coverage, previousClosingFen, maxVoucherFen: service.maxVoucherFen, feedFileExists: (path) => existsSync(join(service.feedDir, path)) });
  if (problems.length) return refuse(422, '内容有误，未保存', 'The content has problems and was not saved', problems);
  const value = service.db.transaction(() => {
    const before = itemState(service, ref);
    const revision = addRevision(service.db, ref, 'put', stored(kind, checked), operator.id);
    appendAudit(service.db, { operatorId: operator.id, action: replacing ? 'draft.replace' : 'draft', target: `${ref.region}/${ref.channel}/${ref.itemId}`, before: before.pending?.body ? JSON.parse(before.pending.body) : before.published, after: stored(kind, checked) });
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
  if (['ledger', 'faq', 'profile'].includes(place.value.kind)) {
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
  const problems = [
    ...checkItem(place.value.kind, withServerFields(place.value.kind, newId, corrected), newId, { coverage: service.coverage }),
    ...checkItem(place.value.kind, withServerFields(place.value.kind, ref.itemId, old), label, { coverage: service.coverage }),
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
