/**
 * `sanwu polls …`, 民意调查: `list --village CODE` (each poll, its turnout, and once closed its
 * counts drawn as bars), `add --village CODE --question "…" --options "甲|乙|丙" --opens T --closes T`,
 * `open ID` / `close ID` (now; closing publishes the counts). And `sanwu ratings …`, 满意度.
 */
import type { PollView } from '../household/polls';
import { request, type Connection } from './client';

const say = (line: string) => process.stdout.write(`${line}\n`);
const STATE: Record<PollView['state'], string> = {
  upcoming: '未开始 / upcoming',
  open: '进行中 / open',
  closed: '已结束 / closed',
};

const show = (poll: PollView) => {
  say(
    `#${poll.id}\t${STATE[poll.state]}\t${poll.opensAt} → ${poll.closesAt}\t${poll.turnout} 户已投票 / households voted`,
  );
  say(`  ${poll.question}`);
  const most = Math.max(1, ...(poll.results ?? []));
  poll.options.forEach((option, i) => {
    const votes = poll.results?.[i];
    say(`  ${i}. ${option}${votes === undefined ? '' : `\t${'█'.repeat(Math.round((votes / most) * 20))} ${votes}`}`);
  });
};

interface Monthly {
  month: string;
  count: number;
  average: number;
}

/**
 * `sanwu ratings …`, 满意度: `list --village CODE` (each month's count and average), `draft --village
 * CODE --month YYYY-MM [--replace]` (the month's numbers as a draft of the village's 20, to approve and publish).
 */
export const ratingsCommand = async (
  connection: Connection,
  [action]: string[],
  options: { village?: string; month?: string; replace?: boolean },
): Promise<boolean> => {
  if (action === 'list' && options.village) {
    const months = await request<Monthly[]>(connection, 'GET', `/api/ratings?village=${options.village}`);
    months.forEach((m) => say(`${m.month}\t${m.count} 条评价 / ratings\t平均 ${m.average.toFixed(1)} 分 / average`));
    if (!months.length) say('还没有满意度评价 / no ratings yet');
    return true;
  }
  if (action === 'draft' && options.village && options.month) {
    const drafted = await request<{ draft: number; item: string; numbers: Monthly }>(
      connection,
      'POST',
      '/api/ratings/draft',
      { village: options.village, month: options.month, ...(options.replace ? { replace: true } : {}) },
    );
    say(
      `草稿 #${drafted.draft}（20 村民问答 ${drafted.item}）：${drafted.numbers.count} 条，平均 ${drafted.numbers.average.toFixed(1)} 分；待审核后发布 / draft ${drafted.draft}: approve, then publish`,
    );
    return true;
  }
  return false;
};

export const pollsCommand = async (
  connection: Connection,
  [action, id]: string[],
  options: { village?: string; question?: string; options?: string; opens?: string; closes?: string },
): Promise<boolean> => {
  if (action === 'list' && options.village) {
    const polls = await request<PollView[]>(connection, 'GET', `/api/polls?village=${options.village}`);
    polls.forEach(show);
    say(`共 ${polls.length} 项调查 / ${polls.length} polls`);
    return true;
  }
  if (action === 'add' && options.village && options.question && options.options && options.opens && options.closes) {
    const poll = await request<PollView>(connection, 'POST', '/api/polls', {
      village: options.village,
      question: options.question,
      options: options.options.split('|').map((o) => o.trim()),
      opensAt: options.opens,
      closesAt: options.closes,
    });
    say(`调查 #${poll.id} 已发布，${poll.opensAt} 开始投票 / poll ${poll.id} published`);
    show(poll);
    return true;
  }
  // Open an upcoming poll now, or close an open one now (its counts are then shown).
  if ((action === 'open' || action === 'close') && id && /^[0-9]+$/.test(id)) {
    const poll = await request<PollView>(connection, 'POST', `/api/polls/${id}/${action}`, {});
    say(
      action === 'open'
        ? `调查 #${poll.id} 已开始 / poll ${poll.id} is open`
        : `调查 #${poll.id} 已结束，结果已公布 / poll ${poll.id} has closed; its results are published`,
    );
    show(poll);
    return true;
  }
  return false;
};
