/**
 * The view models of every kind of sub-channel, from the sample feed the repository ships:
 * what a villager sees in a channel's list, on its reader page and its tile, and what the read
 * key says. Each kind once full (the sample) and once empty. No browser: these are pure.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import type { Channel, DistrictFeed, LedgerMonthFeed, StreetFeed, VillageFeed } from '../../src/feed/schema';
import { CHANNEL_COUNT, CHANNELS, CONTENT_KINDS, LEDGER_CHANNEL, type ContentKind } from '../../src/feed/taxonomy';
import { spokenText } from '../../src/format/spokenText';
import { LANGUAGES, setLanguage } from '../../src/i18n';
import { channelTarget, presentDocument, presentHome, presentList } from '../../src/tv/data/present';
import { KIND_VIEWS } from '../../src/tv/kinds';
import { presentPairing } from '../../src/tv/kinds/household';
import { presentMonth, presentVoucher } from '../../src/tv/kinds/ledger';
import { checkLedgerMonth } from '../../src/tv/data/feedCheck';
import { validateLedgerMonth } from '../../src/feed/validate';
import { presentPeople } from '../../src/tv/kinds/people';
import { presentTable } from '../../src/tv/kinds/tables';

const read = <T>(path: string): T => JSON.parse(readFileSync(`static/feed/${path}`, 'utf8')) as T;
const district = read<DistrictFeed>('district.json');
const villageCode = district.streets[0]!.villages[0]!.code;
const village = read<VillageFeed>(`villages/${villageCode}.json`);
const street = read<StreetFeed>(`streets/${village.street}.json`);
const feeds = { district, street, village };
const published = [...district.channels, ...street.channels, ...village.channels];

/** 2026-11-20 10:00 in China: after the sample's last update. */
const NOW = Date.parse('2026-11-20T10:00:00+08:00');
const DAY_MS = 86_400_000;

const zh = LANGUAGES['zh-Hans'];
const channelName = (id: number) => zh[`channel.${id}`];

