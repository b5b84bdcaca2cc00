/**
 * Every language has every message, and every message formats: with sample values for its
 * parameters, and for counts 0, 1, 2, 5, 21 and 1.5 (Russian and Bulgarian choose among several
 * plural forms, Thai and Chinese have none). A translation may not ask for a value the English
 * message does not get, and may not leave English words behind.
 */
import { describe, expect, it } from 'vitest'
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import { IntlMessageFormat } from 'intl-messageformat'
import { LANGUAGES, LOCALE_TAGS } from '../../src/shared/i18n/languages'
import { catalogues } from '../../src/renderer/src/i18n'
import type { MessageKey } from '../../src/renderer/src/i18n/en'
import { mainCatalogues } from '../../src/main/messages'
import { reasonCatalogues } from '../../src/shared/i18n/reasons'
import { englishWordsIn, literalText } from './english-words'

const en = catalogues.en
const keys = Object.keys(en) as MessageKey[]

interface Arg {
  readonly name: string
  readonly numeric: boolean
}

/** The arguments a message uses, and whether any use of each needs a number. */
function argsOf(message: string): Map<string, boolean> {
  const found = new Map<string, boolean>()
  const walk = (elements: readonly MessageFormatElement[]): void => {
    for (const el of elements) {
      if (el.type === TYPE.argument) found.set(el.value, found.get(el.value) ?? false)
      if (el.type === TYPE.number || el.type === TYPE.plural) found.set(el.value, true)
      if (el.type === TYPE.select) found.set(el.value, found.get(el.value) ?? false)
      if (el.type === TYPE.plural || el.type === TYPE.select) {
        for (const option of Object.values(el.options)) walk(option.value)
      }
      if (el.type === TYPE.tag) walk(el.children)
    }
  }
  walk(parse(message, { ignoreTag: true }))
  return found
}

function argsFor(key: MessageKey): Arg[] {
  const merged = new Map<string, boolean>()
  for (const lang of LANGUAGES) {
    for (const [name, numeric] of argsOf(catalogues[lang][key]))
      merged.set(name, (merged.get(name) ?? false) || numeric)
  }
  return [...merged].map(([name, numeric]) => ({ name, numeric }))
}

const COUNTS = [0, 1, 2, 5, 21, 1.5]

describe('message catalogues', () => {
  it.each(LANGUAGES)('%s has exactly the English keys', (lang) => {
    expect(Object.keys(catalogues[lang]).sort()).toEqual([...keys].sort())
    expect(Object.keys(mainCatalogues[lang]).sort()).toEqual(Object.keys(mainCatalogues.en).sort())
  })

  it.each(LANGUAGES)('%s asks only for values the English message gets', (lang) => {
    const extra: string[] = []
    for (const key of keys) {
      const english = argsOf(en[key])
      for (const name of argsOf(catalogues[lang][key]).keys()) if (!english.has(name)) extra.push(`${key}: {${name}}`)
    }
    expect(extra).toEqual([])
  })

  it.each(LANGUAGES)('every %s message formats with sample values and counts 0, 1, 2, 5, 21, 1.5', (lang) => {
    const failures: string[] = []
    for (const key of keys) {
      const format = new IntlMessageFormat(catalogues[lang][key], LOCALE_TAGS[lang], undefined, { ignoreTag: true })
      const args = argsFor(key)
      for (const count of COUNTS) {
        const values = Object.fromEntries(args.map((a) => [a.name, a.numeric ? count : 'Maya']))
        try {
          const out = format.format(values)
          if (typeof out !== 'string' || /\{\w+\}/.test(out)) failures.push(`${key} (${count}): ${String(out)}`)
        } catch (error) {
          failures.push(`${key} (${count}): ${(error as Error).message}`)
        }
      }
    }
    expect(failures).toEqual([])
  })

  it.each(LANGUAGES)('every %s reason (refusals, import problems) formats, for every kind of limit', (lang) => {
    const failures: string[] = []
    const english = reasonCatalogues.en
    for (const id of Object.keys(english) as (keyof typeof english)[]) {
      const message = reasonCatalogues[lang][id]
      expect(message, id).toBeTypeOf('string')
      for (const name of argsOf(message).keys()) if (!argsOf(english[id]).has(name)) failures.push(`${id}: {${name}}`)
      const numeric = new Map([...argsOf(english[id]), ...argsOf(message)])
      for (const what of ['stages', 'notes', 'emotionPoints', 'tasks', 'something else']) {
        for (const count of COUNTS) {
          const values = Object.fromEntries(
            [...numeric].map(([name, isNumber]) => [name, name === 'what' ? what : isNumber ? count : 'Maya'])
          )
          const out = new IntlMessageFormat(message, LOCALE_TAGS[lang], undefined, { ignoreTag: true }).format(values)
          if (typeof out !== 'string' || /\{\w+\}/.test(out)) failures.push(`${id}: ${String(out)}`)
          if (lang !== 'en' && englishWordsIn(literalText(message)).length > 0) failures.push(`${id}: English left`)
        }
      }
    }
    expect(failures).toEqual([])
  })

  it('chooses Russian and Bulgarian plural forms by the number', () => {
    const ru = (n: number) => new IntlMessageFormat(catalogues.ru['home.noteCount'], 'ru').format({ count: n })
    expect([0, 1, 2, 5, 21, 1.5].map(ru)).toEqual([
      '0 стикеров',
      '1 стикер',
      '2 стикера',
      '5 стикеров',
      '21 стикер',
      '1,5 стикера'
    ])
    const bg = (n: number) => new IntlMessageFormat(catalogues.bg['home.noteCount'], 'bg').format({ count: n })
    expect([1, 2, 21].map(bg)).toEqual(['1 бележка', '2 бележки', '21 бележки'])
  })

  it.each(['ru', 'bg', 'th', 'zh'] as const)('%s leaves no English words behind', (lang) => {
    const left: string[] = []
    for (const key of keys) {
      const words = englishWordsIn(literalText(catalogues[lang][key]))
      if (words.length > 0) left.push(`${key}: ${words.join(', ')}`)
    }
    expect(left).toEqual([])
  })
})
