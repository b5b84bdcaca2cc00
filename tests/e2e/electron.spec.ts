/**
 * Smoke test of the real desktop app through Playwright's Electron driver. It needs Electron's
 * binary, which cannot be downloaded on the development machines and CI here: then the test is
 * skipped with the reason printed (the web host tests cover the UI in Chromium meanwhile).
 */
import { _electron as electron, expect, test } from '@playwright/test'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '../..')
const mainEntry = join(root, 'out/main/index.js')

/** The Electron executable, or why there is none. */
function electronBinary(): { path: string } | { reason: string } {
  let path: unknown
  try {
    path = createRequire(import.meta.url)('electron')
  } catch {
    return {
      reason:
        "Electron's binary is not installed (node_modules/electron has no dist/; it cannot be downloaded here), " +
        'so the Electron smoke test is skipped; the web host tests cover the UI.'
    }
  }
  if (typeof path !== 'string' || !existsSync(path))
    return { reason: `Electron's binary is missing at ${String(path)}.` }
  if (process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) {
    return { reason: 'No display (DISPLAY/WAYLAND_DISPLAY unset): run under xvfb-run to test the Electron app.' }
  }
  if (!existsSync(join(root, 'node_modules/.journeyboard-electron/better_sqlite3.node'))) {
    return { reason: "Electron's own SQLite module is not built yet: run `npm run rebuild:electron` first." }
  }
  return { path }
}

test('the desktop app opens its window on a fresh library, with only the typed bridge exposed', async () => {
  const binary = electronBinary()
  if ('reason' in binary) {
    console.log(`[electron.spec] skipped: ${binary.reason}`)
    test.skip(true, binary.reason)
    return
  }
  expect(existsSync(mainEntry), `${mainEntry} is missing: run "npx electron-vite build" first`).toBe(true)

  const dir = mkdtempSync(join(tmpdir(), 'journeyboard-electron-'))
  const db = join(dir, 'e2e-library.sqlite')
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value
  delete env['ELECTRON_RUN_AS_NODE']
  delete env['ELECTRON_RENDERER_URL']
  Object.assign(env, { JOURNEYBOARD_DB: db, JOURNEYBOARD_USER_DATA: join(dir, 'profile') })

  // Chromium refuses to start as root with its sandbox on (containers, CI).
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0
  const app = await electron.launch({
    executablePath: binary.path,
    // The project folder: Electron reads package.json (name, version, main: out/main/index.js).
    args: [...(asRoot ? ['--no-sandbox'] : []), root],
    cwd: root,
    env
  })
  try {
    const page = await app.firstWindow()
    await expect(page.getByRole('heading', { level: 1, name: 'Journeyboard' })).toBeVisible()
    expect(await page.title()).toContain('Journeyboard')
    // The library was opened where JOURNEYBOARD_DB says, through IPC (getAppInfo).
    await expect(page.getByText(/Library file: .*e2e-library\.sqlite/)).toBeVisible()

    const exposed = await page.evaluate(() => {
      const w = globalThis as unknown as Record<string, unknown>
      const bridge = w['journeyboard'] as Record<string, unknown> | undefined
      return {
        require: typeof w['require'],
        process: typeof w['process'],
        keys: bridge ? Object.keys(bridge).sort() : []
      }
    })
    expect(exposed.require).toBe('undefined')
    expect(exposed.process).toBe('undefined')
    expect(exposed.keys).toContain('listMaps')
    expect(exposed.keys).toContain('onEvent')
    expect(exposed.keys).not.toContain('ipcRenderer')
    expect(existsSync(db)).toBe(true)

    // Served over app:// (src/main/protocol.ts), with the CSP as a header: an inline script is refused.
    expect(page.url()).toBe('app://journeyboard/index.html')
    const outside = await page.evaluate(async () => (await fetch('app://journeyboard/..%2fmain%2findex.js')).status)
    expect(outside).toBe(403)
    const violated = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true })
          const script = document.createElement('script')
          script.textContent = 'void 0'
          document.head.append(script)
        })
    )
    expect(violated).toBe('script-src-elem')
  } finally {
    await app.close()
    rmSync(dir, { recursive: true, force: true })
  }
})