/** ¥ and thousands commas, written here apart from the app's formatter. */
const yuan = (fen: number) =>
  `${fen < 0 ? '-' : ''}¥${(Math.abs(fen) / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
/** 2026年11月18日 from an ISO time in China's zone. */
const chineseDate = (iso: string) =>
  iso.replace(/^(\d{4})-(\d{2})-(\d{2}).*$/, (_, y, m, d) => `${y}年${Number(m)}月${Number(d)}日`);

const firstOf = <K extends ContentKind>(kind: K) => {
  const channel = published.find((c) => c.kind === kind);
  if (!channel) throw new Error(`the sample has no ${kind} channel`);
  return channel as Extract<Channel, { kind: K }>;
};
/** The same channel with nothing in it. */
const emptied = (channel: Channel): Channel =>
  ({ ...channel, content: channel.kind === 'ledger' ? { ...channel.content, months: [] } : [] }) as Channel;

test.beforeEach(() => setLanguage('zh-Hans'));

test('every kind has its view, and the sub-channels are numbered 1 to the count without gaps', () => {
  expect(Object.keys(KIND_VIEWS).sort()).toEqual([...CONTENT_KINDS].sort());
  expect(CHANNELS.map((c) => c.id)).toEqual(Array.from({ length: CHANNEL_COUNT }, (_, i) => i + 1));
});

test('every published kind, empty: the list says there is nothing and no item opens', () => {
  const kinds = new Set(published.map((c) => c.kind));
  expect(kinds.size).toBe(CONTENT_KINDS.length - 1); // all but household, which is never public
  for (const kind of kinds) {
    const channel = emptied(firstOf(kind));
    const list = presentList(channel, NOW);
    expect(list.rows, kind).toEqual([]);
    expect(list.emptyText).toBe('暂无内容');
    expect(list.title).toBe(channelName(channel.id));
    expect(presentDocument(channel, 'no-such-item', NOW), kind).toBeNull();
    expect(KIND_VIEWS[kind].spoken(channel as never, 'no-such-item', NOW), kind).toBeNull();
  }
});

test('articles: newest first by title and date, each opening its reader page, read aloud whole', () => {
  const channel = firstOf('articles');
  const rows = presentList(channel, NOW).rows;
  expect(rows.map((r) => r.title)).toEqual(channel.content.map((a) => a.title));
  const first = channel.content[0]!;
  expect(rows[0]).toMatchObject({ detail: chineseDate(first.publishedAt), target: `read/${channel.id}/${first.id}` });
  const document = presentDocument(channel, first.id, NOW)!;
  expect(document.crumbs).toEqual(['区', channelName(channel.id), first.title]);
  expect(document.paragraphs).toEqual(first.summary ? [first.summary, ...first.body] : first.body);
  const spoken = KIND_VIEWS.articles.spoken(channel, first.id, NOW)!.text;
  expect(spoken.startsWith(`${first.title}。发布于 ${chineseDate(first.publishedAt)}。`)).toBe(true);
  expect(spoken).toContain(first.body.at(-1)!);
  expect(channelTarget(channel.id, channel)).toBe(`list/${channel.id}`);
});

test('a row the last update brought says 新, unless it has a word of its own', () => {
  const channel = firstOf('articles');
  const [a, b] = channel.content;
  const rows = presentList(channel, NOW, new Set([a!.id, b!.id])).rows;
  expect(rows[0]!.tag).toBe('新');
  expect(rows[2]?.tag).toBeUndefined();
});

test('faq: each question under its group, the answer on its page', () => {
  const channel = firstOf('faq');
  const rows = presentList(channel, NOW).rows;
  const questions = channel.content.flatMap((g) =>
    g.items.map((q) => ({ title: q.question, detail: g.title, target: `read/${channel.id}/${q.id}` })),
  );
  expect(rows.map(({ title, detail, target }) => ({ title, detail, target }))).toEqual(questions);
  const group = channel.content[0]!;
  const q = group.items[0]!;
  expect(presentDocument(channel, q.id, NOW)).toMatchObject({
    title: q.question,
    meta: [group.title],
    paragraphs: q.answer,
  });
  expect(KIND_VIEWS.faq.spoken(channel, q.id, NOW)!.text).toBe([q.question, group.title, ...q.answer].join('。'));
});

test('qa: answered, days left and days overdue, counted from the ten days a reply is owed', () => {
  const channel = firstOf('qa');
  const answered = channel.content[0]!;
  expect(presentList(channel, NOW).rows[0]).toMatchObject({
    title: answered.title,
    detail: `${chineseDate(answered.askedAt)} 提问`,
    tag: '已答复',
    target: `read/${channel.id}/${answered.id}`,
  });
  const { answer: _a, answeredAt: _at, ...unanswered } = answered;
  const askedAt = Date.parse(answered.askedAt);
  const waiting = { ...channel, content: [unanswered] };
  expect(presentList(waiting, askedAt + 3 * DAY_MS).rows[0]!.tag).toBe('待答复 · 剩余 7 天答复');
  expect(presentList(waiting, askedAt + 12 * DAY_MS).rows[0]!.tag).toBe('已超期 2 天');
  const document = presentDocument(waiting, answered.id, askedAt + 3 * DAY_MS)!;
  expect(document.paragraphs.at(-1)).toBe(
    `尚未答复。按规定应在提问后10日内答复，截止 ${chineseDate(new Date(askedAt + 10 * DAY_MS + 8 * 3_600_000).toISOString())}。`,
  );
  const spoken = KIND_VIEWS.qa.spoken(channel, answered.id, NOW)!.text;
  expect(spoken).toContain(answered.question);
  expect(spoken).toContain(answered.answer!);
});

test('alerts: the level in words and whether it is still in force; the reader draws its band', () => {
  const channel = firstOf('alerts');
  const alert = channel.content[0]!;
  const level = zh[`alert.level.${alert.level}`];
  expect(presentList(channel, NOW).rows[0]).toMatchObject({
    title: alert.title,
    tag: level,
    target: `read/${channel.id}/${alert.id}`,
  });
  expect(presentList(channel, NOW).rows[0]!.detail).toMatch(/ · 已解除$/);
  const inForce = Date.parse(alert.expiresAt) - 60_000;
  expect(presentList(channel, inForce).rows[0]!.detail).toMatch(/ · 生效中$/);
  expect(presentDocument(channel, alert.id, inForce)!.alert).toEqual({
    level: alert.level,
    label: `${level} · 生效中`,
  });
  expect(
    KIND_VIEWS.alerts.spoken(channel, alert.id, inForce)!.text.startsWith(`${alert.title}。${level} · 生效中。`),
  ).toBe(true);
});

test('guide: where and when in the row; documents, place, hours and phone on the page', () => {
  const channel = firstOf('guide');
  const card = channel.content[0]!;
  expect(presentList(channel, NOW).rows[0]).toEqual({
    title: card.title,
    detail: `${card.place} · ${card.hours}`,
    target: `read/${channel.id}/${card.id}`,
  });
  const paragraphs = presentDocument(channel, card.id, NOW)!.paragraphs;
  expect(paragraphs[0]).toBe(`【所需材料】${card.documents.map((d, i) => `${i + 1}. ${d}`).join('  ')}`);
  expect(paragraphs).toContain(`【咨询电话】${card.phone}`);
  // Read aloud, the 【】 labels become pauses before what they name.
  expect(spokenText(KIND_VIEWS.guide.spoken(channel, card.id, NOW)!.text, 'zh-Hans')).toContain(
    `，咨询电话，${card.phone}。`,
  );
});

test('tables: each table by its row count, opened as a grid with money right-aligned and formatted', () => {
  const channel = published.find(
    (c): c is Extract<Channel, { kind: 'tables' }> =>
      c.kind === 'tables' && c.content.some((t) => t.columns.some((col) => col.type === 'money')),
  )!;
  const rows = presentList(channel, NOW).rows;
  expect(rows.map((r) => r.target)).toEqual(channel.content.map((_, i) => `table/${channel.id}/${i}`));
  expect(rows.map((r) => r.detail)).toEqual(
    channel.content.map((t) => `共 ${t.rows.length} 行 · ${chineseDate(t.publishedAt)}`),
  );
  const index = channel.content.findIndex((t) => t.columns.some((col) => col.type === 'money'));
  const table = channel.content[index]!;
  const model = presentTable(channel, index, NOW)!;
  const money = table.columns.findIndex((col) => col.type === 'money');
  expect(model.columns[money]!.align).toBe('right');
  const cell = table.rows[0]![table.columns[money]!.key];
  expect(model.rows[0]![money]).toBe(typeof cell === 'number' ? yuan(cell) : String(cell ?? ''));
  expect(presentTable(channel, channel.content.length, NOW)).toBeNull();
  // A table page reads what has the focus; there is no reader page to read whole.
  expect(presentDocument(channel, table.id, NOW)).toBeNull();
  expect(KIND_VIEWS.tables.spoken(channel, table.id, NOW)).toBeNull();
});

test('contacts: name and role, office and address, the phone at the right', () => {
  const channel = firstOf('contacts');
  const c = channel.content[0]!;
  expect(presentList(channel, NOW).rows[0]).toMatchObject({
    title: `${c.name}  ${c.role}`,
    tag: c.phone,
    target: `read/${channel.id}/${c.id}`,
  });
  expect(presentDocument(channel, c.id, NOW)).toMatchObject({ title: c.name, meta: [c.role] });
  expect(KIND_VIEWS.contacts.spoken(channel, c.id, NOW)!.text).toContain(`电话 ${c.phone}`);
});

test('people: the tile opens photo cards, not a list; each card opens the whole entry', () => {
  const channel = firstOf('people');
  expect(channelTarget(channel.id, channel)).toBe(`people/${channel.id}`);
  expect(channelTarget(channel.id, undefined)).toBe(`people/${channel.id}`);
  expect(presentList(channel, NOW).rows).toEqual([]);
  const p = channel.content[0]!;
  expect(presentPeople(channel).people[0]).toEqual({
    name: p.name,
    role: p.role,
    duties: p.duties,
    phone: `电话 ${p.phone}`,
    photo: p.photo.src,
    target: `read/${channel.id}/${p.id}`,
  });
  expect(presentPeople(emptied(channel) as typeof channel).people).toEqual([]);
  expect(KIND_VIEWS.people.spoken(channel, p.id, NOW)!.text).toBe(
    [p.name, p.role, `电话 ${p.phone}`, p.duties].join('。'),
  );
});

test('profile: the tile opens the profile itself once published, its figures read aloud with money in words', () => {
  const channel = firstOf('profile');
  const profile = channel.content;
  expect(channelTarget(channel.id, channel)).toBe(`read/${channel.id}/${profile.id}`);
  expect(channelTarget(channel.id, undefined)).toBe(`list/${channel.id}`);
  expect(presentDocument(channel, profile.id, NOW)).toMatchObject({
    title: profile.title,
    figures: profile.figures,
    paragraphs: profile.body,
  });
  const spoken = spokenText(KIND_VIEWS.profile.spoken(channel, profile.id, NOW)!.text, 'zh-Hans');
  const income = profile.figures.find((f) => f.value.startsWith('¥'))!;
  expect(income.value).toBe('¥85,000.00');
  expect(spoken).toContain(`${income.label} 八万五千元`);
});

test('ledger: months newest first with income, spending and closing balance; a month lists its vouchers', () => {
  const channel = firstOf('ledger');
  expect(channel.id).toBe(LEDGER_CHANNEL);
  const list = presentList(channel, NOW);
  expect(list.notes).toEqual([{ text: `账户：${channel.content.accountName} · 右列金额为期末余额` }]);
  const newest = channel.content.months.at(-1)!;
  const [y, m] = newest.month.split('-').map(Number);
  expect(list.rows[0]).toEqual({
    title: `${y}年${m}月`,
    detail: `本月收入 ${yuan(newest.incomeFen)} · 本月支出 ${yuan(newest.expenseFen)} · ${newest.voucherCount} 笔`,
    amount: yuan(newest.closingFen),
    target: `month/${newest.month}`,
  });
  expect(list.rows).toHaveLength(channel.content.months.length);
  expect(presentList(emptied(channel), NOW).notes).toEqual(list.notes);

  const month = read<LedgerMonthFeed>(newest.file);
  const model = presentMonth(month);
  expect(model.crumbs).toEqual(['社区', channelName(LEDGER_CHANNEL), `${y}年${m}月`]);
  expect(model.totals.map((t) => t.value)).toEqual(
    [month.openingFen, month.incomeFen, month.expenseFen, month.closingFen].map(yuan),
  );
  const v = month.vouchers[0]!;
  expect(model.rows[0]).toMatchObject({
    title: v.summary,
    amount: yuan(v.amountFen),
    target: `voucher/${month.month}/${v.id}`,
  });
  expect(presentVoucher(month, v.id)!.amount).toBe(yuan(v.amountFen));
  const none = presentMonth({ ...month, vouchers: [] });
  expect(none.rows).toEqual([]);
  // A month opens its own page, not the reader.
  expect(KIND_VIEWS.ledger.spoken(channel, newest.month, NOW)).toBeNull();
});

test('ledger: a voucher from a journal without 科目 shows 未填 and its number as the journal wrote it', () => {
  const month = read<LedgerMonthFeed>(firstOf('ledger').content.months.at(-1)!.file);
  const first = month.vouchers[0]!;
  const imported = { ...first, number: '记-001', account: { code: '', name: '未填' } };
  const feed = { ...month, vouchers: [imported, ...month.vouchers.slice(1)] };
  // The box's own check and the service's schema both take it.
  expect(checkLedgerMonth(feed).ok).toBe(true);
  expect(validateLedgerMonth(feed).ok).toBe(true);
  expect(presentMonth(feed).rows[0]!.detail).toBe(`${chineseDate(first.date)} · 记-001 · 未填`);
  const fields = presentVoucher(feed, first.id)!.fields;
  expect(fields.find((f) => f.label === '科目')?.value).toBe('未填');
  expect(fields.find((f) => f.label === '凭证号')?.value).toBe('记-001');
});

test('household: never published, its tiles are locked until the box is bound and open the pairing code', () => {
  const home = presentHome(feeds, (id) => published.find((c) => c.id === id), NOW);
  const household = home.sections.find((s) => s.id === 'household')!;
  const ids = CHANNELS.filter((c) => c.kind === 'household').map((c) => c.id);
  expect(
    household.tiles.map((t) => ({ channel: t.channel, locked: t.locked, updated: t.updated, target: t.target })),
  ).toEqual(ids.map((id) => ({ channel: id, locked: true, updated: '', target: `household/${id}` })));
  const bound = presentHome(feeds, (id) => published.find((c) => c.id === id), NOW, true);
  expect(bound.sections.flatMap((s) => s.tiles).filter((t) => t.locked)).toEqual([]);
  const pairing = { kind: 'pairing', code: '042917', expiresAt: '2026-11-20T10:30:00+08:00', offline: false } as const;
  expect(presentPairing(ids[0]!, pairing, '3F9A-12BC-77D0', 'STB-42')).toEqual({
    crumbs: ['家庭', channelName(ids[0]!)],
    title: `${channelName(ids[0]!)} · 本机顶盒尚未绑定家庭`,
    codeLabel: '配对码',
    code: '042 917',
    identity: '本机编号 3F9A-12BC-77D0    设备号 STB-42',
    status: '2026年11月20日 10:30 前有效，过期自动换新',
    body: zh['household.pair.how'],
  });
  expect(presentPairing(ids[0]!, { kind: 'revoked' }, '3F9A-12BC-77D0', null).title).toBe('本机顶盒已停用');
  expect(KIND_VIEWS.household.rows(undefined as never, NOW, new Set())).toEqual([]);
});

test('home: a public sub-channel with nothing published says so; every tile leads where its kind opens', () => {
  const home = presentHome(
    feeds,
    (id) => (id === LEDGER_CHANNEL ? undefined : published.find((c) => c.id === id)),
    NOW,
  );
  const tiles = home.sections.flatMap((s) => s.tiles);
  expect(tiles).toHaveLength(CHANNEL_COUNT);
  const ledger = tiles.find((t) => t.channel === LEDGER_CHANNEL)!;
  expect(ledger).toMatchObject({ updated: '尚未发布', locked: false, target: `list/${LEDGER_CHANNEL}` });
  const articles = firstOf('articles');
  expect(tiles.find((t) => t.channel === articles.id)!.updated).toBe(`${chineseDate(articles.updatedAt)} 更新`);
});
