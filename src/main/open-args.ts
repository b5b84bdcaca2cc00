/** Which command-line arguments are files to open (pure: unit-tested without Electron). */
import { extname, resolve } from 'node:path'

/** What File ▸ Open… offers, and what a path on the command line may be. */
export const OPENABLE_EXTENSIONS: readonly string[] = [
  'journeymap',
  'json',
  'csv',
  'tsv',
  'mmd',
  'mermaid',
  'pdf',
  'png',
  'svg'
]

/**
 * The files named on a command line (a launch by double-click, or a second launch): arguments
 * that are not switches and end in an extension the app opens, made absolute against `cwd`. The
 * caller leaves out the executable (and, unpackaged, the app's folder).
 */
export function filesInArgs(args: readonly string[], cwd: string): string[] {
  return args
    .filter((a) => !a.startsWith('-') && OPENABLE_EXTENSIONS.includes(extname(a).slice(1).toLowerCase()))
    .map((a) => resolve(cwd, a))
}
