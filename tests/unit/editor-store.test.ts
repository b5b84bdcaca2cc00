/**
 * The editing core (store/editor.ts) against the real library: each "window" is a store of its
 * own talking to one library file through a direct transport that validates and copies like IPC
 * does, and can lose its connection, lose an answer or hold answers back.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { openLibraryService, type LibraryServiceHandle, type OpenLibraryOptions } from '../../src/library'
import { API_METHODS, type ApiEvent, type JourneyApi } from '../../src/shared/api/contract'
import { parseApiCall } from '../../src/shared/api/validate'
import { cellNotes } from '../../src/shared/commands'
import { JourneyError } from '../../src/shared/errors'
import type { JourneyMap } from '../../src/shared/model'
import { editorKeyAction, runEditorKeyAction, type KeyPress } from '../../src/renderer/src/editing/editor-keys'
import { createAppStore, type AppState } from '../../src/renderer/src/store'
import {
  defaultEditorEnvironment,
  selectCanRedo,
  selectCanUndo,
  selectHasUnsavedEdits,
  selectUndoLabel,
  type EditorEnvironment
} from '../../src/renderer/src/store/editor'
import { createOutboxKeeper, type StorageLike } from '../../src/renderer/src/editor/outbox'
import { commitNoteText } from '../../src/renderer/src/editing/actions'
import { selectRecovered } from '../../src/renderer/src/store/editor'
import { visibleText } from './visible-text'

const cleanups: (() => void)[] = []
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.()
})

const LOST = 'Lost the connection to the Journeyboard host before it answered.'

/** One library file, served as the main process serves it; reopened to change how. */
class TestLibrary {
  service: LibraryServiceHandle
  private readonly listeners = new Set<(event: ApiEvent) => void>()
  private unsubscribe: () => void

  constructor(readonly file: string) {
    this.service = openLibraryService(file)
    this.unsubscribe = this.subscribe()
    cleanups.push(() => this.service.close())
  }

  /** Closes the file and opens it again, e.g. read-only. */
  reopen(options: OpenLibraryOptions = {}): void {
    this.unsubscribe()
    this.service.close()
    this.service = openLibraryService(this.file, options)
    this.unsubscribe = this.subscribe()
  }

  onEvent(listener: (event: ApiEvent) => void): void {
    this.listeners.add(listener)
  }

  private subscribe(): () => void {
    return this.service.onEvent((event) => {
      for (const listener of this.listeners) listener(structuredClone(event))
    })
  }

  getMap(id: string): Promise<JourneyMap> {
    return this.service.call('getMap', { id })
  }
}

/** A renderer window: its own store, a transport to the library, and ways to break it. */
class TestWindow {
  readonly store: ReturnType<typeof createAppStore>
  offline = false
  /** Commit the next edit but lose the connection before its answer (and change event) arrive. */
  loseNextAnswer = false
  private held: Promise<void> | null = null

  constructor(
    private readonly library: TestLibrary,
    private readonly origin: string,
    environment: Partial<EditorEnvironment> = {}
  ) {
    this.store = createAppStore({ ...defaultEditorEnvironment, ...environment })
    const api = Object.fromEntries(
      API_METHODS.map((method) => [method, (req: unknown) => this.call(method, req)])
    ) as unknown as JourneyApi
    this.store.getState().setApi(api)
    library.onEvent((event) => {
      if (!this.offline) this.state.receiveEvent(event)
    })
  }

  get state(): AppState {
    return this.store.getState()
  }

  private async call(method: string, payload: unknown): Promise<unknown> {
    if (this.offline) throw new JourneyError('storage', LOST)
    const { method: m, req } = parseApiCall(method, structuredClone(payload))
    // The connection drops while the library commits: neither its answer nor its change event arrives.
    const dropping = this.loseNextAnswer && m === 'pushChanges'
    if (dropping) this.offline = true
    const answer = structuredClone(await this.library.service.call(m, req, this.origin))
    if (dropping) {
      this.loseNextAnswer = false
      this.offline = false
      throw new JourneyError('storage', LOST)
    }
    if (this.held) await this.held
    return answer
  }

