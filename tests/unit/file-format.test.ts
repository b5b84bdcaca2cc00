/** Keeps docs/file-format.md and docs/journeyboard.schema.json true to the code. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseInterchange, serializeInterchange } from '../../src/shared/format/interchange'
import { JSON_SCHEMA_PATH, renderInterchangeJsonSchema } from '../../src/shared/format/json-schema'
import { LIMITS } from '../../src/shared/schema/entities'
import {
  CategorySchema,
  ChannelSchema,
  LaneKindSchema,
  MetricDirectionSchema,
  NoteKindSchema,
  SeriesVariantSchema
} from '../../src/shared/schema/enums'

const root = new URL('../../', import.meta.url)
const read = (path: string) => readFileSync(new URL(path, root), 'utf8')
const doc = read('docs/file-format.md')

describe('docs/journeyboard.schema.json', () => {
  it('is what scripts/gen-json-schema.ts generates now (run it after changing a schema)', () => {
    expect(read(JSON_SCHEMA_PATH)).toBe(renderInterchangeJsonSchema())
  })
})

describe('docs/file-format.md', () => {
  it('has a first json example that imports and exports unchanged', () => {
    const example = /```json\n([\s\S]*?)\n```/.exec(doc)?.[1]
    expect(example).toBeDefined()
    const { map, personas } = parseInterchange(example!)
    expect(map.notes).toHaveLength(3)
    const again = parseInterchange(serializeInterchange(map, personas, '2026-03-04T09:00:00.000Z'))
    expect(again).toStrictEqual({ map, personas, lineage: null })
  })

  it('lists the limits as LIMITS has them', () => {
    for (const [name, value] of Object.entries(LIMITS)) {
      expect(doc).toMatch(new RegExp(`\\| \`${name}\`\\s+\\| ${value}\\s+\\|`))
    }
  })

  it('lists every enumeration value', () => {
    const rows: [string, readonly string[]][] = [
      ['lane kind', LaneKindSchema.options],
      ['note kind', NoteKindSchema.options],
      ['channel', ChannelSchema.options],
      ['category', CategorySchema.options],
      ['variant', SeriesVariantSchema.options],
      ['direction', MetricDirectionSchema.options]
    ]
    for (const [name, values] of rows) {
      const row = new RegExp(`^\\| ${name}\\s+\\| (.*?)\\s*\\|$`, 'm').exec(doc)?.[1]
      expect(
        row?.split(', ').map((v) => v.replaceAll('`', '')),
        name
      ).toEqual(values)
    }
  })
})
