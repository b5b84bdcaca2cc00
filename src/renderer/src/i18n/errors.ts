/**
 * Errors in the user's language. The library and the importers send a code with parameters
 * (`reason`) next to an English sentence; in English the sentence is shown as it is (it says
 * the most), in any other language the reason is, or, for an error without one, a sentence for
 * its error code, so no English reaches a Russian, Thai or Chinese screen.
 */
import { JourneyError, type Issue, type Reason } from '../../../shared/errors'
import type { Translate } from '../../../shared/i18n/format'
import { REASONS_EN, reasonTranslator, type ReasonId } from '../../../shared/i18n/reasons'
import type { Language } from '../../../shared/i18n/languages'
import { getLanguage, t } from '.'

const translators = new Map<Language, Translate<ReasonId>>()

function reasons(): Translate<ReasonId> {
  const language = getLanguage()
  let translate = translators.get(language)
  if (!translate) {
    translate = reasonTranslator(language)
    translators.set(language, translate)
  }
  return translate
}

export function reasonText(r: Reason): string {
  return reasons()(r.id, r.params)
}

/** A thrown value as one sentence for the person in front of the screen. */
export function errorText(error: unknown): string {
  const english = getLanguage() === 'en'
  if (error instanceof JourneyError) {
    if (english) return error.message
    return error.reason ? reasonText(error.reason) : reasons()(`code.${error.code}`)
  }
  if (english && error instanceof Error && error.message) return error.message
  return reasons()('code.internal')
}

/** One problem of a file or payload, without its place (see whereText). */
export function issueText(issue: Issue): string {
  if (getLanguage() === 'en') return issue.message
  return issue.reason ? reasonText(issue.reason) : reasons()('issue.generic')
}

/**
 * Where a problem is: "line 3, column "stage"" and "line 3" in the reader's words; JSON paths
 * (`map.notes[3].text`) stay as they are, they name fields of the file.
 */
export function whereText(path: string): string {
  if (getLanguage() === 'en') return path
  const cell = /^line (\d+), column "?(.*?)"?$/.exec(path)
  if (cell) return reasons()('where.cell', { line: Number(cell[1]), column: cell[2]! })
  const line = /^line (\d+)$/.exec(path)
  if (line) return reasons()('where.line', { line: Number(line[1]) })
  const column = /^column "(.*)"$/.exec(path)
  if (column) return reasons()('where.column', { column: column[1]! })
  if (path === '(file)') return reasons()('where.file')
  return path
}

/** A save failure of the editing engine (code, English sentence, reason) in the user's words. */
export function failureText(failure: {
  readonly code: string
  readonly message: string | null
  readonly why?: { readonly id: string; readonly params: Readonly<Record<string, string | number>> }
}): string {
  if (getLanguage() === 'en') return failure.message ?? t('editor.reason.unknown')
  if (failure.why && failure.why.id in REASONS_EN) return reasonText(failure.why as Reason)
  const code = `code.${failure.code}`
  return code in REASONS_EN ? reasons()(code as ReasonId) : t('editor.reason.unknown')
}
