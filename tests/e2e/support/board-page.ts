/**
 * The board as a test sees it: an API client to populate maps through the web host's WebSocket
 * (as another window would), builders for a demo map, and a page object that reads the Konva
 * stage (`Konva.stages[0]`) and drives pan and zoom as a user does.
 */
import { expect, type Page } from '@playwright/test'
import WebSocket from 'ws'
import type { ApiMethod, ApiRequest, ApiResponse } from '../../../src/shared/api/contract'
import type { EmotionPoint, JourneyMap, Marker, Note, Persona } from '../../../src/shared/model'
import type { PatchOp } from '../../../src/shared/model/patch'
import type { RunningHost } from './web-host'

/** A typed client of the web host's API, for setting up data before the page opens it. */
export class ApiSocket {
  private nextId = 1
  private constructor(private readonly ws: WebSocket) {}

  static connect(host: RunningHost): Promise<ApiSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(host.apiUrl, host.apiProtocols, { origin: host.origin })
      ws.once('open', () => resolve(new ApiSocket(ws)))
      ws.once('error', reject)
    })
  }

  call<K extends ApiMethod>(method: K, payload: ApiRequest<K>): Promise<ApiResponse<K>> {
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      const onMessage = (data: WebSocket.RawData) => {
        const message = JSON.parse(data.toString()) as {
          t: string
          id: number
          ok: boolean
          value: unknown
          error: unknown
        }
        if (message.t !== 'result' || message.id !== id) return
        this.ws.off('message', onMessage)
        if (message.ok) resolve(message.value as ApiResponse<K>)
        else reject(new Error(`${method} failed: ${JSON.stringify(message.error)}`))
      }
      this.ws.on('message', onMessage)
      this.ws.send(JSON.stringify({ t: 'call', id, method, payload }))
    })
  }

  close(): void {
    this.ws.close()
  }
}

const KIND_COLORS: Record<string, string> = {
  goal: '#c5e1a5',
  action: '#90caf9',
  touchpoint: '#80deea',
  thought: '#e1bee7',
  painPoint: '#ef9a9a',
  opportunity: '#a5d6a7',
  note: '#fff59d'
}
const LANE_NOTE_KIND = ['goal', 'action', 'touchpoint', 'thought', 'note', 'painPoint', 'opportunity', 'note'] as const

/** Notes by [stage index, lane index of the SaaS template] → texts, stacked in that order. */
export type NotePlan = readonly (readonly [number, number, readonly string[]])[]

export function persona(id: string, name: string, initials: string, color: string, role: string): Persona {
  const now = '2026-03-04T09:00:00.000Z'
  return {
    id,
    name,
    initials,
    color,
    role,
    quote: '',
    demographics: { age: '', location: '', education: '', income: '' },
    firmographics: { companySize: '', industry: '', revenue: '' },
    behaviour: '',
    goals: '',
    painPoints: '',
    channels: [],
    segmentNotes: '',
    createdAt: now,
    updatedAt: now
  }
}

export interface SeedSpec {
  readonly title: string
  readonly notes: NotePlan
  readonly personas?: readonly Persona[]
  /** Scores per persona id, one per stage from the first (null: no point). */
  readonly curves?: Readonly<Record<string, readonly (number | null)[]>>
  /** To-be scores per persona id. */
  readonly toBe?: Readonly<Record<string, readonly (number | null)[]>>
  /** Markers: on a note (by its text) or a curve point (persona id, stage index). */
  readonly markers?: readonly (
    | { readonly note: string; readonly severity: number; readonly label: string }
    | { readonly persona: string; readonly stage: number; readonly severity: number; readonly label: string }
  )[]
  /** Connectors between notes, by their texts. */
  readonly connectors?: readonly { readonly from: string; readonly to: string; readonly label: string }[]
}

