/**
 * Save map as…: the map as a .journeymap document, through the exporter registry's journeymap
 * entry (the same file the CLI writes), saved with a save dialog in the desktop app or as a
 * download in the browser. Every edit is in the library first, so the file holds what the
 * library remembers as saved to a file.
 */
import { JourneyError } from '../../../shared/errors'
import type { JourneyMap } from '../../../shared/model'
import { saveFile } from '../api/save-file'
import { whenSaved } from '../editor/when-saved'
import { t } from '../i18n'
import { useAppStore } from '../store'

/** Saves the map; returns what to tell the user, or null when the save dialog was cancelled. */
export async function saveMapAs(map: JourneyMap): Promise<string | null> {
  const api = useAppStore.getState().api
  if (!api) throw new JourneyError('storage', t('app.connectionLost'))
  if (!(await whenSaved(map.id))) throw new JourneyError('conflict', t('files.saveAs.notSaved'))
  const personas = await api.listPersonas({})
  const { runExport } = await import('./run-export')
  const product = await runExport({ format: 'journeymap', options: {} }, map, personas)
  const outcome = await saveFile(product.file)
  if (outcome.kind === 'cancelled') return null
  return outcome.kind === 'file'
    ? t('files.saveAs.saved', { title: map.title, path: outcome.path })
    : t('files.saveAs.downloaded', { title: map.title, name: outcome.name })
}
