/**
 * The operators' command line: `npx sanwu <command> …`. It talks to the service
 * (--server, or SANWU_SERVER; token from --token or SANWU_TOKEN), except `audit verify
 * --data-dir` and `export`, which read a data directory directly.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { readLedgerFile, type LedgerImportOptions } from '../import';
import { exportFeed } from './export';
import { IMPORT_LIMITS } from '../import/limits';
import { checkSettings, type LedgerColumnSettings } from '../import/settings';
import { noticeFromMarkdown } from './markdown';
import { request, ServiceError, type Connection } from './client';
import { openDatabase } from '../db/database';
import { verifyAuditChain } from '../audit/auditLog';
import { rotateSigningKey } from '../publish/signing';
import { join } from 'node:path';
import { helpCommand } from './help';
import { pollsCommand, ratingsCommand } from './polls';
import type { QuestionView } from '../household/questions';

const STATUS_TEXT = { received: '已收到', accepted: '已受理', answered: '已答复', corrected: '已更正' } as const;

const USAGE = `用法 / usage: sanwu <command> [options]
  operators list | operators add --name N --role clerk|committee|street|admin --region CODE
  operators token OPERATOR_ID [--label L] | operators revoke TOKEN_ID | operators disable OPERATOR_ID
  operators password OPERATOR_ID [--username NAME]   (a new console password, made by the service and shown once)
  push FILE.md|FILE.json --region CODE --channel N [--id ID] [--replace]
  withdraw --region CODE --channel N --id ID
  correct FILE.md|FILE.json --region CODE --channel N --id ID --note "更正说明"
  import ledger FILE.csv|FILE.xlsx --village CODE --month YYYY-MM [--mapping M.json] [--save-mapping M.json] [--dry-run]
  attach IMAGE... --village CODE --month YYYY-MM --voucher 记-0042 [--kind 发票,付款凭证,签收单]   (one image per attachment, all at once)
  upload FILE.jpg|FILE.png|FILE.wav|FILE.mp3|FILE.m4a   (prints the src to name in an item's photo or audio)
  drafts [--status draft|approved|rejected|published] | approve DRAFT_ID | reject DRAFT_ID --reason R
  publish [--at 2026-12-01T08:00:00+08:00] | rollback VERSION | versions
  overdue [--region CODE]
  households --village CODE   (the village's households: id, head, bound boxes)
  bind CODE --household ID   (the 6-digit code on the TV's 家庭 section binds that box to the household)
  unbind BOX_ID | revoke BOX_ID   (revoke: a lost box; its key is refused from then on)
  help list [--village CODE] [--all] [--watch] | help ack|progress|done ID [--note "…"]   (一键求助: the duty list, its 10-minute clock; watch prints new ones as they come)
  ratings list --village CODE | ratings draft --village CODE --month YYYY-MM [--replace]   (满意度: per month; the draft publishes them in 20)
  suggestions list --village CODE | suggestions topics --village CODE [--set "道路交通|环境卫生|其他"]   (建言献策: per topic; the topics boxes offer)
  polls list --village CODE | polls add --village CODE --question "…" --options "甲|乙|丙" --opens T --closes T | polls open|close ID   (民意调查: one vote per household; counts once closed)
  questions list [--village CODE] [--status received|accepted|answered|corrected]   (villagers' questions from their boxes)
  questions accept ID --responsible 村财务室 --expected YYYY-MM-DD [--note N]   (已受理)
  questions answer ID --text "答复" [--public] [--corrected REGION/CHANNEL/ITEM]   (--public: also a draft in 20 村民问答, asker anonymised)
  boot-failures   (boxes that could not start the app: when, address, bundle, error, user agent)
  audit verify [--data-dir DIR]
  export --data-dir DIR --out OUT
  rotate-key --data-dir DIR   (with the service stopped; it signs with both keys from its next start)
Connection: --server URL (SANWU_SERVER, default http://127.0.0.1:8080), --token T (SANWU_TOKEN)`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    server: { type: 'string', default: process.env.SANWU_SERVER ?? 'http://127.0.0.1:8080' },
    token: { type: 'string', default: process.env.SANWU_TOKEN ?? '' },
    name: { type: 'string' },
    username: { type: 'string' },
    role: { type: 'string' },
    region: { type: 'string' },
    label: { type: 'string' },
    channel: { type: 'string' },
    id: { type: 'string' },
    note: { type: 'string' },
    village: { type: 'string' },
    household: { type: 'string' },
    month: { type: 'string' },
    set: { type: 'string' },
    mapping: { type: 'string' },
    'save-mapping': { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    replace: { type: 'boolean', default: false },
    voucher: { type: 'string' },
    kind: { type: 'string' },
    status: { type: 'string' },
    reason: { type: 'string' },
    at: { type: 'string' },
    'data-dir': { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', default: false },
    all: { type: 'boolean', default: false },
    watch: { type: 'boolean', default: false },
    question: { type: 'string' },
    options: { type: 'string' },
    opens: { type: 'string' },
    closes: { type: 'string' },
    text: { type: 'string' },
    public: { type: 'boolean', default: false },
    responsible: { type: 'string' },
    expected: { type: 'string' },
    corrected: { type: 'string' },
  },
});

const say = (line: string) => process.stdout.write(`${line}\n`);
const need = (value: string | undefined, option: string): string => {
  if (!value) throw new UsageError(`缺少 --${option}（missing --${option}）`);
  return value;
};
class UsageError extends Error {}

/** A mapping file (see the README): refused with the place and the reason when it does not fit. */
const readSettingsFile = (file: string): LedgerColumnSettings => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`列对应文件 ${file} 无法读取 / cannot read the mapping file: ${(error as Error).message}`);
  }
  const checked = checkSettings(parsed);
  if (!checked.ok)
    throw new UsageError(
      `列对应文件 ${file} 中「${checked.path}」不符合要求 / the mapping file's ${checked.path} ${checked.message}`,
    );
  return checked.settings;
};

