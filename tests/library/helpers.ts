/** Fixtures for library tests: a fresh folder per test, seeded ids, a settable clock. */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach } from 'vitest'
import { openLibraryService, type LibraryServiceHandle, type OpenLibraryOptions } from '../../src/library'
import type { z } from 'zod'
import type { ApiRequest } from '../../src/shared/api/contract'
import type { JourneyError } from '../../src/shared/errors'
import type { JourneyMap } from '../../src/shared/model'
import type { NoteSchema, PersonaSchema } from '../../src/shared/schema/entities'

/** Records as a request carries them (the zod input types: plain, mutable arrays). */
export type WireOp = ApiRequest<'applyPatch'>['patch'][number]
export type WireNote = z.infer<typeof NoteSchema>
export type WirePersona = z.infer<typeof PersonaSchema>

const cleanups: (() => void)[] = []
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.()
})

/** A new empty folder, removed after the test (services opened in it are closed first). */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jb-library-'))
  cleanups.unshift(() => {
    fs.chmodSync(dir, 0o755)
    fs.rmSync(dir, { recursive: true, force: true })
  })
  return dir
}

export function seededIds(prefix = 'id'): () => string {
  let n = 0
  return () => `${prefix}${String(++n).padStart(5, '0')}`
}

export class TestClock {
  constructor(public current = new Date('2026-03-02T10:00:00.000Z')) {}
  readonly now = (): Date => new Date(this.current)
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms)
  }
}

/** Opens a service that is closed after the test. */
export function open(file: string, options: OpenLibraryOptions = {}): LibraryServiceHandle {
  const service = openLibraryService(file, options)
  cleanups.push(() => service.close())
  return service
}

export function fileDigest(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')
}

/** The JourneyError a promise rejects with (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<JourneyError> {
  try {
    await promise
  } catch (error) {
    return error as JourneyError
  }
  throw new Error('expected the call to fail')
}

export function catchSync(fn: () => unknown): JourneyError {
  try {
    fn()
  } catch (error) {
    return error as JourneyError
  }
  throw new Error('expected the call to throw')
}

export const withoutClock = ({ revision: _r, updatedAt: _u, ...rest }: JourneyMap) => rest

export function persona(id: string, name: string, now = '2026-03-01T09:00:00.000Z'): WirePersona {
  return {
    id,
    name,
    initials: name.slice(0, 2).toUpperCase(),
    color: '#3366cc',
    role: 'Ops lead',
    quote: 'I need it to just work.',
    demographics: { age: '35-44', location: 'Lyon', education: 'MSc', income: '€60k' },
    firmographics: { companySize: '200', industry: 'Logistics', revenue: '€40M' },
    behaviour: 'Reads reviews',
    goals: 'Fewer escalations',
    painPoints: 'Manual work',
    channels: ['email', 'web'],
    segmentNotes: '',
    createdAt: now,
    updatedAt: now
  }
}

/** One record of every kind, on the first stages and lanes of `map` (with persona p1 linked). */
export function everyKindPatch(map: JourneyMap): WireOp[] {
  const [s1, s2] = map.stages
  const [l1, l2] = map.lanes
  if (!s1 || !s2 || !l1 || !l2) throw new Error('the map needs two stages and two lanes')
  const note = (id: string, stageId: string, laneId: string, order: number, text: string): WireOp => ({
    op: 'put',
    entity: 'note',
    value: {
      id,
      stageId,
      laneId,
      order,
      text,
      color: '#ffd966',
      kind: 'touchpoint',
      channel: 'email',
      category: 'marketing',
      personaIds: ['p1'],
      votes: 3,
      severity: null,
      impact: 4,
      effort: 2
    }
  })
  return [
    { op: 'meta', set: { description: 'Scope: EU customers', personaIds: ['p1'], emotionScale: { min: -3, max: 3 } } },
    note('n1', s1.id, l1.id, 1, 'Sees an ad — 広告を見る'),
    note('n2', s2.id, l2.id, 0.5, 'Signs up ✅'),
    { op: 'put', entity: 'stage', value: { ...s1, title: 'Discover', width: 300.5, collapsed: true } },
    { op: 'put', entity: 'lane', value: { ...l2, title: 'Doing', height: 99, collapsed: true } },
    {
      op: 'put',
      entity: 'emotionPoint',
      value: { id: 'e1', personaId: null, variant: 'asIs', stageId: s1.id, score: -1.5, note: 'meh' }
    },
    {
      op: 'put',
      entity: 'emotionPoint',
      value: { id: 'e2', personaId: 'p1', variant: 'toBe', stageId: s2.id, score: 3, note: '' }
    },
    {
      op: 'put',
      entity: 'marker',
      value: { id: 'm1', severity: 3, label: 'price shock', target: { kind: 'note', noteId: 'n2' } }
    },
    {
      op: 'put',
      entity: 'marker',
      value: {
        id: 'm2',
        severity: 1,
        label: 'dip',
        target: { kind: 'curve', stageId: s1.id, personaId: 'p1', variant: 'asIs' }
      }
    },
    { op: 'put', entity: 'connector', value: { id: 'c1', fromNoteId: 'n1', toNoteId: 'n2', label: 'free trial' } },
    {
      op: 'put',
      entity: 'metric',
      value: {
        id: 'k1',
        stageId: s2.id,
        name: 'Conversion',
        value: 2.5,
        target: null,
        unit: '%',
        direction: 'higher',
        order: 1
      }
    },
    {
      op: 'put',
      entity: 'metric',
      value: {
        id: 'k2',
        stageId: s2.id,
        name: 'Churn',
        value: null,
        target: 5,
        unit: '%',
        direction: 'lower',
        order: 0
      }
    }
  ]
}

/** A plain note in the map's first cell, with `overrides`. */
export const wireNote = (map: JourneyMap, id: string, overrides: Partial<WireNote> = {}): WireNote => ({
  id,
  stageId: map.stages[0]!.id,
  laneId: map.lanes[0]!.id,
  order: 1,
  text: 'A note',
  color: '#ffd966',
  kind: 'note',
  channel: null,
  category: null,
  personaIds: [],
  votes: 0,
  severity: null,
  impact: null,
  effort: null,
  ...overrides
})
