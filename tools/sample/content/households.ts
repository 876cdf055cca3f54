/**
 * A village's households and their private pages (sub-channels 21–25), fictional: what the
 * service seals to a box once a clerk binds it. Never written into the public feed: the file goes
 * to its own directory (static/private/households), which the app's build does not copy.
 */
import type { HouseholdPage, HouseholdsFile } from '../../../src/household/pages';
import { maskName } from '../../../src/format/mask';
import { iso, wall, type Wall } from '../clock';
import type { Rng } from '../prng';
import { personName } from '../vocab';
import type { Village } from '../world';
import { day, NOW } from './common';

/** How many households of each village have sample pages. */
export const SAMPLE_HOUSEHOLDS = 30;

const SUBSIDIES: { kind: string; office: string; fen: [number, number]; months: number[] }[] = [
  { kind: '耕地地力保护补贴', office: '寒亭区农业农村局', fen: [30000, 160000], months: [5] },
  { kind: '农机购置补贴', office: '寒亭区农业农村局', fen: [150000, 600000], months: [8] },
  { kind: '高龄津贴', office: '寒亭区民政局', fen: [10000, 10000], months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] },
  { kind: '最低生活保障金', office: '寒亭区民政局', fen: [52000, 68000], months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] },
  {
    kind: '城乡居民基础养老金',
    office: '寒亭区社会保险事业中心',
    fen: [18800, 18800],
    months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  },
];

const RELATIONS = ['配偶', '长子', '长女', '次子', '儿媳', '孙子', '孙女', '母亲'];
const PARCEL_PLACES = ['东洼', '西岭', '南坡', '北埠', '河滩', '后屯', '大口井', '老场院'];
const PARCEL_USES = ['小麦、玉米', '蔬菜', '苗木', '果园', '萝卜'];

const at = (year: number, month: number, d: number): Wall => wall(year, month, d, 10, 0);

const subsidies = (rng: Rng, elderly: boolean, lowIncome: boolean): HouseholdPage => {
  const tail = String(rng.int(0, 9999)).padStart(4, '0');
  const chosen = SUBSIDIES.filter(
    (s, i) =>
      i === 0 || (i === 1 && rng.chance(0.2)) || (i === 2 && elderly) || (i === 3 && lowIncome) || (i === 4 && elderly),
  );
  const payments = chosen
    .flatMap((s) => {
      const amountFen = rng.int(s.fen[0] / 100, s.fen[1] / 100) * 100;
      return s.months.map((m) => ({
        date: day(at(2026, m, s.months.length > 1 ? 10 : rng.int(5, 25))),
        kind: s.kind,
        amountFen,
        office: s.office,
        accountTail: tail,
      }));
    })
    .sort((a, b) => b.date.localeCompare(a.date));
  return { channel: 21, updatedAt: iso(at(2026, 10, 28)), fictional: true, content: { payments } };
};

const dividends = (rng: Rng, shares: number): HouseholdPage => {
  const lines: Extract<HouseholdPage, { channel: 22 }>['content']['lines'] = [
    {
      date: '2026-01-20',
      summary: `2025年度集体收益分红（${shares}股）`,
      direction: 'income',
      amountFen: shares * rng.int(80, 200) * 100,
    },
    { date: '2026-03-15', summary: '一事一议筹资：村内道路硬化', direction: 'levy', amountFen: rng.int(1, 3) * 5000 },
  ];
  if (rng.chance(0.5))
    lines.push({
      date: '2026-06-30',
      summary: '光伏电站收益分配',
      direction: 'income',
      amountFen: rng.int(50, 300) * 100,
    });
  if (rng.chance(0.4))
    lines.push({
      date: '2026-09-10',
      summary: '一事一议筹资：灌溉机井维修',
      direction: 'levy',
      amountFen: rng.int(2, 6) * 1000,
    });
  return {
    channel: 22,
    updatedAt: iso(at(2026, 10, 28)),
    fictional: true,
    content: { lines: lines.sort((a, b) => b.date.localeCompare(a.date)) },
  };
};

const record = (rng: Rng, head: string, members: number, headBorn: number, points: boolean): HouseholdPage => ({
  channel: 23,
  updatedAt: iso(at(2026, 9, 30)),
  fictional: true,
  content: {
    members: [
      { name: maskName(head), relation: '户主', born: headBorn },
      ...Array.from({ length: members - 1 }, (_, i) => ({
        name: maskName(personName(rng)),
        relation: RELATIONS[i % RELATIONS.length]!,
        born: i === 0 ? headBorn + rng.int(-3, 3) : headBorn + rng.int(22, 50),
      })),
    ],
    parcels: Array.from({ length: rng.int(1, 4) }, (_, i) => ({
      name: `${PARCEL_PLACES[(i + rng.int(0, 7)) % PARCEL_PLACES.length]}${i + 1}号地`,
      areaMu: rng.int(5, 40) / 10,
      use: rng.pick(PARCEL_USES),
    })),
    ...(points ? { points: rng.int(40, 120) } : {}),
  },
});

const APPLICATIONS: { title: string; steps: string[] }[] = [
  { title: '最低生活保障申请', steps: ['提交申请', '入户调查', '村民代表评议', '街道审核', '区民政局审批'] },
  { title: '农村危房改造申请', steps: ['提交申请', '房屋安全鉴定', '街道审核', '区住建局审批', '开工', '竣工验收'] },
  { title: '宅基地使用申请', steps: ['提交申请', '村民代表会议讨论', '街道审核', '区自然资源局审批'] },
  { title: '残疾人两项补贴申请', steps: ['提交申请', '村委会初审', '街道审核', '区残联审批'] },
];

const applications = (rng: Rng): HouseholdPage => {
  const count = rng.int(0, 2);
  const list = Array.from({ length: count }, () => {
    const kind = rng.pick(APPLICATIONS);
    const done = rng.int(1, kind.steps.length);
    let t = at(2026, rng.int(3, 8), rng.int(1, 20));
    const steps = kind.steps.map((step, i) => {
      t += rng.int(3, 15) * 86_400_000;
      return { date: day(i < done ? t : Math.max(t, NOW)), step, done: i < done };
    });
    return { title: kind.title, status: done === kind.steps.length ? '已办结' : '办理中', steps };
  });
  return { channel: 24, updatedAt: iso(at(2026, 11, 1)), fictional: true, content: { applications: list } };
};

export const villageHouseholds = (village: Village, rng: Rng): HouseholdsFile => ({
  kind: 'households',
  fictional: true,
  village: village.code,
  households: Array.from({ length: SAMPLE_HOUSEHOLDS }, (_, i) => {
    const h = rng.fork(i);
    const head = personName(h);
    const headBorn = h.int(1940, 1985);
    const elderly = headBorn < 1946;
    return {
      id: `${village.code}-h${String(i + 1).padStart(3, '0')}`,
      head: maskName(head),
      pages: [
        subsidies(h.fork('21'), elderly, h.chance(0.15)),
        dividends(h.fork('22'), h.int(2, 6)),
        record(h.fork('23'), head, h.int(1, 6), headBorn, h.chance(0.6)),
        applications(h.fork('24')),
        { channel: 25, updatedAt: iso(at(2026, 11, 1)), fictional: true, content: { messages: [] } },
      ],
    };
  }),
});
