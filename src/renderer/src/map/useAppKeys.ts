/**
 * The app's own keys and native-menu commands, from the action table: the shortcut help (? and
 * F1, anywhere), and on an open map Find (Ctrl/Cmd+F), the Connect tool (C, Esc leaves it). Keys
 * typed into a field, or inside a dialog or menu, are left alone (but F1 and Ctrl/Cmd+F work from
 * a field too).
 */
import { useEffect } from 'react'
import { actionForKey, type ActionId } from '../../../shared/actions'
import { onMenuCommand } from '../api/ipc-transport'
import { overlayOpen, setBoardUi, useBoardUi } from '../editing/ui-store'
import { useAppStore } from '../store'
import { switchTheme } from '../common/theme'

const APP_KEYS = ['find', 'shortcutHelp', 'connectTool', 'escape'] as const satisfies readonly ActionId[]

function inField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  if (!el || typeof el.closest !== 'function') return false
  if (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)) return true
  return el.closest('dialog, [role="dialog"], [role="alertdialog"], [role="menu"]') !== null
}

/** Opens find (or goes back to its field). */
export function openFind(): void {
  setBoardUi({ findOpen: true, menu: null })
  requestAnimationFrame(() => document.querySelector<HTMLInputElement>('.find-bar input')?.select())
}

/** Carries out one of the app's actions; false when it does not apply now. */
export function runMapAction(id: (typeof APP_KEYS)[number]): boolean {
  const ui = useBoardUi.getState()
  const onMap = useAppStore.getState().openMap !== null
  switch (id) {
    case 'find':
      if (!onMap) return false
      openFind()
      return true
    case 'shortcutHelp':
      setBoardUi({ helpOpen: true, menu: null })
      return true
    case 'connectTool':
      if (!onMap || overlayOpen(ui)) return false
      setBoardUi({ connectMode: !ui.connectMode })
      return true
    case 'escape':
      // Wherever the focus is (the Connect button just pressed), Esc puts the tool away.
      if (!ui.connectMode || overlayOpen(ui)) return false
      setBoardUi({ connectMode: false })
      return true
  }
}

export function useAppKeys(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return
      const id = actionForKey(event, APP_KEYS)
      if (!id) return
      const anywhere = id === 'find' || event.key === 'F1'
      if (!anywhere && inField(event.target)) return
      if (document.querySelector('dialog[open]') && id !== 'shortcutHelp') return
      if (runMapAction(id)) event.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown)
    const offMenu = onMenuCommand((command) => {
      if (command === 'find' || command === 'shortcutHelp') runMapAction(command)
      else if (command === 'toggleTheme') switchTheme()
    })
    return () => {
      window.removeEventListener('keydown', onKeyDown)
      offMenu()
    }
  }, [])
}