/** Creates a SaaS-template map and fills it in one patch, as a workshop would over an hour. */
export async function seedMap(api: ApiSocket, spec: SeedSpec): Promise<JourneyMap> {
  const created = await api.call('createMap', { template: 'saas', title: spec.title })
  const stages = [...created.stages].sort((a, b) => a.order - b.order)
  const lanes = [...created.lanes].sort((a, b) => a.order - b.order)
  for (const p of spec.personas ?? []) await api.call('savePersona', { persona: p })
  const ops: PatchOp[] = []
  if (spec.personas?.length) ops.push({ op: 'meta', set: { personaIds: spec.personas.map((p) => p.id) } })
  const byText = new Map<string, Note>()
  let n = 0
  for (const [stageIndex, laneIndex, texts] of spec.notes) {
    texts.forEach((text, order) => {
      const kind = LANE_NOTE_KIND[laneIndex] ?? 'note'
      const note: Note = {
        id: `note${++n}`,
        stageId: stages[stageIndex]!.id,
        laneId: lanes[laneIndex]!.id,
        order: order + 1,
        text,
        color: KIND_COLORS[kind] ?? '#fff59d',
        kind,
        channel: null,
        category: null,
        personaIds: [],
        votes: 0,
        severity: null,
        impact: null,
        effort: null
      }
      byText.set(text, note)
      ops.push({ op: 'put', entity: 'note', value: note })
    })
  }
  const points = (series: Record<string, readonly (number | null)[]> | undefined, variant: EmotionPoint['variant']) => {
    for (const [personaId, scores] of Object.entries(series ?? {})) {
      scores.forEach((score, i) => {
        if (score === null) return
        const value: EmotionPoint = {
          id: `e_${personaId}_${variant}_${i}`,
          personaId,
          variant,
          stageId: stages[i]!.id,
          score,
          note: ''
        }
        ops.push({ op: 'put', entity: 'emotionPoint', value })
      })
    }
  }
  points(spec.curves, 'asIs')
  points(spec.toBe, 'toBe')
  ;(spec.markers ?? []).forEach((m, i) => {
    const target: Marker['target'] =
      'note' in m
        ? { kind: 'note', noteId: byText.get(m.note)!.id }
        : { kind: 'curve', stageId: stages[m.stage]!.id, personaId: m.persona, variant: 'asIs' }
    ops.push({
      op: 'put',
      entity: 'marker',
      value: { id: `marker${i + 1}`, severity: m.severity, label: m.label, target }
    })
  })
  ;(spec.connectors ?? []).forEach((c, i) => {
    const value = {
      id: `connector${i + 1}`,
      fromNoteId: byText.get(c.from)!.id,
      toNoteId: byText.get(c.to)!.id,
      label: c.label
    }
    ops.push({ op: 'put', entity: 'connector', value })
  })
  await api.call('applyPatch', { mapId: created.id, patch: ops })
  return api.call('getMap', { id: created.id })
}

/** What the page reports about a Konva node. */
export interface NodeBox {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
  /** On screen, in CSS pixels relative to the stage's container. */
  readonly client: { readonly x: number; readonly y: number; readonly width: number; readonly height: number }
}

export interface StageView {
  readonly x: number
  readonly y: number
  readonly zoom: number
  readonly width: number
  readonly height: number
}

type KonvaGlobal = {
  stages: {
    x(): number
    y(): number
    scaleX(): number
    width(): number
    height(): number
    findOne(selector: string): unknown
    find(selector: string): { id(): string }[]
  }[]
}

/** Page object for a map open on the board. */
export class BoardPage {
  constructor(readonly page: Page) {}

  board = () => this.page.getByRole('region', { name: /^Journey board/ })
  zoomLabel = () => this.page.getByRole('button', { name: /^Zoom \d+%/ })

