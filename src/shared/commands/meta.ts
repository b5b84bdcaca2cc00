/** The map itself: title, description, emotion scale, linked personas. */
import { z } from 'zod'
import { EmotionScaleSchema, LIMITS, MapMetaSchema } from '../schema/entities'
import { titleArg } from './args'
import { unlinkPersonas } from './cascade'
import { PatchBuilder, clamp, defineCommand, invalid } from './core'

/**
 * Changes the map's own fields. A new emotion scale clamps every existing point into it, and
 * unlinking a persona removes its curves (with their markers) and its tags on notes, all in the
 * same patch, so one undo brings everything back.
 */
export const setMapMeta = defineCommand(
  'setMapMeta',
  z
    .object({
      title: titleArg(LIMITS.title).optional(),
      description: MapMetaSchema.shape.description.optional(),
      emotionScale: EmotionScaleSchema.optional(),
      personaIds: MapMetaSchema.shape.personaIds.optional()
    })
    .strict(),
  (map, { title, description, emotionScale, personaIds }) => {
    const builder = new PatchBuilder(map)
    builder.setMeta({ title, description, emotionScale, personaIds })
    if (emotionScale) {
      for (const point of map.emotionPoints) {
        builder.put('emotionPoint', { ...point, score: clamp(point.score, emotionScale.min, emotionScale.max) })
      }
    }
    if (personaIds) {
      if (new Set(personaIds).size !== personaIds.length) invalid('A persona is listed twice in personaIds.')
      const kept = new Set(personaIds)
      unlinkPersonas(builder, map, new Set(map.personaIds.filter((id) => !kept.has(id))))
    }
    return builder.build()
  }
)
