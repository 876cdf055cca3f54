/** Street sub-channels 6-10: street news, service guide, low-income review notices, contacts, projects and tenders. */
import type { Channel, ServiceCard } from '../../../src/feed/schema';
import { maskIdNumber, maskName } from '../../../src/format/mask';
import { residentId } from '../identity';
import { addDays, iso, wall, type Wall } from '../clock';
import type { Media } from '../media';
import type { Rng } from '../prng';
import { personName } from '../vocab';
import type { Street } from '../world';
import { article, channel, col, day, item, table } from './common';

/** A landline of the street's offices: Weifang's area code, Hanting's 7xxxxxx numbers. */
const landline = (rng: Rng) => `0536-7${rng.int(200000, 399999)}`;

const report = (street: Street, rng: Rng): string[] => {
  const villages = street.villages.map((v) => v.name).join('、');
  const roads = rng.int(9, 24);
  const people = rng.int(120, 380);
  return [
    `今年以来，${street.name}党工委、办事处在区委、区政府的领导下，围绕乡村振兴、民生保障、基层治理和安全稳定等重点工作，一件一件抓落实。现将前三季度工作情况报告如下，请辖区群众监督。本文为示例数据（虚构）。`,
    `一、集体经济发展。街道指导各村盘活闲置厂房、校舍和“四荒地”，发展村级光伏、土地托管和农产品初加工。辖区${villages}等村的集体经营性收入都比去年有所增加。各村的收入、支出按月在电视平台“财务收支”栏目中逐笔公开，凭证和票据由街道农经站统一审核。对集体收入较少的村，街道安排专人帮扶，帮助理清发展思路，找准增收项目。`,
    `二、农村道路和基础设施。前三季度，街道共完成农村道路硬化${roads}公里，修补坑洼路面一百余处，新装和更换路灯三百余盏。所有项目都经过村民代表会议讨论，按规定进行招标或比选，合同和付款情况在“项目与招标”栏目中公开。施工期间，村务监督委员会成员轮流到现场查看，发现问题及时要求整改。竣工后，由街道、村“两委”和村民代表共同验收，验收合格后才支付工程款。`,
    '三、饮水安全。街道对辖区村级供水站逐一排查，更换老化水泵和管网，完成水质检测四轮，检测结果全部合格。对供水不稳定的村，街道协调区水利局制定了改造计划，明年上半年完成。冬季来临前，街道组织各村对裸露管道进行防冻包裹，防止冻裂停水。群众发现漏水、停水，可以直接拨打街道便民服务中心的电话。',
    `四、社会保障。街道严格落实低保、特困供养、临时救助等政策，前三季度新增低保对象${rng.int(8, 30)}户，取消不再符合条件的${rng.int(3, 12)}户，发放临时救助${rng.int(20, 60)}人次。所有新申请和取消的低保对象，都经过入户调查、民主评议和张榜公示，公示名单中的姓名和身份证号都按规定隐去了部分内容。高龄津贴、残疾人两项补贴按时足额发放，发放名单在各村“惠民补贴名单”栏目中公开。`,
    `五、就业和技能培训。街道举办招聘会四场，帮助${people}名农村劳动力在附近企业就业。联合区人社部门开展电工、焊工、面点师和家政服务培训八期，培训结束后推荐就业。对就业困难人员，开发了保洁、护路、护林等公益岗位，优先安排脱贫享受政策人口和低保家庭成员。`,
    '六、人居环境整治。街道开展了三轮村庄清洁行动，清理垃圾、柴草堆、废弃杂物一千余处，拆除私搭乱建四十余处。各村配齐了保洁员，垃圾实行日产日清，保洁员工资和垃圾清运费在各村财务收支中逐笔公开。街道每月对各村环境卫生进行检查评比，评比结果在街道公开栏公布。',
    '七、基层治理。街道推行“网格化”管理，每个网格配备一名网格员，负责走访群众、收集诉求、排查矛盾。前三季度共收集群众诉求五百余件，办结率百分之九十六。街道还建立了村级事务“四议两公开”工作台账，村里的重大事项都要先经党支部提议、“两委”商议、党员大会审议、村民代表会议决议，决议和实施结果都要公开。',
    '八、村务公开和民主监督。辖区各村都通过电视平台公开党务、村务和财务。街道每季度对各村公开情况检查一次，对超过期限没有更新的栏目，督促限期更新。村务监督委员会每月对村级票据逐张审核，签字盖章后才能入账。群众在“村民问答”栏目中提出的问题，村里要在十日内答复，街道对答复情况进行跟踪。',
    '九、安全生产和防汛。汛期前，街道对辖区河道、塘坝、危房和低洼地带进行了全面排查，储备了编织袋、雨衣、手电等防汛物资，组织各村开展了防汛演练。汛期中，街道和村干部二十四小时值班，遇到强降雨及时转移群众，没有发生人员伤亡。入冬以来，街道重点排查取暖用煤、用气安全和农村道路交通安全。',
    '十、党的建设。街道组织各村党支部开展主题党日活动，落实“三会一课”制度，完成了党员民主评议和党费收缴工作。党费收缴情况在各村“党务公开”栏目中公开。街道还对村干部开展了财务知识和村务公开培训，提高村干部依法办事的能力。',
    ...street.villages.map(
      (v) =>
        `${v.name}：全村${v.households}户、${v.population}人。今年村“两委”按照“四议两公开”程序办理了保洁员聘用、土地发包、困难群众慰问等事项，财务收支按月公开，群众留言按时答复。村党支部书记${v.secretary.name}同志带领村干部走访了全村的困难家庭和高龄老人，帮助解决了一批实际问题。`,
    ),
    '十一、便民服务。街道便民服务中心设置了民政、医保、社保、残联、农业、自然资源和规划等窗口，实行“一窗受理、集成服务”，群众办事只进一扇门。对老年人、残疾人等行动不便的群众，由村里的代办员上门收取材料、代为办理，办好后送证上门。前三季度，便民服务中心共受理各类事项六千余件，按时办结率百分之百。各窗口的办事指南在电视平台“便民服务指南”栏目中公开，写明了要带的材料、办理地点、办公时间和咨询电话。',
    '十二、矛盾纠纷调解。街道司法所和各村人民调解委员会共排查调解邻里纠纷、土地纠纷和婚姻家庭纠纷一百余件，调解成功率百分之九十八。对调解不成的，引导当事人通过法律途径解决，并提供免费的法律咨询。街道还组织律师每月到村里开展一次“法律进乡村”活动，为群众解答土地承包、赡养老人、农民工工资等方面的法律问题。',
    '十三、文化生活和移风易俗。街道组织了广场舞比赛、戏曲进乡村、农民运动会等文化活动二十余场。各村成立了红白理事会，制定了村规民约，倡导婚事新办、丧事简办，反对大操大办和高价彩礼。村文化大院对村民开放，村民办理婚宴、寿宴可以借用场地，场地费按村规民约的标准收取，收入归村集体，在“财务收支”栏目中公开。',
    '十四、资金使用情况。前三季度，街道拨付各村的村级组织运转经费、村干部报酬补助和项目奖补资金，全部通过银行转账拨付到村集体账户，不经过任何个人。各村收到的每一笔资金，都在“财务收支”栏目中入账公开，附有银行回单。街道农经站每月对各村的账目进行审核，对不符合规定的支出，责令退回或者整改。',
    '十五、农业生产和农民增收。街道农业服务中心组织农技人员开展技术指导四十余次，推广小麦宽幅精播、玉米秸秆还田和蔬菜病虫害绿色防控技术。今年夏粮、秋粮都获得丰收。街道还引导各村成立土地股份合作社和农机服务队，为外出务工家庭和老年人家庭提供耕种收“一条龙”托管服务，托管面积比去年增加了三成。对种植大户和家庭农场，街道协调银行提供低息贷款，帮助解决资金困难。',
    '十六、困难群众帮扶。街道建立了困难群众动态监测台账，对因病、因灾、因意外事故导致生活困难的家庭，做到早发现、早帮扶。前三季度，街道干部和村干部共走访困难家庭八百余户次，帮助申请各类救助一百余件。春节、重阳节期间，各村走访慰问了困难群众和高龄老人，慰问物品的采购和发放情况在各村“财务收支”栏目中公开，接受群众监督。',
    '存在的问题和下一步打算。前三季度的工作还有一些不足：个别村的财务公开不够及时，少数工程项目进度偏慢，部分群众反映的问题答复不够具体。第四季度，街道将重点抓好以下几件事：一是督促各村按时更新三务公开内容；二是加快在建工程项目进度，确保年底前完工；三是做好冬季取暖、供水和困难群众生活保障；四是认真答复群众提出的每一个问题。',
    `群众对街道工作有意见建议，可以到街道便民服务中心当面反映，也可以拨打街道党政办公室电话，或者在电视平台“村民问答”栏目中留言。街道将认真对待每一条意见，办理结果向群众反馈。街道党政办公室的办公时间为周一至周五上午八点半至十二点、下午一点半至五点半，节假日有干部值班，遇到急事可以随时联系。`,
  ];
};

