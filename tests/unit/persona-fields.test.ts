/** The persona fields the articles name: gender, company location, tech stack, trigger events, behavioural data by source. */
import { describe, expect, it } from 'vitest'
import { draftOf, personaFromDraft, validateDraft } from '../../src/renderer/src/personas/persona-form'
import { PersonaSchema } from '../../src/shared/schema/entities'
import { buildPersona } from './fixtures'

describe('persona fields', () => {
  it('carry through the form and validate', () => {
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
    expect(PersonaSchema.parse(persona)).toEqual(persona)
    const draft = draftOf(persona)
    expect(validateDraft(draft)).toEqual({})
    expect(personaFromDraft(draft, persona)).toEqual(persona)
  })

  it('leave a persona without them as it was (version-1 personas stay byte-identical)', () => {
    const persona = buildPersona('p1')
    expect(personaFromDraft(draftOf(persona), persona)).toStrictEqual(persona)
  })
})
