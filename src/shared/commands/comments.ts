/**
 * Comments on notes (who, when, what, resolved or not) and a note's picture. Both live on the
 * note record (optional fields), so an edit to them is a change of the note like any other:
 * merged per field, undone in one step.
 */
import { z } from 'zod'
import type { Note, NoteComment } from '../model'
import { CommentSchema, IdSchema, LIMITS, NoteImageSchema } from '../schema/entities'
import { defineCommand, invalid, PatchBuilder, requireRecord } from './core'

/** The note with `comments`, the field left out when there are none (as a note that never had any). */
function withComments(note: Note, comments: readonly NoteComment[]): Note {
  const { comments: _old, ...rest } = note
  void _old
  return comments.length > 0 ? { ...rest, comments } : rest
}

function requireComment(note: Note, commentId: string): NoteComment {
  const comment = note.comments?.find((c) => c.id === commentId)
  if (!comment) invalid(`This note has no comment ${commentId}; it may have been deleted meanwhile.`)
  return comment
}

/** Adds a comment to a note, stamped with the author and the time. */
export const addComment = defineCommand(
  'addComment',
  z.object({ noteId: IdSchema, text: CommentSchema.shape.text, author: CommentSchema.shape.author }).strict(),
  (map, { noteId, text, author }, ctx) => {
    const note = requireRecord(map, 'note', noteId)
    const comments = note.comments ?? []
    if (comments.length >= LIMITS.maxCommentsPerNote)
      invalid(`A note can have at most ${LIMITS.maxCommentsPerNote} comments; this one has ${comments.length}.`)
    const id = ctx.newId()
    const builder = new PatchBuilder(map)
    builder.put('note', withComments(note, [...comments, { id, author, at: ctx.now, text, resolved: false }]))
    return builder.build([id])
  }
)

/** Marks a comment resolved (or open again), or changes its text. */
export const editComment = defineCommand(
  'editComment',
  z
    .object({
      noteId: IdSchema,
      commentId: IdSchema,
      resolved: z.boolean().optional(),
      text: CommentSchema.shape.text.optional()
    })
    .strict(),
  (map, { noteId, commentId, resolved, text }) => {
    const note = requireRecord(map, 'note', noteId)
    const comment = requireComment(note, commentId)
    const next = {
      ...comment,
      ...(resolved === undefined ? {} : { resolved }),
      ...(text === undefined ? {} : { text })
    }
    const builder = new PatchBuilder(map)
    builder.put(
      'note',
      withComments(
        note,
        (note.comments ?? []).map((c) => (c.id === commentId ? next : c))
      )
    )
    return builder.build()
  }
)

export const deleteComment = defineCommand(
  'deleteComment',
  z.object({ noteId: IdSchema, commentId: IdSchema }).strict(),
  (map, { noteId, commentId }) => {
    const note = requireRecord(map, 'note', noteId)
    requireComment(note, commentId)
    const builder = new PatchBuilder(map)
    builder.put(
      'note',
      withComments(
        note,
        (note.comments ?? []).filter((c) => c.id !== commentId)
      )
    )
    return builder.build()
  }
)

/** Puts a picture on a note (already downscaled by the caller), or takes it off (null). */
export const setNoteImage = defineCommand(
  'setNoteImage',
  z.object({ noteId: IdSchema, image: NoteImageSchema.nullable() }).strict(),
  (map, { noteId, image }) => {
    const note = requireRecord(map, 'note', noteId)
    const { image: _old, ...rest } = note
    void _old
    const builder = new PatchBuilder(map)
    builder.put('note', image ? { ...rest, image } : rest)
    return builder.build()
  }
)
