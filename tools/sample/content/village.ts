/**
 * Village sub-channels 11-20: profile, officials, Party affairs, village affairs, the
 * ledger's month list, assets, debts, special disclosures, benefit rosters and villagers' Q&A.
 */
import type { Article, Channel, LedgerMonthRef, Person, Profile } from '../../../src/feed/schema';
import { feedPaths } from '../../../src/feed/paths';
import { maskBankCard, maskName } from '../../../src/format/mask';
import { formatFen } from '../../../src/format/money';
import { iso, parseIso, wall, type Wall } from '../clock';
import { bankCard } from '../identity';
import type { VillageLedger } from '../ledger';
import type { Media } from '../media';
import type { Rng } from '../prng';
import type { Village } from '../world';
import { article, channel, col, day, item, question, table } from './common';
import { villageReport } from './villageReport';

const id = (v: Village, channelId: number, key: string) => `c${v.code}-${channelId}-${key}`;
const photoPath = (v: Village, name: string) => `media/photos/${v.code}/${name}.jpg`;

const profile = (v: Village, ledger: VillageLedger, media: Media, rng: Rng): Channel => {
  const income2025 = rng.int(18, 160) * 1_000_00;
  const industry = rng.pick(['小麦、玉米种植', '蔬菜大棚种植', '萝卜种植和初加工', '苗木花卉种植', '生猪和肉鸡养殖']);
  const content: Profile = {
    ...item(id(v, 11, 'profile'), wall(2026, 10, 10, 10, 0)),
    title: `${v.name}村情概况`,
    body: [
      `示例数据（虚构）：本村名称、人员和数字均为虚构，仅用于演示。`,
      `${v.name}位于${v.street.name}驻地${rng.pick(['东', '西', '南', '北', '东北', '西南'])}${rng.int(2, 9)}公里，全村${v.households}户、${v.population}人，分${v.groups}个村民小组，耕地${v.farmlandMu}亩，主导产业为${industry}。`,
      `村党支部有党员${v.partyMembers}名。村“两委”成员${v.committee.length}人，村务监督委员会成员3人。村级财务实行“村账街管”，由${v.street.name}农经站代理记账，每月在电视平台公开。`,
      ledger.traits.solar
        ? '村里建有屋顶光伏电站，发电收益归村集体所有，按月入账公开。'
        : '村集体收入主要来自土地发包、厂房出租和上级补助。',
    ],
    figures: [
      { label: '户数', value: `${v.households}户` },
      { label: '人口', value: `${v.population}人` },
      { label: '村民小组', value: `${v.groups}个` },
      { label: '耕地面积', value: `${v.farmlandMu}亩` },
      { label: '党员', value: `${v.partyMembers}名` },
      { label: '2025年集体经营性收入', value: formatFen(income2025) },
      { label: '主导产业', value: industry },
    ],
    photos: [
      media.scene(photoPath(v, 'profile-village'), v.index, rng.fork('p1'), 'village', `${v.name}村貌`),
      media.scene(photoPath(v, 'profile-field'), v.index, rng.fork('p2'), 'field', `${v.name}农田`),
      media.scene(photoPath(v, 'profile-square'), v.index, rng.fork('p3'), 'square', `${v.name}文化广场`),
    ],
  };
  return channel(11, 'profile', wall(2026, 10, 10, 10, 0), content);
};

const people = (v: Village, media: Media, rng: Rng): Channel => {
  const at = wall(2026, 9, 5, 10, 0);
  const list: Person[] = v.officials.map((o, i) => ({
    ...item(id(v, 12, String(i + 1)), at),
    name: o.name,
    role: o.role,
    duties: o.duties,
    photo: media.portrait(photoPath(v, `person-${i + 1}`), v.index * 7 + i, rng.fork(i), o),
    phone: o.phone,
  }));
  return channel(12, 'people', at, list);
};

