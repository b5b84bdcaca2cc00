/** Templates speak every language: a new map starts with stages and lanes in the app's language. */
import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '../../src/shared/i18n/languages'
import type { TemplateId } from '../../src/shared/model'
import { createMapFromTemplate, TEMPLATES, templateIn } from '../../src/shared/templates'
import { TEMPLATE_TEXTS } from '../../src/shared/templates/texts'
import { englishWordsIn } from './english-words'

const IDS = Object.keys(TEMPLATES) as TemplateId[]
const seq = () => {
  let n = 0
  return () => `id${++n}`
}

describe('templates in five languages', () => {
  it.each(LANGUAGES)('%s has a name, a description, and a title for every stage and lane of each template', (lang) => {
    for (const id of IDS) {
      const text = TEMPLATE_TEXTS[lang][id]
      expect(text.stages.length, `${lang} ${id} stages`).toBe(TEMPLATES[id].stages.length)
      expect(text.lanes.length, `${lang} ${id} lanes`).toBe(TEMPLATES[id].lanes.length)
      for (const [i, s] of text.stages.entries()) {
        expect(s.title.trim(), `${lang} ${id} stage ${i}`).not.toBe('')
        // A prompt where English has one, none where English has none.
        expect(s.prompt === '', `${lang} ${id} stage ${i} prompt`).toBe(TEMPLATES[id].stages[i]!.prompt === '')
      }
      for (const [i, l] of text.lanes.entries()) {
        expect(l.title.trim()).not.toBe('')
        expect(l.prompt === '', `${lang} ${id} lane ${i} prompt`).toBe(TEMPLATES[id].lanes[i]!.prompt === '')
      }
      if (lang !== 'en') {
        const words = [text.name, text.description, ...text.stages.flatMap((s) => [s.title, s.prompt])]
        expect(words.flatMap(englishWordsIn), `${lang} ${id}`).toEqual([])
      }
    }
  })

  it('starts a new SaaS map in Russian with Russian stages, and keeps the lane kinds', () => {
    const map = createMapFromTemplate('saas', 'Онбординг', seq(), '2026-01-01T00:00:00.000Z', 'ru')
    expect(map.stages.map((s) => s.title)).toEqual([
      'Осведомлённость',
      'Рассмотрение',
      'Покупка / регистрация',
      'Онбординг',
      'Освоение',
      'Удержание',
      'Расширение',
      'Рекомендации'
    ])
    expect(map.lanes.map((l) => l.kind)).toEqual(TEMPLATES.saas.lanes.map((l) => l.kind))
    expect(map.lanes[0]).toMatchObject({ title: 'Цели', prompt: 'Чего клиент хочет добиться?' })
  })

  it('is English when no language is given, as before', () => {
    const map = createMapFromTemplate('b2b', 'B2B', seq(), '2026-01-01T00:00:00.000Z')
    expect(map.stages[0]?.title).toBe('First-time visitor')
    expect(templateIn('blueprint', 'zh').name).toBe('服务蓝图')
  })
})