const news = (street: Street, media: Media, rng: Rng): Channel => {
  const v = street.villages;
  const first = v[0]?.name ?? street.name;
  const items = [
    article(
      `s${street.code}-6-1116`,
      wall(2026, 11, 16, 10, 0),
      `${street.name}开展冬季供水管道防冻检查`,
      [
        '入冬以来，街道组织供水站管理员和各村网格员，对辖区供水管道和水表井逐一检查。',
        '对裸露在外的管道，用保温材料进行了包裹；对损坏的水表井盖，及时进行了更换。',
        '群众发现停水、漏水，可以拨打街道便民服务中心电话报修。',
      ],
      {
        photos: [
          media.scene(
            `media/photos/${street.code}/water-check.jpg`,
            street.index,
            rng.fork('n1'),
            'village',
            '工作人员检查村内供水管道',
          ),
        ],
      },
    ),
    article(
      `s${street.code}-6-1110`,
      wall(2026, 11, 10, 9, 0),
      `${street.name}2026年前三季度工作情况报告`,
      report(street, rng.fork('report')),
      { summary: '集体经济、道路、供水、社会保障等十个方面的工作情况。' },
    ),
    article(
      `s${street.code}-6-1103`,
      wall(2026, 11, 3, 15, 0),
      `${first}完成村内主街硬化`,
      [
        `${first}村内主街硬化工程日前完工，全长一点二公里，宽五米。`,
        '工程经村民代表会议讨论通过，由街道组织比选确定施工单位，村民代表全程参与监督和验收。',
        '工程的合同金额和付款情况，已在该村“专项公开”和“财务收支”栏目中公开。',
      ],
      {
        photos: [
          media.scene(
            `media/photos/${street.code}/road.jpg`,
            street.index,
            rng.fork('n3'),
            'road',
            `${first}硬化后的村内主街`,
          ),
        ],
      },
    ),
    article(`s${street.code}-6-1025`, wall(2026, 10, 25, 10, 0), '街道举办村级财务人员培训班', [
      '十月二十三日，街道农经站举办村级报账员培训班，各村报账员和村务监督委员会主任参加。',
      '培训讲解了原始票据的审核要点、报销签字流程和电视平台财务公开的操作方法。',
    ]),
    article(`s${street.code}-6-1012`, wall(2026, 10, 12, 16, 0), '重阳节走访慰问高龄老人', [
      '重阳节前后，街道和各村干部走访慰问了辖区八十周岁以上老人，送去了牛奶和糕点。',
      '各村慰问物品的采购支出已在“财务收支”栏目中公开。',
    ]),
  ];
  return channel(6, 'articles', wall(2026, 11, 16, 10, 0), items);
};

