/** The map itself: title, description, emotion scale, linked personas. */
import { z } from 'zod'
import { reason } from '../errors'
import { EmotionScaleSchema, LIMITS, MapMetaSchema } from '../schema/entities'
import { titleArg } from './args'
import { unlinkPersonas } from './cascade'
import { PatchBuilder, clamp, defineCommand, invalid } from './core'
import { orderedStages } from './stages'

/**
 * Changes the map's own fields. A new emotion scale clamps every existing point into it, and
 * unlinking a persona removes its curves (with their markers) and its tags on notes, all in the
 * same patch, so one undo brings everything back. With `seedCurves`, a newly linked persona
 * without points gets a flat as-is curve (neutral at every stage) in that same patch, so the
 * curve shows on the board at once and one undo takes both away.
 */
export const setMapMeta = defineCommand(
  'setMapMeta',
  z
    .object({
      title: titleArg(LIMITS.title).optional(),
      description: MapMetaSchema.shape.description.optional(),
      emotionScale: EmotionScaleSchema.optional(),
      personaIds: MapMetaSchema.shape.personaIds.optional(),
      seedCurves: z.boolean().default(false)
    })
    .strict(),
  (map, { title, description, emotionScale: scaleArg, personaIds, seedCurves }, ctx) => {
    // `+ 0` turns -0 into 0, which the library stores as 0: the scale must read back as written.
    const emotionScale = scaleArg && { min: scaleArg.min + 0, max: scaleArg.max + 0 }
    const builder = new PatchBuilder(map)
    builder.setMeta({ title, description, emotionScale, personaIds })
    if (emotionScale) {
      for (const point of map.emotionPoints) {
        builder.put('emotionPoint', { ...point, score: clamp(point.score, emotionScale.min, emotionScale.max) })
      }
    }
    const createdIds: string[] = []
    if (personaIds) {
      if (new Set(personaIds).size !== personaIds.length)
        invalid('A persona is listed twice in personaIds.', reason('edit.personaTwice'))
      const kept = new Set(personaIds)
      unlinkPersonas(builder, map, new Set(map.personaIds.filter((id) => !kept.has(id))))
      if (seedCurves) {
        const scale = emotionScale ?? map.emotionScale
        const neutral = clamp(0, scale.min, scale.max)
        const hasPoints = new Set(map.emotionPoints.map((p) => p.personaId))
        const stages = orderedStages(map)
        for (const personaId of personaIds) {
          if (map.personaIds.includes(personaId) || hasPoints.has(personaId)) continue
          for (const stage of stages) {
            const id = ctx.newId()
            createdIds.push(id)
            builder.put('emotionPoint', { id, personaId, variant: 'asIs', stageId: stage.id, score: neutral, note: '' })
          }
        }
      }
    }
    return builder.build(createdIds)
  }
)
