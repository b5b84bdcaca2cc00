/**
 * The JSON Schema of the interchange file, generated from InterchangeSchema so the two cannot
 * drift. `npx tsx scripts/gen-json-schema.ts` writes it to docs/journeyboard.schema.json, and a
 * unit test fails when the committed file is stale.
 */
import { z } from 'zod'
import { InterchangeSchema } from './schema'

/** Where the generated file lives, relative to the repository root. */
export const JSON_SCHEMA_PATH = 'docs/journeyboard.schema.json'

/** The JSON Schema (draft 2020-12) of what an importer accepts. */
export function interchangeJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(InterchangeSchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>
}

/** The file's exact text: two-space JSON with a final newline. */
export function renderInterchangeJsonSchema(): string {
  return `${JSON.stringify(interchangeJsonSchema(), null, 2)}\n`
}