const partyAffairs = (v: Village, media: Media, rng: Rng): Channel => {
  const overdue = v.quirks.overdue.includes(13);
  const due = rng.int(Math.round(v.partyMembers * 0.9), v.partyMembers);
  const duesFen = due * rng.int(6, 30) * 100;
  const activist = v.names.next();
  const items: Article[] = [
    article(id(v, 13, 'dues-q3'), wall(2026, 10, 12, 9, 0), '2026年第三季度党费收缴情况公示', [
      `本支部共有党员${v.partyMembers}名，第三季度应交党费党员${due}名，实交${due}名，共收缴党费${formatFen(duesFen)}，已全额上交街道党工委。`,
      '党员按月或按季度交纳党费，交纳标准按照有关规定执行。离退休党员和生活困难的党员，按规定少交或免交。',
      '对公示内容有疑问的，请向村党支部反映。',
    ]),
    article(id(v, 13, 'candidate'), wall(2026, 9, 20, 9, 0), '关于确定入党积极分子的公示', [
      `经党员推荐、支部委员会研究，拟确定${activist}同志为入党积极分子。`,
      '公示期为七天。党员和群众对其有意见的，可以向村党支部或街道党工委反映。',
    ]),
    article(
      id(v, 13, 'party-day'),
      wall(2026, 9, 15, 16, 0),
      '九月主题党日活动',
      [
        '九月十日，村党支部组织全体党员开展主题党日活动，学习了村务公开和集体“三资”管理的有关规定。',
        '活动中，党员们清理了村内主街两侧的垃圾和杂物，走访了五户困难群众。',
      ],
      { photos: [media.scene(photoPath(v, 'party-day'), v.index, rng.fork('pd'), 'meeting', '主题党日活动现场')] },
    ),
    article(id(v, 13, 'goals'), wall(2026, 7, 5, 9, 0), '2026年度党支部工作目标及上半年完成情况', [
      '年度目标：落实“三会一课”制度，全年召开支部党员大会不少于四次；发展党员一名；村集体经营性收入比上年增长；村务、财务按时公开。',
      '上半年完成情况：召开支部党员大会两次，支委会六次，上党课两次；确定发展对象一名；村务、财务按月公开。',
    ]),
  ];
  return channel(
    13,
    'articles',
    overdue ? wall(2026, 7, 5, 9, 0) : wall(2026, 10, 12, 9, 0),
    overdue ? items.slice(3) : items,
  );
};

const villageAffairs = (v: Village, ledger: VillageLedger, rng: Rng): Channel => {
  const landFen = ledger.months
    .filter((m) => m.key === '2025-11' || m.key === '2025-12')
    .flatMap((m) => m.vouchers)
    .filter((x) => x.account.code === '51101')
    .reduce((s, x) => s + x.amountFen, 0);
  const landBody = [
    `2026年度土地承包费已于2025年11月至12月收缴完毕，共收缴${formatFen(landFen)}，全部存入村集体银行账户。`,
    '每一笔承包费的收据和入账凭证，都可以在“财务收支”栏目2025年11月、12月中查看。',
  ];
  const land: Article = v.quirks.correction
    ? {
        ...article(id(v, 14, 'land-fee-r2'), wall(2026, 1, 8, 9, 0), '关于2026年度土地承包费收缴情况的公告', landBody),
        version: 2,
        correction: {
          correctedAt: iso(wall(2026, 1, 15, 10, 0)),
          note: '原公告把收缴时间误写为“2025年10月至11月”，收缴金额中漏计了一笔12月的承包费，现已更正。',
          supersedes: id(v, 14, 'land-fee'),
        },
      }
    : article(id(v, 14, 'land-fee'), wall(2026, 1, 8, 9, 0), '关于2026年度土地承包费收缴情况的公告', landBody);
  const items: Article[] = [
    article(
      id(v, 14, 'report-2026'),
      wall(2026, 11, 15, 9, 0),
      '2026年村级重大事项决策实施及财务收支情况报告',
      villageReport(v, ledger),
      {
        summary: `1月至10月村级重大事项、财务收支和群众意见办理情况。`,
      },
    ),
    article(id(v, 14, 'decision-1028'), wall(2026, 10, 28, 16, 0), '村民代表会议决议公告', [
      `2026年10月26日，本村召开村民代表会议，应到代表${rng.int(25, 40)}人，实到${rng.int(22, 25)}人，会议由村党支部书记${v.secretary.name}主持。`,
      '会议讨论通过了以下事项：一、续聘村保洁员，工资标准不变；二、冬季取暖期间党群服务中心使用天然气取暖；三、重阳节走访慰问八十周岁以上老人。',
      '以上事项的实施情况将按时公开。',
    ]),
    article(id(v, 14, 'environment'), wall(2026, 9, 28, 10, 0), '人居环境整治情况', [
      `九月份，全村开展村庄清洁行动，清理垃圾和杂物${rng.int(20, 80)}处，清理排水沟${rng.int(1, 4)}公里。`,
      '请村民们自觉把垃圾放进垃圾桶，不在房前屋后堆放柴草和杂物。',
    ]),
    land,
  ];
  return channel(14, 'articles', wall(2026, 11, 15, 9, 0), items);
};

