/** The feed's standard JSON Schemas, for tools and servers outside this codebase. */
import { DistrictFeed, LedgerMonthFeed, StreetFeed, VillageFeed, SCHEMA_VERSION } from './schema';

export const feedJsonSchemas = () => ({
  schemaVersion: SCHEMA_VERSION,
  district: DistrictFeed,
  street: StreetFeed,
  village: VillageFeed,
  ledgerMonth: LedgerMonthFeed,
});