  /** The library still commits, but answers wait until the returned function is called. */
  holdAnswers(): () => void {
    let release = () => {}
    this.held = new Promise<void>((resolve) => (release = resolve))
    return () => {
      this.held = null
      release()
    }
  }

  async open(mapId: string): Promise<JourneyMap> {
    await this.state.goToMap(mapId)
    const map = this.state.openMap
    if (!map) throw new Error(`map ${mapId} did not open: ${this.state.error}`)
    return map
  }

  get map(): JourneyMap {
    const map = this.state.openMap
    if (!map) throw new Error('no map is open')
    return map
  }

  /** Waits until every save loop has stopped. */
  async settle(): Promise<void> {
    await vi.waitFor(() => {
      expect([...this.state.editorSessions.values()].some((s) => s.sending)).toBe(false)
    })
  }

  async saved(): Promise<void> {
    await this.settle()
    expect(this.state.saveStatus).toBe('saved')
  }

  addNote(text: string, cell = firstCell(this.map)): string {
    const result = this.state.execute('addNote', { ...cell, text })
    const id = result?.createdIds[0]
    if (!id) throw new Error(`addNote failed: ${this.state.error}`)
    return id
  }
}

function firstCell(map: JourneyMap, stage = 0): { stageId: string; laneId: string } {
  const stageId = map.stages[stage]?.id
  const laneId = map.lanes[0]?.id
  if (!stageId || !laneId) throw new Error('the map has no cells')
  return { stageId, laneId }
}

async function setup(): Promise<{ library: TestLibrary; a: TestWindow; b: TestWindow; mapId: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jb-editor-'))
  cleanups.unshift(() => fs.rmSync(dir, { recursive: true, force: true }))
  const library = new TestLibrary(path.join(dir, 'library.journeyboard'))
  const a = new TestWindow(library, 'window-a')
  const b = new TestWindow(library, 'window-b')
  const map = await library.service.call('createMap', { template: 'saas', title: 'Onboarding' })
  return { library, a, b, mapId: map.id }
}

/** The map without the fields only the library keeps current (the editor does not re-render for them). */
const content = ({ revision: _r, updatedAt: _u, ...rest }: JourneyMap) => rest
const noteText = (map: JourneyMap, id: string) => map.notes.find((n) => n.id === id)?.text

