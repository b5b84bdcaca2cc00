/**
 * `npm run web -- [--db FILE] [--port N] [--host ADDR] [--new-token]`: the web host's command line.
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
import { startWebHost } from './server'
import { loadOrCreateHostToken } from './token-store'

const DEFAULT_PORT = 4870
const USAGE = 'npm run web -- [--db FILE] [--port N] [--host ADDR] [--new-token]'

function fail(message: string): never {
  process.stderr.write(`journeyboard web: ${message}\n`)
  process.exit(2)
}

function options(): { db: string; port: number | undefined; host: string; newToken: boolean } {
  let values
  try {
    values = parseArgs({
      options: {
        db: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        'new-token': { type: 'boolean' }
      },
      strict: true,
      allowPositionals: false
    }).values
  } catch (error) {
    fail(`${(error as Error).message}. Usage: ${USAGE}`)
  }
  let port: number | undefined
  if (values.port !== undefined) {
    port = Number(values.port)
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      fail(`--port must be a whole number from 0 to 65535, not "${values.port}".`)
  }
  return {
    db: resolve(values.db ?? defaultLibraryPath()),
    port,
    host: values.host ?? '127.0.0.1',
    newToken: values['new-token'] === true
  }
}

async function main(): Promise<void> {
  const opts = options()
  const staticDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../out/renderer')
  if (!existsSync(resolve(staticDir, 'index.html'))) fail('the renderer is not built; run "npm run build:web" first.')
  mkdirSync(dirname(opts.db), { recursive: true })

  let service
  try {
    service = openLibraryService(opts.db)
  } catch (error) {
    fail(error instanceof JourneyError ? error.message : `could not open ${opts.db}: ${(error as Error).message}`)
  }
  const notices = service.readOnly ? [`${opts.db} is read-only: changes cannot be saved.`] : []
  const { token, notice } = loadOrCreateHostToken(opts.db, { renew: opts.newToken })
  if (notice) notices.push(notice)
  const log = (line: string) => process.stderr.write(`${line}\n`)
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

  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    await host.close()
    service.close()
    process.stderr.write('Journeyboard web host stopped; library closed.\n')
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

void main()
