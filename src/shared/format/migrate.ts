/**
 * Reading older interchange files: each version's file is brought up to the next, one step at a
 * time, before the current schema checks it. Only the envelope has been checked at this point,
 * so every step must cope with any JSON and leave what it does not understand for the schema to
 * report.
 */
import type { Issue } from '../errors'
import { VERSION_2_COLLECTIONS } from './schema'

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Version 1 → 2: the map gains empty `paths` and `kpiValues`. A version-1 file that already has
 * them was not written by a version-1 app: that is reported, not guessed at.
 */
function upgrade1to2(file: Json): { file: Json; issues: Issue[] } {
  const issues: Issue[] = []
  const map = file['map']
  if (!isObject(map)) return { file: { ...file, version: 2 }, issues }
  const upgraded: Json = { ...map }
  for (const key of VERSION_2_COLLECTIONS) {
    if (key in map)
      issues.push({ path: `map.${key}`, message: 'unknown field (version 1 of the format does not have it)' })
    else upgraded[key] = []
  }
  return { file: { ...file, version: 2, map: upgraded }, issues }
}

const STEPS: Readonly<Record<number, (file: Json) => { file: Json; issues: Issue[] }>> = { 1: upgrade1to2 }

/** The file as the newest version reads it, with what an upgrade step found wrong. */
export function upgradeInterchange(data: Json, target: number): { data: Json; issues: Issue[] } {
  let file = data
  const issues: Issue[] = []
  while (typeof file['version'] === 'number' && file['version'] < target) {
    const step = STEPS[file['version']]
    if (!step) break
    const next = step(file)
    file = next.file
    issues.push(...next.issues)
  }
  return { data: file, issues }
}
