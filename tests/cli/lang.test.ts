/**
 * `--lang` (or LANG): the CLI's messages to a person and a new map's stages in that language;
 * what it prints for scripts (ids, CSV headers) stays the same.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from './run-cli'

let dir: string
let db: string

const cli = (env: Record<string, string>, ...args: string[]) =>
  runCli(db, args, { LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8', ...env })

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jb-cli-lang-'))
  db = join(dir, 'library.sqlite')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('cli --lang', { timeout: 60_000 }, () => {
  it('starts a new map with stages in the language asked for; the CSV header stays the same', () => {
    const id = cli({}, 'new', '--template', 'saas', '--title', 'Воркшоп', '--lang', 'ru').stdout.trim()
    const file = join(dir, 'map.csv')
    expect(cli({}, 'export', id, '--format', 'csv', '--out', file).code).toBe(0)
    const csv = readFileSync(file, 'utf8')
    expect(csv.split(/\r?\n/)[0]).toMatch(/^\uFEFF?stage,lane,/)
    expect(csv).toContain('Осведомлённость')
    expect(csv).toContain('Точки контакта')
  })

  it('says what is wrong with a file in Russian with --lang ru, in Thai with LANG=th_TH, in English by default', () => {
    const bad = join(dir, 'bad.csv')
    writeFileSync(bad, 'stage,lane,text,severity\nAwareness,Touchpoints,Ad,9\n')
    const english = cli({}, 'import', bad)
    expect(english.code).toBe(1)
    expect(english.stderr).toContain('The file cannot be imported: line 2, column "severity": must be 1, 2 or 3.')

    const russian = cli({}, 'import', bad, '--lang', 'ru')
    expect(russian.code).toBe(1)
    expect(russian.stderr).toContain('Файл нельзя импортировать: найдена 1 проблема.')
    expect(russian.stderr).toContain('строка 2, столбец «severity»: должно быть 1, 2 или 3')

    const thai = cli({ LANG: 'th_TH.UTF-8' }, 'import', bad)
    expect(thai.stderr).toContain('นำเข้าไฟล์ไม่ได้ พบปัญหา 1 รายการ')
    expect(thai.stderr).toContain('บรรทัด 2 คอลัมน์ “severity”: ต้องเป็น 1, 2 หรือ 3')
  })
})
