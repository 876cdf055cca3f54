/**
 * What a village's money is spent on and comes from, as voucher templates: summary,
 * account, a plausible amount, and the original receipt that backs it.
 */
import { ACCOUNTS, type Account } from './accounts';
import type { YearMonth } from './clock';
import type { Rng } from './prng';
import { SELLERS, personName } from './vocab';
import type { Village } from './world';

export interface InvoiceItem {
  name: string;
  unit: string;
  /** Quantity range; [0, 0] prints no quantity (a service). */
  qty: [number, number];
}

/** The original receipt behind a voucher, as it will be drawn. */
export type ReceiptSpec =
  | { kind: 'vat'; electronic: boolean; seller: string; taxRate: number; items: InvoiceItem[] }
  | { kind: 'receipt'; payer: string; reason: string }
  | { kind: 'bank'; counterparty: string; purpose: string };

export interface TemplateContext {
  rng: Rng;
  village: Village;
  traits: VillageTraits;
  month: YearMonth;
}

export interface Drawn {
  summary: string;
  amountFen: number;
  receipt: ReceiptSpec;
}

export interface Template {
  key: string;
  direction: 'income' | 'expense';
  account: Account;
  make: (c: TemplateContext) => Drawn;
  /** Days of the month it usually falls on. */
  days?: [number, number];
  attachments?: [number, number];
}

const simple =
  (
    summary: (c: TemplateContext) => string,
    amountFen: (c: TemplateContext) => number,
    receipt: (c: TemplateContext, summary: string) => ReceiptSpec,
  ) =>
  (c: TemplateContext): Drawn => {
    const text = summary(c);
    return { summary: text, amountFen: amountFen(c), receipt: receipt(c, text) };
  };

/** Fen in [min, max] yuan, rounded to `step` fen. */
export const yuan = (rng: Rng, min: number, max: number, step = 1): number =>
  rng.int(Math.ceil((min * 100) / step), Math.floor((max * 100) / step)) * step;

const item = (name: string, unit: string, qty: [number, number] = [0, 0]): InvoiceItem => ({ name, unit, qty });

const vat =
  (sellers: readonly string[], taxRate: number, items: InvoiceItem[], electronic = true) =>
  (c: TemplateContext): ReceiptSpec => ({
    kind: 'vat',
    electronic: electronic && c.rng.chance(0.7),
    seller: c.rng.pick(sellers),
    taxRate,
    items: c.rng.sample(items, Math.min(items.length, c.rng.int(1, 3))),
  });

const bank =
  (counterparty: string) =>
  (_c: TemplateContext, summary: string): ReceiptSpec => ({ kind: 'bank', counterparty, purpose: summary });

/** Money a villagers' group (村民小组) hands in through one of its people. */
const fromGroup =
  (who: string, what: (c: TemplateContext) => string, amountFen: (c: TemplateContext) => number) =>
  (c: TemplateContext): Drawn => {
    const group = `第${c.rng.int(1, c.village.groups)}村民小组`;
    const reason = group + what(c);
    return {
      summary: `收到${reason}`,
      amountFen: amountFen(c),
      receipt: { kind: 'receipt', payer: `${group}${who} ${personName(c.rng)}`, reason },
    };
  };

const cn = (m: number) => `${m}月`;
const prevMonth = (m: YearMonth) => (m.month === 1 ? 12 : m.month - 1);
const quarterName = (m: YearMonth) =>
  ['第四季度', '第一季度', '第二季度', '第三季度'][Math.floor((m.month - 1) / 3)] as string;

const t = (template: Template): Template => template;