const guide = (street: Street, rng: Rng): Channel => {
  const place = `${street.name}便民服务中心`;
  const card = (id: string, title: string, documents: string[], window: string, notes?: string): ServiceCard => ({
    ...item(`s${street.code}-7-${id}`, wall(2026, 9, 18, 10, 0)),
    title,
    documents,
    place: `${place}${window}`,
    hours: '周一至周五 8:30-12:00，13:30-17:30',
    phone: landline(rng),
    ...(notes ? { notes } : {}),
  });
  const cards = [
    card(
      'dibao',
      '申请最低生活保障',
      ['申请人身份证、户口簿', '家庭成员收入情况说明', '患病或残疾的提供诊断证明或残疾证', '委托他人办理的带委托书'],
      '民政窗口',
      '提交申请后，街道在三十日内完成调查、评议和公示。',
    ),
    card(
      'medical',
      '城乡居民医保参保缴费',
      ['身份证或户口簿', '社保卡（已办理的）'],
      '医保窗口',
      '集中缴费期为每年九月至十二月。不会用手机缴费的，可以到窗口或找村里协办员办理。',
    ),
    card(
      'pension',
      '城乡居民养老保险待遇领取',
      ['身份证', '户口簿', '社保卡'],
      '社保窗口',
      '年满六十周岁前一个月办理，次月开始领取。',
    ),
    card(
      'disability',
      '残疾人证办理',
      ['身份证、户口簿', '近期一寸免冠照片两张', '相关病历材料'],
      '残联窗口',
      '评残由区残联统一安排到指定医院进行。',
    ),
    card(
      'elderly',
      '老年人优待证和高龄津贴',
      ['身份证', '户口簿', '社保卡'],
      '民政窗口',
      '八十周岁以上老人可以申请高龄津贴，行动不便的可以由村里代办。',
    ),
    card(
      'housing',
      '农村村民住宅建设审批',
      ['申请表（村委会领取）', '身份证、户口簿', '宅基地使用权证明', '建房设计图或通用图集选用说明'],
      '自然资源和规划窗口',
      '村民小组和村委会讨论同意并公示后，报街道审批。',
    ),
  ];
  return channel(7, 'guide', wall(2026, 9, 18, 10, 0), cards);
};

