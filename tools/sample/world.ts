/**
 * The invented district: its streets, its villages and the people who run them.
 * Codes follow the 12-digit pattern 370703 + street (3) + village (3).
 */
import { dutyMobile } from './identity';
import type { Rng } from './prng';
import { NameBook, STREET_NAMES, villageNames, type Sex } from './vocab';

export const DISTRICT = { code: '370703000000', name: '寒亭区' } as const;

export interface SizeSpec {
  name: 'small' | 'large' | 'district';
  streets: number;
  villages: number;
  /** Vouchers a village books in a year, before its own variation. */
  vouchersPerYear: [number, number];
  /** A village with far more vouchers, to stress the ledger views. */
  heavyVillage?: { index: number; vouchers: number };
  /** 'each': one receipt image per voucher; 'pool': a few shared images. */
  images: 'each' | 'pool';
  indent: number;
}

export const SIZES: Record<SizeSpec['name'], SizeSpec> = {
  small: { name: 'small', streets: 3, villages: 6, vouchersPerYear: [180, 215], images: 'each', indent: 1 },
  large: {
    name: 'large',
    streets: 9,
    villages: 421,
    vouchersPerYear: [120, 260],
    heavyVillage: { index: 0, vouchers: 20_000 },
    images: 'pool',
    indent: 0,
  },
  // The large district's 421 villages with a tenth of their vouchers and no heavy village: what a
  // district-wide publish rewrites (every village's file) at a fraction of the first publish's time.
  district: { name: 'district', streets: 9, villages: 421, vouchersPerYear: [12, 26], images: 'pool', indent: 0 },
};

export interface Official {
  name: string;
  sex: Sex;
  role: string;
  duties: string;
  /** The duty mobile: public, shown in full. */
  phone: string;
}

/** Sample-only features placed in chosen villages so every screen state can be seen. */
export interface Quirks {
  /** A month with no vouchers at all. */
  emptyMonth?: string;
  /** A month with income only. */
  incomeOnlyMonth?: string;
  /** A corrected article in 村务公开. */
  correction?: boolean;
  /** Sub-channels left past their due date. */
  overdue: number[];
}

export interface Village {
  code: string;
  name: string;
  index: number;
  street: Street;
  households: number;
  population: number;
  farmlandMu: number;
  partyMembers: number;
  groups: number;
  officials: Official[];
  secretary: Official;
  accountant: Official;
  supervisor: Official;
  supervisorMember: Official;
  committee: Official[];
  names: NameBook;
  vouchersPerYear: number;
  quirks: Quirks;
}

export interface Street {
  code: string;
  name: string;
  index: number;
  villages: Village[];
  /** The street's agent accountant who books the villages' vouchers (村账街管). */
  bookkeeper: string;
  officeHead: string;
  overdue: number[];
}

export interface World {
  size: SizeSpec;
  streets: Street[];
  villages: Village[];
}

const official = (rng: Rng, names: NameBook, role: string, duties: string, sex?: Sex): Official => {
  const s: Sex = sex ?? (rng.chance(0.7) ? 'male' : 'female');
  return { name: names.next(s), sex: s, role, duties, phone: dutyMobile(rng) };
};

const buildOfficials = (rng: Rng, names: NameBook, isCommunity: boolean) => {
  const unit = isCommunity ? '居委会' : '村委会';
  const secretary = official(
    rng,
    names,
    `党支部书记、${unit}主任`,
    '主持党支部和' + unit + '全面工作，负责集体经济发展和重大事项决策的组织实施。',
    'male',
  );
  const deputy = official(
    rng,
    names,
    `党支部副书记、${unit}委员`,
    '协助书记抓好党建工作，分管综合治理、信访调解和安全生产。',
  );
  const women = official(
    rng,
    names,
    `${unit}委员（妇联主席）`,
    '负责妇女儿童、计划生育服务、困难群众帮扶和文明新风建设。',
    'female',
  );
  const member = official(rng, names, `${unit}委员`, '负责土地承包、农田水利、环境卫生和基础设施维护。');
  const accountant = official(rng, names, `${unit}委员（报账员）`, '负责村级财务报账、票据整理和三务公开资料的上报。');
  const supervisor = official(rng, names, '村务监督委员会主任', '负责村务、财务监督，主持民主理财小组审核每月票据。');
  const supervisorMember = official(rng, names, '村务监督委员会委员', '参与每月票据审核和重大事项监督。');
  const committee = [secretary, deputy, women, member, accountant];
  return {
    secretary,
    accountant,
    supervisor,
    supervisorMember,
    committee,
    officials: [...committee, supervisor, supervisorMember],
  };
};

const QUIRKS: Record<number, Quirks> = {
  0: { correction: true, overdue: [] },
  1: { overdue: [17] },
  2: { emptyMonth: '2026-02', overdue: [] },
  3: { correction: true, overdue: [] },
  4: { incomeOnlyMonth: '2026-01', overdue: [13] },
};

export const buildWorld = (rng: Rng, size: SizeSpec, villageLimit?: number): World => {
  const allNames = villageNames(rng.fork('village-names'), size.villages);
  const streets: Street[] = [];
  const villages: Village[] = [];
  const perStreet = Math.ceil(size.villages / size.streets);
  for (let s = 0; s < size.streets; s++) {
    const code = `370703${String(s + 1).padStart(3, '0')}000`;
    const srng = rng.fork(`street-${code}`);
    const names = new NameBook(srng.fork('names'));
    streets.push({
      code,
      name: STREET_NAMES[s] ?? `第${s + 1}街道`,
      index: s,
      villages: [],
      bookkeeper: names.next(),
      officeHead: names.next(),
      overdue: s === 2 ? [9] : [],
    });
  }
  for (let i = 0; i < size.villages; i++) {
    const street = streets[Math.floor(i / perStreet)] as Street;
    const code = street.code.slice(0, 9) + String(street.villages.length + 1).padStart(3, '0');
    const vrng = rng.fork(`village-${code}`);
    const name = allNames[i] as string;
    const names = new NameBook(vrng.fork('names'));
    const households = vrng.int(180, 820);
    const heavy = size.heavyVillage?.index === i ? size.heavyVillage.vouchers : undefined;
    const village: Village = {
      code,
      name,
      index: i,
      street,
      households,
      population: Math.round(households * (2.6 + vrng.next() * 0.6)),
      farmlandMu: vrng.int(1200, 5200),
      partyMembers: vrng.int(22, 75),
      groups: vrng.int(3, 9),
      ...buildOfficials(vrng.fork('officials'), names, name.endsWith('社区')),
      names,
      vouchersPerYear: heavy ?? vrng.int(size.vouchersPerYear[0], size.vouchersPerYear[1]),
      quirks: QUIRKS[i] ?? { overdue: [] },
    };
    street.villages.push(village);
    villages.push(village);
  }
  if (villageLimit === undefined) return { size, streets, villages };
  // A cut-down world for quick runs; what is kept is generated exactly as in the full one.
  const kept = villages.slice(0, villageLimit);
  for (const street of streets) street.villages = street.villages.filter((v) => kept.includes(v));
  return { size, streets: streets.filter((s) => s.villages.length > 0), villages: kept };
};
