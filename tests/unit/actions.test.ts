import { describe, expect, it } from 'vitest'
import { ACTIONS, acceleratorOf, actionForKey, chordLabel, MENU_ACTIONS } from '../../src/shared/actions'
import { foldText, findOnBoard, stepHit } from '../../src/renderer/src/editing/find'
import { parseRoute, routeHash } from '../../src/renderer/src/editing/route'
import { en } from '../../src/renderer/src/i18n/en'
import { layoutMap } from '../../src/shared/layout'
import { fakeMeasure, note, templateMap, withNotes } from './layout-fixtures'

const press = (key: string, mods: Partial<{ ctrl: boolean; shift: boolean; alt: boolean; code: string }> = {}) => ({
  key,
  code: mods.code ?? (key.length === 1 ? `Key${key.toUpperCase()}` : key),
  ctrlKey: mods.ctrl ?? false,
  metaKey: false,
  shiftKey: mods.shift ?? false,
  altKey: mods.alt ?? false
})

describe('the action table', () => {
  it('gives every action a label in the catalogue, and the native menu the catalogue’s words', () => {
    for (const action of ACTIONS) {
      const key = `action.${action.id}` as keyof typeof en
      expect(en[key], action.id).toBeTruthy()
      if ('menu' in action) {
        // The native menu is English only: its label is the catalogue's, in title case.
        expect(action.menu.label.toLowerCase(), action.id).toBe(en[key].toLowerCase())
      }
    }
    expect(new Set(ACTIONS.map((a) => a.id)).size).toBe(ACTIONS.length)
    expect(MENU_ACTIONS).toContain('shortcutHelp')
  })

  it('matches keys by meaning, by position on other layouts, and never AltGr', () => {
    expect(actionForKey(press('z', { ctrl: true }))).toBe('undo')
    expect(actionForKey(press('Z', { ctrl: true, shift: true }))).toBe('redo')
    expect(actionForKey({ ...press('я', { ctrl: true }), code: 'KeyZ' })).toBe('undo')
    expect(actionForKey(press('z', { ctrl: true, alt: true }))).toBeNull()
    expect(actionForKey(press('f', { ctrl: true }))).toBe('find')
    expect(actionForKey(press('?', { shift: true, code: 'Slash' }))).toBe('shortcutHelp')
    expect(actionForKey(press('?', { code: 'Minus' }))).toBe('shortcutHelp') // French layout: no shift
    expect(actionForKey(press('F1'))).toBe('shortcutHelp')
    expect(actionForKey(press('!', { shift: true, code: 'Digit1' }))).toBe('zoomFit')
    expect(actionForKey(press('c'))).toBe('connectTool')
    expect(actionForKey(press('c'), ['undo'])).toBeNull()
  })

  it('writes chords for people and for Electron', () => {
    expect(chordLabel({ key: 'z', mod: true, shift: true })).toBe('Ctrl+Shift+Z')
    expect(chordLabel({ key: 'z', mod: true, shift: true }, true)).toBe('⇧⌘Z')
    expect(chordLabel({ code: 'Digit1', shift: true })).toBe('Shift+1')
    expect(acceleratorOf({ key: 's', mod: true, shift: true })).toBe('CmdOrCtrl+Shift+S')
    expect(acceleratorOf({ key: '+', anyShift: true })).toBe('Plus')
    expect(acceleratorOf({ key: 'F1' })).toBe('F1')
  })
})

describe('routes', () => {
  it('reads and writes #/map/<id>, and takes anything else (the token) for home', () => {
    expect(parseRoute('#/map/abc_12')).toEqual({ name: 'map', mapId: 'abc_12' })
    expect(parseRoute(routeHash({ name: 'map', mapId: 'a b' }))).toEqual({ name: 'map', mapId: 'a b' })
    expect(parseRoute('#token=xyz')).toEqual({ name: 'home' })
    expect(parseRoute('')).toEqual({ name: 'home' })
    expect(parseRoute('#/map/%E0%A4%A')).toEqual({ name: 'home' })
    expect(routeHash({ name: 'home' })).toBe('#/')
  })
})

describe('find on the board', () => {
  it('folds case and accents in any script', () => {
    expect(foldText('Café ÉTAPE')).toBe('cafe etape')
    expect(foldText('ЁЖИК')).toBe('ежик')
    expect(foldText('ＡＢＣ')).toBe('abc')
  })

  it('finds notes, stages and lanes in board order, and steps around', () => {
    const base = templateMap()
    const map = withNotes(base, [
      note(base, 2, 1, { id: 'late', text: 'Первая метрика' }),
      note(base, 0, 1, { id: 'early', text: 'вторая МЕТРИКА' }),
      note(base, 1, 1, { id: 'other', text: 'nothing' })
    ])
    const scene = layoutMap(map, fakeMeasure)
    expect(findOnBoard(map, scene, 'метрика').map((h) => h.id)).toEqual(['early', 'late'])
    const stage = map.stages[0]!
    expect(findOnBoard(map, scene, stage.title).some((h) => h.kind === 'stage' && h.id === stage.id)).toBe(true)
    expect(findOnBoard(map, scene, '   ')).toEqual([])
    expect(stepHit(3, -1, 1)).toBe(0)
    expect(stepHit(3, 2, 1)).toBe(0)
    expect(stepHit(3, 0, -1)).toBe(2)
    expect(stepHit(0, 0, 1)).toBe(-1)
  })
})
