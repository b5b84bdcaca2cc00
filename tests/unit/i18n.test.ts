/**
 * The message formatter isolates every value it fills into a sentence, so that text from users
 * cannot reorder the app's own words (a persona named with a right-to-left override, U+202E).
 * How it looks in the browser is tested in tests/e2e/bidi.spec.ts.
 */
import { describe, expect, it } from 'vitest'
import { isolate, t } from '../../src/renderer/src/i18n'

const FSI = '\u2068'
const PDI = '\u2069'
const RLO = '\u202e'
const RLI = '\u2067'

describe('t', () => {
  it('wraps each string it fills in between FSI and PDI, and leaves numbers alone', () => {
    const sentence = t('workshop.finding.painHotspot', { series: `${RLO}Maya`, stage: 'Trial', pain: 4, score: '−2' })
    expect(sentence).toBe(
      `${FSI}${RLO}Maya${PDI}: pain clusters at “${FSI}Trial${PDI}” (weight 4) where the emotion is ${FSI}−2${PDI}.`
    )
  })

  it('keeps the placeholder of a value it was not given', () => {
    expect(t('home.trashed', {})).toBe('“{title}” moved to trash.')
  })
})

describe('isolate', () => {
  it('drops a PDI of the value that would close the isolate early', () => {
    expect(isolate(`Maya${PDI}${RLO}evil`)).toBe(`${FSI}Maya${RLO}evil${PDI}`)
  })

  it('closes isolates the value leaves open, so that its own PDI ends it', () => {
    expect(isolate(`${RLI}مايا`)).toBe(`${FSI}${RLI}مايا${PDI}${PDI}`)
  })

  it('keeps isolates the value balances itself', () => {
    expect(isolate(`a${RLI}b${PDI}c`)).toBe(`${FSI}a${RLI}b${PDI}c${PDI}`)
  })
})
