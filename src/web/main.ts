/**
 * `npm run web -- [--db FILE] [--port N] [--host ADDR] [--new-token] [--lan [--lan-host ADDR]
 * [--lan-port N] [--lan-map ID]]`: the web host's command line.
 * Prints exactly one line with the URL (the token in its fragment) once it is ready; Ctrl-C closes
 * it cleanly. The token is kept beside the library (token-store.ts), so a host restarted with the
 * same --db and --port takes the open tabs back; --new-token makes a new one.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import { openLibraryService } from '../library'
import { defaultLibraryPath } from '../library/default-path'
import { JourneyError } from '../shared/errors'
import { LiveHub } from '../live/hub'
import { participantNetwork } from '../live/server'
import { liveStateFile } from '../live/state-file'
import { withLive } from '../live/with-live'
import { startWebHost } from './server'
import { loadOrCreateHostToken } from './token-store'

const DEFAULT_PORT = 4870
/** Where participants join, unless told otherwise (a session that resumes keeps its own port). */
const DEFAULT_LAN_PORT = 4871
const USAGE =
  'npm run web -- [--db FILE] [--port N] [--host ADDR] [--new-token] [--lan [--lan-host ADDR] [--lan-port N] [--lan-map ID]]'

function fail(message: string): never {
  process.stderr.write(`journeyboard web: ${message}\n`)
  process.exit(2)
}

interface Options {
  db: string
  port: number | undefined
  host: string
  newToken: boolean
  lan: boolean
  lanHost: string | undefined
  lanPort: number
  lanMap: string | undefined
}

function portOf(flag: string, value: string): number {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`${flag} must be a whole number from 0 to 65535, not "${value}".`)
  return port
}

function options(): Options {
  let values
  try {
    values = parseArgs({
      options: {
        db: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        'new-token': { type: 'boolean' },
        lan: { type: 'boolean' },
        'lan-host': { type: 'string' },
        'lan-port': { type: 'string' },
        'lan-map': { type: 'string' }
      },
      strict: true,
      allowPositionals: false
    }).values
  } catch (error) {
    fail(`${(error as Error).message}. Usage: ${USAGE}`)
  }
  const port = values.port === undefined ? undefined : portOf('--port', values.port)
  if (!values.lan && values['lan-map'] !== undefined)
    fail(`--lan-map starts a session with participants: add --lan. Usage: ${USAGE}`)
  return {
    db: resolve(values.db ?? defaultLibraryPath()),
    port,
    host: values.host ?? '127.0.0.1',
    newToken: values['new-token'] === true,
    lan: values.lan === true,
    lanHost: values['lan-host'],
    lanPort: values['lan-port'] === undefined ? DEFAULT_LAN_PORT : portOf('--lan-port', values['lan-port']),
    lanMap: values['lan-map']
  }
}

async function main(): Promise<void> {
  const opts = options()
  const staticDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../out/renderer')
  if (!existsSync(resolve(staticDir, 'index.html'))) fail('the renderer is not built; run "npm run build:web" first.')
  mkdirSync(dirname(opts.db), { recursive: true })

  let library
  try {
    library = openLibraryService(opts.db)
  } catch (error) {
    fail(error instanceof JourneyError ? error.message : `could not open ${opts.db}: ${(error as Error).message}`)
  }
  const notices = library.readOnly ? [`${opts.db} is read-only: changes cannot be saved.`] : []
  const { token, notice } = loadOrCreateHostToken(opts.db, { renew: opts.newToken })
  if (notice) notices.push(notice)
  const log = (line: string) => process.stderr.write(`${line}\n`)
  // Participants are served only once a session starts (the Invite participants dialog, or --lan).
  const hub = new LiveHub({ service: library, stateFile: liveStateFile(opts.db), log, port: opts.lanPort })
  hub.setNetwork(participantNetwork({ hub, staticDir, host: opts.lanHost, log }))
  const service = withLive(library, hub)
  let host
  try {
    host = await startWebHost({ service, staticDir, token, host: opts.host, port: opts.port ?? DEFAULT_PORT, log })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE' && opts.port === undefined) {
      host = await startWebHost({ service, staticDir, token, host: opts.host, port: 0, log })
      notices.push(
        `port ${DEFAULT_PORT} is in use, so this run serves on port ${host.port}; pass --port to keep one address across restarts.`
      )
    } else {
      service.close()
      fail(
        code === 'EADDRINUSE'
          ? `port ${opts.port} is already in use; pick another with --port.`
          : (error as Error).message
      )
    }
  }
  for (const line of notices) process.stderr.write(`journeyboard web: ${line}\n`)
  process.stdout.write(`Journeyboard is running at ${host.url}\n`)
  if (opts.lan) await startLan(hub, library, opts)
  else if (hub.status().state === 'interrupted')
    process.stderr.write(
      'journeyboard web: a session with participants was interrupted; resume it from Invite participants (or run with --lan).\n'
    )

  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    await host.close()
    await hub.close()
    service.close()
    process.stderr.write('Journeyboard web host stopped; library closed.\n')
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

/** --lan: resumes the interrupted session, or starts one on --lan-map (default: the map changed last). */
async function startLan(hub: LiveHub, library: ReturnType<typeof openLibraryService>, opts: Options): Promise<void> {
  try {
    let status
    if (hub.status().state === 'interrupted' && (!opts.lanMap || hub.status().mapId === opts.lanMap)) {
      status = await hub.resume()
    } else {
      let mapId = opts.lanMap
      if (!mapId) {
        const maps = await library.call('listMaps', {})
        const latest = [...maps].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0]
        if (!latest) fail('--lan needs a map: the library has none yet. Create one first, or pass --lan-map ID.')
        mapId = latest.id
      }
      status = await hub.start(mapId)
    }
    const first = status.addresses[0]
    if (!first) fail('no network address to serve participants on; pass --lan-host ADDR.')
    process.stderr.write(`journeyboard web: participants join "${status.mapTitle ?? ''}" (code ${status.code}).\n`)
    if (status.problem) process.stderr.write(`journeyboard web: ${status.problem}\n`)
    process.stdout.write(`Participants join at ${first.url}\n`)
  } catch (error) {
    fail(error instanceof JourneyError ? error.message : (error as Error).message)
  }
}

void main()