describe('editing and saving', () => {
  it('shows an edit at once, says "saving" until the library answered, then "saved"; a reload shows it', async () => {
    const { library, a, mapId } = await setup()
    const opened = await a.open(mapId)
    const release = a.holdAnswers()

    const noteId = a.addNote('Signs up with Google')
    expect(noteText(a.map, noteId)).toBe('Signs up with Google')
    expect(a.state.saveStatus).toBe('saving')
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(a.state.saveStatus).toBe('saving') // committed, but the answer has not arrived
    release()
    await a.saved()

    const stored = await library.getMap(mapId)
    expect(stored.revision).toBe(opened.revision + 1)
    expect(content(stored)).toEqual(content(a.map))
    await a.open(mapId)
    expect(noteText(a.map, noteId)).toBe('Signs up with Google')
    expect(selectCanUndo(a.state)).toBe(true) // loading kept the history
    expect(visibleText(selectUndoLabel(a.state))).toBe('Undo Add note')
  })

  it('neither records nor saves an edit that changes nothing', async () => {
    const { library, a, mapId } = await setup()
    await a.open(mapId)
    const noteId = a.addNote('Trial')
    await a.saved()
    const before = await library.getMap(mapId)
    const result = a.state.execute('moveNote', { noteId, ...firstCell(a.map), index: 0 })
    expect(result?.history).toBe(false)
    expect(a.state.editorSessions.get(mapId)?.undo).toHaveLength(1)
    expect((await library.getMap(mapId)).revision).toBe(before.revision)
  })

  it('refuses a command that does not fit the map, saying why, and changes nothing', async () => {
    const { a, mapId } = await setup()
    await a.open(mapId)
    const before = a.map
    expect(a.state.execute('editNote', { noteId: 'nope', text: 'x' })).toBeNull()
    expect(a.state.error).toMatch(/There is no note "nope"/)
    expect(a.map).toBe(before)
    expect(selectCanUndo(a.state)).toBe(false)
  })

  it('undoes and redoes, saving every step', async () => {
    const { library, a, mapId } = await setup()
    await a.open(mapId)
    const noteId = a.addNote('Reads pricing page')
    a.state.execute('editNote', { noteId, text: 'Compares plans' })
    await a.saved()
    expect(noteText(await library.getMap(mapId), noteId)).toBe('Compares plans')

    expect(a.state.undo()).toBe(true)
    expect(noteText(a.map, noteId)).toBe('Reads pricing page')
    await a.saved()
    expect(noteText(await library.getMap(mapId), noteId)).toBe('Reads pricing page')

    expect(a.state.undo()).toBe(true)
    await a.saved()
    expect((await library.getMap(mapId)).notes).toEqual([])
    expect(a.state.undo()).toBe(false)

    expect(a.state.redo()).toBe(true)
    expect(a.state.redo()).toBe(true)
    expect(a.state.redo()).toBe(false)
    await a.saved()
    const stored = await library.getMap(mapId)
    expect(noteText(stored, noteId)).toBe('Compares plans') // same id: redo re-creates the same note
    expect(content(stored)).toEqual(content(a.map))

    a.state.undo()
    expect(selectCanRedo(a.state)).toBe(true)
    a.addNote('Asks sales')
    expect(selectCanRedo(a.state)).toBe(false) // a new edit ends the redo branch
    await a.saved()
    expect(content(await library.getMap(mapId))).toEqual(content(a.map))
  })

  it('keeps undo history per map for the session', async () => {
    const { library, a, mapId } = await setup()
    const other = (await library.service.call('createMap', { template: 'blank', title: 'Second' })).id
    await a.open(mapId)
    a.addNote('First map')
    await a.open(other)
    a.addNote('Second map, one')
    a.addNote('Second map, two')
    expect(a.state.undo()).toBe(true)
    await a.saved()
    expect((await library.getMap(other)).notes.map((n) => n.text)).toEqual(['Second map, one'])
    expect(a.state.editorSessions.get(other)?.undo).toHaveLength(1)

    await a.open(mapId)
    expect(a.state.editorSessions.get(mapId)?.undo).toHaveLength(1)
    expect(a.state.undo()).toBe(true)
    await a.saved()
    expect((await library.getMap(mapId)).notes).toEqual([])
    expect((await library.getMap(other)).notes).toHaveLength(1)

    await a.open(other)
    expect(selectCanRedo(a.state)).toBe(true)
    a.state.redo()
    await a.saved()
    expect((await library.getMap(other)).notes).toHaveLength(2)
  })
})

describe('saves that fail', () => {
  it('a read-only library: "not saved" with the reason, every edit kept, saved after retry once writable', async () => {
    const { library, a, mapId } = await setup()
    await a.open(mapId)
    library.reopen({ readOnly: true })
    const first = a.addNote('Webinar')
    await a.settle()
    const status = a.state.saveStatus
    expect(status).toEqual({ failed: expect.stringMatching(/read-only/) })
    const second = a.addNote('Newsletter') // tries again, fails again, keeps both
    await a.settle()
    expect(a.state.saveStatus).toEqual(status)
    expect(a.state.editorSessions.get(mapId)?.unsaved).toHaveLength(2)
    expect(a.map.notes.map((n) => n.id)).toEqual(expect.arrayContaining([first, second]))
    a.state.retrySave()
    await a.settle()
    expect(a.state.saveStatus).toEqual(status) // the cause is still there

    library.reopen()
    a.state.retrySave()
    expect(a.state.saveStatus).toBe('saving')
    await a.saved()
    const stored = await library.getMap(mapId)
    expect(stored.notes.map((n) => n.text).sort()).toEqual(['Newsletter', 'Webinar'])
    expect(content(stored)).toEqual(content(a.map))
  })

  it('a lost connection: the reason is shown and the edit waits for retry', async () => {
    const { library, a, mapId } = await setup()
    await a.open(mapId)
    a.offline = true
    const noteId = a.addNote('Support ticket')
    await a.settle()
    expect(a.state.saveStatus).toEqual({ failed: LOST })
    expect((await library.getMap(mapId)).notes).toEqual([])
    a.offline = false
    a.state.retrySave()
    await a.saved()
    expect(noteText(await library.getMap(mapId), noteId)).toBe('Support ticket')
  })

  it('a map moved to the trash elsewhere: not saved until it is restored', async () => {
    const { library, a, mapId } = await setup()
    await a.open(mapId)
    await library.service.call('trashMap', { id: mapId })
    a.addNote('Churn survey')
    await a.settle()
    expect(a.state.saveStatus).toEqual({ failed: expect.stringMatching(/trash/) })
    await library.service.call('restoreMap', { id: mapId })
    a.state.retrySave()
    await a.saved()
    expect((await library.getMap(mapId)).notes.map((n) => n.text)).toEqual(['Churn survey'])
  })

  it('an answer lost after the commit: retry finds the edit in the library and does not apply it twice', async () => {
    const { library, a, mapId } = await setup()
    await a.open(mapId)
    a.loseNextAnswer = true
    const noteId = a.addNote('Demo call')
    await a.settle()
    expect(a.state.saveStatus).toEqual({ failed: LOST })
    const committed = await library.getMap(mapId)
    expect(committed.notes.map((n) => n.id)).toEqual([noteId])
    a.state.retrySave()
    await a.saved()
    expect(await library.getMap(mapId)).toEqual(committed)
    expect(a.state.error).toBeNull()
    expect(a.state.undo()).toBe(true) // the edit is still an undo step
    await a.saved()
    expect((await library.getMap(mapId)).notes).toEqual([])
  })
})