const ledgerChannel = (v: Village, ledger: VillageLedger): Channel => {
  const months: LedgerMonthRef[] = ledger.months.map((m) => ({
    month: m.key,
    openingFen: m.openingFen,
    incomeFen: m.incomeFen,
    expenseFen: m.expenseFen,
    closingFen: m.closingFen,
    voucherCount: m.vouchers.length,
    file: feedPaths.ledgerMonth(v.code, m.key),
  }));
  const last = ledger.months[ledger.months.length - 1];
  return channel(15, 'ledger', last?.publishedAt ?? wall(2026, 11, 8, 10, 0), {
    accountName: `${v.name.replace(/(村|社区)$/, '')}${v.name.endsWith('社区') ? '社区' : '村'}股份经济合作社`,
    months,
  });
};

const assets = (v: Village, ledger: VillageLedger, rng: Rng): Channel => {
  const at = wall(2026, 10, 12, 10, 0);
  const fixed = [
    {
      name: '村委会办公楼',
      location: '村中心',
      quantity: `${rng.int(300, 600)}平方米`,
      acquired: day(wall(rng.int(2008, 2016), 6, 1)),
      value: rng.int(40, 90) * 10_000_00,
      status: '在用',
    },
    {
      name: '党群服务中心',
      location: '村委会大院',
      quantity: `${rng.int(200, 400)}平方米`,
      acquired: day(wall(rng.int(2018, 2022), 9, 1)),
      value: rng.int(30, 70) * 10_000_00,
      status: '在用',
    },
    {
      name: '文化广场',
      location: '村东',
      quantity: `${rng.int(1500, 4000)}平方米`,
      acquired: day(wall(rng.int(2016, 2021), 5, 1)),
      value: rng.int(15, 40) * 10_000_00,
      status: '在用',
    },
    {
      name: '办公电脑及打印机',
      location: '村委会',
      quantity: `${rng.int(3, 6)}套`,
      acquired: day(wall(2023, 3, 1)),
      value: rng.int(15, 30) * 1_000_00,
      status: '在用',
    },
  ];
  if (ledger.traits.solar)
    fixed.push({
      name: '屋顶光伏电站',
      location: '村委会及厂房屋顶',
      quantity: `${rng.int(80, 300)}千瓦`,
      acquired: day(wall(2021, 8, 1)),
      value: rng.int(30, 120) * 10_000_00,
      status: '在用（收益归集体）',
    });
  if (ledger.traits.waterStation)
    fixed.push({
      name: '村级供水站',
      location: '村北',
      quantity: '1处',
      acquired: day(wall(2015, 4, 1)),
      value: rng.int(20, 60) * 10_000_00,
      status: '在用',
    });
  if (ledger.traits.rentals > 0)
    fixed.push({
      name: '集体厂房',
      location: '村东',
      quantity: `${rng.int(600, 2000)}平方米`,
      acquired: day(wall(2012, 5, 1)),
      value: rng.int(50, 150) * 10_000_00,
      status: '出租',
    });
  const resources = Array.from({ length: rng.int(4, 7) }, (_, i) => {
    const halfMu = rng.int(10, 200);
    const perMuFen = rng.int(40, 90) * 1000;
    const start = rng.int(2022, 2026);
    return {
      resource: rng.pick([
        `第${(i % v.groups) + 1}村民小组机动地`,
        '村东坑塘',
        '村西林地',
        '村南荒地',
        '村北沟渠两侧林地',
      ]),
      area: `${halfMu / 2}亩`,
      contractor: maskName(v.names.next()),
      term: `${start}年至${start + rng.pick([3, 5, 5, 10])}年`,
      fee: (halfMu * perMuFen) / 2,
      signed: day(wall(start - 1, 12, rng.int(1, 28))),
    };
  });
  return channel(16, 'tables', at, [
    table(
      id(v, 16, 'fixed'),
      at,
      '集体固定资产登记表',
      [
        col('name', '资产名称'),
        col('location', '位置'),
        col('quantity', '数量或面积'),
        col('acquired', '购建时间', 'date'),
        col('value', '原值', 'money'),
        col('status', '使用状态'),
      ],
      fixed,
    ),
    table(
      id(v, 16, 'resources'),
      at,
      '集体资源发包情况',
      [
        col('resource', '资源'),
        col('area', '面积'),
        col('contractor', '承包方', 'masked'),
        col('term', '承包期限'),
        col('fee', '年承包费', 'money'),
        col('signed', '签订日期', 'date'),
      ],
      resources,
      {
        note: '发包方案经村民代表会议讨论通过，公开发包。承包方姓名隐去一字。',
      },
    ),
  ]);
};

