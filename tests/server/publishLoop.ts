/**
 * A publisher that never stops: the crash test (crash.spec.ts) runs it as its own
 * process and kills it with SIGKILL at random moments.
 *
 *   npx tsx tests/server/publishLoop.ts DATA_DIR [--max N]   (crash.spec.ts runs it bundled)
 *
 * It opens the service on DATA_DIR (which finishes any publish a crash interrupted),
 * prints `ready <version>`, then over and over: the admin pushes a new notice to
 * sub-channel 14 of every village, approves it, and publishes, printing
 * `publishing` before and `published <version>` after each publish. Every printed
 * line is written synchronously, so the test's view of the last finished version is
 * never behind what the process did.
 */
import { writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Operator } from '../../server/auth/operators';
import { pushItem, reviewDraft } from '../../server/content/operations';
import { openService } from '../../server/service';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { max: { type: 'string' } } });
const dataDir = positionals[0];
if (!dataDir) {
  process.stderr.write('usage: publishLoop.ts DATA_DIR [--max N]\n');
  process.exit(2);
}
const max = values.max === undefined ? Infinity : Number(values.max);

const say = (line: string) => writeSync(1, `${line}\n`);

const service = openService({ dataDir });
say(`ready ${service.publisher.currentVersion}`);

const admin = service.db
  .prepare(`SELECT id, name, role, region FROM operators WHERE role = 'admin' ORDER BY id LIMIT 1`)
  .get() as Operator | undefined;
if (!admin) throw new Error('no admin operator: seed the data directory first');
const villages = service.db
  .prepare(`SELECT code FROM regions WHERE level = 'village' ORDER BY code`)
  .pluck()
  .all() as string[];

// Characters the shipped font covers (pushes are checked against it).
const TITLES = ['冬季垃圾清运时间调整', '村民代表会议通知', '道路维修公告', '发展党员公示'];

for (let round = 0; round < max; round++) {
  const stamp = `${process.pid}-${Date.now().toString(36)}-${round}`;
  for (const [index, village] of villages.entries()) {
    const pushed = pushItem(
      service,
      admin,
      { region: village, channel: 14, itemId: `crash-${stamp}-${index}` },
      {
        title: TITLES[(round + index) % TITLES.length],
        body: ['村民代表会议决定于十二月一日起实行新的垃圾清运时间。'],
      },
    );
    // A refusal throws (an OperatorError), which ends this loop with its reason.
    reviewDraft(service.db, admin, pushed.id, 'approved', null);
  }
  say('publishing');
  const result = service.publisher.publish(admin.id);
  say(`published ${result.version} ${result.written}`);
}
service.db.close();
