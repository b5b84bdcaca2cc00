/**
 * Drag-and-drop of a file onto the window: while files are dragged over it the window says it
 * will open them; dropping one opens the import dialog with it (which offers a merge when the
 * map is in the library already). Only files count: the board's own drags are pointer gestures.
 */
import { useEffect, useState } from 'react'
import { MAX_IMPORT_BYTES } from '../../../shared/api/wire'
import { t } from '../i18n'
import { useAppStore } from '../store'
import { formatSize } from './summary'

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false

export function FileDrop() {
  const [over, setOver] = useState(false)
  useEffect(() => {
    let depth = 0
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      event.preventDefault()
      depth += 1
      setOver(true)
    }
    const overWindow = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      // Without this the browser would open the file itself, leaving the app.
      event.preventDefault()
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
    }
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      depth = Math.max(0, depth - 1)
      if (depth === 0) setOver(false)
    }
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      event.preventDefault()
      depth = 0
      setOver(false)
      const file = event.dataTransfer?.files[0]
      if (!file) return
      const { openFile, showError } = useAppStore.getState()
      if (file.size > MAX_IMPORT_BYTES) {
        useAppStore.setState({
          exchangeNotice: t('files.open.tooLarge', {
            name: file.name,
            size: formatSize(file.size),
            limit: `${MAX_IMPORT_BYTES / (1024 * 1024)} MB`
          })
        })
        return
      }
      file
        .arrayBuffer()
        .then((buffer) => openFile({ name: file.name, bytes: new Uint8Array(buffer) }))
        .catch((error: unknown) => showError(error))
    }
    window.addEventListener('dragenter', enter)
    window.addEventListener('dragover', overWindow)
    window.addEventListener('dragleave', leave)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragenter', enter)
      window.removeEventListener('dragover', overWindow)
      window.removeEventListener('dragleave', leave)
      window.removeEventListener('drop', drop)
    }
  }, [])
  return over ? (
    <div className="file-drop" aria-hidden="true">
      <p>{t('files.drop.hint')}</p>
    </div>
  ) : null
}
