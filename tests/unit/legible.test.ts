/**
 * What stays legible zoomed out (board/render/legible.ts): at the zoom of Fit on a 1280 × 800
 * projector, notes show a short title at about 11 px that fits inside the note, cut at a word
 * with "…" when the text is longer, in any script; notes too small for a title line get none.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { loadTextEngine } from '../../src/library/bundled-fonts'
import { setPaintEngine } from '../../src/shared/export/canvas/text-engine-ref'
import type { TextEngine } from '../../src/shared/fonts'
import { LAYOUT, layoutMap } from '../../src/shared/layout'
import { notesLegibleAt, noteTitle, TITLE_PX } from '../../src/renderer/src/board/render/legible'
import { note, templateMap } from './layout-fixtures'

let engine: TextEngine
beforeAll(async () => {
  engine = await loadTextEngine()
  setPaintEngine(engine)
})

const FIT_1280 = 0.49

function sceneWith(texts: string[]) {
  const map = templateMap()
  const notes = texts.map((text, i) => note(map, i % map.stages.length, 1, { id: `n${i}`, text }))
  return layoutMap({ ...map, notes }, engine.measure)
}

describe('short titles of notes zoomed out', () => {
  it('note text as laid out is not legible at Fit on 1280 × 800, and is at 100 %', () => {
    expect(notesLegibleAt(FIT_1280)).toBe(false)
    expect(notesLegibleAt(1)).toBe(true)
  })

  it('is the first words at 10 px on screen, inside the note, ending with … when cut', () => {
    const scene = sceneWith([
      'Reads a comparison article on a review site before the demo',
      'Blog post',
      'Не понятно, чем продукт отличается от конкурентов',
      'ลูกค้าต้องการทดลองใช้งานฟรีก่อนตัดสินใจ',
      '需要了解整个客户旅程，从意识到成为客户'
    ])
    for (const item of scene.notes) {
      const title = noteTitle(item, FIT_1280)!
      expect(title, item.id).not.toBeNull()
      const px = title.font.size * FIT_1280
      expect(px).toBeCloseTo(TITLE_PX, 5)
      const whole = item.text.lines.map((l) => l.text).join(' ')
      for (const line of title.lines) {
        expect(line.width).toBeLessThanOrEqual(item.w - 2 * LAYOUT.notePadding + 0.01)
        expect(engine.measure(line.text, title.font)).toBeLessThanOrEqual(item.w - 2 * LAYOUT.notePadding + 0.5)
      }
      const shown = title.lines.map((l) => l.text).join(' ')
      if (shown.endsWith('…')) expect(whole.startsWith(shown.slice(0, 3))).toBe(true)
      else expect(shown.replace(/\s+/g, '')).toBe(whole.replace(/\s+/g, ''))
      expect(title.y + title.lines.length * title.lineHeight).toBeLessThanOrEqual(item.y + item.h + 0.01)
    }
    const english = noteTitle(scene.notes[0]!, FIT_1280)!
    // Cut at a word end, not inside a word.
    const shown = english.lines.map((l) => l.text).join(' ')
    expect(shown.endsWith('…')).toBe(true)
    expect('Reads a comparison article on a review site before the demo'.startsWith(shown.slice(0, -1))).toBe(true)
    // Cut after a whole word where one ends in the last two thirds of the line.
    expect('Reads a comparison article on a review site before the demo'.split(' ')).toContain(
      shown.slice(0, -1).split(' ').at(-1)
    )
    // A short text is whole.
    expect(noteTitle(scene.notes[1]!, FIT_1280)!.lines.map((l) => l.text)).toEqual(['Blog post'])
  })

  it('gives no title where not even one line fits (far out: the note is a block with bars)', () => {
    const scene = sceneWith(['Blog post'])
    expect(noteTitle(scene.notes[0]!, 0.2)).toBeNull()
  })
})

describe('a long text', () => {
  it('ends its title with … even where the title could hold more than the text it looks at', () => {
    const long = `${'word '.repeat(60)}end`
    const scene = sceneWith([long])
    // Asked at 200 %, two title lines of 5 units could hold more than the start of the text it keeps.
    const title = noteTitle(scene.notes[0]!, 2)
    expect(title).not.toBeNull()
    expect(title!.lines.at(-1)!.text.endsWith('…')).toBe(true)
  })
})
