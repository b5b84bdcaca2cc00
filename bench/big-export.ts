/**
 * PDF export of big maps through the CLI as shipped (scripts/cli.mjs): 10,000 and 50,000 notes
 * with a different text each, on A4 (the default: one page) and, for 50,000, as a poster (every
 * note at full size). Time and the process's peak resident memory (GNU time's %M), so the
 * figures include everything the export holds. `export.pdf_*_ms` grows about linearly with the
 * notes when memory is bounded.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { openLibraryService } from '../src/library'
import { serializeInterchange } from '../src/shared/format/interchange'
import { BENCH_PERSONAS, uniqueTextMap } from './fixtures'
import { round } from './stats'

const ROOT = resolve(import.meta.dirname, '..')

function exportPdf(db: string, id: string, out: string, extra: string[]): { ms: number; rssMb: number; bytes: number } {
  const result = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      '%e %M',
      process.execPath,
      'scripts/cli.mjs',
      'export',
      id,
      '--format',
      'pdf',
      '--out',
      out,
      '--db',
      db,
      ...extra
    ],
    { cwd: ROOT, encoding: 'utf8' }
  )
  if (result.status !== 0) throw new Error(`export failed: ${result.stderr}`)
  const [seconds, kb] = result.stderr.trim().split('\n').pop()!.split(' ').map(Number)
  return { ms: seconds! * 1000, rssMb: kb! / 1024, bytes: statSync(out).size }
}

export async function runBigExportBench(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'jb-bench-bigexport-'))
  const db = join(dir, 'big.sqlite')
  try {
    const service = openLibraryService(db, { backupDir: join(dir, 'backups') })
    const ids: Record<string, string> = {}
    try {
      for (const p of BENCH_PERSONAS) await service.call('savePersona', { persona: p })
      for (const n of [10_000, 50_000]) {
        const map = await service.call('importMap', { text: serializeInterchange(uniqueTextMap(n), BENCH_PERSONAS) })
        ids[n] = map.id
      }
    } finally {
      service.close()
    }
    spawnSync(process.execPath, ['scripts/cli.mjs', '--build'], { cwd: ROOT })
    const out: Record<string, number> = {}
    for (const [label, n, extra] of [
      ['10k', 10_000, []],
      ['50k', 50_000, []],
      ['50k_poster', 50_000, ['--poster']]
    ] as const) {
      const r = exportPdf(db, ids[n]!, join(dir, `${label}.pdf`), [...extra])
      process.stderr.write(
        `bigexport: ${label}: ${Math.round(r.ms)} ms, peak ${Math.round(r.rssMb)} MB, ${r.bytes} bytes\n`
      )
      out[`export.pdf_${label}_ms`] = round(r.ms, 0)
      out[`export.pdf_${label}_peak_rss_mb`] = round(r.rssMb, 0)
      out[`export.pdf_${label}_bytes`] = r.bytes
    }
    return out
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