const debts = (v: Village, rng: Rng): Channel => {
  const at = v.quirks.overdue.includes(17) ? wall(2026, 7, 12, 10, 0) : wall(2026, 10, 12, 10, 0);
  const receivable = [
    {
      party: maskName(v.names.next()),
      reason: '2026年度土地承包费缓交（已签还款协议）',
      amount: rng.int(20, 80) * 100_00,
      since: day(wall(2025, 12, 28)),
    },
    {
      party: rng.pick(['潍坊宏盛包装制品有限公司', '寒亭区鑫源农资经营部']),
      reason: '厂房租金尾款',
      amount: rng.int(10, 60) * 100_00,
      since: day(wall(2026, 7, 1)),
    },
  ];
  const payable = [
    {
      party: rng.pick(['潍坊市寒亭区通达建筑工程有限公司', '山东亭城建设工程有限公司']),
      reason: '道路工程质保金（保修期满后支付）',
      amount: rng.int(30, 120) * 100_00,
      since: day(wall(2026, 9, 30)),
    },
    {
      party: '寒亭区利民五金店',
      reason: '零星材料款（待发票）',
      amount: rng.int(3, 20) * 100_00,
      since: day(wall(2026, 10, 20)),
    },
  ];
  const columns = [
    col('party', '单位或个人', 'text'),
    col('reason', '事由'),
    col('amount', '金额', 'money'),
    col('since', '发生日期', 'date'),
  ];
  return channel(17, 'tables', at, [
    table(id(v, 17, 'receivable'), at, '应收款（债权）明细', columns, receivable, { note: '个人姓名隐去一字。' }),
    table(id(v, 17, 'payable'), at, '应付款（债务）明细', columns, payable),
  ]);
};

