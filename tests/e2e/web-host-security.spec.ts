/**
 * The web host as an attacker and an unlucky user meet it: the token (fragment → sessionStorage →
 * WebSocket subprotocol only; never a cookie, never in the address bar), Host/Origin checks, the
 * CSP header, malformed WebSocket frames that must close one connection and nothing else, and an
 * import over the size limit.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { connect as tcpConnect, type Socket } from 'node:net'
import { join } from 'node:path'
import WebSocket from 'ws'
import { API_PROTOCOL, MAX_IMPORT_BYTES, MAX_MESSAGE_BYTES } from '../../src/shared/api/wire'
import { ApiSocket } from './support/board-page'
import { ImportDialogPage } from './support/exchange-page'
import { expect, test } from './support/fixtures'
import { shown } from './support/text'
import { startHost, type RunningHost } from './support/web-host'

/** A raw HTTP GET, so the test controls the Host header exactly as an attacker's page would. */
function rawGet(
  url: string,
  headers: Record<string, string> = {}
): Promise<{ status: number; body: string; headers: IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      let body = ''
      res.on('data', (d: Buffer) => (body += d.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
    })
    req.on('error', reject)
    req.end()
  })
}

/** Opens a WebSocket; resolves with the first message (the host's hello) or the close code. */
function openApi(
  host: RunningHost,
  protocols: string[],
  origin = host.origin
): Promise<{ ws: WebSocket; first: 'hello' } | { closed: number; reason: string; messages: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(host.apiUrl, protocols, { origin })
    let messages = 0
    ws.on('message', (data: WebSocket.RawData) => {
      messages++
      if ((JSON.parse(data.toString()) as { t: string }).t === 'hello') resolve({ ws, first: 'hello' })
    })
    ws.once('close', (code, reason) => resolve({ closed: code, reason: reason.toString(), messages }))
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
    ws.once('error', (error) => {
      if (!/Unexpected server response/.test(error.message)) reject(error)
    })
  })
}

async function connected(host: RunningHost): Promise<WebSocket> {
  const opened = await openApi(host, host.apiProtocols)
  if (!('ws' in opened)) throw new Error(`refused with ${opened.closed}`)
  return opened.ws
}

function call(ws: WebSocket, id: number, method: string, payload: unknown): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(data.toString()) as Record<string, unknown>
      if (message.t === 'result' && message.id === id) {
        ws.off('message', onMessage)
        resolve(message)
      }
    }
    ws.on('message', onMessage)
    ws.send(JSON.stringify({ t: 'call', id, method, payload }))
  })
}

test('static files need no token and carry no secret; the API refuses a missing or wrong token', async ({ host }) => {
  const page = await rawGet(`${host.origin}/`)
  expect(page.status).toBe(200)
  expect(page.body).toContain('<div id="root">')
  expect(page.body).not.toContain(host.token)
  expect(page.headers['set-cookie']).toBeUndefined()

  // The old design's doors are closed: a token in the query string or a cookie opens nothing.
  const viaQuery = new WebSocket(`${host.apiUrl}?token=${host.token}`, [API_PROTOCOL], { origin: host.origin })
  const queryClose = await new Promise<number>((resolve) => viaQuery.once('close', (code) => resolve(code)))
  expect(queryClose).toBe(4401)
  const viaCookie = await new Promise<number>((resolve) => {
    const ws = new WebSocket(host.apiUrl, [API_PROTOCOL], {
      origin: host.origin,
      headers: { Cookie: `jb_token=${host.token}` }
    })
    ws.once('close', (code) => resolve(code))
  })
  expect(viaCookie).toBe(4401)

  const wrong = await openApi(host, [API_PROTOCOL, `journeyboard.token.${randomBytes(24).toString('base64url')}`])
  expect(wrong).toMatchObject({ closed: 4401, messages: 0 })
  expect((wrong as { reason: string }).reason).toContain('open the address the Journeyboard host printed')
  const none = await openApi(host, [API_PROTOCOL])
  expect(none).toMatchObject({ closed: 4401, messages: 0 })
  // Not our protocol at all: refused before any upgrade.
  await expect(openApi(host, [])).rejects.toThrow('HTTP 400')

  const ws = await connected(host)
  expect(await call(ws, 1, 'listMaps', {})).toMatchObject({ ok: true, value: [] })
  ws.close()
})

