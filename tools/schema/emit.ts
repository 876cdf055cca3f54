/**
 * Writes the feed's JSON Schemas (draft 2020-12 compatible, emitted from the TypeBox
 * definitions in src/feed/schema.ts) for tools and servers outside this codebase:
 * `npx tsx tools/schema/emit.ts` → schema/feed-v<version>.schema.json
 */
import { writeFileSync } from 'node:fs';
import { feedJsonSchemaDocument, SCHEMA_FILE } from '../../src/feed/jsonSchema';

writeFileSync(SCHEMA_FILE, `${JSON.stringify(feedJsonSchemaDocument(), null, 2)}\n`);
console.log(`wrote ${SCHEMA_FILE}`);
