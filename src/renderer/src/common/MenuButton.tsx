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

export function MenuButton({ label, items, className, children }: MenuButtonProps) {
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  const list = useRef<HTMLUListElement>(null)

  useEffect(() => {
    if (!open) return
    list.current?.querySelector<HTMLElement>('[role="menuitem"]:not(:disabled)')?.focus()
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
  const onKeyDown = (e: React.KeyboardEvent) => {
    const enabled = [...(list.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not(:disabled)') ?? [])]
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

  return (
    <div className={`menu-button ${className ?? ''}`} ref={root}>
      <button ref={button} type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
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
                onClick={() => {
                  close(false)
                  item.run()
                }}
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