describe('changes made elsewhere', () => {
  it('an answer lost, then the new note edited elsewhere: the edit is known to be in, not sent again', async () => {
    const { library, a, b, mapId } = await setup()
    await a.open(mapId)
    a.loseNextAnswer = true
    const noteId = a.addNote('Demo')
    await a.settle()
    expect(a.state.saveStatus).toEqual({ failed: LOST })
    await b.open(mapId)
    b.state.execute('editNote', { noteId, text: 'Demo (booked)' })
    await b.saved()
    a.state.retrySave()
    await a.saved()
    const stored = await library.getMap(mapId)
    expect(stored.notes.map((n) => n.text)).toEqual(['Demo (booked)'])
    expect(content(a.map)).toEqual(content(stored))
    expect(a.state.error).toBeNull()
  })

  it('loads a newer revision from another window without touching undo history', async () => {
    const { library, a, b, mapId } = await setup()
    await a.open(mapId)
    await b.open(mapId)
    const mine = a.addNote('Mine')
    await a.saved()
    const theirs = b.addNote('Theirs', firstCell(b.map, 1))
    await b.saved()
    await vi.waitFor(() => expect(noteText(a.map, theirs)).toBe('Theirs'))
    await a.settle()
    expect(content(a.map)).toEqual(content(await library.getMap(mapId)))
    expect(a.state.editorSessions.get(mapId)?.undo).toHaveLength(1)
    expect(a.state.editorSessions.get(mapId)?.revision).toBe((await library.getMap(mapId)).revision)

    expect(a.state.undo()).toBe(true) // undoes my edit, not theirs
    await a.saved()
    const stored = await library.getMap(mapId)
    expect(stored.notes.map((n) => n.id)).toEqual([theirs])
    expect(noteText(stored, mine)).toBeUndefined()
    await vi.waitFor(() => expect(b.map.notes.map((n) => n.id)).toEqual([theirs]))
    expect(b.state.editorSessions.get(mapId)?.undo).toHaveLength(1)
  })

  it('carries unsaved edits over onto a newer revision, merging with edits of the same note', async () => {
    const { library, a, b, mapId } = await setup()
    await a.open(mapId)
    const noteId = a.addNote('Free trial')
    await a.saved()
    await b.open(mapId)

    a.offline = true
    a.state.execute('editNote', { noteId, text: 'Free trial, 14 days' })
    await a.settle()
    expect(a.state.saveStatus).toEqual({ failed: LOST })

    b.state.execute('editNote', { noteId, color: '#ff0000' })
    const theirs = b.state.execute('addNote', { ...firstCell(b.map), index: 0, text: 'Ad' })?.createdIds[0]
    await b.saved()

    a.offline = false
    a.state.retrySave()
    await a.saved()
    const stored = await library.getMap(mapId)
    const note = stored.notes.find((n) => n.id === noteId)
    expect(note).toMatchObject({ text: 'Free trial, 14 days', color: '#ff0000' })
    expect(cellNotes(stored, firstCell(stored).stageId, firstCell(stored).laneId).map((n) => n.id)).toEqual([
      theirs,
      noteId
    ])
    expect(content(a.map)).toEqual(content(stored))
    expect(a.state.error).toBeNull()

    expect(a.state.undo()).toBe(true) // the carried-over edit undoes only what it changed
    await a.saved()
    expect((await library.getMap(mapId)).notes.find((n) => n.id === noteId)).toMatchObject({
      text: 'Free trial',
      color: '#ff0000'
    })
  })

  it('says which unsaved edit could not be carried over, and saves the rest', async () => {
    const { library, a, b, mapId } = await setup()
    await a.open(mapId)
    const doomed = a.addNote('Cold call')
    await a.saved()
    await b.open(mapId)

    a.offline = true
    a.state.execute('editNote', { noteId: doomed, text: 'Warm call' })
    const kept = a.addNote('Referral', firstCell(a.map, 2))
    b.state.execute('deleteNotes', { noteIds: [doomed] })
    await b.saved()

    a.offline = false
    a.state.retrySave()
    await a.saved()
    expect(visibleText(a.state.error)).toMatch(/“Edit note” could not be applied/)
    expect(a.state.error).toMatch(/There is no note/)
    const stored = await library.getMap(mapId)
    expect(stored.notes.map((n) => n.id)).toEqual([kept])
    expect(content(a.map)).toEqual(content(stored))
    expect(a.state.editorSessions.get(mapId)?.undo.map((e) => e.name)).toEqual(['addNote', 'addNote'])
  })

  it('refuses to undo an edit of something deleted elsewhere, and says so', async () => {
    const { library, a, b, mapId } = await setup()
    await a.open(mapId)
    const noteId = a.addNote('Onboarding email')
    a.state.execute('editNote', { noteId, text: 'Welcome email' })
    await a.saved()
    await b.open(mapId)
    b.state.execute('deleteNotes', { noteIds: [noteId] })
    await b.saved()
    await vi.waitFor(() => expect(a.map.notes).toEqual([]))
    const revision = (await library.getMap(mapId)).revision

    expect(a.state.undo()).toBe(false)
    expect(visibleText(a.state.error)).toBe('Could not undo “Edit note”: a note it changes was deleted elsewhere.')
    await a.saved()
    expect((await library.getMap(mapId)).revision).toBe(revision)
  })
})

