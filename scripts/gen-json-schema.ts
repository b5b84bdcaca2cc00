/**
 * Writes docs/journeyboard.schema.json from the zod InterchangeSchema.
 * Run after changing src/shared/schema or src/shared/format: `npx tsx scripts/gen-json-schema.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { JSON_SCHEMA_PATH, renderInterchangeJsonSchema } from '../src/shared/format/json-schema'

const target = new URL(`../${JSON_SCHEMA_PATH}`, import.meta.url)
const text = renderInterchangeJsonSchema()
let previous: string | null = null
try {
  previous = readFileSync(target, 'utf8')
} catch {
  // first run: nothing to compare with
}
if (previous === text) {
  console.log(`${JSON_SCHEMA_PATH} is up to date.`)
} else {
  writeFileSync(target, text)
  console.log(`Wrote ${JSON_SCHEMA_PATH} (${text.length} bytes).`)
}
