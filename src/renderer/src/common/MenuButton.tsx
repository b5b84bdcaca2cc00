/**
 * A button opening a menu of items (WAI-ARIA menu button): arrows, Home and End move between the
 * items, Esc closes and gives the focus back, Tab or a click elsewhere closes. Each item carries
 * its label and, when it has one, the key that does the same (from the action table).
 */
import { useEffect, useRef, useState, type ReactNode } from 'react'

export interface MenuItem {
  readonly id: string
  readonly label: string
  /** The shortcut shown beside the label ("Ctrl+E"). */
  readonly keys?: string
  readonly disabled?: boolean
  readonly run: () => void
}

export interface MenuButtonProps {
  /** The button's words (a ▾ follows them). */
  readonly label: string
  readonly items: readonly MenuItem[]
  readonly className?: string
  /** Anything to mount beside the menu (a dialog it opens, say). */
  readonly children?: ReactNode
}

/** Items of an open menu that can take the focus (menuitem, menuitemcheckbox, menuitemradio). */
const FOCUSABLE_ITEMS = '[role^="menuitem"]:not(:disabled)'

/**
 * The behaviour every menu button shares: the first item focused on open, a click elsewhere
 * closes, arrows/Home/End move between the items, Esc closes and gives the focus back to the
 * button, Tab closes. `choose` closes first, then runs the item's action.
 */
export function useMenu() {
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  const list = useRef<HTMLUListElement>(null)

  useEffect(() => {
    if (!open) return
    list.current?.querySelector<HTMLElement>(FOCUSABLE_ITEMS)?.focus()
    const away = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', away)
    return () => document.removeEventListener('pointerdown', away)
  }, [open])

  const close = (refocus: boolean) => {
    setOpen(false)
    if (refocus) button.current?.focus()
  }
  const choose = (action: () => void) => {
    close(false)
    action()
  }
  const toggle = () => setOpen((o) => !o)
  const onKeyDown = (e: React.KeyboardEvent) => {
    const enabled = [...(list.current?.querySelectorAll<HTMLElement>(FOCUSABLE_ITEMS) ?? [])]
    const at = enabled.indexOf(document.activeElement as HTMLElement)
    const move = (i: number) => enabled[(i + enabled.length) % enabled.length]?.focus()
    if (e.key === 'ArrowDown') move(at + 1)
    else if (e.key === 'ArrowUp') move(at - 1)
    else if (e.key === 'Home') move(0)
    else if (e.key === 'End') move(enabled.length - 1)
    else if (e.key === 'Escape' || e.key === 'Tab') {
      if (e.key === 'Escape') e.stopPropagation()
      close(e.key === 'Escape')
      if (e.key === 'Tab') return
    } else return
    e.preventDefault()
  }
  return { open, toggle, choose, root, button, list, onKeyDown }
}

export function MenuButton({ label, items, className, children }: MenuButtonProps) {
  const { open, toggle, choose, root, button, list, onKeyDown } = useMenu()

  return (
    <div className={`menu-button ${className ?? ''}`} ref={root}>
      <button ref={button} type="button" aria-haspopup="menu" aria-expanded={open} onClick={toggle}>
        {label} ▾
      </button>
      {open && (
        <ul ref={list} role="menu" aria-label={label} onKeyDown={onKeyDown}>
          {items.map((item) => (
            <li role="none" key={item.id}>
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                disabled={item.disabled}
                onClick={() => choose(item.run)}
              >
                <span>{item.label}</span>
                {item.keys && <kbd aria-hidden="true">{item.keys}</kbd>}
              </button>
            </li>
          ))}
        </ul>
      )}
      {children}
    </div>
  )
}
