/**
 * layoutMap: map → scene. Stages are columns, lanes rows; notes stack in their cell; a lane grows
 * to its tallest cell. Pure and deterministic for a given measure function.
 */
import type { JourneyMap, Lane, Note, Stage } from '../model'
import {
  byOrder,
  cellId,
  createWrapper,
  singleLine,
  textBlock,
  type Band,
  type LayoutOptions,
  type Wrapper
} from './common'
import { authorBadges, commentBadges, kpiStacks, noteMarks, voteBadges } from './badges'
import { FADED_INK, faded, focusedPath, otherPath, pointsForPath } from './paths'
import { prepareEmotions } from './emotion'
import { COLORS, LAYOUT, textColorOn } from './metrics'
import { layoutOverlays } from './overlays'
import type {
  CellItem,
  ConnectorItem,
  LaneHeaderItem,
  MeasureText,
  NoteItem,
  Scene,
  StageHeaderItem,
  TextBlock
} from './scene'
import type { WrappedText } from './text'

interface NoteBox {
  readonly note: Note
  readonly wrapped: WrappedText
  readonly height: number
  /** The picture's height above the text (0 for none). */
  readonly imageH: number
}

/** A note's picture is as wide as its text and at most this tall (board units). */
const NOTE_IMAGE_MAX_HEIGHT = 120

function noteImageHeight(note: Note, width: number): number {
  if (!note.image) return 0
  return Math.min(NOTE_IMAGE_MAX_HEIGHT, Math.round((width * note.image.height) / note.image.width))
}