const special = (v: Village, ledger: VillageLedger, rng: Rng): Channel => {
  const sumOf = (code: string) =>
    ledger.months
      .flatMap((m) => m.vouchers)
      .filter((x) => x.account.code === code)
      .reduce((s, x) => s + x.amountFen, 0);
  const tables = [];
  const project = ledger.traits.projectMonth;
  let updated: Wall = wall(2026, 3, 20, 10, 0);
  if (project !== undefined) {
    const grant = sumOf('52203');
    const levy = sumOf('231');
    const paid = sumOf('154');
    updated = wall(2026, Math.min(project + 3, 10), 15, 10, 0);
    tables.push(
      table(
        id(v, 18, 'road'),
        updated,
        '村内道路硬化项目资金收支情况',
        [col('item', '项目'), col('amount', '金额', 'money'), col('note', '说明')],
        [
          { item: '上级奖补资金', amount: grant, note: `${project}月到账` },
          { item: '一事一议筹资', amount: levy, note: `${project - 1}月各村民小组交纳` },
          { item: '已付工程款', amount: paid, note: '按合同分期支付，凭证见“财务收支”' },
        ],
        { note: '资金专款专用，工程完工验收后公开结算情况。' },
      ),
      table(
        id(v, 18, 'levy'),
        wall(2026, project - 1, 28, 10, 0),
        '一事一议筹资情况',
        [
          col('group', '村民小组'),
          col('households', '户数', 'number'),
          col('people', '人数', 'number'),
          col('perPerson', '每人筹资', 'money'),
          col('raised', '实收金额', 'money'),
        ],
        Array.from({ length: v.groups }, (_, g) => {
          const peopleCount = rng.int(40, 160);
          return {
            group: `第${g + 1}村民小组`,
            households: Math.round(peopleCount / 3),
            people: peopleCount,
            perPerson: 2000,
            raised: peopleCount * 2000,
          };
        }),
        {
          note: '筹资方案经村民代表会议讨论通过，每人每年不超过规定上限，五保户、低保户免交。各组实收金额以银行入账为准。',
        },
      ),
    );
  }
  const share = rng.int(30, 120) * 100;
  tables.push(
    table(
      id(v, 18, 'dividend'),
      wall(2026, 3, 20, 10, 0),
      '2025年度集体收益分配方案',
      [col('item', '项目'), col('amount', '金额', 'money'), col('note', '说明')],
      [
        { item: '可分配收益', amount: rng.int(8, 40) * 10_000_00, note: '2025年度' },
        { item: '提取公积公益金', amount: rng.int(2, 8) * 10_000_00, note: '用于公益事业' },
        { item: '每股分红', amount: share, note: `共${v.population}股，每人一股` },
      ],
      { note: '分配方案经村民代表会议讨论通过，分红通过社保卡发放到户。' },
    ),
  );
  return channel(18, 'tables', updated, tables);
};

const benefits = (v: Village, rng: Rng): Channel => {
  const at = wall(2026, 10, 20, 10, 0);
  const perMu = 12500;
  const farmland = Array.from({ length: rng.int(10, 14) }, () => {
    const halfMu = rng.int(4, 30);
    return {
      group: `第${rng.int(1, v.groups)}组`,
      name: maskName(v.names.next()),
      area: `${halfMu / 2}`,
      perMu,
      amount: (halfMu * perMu) / 2,
      card: maskBankCard(bankCard(rng)),
    };
  });
  const elderly = Array.from({ length: rng.int(6, 10) }, () => {
    const age = rng.int(80, 98);
    const monthly = age >= 90 ? 20000 : 10000;
    return {
      group: `第${rng.int(1, v.groups)}组`,
      name: maskName(v.names.next()),
      age,
      monthly,
      months: 3,
      total: monthly * 3,
    };
  });
  return channel(19, 'tables', at, [
    table(
      id(v, 19, 'farmland-2026'),
      at,
      '2026年耕地地力保护补贴发放名单',
      [
        col('group', '村民小组'),
        col('name', '姓名', 'masked'),
        col('area', '面积（亩）'),
        col('perMu', '每亩补贴', 'money'),
        col('amount', '补贴金额', 'money'),
        col('card', '社保卡号', 'masked'),
      ],
      farmland,
      {
        note: '补贴通过社保卡直接发放到户。姓名隐去一字，卡号只显示后四位。对名单有疑问的，请找村报账员或街道农业服务中心。',
      },
    ),
    table(
      id(v, 19, 'elderly-q3'),
      at,
      '2026年第三季度高龄津贴发放名单',
      [
        col('group', '村民小组'),
        col('name', '姓名', 'masked'),
        col('age', '年龄', 'number'),
        col('monthly', '月标准', 'money'),
        col('months', '月数', 'number'),
        col('total', '发放金额', 'money'),
      ],
      elderly,
      {
        note: '八十至八十九周岁每人每月一百元，九十周岁以上每人每月二百元（示例标准）。',
      },
    ),
  ]);
};

