#!/usr/bin/env node
// `npm run cli -- …` and the `journeyboard` bin: runs the CLI as built JavaScript
// (out/cli/index.mjs), not TypeScript compiled on every run. The bundle is made by esbuild
// (already installed for vite) when it is missing or older than any of its sources, which
// takes a fraction of a second once; nothing generated is checked in. The check reads the
// modification times of the files the last build was made of (esbuild's metafile).
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bundle = join(root, 'out/cli/index.mjs')
const manifest = join(root, 'out/cli/inputs.json')

function stale() {
  if (!existsSync(bundle) || !existsSync(manifest)) return true
  // Installed without its sources: run what is there.
  if (!existsSync(join(root, 'src/cli/index.ts'))) return false
  const builtAt = statSync(bundle).mtimeMs
  const inputs = JSON.parse(readFileSync(manifest, 'utf8'))
  for (const input of inputs) {
    const stat = statSync(join(root, input), { throwIfNoEntry: false })
    if (!stat || stat.mtimeMs > builtAt) return true
  }
  return false
}

async function build() {
  const { build: esbuild } = await import('esbuild')
  const { writeFileSync, rmSync } = await import('node:fs')
  rmSync(dirname(bundle), { recursive: true, force: true })
  const result = await esbuild({
    absWorkingDir: root,
    entryPoints: ['src/cli/index.ts'],
    outdir: dirname(bundle),
    outExtension: { '.js': '.mjs' },
    // What a command loads on first use (jsPDF, Skia, HarfBuzz) stays in chunks of its own, so
    // `list` does not load them: one bundle would hoist every package import to its top.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Packages stay in node_modules (native modules among them); our sources are bundled.
    packages: 'external',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'error'
  })
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/'))
  writeFileSync(manifest, `${JSON.stringify(inputs)}\n`)
}

if (process.argv[2] === '--build') {
  // `npm run build:cli`: build now (packaging, or to time the start without the build).
  await build()
} else {
  if (stale()) await build()
  await import(pathToFileURL(bundle).href)
}
