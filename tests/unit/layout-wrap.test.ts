import { describe, expect, it } from 'vitest'
import {
  ELLIPSIS,
  fallbackGraphemes,
  fallbackWordSegmenter,
  memoizeMeasure,
  wrapText,
  type WrapOptions
} from '../../src/shared/layout'
import { fakeMeasure, TEN } from './layout-fixtures'

const texts = (text: string, width: number, options?: WrapOptions) =>
  wrapText(text, width, TEN, fakeMeasure, options).lines.map((l) => l.text)

const fits = (lines: readonly string[], width: number) => lines.every((l) => fakeMeasure(l, TEN) <= width + 1e-9)

/** Characters that must never begin a line: closing punctuation and combining marks. */
const BAD_LINE_START = /^[\p{M},.;:!?)\]}»”，。、；：！？）」』]/u

describe('wrapText', () => {
  it('wraps English at spaces, keeps punctuation on its word and drops the spaces at line ends', () => {
    const text = 'Signs up for the free trial, then (after a week) asks sales for a demo.'
    const lines = texts(text, 100)
    expect(lines).toEqual(['Signs up for the', 'free trial, then', '(after a week)', 'asks sales for a', 'demo.'])
    expect(fits(lines, 100)).toBe(true)
    expect(lines.join(' ')).toBe(text)
  })

  it('wraps Russian the same way, dash and comma staying with their words', () => {
    const text = 'Клиент не может найти, где пригласить коллег — и уходит.'
    const lines = texts(text, 120)
    expect(fits(lines, 120)).toBe(true)
    expect(lines.join(' ')).toBe(text)
    for (const line of lines) expect(line).not.toMatch(BAD_LINE_START)
    expect(lines.length).toBeGreaterThan(2)
  })

  it('breaks Chinese between characters without spaces, never before closing punctuation', () => {
    const text = '要构建客户旅程地图，您需要了解客户从意识到您的产品到成为客户的整个旅程。'
    const lines = texts(text, 75)
    expect(lines.length).toBeGreaterThan(3)
    expect(fits(lines, 75)).toBe(true)
    expect(lines.join('')).toBe(text)
    for (const line of lines) expect(line).not.toMatch(BAD_LINE_START)
  })

  it('breaks Thai, written without spaces, at word boundaries and never inside a grapheme', () => {
    const text = 'เส้นทางของลูกค้าSaaSการทำแผนที่เส้นทางสู่ความสำเร็จของลูกค้า'
    const lines = texts(text, 80)
    expect(lines.length).toBeGreaterThan(2)
    expect(fits(lines, 80)).toBe(true)
    expect(lines.join('')).toBe(text)
    for (const line of lines) expect(line).not.toMatch(BAD_LINE_START)
    // Every break is a dictionary word boundary (Intl.Segmenter knows Thai words).
    const segmenter = new Intl.Segmenter('th', { granularity: 'word' })
    const boundaries = new Set(Array.from(segmenter.segment(text), (s) => s.index))
    let offset = 0
    for (const line of lines.slice(0, -1)) {
      offset += line.length
      expect(boundaries.has(offset)).toBe(true)
    }
  })

  it('without Intl.Segmenter, still breaks Thai and Chinese between graphemes', () => {
    const options = { segmentWords: fallbackWordSegmenter, segmentGraphemes: fallbackGraphemes }
    for (const text of ['ลูกค้าต้องการคู่มือเริ่มต้นใช้งานที่ชัดเจนกว่านี้', '试用期结束前没有收到提醒邮件，感到意外']) {
      const lines = texts(text, 60, options)
      expect(lines.length).toBeGreaterThan(1)
      expect(fits(lines, 60)).toBe(true)
      expect(lines.join('')).toBe(text)
      for (const line of lines) expect(line).not.toMatch(BAD_LINE_START)
    }
    expect(texts('plain words wrap at spaces', 70, options)).toEqual(['plain words', 'wrap at', 'spaces'])
  })

  it('breaks a word longer than the line between graphemes and continues after it', () => {
    expect(texts('see Donaudampfschifffahrtsgesellschaft now', 60)).toEqual([
      'see',
      'Donaudampf',
      'schifffahr',
      'tsgesellsc',
      'haft now'
    ])
    // URLs may also break after their slashes, as browsers do.
    const url = texts('see https://example.com/very/long/path now', 60)
    expect(fits(url, 60)).toBe(true)
    expect(url.join('')).toBe('seehttps://example.com/very/long/pathnow')
  })

  it('keeps hard line breaks and empty lines', () => {
    expect(texts('one\n\ntwo three', 1000)).toEqual(['one', '', 'two three'])
    expect(texts('', 100)).toEqual([''])
  })

  it('stops at maxLines and ends the last line with an ellipsis that fits', () => {
    const wrapped = wrapText('one two three four five six seven eight nine ten', 60, TEN, fakeMeasure, { maxLines: 2 })
    expect(wrapped.truncated).toBe(true)
    expect(wrapped.lines).toHaveLength(2)
    const last = wrapped.lines[1]!
    expect(last.text.endsWith(ELLIPSIS)).toBe(true)
    expect(last.width).toBeLessThanOrEqual(60)
    // Text that fits exactly is not marked.
    expect(wrapText('one two', 60, TEN, fakeMeasure, { maxLines: 1 }).truncated).toBe(false)
    // A paragraph after the last allowed line counts as cut off.
    expect(wrapText('one\ntwo', 60, TEN, fakeMeasure, { maxLines: 1 }).lines[0]!.text).toBe(`one${ELLIPSIS}`)
  })

  it('reports each line’s measured width', () => {
    const wrapped = wrapText('ab cd', 1000, TEN, fakeMeasure)
    expect(wrapped.lines).toEqual([{ text: 'ab cd', width: fakeMeasure('ab cd', TEN) }])
  })

  it('memoizeMeasure measures each text and font once', () => {
    let calls = 0
    const measure = memoizeMeasure((text, font) => {
      calls++
      return fakeMeasure(text, font)
    })
    measure('hello', TEN)
    measure('hello', TEN)
    measure('hello', { ...TEN, weight: 'bold' })
    expect(calls).toBe(2)
  })
})
