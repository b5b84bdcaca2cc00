/** The emotion curve and the pain-point markers on it or on notes. */
import { z } from 'zod'
import { reason } from '../errors'
import type { EmotionPoint, JourneyMap, MarkerTarget, SeriesVariant } from '../model'
import { EmotionPointSchema, IdSchema, MarkerSchema, MarkerTargetSchema } from '../schema/entities'
import { SeriesVariantSchema } from '../schema/enums'
import { deleteCurveMarkers } from './cascade'
import { PatchBuilder, clamp, defineCommand, definedOnly, invalid, requireLinkedPersona, requireRecord } from './core'

/** The point of a series over a stage, if there is one. */
export function findEmotionPoint(
  map: JourneyMap,
  personaId: string | null,
  variant: SeriesVariant,
  stageId: string,
  pathId?: string
): EmotionPoint | undefined {
  return map.emotionPoints.find(
    (p) => p.personaId === personaId && p.variant === variant && p.stageId === stageId && p.pathId === pathId
  )
}

/**
 * Sets the score of a series over a stage, creating the point if there is none. The score is
 * clamped to the map's scale (a drag past the edge sticks to the edge); `note` is kept when
 * left out.
 */
export const setEmotionPoint = defineCommand(
  'setEmotionPoint',
  z
    .object({
      personaId: IdSchema.nullable().default(null),
      variant: SeriesVariantSchema.default('asIs'),
      stageId: IdSchema,
      score: z.number({ error: 'score must be a finite number' }),
      note: EmotionPointSchema.shape.note.optional(),
      /** The path whose series this is; left out: the series every path shares. */
      pathId: IdSchema.optional()
    })
    .strict(),
  (map, { personaId, variant, stageId, score, note, pathId }, ctx) => {
    requireRecord(map, 'stage', stageId)
    if (pathId) requireRecord(map, 'path', pathId)
    requireLinkedPersona(map, personaId)
    const clamped = clamp(score, map.emotionScale.min, map.emotionScale.max)
    const existing = findEmotionPoint(map, personaId, variant, stageId, pathId)
    const builder = new PatchBuilder(map)
    if (existing) {
      builder.put('emotionPoint', { ...existing, score: clamped, note: note ?? existing.note })
      return builder.build()
    }
    const id = ctx.newId()
    builder.put('emotionPoint', {
      id,
      personaId,
      variant,
      stageId,
      score: clamped,
      note: note ?? '',
      ...(pathId ? { pathId } : {})
    })
    return builder.build([id])
  }
)

/** Removes a point from its curve, with the markers pinned to it. */
export const removeEmotionPoint = defineCommand(
  'removeEmotionPoint',
  z.object({ pointId: IdSchema }).strict(),
  (map, { pointId }) => {
    const point = requireRecord(map, 'emotionPoint', pointId)
    const builder = new PatchBuilder(map)
    builder.delete('emotionPoint', pointId)
    deleteCurveMarkers(
      builder,
      map,
      (t) => t.stageId === point.stageId && t.personaId === point.personaId && t.variant === point.variant
    )
    return builder.build()
  }
)

function requireMarkerTarget(map: JourneyMap, target: MarkerTarget): void {
  if (target.kind === 'note') {
    requireRecord(map, 'note', target.noteId)
    return
  }
  requireRecord(map, 'stage', target.stageId)
  requireLinkedPersona(map, target.personaId)
  if (!findEmotionPoint(map, target.personaId, target.variant, target.stageId)) {
    invalid(
      'A curve marker needs a point on that curve over that stage; set the point first.',
      reason('edit.curveMarker')
    )
  }
}

const markerFields = MarkerSchema.shape

/** Pins a pain-point marker (severity 1–3) to a note or to a point of the emotion curve. */
export const addMarker = defineCommand(
  'addMarker',
  z
    .object({
      target: MarkerTargetSchema,
      severity: markerFields.severity.default(2),
      label: markerFields.label.default('')
    })
    .strict(),
  (map, { target, severity, label }, ctx) => {
    requireMarkerTarget(map, target)
    const id = ctx.newId()
    const builder = new PatchBuilder(map)
    builder.put('marker', { id, severity, label, target })
    return builder.build([id])
  }
)

/** Changes a marker's severity and/or label. */
export const editMarker = defineCommand(
  'editMarker',
  z
    .object({ markerId: IdSchema, severity: markerFields.severity.optional(), label: markerFields.label.optional() })
    .strict(),
  (map, { markerId, ...changes }) => {
    const marker = requireRecord(map, 'marker', markerId)
    const builder = new PatchBuilder(map)
    builder.put('marker', { ...marker, ...definedOnly(changes) })
    return builder.build()
  }
)

export const removeMarker = defineCommand(
  'removeMarker',
  z.object({ markerId: IdSchema }).strict(),
  (map, { markerId }) => {
    requireRecord(map, 'marker', markerId)
    const builder = new PatchBuilder(map)
    builder.delete('marker', markerId)
    return builder.build()
  }
)