  /** Opens a map from the home screen; after a reload the app is already on it (the address names it). */
  async open(title: string): Promise<void> {
    const heading = this.page.getByRole('heading', { level: 1 })
    await expect(heading).toBeVisible()
    if ((await heading.textContent()) !== title)
      await this.page.getByRole('button', { name: title, exact: true }).click()
    await expect(this.page.getByRole('heading', { level: 1, name: title })).toBeVisible()
    await expect.poll(() => this.noteIds().then((ids) => ids.length)).toBeGreaterThan(0)
  }

  /** The zoom the toolbar shows, in percent. */
  async zoomPercent(): Promise<number> {
    const text = (await this.zoomLabel().textContent()) ?? ''
    return Number(text.replace('%', ''))
  }

  view(): Promise<StageView> {
    return this.page.evaluate(() => {
      const stage = (window as unknown as { Konva: KonvaGlobal }).Konva.stages[0]!
      return { x: stage.x(), y: stage.y(), zoom: stage.scaleX(), width: stage.width(), height: stage.height() }
    })
  }

  /** Ids (without the "note-" prefix) of the note nodes Konva currently holds. */
  noteIds(): Promise<string[]> {
    return this.page.evaluate(() => {
      const stage = (window as unknown as { Konva: KonvaGlobal }).Konva.stages[0]
      return stage ? stage.find('.note').map((n) => n.id().replace(/^note-/, '')) : []
    })
  }

  /** A node's box on the board and on screen, or null when it is not drawn. */
  node(selector: string): Promise<NodeBox | null> {
    return this.page.evaluate((sel) => {
      type Node = {
        x(): number
        y(): number
        width(): number
        height(): number
        getClientRect(): { x: number; y: number; width: number; height: number }
      }
      const stage = (window as unknown as { Konva: KonvaGlobal }).Konva.stages[0]!
      const node = stage.findOne(sel) as Node | undefined
      if (!node) return null
      return { x: node.x(), y: node.y(), width: node.width(), height: node.height(), client: node.getClientRect() }
    }, selector)
  }

  /** The colour painted at a point of the board (board coordinates) on the notes layer, as #rrggbb. */
  pixelOnNotesLayer(x: number, y: number): Promise<string> {
    return this.page.evaluate(
      ({ x, y }) => {
        type Layer = { getCanvas(): { _canvas: HTMLCanvasElement; getPixelRatio(): number } }
        const stage = (window as unknown as { Konva: KonvaGlobal }).Konva.stages[0]!
        const layer = stage.findOne('#notes-layer') as Layer
        const canvas = layer.getCanvas()
        const ratio = canvas.getPixelRatio()
        const px = Math.round((x * stage.scaleX() + stage.x()) * ratio)
        const py = Math.round((y * stage.scaleX() + stage.y()) * ratio)
        const [r, g, b] = canvas._canvas.getContext('2d')!.getImageData(px, py, 1, 1).data
        return `#${[r, g, b].map((v) => v!.toString(16).padStart(2, '0')).join('')}`
      },
      { x, y }
    )
  }

  async pressKey(key: string): Promise<void> {
    await this.board().focus()
    await this.page.keyboard.press(key)
  }

  /** Ctrl+wheel over a point of the board's container (CSS pixels from its corner). */
  async ctrlWheel(deltaY: number, at = { x: 400, y: 300 }): Promise<void> {
    const box = (await this.board().boundingBox())!
    await this.page.mouse.move(box.x + at.x, box.y + at.y)
    await this.page.keyboard.down('Control')
    await this.page.mouse.wheel(0, deltaY)
    await this.page.keyboard.up('Control')
  }
}

/** Two personas for the demo map: Maya (orange) and Dev (blue). */
export const DEMO_PERSONAS: readonly Persona[] = [
  persona('maya', 'Maya, ops lead', 'MO', '#e8590c', 'Operations lead'),
  persona('dev', 'Dev, team admin', 'DA', '#1c7ed6', 'Team admin')
]

/**
 * A SaaS journey as a workshop leaves it: a few dozen notes in English, Russian, Bulgarian,
 * Chinese and Thai (from the source articles), two persona curves, a to-be curve, markers,
 * connectors.
 */
