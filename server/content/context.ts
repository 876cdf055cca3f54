/** What content operations use of the service: its database, and what pushes are checked against. */
import type { Db } from '../db/database';
import type { Coverage } from './fontCoverage';

export interface ContentContext {
  db: Db;
  /** The characters the box's font can show. */
  coverage: Coverage;
  /** The largest amount one voucher may carry, in fen (the district's ceiling). */
  maxVoucherFen: number;
  /** The published feed, where a receipt's image must already be. */
  feedDir: string;
}
