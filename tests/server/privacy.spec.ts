/**
 * Personal numbers never reach the public feed, however they are written: the issue's
 * examples are refused on push, in text, in numbers and in keys, and after an approved
 * publish the village's public file holds none of them.
 */
import { test, expect } from '@playwright/test';
import { checkItem } from '../../server/content/rules';
import { feedPaths } from '../../src/feed/paths';
import { normaliseDigits } from '../../src/format/personalNumbers';
import { servedEntries } from '../feedTree';
import { call, startService, type RunningService } from './harness';

let service: RunningService;
test.beforeAll(async () => {
  service = await startService();
});
test.afterAll(async () => service.stop());

const village = () => service.tokens.clerk.region;
const notice = (paragraph: string) => ({ title: '补贴发放通知', body: [paragraph] });
const pushNotice = (id: string, item: unknown) =>
  call(service, 'PUT', `/api/regions/${village()}/channels/14/items/${id}`, service.tokens.clerk.token, item);
const table = (columns: { key: string; label: string; type: string }[], rows: Record<string, unknown>[]) => ({
  title: '耕地地力保护补贴发放名单',
  columns,
  rows,
});
const pushTable = (id: string, item: unknown) =>
  call(service, 'PUT', `/api/regions/${village()}/channels/19/items/${id}`, service.tokens.clerk.token, item);

/** The examples, and the other ways of writing them that got through before. */
const WRITTEN = [
  '138 1234 5678',
  '138-1234-5678',
  '138.1234.5678',
  '+8613812345678',
  '008613812345678',
  '１３８１２３４５６７８',
  '138\u00a01234\u00a05678',
  '138\u20091234\u20095678',
  '138\u30001234\u30005678',
  '370703 19900101 006X',
  '370703-19900101-006X',
  '３７０７０３１９９００１０１００６X',
  '370703900101123',
  '6228 4800 1234 5678 901',
  '6228-4800-1234-5678-901',
  '4367 4200 1234 5673',
  '5187 1000 1234 5676',
];

test('each way of writing a personal number in a notice is refused, naming the field', async () => {
  for (const text of WRITTEN) {
    const answer = await pushNotice('subsidy', notice(`补贴已发放，如有疑问请联系 ${text}。`));
    expect(answer.status, text).toBe(422);
    expect(answer.body.problems.map((p: { zh: string }) => p.zh).join(), text).toMatch(
      /「subsidy」的「正文」含有完整的(手机号|身份证号|银行卡号)/,
    );
  }
});

test('numbers in table cells and numbers used as keys are checked too', async () => {
  const columns = [
    { key: 'name', label: '姓名', type: 'masked' },
    { key: 'card', label: '卡号', type: 'text' },
  ];
  const asNumber = await pushTable('cells', table(columns, [{ name: '王*胜', card: 6228480012345678 }]));
  expect(asNumber.status).toBe(422);
  expect(asNumber.body.problems.map((p: { zh: string }) => p.zh).join()).toContain('含有完整的银行卡号');
  const asKey = await pushTable('keys', table(columns, [{ name: '王*胜', card: '****5678', '13812345678': 'x' }]));
  expect(asKey.status).toBe(422);
  expect(asKey.body.problems.map((p: { zh: string }) => p.zh).join()).toContain('含有完整的手机号');
  // A row key that looks like an amount's name is no hiding place.
  const amountNamed = await pushTable(
    'amount-named',
    table(
      [...columns, { key: 'cardFen', label: '金额', type: 'money' }],
      [{ name: '王*胜', card: '****5678', cardFen: 6228480012345678 }],
    ),
  );
  expect(amountNamed.status).toBe(422);
  expect(amountNamed.body.problems.map((p: { zh: string }) => p.zh).join()).toContain('含有完整的银行卡号');
});

test('a masked column accepts only masked values', async () => {
  const columns = [
    { key: 'name', label: '姓名', type: 'masked' },
    { key: 'card', label: '社保卡号', type: 'masked' },
  ];
  const fullName = await pushTable('roster', table(columns, [{ name: '王建胜', card: '****8901' }]));
  expect(fullName.status).toBe(422);
  expect(fullName.body.problems.map((p: { zh: string }) => p.zh)).toContain(
    '「roster」的「名称」是打码栏，只能填打码后的内容（如 王*国、3707**********1234、138****5678）',
  );
  const masked = await pushTable('roster', table(columns, [{ name: '王*胜', card: '****8901' }]));
  expect(masked.status).toBe(201);
});

test("officials' duty phones and contacts' work numbers are public: their phone field is not taken for a personal number", () => {
  const coverage = () => true;
  const official = {
    id: 'p1',
    publishedAt: '2026-11-01T09:00:00+08:00',
    version: 1,
    name: '王建国',
    role: '党支部书记',
    duties: '主持全面工作',
    photo: { src: 'media/x.jpg', width: 300, height: 400 },
    phone: '13812345678',
  };
  const contact = {
    id: 'c1',
    publishedAt: '2026-11-01T09:00:00+08:00',
    version: 1,
    name: '王建国',
    org: '新安街道办事处',
    role: '网格员',
    phone: '13812345678',
  };
  for (const [kind, item] of [
    ['people', official],
    ['contacts', contact],
  ] as const) {
    expect(
      checkItem(kind, item, 'x', { coverage })
        .map((p) => p.zh)
        .join(),
    ).not.toContain('含有完整的手机号');
    // Elsewhere in the same item a mobile is still personal.
    expect(
      checkItem(kind, { ...item, role: '13812345678' }, 'x', { coverage })
        .map((p) => p.zh)
        .join(),
    ).toContain('含有完整的手机号');
  }
});

test('after approval and publishing, the public village file holds none of the examples', async () => {
  const { clerk, committee, admin } = service.tokens;
  const good = await pushNotice('subsidy', notice('补贴已发放，如有疑问请联系 138****5678。'));
  expect(good.status).toBe(201);
  for (const text of WRITTEN) await pushNotice(`try-${WRITTEN.indexOf(text)}`, notice(`联系 ${text}`));
  const drafts = await call(service, 'GET', '/api/drafts', committee.token);
  for (const draft of drafts.body.filter((d: { region: string; created_by: number }) => d.region === clerk.region)) {
    expect((await call(service, 'POST', `/api/drafts/${draft.id}/approve`, committee.token)).status).toBe(200);
  }
  const published = await call(service, 'POST', '/api/publish', admin.token, {});
  expect(published.status).toBe(200);
  const entries = await servedEntries(async (path) => (await fetch(`${service.url}${path}`)).json());
  const villageFile = await (
    await fetch(`${service.url}/feed/objects/${entries[feedPaths.village(village())]!.sha256}.json`)
  ).text();
  expect(villageFile).toContain('138****5678');
  const digitsOnly = normaliseDigits(villageFile).replace(/[^0-9Xx]/g, '');
  for (const text of WRITTEN)
    expect(digitsOnly, text).not.toContain(
      normaliseDigits(text)
        .replace(/[^0-9Xx]/g, '')
        .replace(/^(\+?86|0086)/, ''),
    );
});
