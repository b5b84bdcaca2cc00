import { existsSync, statSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import WebSocket from 'ws'
import { expect, test } from './support/fixtures'
import { startHost } from './support/web-host'

/** A raw HTTP GET, so the test controls the Host header exactly as an attacker's page would. */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      let body = ''
      res.on('data', (d: Buffer) => (body += d.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

function connect(url: string, origin: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { origin })
    ws.once('open', () => resolve(ws))
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
    ws.once('error', reject)
  })
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

test('the page and the API refuse requests without the token', async ({ host }) => {
  const withToken = await rawGet(host.url)
  expect(withToken.status).toBe(200)
  expect(withToken.body).toContain('<div id="root">')
  const without = await rawGet(`${host.origin}/`)
  expect(without.status).toBe(403)
  const wrong = await rawGet(`${host.origin}/?token=not-the-token`)
  expect(wrong.status).toBe(403)
  await expect(connect(`ws://127.0.0.1:${new URL(host.url).port}/api`, host.origin)).rejects.toThrow('HTTP 403')
})

test('a foreign Host header (DNS rebinding) and a foreign Origin are refused', async ({ host }) => {
  const rebinding = await rawGet(host.url, { Host: `evil.example:${new URL(host.url).port}` })
  expect(rebinding.status).toBe(403)
  const wsUrl = `ws://127.0.0.1:${new URL(host.url).port}/api?token=${host.token}`
  await expect(connect(wsUrl, 'http://evil.example')).rejects.toThrow('HTTP 403')
  const ws = await connect(wsUrl, host.origin)
  ws.close()
})

test('a payload of the wrong shape gets a clear error and changes nothing', async ({ host }) => {
  const ws = await connect(`ws://127.0.0.1:${new URL(host.url).port}/api?token=${host.token}`, host.origin)
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
  const list = await call(ws, 4, 'listMaps', {})
  expect(list).toMatchObject({ ok: true, value: [] })
  ws.close()
})

test('Ctrl-C stops the host cleanly: exit 0, library closed, WAL checkpointed', async () => {
  const host = await startHost()
  const ws = await connect(`ws://127.0.0.1:${new URL(host.url).port}/api?token=${host.token}`, host.origin)
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
  const ws2 = await connect(`ws://127.0.0.1:${new URL(again.url).port}/api?token=${again.token}`, again.origin)
  const list = (await call(ws2, 1, 'listMaps', {})) as { value: { title: string }[] }
  expect(list.value.map((m) => m.title)).toEqual(['Kept after stop'])
  ws2.close()
  await again.stop()
})