const villagersQa = (v: Village, ledger: VillageLedger, _rng: Rng): Channel => {
  const asker = () => maskName(v.names.next());
  const light = ledger.months
    .find((m) => m.key === '2026-09')
    ?.vouchers.find((x) => x.summary.startsWith('支付村内路灯电费'));
  const items = [
    question(id(v, 20, '1009'), {
      title: '路灯电费为什么比上个月多',
      question: `我在电视上看到九月份${light ? `路灯电费是${formatFen(light.amountFen)}` : '路灯电费'}，比八月份多，是什么原因？`,
      askedBy: asker(),
      askedAt: wall(2026, 10, 9, 20, 15),
      answer:
        '九月份秋分以后天黑得早，路灯每天亮的时间比八月份长一个多小时，另外新增了三盏路灯，所以电费多了一些。电费发票和供电公司的用电明细都在凭证后面附着，欢迎查看。',
      answeredAt: wall(2026, 10, 14, 10, 0),
    }),
    question(id(v, 20, '1022'), {
      title: '垃圾清运费按什么标准结算',
      question: '村里的垃圾清运费是按次数还是按月结算的？',
      askedBy: asker(),
      askedAt: wall(2026, 10, 22, 19, 40),
      answer: '按合同约定的清运次数结算，每月由保洁员记录清运次数，环卫公司开具发票，村务监督委员会核对次数后入账。',
      answeredAt: wall(2026, 10, 30, 9, 30),
    }),
    question(id(v, 20, '1110'), {
      title: '冬季取暖费谁出',
      question: '党群服务中心冬天取暖的天然气费是村里出吗？',
      askedBy: asker(),
      askedAt: wall(2026, 11, 10, 18, 0),
      answer: '是的，经村民代表会议讨论同意，由村集体支出，每月的天然气费发票在“财务收支”中公开。',
      answeredAt: wall(2026, 11, 12, 11, 0),
    }),
    question(id(v, 20, '1116'), {
      title: '道路施工什么时候结束',
      question: '村南那段路什么时候能修好？现在过车不方便。',
      askedBy: asker(),
      askedAt: wall(2026, 11, 16, 9, 30),
    }),
  ];
  // Every other village has a question left unanswered past the ten days, so the clock shows red.
  if (v.index % 2 === 0) {
    items.push(
      question(id(v, 20, '1106'), {
        title: '集体收益分红什么时候发',
        question: '去年的集体收益分红方案公布了，今年的分红什么时候发？每人多少？',
        askedBy: asker(),
        askedAt: wall(2026, 11, 6, 20, 30),
      }),
    );
  }
  const latest = items.reduce((t, q) => Math.max(t, parseIso(q.publishedAt)), 0);
  return channel(20, 'qa', latest, items);
};

export const villageChannels = (v: Village, ledger: VillageLedger, media: Media, rng: Rng): Channel[] => [
  profile(v, ledger, media, rng.fork(11)),
  people(v, media, rng.fork(12)),
  partyAffairs(v, media, rng.fork(13)),
  villageAffairs(v, ledger, rng.fork(14)),
  ledgerChannel(v, ledger),
  assets(v, ledger, rng.fork(16)),
  debts(v, rng.fork(17)),
  special(v, ledger, rng.fork(18)),
  benefits(v, rng.fork(19)),
  villagersQa(v, ledger, rng.fork(20)),
];
