/**
 * `npm run cli -- <command> [--db FILE]`: headless commands over the library.
 * Exit 0 on success; on a user error, exit 1 with what was wrong on stderr — never a stack trace.
 */
import { cliLanguage, errorLines } from './messages'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { basename, dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { openLibraryService } from '../library'
import { defaultLibraryPath } from '../library/default-path'
import { backupLibrary, checkLibrary } from '../library/maintenance'
import type { LibraryService } from '../library/service-types'
import type { ApiRequest } from '../shared/api/contract'
import { parseApiCall } from '../shared/api/validate'
import { TemplateIdSchema } from '../shared/schema/enums'
import { analysisReport, type AnalysisReport } from '../shared/analysis/report'
import { JourneyError, reason } from '../shared/errors'
import { DIFF_USAGE, DiffUsageError, diffCommand } from './diff'
import {
  EXPORT_USAGE,
  ExchangeUsageError,
  carriesMap,
  exportAllToFolder,
  exportArgOptions,
  exportMapToFile,
  importFile,
  parseExportOptions,
  writerIfFree
} from './exchange'

const USAGE = `usage: npm run cli -- <command> [options] [--db FILE] [--lang en|ru|bg|th|zh]
  list [--json]                                  list maps
  new --template saas|b2b|blueprint|blank --title TEXT   create a map, print its id
  import FILE                                    import a .journeymap, JSON, CSV or Mermaid journey file
                                                 (told apart by content) or a PDF/PNG/SVG exported with
                                                 its map, print the new map id
${EXPORT_USAGE}
${DIFF_USAGE}
  export MAP --format … --path NAME             one path of the map (its stages, notes, curve and KPIs):
                                                 PDF, PNG, SVG, CSV or Mermaid journey of that path
  metrics import MAP FILE [--mapping NAME] [--date YYYY-MM-DD] [--json]
                                                 import KPI values from a CSV or XLSX export (GA4,
                                                 Yandex.Metrica, HubSpot, Salesforce, or columns named
                                                 stage, metric, value, date); bad rows are listed by line
                                                 and column and nothing is imported
  metrics mappings [--json]                      list the ready and saved metric mappings
  analyze MAP [--json]                           print the map's gaps, hotspots, bottlenecks, inconsistencies
                                                 and ranked opportunities
  personas [--json]                              list personas and the maps they are linked to
  snapshot MAP --name TEXT                       save a named snapshot of a map, print its id
  check                                          check the library file and every map
  backup --out FILE                              write a consistent copy of the library
  upgrade                                        upgrade a library saved by an older version (a copy
                                                 of the old file is kept)
list, export, analyze, personas, check and backup only read: they work while the app has the
library open, and never change the file. --lang (or LANG) sets the language of error messages
and of a new map's stages and lanes; what the commands print for scripts stays English.`

class UsageError extends Error {}

type Values = { [k: string]: string | boolean | undefined }

function required(values: Values, name: string): string {
  const value = values[name]
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`)
  return value
}

async function findMap(service: LibraryService, ref: string): Promise<string> {
  const maps = await service.call('listMaps', {})
  const byId = maps.find((m) => m.id === ref)
  if (byId) return byId.id
  const byTitle = maps.filter((m) => m.title === ref)
  if (byTitle.length === 1 && byTitle[0]) return byTitle[0].id
  if (byTitle.length > 1) {
    throw new JourneyError(
      'invalid_request',
      `${byTitle.length} maps are titled "${ref}"; use an id: ${byTitle.map((m) => m.id).join(', ')}`
    )
  }
  throw new JourneyError('not_found', `No map has the id or title "${ref}" (npm run cli -- list shows them).`)
}

/**
 * Runs one command. `library()` opens the library on first use, as a reader for the commands
 * that only read; each command checks its own arguments first, so a usage mistake is reported
 * as such even when the library cannot be opened.
 */
async function run(
  command: string,
  positionals: string[],
  values: Values,
  library: (access: 'read' | 'write') => LibraryService
): Promise<void> {
  const out = (line: string): void => {
    process.stdout.write(`${line}\n`)
  }
  const mapRef = (what: string): string => {
    const ref = positionals[0]
    if (!ref) throw new UsageError(`${what} needs a MAP (id or exact title)`)
    return ref
  }
  switch (command) {
    case 'list': {
      const maps = await library('read').call('listMaps', {})
      if (values.json) return out(JSON.stringify(maps, null, 2))
      if (maps.length === 0) return out('No maps.')
      for (const m of maps)
        out(
          `${m.id}  ${m.updatedAt.slice(0, 16).replace('T', ' ')}  ${String(m.noteCount).padStart(5)} notes  ${m.title}`
        )
      return
    }
    case 'new': {
      const template = TemplateIdSchema.safeParse(required(values, 'template'))
      if (!template.success) throw new UsageError(`--template must be one of ${TemplateIdSchema.options.join(', ')}`)
      const title = required(values, 'title')
      const language = cliLanguage(typeof values.lang === 'string' ? values.lang : undefined)
      const map = await library('write').call('createMap', { template: template.data, title, language })
      return out(map.id)
    }
    case 'import': {
      const file = positionals[0]
      if (!file) throw new UsageError('import needs a FILE')
      const { map, notices } = await importFile(library('write'), file)
      for (const notice of notices) process.stderr.write(`${notice}\n`)
      return out(map.id)
    }
    case 'export': {
      const ref = positionals[0]
      let options
      try {
        options = { ...parseExportOptions(values), out: resolve(required(values, 'out')) }
      } catch (error) {
        throw error instanceof ExchangeUsageError ? new UsageError(error.message) : error
      }
      // A file that carries the map is remembered as saved to a file, when the library is free to write.
      const { service, note } = carriesMap(options.request)
        ? writerIfFree(library)
        : { service: library('read'), note: null }
      if (note) process.stderr.write(`${note}\n`)
      if (options.all) {
        if (ref) throw new UsageError('export --all takes no MAP')
        if (typeof values.path === 'string') throw new UsageError('export --path takes one MAP, not --all')
        for (const line of await exportAllToFolder(service, options.request, options.out)) out(line)
        return
      }
      if (!ref) throw new UsageError('export needs a MAP (id or exact title), or --all')
      const path = typeof values.path === 'string' ? values.path : undefined
      if (positionals.length > 1) {
        // A path is one map's: several maps are exported whole.
        if (path !== undefined) throw new UsageError('export --path takes one MAP')
        // Several maps: --out is a folder, one file per map named after it.
        const ids: string[] = []
        for (const each of positionals) ids.push(await findMap(service, each))
        for (const line of await exportAllToFolder(service, options.request, options.out, ids)) out(line)
        return
      }
      const notes = await exportMapToFile(service, await findMap(service, ref), { ...options, path })
      for (const note of notes) process.stderr.write(`${note}\n`)
      return out(options.out)
    }
    case 'diff': {
      // Files need no library (git runs this in any repository); a map of the library opens it to read.
      for (const line of await diffCommand(positionals, () => library('read'))) out(line)
      return
    }
    case 'metrics':
      return metricsCommand(positionals, values, library, out)
    case 'analyze': {
      const ref = mapRef('analyze')
      const service = library('read')
      const map = await service.call('getMap', { id: await findMap(service, ref) })
      const report = analysisReport(map, await service.call('listPersonas', {}))
      if (values.json) return out(JSON.stringify(report, null, 2))
      return printReport(report, out)
    }
    case 'personas': {
      const service = library('read')
      const personas = await service.call('listPersonas', {})
      if (values.json) return out(JSON.stringify(personas, null, 2))
      if (personas.length === 0) return out('No personas.')
      const maps = [...(await service.call('listMaps', {})), ...(await service.call('listTrash', {}))]
      for (const p of personas) {
        const linked = maps.filter((m) => m.personaIds.includes(p.id)).length
        const role = p.role ? `  ${p.role}` : ''
        out(`${p.id}  ${p.initials.padEnd(3)}  ${p.name}${role}  (${linked} ${linked === 1 ? 'map' : 'maps'})`)
      }
      return
    }
    case 'snapshot': {
      const ref = mapRef('snapshot')
      const name = required(values, 'name')
      const service = library('write')
      // The library trusts what it is handed; the CLI checks the name the way the app's transports do.
      const { req } = parseApiCall('createSnapshot', { mapId: await findMap(service, ref), name })
      const info = await service.call('createSnapshot', req as ApiRequest<'createSnapshot'>)
      return out(info.id)
    }
    case 'upgrade': {
      const info = await library('write').call('getAppInfo', {})
      const upgraded = info.notices.filter((n) => /upgraded/.test(n))
      return out(upgraded.length > 0 ? upgraded.join('\n') : 'The library is already in the current format.')
    }
    case 'check': {
      const report = await checkLibrary(libraryFile(values))
      for (const problem of report.problems) process.stderr.write(`${problem}\n`)
      out(
        `${report.ok ? 'ok' : 'problems found'}: ${report.maps} maps, ${report.notes} notes, ${report.personas} personas in ${report.path}`
      )
      if (!report.ok) process.exitCode = 1
      return
    }
    case 'backup': {
      const target = resolve(required(values, 'out'))
      await backupLibrary(libraryFile(values), target)
      return out(target)
    }
    default:
      throw new UsageError(`unknown command "${command}"`)
  }
}

async function metricsCommand(
  positionals: string[],
  values: Values,
  library: (access: 'read' | 'write') => LibraryService,
  out: (line: string) => void
): Promise<void> {
  const [sub, ref, file] = positionals
  if (sub === 'mappings') {
    const { ready, saved } = await library('read').call('listMetricMappings', {})
    if (values.json) return out(JSON.stringify({ ready, saved }, null, 2))
    for (const m of saved) out(`saved  ${m.name}${m.tool ? `  (${m.tool})` : ''}`)
    for (const m of ready) out(`ready  ${m.name}${m.tool ? `  (${m.tool})` : ''}`)
    return
  }
  if (sub !== 'import') throw new UsageError('metrics needs "import" or "mappings"')
  if (!ref || !file) throw new UsageError('metrics import needs a MAP and a FILE')
  const path = resolve(file)
  if (!existsSync(path))
    throw new JourneyError(
      'not_found',
      `There is no file ${JSON.stringify(path)}.`,
      [],
      reason('metrics.noFile', { file: path })
    )
  const bytes = readFileSync(path)
  const service = library('write')
  const { req } = parseApiCall('importMetrics', {
    mapId: await findMap(service, ref),
    fileName: basename(path),
    data: bytes.toString('base64'),
    encoding: 'base64',
    ...(typeof values.mapping === 'string' ? { mappingName: values.mapping } : {}),
    ...(typeof values.date === 'string' ? { date: values.date } : {})
  })
  const result = await service.call('importMetrics', req as ApiRequest<'importMetrics'>)
  if (values.json) return out(JSON.stringify(result, null, 2))
  const { summary } = result
  const span =
    summary.firstDate === summary.lastDate ? summary.firstDate : `${summary.firstDate} to ${summary.lastDate}`
  out(
    `Imported ${summary.values} values from ${summary.rows} rows with "${result.mapping.name}" (${span}) onto ${summary.stages.join(', ')}` +
      (summary.createdMetrics > 0 ? `; ${summary.createdMetrics} new KPIs` : '')
  )
}

const libraryFile = (values: Values): string =>
  resolve(typeof values.db === 'string' ? values.db : defaultLibraryPath())

function printReport(report: AnalysisReport, out: (line: string) => void): void {
  out(`Analysis of "${report.map.title}" (${report.map.id})`)
  for (const section of report.sections) {
    out('')
    out(`${section.title} (${section.findings.length})`)
    if (section.findings.length === 0) out('  none')
    for (const finding of section.findings) out(`  ${'!'.repeat(finding.severity).padEnd(3)} ${finding.message}`)
  }
}

async function main(): Promise<void> {
  let parsed
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      options: {
        db: { type: 'string' },
        json: { type: 'boolean' },
        template: { type: 'string' },
        title: { type: 'string' },
        name: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        lang: { type: 'string' },
        mapping: { type: 'string' },
        path: { type: 'string' },
        date: { type: 'string' },
        ...exportArgOptions()
      },
      allowPositionals: true,
      strict: true
    })
  } catch (error) {
    process.stderr.write(`journeyboard: ${(error as Error).message}\n${USAGE}\n`)
    process.exit(2)
  }
  const [command, ...positionals] = parsed.positionals
  if (!command) {
    process.stderr.write(`${USAGE}\n`)
    process.exit(2)
  }
  let service: LibraryService | undefined
  // Readers take no lock and never write, so they work beside the app or the web host.
  const library = (access: 'read' | 'write'): LibraryService => {
    if (service) return service
    const db = libraryFile(parsed.values)
    if (access === 'read') return (service = openLibraryService(db, { readOnly: true }))
    if (command === 'upgrade' && !existsSync(db))
      throw new JourneyError('not_found', `There is no library at ${JSON.stringify(db)}.`)
    mkdirSync(dirname(db), { recursive: true })
    return (service = openLibraryService(db))
  }
  try {
    await run(command, positionals, parsed.values, library)
  } catch (error) {
    if (error instanceof UsageError || error instanceof DiffUsageError) {
      process.stderr.write(`journeyboard: ${error.message}\n${USAGE}\n`)
      process.exitCode = 2
    } else if (error instanceof JourneyError) {
      const [head, ...rest] = errorLines(
        error,
        cliLanguage(typeof parsed.values.lang === 'string' ? parsed.values.lang : undefined)
      )
      process.stderr.write(`journeyboard: ${head}\n`)
      for (const line of rest) process.stderr.write(`${line}\n`)
      process.exitCode = 1
    } else {
      process.stderr.write(`journeyboard: unexpected error: ${(error as Error).message ?? String(error)}\n`)
      process.exitCode = 1
    }
  } finally {
    service?.close()
  }
}

void main()
