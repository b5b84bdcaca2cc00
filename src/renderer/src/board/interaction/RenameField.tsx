/**
 * Renaming in place: an <input> over a stage's or lane's title (where the sticky header is drawn
 * right now) or over an arrow's label, in the same font, scaled with the zoom. Enter or clicking
 * away saves (an empty title is not a title: it is left as it was), Esc cancels. A title someone
 * else changed (or a stage someone deleted) while it was being typed keeps theirs; the typed text
 * is kept as recovered text instead.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react'
import { LAYOUT, type Font, type Point, type Scene } from '../../../../shared/layout'
import type { JourneyMap } from '../../../../shared/model'
import { LIMITS } from '../../../../shared/schema/entities'
import { registerDraft } from '../../editor/leave-guard'
import { t } from '../../i18n'
import { useAppStore } from '../../store'
import type { CameraController } from '../camera'
import { executeCall } from '../../editing/actions'
import { useFollowCamera } from './follow-camera'
import { stickyOf } from './geometry'
import { setBoardUi, type RenameTarget } from '../../editing/ui-store'

export interface RenameFieldProps {
  readonly target: RenameTarget
  readonly scene: Scene
  readonly map: JourneyMap
  readonly camera: CameraController
  readonly board: RefObject<HTMLElement | null>
}

interface Field {
  readonly value: string
  readonly width: number
  readonly height: number
  readonly font: Font
  readonly label: string
  readonly maxLength: number
  /** Where the field's top-left goes, given where the sticky headers are. */
  readonly place: () => Point | null
}

const INSET = 6

/** The record and field a rename target edits, and its value in `map` now (undefined: gone). */
function targetField(target: RenameTarget, map: JourneyMap | null) {
  if (target.kind === 'stage') {
    return { entity: 'stage', field: 'title', now: map?.stages.find((s) => s.id === target.id)?.title } as const
  }
  if (target.kind === 'lane') {
    return { entity: 'lane', field: 'title', now: map?.lanes.find((l) => l.id === target.id)?.title } as const
  }
  return { entity: 'connector', field: 'label', now: map?.connectors.find((c) => c.id === target.id)?.label } as const
}

function fieldOf(target: RenameTarget, scene: Scene, map: JourneyMap, camera: CameraController): Field | null {
  const L = LAYOUT
  if (target.kind === 'stage') {
    const header = scene.stageHeaders.find((h) => h.id === target.id)
    const stage = map.stages.find((s) => s.id === target.id)
    if (!header || !stage || header.collapsed) return null
    return {
      value: stage.title,
      width: header.w - 2 * INSET,
      height: L.stageTitleLineHeight + 12,
      font: L.stageTitleFont,
      label: t('interaction.rename.stage'),
      maxLength: LIMITS.title,
      place: () => ({ x: header.x + INSET, y: stickyOf(scene, camera.visible()).top + INSET })
    }
  }
  if (target.kind === 'lane') {
    const header = scene.laneHeaders.find((h) => h.id === target.id)
    const lane = map.lanes.find((l) => l.id === target.id)
    if (!header || !lane) return null
    return {
      value: lane.title,
      width: header.w - 2 * INSET,
      height: L.laneTitleLineHeight + 12,
      font: L.laneTitleFont,
      label: t('interaction.rename.lane'),
      maxLength: LIMITS.title,
      place: () => ({ x: stickyOf(scene, camera.visible()).left + INSET, y: header.y + INSET })
    }
  }
  const item = scene.connectors.find((c) => c.id === target.id)
  const connector = map.connectors.find((c) => c.id === target.id)
  if (!item || !connector) return null
  const width = 160
  const height = L.smallLineHeight + 12
  const mid = { x: (item.from.x + item.to.x) / 2, y: (item.from.y + item.to.y) / 2 }
  return {
    value: connector.label,
    width,
    height,
    font: { ...L.smallFont, size: 12 },
    label: t('interaction.rename.connector'),
    maxLength: LIMITS.label,
    place: () => ({ x: mid.x - width / 2, y: mid.y - height / 2 })
  }
}

/**
 * Saves a typed title (or arrow label), unless someone else changed or deleted it while it was
 * typed: theirs was saved first and stays, and the typed text is kept as recovered text.
 */
function commitRename(target: RenameTarget, initial: string, value: string): void {
  const state = useAppStore.getState()
  const { entity, field: name, now } = targetField(target, state.openMap)
  if (now === undefined || now !== initial) {
    // Changed or deleted elsewhere while typed in: that was saved first and stays.
    if (value.trim() && value !== now) state.keepText(entity, target.id, { [name]: value })
  } else if (target.kind === 'stage' && value.trim()) {
    executeCall(state, { name: 'renameStage', args: { stageId: target.id, title: value } })
  } else if (target.kind === 'lane' && value.trim()) {
    executeCall(state, { name: 'renameLane', args: { laneId: target.id, title: value } })
  } else if (target.kind === 'connector') {
    executeCall(state, { name: 'relabelConnector', args: { connectorId: target.id, label: value.trim() } })
  }
}

export function RenameField({ target, scene, map, camera, board }: RenameFieldProps) {
  const ref = useRef<HTMLInputElement>(null)
  const finished = useRef(false)
  const field = fieldOf(target, scene, map, camera)
  const [initial] = useState(() => field?.value ?? '')
  // What is typed so far, readable after the field is gone; typed text is work to lose.
  const typed = useRef(initial)
  useEffect(() => registerDraft(() => !finished.current && typed.current !== initial), [initial])
  const placeField = field?.place
  const place = useCallback(() => placeField?.() ?? null, [placeField])
  useFollowCamera(camera, ref, place, true)

  useLayoutEffect(() => {
    ref.current?.focus({ preventScroll: true })
    ref.current?.select()
  }, [])

  const gone = field === null
  useLayoutEffect(() => {
    if (!gone) return
    // Deleted (or folded away) while typed in: what was typed is saved, or kept if it cannot be.
    if (!finished.current && typed.current !== initial) {
      finished.current = true
      commitRename(target, initial, typed.current)
    }
    setBoardUi({ rename: null })
  }, [gone, initial, target])

  const finish = (commit: boolean, refocus: boolean) => {
    if (finished.current) return
    finished.current = true
    setBoardUi({ rename: null })
    const value = ref.current?.value ?? typed.current
    if (commit && value !== initial) commitRename(target, initial, value)
    if (refocus) board.current?.focus({ preventScroll: true })
  }

  if (!field) return null
  return (
    <input
      ref={ref}
      className="rename-field"
      dir="auto"
      aria-label={field.label}
      defaultValue={initial}
      maxLength={field.maxLength}
      style={{
        width: field.width,
        height: field.height,
        font: `${field.font.weight} ${field.font.size}px ${field.font.family}`
      }}
      onInput={(e) => (typed.current = e.currentTarget.value)}
      onBlur={() => finish(true, false)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault()
          finish(false, true)
        } else if (e.key === 'Enter') {
          e.preventDefault()
          finish(true, true)
        }
      }}
    />
  )
}
