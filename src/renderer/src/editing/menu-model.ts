/**
 * The context menus as data: for notes, a cell, a stage or lane header, a curve point, a marker
 * or a connector, the items (with submenus) and the BoardAction each one carries out. Built
 * without React, so tests can read what a right-click offers.
 */
import { orderedLanes, orderedStages } from '../../../shared/commands'
import type { JourneyMap } from '../../../shared/model'
import type { BoardAction } from './actions'
import { canAddNote } from './actions'
import { curveLaneId, formatScore } from '../board/interaction/geometry'
import type { CommandCall } from './gesture'
import type { MenuContext } from './ui-store'
import { t } from '../i18n'
import {
  CATEGORIES,
  CHANNELS,
  LANE_KINDS,
  NOTE_KINDS,
  PALETTE,
  allTagged,
  categoryLabel,
  channelLabel,
  kindLabel,
  laneKindLabel,
  setNoteField,
  sharedValue,
  togglePersona,
  type LinkedPersona
} from './note-fields'
import { pointOf, scaleScores, seriesOf } from './series'

export interface MenuItem {
  readonly id: string
  readonly label: string
  readonly role?: 'menuitem' | 'menuitemradio' | 'menuitemcheckbox'
  readonly checked?: boolean
  readonly disabled?: boolean
  /** A key that does the same on the board, shown on the right. */
  readonly shortcut?: string
  /** A colour swatch shown before the label. */
  readonly swatch?: string
  readonly danger?: boolean
  /** A line above this item. */
  readonly separator?: boolean
  readonly action?: BoardAction
  readonly submenu?: readonly MenuItem[]
}

const exec = (calls: readonly CommandCall[]): BoardAction => ({ type: 'execute', calls })

/** The menu's heading, for screen readers. */
export function menuLabel(context: MenuContext, map: JourneyMap): string {
  switch (context.kind) {
    case 'notes':
      return context.noteIds.length === 1
        ? t('interaction.menu.note')
        : t('interaction.menu.notes', { count: context.noteIds.length })
    case 'cell':
      return t('interaction.menu.cell')
    case 'stage':
      return t('interaction.menu.stage', { title: map.stages.find((s) => s.id === context.stageId)?.title ?? '' })
    case 'lane':
      return t('interaction.menu.lane', { title: map.lanes.find((l) => l.id === context.laneId)?.title ?? '' })
    case 'point':
      return t('interaction.menu.point')
    case 'marker':
      return t('interaction.menu.marker')
    case 'connector':
      return t('interaction.menu.connector')
    case 'addLane':
      return t('interaction.addLaneKind')
  }
}

export function menuItems(context: MenuContext, map: JourneyMap, personas: readonly LinkedPersona[]): MenuItem[] {
  switch (context.kind) {
    case 'notes':
      return noteItems(map, context.noteIds, personas)
    case 'cell':
      return cellItems(map, context.stageId, context.laneId, personas)
    case 'stage':
      return stageItems(map, context.stageId)
    case 'lane':
      return laneItems(map, context.laneId)
    case 'point':
      return pointItems(map, context.pointId)
    case 'marker':
      return markerItems(map, context.markerId)
    case 'addLane':
      return LANE_KINDS.map((kind) => ({
        id: `add-${kind}`,
        label: laneKindLabel(kind),
        action: { type: 'addLane', kind, index: map.lanes.length }
      }))
    case 'connector':
      return [
        {
          id: 'label',
          label: t('interaction.connector.editLabel'),
          shortcut: 'F2',
          action: { type: 'rename', target: { kind: 'connector', id: context.connectorId } }
        },
        {
          id: 'remove',
          label: t('interaction.connector.remove'),
          shortcut: t('interaction.key.delete'),
          danger: true,
          separator: true,
          action: exec([{ name: 'disconnect', args: { connectorId: context.connectorId } }])
        }
      ]
  }
}