describe('selection, drag and keys', () => {
  it('drags a note to another cell as one undo step; a cancelled drag changes nothing', async () => {
    const { library, a, mapId } = await setup()
    await a.open(mapId)
    const n1 = a.addNote('One')
    const n2 = a.addNote('Two')
    const n3 = a.addNote('Three', firstCell(a.map, 1))
    await a.saved()
    const steps = a.state.editorSessions.get(mapId)?.undo.length ?? 0
    const target = { ...firstCell(a.map, 1), index: 0 }

    a.state.beginDrag([n1])
    a.state.dragOver(target)
    const drag = a.state.drag
    a.state.dragOver({ ...target }) // the same target: no new state, no re-render
    expect(a.state.drag).toBe(drag)
    a.state.cancelDrag()
    expect(a.state.drag).toBeNull()
    expect(a.state.editorSessions.get(mapId)?.undo).toHaveLength(steps)

    a.state.beginDrag([n2, n1])
    a.state.dragOver(target)
    expect(a.state.drop()).toBe(true)
    const cell = (map: JourneyMap) => cellNotes(map, target.stageId, target.laneId).map((n) => n.id)
    expect(cell(a.map)).toEqual([n1, n2, n3]) // in reading order, before the note at index 0
    expect(a.state.editorSessions.get(mapId)?.undo).toHaveLength(steps + 1)
    await a.saved()
    expect(cell(await library.getMap(mapId))).toEqual([n1, n2, n3])

    a.state.undo()
    await a.saved()
    expect(cell(await library.getMap(mapId))).toEqual([n3])
    a.state.redo()
    await a.saved()
    expect(cell(await library.getMap(mapId))).toEqual([n1, n2, n3])

    a.state.beginDrag([n1])
    a.state.dragOver({ ...target, index: 99 })
    a.state.drop()
    expect(cell(a.map)).toEqual([n2, n3, n1])
  })

  it('maps keys to actions, and leaves typing alone', () => {
    const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
      key,
      code: /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : key,
      ctrlKey: false,
      metaKey: false,
      shiftKey: false,
      altKey: false,
      ...mods
    })
    expect(editorKeyAction(press('z', { ctrlKey: true }))).toBe('undo')
    expect(editorKeyAction(press('z', { metaKey: true }))).toBe('undo')
    expect(editorKeyAction(press('Z', { metaKey: true, shiftKey: true }))).toBe('redo')
    expect(editorKeyAction(press('y', { ctrlKey: true }))).toBe('redo')
    expect(editorKeyAction(press('d', { ctrlKey: true }))).toBe('duplicate')
    expect(editorKeyAction(press('a', { metaKey: true }))).toBe('selectAll')
    expect(editorKeyAction(press('Delete'))).toBe('delete')
    expect(editorKeyAction(press('Backspace'))).toBe('delete')
    expect(editorKeyAction(press('Escape'))).toBe('escape')
    expect(editorKeyAction({ ...press('я', { ctrlKey: true }), code: 'KeyZ' })).toBe('undo') // Russian layout
    expect(editorKeyAction(press('z'))).toBeNull()
    expect(editorKeyAction(press('z', { ctrlKey: true, altKey: true }))).toBeNull() // AltGr
    expect(editorKeyAction(press('c', { ctrlKey: true }))).toBe('copy')
    expect(editorKeyAction(press('x', { metaKey: true }))).toBe('cut')
    expect(editorKeyAction(press('v', { ctrlKey: true }))).toBe('paste')
    expect(editorKeyAction({ ...press('м', { ctrlKey: true }), code: 'KeyV' })).toBe('paste') // Russian layout
    expect(editorKeyAction(press('v', { ctrlKey: true, shiftKey: true }))).toBeNull() // paste as plain text: the browser's
    expect(editorKeyAction(press('c'))).toBeNull()
  })

  it('runs several commands as one undo step, saved and redone with the same ids', async () => {
    const { library, a, mapId } = await setup()
    await a.open(mapId)
    const cell = firstCell(a.map)
    const result = a.state.executeMany('addNote', [
      { name: 'addNote', args: { ...cell, text: 'One' } },
      { name: 'addNote', args: { ...cell, text: 'Two' } }
    ])
    expect(result?.createdIds).toHaveLength(2)
    expect(a.state.editorSessions.get(mapId)?.undo).toHaveLength(1)
    expect(visibleText(selectUndoLabel(a.state))).toBe('Undo Add note')
    await a.saved()
    expect((await library.getMap(mapId)).notes.map((n) => n.text)).toEqual(['One', 'Two'])
    a.state.undo()
    expect(a.map.notes).toHaveLength(0)
    a.state.redo()
    expect(a.map.notes.map((n) => n.id).sort()).toEqual([...result!.createdIds].sort())
    // All or nothing: a call that does not fit leaves the map as it was, and records nothing.
    const before = a.map
    expect(
      a.state.executeMany('addNote', [
        { name: 'addNote', args: { ...cell, text: 'Three' } },
        { name: 'addNote', args: { stageId: 'nowhere', laneId: cell.laneId, text: 'Four' } }
      ])
    ).toBeNull()
    expect(a.map).toBe(before)
    expect(a.state.editorSessions.get(mapId)?.undo).toHaveLength(1)
    await a.saved()
  })

  it('copies, cuts and pastes notes through the keys, also into another map (in-memory without a clipboard)', async () => {
    const { library, a, mapId } = await setup()
    const other = await library.service.call('createMap', { template: 'saas', title: 'Renewal' })
    await a.open(mapId)
    const one = a.addNote('One')
    a.addNote('Two')
    expect(runEditorKeyAction('copy', a.state)).toBe(false) // nothing selected: left to the page
    a.state.selectNotes([one])
    expect(runEditorKeyAction('copy', a.state, () => a.state)).toBe(true)
    a.state.select({ kind: 'cell', ...firstCell(a.map, 1) })
    expect(runEditorKeyAction('paste', a.state, () => a.state)).toBe(true)
    await vi.waitFor(() => expect(a.map.notes).toHaveLength(3))
    const pasted = a.map.notes.find((n) => n.text === 'One' && n.id !== one)!
    expect([pasted.stageId, pasted.laneId]).toEqual([firstCell(a.map, 1).stageId, firstCell(a.map, 1).laneId])
    expect(a.state.selection).toEqual({ kind: 'notes', noteIds: [pasted.id] })
    runEditorKeyAction('undo', a.state)
    expect(a.map.notes).toHaveLength(2)

    // Cut: copied, and gone in one undo step.
    a.state.selectAllNotes()
    const steps = a.state.editorSessions.get(mapId)!.undo.length
    expect(runEditorKeyAction('cut', a.state, () => a.state)).toBe(true)
    expect(a.map.notes).toHaveLength(0)
    expect(a.state.editorSessions.get(mapId)!.undo).toHaveLength(steps + 1)
    await a.saved()

    // Into another map, where nothing is selected: the same cells by position.
    await a.open(other.id)
    runEditorKeyAction('paste', a.state, () => a.state)
    await vi.waitFor(() => expect(a.map.notes.map((n) => n.text)).toEqual(['One', 'Two']))
    expect(a.map.notes.every((n) => n.stageId === firstCell(a.map).stageId)).toBe(true)
    await a.saved()
    expect((await library.getMap(other.id)).notes).toHaveLength(2)
  })

  it('select all, duplicate and delete through the key actions, keeping the selection true', async () => {
    const { library, a, mapId } = await setup()
    await a.open(mapId)
    a.addNote('One')
    a.addNote('Two')
    expect(runEditorKeyAction('escape', a.state)).toBe(false) // nothing to clear: left to others
    expect(runEditorKeyAction('selectAll', a.state)).toBe(true)
    expect(a.state.selection).toEqual({ kind: 'notes', noteIds: a.map.notes.map((n) => n.id) })

    expect(runEditorKeyAction('duplicate', a.state)).toBe(true)
    expect(a.map.notes).toHaveLength(4)
    const copies = a.state.selection.kind === 'notes' ? a.state.selection.noteIds : []
    expect(copies).toHaveLength(2)
    expect(
      a.map.notes
        .filter((n) => copies.includes(n.id))
        .map((n) => n.text)
        .sort()
    ).toEqual(['One', 'Two'])

    expect(runEditorKeyAction('delete', a.state)).toBe(true)
    expect(a.map.notes).toHaveLength(2)
    expect(a.state.selection).toEqual({ kind: 'none' }) // the deleted notes left the selection
    expect(runEditorKeyAction('delete', a.state)).toBe(false)

    runEditorKeyAction('undo', a.state)
    expect(a.map.notes).toHaveLength(4)
    a.state.selectNotes([copies[0] as string])
    a.state.selectNotes(copies, 'toggle')
    expect(a.state.selection).toEqual({ kind: 'notes', noteIds: [copies[1]] })
    expect(runEditorKeyAction('escape', a.state)).toBe(true)
    expect(a.state.selection).toEqual({ kind: 'none' })
    await a.saved()
    expect(content(await library.getMap(mapId))).toEqual(content(a.map))
  })
})