export const T = {
  officePower: t({
    key: 'officePower',
    direction: 'expense',
    account: ACCOUNTS.utilities,
    days: [12, 20],
    attachments: [1, 2],
    make: simple(
      (c) => `支付村委会办公用电费（${cn(prevMonth(c.month))}）`,
      (c) => yuan(c.rng, 180, 980, 1) + c.rng.int(0, 99),
      vat(SELLERS.power, 0.13, [item('*供电*电费', '千瓦时', [300, 1500])]),
    ),
  }),
  streetLights: t({
    key: 'streetLights',
    direction: 'expense',
    account: ACCOUNTS.publicWorks,
    days: [12, 20],
    attachments: [1, 1],
    make: simple(
      (c) => `支付村内路灯电费（${cn(prevMonth(c.month))}）`,
      (c) => yuan(c.rng, 120, 640) + c.rng.int(0, 99),
      vat(SELLERS.power, 0.13, [item('*供电*电费', '千瓦时', [200, 1100])]),
    ),
  }),
  cleaners: t({
    key: 'cleaners',
    direction: 'expense',
    account: ACCOUNTS.publicWorks,
    days: [1, 8],
    attachments: [1, 2],
    make: (c) => {
      const summary = `支付${cn(prevMonth(c.month))}保洁员工资（${c.traits.cleaners}人）`;
      return {
        summary,
        amountFen: c.traits.cleaners * yuan(c.rng, 1600, 2200, 10000),
        receipt: { kind: 'bank', counterparty: '批量代发：保洁员工资', purpose: summary },
      };
    },
  }),
  garbage: t({
    key: 'garbage',
    direction: 'expense',
    account: ACCOUNTS.publicWorks,
    days: [20, 28],
    attachments: [1, 2],
    make: simple(
      (c) => `支付${cn(c.month.month)}垃圾清运费`,
      (c) => yuan(c.rng, 800, 2600, 10000),
      vat(SELLERS.sanitation, 0.06, [item('*生活服务*垃圾清运服务', '次', [4, 12])]),
    ),
  }),
  telecom: t({
    key: 'telecom',
    direction: 'expense',
    account: ACCOUNTS.office,
    days: [5, 12],
    attachments: [1, 1],
    make: simple(
      () => '支付村委会宽带及固定电话费',
      (c) => yuan(c.rng, 99, 199, 100),
      vat(SELLERS.telecom, 0.06, [
        item('*电信服务*宽带服务费', '月', [1, 1]),
        item('*电信服务*固话月租', '月', [1, 1]),
      ]),
    ),
  }),
  waterStationPower: t({
    key: 'waterStationPower',
    direction: 'expense',
    account: ACCOUNTS.waterCost,
    days: [12, 20],
    attachments: [1, 1],
    make: simple(
      () => '支付村供水站水泵电费',
      (c) => yuan(c.rng, 260, 1400) + c.rng.int(0, 99),
      vat(SELLERS.power, 0.13, [item('*供电*电费', '千瓦时', [400, 2200])]),
    ),
  }),
  waterFees: t({
    key: 'waterFees',
    direction: 'income',
    account: ACCOUNTS.service,
    days: [1, 28],
    attachments: [1, 2],
    make: fromGroup(
      '收费员',
      (c) => `${cn(prevMonth(c.month))}自来水费`,
      (c) => yuan(c.rng, 300, 1800, 50),
    ),
  }),
  solar: t({
    key: 'solar',
    direction: 'income',
    account: ACCOUNTS.solar,
    days: [15, 25],
    attachments: [1, 1],
    make: simple(
      (c) => `收到村级光伏电站${cn(prevMonth(c.month))}发电收益`,
      (c) => yuan(c.rng, 900, 4800) + c.rng.int(0, 99),
      bank('潍坊寒亭供电服务有限公司'),
    ),
  }),
  interest: t({
    key: 'interest',
    direction: 'income',
    account: ACCOUNTS.interest,
    days: [21, 21],
    attachments: [1, 1],
    make: simple(
      () => '收到银行存款利息',
      (c) => yuan(c.rng, 15, 360) + c.rng.int(0, 99),
      bank('寒亭农商银行（结息）'),
    ),
  }),
  cadrePay: t({
    key: 'cadrePay',
    direction: 'expense',
    account: ACCOUNTS.cadrePay,
    days: [10, 20],
    attachments: [2, 3],
    make: simple(
      (c) => `支付村“两委”干部${quarterName(c.month)}基本报酬`,
      (c) => yuan(c.rng, 26000, 42000, 10000),
      bank('批量代发：村“两委”干部报酬'),
    ),
  }),
  salaryGrant: t({
    key: 'salaryGrant',
    direction: 'income',
    account: ACCOUNTS.salaryGrant,
    days: [5, 12],
    attachments: [1, 1],
    make: simple(
      (c) => `收到区财政拨付${quarterName(c.month)}村干部报酬补助`,
      (c) => yuan(c.rng, 24000, 36000, 10000),
      bank('寒亭区财政局'),
    ),
  }),
  operatingGrant: t({
    key: 'operatingGrant',
    direction: 'income',
    account: ACCOUNTS.operatingGrant,
    days: [8, 18],
    attachments: [1, 1],
    make: simple(
      (c) => `收到${c.village.street.name}拨付村级组织运转经费`,
      (c) => yuan(c.rng, 20000, 50000, 100000),
      (c, summary) => ({ kind: 'bank', counterparty: `${c.village.street.name}财政所`, purpose: summary }),
    ),
  }),
  rent: t({
    key: 'rent',
    direction: 'income',
    account: ACCOUNTS.rent,
    days: [1, 15],
    attachments: [1, 2],
    make: simple(
      (c) => `收到${c.rng.pick(['村东厂房', '沿街门面房', '村集体仓库', '原小学闲置校舍'])}${quarterName(c.month)}租金`,
      (c) => yuan(c.rng, 3000, 18000, 10000),
      (c, summary) => ({
        kind: 'receipt',
        payer: c.rng.pick([
          '潍坊宏盛包装制品有限公司',
          '寒亭区鑫源农资经营部',
          '寒亭区亭口便利店',
          '潍坊绿禾蔬菜专业合作社',
        ]),
        reason: summary,
      }),
    ),
  }),
  landContract: t({
    key: 'landContract',
    direction: 'income',
    account: ACCOUNTS.landContract,
    days: [1, 28],
    attachments: [1, 2],
    make: (c) => {
      const payer = personName(c.rng);
      const halfMu = c.rng.int(8, 120);
      const year = c.month.month >= 11 ? c.month.year + 1 : c.month.year;
      const reason = `${year}年度土地承包费（${halfMu / 2}亩）`;
      return {
        summary: `收到${payer}交${reason}`,
        // A yearly fee per mu, in whole yuan, agreed in the contract.
        amountFen: Math.round((halfMu * c.rng.int(55, 95) * 10 * 100) / 2),
        receipt: { kind: 'receipt', payer, reason },
      };
    },
  }),
  heating: t({
    key: 'heating',
    direction: 'expense',
    account: ACCOUNTS.utilities,
    days: [3, 20],
    attachments: [1, 2],
    make: simple(
      () => '支付村委会办公室冬季取暖用天然气费',
      (c) => yuan(c.rng, 800, 3200) + c.rng.int(0, 99),
      vat(SELLERS.fuel, 0.09, [item('*燃气*天然气', '立方米', [200, 900])]),
    ),
  }),
  springRelief: t({
    key: 'springRelief',
    direction: 'expense',
    account: ACCOUNTS.relief,
    days: [3, 14],
    attachments: [2, 3],
    make: simple(
      (c) => `购买春节走访慰问困难群众物品（米面油，${c.rng.int(12, 40)}户）`,
      (c) => yuan(c.rng, 1800, 6800, 100),
      vat(
        SELLERS.grocery,
        0.09,
        [
          item('*谷物*大米', '袋', [10, 40]),
          item('*谷物加工品*面粉', '袋', [10, 40]),
          item('*食用植物油*花生油', '桶', [10, 40]),
        ],
        false,
      ),
    ),
  }),
  elderRelief: t({
    key: 'elderRelief',
    direction: 'expense',
    account: ACCOUNTS.relief,
    days: [10, 18],
    attachments: [2, 2],
    make: simple(
      (c) => `购买重阳节走访慰问八十岁以上老人物品（${c.rng.int(15, 60)}人）`,
      (c) => yuan(c.rng, 1500, 5000, 100),
      vat(SELLERS.grocery, 0.09, [item('*乳制品*纯牛奶', '箱', [15, 60]), item('*糕点*重阳糕', '盒', [15, 60])], false),
    ),
  }),
  newspapers: t({
    key: 'newspapers',
    direction: 'expense',
    account: ACCOUNTS.newspapers,
    days: [5, 20],
    attachments: [1, 1],
    make: simple(
      (c) => `订阅${c.month.year + 1}年度党报党刊`,
      (c) => yuan(c.rng, 600, 1600, 100),
      vat(SELLERS.media, 0.09, [item('*图书、报纸、杂志*报刊订阅费', '份', [2, 6])], false),
    ),
  }),
  nursery: t({
    key: 'nursery',
    direction: 'expense',
    account: ACCOUNTS.publicWorks,
    days: [5, 25],
    attachments: [2, 3],
    make: simple(
      () => '购买村内主干道绿化苗木（法桐、国槐）',
      (c) => yuan(c.rng, 2400, 16000, 10000),
      vat(
        SELLERS.nursery,
        0.03,
        [item('*林业产品*法桐苗', '株', [40, 200]), item('*林业产品*国槐苗', '株', [40, 200])],
        false,
      ),
    ),
  }),
  floodKit: t({
    key: 'floodKit',
    direction: 'expense',
    account: ACCOUNTS.safety,
    days: [1, 20],
    attachments: [1, 2],
    make: simple(
      () => '购买防汛物资（编织袋、雨衣、手电）',
      (c) => yuan(c.rng, 500, 2600, 100),
      vat(SELLERS.hardware, 0.13, [
        item('*塑料制品*编织袋', '条', [200, 800]),
        item('*服装*雨衣', '件', [10, 30]),
        item('*照明装置*手电筒', '个', [10, 30]),
      ]),
    ),
  }),
  wellRepair: t({
    key: 'wellRepair',
    direction: 'expense',
    account: ACCOUNTS.irrigationCost,
    days: [3, 25],
    attachments: [1, 2],
    make: simple(
      (c) => `维修${c.rng.int(1, 9)}号农田机井（更换水泵）`,
      (c) => yuan(c.rng, 400, 3800, 100),
      vat(
        SELLERS.repair,
        0.03,
        [item('*泵*潜水泵', '台', [1, 1]), item('*修理修配劳务*机井维修', '次', [1, 1])],
        false,
      ),
    ),
  }),
  irrigationFees: t({
    key: 'irrigationFees',
    direction: 'income',
    account: ACCOUNTS.service,
    days: [1, 28],
    attachments: [1, 1],
    make: fromGroup(
      '组长',
      () => '春灌机井电费分摊款',
      (c) => yuan(c.rng, 400, 2600, 50),
    ),
  }),
  office: t({
    key: 'office',
    direction: 'expense',
    account: ACCOUNTS.office,
    attachments: [1, 2],
    make: simple(
      (c) => `购买办公用品（${c.rng.pick(['打印纸、墨盒', '档案盒、签字笔', '硒鼓、复印纸', '笔记本、文件夹'])}）`,
      (c) => yuan(c.rng, 60, 680, 50),
      vat(SELLERS.stationery, 0.13, [
        item('*纸制品*复印纸', '包', [2, 20]),
        item('*办公设备*墨盒', '个', [1, 4]),
        item('*文具*档案盒', '个', [10, 50]),
        item('*文具*签字笔', '盒', [1, 6]),
      ]),
    ),
  }),
  printing: t({
    key: 'printing',
    direction: 'expense',
    account: ACCOUNTS.office,
    attachments: [1, 1],
    make: simple(
      (c) => `支付${c.rng.pick(['三务公开资料', '村民代表会议材料', '防溺水宣传单', '移风易俗宣传栏'])}打印制作费`,
      (c) => yuan(c.rng, 30, 900, 50),
      vat(SELLERS.print, 0.06, [item('*印刷服务*资料打印', '张', [50, 800]), item('*广告服务*展板制作', '块', [1, 6])]),
    ),
  }),
  travel: t({
    key: 'travel',
    direction: 'expense',
    account: ACCOUNTS.travel,
    attachments: [1, 3],
    make: simple(
      (c) =>
        `报销${c.rng.pick(['到区农经中心报账', '到区政务服务中心办理集体资产登记', '到市里参加村干部培训', '到街道送审土地承包合同'])}交通费`,
      (c) => yuan(c.rng, 8, 180, 50),
      vat(SELLERS.transport, 0.09, [item('*运输服务*客运服务费', '次', [2, 6])]),
    ),
  }),
  maintenance: t({
    key: 'maintenance',
    direction: 'expense',
    account: ACCOUNTS.maintenance,
    attachments: [1, 2],
    make: simple(
      (c) =>
        `维修${c.rng.pick(['村委会办公室门窗', '党群服务中心卫生间水管', '文化广场健身器材', '村委会大院电路', '办公电脑'])}`,
      (c) => yuan(c.rng, 80, 1600, 10),
      vat(
        SELLERS.repair,
        0.03,
        [item('*修理修配劳务*维修费', '次', [1, 1]), item('*五金产品*配件', '套', [1, 5])],
        false,
      ),
    ),
  }),
  lamps: t({
    key: 'lamps',
    direction: 'expense',
    account: ACCOUNTS.publicWorks,
    attachments: [1, 2],
    make: simple(
      (c) => `购买更换村内损坏路灯灯头（${c.rng.int(4, 20)}个）`,
      (c) => yuan(c.rng, 300, 2400, 100),
      vat(SELLERS.lighting, 0.13, [item('*照明装置*LED路灯灯头', '个', [4, 20])]),
    ),
  }),
  materials: t({
    key: 'materials',
    direction: 'expense',
    account: ACCOUNTS.publicWorks,
    attachments: [1, 2],
    make: simple(
      (c) => `购买${c.rng.pick(['修补村内道路坑洼用水泥、石子', '排水沟清淤用工具', '垃圾桶', '村内标识牌'])}`,
      (c) => yuan(c.rng, 120, 3200, 10),
      vat(SELLERS.hardware, 0.13, [
        item('*水泥*水泥', '吨', [1, 5]),
        item('*建筑用石*石子', '方', [2, 10]),
        item('*塑料制品*垃圾桶', '个', [5, 30]),
      ]),
    ),
  }),
  drinkingWater: t({
    key: 'drinkingWater',
    direction: 'expense',
    account: ACCOUNTS.office,
    attachments: [1, 1],
    make: simple(
      () => '购买村委会办公用桶装饮用水',
      (c) => yuan(c.rng, 30, 160, 500),
      vat(SELLERS.grocery, 0.13, [item('*饮料*桶装饮用水', '桶', [4, 20])]),
    ),
  }),
  fireKit: t({
    key: 'fireKit',
    direction: 'expense',
    account: ACCOUNTS.safety,
    attachments: [1, 2],
    make: simple(
      (c) => `购买${c.rng.pick(['灭火器', '消防水带', '应急照明灯'])}（党群服务中心、文化大院）`,
      (c) => yuan(c.rng, 160, 1600, 100),
      vat(SELLERS.fire, 0.13, [
        item('*消防设备*干粉灭火器', '具', [4, 20]),
        item('*消防设备*应急照明灯', '个', [2, 10]),
      ]),
    ),
  }),
  meetingAllowance: t({
    key: 'meetingAllowance',
    direction: 'expense',
    account: ACCOUNTS.office,
    attachments: [2, 2],
    make: (c) => {
      const people = c.rng.int(18, 40);
      const summary = `支付村民代表会议误工补贴（${people}人）`;
      return {
        summary,
        amountFen: people * 5000,
        receipt: { kind: 'bank', counterparty: '批量代发：村民代表误工补贴', purpose: summary },
      };
    },
  }),
  venueFee: t({
    key: 'venueFee',
    direction: 'income',
    account: ACCOUNTS.otherIncome,
    attachments: [1, 1],
    make: (c) => {
      const payer = personName(c.rng);
      const reason = `借用村文化大院场地费（${c.rng.pick(['婚宴', '寿宴', '村民小组会议', '秧歌队排练'])}）`;
      return {
        summary: `收到${payer}${reason}`,
        amountFen: yuan(c.rng, 100, 600, 10000),
        receipt: { kind: 'receipt', payer, reason },
      };
    },
  }),
  projectGrant: t({
    key: 'projectGrant',
    direction: 'income',
    account: ACCOUNTS.projectGrant,
    days: [5, 20],
    attachments: [2, 3],
    make: simple(
      () => '收到上级拨付村内道路硬化项目奖补资金',
      (c) => yuan(c.rng, 120000, 280000, 1000000),
      bank('寒亭区财政局'),
    ),
  }),
  levy: t({
    key: 'levy',
    direction: 'income',
    account: ACCOUNTS.levy,
    days: [5, 25],
    attachments: [2, 3],
    make: fromGroup(
      '组长',
      () => '一事一议道路硬化筹资款',
      (c) => c.rng.int(40, 160) * 2000,
    ),
  }),
  construction: t({
    key: 'construction',
    direction: 'expense',
    account: ACCOUNTS.construction,
    days: [10, 25],
    attachments: [3, 5],
    make: simple(
      (c) => `支付村内道路硬化工程${c.rng.pick(['第一期进度款', '第二期进度款', '竣工结算款'])}`,
      (c) => yuan(c.rng, 40000, 110000, 100),
      vat(SELLERS.construction, 0.09, [item('*建筑服务*道路硬化工程', '项', [1, 1])], false),
    ),
  }),
} as const;

