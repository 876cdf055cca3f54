/**
 * Seeds one data directory the way a service's first start does (the sample district, published
 * as version 1), then exits: `tsx tests/seedTemplate.ts DIR`. The test runner makes it once per
 * run, and tests that need a started service but not its first start copy it
 * (tests/server/harness.ts), instead of each seeding the same sample again.
 */
import { openService } from '../server/service';

const dataDir = process.argv[2];
if (!dataDir) {
  process.stderr.write('usage: tsx tests/seedTemplate.ts DATA_DIR\n');
  process.exit(2);
}
const service = openService({ dataDir });
if (!service.publisher.currentVersion) throw new Error(`${dataDir}: the first start published nothing`);
service.db.close();