const connection = (): Connection => ({ server: values.server!, token: need(values.token, 'token') });

const itemPath = (region: string, channel: string, id: string) =>
  `/api/regions/${region}/channels/${channel}/items/${encodeURIComponent(id)}`;

/** A notice or any item from a file: Markdown becomes an article, JSON is sent as written. */
const itemFromFile = (file: string): Record<string, unknown> => {
  const text = readFileSync(file, 'utf8');
  return extname(file).toLowerCase() === '.md'
    ? noticeFromMarkdown(text)
    : (JSON.parse(text) as Record<string, unknown>);
};

/**
 * A new item's id: the file's name (its Latin letters and digits) and the moment, so that two
 * notices both saved as notice.md are two items, not the second replacing the first.
 */
const newItemId = (file: string): string => {
  const stem = basename(file, extname(file))
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+|-+$/g, '')
    .slice(0, 40);
  return `${stem || 'item'}-${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
};

const commands: Record<string, (args: string[]) => Promise<void>> = {
  async operators([action, id]) {
    if (action === 'list') {
      for (const o of await request<
        {
          id: number;
          name: string;
          role: string;
          region: string;
          tokens: { id: number; label: string; revoked_at: string | null }[];
        }[]
      >(connection(), 'GET', '/api/operators')) {
        say(
          `${o.id}\t${o.role}\t${o.region}\t${o.name}\ttokens: ${o.tokens.map((t) => `${t.id}${t.revoked_at ? '(revoked)' : ''}`).join(',')}`,
        );
      }
    } else if (action === 'add') {
      const created = await request<{ operator: { id: number }; token: string }>(
        connection(),
        'POST',
        '/api/operators',
        {
          name: need(values.name, 'name'),
          role: need(values.role, 'role'),
          region: need(values.region, 'region'),
          label: values.label,
        },
      );
      say(`操作员 ${created.operator.id} 已创建。令牌只显示这一次 / token (shown once): ${created.token}`);
    } else if (action === 'token') {
      const issued = await request<{ tokenId: number; token: string }>(
        connection(),
        'POST',
        `/api/operators/${need(id, 'operator id')}/tokens`,
        { label: values.label },
      );
      say(`令牌 ${issued.tokenId}（只显示这一次 / shown once）: ${issued.token}`);
    } else if (action === 'revoke') {
      await request(connection(), 'DELETE', `/api/tokens/${need(id, 'token id')}`);
      say(`令牌 ${id} 已作废 / revoked`);
    } else if (action === 'disable') {
      await request(connection(), 'DELETE', `/api/operators/${need(id, 'operator id')}`);
      say(`操作员 ${id} 已停用，其令牌全部失效 / disabled, with all their tokens`);
    } else if (action === 'password') {
      const reset = await request<{ username: string; password: string }>(
        connection(),
        'POST',
        `/api/operators/${need(id, 'operator id')}/password`,
        { username: values.username },
      );
      say(`操作员 ${id} 的网页登录名 / sign-in name: ${reset.username}`);
      say(`新密码（只显示这一次）/ new password (shown once): ${reset.password}`);
    } else throw new UsageError('operators list|add|token|revoke|disable|password');
  },

  async push([file]) {
    const region = need(values.region, 'region');
    const channel = need(values.channel, 'channel');
    const item = itemFromFile(need(file, 'file'));
    const id = values.id ?? (typeof item.id === 'string' ? item.id : newItemId(file!));
    const draft = await request<{ id: number }>(
      connection(),
      'PUT',
      `${itemPath(region, channel, id)}${values.replace ? '?replace=true' : ''}`,
      item,
    );
    say(`已保存为草稿 ${draft.id}（条目 ${id}），等待审核 / saved as draft ${draft.id} (item ${id}), awaiting review`);
  },

  async withdraw() {
    const draft = await request<{ id: number }>(
      connection(),
      'DELETE',
      itemPath(need(values.region, 'region'), need(values.channel, 'channel'), need(values.id, 'id')),
    );
    say(`撤回申请已保存为草稿 ${draft.id} / withdrawal saved as draft ${draft.id}`);
  },

  async correct([file]) {
    const drafts = await request<{ id: number }[]>(
      connection(),
      'POST',
      `${itemPath(need(values.region, 'region'), need(values.channel, 'channel'), need(values.id, 'id'))}/correction`,
      {
        item: itemFromFile(need(file, 'file')),
        note: need(values.note, 'note'),
      },
    );
    say(`更正已保存为草稿 ${drafts.map((d) => d.id).join('、')} / correction saved as drafts`);
  },

  async import([what, file]) {
    if (what !== 'ledger') throw new UsageError('import ledger FILE …');
    const village = need(values.village, 'village');
    const month = need(values.month, 'month');
    // A saved mapping file: which column holds which field, and values for missing columns.
    const saved = values.mapping ? readSettingsFile(values.mapping) : {};
    const options: LedgerImportOptions = {
      month,
      ...(saved.mapping ? { mapping: saved.mapping } : {}),
      ...(saved.defaults ? { defaults: saved.defaults } : {}),
    };
    // Not even read into memory past the importer's cap.
    const tooLarge = statSync(need(file, 'file')).size > IMPORT_LIMITS.fileBytes;
    const result = await readLedgerFile(
      tooLarge ? new Uint8Array(IMPORT_LIMITS.fileBytes + 1) : readFileSync(file!),
      basename(file!),
      options,
    );
    // Once the header is understood the mapping is worth keeping, even while rows still need fixing.
    if (values['save-mapping'] && result.headerRow !== undefined) {
      const settings = { mapping: result.mapping, defaults: options.defaults ?? {} };
      writeFileSync(values['save-mapping'], `${JSON.stringify(settings, null, 2)}\n`);
      say(`列对应关系已保存到 ${values['save-mapping']} / column mapping saved`);
    }
    for (const column of result.columns) {
      if (column.how === 'unfilled')
        say(
          `文件中没有「${column.label}」列，各凭证填为「未填」 / no ${column.label} column: every voucher shows 未填`,
        );
      if (column.how === 'default')
        say(
          `文件中没有「${column.label}」列，用默认值「${column.value}」 / no ${column.label} column: the default ${column.value}`,
        );
    }
    for (const problem of result.problems) say(`✗ ${problem.zh}  (${problem.en})`);
    if (!result.ok) {
      say(`共 ${result.problemCount} 处问题，未导入 / ${result.problemCount} problem(s); nothing imported`);
      process.exitCode = 1;
      return;
    }
    if (result.monthTotal)
      say(
        result.monthTotal.matches
          ? '本月合计与明细相符 / the month total matches the entries'
          : '本月合计与明细不符 / the month total does not match',
      );
    // The service merges the rows onto the month as it is when they arrive, so a clerk
    // importing at the same time as another loses nothing.
    const body = {
      vouchers: result.vouchers,
      ...(result.openingFen !== undefined ? { openingFen: result.openingFen } : {}),
      dryRun: Boolean(values['dry-run']),
    };
    const merged = await request<{ summary: { zh: string[]; en: string[] }; draftId: number | null }>(
      connection(),
      'POST',
      `/api/regions/${village}/ledger/${month}/import`,
      body,
    );
    merged.summary.zh.forEach((line, i) => say(`${line} / ${merged.summary.en[i]}`));
    if (values['dry-run']) say('试运行：未做任何修改 / dry run: nothing changed');
    else if (merged.draftId === null) say('没有变化，未提交 / nothing changed, nothing submitted');
    else
      say(
        `已保存为草稿 ${merged.draftId}，等待村务监督委员会审核 / saved as draft ${merged.draftId}, awaiting the committee's review`,
      );
  },

  async attach(files) {
    const village = need(values.village, 'village');
    const month = need(values.month, 'month');
    const number = need(values.voucher, 'voucher');
    if (!files.length) need(undefined, 'file');
    // What each image is (发票,付款凭证,签收单), in the order given; 票据 when not said.
    const kinds = values.kind?.split(/[,，]/).map((k) => k.trim()) ?? [];
    const receipts = [];
    for (const [i, file] of files.entries()) {
      const type =
        extname(file).toLowerCase() === '.png'
          ? 'image/png'
          : extname(file).toLowerCase() === '.webp'
            ? 'image/webp'
            : 'image/jpeg';
      const image = await request<{ src: string; width: number; height: number }>(
        connection(),
        'POST',
        '/api/media',
        new Uint8Array(readFileSync(file)),
        type,
      );
      receipts.push({ ...image, kind: kinds[i] || '票据' });
      say(`已上传 ${file}（${image.width}×${image.height}） / uploaded`);
    }
    // The service adds them to the voucher as it is now: another clerk's change meanwhile stays.
    const attached = await request<{ id: number; receiptCount: number }>(
      connection(),
      'POST',
      `/api/regions/${village}/ledger/${month}/vouchers/${encodeURIComponent(number)}/receipts`,
      { receipts },
    );
    say(
      `票据已附到 ${number}（共 ${attached.receiptCount} 张），草稿 ${attached.id} / ${attached.receiptCount} receipt(s) attached, draft ${attached.id}`,
    );
  },

  async upload([file]) {
    const types: Record<string, string> = {
      '.jpg': 'image/jpeg',
      '.jpeg': 'image/jpeg',
      '.png': 'image/png',
      '.webp': 'image/webp',
      '.wav': 'audio/wav',
      '.mp3': 'audio/mpeg',
      '.m4a': 'audio/mp4',
    };
    const type = types[extname(need(file, 'file')).toLowerCase()];
    if (!type) throw new UsageError(`不支持的文件类型 / unsupported file type: ${file}`);
    const stored = await request<Record<string, unknown>>(
      connection(),
      'POST',
      '/api/media',
      new Uint8Array(readFileSync(file!)),
      type,
    );
    say(JSON.stringify(stored));
  },

  async drafts() {
    for (const d of await request<
      {
        id: number;
        region: string;
        channel: number;
        item_id: string;
        action: string;
        status: string;
        created_at: string;
        reason: string | null;
      }[]
    >(connection(), 'GET', `/api/drafts?status=${values.status ?? 'draft'}`)) {
      say(
        `${d.id}\t${d.status}\t${d.region}\t${d.channel}\t${d.item_id}\t${d.action}\t${d.created_at}${d.reason ? `\t${d.reason}` : ''}`,
      );
    }
  },

  async approve([id]) {
    await request(connection(), 'POST', `/api/drafts/${need(id, 'draft id')}/approve`);
    say(`草稿 ${id} 已审核通过 / approved`);
  },

  async reject([id]) {
    await request(connection(), 'POST', `/api/drafts/${need(id, 'draft id')}/reject`, {
      reason: need(values.reason, 'reason'),
    });
    say(`草稿 ${id} 已退回 / rejected`);
  },

  async publish() {
    const result = await request<{ version?: number; files?: number; written?: number; scheduled?: { at: string } }>(
      connection(),
      'POST',
      '/api/publish',
      values.at ? { at: values.at } : {},
    );
    say(
      result.scheduled
        ? `已定于 ${result.scheduled.at} 发布 / scheduled`
        : `已发布第 ${result.version} 版：${result.files} 个文件，新写入 ${result.written} 个 / published version ${result.version}`,
    );
  },

  async rollback([version]) {
    const result = await request<{ version: number }>(connection(), 'POST', '/api/rollback', {
      version: Number(need(version, 'version')),
    });
    say(
      `已把第 ${version} 版的内容重新发布为第 ${result.version} 版 / republished version ${version} as ${result.version}`,
    );
  },

  async versions() {
    for (const v of await request<
      { version: number; kind: string; created_at: string; status: string; rolled_back_to: number | null }[]
    >(connection(), 'GET', '/api/versions')) {
      say(`${v.version}\t${v.kind}\t${v.created_at}\t${v.status}${v.rolled_back_to ? `\t= ${v.rolled_back_to}` : ''}`);
    }
  },

  async overdue() {
    const rows = await request<
      { region: string; name: string; channel: number; updatedAt: string | null; dueAt: string }[]
    >(connection(), 'GET', `/api/overdue${values.region ? `?region=${values.region}` : ''}`);
    for (const r of rows)
      say(
        `${r.region}\t${r.name}\t栏目 ${r.channel}\t${r.updatedAt ? `上次更新 ${r.updatedAt.slice(0, 10)}，应于 ${r.dueAt.slice(0, 10)} 前更新` : '从未发布'}`,
      );
    say(`共 ${rows.length} 个栏目逾期 / ${rows.length} overdue`);
  },

  async households() {
    const rows = await request<{ id: string; head: string; boxes: string[] }[]>(
      connection(),
      'GET',
      `/api/households?village=${need(values.village, 'village')}`,
    );
    for (const h of rows) say(`${h.id}\t${h.head}\t${h.boxes.length ? h.boxes.join(',') : '未绑定 / unbound'}`);
    say(`共 ${rows.length} 户 / ${rows.length} households`);
  },

  async bind([code]) {
    const bound = await request<{ box: string; household: string }>(connection(), 'POST', '/api/households/bind', {
      code: need(code, 'code'),
      household: need(values.household, 'household'),
    });
    say(
      `机顶盒 ${bound.box} 已绑定家庭 ${bound.household}，下次刷新即显示 / box ${bound.box} bound to household ${bound.household}; it shows the pages at its next poll`,
    );
  },

  async unbind([box]) {
    await request(connection(), 'POST', `/api/boxes/${need(box, 'box id')}/unbind`);
    say(`机顶盒 ${box} 已解除绑定 / unbound`);
  },

  async revoke([box]) {
    await request(connection(), 'POST', `/api/boxes/${need(box, 'box id')}/revoke`);
    say(`机顶盒 ${box} 已停用，其密钥不再有效 / revoked: its key is refused from now on`);
  },

  async help(args) {
    const options = { village: values.village, all: values.all, watch: values.watch, note: values.note };
    if (!(await helpCommand(connection(), args, options)))
      throw new UsageError('help list | help ack|progress|done ID');
  },

  async polls(args) {
    const { village, question, options, opens, closes } = values;
    if (!(await pollsCommand(connection(), args, { village, question, options, opens, closes })))
      throw new UsageError(
        'polls list --village CODE | polls add --village CODE --question Q --options "A|B" --opens T --closes T | polls open|close ID',
      );
  },

  async ratings(args) {
    const options = { village: values.village, month: values.month, replace: values.replace };
    if (!(await ratingsCommand(connection(), args, options)))
      throw new UsageError('ratings list --village CODE | ratings draft --village CODE --month YYYY-MM [--replace]');
  },

  async suggestions([action]) {
    const village = need(values.village, 'village');
    if (action === 'list') {
      const answer = await request<{ counts: { topic: string; count: number }[]; suggestions: unknown[] }>(
        connection(),
        'GET',
        `/api/suggestions?village=${village}`,
      );
      for (const { topic, count } of answer.counts) say(`${topic}\t${count} 条建议 / suggestions`);
      say(`共 ${answer.suggestions.length} 条 / ${answer.suggestions.length} suggestions`);
    } else if (action === 'topics') {
      const answer = values.set
        ? await request<{ topics: string[] }>(connection(), 'PUT', '/api/suggestions/topics', {
            village,
            topics: values.set.split('|'),
          })
        : await request<{ topics: string[] }>(connection(), 'GET', `/api/suggestions/topics?village=${village}`);
      say(`建言话题 / topics: ${answer.topics.join(' | ')}`);
    } else throw new UsageError('suggestions list --village CODE | suggestions topics --village CODE [--set "A|B"]');
  },

  async questions([action, id]) {
    if (action === 'list') {
      const query = new URLSearchParams();
      if (values.village) query.set('village', values.village);
      if (values.status) query.set('status', values.status);
      const rows = await request<QuestionView[]>(connection(), 'GET', `/api/questions?${query.toString()}`);
      for (const q of rows)
        say(
          [
            q.id,
            q.askedAt.slice(0, 16).replace('T', ' '),
            q.household,
            q.about,
            q.reasonText,
            q.callBack ? '请回电' : '',
            STATUS_TEXT[q.status],
            q.overdue ? `逾期，已转街道 ${q.escalatedTo ?? ''} / overdue` : `应于 ${q.dueAt.slice(0, 10)} 前答复`,
          ].join('\t'),
        );
      say(`共 ${rows.length} 条提问 / ${rows.length} questions`);
      return;
    }
    const path = `/api/questions/${need(id, 'question id')}`;
    if (action === 'accept') {
      const q = await request<QuestionView>(connection(), 'POST', `${path}/accept`, {
        responsible: need(values.responsible, 'responsible'),
        expectedAt: need(values.expected, 'expected'),
        ...(values.note ? { notes: values.note } : {}),
      });
      say(`提问 ${q.id} 已受理，由${q.responsible}负责 / question ${q.id} accepted`);
      return;
    }
    if (action !== 'answer') throw new UsageError('questions list | questions accept ID | questions answer ID');
    const q = await request<QuestionView & { publicDraft: number | null }>(connection(), 'POST', `${path}/answer`, {
      text: need(values.text, 'text'),
      ...(values.public ? { public: true } : {}),
      ...(values.corrected ? { correctedItem: values.corrected } : {}),
    });
    say(
      `提问 ${q.id} ${STATUS_TEXT[q.status]}，答复已送到该户机顶盒的 25 消息与求助 / answered; it reaches the household's 25`,
    );
    if (q.publicDraft)
      say(
        `公开答复已作为草稿 ${q.publicDraft} 提交到 20 村民问答，审核并发布后全村可见 / the public answer is draft ${q.publicDraft} in 20: approve and publish it`,
      );
  },

  async 'boot-failures'() {
    const rows = await request<
      { receivedAt: string; address: string; userAgent: string; bundle: string; error: string }[]
    >(connection(), 'GET', '/api/boot-failures');
    for (const r of rows) say(`${r.receivedAt}\t${r.address}\t${r.bundle}\t${r.error}\t${r.userAgent}`);
    say(`共 ${rows.length} 条机顶盒启动失败报告 / ${rows.length} boot failure reports`);
  },

  async audit([action]) {
    if (action !== 'verify') throw new UsageError('audit verify');
    const check = values['data-dir']
      ? verifyAuditChain(openDatabase(join(values['data-dir'], 'sanwu.db')))
      : await request<ReturnType<typeof verifyAuditChain>>(connection(), 'GET', '/api/audit/verify');
    if (check.ok) say(`审计链完整：${check.entries} 条，链头 ${check.head} / the audit chain is intact`);
    else {
      say(
        `审计链在第 ${check.brokenAt} 条断开：${check.reason} / the audit chain is broken at entry ${check.brokenAt}`,
      );
      process.exitCode = 1;
    }
  },

  async 'rotate-key'() {
    const { previous, current } = rotateSigningKey(join(need(values['data-dir'], 'data-dir'), 'signing-key.pem'));
    say(`签名密钥已更换：${previous} → ${current}。服务重启后，新版本同时用新旧两把密钥签名，机顶盒据此改认新密钥。`);
    say(
      `The signing key was rotated: ${previous} → ${current}. From its next start the service signs with both keys, and boxes move to the new one.`,
    );
  },
  async export() {
    const result = exportFeed(need(values['data-dir'], 'data-dir'), need(values.out, 'out'));
    say(`已导出第 ${result.version} 版到 ${values.out}：${result.files} 个文件 / exported version ${result.version}`);
  },
};

const main = async () => {
  const [command, ...rest] = positionals;
  const run = command ? commands[command] : undefined;
  if (values.help || !run) {
    say(USAGE);
    if (!values.help) process.exitCode = 2;
    return;
  }
  try {
    await run(rest);
  } catch (error) {
    if (error instanceof ServiceError) {
      say(`✗ ${error.message}`);
      for (const p of error.body?.problems ?? []) say(`  - ${p.zh}  (${p.en})`);
    } else if (error instanceof UsageError) {
      say(`✗ ${error.message}\n${USAGE}`);
    } else throw error;
    process.exitCode = 1;
  }
};

await main();
