import { createReadStream, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8'
}

/** Serves a file of the built renderer; unknown paths get index.html (single-page app). */
export function serveStatic(
  root: string,
  pathname: string,
  req: IncomingMessage,
  res: ServerResponse,
  headers: Record<string, string>
): void {
  let relative: string
  try {
    relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '')
  } catch {
    res.writeHead(400, headers).end('Bad path.\n')
    return
  }
  let file = join(root, relative)
  if (!file.startsWith(root + sep) && file !== root) {
    res.writeHead(403, headers).end('Forbidden.\n')
    return
  }
  let stat = statOrNull(file)
  if (!stat || stat.isDirectory()) {
    file = join(root, 'index.html')
    stat = statOrNull(file)
  }
  if (!stat) {
    res.writeHead(503, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' })
    res.end('The renderer is not built. Run "npm run build:web" (npm run web does it for you).\n')
    return
  }
  const type = TYPES[extname(file)] ?? 'application/octet-stream'
  const cache = file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache'
  res.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': String(stat.size), 'Cache-Control': cache })
  if (req.method === 'HEAD') res.end()
  else createReadStream(file).pipe(res)
}

function statOrNull(file: string): ReturnType<typeof statSync> | null {
  try {
    return statSync(file)
  } catch {
    return null
  }
}