export const DEMO_MAP: SeedSpec = {
  title: 'SaaS onboarding — workshop',
  personas: DEMO_PERSONAS,
  notes: [
    [0, 0, ['Find a tool that ends spreadsheet chaos']],
    [0, 1, ['Reads a comparison article', 'Читает обзор CJM для SaaS в блоге']],
    [0, 2, ['Blog post (SEO)', 'LinkedIn ad']],
    [0, 3, ['Is this just another project tool?']],
    [0, 5, ['Не понятно, чем продукт отличается от конкурентов']],
    [0, 6, ['Comparison page against the top 3 competitors']],
    [1, 0, ['Compare pricing and integrations']],
    [1, 1, ['Watches a 3-minute demo video', 'Търси отзиви от други клиенти преди демо']],
    [1, 2, ['Pricing page', 'Sales demo call']],
    [1, 3, ['需要了解整个客户旅程，从意识到成为客户']],
    [1, 5, ['Pricing hides the per-seat cost']],
    [2, 1, ['Starts a 14-day free trial']],
    [2, 2, ['Checkout', 'Welcome email']],
    [2, 3, ['ลูกค้าต้องการทดลองใช้งานฟรีก่อนตัดสินใจ']],
    [2, 5, ['Card required for the trial']],
    [3, 0, ['First value in under 10 minutes']],
    [3, 1, ['Invites two colleagues; one never accepts the invitation']],
    [3, 2, ['In-app checklist', 'Onboarding webinar']],
    [3, 3, ['在入职过程中需要帮助设置团队权限']],
    [3, 5, ['Не может найти, где пригласить коллег в рабочее пространство']],
    [3, 6, ['Guided setup with ready-made templates']],
    [4, 1, ['Builds the first journey map with the team']],
    [4, 2, ['Help center', 'Support chat']],
    [4, 5, ['Export to PDF cuts off Thai text']],
    [
      5,
      3,
      [
        'Первая метрика – это коэффициент удержания клиентов. Он показывает, сколько клиентов остаются с вашей компанией через определенное время. Высокий уровень удержания свидетельствует о положительном пользовательском опыте и хорошей удовлетворенности, что, в свою очередь, приводит к снижению затрат на привлечение новых клиентов.'
      ]
    ],
    [5, 2, ['Quarterly business review']],
    [5, 6, ['Health score alerts for CSMs', 'ความพึงพอใจของลูกค้าช่วยเพิ่มอัตราการรักษาลูกค้า']],
    [6, 1, ['Adds a second team']],
    [6, 2, ['Upgrade prompt in the app']],
    [7, 1, ['Recommends us in a Slack community']],
    [7, 2, ['Referral programme']],
    [7, 6, ['Case study with the customer']],
    [0, 7, ['Visits → sign-ups 3.2%']],
    [2, 7, ['Trial → paid 18%']],
    [5, 7, ['Churn 2.1% a month', 'NPS 42']],
    [7, 7, ['Referrals 11% of new accounts']]
  ],
  curves: {
    maya: [0, 1, -1, -2, 1, 1, 2, 2],
    dev: [1, 0, 0, -1, -1, 0, 1, 1]
  },
  toBe: { maya: [null, null, 0, 1, 1, null, null, null] },
  markers: [
    { persona: 'maya', stage: 3, severity: 3, label: 'setup too hard' },
    { persona: 'dev', stage: 4, severity: 2, label: 'permissions' },
    { note: 'Card required for the trial', severity: 2, label: 'drop-off' },
    { note: 'Pricing hides the per-seat cost', severity: 1, label: 'price shock' },
    { note: 'Не может найти, где пригласить коллег в рабочее пространство', severity: 3, label: 'invites' }
  ],
  connectors: [
    { from: 'Sales demo call', to: 'Starts a 14-day free trial', label: 'demo' },
    { from: 'Support chat', to: 'Quarterly business review', label: 'escalation' }
  ]
}