const lowIncome = (street: Street, rng: Rng): Channel => {
  const columns = [
    col('village', '村（社区）'),
    col('name', '申请人', 'masked'),
    col('idNumber', '身份证号', 'masked'),
    col('members', '保障人数', 'number'),
    col('kind', '类别'),
    col('monthly', '月保障金', 'money'),
  ];
  const roster = (n: number) =>
    Array.from({ length: n }, () => {
      const members = rng.int(1, 4);
      return {
        village: rng.pick(street.villages).name,
        name: maskName(personName(rng)),
        idNumber: maskIdNumber(residentId(rng)),
        members,
        kind: rng.pick(['农村低保', '农村低保', '特困供养']),
        monthly: members * rng.int(60, 78) * 1000,
      };
    });
  const objections = `${street.name}民政办（便民服务中心民政窗口），电话 ${landline(rng)}`;
  const current: Wall = wall(2026, 11, 19, 9, 0);
  const tables = [
    table(`s${street.code}-8-202611`, current, '2026年11月新增低保对象评议结果公示', columns, roster(rng.int(5, 9)), {
      note: '经入户调查和民主评议，以下家庭拟纳入最低生活保障。公示期内对名单有异议的，请向街道民政办实名反映，我们将核实后答复。',
      posting: { until: iso(addDays(current, 7)), objectionsTo: objections },
    }),
    table(
      `s${street.code}-8-202608`,
      wall(2026, 8, 20, 9, 0),
      '2026年8月新增低保对象评议结果公示',
      columns,
      roster(rng.int(4, 7)),
      {
        note: '公示期已满，无异议，已报区民政局审批。',
        posting: { until: iso(wall(2026, 8, 27, 9, 0)), objectionsTo: objections },
      },
    ),
  ];
  return channel(8, 'tables', current, tables);
};