test('a foreign Host header (DNS rebinding) and a foreign Origin are refused, static files included', async ({
  host
}) => {
  const rebinding = await rawGet(`${host.origin}/`, { Host: `evil.example:${host.port}` })
  expect(rebinding.status).toBe(403)
  const crossOrigin = await rawGet(`${host.origin}/`, { Origin: 'http://evil.example' })
  expect(crossOrigin.status).toBe(403)
  await expect(openApi(host, host.apiProtocols, 'http://evil.example')).rejects.toThrow('HTTP 403')
  const ws = await connected(host)
  ws.close()
})

test('a payload of the wrong shape gets a clear error and changes nothing', async ({ host }) => {
  const ws = await connected(host)
  const bad = await call(ws, 1, 'createMap', { template: 'saas', title: 42 })
  expect(bad.ok).toBe(false)
  const error = bad.error as { code: string; message: string; issues: { path: string }[] }
  expect(error.code).toBe('invalid_request')
  expect(error.message).toMatch(/^Invalid request for createMap: title: /)
  expect(error.message).not.toMatch(/\n\s+at /)
  const unknownTemplate = await call(ws, 2, 'createMap', { template: 'nope', title: 'x' })
  expect((unknownTemplate.error as { issues: { path: string }[] }).issues[0]?.path).toBe('template')
  const unknownMethod = await call(ws, 3, 'dropAllTables', {})
  expect((unknownMethod.error as { message: string }).message).toContain('Unknown API method')
  ws.send('{"t":"call","id":')
  const list = await call(ws, 4, 'listMaps', {})
  expect(list).toMatchObject({ ok: true, value: [] })
  ws.close()
})

/** A client frame as RFC 6455 lays it out; `declaredLength` lies about the payload's length. */
function frame(options: {
  opcode: number
  payload?: Buffer
  masked?: boolean
  rsv?: number
  declaredLength?: number
}): Buffer {
  const payload = options.payload ?? Buffer.alloc(0)
  const length = options.declaredLength ?? payload.length
  const masked = options.masked ?? true
  const head: number[] = [0x80 | ((options.rsv ?? 0) << 4) | options.opcode]
  const maskBit = masked ? 0x80 : 0
  let extended = Buffer.alloc(0)
  if (length < 126) head.push(maskBit | length)
  else if (length < 65536) {
    head.push(maskBit | 126)
    extended = Buffer.alloc(2)
    extended.writeUInt16BE(length)
  } else {
    head.push(maskBit | 127)
    extended = Buffer.alloc(8)
    extended.writeBigUInt64BE(BigInt(length))
  }
  if (!masked) return Buffer.concat([Buffer.from(head), extended, payload])
  const key = randomBytes(4)
  const body = Buffer.from(payload.map((byte, i) => byte ^ (key[i % 4] as number)))
  return Buffer.concat([Buffer.from(head), extended, key, body])
}

/**
 * Opens the API over a plain TCP socket (a real handshake with the token), sends `bad` and
 * returns the close code of the host's close frame.
 */
function closeCodeFor(host: RunningHost, bad: Buffer): Promise<number | 'no close frame'> {
  return new Promise((resolve, reject) => {
    const socket: Socket = tcpConnect(host.port, '127.0.0.1')
    let data = Buffer.alloc(0)
    let upgraded = false
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new Error('the host neither closed nor answered within 10 s'))
    }, 10_000)
    const finish = () => {
      clearTimeout(timer)
      resolve(closeFrameCode(data))
    }
    socket.on('connect', () => {
      socket.write(
        `GET /api HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n` +
          `Sec-WebSocket-Protocol: ${host.apiProtocols.join(', ')}\r\n\r\n`
      )
    })
    socket.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk])
      if (!upgraded) {
        const end = data.indexOf('\r\n\r\n')
        if (end < 0) return
        const head = data.subarray(0, end).toString()
        if (!head.startsWith('HTTP/1.1 101')) {
          clearTimeout(timer)
          reject(new Error(`no upgrade: ${head.split('\r\n')[0]}`))
          return
        }
        upgraded = true
        data = data.subarray(end + 4)
        socket.write(bad)
      }
      if (closeFrameCode(data) !== 'no close frame') socket.end()
    })
    socket.on('close', finish)
    socket.on('error', () => {})
  })
}

/** Walks the host's (unmasked) frames and returns the code of the first close frame. */
function closeFrameCode(data: Buffer): number | 'no close frame' {
  let at = 0
  while (at + 2 <= data.length) {
    const opcode = (data[at] as number) & 0x0f
    let length = (data[at + 1] as number) & 0x7f
    let start = at + 2
    if (length === 126) {
      length = data.readUInt16BE(start)
      start += 2
    } else if (length === 127) {
      length = Number(data.readBigUInt64BE(start))
      start += 8
    }
    if (start + length > data.length) break
    if (opcode === 0x8) return length >= 2 ? data.readUInt16BE(start) : 1005
    at = start + length
  }
  return 'no close frame'
}

