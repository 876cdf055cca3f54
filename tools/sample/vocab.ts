/**
 * Words the sample is made of: common Shandong family names, given names of
 * several generations, place-name parts of the Weifang plain. All people and
 * villages built from them are invented.
 */
import type { Rng } from './prng';

/** Family names common around Weifang, with rough weights. */
const SURNAMES: readonly [string, number][] = [
  ['王', 12],
  ['张', 9],
  ['李', 9],
  ['刘', 8],
  ['孙', 6],
  ['杨', 5],
  ['陈', 4],
  ['赵', 5],
  ['于', 4],
  ['郭', 3],
  ['马', 3],
  ['高', 3],
  ['徐', 3],
  ['韩', 3],
  ['宋', 2],
  ['丁', 2],
  ['董', 2],
  ['崔', 2],
  ['周', 2],
  ['曹', 2],
  ['邢', 1],
  ['谭', 1],
  ['田', 2],
  ['魏', 1],
  ['齐', 1],
  ['肖', 1],
  ['袁', 1],
  ['葛', 1],
  ['姜', 1],
  ['冯', 1],
];

const MALE_GIVEN = [
  '建国',
  '建华',
  '国庆',
  '志刚',
  '德胜',
  '立新',
  '永强',
  '振华',
  '学军',
  '洪亮',
  '立军',
  '明亮',
  '玉山',
  '庆丰',
  '长青',
  '海涛',
  '文华',
  '红军',
  '卫东',
  '春生',
  '福田',
  '兆军',
  '守信',
  '树林',
  '光辉',
  '俊杰',
  '晓东',
  '鹏飞',
  '子涵',
  '浩然',
  '强',
  '刚',
  '勇',
  '军',
  '磊',
  '涛',
  '伟',
  '斌',
  '峰',
  '亮',
  '鑫',
  '凯',
  '超',
  '明',
  '东',
];
const FEMALE_GIVEN = [
  '秀英',
  '桂兰',
  '玉珍',
  '红梅',
  '春花',
  '金凤',
  '凤英',
  '秀芳',
  '淑珍',
  '丽华',
  '爱莲',
  '翠萍',
  '美玲',
  '晓燕',
  '海燕',
  '玉霞',
  '素芬',
  '慧敏',
  '雪梅',
  '静怡',
  '丽',
  '霞',
  '娟',
  '敏',
  '燕',
  '萍',
  '芳',
  '婷',
  '颖',
  '洁',
];

export type Sex = 'male' | 'female';

export const personName = (rng: Rng, sex: Sex = rng.chance(0.55) ? 'male' : 'female'): string =>
  rng.weighted(SURNAMES, ([, w]) => w)[0] + rng.pick(sex === 'male' ? MALE_GIVEN : FEMALE_GIVEN);

/** Names that do not repeat within one village's roster. */
export class NameBook {
  private readonly used = new Set<string>();
  constructor(private readonly rng: Rng) {}

  next(sex?: Sex): string {
    for (let tries = 0; tries < 50; tries++) {
      const name = personName(this.rng, sex);
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
    throw new Error('ran out of distinct names');
  }
}

/** Streets of the sample district, after real 街道 names of Hanting. */
export const STREET_NAMES = [
  '寒亭街道',
  '开元街道',
  '固堤街道',
  '高里街道',
  '朱里街道',
  '双杨街道',
  '杨家埠街道',
  '河滩街道',
  '泊子街道',
];

/** Place words for names like 东河村, 后疃村; family names for 王家庄村, 刘家埠村. */
const PLACE_STEMS = [
  '杨',
  '河',
  '埠',
  '营',
  '疃',
  '章',
  '崖',
  '庙',
  '堤',
  '湖',
  '桥',
  '岭',
  '店',
  '坡',
  '洼',
  '柳',
  '槐',
  '桑',
  '枣',
  '杏',
  '梨',
  '松',
  '沙',
  '石',
  '泉',
  '井',
  '屯',
  '林',
  '孙',
  '于',
  '郭',
];
const FAMILY_STEMS = [
  '王',
  '张',
  '李',
  '刘',
  '赵',
  '于',
  '郭',
  '马',
  '韩',
  '崔',
  '丁',
  '董',
  '田',
  '齐',
  '葛',
  '姜',
  '袁',
  '宋',
  '孙',
  '杨',
  '高',
  '徐',
];
const VILLAGE_PREFIXES = ['东', '西', '南', '北', '前', '后', '大', '小', '新'];
const PLACE_SUFFIXES: readonly [string, number][] = [
  ['村', 10],
  ['社区', 3],
  ['官庄村', 2],
  ['河崖村', 1],
];
const FAMILY_SUFFIXES = ['家庄村', '家埠村', '家营村', '家屯村', '家村'];

/** Invented village and community names, distinct across the district. */
export const villageNames = (rng: Rng, count: number): string[] => {
  const names = new Set<string>();
  while (names.size < count) {
    const name = rng.chance(0.45)
      ? (rng.chance(0.3) ? rng.pick(VILLAGE_PREFIXES) : '') + rng.pick(FAMILY_STEMS) + rng.pick(FAMILY_SUFFIXES)
      : rng.pick(VILLAGE_PREFIXES) + rng.pick(PLACE_STEMS) + rng.weighted(PLACE_SUFFIXES, ([, w]) => w)[0];
    names.add(name);
  }
  return Array.from(names);
};

/** Invented firms for receipts; 寒亭/潍坊 place them locally. */
export const SELLERS = {
  power: ['潍坊寒亭供电服务有限公司'],
  water: ['潍坊市寒亭区城乡供水有限公司'],
  telecom: ['潍坊寒亭通信服务有限公司'],
  stationery: ['寒亭区文华办公用品商行', '潍坊亭兴文具有限公司', '寒亭区众诚办公用品经营部'],
  hardware: ['寒亭区宏达五金建材经营部', '潍坊市寒亭区永盛建材有限公司', '寒亭区利民五金店'],
  sanitation: ['潍坊洁城环境卫生服务有限公司', '寒亭区绿源保洁服务有限公司'],
  lighting: ['寒亭区光明照明器材经营部', '潍坊亮化电器有限公司'],
  nursery: ['寒亭区绿意苗木专业合作社', '潍坊市丰泽园林绿化有限公司'],
  construction: ['潍坊市寒亭区通达建筑工程有限公司', '潍坊鑫路市政工程有限公司', '山东亭城建设工程有限公司'],
  grocery: ['寒亭区福满家超市', '寒亭区惠民百货商店', '潍坊佳和商贸有限公司'],
  fuel: ['寒亭区安顺燃气有限公司', '潍坊市寒亭区暖心燃料经营部'],
  repair: ['寒亭区老刘水电维修部', '寒亭区鸿运机井维修服务部'],
  print: ['寒亭区金鼎图文快印店', '潍坊印象广告制作有限公司'],
  fire: ['潍坊安盾消防器材有限公司'],
  media: ['潍坊报刊发行服务中心寒亭站'],
  transport: ['潍坊公交城乡客运有限公司'],
  insurance: ['潍坊农村合作保险代理有限公司'],
};