function noteItems(map: JourneyMap, noteIds: readonly string[], personas: readonly LinkedPersona[]): MenuItem[] {
  const ids = noteIds.filter((id) => map.notes.some((n) => n.id === id))
  if (ids.length === 0) return []
  const single = ids.length === 1 ? ids[0] : undefined
  const color = sharedValue(map, ids, 'color')
  const kind = sharedValue(map, ids, 'kind')
  const channel = sharedValue(map, ids, 'channel')
  const category = sharedValue(map, ids, 'category')
  const items: MenuItem[] = []
  if (single)
    items.push({
      id: 'edit',
      label: t('interaction.note.editText'),
      shortcut: t('interaction.key.enter'),
      action: { type: 'editNote', noteId: single }
    })
  items.push(
    {
      id: 'color',
      label: t('interaction.field.color'),
      separator: items.length > 0,
      submenu: PALETTE.map((p) => ({
        id: `color-${p.color}`,
        label: t(p.name),
        role: 'menuitemradio',
        checked: color?.toLowerCase() === p.color.toLowerCase(),
        swatch: p.color,
        action: exec(setNoteField(map, ids, { color: p.color }))
      }))
    },
    {
      id: 'kind',
      label: t('interaction.field.kind'),
      submenu: NOTE_KINDS.map((k) => ({
        id: `kind-${k}`,
        label: kindLabel(k),
        role: 'menuitemradio',
        checked: kind === k,
        action: exec(setNoteField(map, ids, { kind: k }))
      }))
    },
    {
      id: 'channel',
      label: t('interaction.field.channel'),
      submenu: [null, ...CHANNELS].map((c) => ({
        id: `channel-${c ?? 'none'}`,
        label: c ? channelLabel(c) : t('interaction.none'),
        role: 'menuitemradio',
        checked: channel === c,
        action: exec(setNoteField(map, ids, { channel: c }))
      }))
    },
    {
      id: 'category',
      label: t('interaction.field.category'),
      submenu: [null, ...CATEGORIES].map((c) => ({
        id: `category-${c ?? 'none'}`,
        label: c ? categoryLabel(c) : t('interaction.none'),
        role: 'menuitemradio',
        checked: category === c,
        action: exec(setNoteField(map, ids, { category: c }))
      }))
    },
    {
      id: 'personas',
      label: t('interaction.field.personas'),
      submenu:
        personas.length > 0
          ? personas.map((p) => ({
              id: `persona-${p.id}`,
              label: p.name,
              role: 'menuitemcheckbox',
              checked: allTagged(map, ids, p.id),
              swatch: p.color,
              action: exec(togglePersona(map, ids, p.id))
            }))
          : [{ id: 'no-personas', label: t('interaction.personas.none'), disabled: true }]
    }
  )
  if (single) {
    items.push({
      id: 'pain',
      label: t('interaction.marker.add'),
      separator: true,
      action: { type: 'markerDialog', target: { kind: 'note', noteId: single } }
    })
  }
  items.push(
    {
      id: 'duplicate',
      label: t('interaction.note.duplicate'),
      shortcut: t('interaction.key.duplicate'),
      separator: !single,
      action: { type: 'duplicate', noteIds: ids }
    },
    {
      id: 'delete',
      label: ids.length === 1 ? t('interaction.note.delete') : t('interaction.note.deleteMany', { count: ids.length }),
      shortcut: t('interaction.key.delete'),
      danger: true,
      action: exec([{ name: 'deleteNotes', args: { noteIds: ids } }])
    }
  )
  return items
}

function cellItems(map: JourneyMap, stageId: string, laneId: string, personas: readonly LinkedPersona[]): MenuItem[] {
  const items: MenuItem[] = []
  if (canAddNote(map, stageId, laneId)) {
    items.push({
      id: 'add',
      label: t('interaction.note.add'),
      shortcut: 'N',
      action: { type: 'newNote', stageId, laneId }
    })
  }
  if (laneId === curveLaneId(map)) {
    for (const series of seriesOf(map, personas)) {
      if (pointOf(map, series, stageId)) continue
      items.push({
        id: `point-${series.key}`,
        label: t('interaction.point.addFor', { series: series.name }),
        swatch: series.color,
        action: {
          type: 'setPoint',
          series: { personaId: series.personaId, variant: series.variant },
          stageId,
          score: 0
        }
      })
    }
  }
  if (items.length === 0) items.push({ id: 'nothing', label: t('interaction.menu.nothing'), disabled: true })
  return items
}