test('a malformed WebSocket frame closes only its own connection, with the right code', async ({ host }) => {
  const bystander = await connected(host)
  const cases: { name: string; bad: Buffer; code: number }[] = [
    {
      name: 'a message over the size limit',
      bad: frame({ opcode: 0x1, declaredLength: MAX_MESSAGE_BYTES + 1 }),
      code: 1009
    },
    {
      name: 'invalid UTF-8 in a text frame',
      bad: frame({ opcode: 0x1, payload: Buffer.from([0xc3, 0x28]) }),
      code: 1007
    },
    { name: 'a reserved opcode', bad: frame({ opcode: 0x3, payload: Buffer.from('{}') }), code: 1002 },
    {
      name: 'an unmasked client frame',
      bad: frame({ opcode: 0x1, payload: Buffer.from('{}'), masked: false }),
      code: 1002
    },
    {
      name: 'RSV1 set without an extension',
      bad: frame({ opcode: 0x1, payload: Buffer.from('{}'), rsv: 0b100 }),
      code: 1002
    },
    {
      name: 'a close frame with a reserved code (1005)',
      bad: frame({ opcode: 0x8, payload: Buffer.from([0x03, 0xed]) }),
      code: 1002
    },
    { name: 'a binary message', bad: frame({ opcode: 0x2, payload: Buffer.from('{}') }), code: 1003 }
  ]
  for (const { name, bad, code } of cases) {
    expect(await closeCodeFor(host, bad), name).toBe(code)
    expect(host.process.exitCode, `the host is still running after ${name}`).toBeNull()
  }
  // The tab that was open all along still works, and so does a new one.
  expect(await call(bystander, 1, 'createMap', { template: 'blank', title: 'Still here' })).toMatchObject({ ok: true })
  const fresh = await connected(host)
  const list = (await call(fresh, 1, 'listMaps', {})) as { value: { title: string }[] }
  expect(list.value.map((m) => m.title)).toEqual(['Still here'])
  bystander.close()
  fresh.close()
  expect(host.process.exitCode).toBeNull()
  expect(host.stderr()).toMatch(/closed: .*payload/i)
})

test('the token leaves the address bar, survives a reload, is never a cookie and reaches no other server', async ({
  host,
  page,
  context
}) => {
  // Another local server, as a developer's own tools would run beside Journeyboard.
  const seen: string[] = []
  const other = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}\n${JSON.stringify(req.rawHeaders)}`)
    res.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>another local server</p>')
  })
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve))
  const otherPort = (other.address() as { port: number }).port

  // Everything the browser sends, headers as they went out (cookies included), via the DevTools protocol.
  const sent: string[] = []
  const handshakes: { url: string; headers: Record<string, string> }[] = []
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  cdp.on('Network.requestWillBeSent', (e: { request: { url: string } }) => sent.push(e.request.url.split('#')[0] ?? ''))
  cdp.on('Network.requestWillBeSentExtraInfo', (e: { headers: Record<string, string> }) =>
    sent.push(JSON.stringify(e.headers))
  )
  cdp.on('Network.webSocketWillSendHandshakeRequest', (e: { request: { headers: Record<string, string> } }) =>
    handshakes.push({ url: '', headers: e.request.headers })
  )
  cdp.on('Network.webSocketCreated', (e: { url: string }) => sent.push(e.url))
  const problems: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text())
  })
  page.on('pageerror', (e) => problems.push(e.message))

  const response = await page.goto(host.url)
  expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
  expect(response?.headers()['set-cookie']).toBeUndefined()
  const home = page.getByRole('heading', { level: 1, name: 'Journeyboard' })
  await expect(home).toBeVisible()
  await page.getByRole('button', { name: 'New map', exact: true }).click()
  await page.getByLabel('Map title').fill('After the token left the address bar')
  await page.getByText('Blank', { exact: true }).click()
  await page.getByRole('button', { name: 'Create map' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()
  expect(page.url()).not.toContain('token')
  expect(page.url()).not.toContain(host.token)

  // A reload stays on the map (the address names it), connected with the token kept in this
  // tab's sessionStorage; the home screen lists the map.
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'After the token left the address bar' })).toBeVisible()
  await page.getByRole('button', { name: '← All maps' }).click()
  await expect(home).toBeVisible()
  await expect(page.getByRole('button', { name: 'After the token left the address bar', exact: true })).toBeVisible()
  expect(page.url()).not.toContain(host.token)
  expect(await context.cookies()).toEqual([])

  const elsewhere = await context.newPage()
  await elsewhere.goto(`http://127.0.0.1:${otherPort}/`)
  await elsewhere.evaluate(() => fetch('/probe', { credentials: 'include' }))
  await elsewhere.close()
  other.close()

  expect(seen.length).toBeGreaterThanOrEqual(2)
  for (const request of seen) {
    expect(request).not.toContain(host.token)
    expect(request.toLowerCase()).not.toContain('cookie')
  }
  // The page presented the token in the WebSocket handshake's subprotocol, and nowhere else.
  expect(handshakes.length).toBeGreaterThanOrEqual(2)
  for (const { headers } of handshakes) {
    const protocol = Object.entries(headers).find(([k]) => k.toLowerCase() === 'sec-websocket-protocol')?.[1]
    expect(protocol).toBe(host.apiProtocols.join(', '))
  }
  expect(sent.length).toBeGreaterThan(5)
  for (const line of sent) expect(line).not.toContain(host.token)
  expect(problems).toEqual([])
})

