/**
 * The desktop shell's app:// scheme, without Electron: the pure path resolver (confined to the
 * bundled renderer folder), the handler over real files with standard Request/Response, the
 * scheme's privileges, and the URL check every guard shares.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { APP_INDEX_URL, isAppUrl, resolveAppLocation, type AppLocation } from '../../src/main/app-url'
import { createAppProtocolHandler, registerAppScheme, resolveAppRequest } from '../../src/main/protocol'
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp'
import { tempDir } from '../library/helpers'

const ROOT = '/opt/Journeyboard/resources/app.asar/out/renderer'

describe('resolveAppRequest', () => {
  it('maps the app’s own URLs to files inside the renderer folder', () => {
    expect(resolveAppRequest(ROOT, 'app://journeyboard/index.html')).toEqual({
      ok: true,
      file: join(ROOT, 'index.html'),
      type: 'text/html; charset=utf-8'
    })
    expect(resolveAppRequest(ROOT, 'app://journeyboard/')).toMatchObject({ ok: true, file: join(ROOT, 'index.html') })
    expect(resolveAppRequest(ROOT, 'app://journeyboard')).toMatchObject({ ok: true, file: join(ROOT, 'index.html') })
    expect(resolveAppRequest(ROOT, 'app://JourneyBoard/assets/index-DPVZ-Tns.js?v=1#x')).toEqual({
      ok: true,
      file: join(ROOT, 'assets', 'index-DPVZ-Tns.js'),
      type: 'text/javascript; charset=utf-8'
    })
    expect(resolveAppRequest(ROOT, 'app://journeyboard/assets/NotoSans%20Regular.ttf')).toMatchObject({
      ok: true,
      file: join(ROOT, 'assets', 'NotoSans Regular.ttf'),
      type: 'font/ttf'
    })
  })

  it.each([
    ['dot segments', 'app://journeyboard/../../../etc/passwd', 'etc/passwd'],
    ['encoded dot segments', 'app://journeyboard/%2e%2e/%2e%2e/etc/passwd', 'etc/passwd'],
    ['half-encoded dots', 'app://journeyboard/assets/.%2e/.%2e/secret', 'secret']
  ])('keeps %s inside the folder (the URL parser removes them first, as Chromium does)', (_what, url, inside) => {
    expect(resolveAppRequest(ROOT, url)).toMatchObject({ ok: true, file: join(ROOT, ...inside.split('/')) })
  })

  it.each([
    ['an encoded slash', 'app://journeyboard/..%2f..%2fetc%2fpasswd'],
    ['an encoded backslash', 'app://journeyboard/assets%5c..%5c..%5cmain%5cindex.js'],
    ['a raw backslash', 'app://journeyboard/assets\\..\\..\\main\\index.js'],
    ['an absolute path', 'app://journeyboard//etc/passwd'],
    ['a drive letter', 'app://journeyboard/C:/Windows/win.ini'],
    ['an encoded NUL', 'app://journeyboard/index.html%00.png'],
    ['a hidden file', 'app://journeyboard/.env'],
    ['a bad escape', 'app://journeyboard/%E0%A4%A'],
    ['an empty segment', 'app://journeyboard/assets//index.js']
  ])('refuses %s', (_what, url) => {
    expect(resolveAppRequest(ROOT, url)).toMatchObject({ ok: false, status: 403 })
  })

  it.each([
    ['another host', 'app://evil/index.html'],
    ['a port', 'app://journeyboard:8080/index.html'],
    ['credentials', 'app://user:pw@journeyboard/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['no host', 'app:/index.html'],
    ['not a URL', 'journeyboard index']
  ])('refuses %s', (_what, url) => {
    expect(resolveAppRequest(ROOT, url).ok).toBe(false)
  })
})

describe('the app:// handler', () => {
  function bundle(): { root: string; outside: string } {
    const dir = tempDir()
    const root = join(dir, 'renderer')
    mkdirSync(join(root, 'assets'), { recursive: true })
    writeFileSync(join(root, 'index.html'), '<!doctype html><div id="root"></div>')
    writeFileSync(join(root, 'assets', 'app.js'), 'export const x = 1\n')
    writeFileSync(join(dir, 'secret.txt'), 'outside the bundle')
    return { root, outside: join(dir, 'secret.txt') }
  }

  it('serves bundled files with their type and the CSP header', async () => {
    const { root } = bundle()
    const handle = createAppProtocolHandler(root)
    const page = await handle(new Request(APP_INDEX_URL))
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await page.text()).toContain('<div id="root">')
    const script = await handle(new Request('app://journeyboard/assets/app.js'))
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await script.text()).toBe('export const x = 1\n')
    const head = await handle(new Request('app://journeyboard/assets/app.js', { method: 'HEAD' }))
    expect(head.status).toBe(200)
  })

  it('answers traversal, missing files, folders, links out and writes with a refusal and no content', async () => {
    const { root, outside } = bundle()
    symlinkSync(outside, join(root, 'assets', 'link.txt'))
    const handle = createAppProtocolHandler(root)
    const status = async (url: string, method = 'GET') => (await handle(new Request(url, { method }))).status
    expect(await status('app://journeyboard/..%2fsecret.txt')).toBe(403)
    expect(await status('app://journeyboard/assets/missing.js')).toBe(404)
    expect(await status('app://journeyboard/assets')).toBe(404)
    expect(await status('app://journeyboard/assets/link.txt')).toBe(403)
    expect(await status('app://journeyboard/index.html', 'POST')).toBe(405)
    const refused = await handle(new Request('app://journeyboard/assets/link.txt'))
    expect(await refused.text()).not.toContain('outside the bundle')
    expect(refused.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
  })

  it('declares app:// standard and secure, readable by fetch, and not readable by other origins', () => {
    const registered: unknown[] = []
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => registered.push(...schemes) })
    expect(registered).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }
    ])
  })
})

describe('isAppUrl and resolveAppLocation', () => {
  const bundled = resolveAppLocation({ isPackaged: true, devUrl: 'http://localhost:5173/', rendererDir: ROOT })
  const dev: AppLocation = resolveAppLocation({
    isPackaged: false,
    devUrl: 'http://localhost:5173/',
    rendererDir: ROOT
  })

  it('a packaged app ignores the dev server and loads app://journeyboard/index.html', () => {
    expect(bundled).toEqual({ kind: 'bundle', url: 'app://journeyboard/index.html', rendererDir: ROOT })
    expect(resolveAppLocation({ isPackaged: false, devUrl: undefined, rendererDir: ROOT }).kind).toBe('bundle')
    expect(dev).toEqual({ kind: 'dev', url: 'http://localhost:5173/', origin: 'http://localhost:5173' })
    expect(() => resolveAppLocation({ isPackaged: false, devUrl: 'https://example.com/', rendererDir: ROOT })).toThrow(
      /loopback/
    )
  })

  it.each([
    ['app://journeyboard/index.html', true],
    ['app://journeyboard/', true],
    ['app://journeyboard/index.html?map=1#notes', true],
    ['app://JOURNEYBOARD/index.html', true],
    ['app://journeyboard/assets/index.js', false],
    ['app://journeyboard.evil/index.html', false],
    ['app://journeyboard:1/index.html', false],
    ['app://x@journeyboard/index.html', false],
    ['file:///opt/Journeyboard/resources/app.asar/out/renderer/index.html', false],
    ['http://localhost:5173/', false],
    ['https://example.com/', false],
    ['javascript:alert(1)', false],
    ['not a url', false]
  ])('in a built app, %s is ours: %s', (url, ours) => {
    expect(isAppUrl(bundled, url)).toBe(ours)
  })

  it('with the dev server, only its origin is ours', () => {
    expect(isAppUrl(dev, 'http://localhost:5173/src/main.tsx')).toBe(true)
    expect(isAppUrl(dev, 'http://localhost:5174/')).toBe(false)
    expect(isAppUrl(dev, 'app://journeyboard/index.html')).toBe(false)
  })
})