describe('unsaved edits across pages', () => {
  /** The browser's localStorage, shared by the pages of one origin. */
  class MemoryStorage implements StorageLike {
    private readonly items = new Map<string, string>()
    get length() {
      return this.items.size
    }
    key = (i: number) => [...this.items.keys()][i] ?? null
    getItem = (k: string) => this.items.get(k) ?? null
    setItem = (k: string, v: string) => void this.items.set(k, v)
    removeItem = (k: string) => void this.items.delete(k)
    keys = () => [...this.items.keys()]
  }

  it('a page reloaded with edits the host never got takes them up, saves them and says so', async () => {
    const { library, mapId } = await setup()
    const storage = new MemoryStorage()
    const keepers: ReturnType<typeof createOutboxKeeper>[] = []
    const outbox = (libraryPath: string, clientId: string) => {
      const keeper = createOutboxKeeper(storage, libraryPath, clientId)
      keepers.push(keeper)
      return keeper
    }
    const first = new TestWindow(library, 'page-1', { outbox })
    await vi.waitFor(() => expect(first.state.appInfo).not.toBeNull())
    await first.open(mapId)
    first.offline = true
    first.addNote('Typed while the host was down')
    await first.settle()
    expect(first.state.saveStatus).toEqual({ failed: LOST })
    expect(selectHasUnsavedEdits(first.state)).toBe(true)
    expect(storage.keys().some((k) => k.includes('outbox'))).toBe(true)
    keepers[0]!.goodbye() // the page is reloaded

    const second = new TestWindow(library, 'page-2', { outbox })
    await vi.waitFor(async () =>
      expect((await library.getMap(mapId)).notes.map((n) => n.text)).toEqual(['Typed while the host was down'])
    )
    expect(visibleText(second.state.editorNotice)).toBe(
      'An edit to “Onboarding” that was not saved before the page was closed or reloaded was found in this browser and is being saved now.'
    )
    await second.saved()
    expect(storage.keys().filter((k) => k.includes('outbox'))).toEqual([])
  })

  it('when the connection comes back, what waits is sent without pressing Retry', async () => {
    const { library, a, mapId } = await setup()
    await a.open(mapId)
    a.state.setConnection({ kind: 'connected' })
    a.offline = true
    a.state.setConnection({ kind: 'reconnecting', attempt: 1, retryInMs: 250 })
    a.addNote('Waiting for the host')
    await a.settle()
    expect(a.state.saveStatus).toEqual({ failed: LOST })
    a.offline = false
    a.state.setConnection({ kind: 'connected' })
    await a.saved()
    expect((await library.getMap(mapId)).notes.map((n) => n.text)).toEqual(['Waiting for the host'])
  })
})

