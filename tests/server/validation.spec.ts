/**
 * Every push is checked before it is stored: each rule answers with the item, the
 * field and the reason in plain Chinese and English, and nothing invalid is published.
 */
import { test, expect } from '@playwright/test';
import { readSample } from './harness';
import { call, startInProcess, type InProcessService } from './inProcess';

let service: InProcessService;
test.beforeAll(async () => {
  service = await startInProcess();
});
test.afterAll(async () => service.stop());

const clerk = () => service.tokens.clerk;
const village = () => clerk().region;

/** The sample's October as the starting point for a November push. */
const october = () => readSample(`villages/${village()}/ledger/2026-10.json`);

const voucher = (number: string, overrides: Record<string, unknown> = {}) => ({
  id: `v-2026-11-${number.slice(2)}`,
  number,
  date: '2026-11-05T00:00:00+08:00',
  summary: '支付村委会十一月电费',
  account: { code: '54102', name: '管理费用—水电费' },
  direction: 'expense',
  amountFen: 33030,
  handler: '王建国',
  witness: '李秀英',
  approver: '张志强',
  bookkeeper: '刘慧敏',
  review: { reviewer: '赵勇', reviewedAt: '2026-11-06T00:00:00+08:00', opinion: '经审核，票据真实有效', sealed: true },
  attachmentCount: 1,
  receipts: [],
  ...overrides,
});

const pushMonth = (vouchers: unknown[], extra: Record<string, unknown> = {}) =>
  call(service, 'PUT', `/api/regions/${village()}/channels/15/items/2026-11`, clerk().token, { vouchers, ...extra });

const messages = (answer: { body: { problems?: { zh: string; en: string }[] } }) =>
  (answer.body.problems ?? []).map((p) => p.zh);

test('a valid month is stored as a draft, its opening balance carried from October', async () => {
  const answer = await pushMonth([voucher('记-0001')]);
  expect(answer.status).toBe(201);
  expect(answer.body.body.openingFen).toBe(october().closingFen);
});

test('a negative amount is refused, naming the voucher and the field', async () => {
  const answer = await pushMonth([voucher('记-0001', { amountFen: -33030 })]);
  expect(answer.status).toBe(422);
  expect(answer.body.error.zh).toBe('内容有误，未保存');
  expect(messages(answer)).toEqual(['「记-0001」的「金额」必须大于零']);
  expect(answer.body.problems[0].en).toBe('记-0001: amount must be more than zero');
  expect(answer.body.problems[0].field).toBe('/amountFen');
});

test('an amount that is not whole fen is refused', async () => {
  const answer = await pushMonth([voucher('记-0001', { amountFen: 330.3 })]);
  expect(messages(answer)).toContain('「记-0001」的「金额」必须是整数（金额以分为单位）');
});

test('a date that does not exist, or lacks +08:00, is refused', async () => {
  const impossible = await pushMonth([voucher('记-0001', { date: '2026-02-30T00:00:00+08:00' })]);
  expect(messages(impossible)).toContain('「记-0001」的「日期」不是真实存在的日期');
  const zoneless = await pushMonth([voucher('记-0001', { date: '2026-11-05' })]);
  expect(messages(zoneless)).toContain('「记-0001」的「日期」时间格式不对，应为 2026-10-03T09:00:00+08:00');
});

test('a voucher without its approver is refused', async () => {
  const { approver: _a, ...rest } = voucher('记-0002');
  const answer = await pushMonth([rest]);
  expect(messages(answer)).toContain('「记-0002」的「审批人」缺少必填项');
});

test('an opening balance that does not follow from last month is refused', async () => {
  const answer = await pushMonth([voucher('记-0001')], { openingFen: 1 });
  expect(answer.status).toBe(422);
  expect(messages(answer).join()).toMatch(/期初余额」应等于上月期末余额 ¥[\d,]+\.\d\d，实为 ¥0\.01/);
});

