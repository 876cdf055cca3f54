/**
 * `sanwu help …`, the village duty officer's 一键求助: `list [--village CODE] [--all] [--watch]`
 * (watch prints each new request and each change as it comes, polling every 2 s, with the
 * acknowledgement clock), and `ack|progress|done ID [--note "…"]`.
 */
import { HELP_KIND_NAMES, HELP_STATUS_NAMES, type DutyRequest } from '../household/helpDuty';
import { request, type Connection } from './client';

const WATCH_MS = 2000;
const say = (line: string) => process.stdout.write(`${line}\n`);

const minutes = (ms: number) => Math.max(0, Math.round(ms / 60_000));

/** 应于 09:40 前确认（还剩 7 分钟）, or 逾期 3 分钟未确认, or when it was acknowledged. */
export const ackClock = (r: DutyRequest, now: number): string => {
  const due = Date.parse(r.ackDueAt);
  if (r.acknowledgedAt) return `${r.acknowledgedAt.slice(11, 16)} 已确认 / acknowledged`;
  if (r.overdue || now > due) return `逾期 ${minutes(now - due)} 分钟未确认 / OVERDUE by ${minutes(now - due)} min`;
  return `应于 ${r.ackDueAt.slice(11, 16)} 前确认（还剩 ${minutes(due - now)} 分钟）/ acknowledge within ${minutes(due - now)} min`;
};

const line = (r: DutyRequest, now: number) =>
  [
    `#${r.id}`,
    r.createdAt.slice(0, 16).replace('T', ' '),
    r.household,
    r.head,
    `${HELP_KIND_NAMES[r.kind].zh} (${HELP_KIND_NAMES[r.kind].en})`,
    HELP_STATUS_NAMES[r.status].zh,
    ackClock(r, now),
    r.note ?? '',
  ]
    .join('\t')
    .trimEnd();

const listPath = (options: { village?: string; all?: boolean }) => {
  const query = new URLSearchParams();
  if (options.village) query.set('village', options.village);
  if (options.all) query.set('all', 'true');
  const search = query.toString();
  return search ? `/api/help?${search}` : '/api/help';
};

const STATUS_OF: Record<string, 'acknowledged' | 'in_progress' | 'done'> = {
  ack: 'acknowledged',
  progress: 'in_progress',
  done: 'done',
};

export const helpCommand = async (
  connection: Connection,
  [action, id]: string[],
  options: { village?: string; all?: boolean; watch?: boolean; note?: string },
): Promise<boolean> => {
  if (action === 'list') {
    const rows = await request<DutyRequest[]>(connection, 'GET', listPath(options));
    for (const r of rows) say(line(r, Date.now()));
    say(
      `共 ${rows.length} 条${options.all ? '' : '未完成的'}求助 / ${rows.length} help requests${options.all ? '' : ' open'}`,
    );
    if (options.watch) await watch(connection, options, rows);
    return true;
  }
  const status = action ? STATUS_OF[action] : undefined;
  if (!status || !id) return false;
  const r = await request<DutyRequest>(connection, 'POST', `/api/help/${id}`, {
    status,
    ...(options.note ? { note: options.note } : {}),
  });
  say(
    `求助 #${r.id} 已改为「${HELP_STATUS_NAMES[r.status].zh}」，机顶盒随即显示 / now ${HELP_STATUS_NAMES[r.status].en}`,
  );
  return true;
};

/** Prints each request that is new or changed since the last look, and each that has just become overdue. */
const watch = async (connection: Connection, options: { village?: string }, first: DutyRequest[]): Promise<never> => {
  say('正在等待新的求助（Ctrl+C 结束）/ watching for help requests (Ctrl+C to stop)');
  const seen = new Map(first.map((r) => [r.id, `${r.status}${r.overdue}`]));
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, WATCH_MS));
    let rows: DutyRequest[];
    try {
      rows = await request<DutyRequest[]>(connection, 'GET', listPath({ ...options, all: true }));
    } catch (error) {
      say(`✗ ${(error as Error).message}`);
      continue;
    }
    for (const r of rows) {
      const state = `${r.status}${r.overdue}`;
      const before = seen.get(r.id);
      if (before === state || (before === undefined && r.status === 'done')) continue;
      seen.set(r.id, state);
      say(
        `${before === undefined ? '新求助 NEW' : r.overdue && !before.endsWith('true') ? '逾期 OVERDUE' : '更新 UPDATE'}\t${line(r, Date.now())}`,
      );
    }
  }
};
