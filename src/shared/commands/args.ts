/** Argument pieces several commands share; field limits come from the entity schemas. */
import { z } from 'zod'

/** A title or name: trimmed, and not empty once trimmed. */
export const titleArg = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`)

/** A position in a container, 0 = first; past the end means at the end. */
export const indexArg = z.number().int('index must be a whole number').min(0, 'index must not be negative')

/** A size from a drag: any finite number, clamped to the allowed range by the command. */
export const sizeArg = z.number({ error: 'must be a finite number' })