/** Lays the whole map out at once (the PDF, the PNG, tests): layoutSteps run to the end. */
export function layoutMap(map: JourneyMap, measure: MeasureText, options: LayoutOptions = {}): Scene {
  const steps = layoutSteps(map, measure, options)
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

/** Notes wrapped, or placed, between two pauses of layoutSteps. */
const WRAPS_PER_STEP = 32
const PLACED_PER_STEP = 512

/**
 * layoutMap as steps: the generator pauses every few dozen notes wrapped (and every few hundred
 * placed), so a caller with a time budget (the board, ./progressive.ts) can spread a big map's
 * layout over many short tasks and keep the page responsive. The result is the same scene.
 */
export function* layoutSteps(
  whole: JourneyMap,
  measure: MeasureText,
  options: LayoutOptions = {}
): Generator<void, Scene> {
  const L = LAYOUT
  let work = 0
  const path = focusedPath(whole, options.pathId)
  const focus = path?.id ?? null
  // The emotion series a path sees: its own points where it has them, the shared ones elsewhere.
  const map: JourneyMap = { ...whole, emotionPoints: pointsForPath(whole.emotionPoints, focus) }
  const wrap = createWrapper(measure, options)
  const stages = byOrder(map.stages)
  const lanes = byOrder(map.lanes)

  // Columns.
  const columns: Band<Stage>[] = []
  let x = L.laneHeaderWidth
  for (const stage of stages) {
    const size = stage.collapsed ? L.collapsedStageWidth : stage.width
    columns.push({ item: stage, start: x, size, collapsed: stage.collapsed })
    x += size
  }
  const width = x

  // Notes per cell, in order, wrapped to their column's width.
  const notesByCell = new Map<string, Note[]>()
  for (const note of byOrder(map.notes)) {
    const key = cellId(note.stageId, note.laneId)
    const list = notesByCell.get(key)
    if (list) list.push(note)
    else notesByCell.set(key, [note])
  }
  const noteBoxes = new Map<string, NoteBox[]>()
  const noteMaxLines = Math.max(1, Math.floor((L.noteMaxHeight - 2 * L.notePadding) / L.noteLineHeight))
  const textWidthOf = (column: Band<Stage>) => Math.max(1, column.size - 2 * L.cellPadding - 2 * L.notePadding)
  for (const lane of lanes) {
    if (lane.collapsed) continue
    for (const column of columns) {
      if (column.collapsed) continue
      const notes = notesByCell.get(cellId(column.item.id, lane.id))
      if (!notes) continue
      const boxes: NoteBox[] = []
      for (const note of notes) {
        const wrapped = wrap(note.text, textWidthOf(column), L.noteFont, noteMaxLines)
        const imageH = noteImageHeight(note, textWidthOf(column))
        const textH = wrapped.lines.length * L.noteLineHeight
        const height = Math.max(L.noteMinHeight, 2 * L.notePadding + textH + (imageH ? imageH + L.noteGap : 0))
        boxes.push({ note, wrapped, height, imageH })
        if (++work % WRAPS_PER_STEP === 0) yield
      }
      noteBoxes.set(cellId(column.item.id, lane.id), boxes)
    }
  }

  // KPI chips stack at the top of KPI-lane cells, above the notes.
  const kpis = kpiStacks(map, lanes, columns, path, options.labels)
  /** Where a cell's notes start below its top padding: under its KPI chips, if any. */
  const notesTop = (cell: string) => {
    const chips = kpis.height(cell)
    return chips > 0 ? chips + L.noteGap : 0
  }

  // Rows: at least the lane's own height, grown to fit its tallest cell and its header.
  const emotions = prepareEmotions(map, lanes, wrap, options)
  const rows: Band<Lane>[] = []
  let y = L.stageHeaderHeight
  for (const lane of lanes) {
    let size: number = L.collapsedLaneHeight
    if (!lane.collapsed) {
      size = Math.max(lane.height, laneHeaderHeight(lane, wrap, emotions.legendHeight(lane.id)))
      for (const column of columns) {
        const id = cellId(column.item.id, lane.id)
        const boxes = noteBoxes.get(id)
        const chips = kpis.height(id)
        if (!boxes && chips === 0) continue
        const content = boxes
          ? notesTop(id) + boxes.reduce((sum, b) => sum + b.height, 0) + (boxes.length - 1) * L.noteGap
          : chips
        size = Math.max(size, content + 2 * L.cellPadding)
      }
    }
    rows.push({ item: lane, start: y, size, collapsed: lane.collapsed })
    y += size
  }
  const height = y

  // Cells and the notes in them.
  const cells: CellItem[] = []
  const notes: NoteItem[] = []
  for (const row of rows) {
    for (const column of columns) {
      const id = cellId(column.item.id, row.item.id)
      const collapsed = row.collapsed || column.collapsed
      const noteCount = notesByCell.get(id)?.length ?? 0
      const cellX = column.start
      const cellY = row.start
      let label: TextBlock | null = null
      if (collapsed && noteCount > 0) {
        const text = wrap(String(noteCount), column.size, L.smallFont, 1)
        const top = row.collapsed ? cellY + (row.size - L.smallLineHeight) / 2 : cellY + L.cellPadding
        label = textBlock(text, cellX, top, L.smallFont, L.smallLineHeight, COLORS.muted, 'center', column.size)
      } else if (
        !collapsed &&
        noteCount === 0 &&
        kpis.height(id) === 0 &&
        row.item.prompt.trim() &&
        row.item.kind !== 'emotions'
      ) {
        const inner = column.size - 2 * L.cellPadding
        const maxLines = Math.max(1, Math.floor((row.size - 2 * L.cellPadding) / L.placeholderLineHeight))
        const text = wrap(row.item.prompt, inner, L.placeholderFont, maxLines)
        label = textBlock(
          text,
          cellX + L.cellPadding,
          cellY + L.cellPadding,
          L.placeholderFont,
          L.placeholderLineHeight,
          COLORS.placeholder,
          'start',
          inner
        )
      }
      cells.push({
        kind: 'cell',
        id,
        stageId: column.item.id,
        laneId: row.item.id,
        x: cellX,
        y: cellY,
        w: column.size,
        h: row.size,
        fill: collapsed ? COLORS.cellCollapsed : COLORS.cell,
        stroke: COLORS.line,
        collapsed,
        noteCount,
        label
      })
      let noteY = cellY + L.cellPadding + notesTop(id)
      const noteX = cellX + L.cellPadding
      const noteW = column.size - 2 * L.cellPadding
      let index = 0
      for (const box of noteBoxes.get(id) ?? []) {
        const dim = otherPath(focus, box.note.pathId)
        notes.push({
          kind: 'note',
          id: box.note.id,
          stageId: column.item.id,
          laneId: row.item.id,
          index,
          x: noteX,
          y: noteY,
          w: noteW,
          h: box.height,
          fill: dim ? faded(box.note.color) : box.note.color,
          stroke: COLORS.noteStroke,
          cornerRadius: L.noteCornerRadius,
          ...(box.note.image && box.imageH > 0
            ? {
                image: {
                  x: noteX + L.notePadding,
                  y: noteY + L.notePadding,
                  w: noteW - 2 * L.notePadding,
                  h: box.imageH,
                  src: `data:${box.note.image.mime};base64,${box.note.image.data}`,
                  naturalWidth: box.note.image.width,
                  naturalHeight: box.note.image.height
                }
              }
            : {}),
          text: textBlock(
            box.wrapped,
            noteX + L.notePadding,
            noteY + L.notePadding + (box.imageH ? box.imageH + L.noteGap : 0),
            L.noteFont,
            L.noteLineHeight,
            dim ? FADED_INK : textColorOn(box.note.color),
            'start',
            noteW - 2 * L.notePadding
          )
        })
        noteY += box.height + L.noteGap
        index++
        if (++work % PLACED_PER_STEP === 0) yield
      }
    }
  }
  yield

  const stageHeaders = columns.map((column) => stageHeader(column, wrap, height))
  const laneHeaders = rows.map((row) => laneHeader(row, wrap))
  const emotionScene = emotions.layout(columns, rows, laneHeaders)
  yield
  const badges = [
    ...kpis.badges(rows, columns, wrap),
    ...voteBadges(map, notes, wrap),
    ...noteMarks(map, notes, wrap, options.labels),
    ...authorBadges(options.authors, notes, wrap)
  ]
  yield
  badges.push(...commentBadges(map, notes, wrap))
  yield
  const overlays = layoutOverlays(
    {
      markers: map.markers,
      connectors: map.connectors,
      notes,
      cells,
      curves: emotionScene.curves,
      badges,
      grid: {
        xs: [L.laneHeaderWidth, ...columns.map((c) => c.start + c.size)],
        ys: [L.stageHeaderHeight, ...rows.map((r) => r.start + r.size)]
      },
      stageIds: columns.map((c) => c.item.id),
      area: {
        x: L.laneHeaderWidth,
        y: L.stageHeaderHeight,
        w: width - L.laneHeaderWidth,
        h: height - L.stageHeaderHeight
      }
    },
    wrap
  )

  return {
    width,
    height,
    corner: { x: 0, y: 0, w: L.laneHeaderWidth, h: L.stageHeaderHeight, fill: COLORS.header, stroke: COLORS.line },
    cells,
    guides: emotionScene.guides,
    stageHeaders,
    laneHeaders: emotionScene.laneHeaders,
    notes,
    connectors: pathConnectors(whole, overlays.connectors, focus),
    curves: emotionScene.curves,
    legend: emotionScene.legend,
    markers: overlays.markers,
    badges
  }
}

function stageHeader(column: Band<Stage>, wrap: Wrapper, boardHeight: number): StageHeaderItem {
  const L = LAYOUT
  const { item: stage, start, size } = column
  const base = {
    kind: 'stageHeader' as const,
    id: stage.id,
    x: start,
    y: 0,
    w: size,
    h: L.stageHeaderHeight,
    collapsed: column.collapsed
  }
  if (column.collapsed) {
    // The title runs down the strip, rotated, over the folded cells.
    const length = boardHeight - 2 * L.headerPadding
    const title = singleLine(wrap, stage.title, length, L.stageTitleFont)
    const lh = L.stageTitleLineHeight
    return {
      ...base,
      fill: COLORS.headerCollapsed,
      stroke: COLORS.line,
      texts: [
        textBlock(title, start + size / 2 + lh / 2, L.headerPadding, L.stageTitleFont, lh, COLORS.ink, 'left', 0, 90)
      ]
    }
  }
  const inner = size - 2 * L.headerPadding
  const title = wrap(stage.title, inner, L.stageTitleFont, 2)
  const texts = [
    textBlock(
      title,
      start + L.headerPadding,
      L.headerPadding,
      L.stageTitleFont,
      L.stageTitleLineHeight,
      COLORS.ink,
      'start',
      inner
    )
  ]
  const titleBottom = L.headerPadding + title.lines.length * L.stageTitleLineHeight + 2
  const promptLines = Math.floor((L.stageHeaderHeight - L.headerPadding / 2 - titleBottom) / L.stagePromptLineHeight)
  if (stage.prompt.trim() && promptLines > 0) {
    const prompt = wrap(stage.prompt, inner, L.stagePromptFont, promptLines)
    texts.push(
      textBlock(
        prompt,
        start + L.headerPadding,
        titleBottom,
        L.stagePromptFont,
        L.stagePromptLineHeight,
        COLORS.muted,
        'start',
        inner
      )
    )
  }
  return { ...base, fill: COLORS.header, stroke: COLORS.line, texts }
}

const LANE_TITLE_WIDTH = LAYOUT.laneHeaderWidth - 2 * LAYOUT.headerPadding

/** Height a lane's header needs: its wrapped title (and an emotion lane's legend). */
function laneHeaderHeight(lane: Lane, wrap: Wrapper, legendHeight: number): number {
  const L = LAYOUT
  const title = wrap(lane.title, LANE_TITLE_WIDTH, L.laneTitleFont, 3)
  return 2 * L.headerPadding + title.lines.length * L.laneTitleLineHeight + legendHeight
}

function laneHeader(row: Band<Lane>, wrap: Wrapper): LaneHeaderItem {
  const L = LAYOUT
  const { item: lane, start, size } = row
  const base = { kind: 'laneHeader' as const, id: lane.id, x: 0, y: start, w: L.laneHeaderWidth, h: size }
  if (row.collapsed) {
    const title = singleLine(wrap, lane.title, L.laneHeaderWidth - 2 * L.headerPadding, L.laneTitleFont)
    const top = start + (size - L.laneTitleLineHeight) / 2
    return {
      ...base,
      fill: COLORS.headerCollapsed,
      stroke: COLORS.line,
      collapsed: true,
      texts: [
        textBlock(
          title,
          L.headerPadding,
          top,
          L.laneTitleFont,
          L.laneTitleLineHeight,
          COLORS.ink,
          'start',
          LANE_TITLE_WIDTH
        )
      ]
    }
  }
  const title = wrap(lane.title, LANE_TITLE_WIDTH, L.laneTitleFont, 3)
  return {
    ...base,
    fill: COLORS.header,
    stroke: COLORS.line,
    collapsed: false,
    texts: [
      textBlock(
        title,
        L.headerPadding,
        start + L.headerPadding,
        L.laneTitleFont,
        L.laneTitleLineHeight,
        COLORS.ink,
        'start',
        LANE_TITLE_WIDTH
      )
    ]
  }
}

/** Connectors of a path take its colour; with another path shown, they fade. */
function pathConnectors(map: JourneyMap, items: readonly ConnectorItem[], focus: string | null): ConnectorItem[] {
  if (map.paths.length === 0) return [...items]
  const pathOf = new Map(map.connectors.map((c) => [c.id, c.pathId]))
  const colorOf = new Map(map.paths.map((p) => [p.id, p.color]))
  return items.map((item) => {
    const pathId = pathOf.get(item.id)
    if (pathId === undefined) return item
    const color = colorOf.get(pathId) ?? item.stroke
    return { ...item, stroke: otherPath(focus, pathId) ? faded(color) : color }
  })
}