test('a page opened without the token says which address to open', async ({ host, page }) => {
  await page.goto(`${host.origin}/`)
  const alert = page.getByRole('alert')
  await expect(alert).toHaveCount(1)
  await expect(alert).toContainText('Open the address the Journeyboard host printed')
  await expect(alert).toContainText('#token=')
  await page.screenshot({ path: '.tmp/opened-without-token.png' })
})

test('an import over the size limit is refused in the dialog, naming the limit; the host lives', async ({
  host,
  home,
  page
}) => {
  const big = join(host.dir, 'too-big.csv')
  const row = 'Awareness,Touchpoints,"A long note, repeated until the file is over the import limit"\n'
  writeFileSync(big, `stage,lane,text\n${row.repeat(Math.ceil((MAX_IMPORT_BYTES + 1024 * 1024) / row.length))}`)
  expect(statSync(big).size).toBeGreaterThan(MAX_IMPORT_BYTES)

  await expect(home.heading()).toBeVisible()
  const dialog = new ImportDialogPage(page)
  await dialog.open()
  await dialog.dialog().getByLabel('File', { exact: true }).setInputFiles(big)
  const limit = `${MAX_IMPORT_BYTES / (1024 * 1024)} MB`
  await expect(dialog.dialog().getByRole('alert')).toContainText(shown(`files over ${limit} cannot be imported`))
  await expect(dialog.dialog().getByRole('button', { name: 'Import', exact: true })).toBeDisabled()
  await page.screenshot({ path: '.tmp/import-too-large.png' })

  // The host lives, this tab is still connected, and a file of ordinary size still imports.
  expect(host.process.exitCode).toBeNull()
  const api = await ApiSocket.connect(host)
  expect(await api.call('listMaps', {})).toEqual([])
  api.close()
  await dialog.pick('Small file import.csv', 'stage,lane,kind,text\nAwareness,Touchpoints,touchpoint,Small file\n')
  await dialog.submit()
  await expect(page.getByRole('heading', { level: 1, name: 'Small file import' })).toBeVisible()
  await expect(page.locator('.connection-banner')).toHaveCount(0)
})

test('Ctrl-C stops the host cleanly: exit 0, library closed, WAL checkpointed', async () => {
  const host = await startHost()
  const ws = await connected(host)
  const created = await call(ws, 1, 'createMap', { template: 'saas', title: 'Kept after stop' })
  expect(created.ok).toBe(true)
  ws.close()
  const dbPath = host.dbPath
  const code = await new Promise<number | null>((resolve) => {
    host.process.once('exit', resolve)
    host.process.kill('SIGINT')
  })
  expect(code).toBe(0)
  expect(host.stderr()).toContain('library closed')
  expect(existsSync(`${dbPath}-wal`) ? statSync(`${dbPath}-wal`).size : 0).toBe(0)
  const again = await startHost([], dbPath)
  // The token is kept per library: the restarted host takes the same one.
  expect(again.token).toBe(host.token)
  const ws2 = await connected(again)
  const list = (await call(ws2, 1, 'listMaps', {})) as { value: { title: string }[] }
  expect(list.value.map((m) => m.title)).toEqual(['Kept after stop'])
  ws2.close()
  await again.stop()
  rmSync(host.dir, { recursive: true, force: true })
})