/** Everyday items that fill a month up to the village's usual volume, with their weights. */
export const FILLERS: readonly [Template, number][] = [
  [T.office, 10],
  [T.printing, 7],
  [T.travel, 8],
  [T.maintenance, 7],
  [T.lamps, 3],
  [T.materials, 6],
  [T.drinkingWater, 6],
  [T.fireKit, 2],
  [T.meetingAllowance, 3],
  [T.venueFee, 4],
  [T.waterFees, 9],
];

/** Seasonal and periodic items for a month, in order. */
export const scheduled = (m: YearMonth, traits: VillageTraits): Template[] => {
  const out: Template[] = [T.officePower, T.streetLights, T.cleaners, T.telecom];
  if (traits.garbageMonthly || m.month % 2 === 0) out.push(T.garbage);
  if (traits.waterStation) out.push(T.waterStationPower);
  if (traits.solar) out.push(T.solar);
  if (m.month % 3 === 0) out.push(T.interest);
  if (m.month % 3 === 1) out.push(T.cadrePay, T.salaryGrant);
  if (m.month === 5 || m.month === 11) out.push(T.operatingGrant);
  if (traits.rentals > 0 && m.month % 3 === 1) for (let i = 0; i < traits.rentals; i++) out.push(T.rent);
  if (m.month === 11 || m.month === 12) for (let i = 0; i < traits.contractors; i++) out.push(T.landContract);
  if (m.month === 11 || m.month === 12 || m.month <= 2) out.push(T.heating);
  if (m.month === 2) out.push(T.springRelief);
  if (m.month === 10) out.push(T.elderRelief);
  if (m.month === 12) out.push(T.newspapers);
  if (m.month === 3 || m.month === 4) out.push(T.nursery);
  if (m.month === 6 || m.month === 7) out.push(T.floodKit);
  if (m.month >= 4 && m.month <= 6) out.push(T.wellRepair, T.irrigationFees, T.irrigationFees);
  if (traits.projectMonth === m.month) out.push(T.projectGrant);
  if (traits.projectMonth !== undefined && traits.projectMonth - 1 === m.month) out.push(T.levy, T.levy);
  if (traits.projectMonth !== undefined && (m.month === traits.projectMonth + 1 || m.month === traits.projectMonth + 2))
    out.push(T.construction);
  return out;
};

/** What sets one village's books apart from another's. */
export interface VillageTraits {
  cleaners: number;
  solar: boolean;
  waterStation: boolean;
  garbageMonthly: boolean;
  rentals: number;
  contractors: number;
  /** Month (1-12, within 2026) when a road project's grant arrives. */
  projectMonth?: number;
}

export const villageTraits = (rng: Rng): VillageTraits => ({
  cleaners: rng.int(2, 4),
  solar: rng.chance(0.6),
  waterStation: rng.chance(0.5),
  garbageMonthly: rng.chance(0.6),
  rentals: rng.int(0, 2),
  contractors: rng.int(3, 9),
  projectMonth: rng.chance(0.7) ? rng.int(4, 7) : undefined,
});
