/** The persona fields the articles name: gender, company location, tech stack, trigger events, behavioural data by source. */
import { describe, expect, it } from 'vitest'
import { parseInterchange, serializeInterchange } from '../../src/shared/format/interchange'
import { PersonaSchema } from '../../src/shared/schema/entities'
import { FIXED_NOW, buildMap, buildPersona } from './fixtures'

describe('persona fields', () => {
  const base = buildPersona('p1')
  const persona = {
    ...base,
    demographics: { ...base.demographics, gender: 'Woman' },
    firmographics: { ...base.firmographics, location: 'Berlin', techStack: 'HubSpot, Slack' },
    triggerEvents: 'A failed audit',
    behaviouralData: {
      webActivity: 'Reads pricing twice',
      purchaseHistory: 'Two seats, then ten',
      productUsage: 'Daily dashboards',
      supportInteractions: 'Three tickets in onboarding'
    }
  }

  it('validate and travel in the interchange file', () => {
    expect(PersonaSchema.parse(persona)).toEqual(persona)
    const map = buildMap({ personaIds: ['p1'] })
    expect(parseInterchange(serializeInterchange(map, [persona], FIXED_NOW)).personas).toEqual([persona])
  })

  it('are optional: a persona without them is as valid as before', () => {
    expect(PersonaSchema.parse(base)).toStrictEqual(base)
  })
})