test('whole ID, mobile and bank card numbers are refused anywhere in the text', async () => {
  for (const [text, reason] of [
    ['身份证号370703198803151234', '含有完整的身份证号'],
    ['联系电话13812345678', '含有完整的手机号'],
    ['打入卡号6228480012345678901', '含有完整的银行卡号'],
  ] as const) {
    const answer = await pushMonth([voucher('记-0001', { summary: `支付补贴，${text}` })]);
    expect(answer.status).toBe(422);
    expect(messages(answer).join()).toContain(`「记-0001」的「摘要」${reason}`);
  }
  const masked = await pushMonth([voucher('记-0001', { summary: '支付补贴，联系电话138****5678' })]);
  expect(masked.status).toBe(201);
});

test("characters the box's font cannot show are reported", async () => {
  const answer = await pushMonth([voucher('记-0001', { summary: '支付𠀾村路灯电费' })]);
  expect(messages(answer).join()).toContain('有电视字体显示不了的字：𠀾');
});

test('an item pushed to a sub-channel of another level, or a malformed notice, is refused', async () => {
  const wrongLevel = await call(
    service,
    'PUT',
    `/api/regions/${village()}/channels/6/items/x`,
    service.tokens.admin.token,
    { title: '街道动态', body: ['正文'] },
  );
  expect(wrongLevel.status).toBe(422);
  expect(wrongLevel.body.error.zh).toContain('不属于');
  const noTitle = await call(service, 'PUT', `/api/regions/${village()}/channels/14/items/n1`, clerk().token, {
    body: ['正文'],
  });
  expect(messages(noTitle)).toContain('「n1」的「标题」缺少必填项');
  const official = (phone: string, role = '党支部书记') => ({
    name: '王建国',
    role,
    duties: '主持全面工作',
    photo: { src: 'media/x.jpg', width: 300, height: 400 },
    phone,
  });
  // An official's duty phone is public: a whole mobile is stored as given.
  const dutyPhone = await call(
    service,
    'PUT',
    `/api/regions/${village()}/channels/12/items/p1`,
    clerk().token,
    official('13812345678'),
  );
  expect(dutyPhone.status).toBe(201);
  const notAPhone = await call(
    service,
    'PUT',
    `/api/regions/${village()}/channels/12/items/p2`,
    clerk().token,
    official('请拨 138'),
  );
  expect(messages(notAPhone)).toContain(
    '「p2」的「电话」只能填工作电话：手机号、办公电话或服务热线（如 13812345678、0536-7251234、12345）',
  );
  // The same mobile beside the phone field is a private number.
  const inRole = await call(
    service,
    'PUT',
    `/api/regions/${village()}/channels/12/items/p3`,
    clerk().token,
    official('13812345678', '书记 13812345678'),
  );
  expect(messages(inRole).join()).toContain('「p3」的「职务」含有完整的手机号');
});

test('nothing invalid reaches the feed: refused pushes leave the published version as it was', async () => {
  const manifest = async () => (await call(service, 'GET', '/feed/manifest.json', null)).body;
  const before = await manifest();
  await pushMonth([voucher('记-0001', { amountFen: -1 })]);
  const published = await call(service, 'POST', '/api/publish', service.tokens.admin.token, {});
  const after = await manifest();
  expect(after.version).toBe(published.body.version);
  // The only change that could publish is the valid draft from the first test, still unapproved.
  expect(after.files).toEqual(before.files);
});

test('fields an item does not have are refused, whatever they hold', async () => {
  const notice = { title: '停水通知', body: ['明日停水。'], evil: '<img src=x onerror=alert(1)>' };
  const answer = await call(
    service,
    'PUT',
    `/api/regions/${village()}/channels/14/items/unknown-field`,
    clerk().token,
    notice,
  );
  expect(answer.status).toBe(422);
  expect(messages(answer)).toContain('「unknown-field」的「evil」不是这类内容的字段，不能提交');
  const inVoucher = await pushMonth([voucher('记-0001', { memo: 'x' })]);
  expect(messages(inVoucher)).toContain('「记-0001」的「memo」不是这类内容的字段，不能提交');
});

test('an item nested deeper than any kind of content is refused before anything else is checked', async () => {
  let deep: unknown = 'x';
  for (let i = 0; i < 500; i++) deep = [deep];
  const answer = await call(service, 'PUT', `/api/regions/${village()}/channels/14/items/deep`, clerk().token, {
    title: '通知',
    body: ['正文'],
    deep,
  });
  expect(answer.status).toBe(422);
  expect(messages(answer)).toEqual(['「deep」的「内容」嵌套太深（最多 8 层）']);
});

