/**
 * Saving an export to a file the user picks. In Electron the renderer cannot open a save dialog
 * or write files: it hands the bytes to the main process over one IPC channel, validated there
 * with this schema; the web host uses a browser download instead. Pure: shared by both sides.
 */
import { z } from 'zod'

export { IPC_SAVE_FILE_CHANNEL } from './ipc'

/** Larger than any PNG a browser canvas can hold, compressed. */
export const MAX_SAVE_BYTES = 1024 * 1024 * 1024

export const SaveExportFileSchema = z
  .object({
    /** File name offered in the dialog, without folders: "Onboarding.pdf". */
    suggestedName: z
      .string()
      .min(1, 'the file name is empty')
      .max(255, 'the file name is longer than 255 characters')
      .refine(
        // eslint-disable-next-line no-control-regex
        (name) => !/[/\\\u0000-\u001f]/.test(name) && name !== '.' && name !== '..',
        'the file name must not hold folders'
      ),
    /** The file's content. */
    bytes: z
      .custom<Uint8Array>((value) => value instanceof Uint8Array, { message: 'the content must be bytes' })
      .refine((bytes) => bytes.byteLength <= MAX_SAVE_BYTES, 'the file is larger than 1 GB'),
    /** File types the dialog offers, e.g. { name: 'PDF document', extensions: ['pdf'] }. */
    filters: z
      .array(
        z
          .object({
            name: z.string().min(1).max(100),
            extensions: z
              .array(z.string().regex(/^[A-Za-z0-9]{1,10}$/, 'an extension is letters and digits'))
              .min(1)
              .max(10)
          })
          .strict()
      )
      .max(5)
  })
  .strict()

export type SaveExportFileRequest = z.input<typeof SaveExportFileSchema>

/** Where the file went; `saved: false` when the user cancelled the dialog. */
export type SaveExportFileResult = { readonly saved: true; readonly path: string } | { readonly saved: false }