function stageItems(map: JourneyMap, stageId: string): MenuItem[] {
  const stages = orderedStages(map)
  const at = stages.findIndex((s) => s.id === stageId)
  const stage = stages[at]
  if (!stage) return []
  return [
    {
      id: 'rename',
      label: t('interaction.stage.rename'),
      shortcut: 'F2',
      action: { type: 'rename', target: { kind: 'stage', id: stageId } }
    },
    { id: 'before', label: t('interaction.stage.addBefore'), separator: true, action: { type: 'addStage', index: at } },
    { id: 'after', label: t('interaction.stage.addAfter'), action: { type: 'addStage', index: at + 1 } },
    {
      id: 'left',
      label: t('interaction.stage.moveLeft'),
      separator: true,
      disabled: at === 0,
      action: exec([{ name: 'moveStage', args: { stageId, index: at - 1 } }])
    },
    {
      id: 'right',
      label: t('interaction.stage.moveRight'),
      disabled: at === stages.length - 1,
      action: exec([{ name: 'moveStage', args: { stageId, index: at + 1 } }])
    },
    {
      id: 'collapse',
      label: stage.collapsed ? t('interaction.expand') : t('interaction.collapse'),
      action: exec([{ name: 'collapseStage', args: { stageId, collapsed: !stage.collapsed } }])
    },
    {
      id: 'delete',
      label: t('interaction.stage.delete'),
      danger: true,
      separator: true,
      disabled: stages.length === 1,
      action: { type: 'deleteStage', stageId }
    }
  ]
}

function laneItems(map: JourneyMap, laneId: string): MenuItem[] {
  const lanes = orderedLanes(map)
  const at = lanes.findIndex((l) => l.id === laneId)
  const lane = lanes[at]
  if (!lane) return []
  const kinds = (index: number, prefix: string): MenuItem[] =>
    LANE_KINDS.map((kind) => ({
      id: `${prefix}-${kind}`,
      label: laneKindLabel(kind),
      action: { type: 'addLane', kind, index }
    }))
  return [
    {
      id: 'rename',
      label: t('interaction.lane.rename'),
      shortcut: 'F2',
      action: { type: 'rename', target: { kind: 'lane', id: laneId } }
    },
    { id: 'above', label: t('interaction.lane.addAbove'), separator: true, submenu: kinds(at, 'above') },
    { id: 'below', label: t('interaction.lane.addBelow'), submenu: kinds(at + 1, 'below') },
    {
      id: 'up',
      label: t('interaction.lane.moveUp'),
      separator: true,
      disabled: at === 0,
      action: exec([{ name: 'moveLane', args: { laneId, index: at - 1 } }])
    },
    {
      id: 'down',
      label: t('interaction.lane.moveDown'),
      disabled: at === lanes.length - 1,
      action: exec([{ name: 'moveLane', args: { laneId, index: at + 1 } }])
    },
    {
      id: 'collapse',
      label: lane.collapsed ? t('interaction.expand') : t('interaction.collapse'),
      action: exec([{ name: 'collapseLane', args: { laneId, collapsed: !lane.collapsed } }])
    },
    {
      id: 'delete',
      label: t('interaction.lane.delete'),
      danger: true,
      separator: true,
      disabled: lanes.length === 1,
      action: { type: 'deleteLane', laneId }
    }
  ]
}

function pointItems(map: JourneyMap, pointId: string): MenuItem[] {
  const point = map.emotionPoints.find((p) => p.id === pointId)
  if (!point) return []
  const { personaId, variant, stageId } = point
  return [
    {
      id: 'pain',
      label: t('interaction.marker.add'),
      action: { type: 'markerDialog', target: { kind: 'curve', personaId, variant, stageId } }
    },
    {
      id: 'score',
      label: t('interaction.point.score'),
      submenu: scaleScores(map).map((score) => ({
        id: `score-${score}`,
        label: formatScore(score),
        role: 'menuitemradio',
        checked: point.score === score,
        action: exec([{ name: 'setEmotionPoint', args: { personaId, variant, stageId, score } }])
      }))
    },
    {
      id: 'remove',
      label: t('interaction.point.remove'),
      danger: true,
      separator: true,
      action: exec([{ name: 'removeEmotionPoint', args: { pointId } }])
    }
  ]
}

function markerItems(map: JourneyMap, markerId: string): MenuItem[] {
  const marker = map.markers.find((m) => m.id === markerId)
  if (!marker) return []
  return [
    {
      id: 'edit',
      label: t('interaction.marker.edit'),
      action: { type: 'markerDialog', target: marker.target, markerId }
    },
    {
      id: 'severity',
      label: t('interaction.marker.severity'),
      submenu: [1, 2, 3].map((severity) => ({
        id: `severity-${severity}`,
        label: t(`interaction.severity.${severity as 1 | 2 | 3}`),
        role: 'menuitemradio',
        checked: marker.severity === severity,
        action: exec([{ name: 'editMarker', args: { markerId, severity } }])
      }))
    },
    {
      id: 'remove',
      label: t('interaction.marker.remove'),
      danger: true,
      separator: true,
      action: exec([{ name: 'removeMarker', args: { markerId } }])
    }
  ]
}