test('impossible amounts are refused: beyond exact integers, or above the district ceiling per voucher', async () => {
  // 9007199254740993 is sent as written: JSON.stringify would round it.
  const raw = (amount: string) =>
    call(
      service,
      'PUT',
      `/api/regions/${village()}/channels/15/items/2026-11`,
      clerk().token,
      undefined,
      JSON.stringify({ vouchers: [voucher('记-0001', { amountFen: 1 })] }).replace(
        '"amountFen":1',
        `"amountFen":${amount}`,
      ),
    );
  for (const amount of ['1e20', '1e308', '9007199254740993']) {
    const answer = await raw(amount);
    expect(answer.status, amount).toBe(422);
    expect(JSON.stringify(answer.body), amount).toContain('数字太大，无法准确保存');
  }
  const aboveCeiling = await pushMonth([voucher('记-0001', { amountFen: 1_000_000_001 })]);
  expect(messages(aboveCeiling)).toContain('「记-0001」的「金额」超过单笔上限 ¥10,000,000.00，请核对');
  const atCeiling = await pushMonth([voucher('记-0001', { amountFen: 1_000_000_000 })]);
  expect(atCeiling.status).toBe(201);
  const cell = await call(service, 'PUT', `/api/regions/${village()}/channels/18/items/big-cell`, clerk().token, {
    title: '收益分配',
    columns: [{ key: 'amount', label: '金额', type: 'money' }],
    rows: [{ amount: 1e20 }],
  });
  expect(messages(cell).join()).toContain('数字太大，无法准确保存');
});

test('ledger rules: vouchers dated within their month, no voucher number twice, receipts only uploaded media', async () => {
  const outside = await pushMonth([
    voucher('记-0001', { date: '2099-11-05T00:00:00+08:00' }),
    voucher('记-0002', { date: '2025-01-05T00:00:00+08:00' }),
  ]);
  expect(messages(outside)).toEqual(
    expect.arrayContaining([
      '「记-0001」的「日期」不在本月（2026-11）之内',
      '「记-0002」的「日期」不在本月（2026-11）之内',
    ]),
  );
  const twice = await pushMonth([voucher('记-0001'), voucher('记-0001', { id: 'v-2026-11-other' })]);
  expect(messages(twice)).toContain('「记-0001」的「凭证号」与本月另一张凭证重号');
  const receipt = (src: string) => ({ src, width: 1024, height: 768, kind: '发票' });
  for (const src of ['media/../../signing-key.pem', 'objects/manifest.json', 'media/receipts/never-uploaded.jpg']) {
    const answer = await pushMonth([voucher('记-0001', { receipts: [receipt(src)] })]);
    expect(messages(answer), src).toContain('「记-0001」的「文件」不是已上传的票据图片（先用 sanwu attach 上传）');
  }
  // A receipt the sample district published is there.
  const published = october().vouchers.find((v: { receipts: unknown[] }) => v.receipts.length)!.receipts[0];
  expect((await pushMonth([voucher('记-0001', { receipts: [published] })])).status).toBe(201);
});

test('every attachment of a voucher is its own image: the count must equal the images, naming the voucher', async () => {
  const images = october().vouchers.find((v: { receipts: unknown[] }) => v.receipts.length > 1)!.receipts as unknown[];
  expect(images.length).toBeGreaterThan(1);
  const short = await pushMonth([
    voucher('记-0001'),
    voucher('记-0002', { attachmentCount: images.length + 1, receipts: images }),
  ]);
  expect(short.status).toBe(422);
  expect(messages(short)).toEqual([
    `「记-0002」的「附件张数」为 ${images.length + 1} 张，但附了 ${images.length} 张图片：每张附件各附一张图片（sanwu attach 可一次附多张）`,
  ]);
  expect(short.body.problems[0].en).toContain(
    `记-0002: number of attachments is ${images.length + 1} but ${images.length} image(s) are attached`,
  );
  // As many images as attachments; or none yet, when the books come before the scans.
  expect(
    (
      await pushMonth([
        voucher('记-0001', { attachmentCount: 2, receipts: [] }),
        voucher('记-0002', { attachmentCount: images.length, receipts: images }),
      ])
    ).status,
  ).toBe(201);
});