describe('text typed while someone else changes the same note', () => {
  it('the other window’s saved text stays; the typed text is kept, named, and can be applied', async () => {
    const { library, a, b, mapId } = await setup()
    await a.open(mapId)
    const noteId = a.addNote('Free trial')
    await a.saved()
    await b.open(mapId)
    // a opens the note's editor on "Free trial"; b saves another text meanwhile.
    b.state.execute('editNote', { noteId, text: 'Free trial (30 days)' })
    await b.saved()
    await vi.waitFor(() => expect(noteText(a.map, noteId)).toBe('Free trial (30 days)'))
    commitNoteText(a.state, { kind: 'note', noteId }, 'Free trial, 14 days', 'Free trial')
    await a.saved()
    expect(noteText(await library.getMap(mapId), noteId)).toBe('Free trial (30 days)')
    const [kept] = selectRecovered(a.state)
    expect(kept).toMatchObject({ kind: 'changedElsewhere', fields: ['text'], mine: { text: 'Free trial, 14 days' } })

    expect(a.state.reapplyRecovered(mapId, kept!.id)).toBe(true)
    await a.saved()
    expect(noteText(await library.getMap(mapId), noteId)).toBe('Free trial, 14 days')
    expect(selectRecovered(a.state)).toEqual([])
  })

  it('a note deleted elsewhere while typed in: the text is kept and the note restored on request', async () => {
    const { library, a, b, mapId } = await setup()
    await a.open(mapId)
    const noteId = a.addNote('Churn survey')
    await a.saved()
    await b.open(mapId)
    b.state.execute('deleteNotes', { noteIds: [noteId] })
    await b.saved()
    await vi.waitFor(() => expect(a.map.notes).toEqual([]))
    commitNoteText(a.state, { kind: 'note', noteId }, 'Churn survey — ask why', 'Churn survey')
    const [kept] = selectRecovered(a.state)
    expect(kept).toMatchObject({ kind: 'deletedElsewhere', restorable: true, was: { text: 'Churn survey' } })
    expect(a.state.reapplyRecovered(mapId, kept!.id)).toBe(true)
    await a.saved()
    expect((await library.getMap(mapId)).notes.map((n) => [n.id, n.text])).toEqual([[noteId, 'Churn survey — ask why']])
  })
})
