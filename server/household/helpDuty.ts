/**
 * The village duty officer's side of 一键求助: the requests of the villages in the operator's
 * reach (a village's clerk and committee, its street, the district), each with its
 * acknowledgement clock, and moving a request on (已收到, 处理中, 已完成), scoped and audited.
 */
import { HELP_ACK_TARGET_MS, HELP_STATUSES, type HelpKind, type HelpStatus } from '../../src/household/help';
import { appendAudit } from '../audit/auditLog';
import type { Operator } from '../auth/operators';
import { can } from '../auth/permissions';
import { chinaTime } from '../clock';
import { forbidden, OperatorError } from '../content/operatorError';
import type { Db } from '../db/database';
import type { HelpRow } from './helpRequests';

/** The kinds' names, for operators (the box has its own, in src/i18n). */
export const HELP_KIND_NAMES: Record<HelpKind, { zh: string; en: string }> = {
  medical: { zh: '看病', en: 'medical' },
  elderly: { zh: '老人需要帮助', en: 'an elderly person needs help' },
  safety: { zh: '安全', en: 'safety' },
  other: { zh: '其他', en: 'other' },
};

export const HELP_STATUS_NAMES: Record<HelpStatus, { zh: string; en: string }> = {
  sent: { zh: '已发送', en: 'sent' },
  acknowledged: { zh: '已收到', en: 'acknowledged' },
  in_progress: { zh: '处理中', en: 'in progress' },
  done: { zh: '已完成', en: 'done' },
};

/** Who may see and answer a village's help requests: its clerk and committee, its street, the district. */
const onDuty = (db: Db, operator: Operator, village: string) =>
  can(db, operator, 'edit', village) || can(db, operator, 'review', village);

export interface DutyRequest {
  id: number;
  household: string;
  /** The head of household's name, masked as on the village roll. */
  head: string;
  village: string;
  kind: HelpKind;
  status: HelpStatus;
  note: string | null;
  createdAt: string;
  acknowledgedAt: string | null;
  updatedAt: string | null;
  /** When it should be (or should have been) acknowledged. */
  ackDueAt: string;
  /** Not acknowledged, and its 10 minutes are past. */
  overdue: boolean;
}

const villagesInReach = (db: Db, operator: Operator, village: string | undefined): string[] => {
  if (village) {
    if (!onDuty(db, operator, village)) throw forbidden();
    return [village];
  }
  const all = db.prepare("SELECT code FROM regions WHERE level = 'village'").pluck().all() as string[];
  return all.filter((code) => onDuty(db, operator, code));
};

const dutyView = (r: HelpRow & { head: string }, now: number): DutyRequest => ({
  id: r.id,
  household: r.household,
  head: r.head,
  village: r.village,
  kind: r.kind,
  status: r.status,
  note: r.note,
  createdAt: r.created_at,
  acknowledgedAt: r.acknowledged_at,
  updatedAt: r.updated_at,
  ackDueAt: chinaTime(r.created_ms + HELP_ACK_TARGET_MS),
  overdue: r.status === 'sent' && now > r.created_ms + HELP_ACK_TARGET_MS,
});

const WITH_HEAD = 'SELECT r.*, h.head FROM help_requests r JOIN households h ON h.id = r.household';

/** The open requests (not done, however old), or with `all` every one of the last week; oldest first. */
export const listHelp = (
  db: Db,
  operator: Operator,
  query: { village?: string; all?: boolean },
  now = Date.now(),
): DutyRequest[] => {
  const villages = villagesInReach(db, operator, query.village);
  const rows = db
    .prepare(
      `${WITH_HEAD} WHERE r.village IN (SELECT value FROM json_each(?))
       AND r.created_ms > ? AND (? = 1 OR r.status <> 'done') ORDER BY r.id`,
    )
    .all(JSON.stringify(villages), query.all ? now - 7 * 24 * 60 * 60 * 1000 : 0, query.all ? 1 : 0) as (HelpRow & {
    head: string;
  })[];
  return rows.map((r) => dutyView(r, now));
};

/** Moves a request on: acknowledged, in progress, done (never back); the box learns it at its next look. */
export const updateHelp = (
  db: Db,
  operator: Operator,
  id: number,
  change: { status: Exclude<HelpStatus, 'sent'>; note?: string },
  now = Date.now(),
): DutyRequest =>
  db.transaction(() => {
    const row = db.prepare('SELECT * FROM help_requests WHERE id = ?').get(id) as HelpRow | undefined;
    if (!row) throw new OperatorError(404, `没有编号为 ${id} 的求助`, `No help request ${id}`);
    if (!onDuty(db, operator, row.village)) throw forbidden();
    if (HELP_STATUSES.indexOf(change.status) <= HELP_STATUSES.indexOf(row.status)) {
      const name = HELP_STATUS_NAMES[row.status];
      throw new OperatorError(
        409,
        `求助 ${id} 已是「${name.zh}」，不能改为「${HELP_STATUS_NAMES[change.status].zh}」`,
        `Help request ${id} is ${name.en} already; it cannot become ${HELP_STATUS_NAMES[change.status].en}`,
      );
    }
    const at = chinaTime(now);
    db.prepare(
      `UPDATE help_requests SET status = ?, note = coalesce(?, note), updated_at = ?, updated_by = ?,
       acknowledged_at = coalesce(acknowledged_at, ?), acknowledged_by = coalesce(acknowledged_by, ?) WHERE id = ?`,
    ).run(change.status, change.note ?? null, at, operator.id, at, operator.id, id);
    appendAudit(db, {
      operatorId: operator.id,
      action: `help ${change.status}`,
      target: `help ${id}`,
      before: { status: row.status },
      after: { status: change.status, ...(change.note ? { note: change.note } : {}) },
    });
    return dutyView(db.prepare(`${WITH_HEAD} WHERE r.id = ?`).get(id) as HelpRow & { head: string }, now);
  })();
