/**
 * The CLI's messages to a person (errors on stderr) in `--lang` or the environment's language
 * (LC_ALL, LC_MESSAGES, LANG); C and POSIX mean English. What it prints for scripts on stdout
 * (ids, JSON, CSV headers, the analysis report) stays English whatever the language.
 */
import type { JourneyError } from '../shared/errors'
import { type Issue } from '../shared/errors'
import { matchLanguage, type Language } from '../shared/i18n/languages'
import { reasonTranslator } from '../shared/i18n/reasons'

/** The language asked for: `--lang`, else the locale variables (the first one set, as POSIX reads them). */
export function cliLanguage(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Language {
  if (flag !== undefined) return matchLanguage([flag])
  const locale = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || ''
  return matchLanguage([locale])
}

/** An error's lines for stderr: the sentence, then up to 19 more problems with their place. */
export function errorLines(error: JourneyError, language: Language): string[] {
  if (language === 'en') {
    return [error.message, ...error.issues.slice(1, 20).map((issue) => `  ${issue.path}: ${issue.message}`)]
  }
  const say = reasonTranslator(language, { isolate: false })
  const head = error.reason ? say(error.reason.id, error.reason.params) : say(`code.${error.code}`)
  const problem = (issue: Issue) => (issue.reason ? say(issue.reason.id, issue.reason.params) : say('issue.generic'))
  // With a reason, the first problem is not in the sentence (it is, in English): list them all.
  const issues = error.reason ? error.issues.slice(0, 20) : error.issues.slice(1, 20)
  return [head, ...issues.map((issue) => `  ${where(issue.path, language)}: ${problem(issue)}`)]
}

function where(path: string, language: Language): string {
  const say = reasonTranslator(language, { isolate: false })
  const cell = /^line (\d+), column "?(.*?)"?$/.exec(path)
  if (cell) return say('where.cell', { line: Number(cell[1]), column: cell[2]! })
  const line = /^line (\d+)$/.exec(path)
  if (line) return say('where.line', { line: Number(line[1]) })
  if (path === '(file)') return say('where.file')
  return path
}
