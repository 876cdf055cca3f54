/**
 * The rural collective chart of accounts (村集体经济组织会计制度, 财会〔2004〕12号: 501 经营收入,
 * 511 发包及上交收入, 522 补助收入, 531 其他收入, 541 管理费用, 551 其他支出, 154 在建工程 ...),
 * with the second-level accounts a Weifang village typically opens. A voucher names the
 * income or spending account; its other side is cash or bank and is not shown.
 */
export interface Account {
  code: string;
  name: string;
}

const account = (code: string, name: string): Account => ({ code, name });

export const ACCOUNTS = {
  rent: account('50103', '经营收入—租赁收入'),
  service: account('50104', '经营收入—服务收入'),
  solar: account('50105', '经营收入—光伏发电收入'),
  irrigationCost: account('50201', '经营支出—灌溉服务支出'),
  waterCost: account('50202', '经营支出—供水站运行支出'),
  landContract: account('51101', '发包及上交收入—土地承包收入'),
  operatingGrant: account('52201', '补助收入—村级组织运转经费'),
  salaryGrant: account('52202', '补助收入—村干部报酬补助'),
  projectGrant: account('52203', '补助收入—项目奖补资金'),
  interest: account('53101', '其他收入—利息收入'),
  otherIncome: account('53199', '其他收入—其他'),
  office: account('54101', '管理费用—办公费'),
  utilities: account('54102', '管理费用—水电费'),
  newspapers: account('54103', '管理费用—报刊费'),
  travel: account('54104', '管理费用—差旅交通费'),
  cadrePay: account('54105', '管理费用—干部报酬'),
  maintenance: account('54106', '管理费用—维修费'),
  publicWorks: account('55101', '其他支出—公益事业支出'),
  relief: account('55102', '其他支出—困难群众慰问'),
  safety: account('55103', '其他支出—防汛及安全支出'),
  construction: account('154', '在建工程'),
  levy: account('231', '一事一议资金'),
} as const;