const contacts = (street: Street, rng: Rng): Channel => {
  const updated = street.overdue.includes(9) ? wall(2026, 6, 20, 10, 0) : wall(2026, 10, 8, 10, 0);
  const address = `${street.name}办事处`;
  const entry = (id: string, name: string, org: string, role: string, addr?: string) => ({
    ...item(`s${street.code}-9-${id}`, updated),
    name,
    org,
    role,
    phone: landline(rng),
    ...(addr ? { address: addr } : {}),
  });
  const people = [
    entry('office', street.officeHead, `${street.name}党政办公室`, '主任', `${address}二楼`),
    entry('service', '便民服务中心', `${street.name}便民服务中心`, '综合咨询', `${address}一楼大厅`),
    entry('civil', personName(rng), `${street.name}民政办`, '低保、救助、养老服务'),
    entry('agri', street.bookkeeper, `${street.name}农村经济经营管理站`, '村级财务代理会计'),
    entry('police', '派出所值班室', `寒亭公安分局${street.name.replace('街道', '')}派出所`, '户籍、治安'),
    entry('justice', personName(rng), `${street.name}司法所`, '法律援助、人民调解'),
    entry('clinic', '卫生院值班室', `${street.name}卫生院`, '门诊、家庭医生签约'),
    ...street.villages.map((v) =>
      entry(
        `v${v.code.slice(-3)}`,
        v.secretary.name,
        `${v.name}${v.name.endsWith('社区') ? '居委会' : '村委会'}`,
        '党支部书记（办公电话）',
        `${v.name}党群服务中心`,
      ),
    ),
    {
      ...item(`s${street.code}-9-hotline`, updated),
      name: '政务服务热线',
      org: '寒亭区政务服务中心',
      role: '咨询、投诉、建议',
      phone: '12345',
    },
  ];
  return channel(9, 'contacts', updated, people);
};

const projects = (street: Street, media: Media, rng: Rng): Channel => {
  const columns = [
    col('name', '项目名称'),
    col('village', '实施村'),
    col('budget', '预算金额', 'money'),
    col('method', '方式'),
    col('winner', '中标（成交）单位'),
    col('date', '确定日期', 'date'),
    col('status', '进度'),
  ];
  const kinds = [
    '村内道路硬化工程',
    '供水管网改造工程',
    '路灯安装工程',
    '排水沟清淤及改造工程',
    '党群服务中心维修工程',
    '文化广场健身器材采购',
  ];
  const firms = [
    '潍坊市寒亭区通达建筑工程有限公司',
    '潍坊鑫路市政工程有限公司',
    '山东亭城建设工程有限公司',
    '潍坊亮化电器有限公司',
    '寒亭区宏达五金建材经营部',
  ];
  const rows = Array.from({ length: rng.int(5, 8) }, (_, i) => {
    const budget = rng.int(30, 480) * 1_000_00;
    return {
      name: rng.pick(kinds),
      village: rng.pick(street.villages).name,
      budget,
      method: budget >= 400_000_00 ? '公开招标' : budget >= 100_000_00 ? '竞争性比选' : '村级小额工程公开比选',
      winner: rng.pick(firms),
      date: day(wall(2026, rng.int(3, 10), rng.int(1, 28), 10, 0)),
      status: i < 2 ? '施工中' : rng.pick(['已完工', '已完工，已验收', '已验收，已付款']),
    };
  });
  const tenderColumns = [
    col('name', '项目名称'),
    col('village', '实施村'),
    col('budget', '最高限价', 'money'),
    col('deadline', '报名截止', 'date'),
    col('contact', '联系地点'),
  ];
  const tenders = [
    {
      name: '冬季村内道路维修工程',
      village: rng.pick(street.villages).name,
      budget: rng.int(8, 30) * 1_000_00,
      deadline: day(wall(2026, 11, 27, 17, 0)),
      contact: `${street.name}农经站`,
    },
  ];
  const tables = [
    table(`s${street.code}-10-2026`, wall(2026, 10, 30, 10, 0), '2026年村级工程项目公开情况', columns, rows, {
      note: '预算四十万元以上公开招标，十万元以上竞争性比选，十万元以下由村级组织公开比选。',
      attachments: [
        media.scene(
          `media/photos/${street.code}/project-board.jpg`,
          street.index,
          rng.fork('board'),
          'road',
          '工程项目公示牌',
        ),
      ],
    }),
    table(`s${street.code}-10-tender-1118`, wall(2026, 11, 18, 9, 0), '村级小额工程比选公告', tenderColumns, tenders, {
      note: '有意参加的单位请携带营业执照副本（复印件加盖公章）到报名地点报名。',
    }),
  ];
  return channel(10, 'tables', wall(2026, 11, 18, 9, 0), tables);
};

export const streetChannels = (street: Street, media: Media, rng: Rng): Channel[] => [
  news(street, media, rng.fork(6)),
  guide(street, rng.fork(7)),
  lowIncome(street, rng.fork(8)),
  contacts(street, rng.fork(9)),
  projects(street, media, rng.fork(10)),
];
