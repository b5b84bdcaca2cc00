/**
 * The board's context menu (right click, Shift+F10, the menu key): a WAI-ARIA menu with
 * submenus. Arrow keys move between items, Right opens a submenu and Left closes it, Enter or
 * Space picks, Esc closes (and gives the keyboard back to the board), as does a click elsewhere.
 */
import { useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react'
import type { JourneyMap } from '../../../shared/model'
import { perform } from '../editing/actions'
import { setBoardUi, type MenuRequest } from '../editing/ui-store'
import { useAppStore } from '../store'
import { menuItems, menuLabel, type MenuItem } from '../editing/menu-model'
import type { LinkedPersona } from '../editing/note-fields'
import './panels.css'

export interface ContextMenuProps {
  readonly request: MenuRequest
  readonly map: JourneyMap
  readonly personas: readonly LinkedPersona[]
  readonly board: RefObject<HTMLElement | null>
}

export function ContextMenu({ request, map, personas, board }: ContextMenuProps) {
  const ref = useRef<HTMLDivElement>(null)
  const items = menuItems(request.context, map, personas)
  const close = (refocus: boolean) => {
    setBoardUi({ menu: null })
    if (refocus) board.current?.focus({ preventScroll: true })
  }
  const pick = (item: MenuItem) => {
    if (!item.action || item.disabled) return
    close(true)
    perform(item.action, useAppStore.getState())
  }

  // Keep the menu inside the window.
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    const box = el.getBoundingClientRect()
    const left = Math.max(4, Math.min(request.x, window.innerWidth - box.width - 4))
    const top = Math.max(4, Math.min(request.y, window.innerHeight - box.height - 4))
    el.style.left = `${left}px`
    el.style.top = `${top}px`
  }, [request])

  // A press anywhere else, or the window losing focus, closes it.
  useLayoutEffect(() => {
    const onPointerDown = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) setBoardUi({ menu: null })
    }
    const onBlur = () => setBoardUi({ menu: null })
    document.addEventListener('pointerdown', onPointerDown, true)
    window.addEventListener('blur', onBlur)
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true)
      window.removeEventListener('blur', onBlur)
    }
  }, [])

  return (
    <div ref={ref} className="context-menu" style={{ left: request.x, top: request.y }}>
      <MenuList
        items={items}
        label={menuLabel(request.context, map)}
        onPick={pick}
        onClose={() => close(true)}
        onBack={null}
      />
    </div>
  )
}

interface MenuListProps {
  readonly items: readonly MenuItem[]
  readonly label: string
  readonly onPick: (item: MenuItem) => void
  readonly onClose: () => void
  /** Closes this submenu (Left, Esc), or null for the top menu. */
  readonly onBack: (() => void) | null
}

function MenuList({ items, label, onPick, onClose, onBack }: MenuListProps) {
  const refs = useRef<(HTMLButtonElement | null)[]>([])
  const [open, setOpen] = useState<string | null>(null)
  const enabled = items.map((item, i) => (item.disabled ? -1 : i)).filter((i) => i >= 0)

  useLayoutEffect(() => {
    const first = items.findIndex((item) => !item.disabled)
    refs.current[first === -1 ? 0 : first]?.focus()
    // Only when the list opens; later renders keep the focus where the user put it.
  }, []) // eslint-disable-line react-hooks/exhaustive-deps

  const focusAt = (i: number) => refs.current[i]?.focus()
  const current = () => refs.current.findIndex((el) => el === document.activeElement)
  const move = (delta: number) => {
    if (enabled.length === 0) return
    const at = enabled.indexOf(current())
    const next = at === -1 ? (delta > 0 ? 0 : enabled.length - 1) : (at + delta + enabled.length) % enabled.length
    focusAt(enabled[next]!)
  }

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const item = items[current()]
    let handled = true
    switch (e.key) {
      case 'ArrowDown':
        move(1)
        break
      case 'ArrowUp':
        move(-1)
        break
      case 'Home':
        focusAt(enabled[0] ?? 0)
        break
      case 'End':
        focusAt(enabled.at(-1) ?? 0)
        break
      case 'ArrowRight':
        if (item?.submenu && !item.disabled) setOpen(item.id)
        break
      case 'ArrowLeft':
        if (onBack) onBack()
        else handled = false
        break
      case 'Escape':
        if (onBack) onBack()
        else onClose()
        break
      case 'Tab':
        onClose()
        break
      default:
        handled = false
    }
    if (handled) {
      e.preventDefault()
      e.stopPropagation()
    }
  }

  return (
    <div role="menu" aria-label={label} className="menu-list" onKeyDown={onKeyDown}>
      {items.map((item, i) => (
        <div key={item.id} className={`menu-row${item.separator ? ' separated' : ''}`}>
          <button
            ref={(el) => {
              refs.current[i] = el
            }}
            type="button"
            role={item.role ?? 'menuitem'}
            tabIndex={-1}
            aria-checked={item.role && item.role !== 'menuitem' ? !!item.checked : undefined}
            aria-haspopup={item.submenu ? 'menu' : undefined}
            aria-expanded={item.submenu ? open === item.id : undefined}
            aria-disabled={item.disabled || undefined}
            className={`menu-item${item.danger ? ' danger' : ''}`}
            onMouseEnter={() => {
              if (item.submenu && !item.disabled) setOpen(item.id)
              else if (open) setOpen(null)
            }}
            onClick={() => {
              if (item.disabled) return
              // Opening, never toggling: the pointer's mouseenter has usually opened it already,
              // and a click right after must not close it again.
              if (item.submenu) setOpen(item.id)
              else onPick(item)
            }}
          >
            <span className="menu-check" aria-hidden="true">
              {item.role && item.role !== 'menuitem' && item.checked ? '✓' : ''}
            </span>
            {item.swatch && <span className="menu-swatch" style={{ background: item.swatch }} aria-hidden="true" />}
            <span className="menu-label">{item.label}</span>
            {item.shortcut && <span className="menu-shortcut">{item.shortcut}</span>}
            {item.submenu && (
              <span className="menu-arrow" aria-hidden="true">
                ›
              </span>
            )}
          </button>
          {item.submenu && open === item.id && (
            <div className="submenu">
              <MenuList
                items={item.submenu}
                label={item.label}
                onPick={onPick}
                onClose={onClose}
                onBack={() => {
                  setOpen(null)
                  focusAt(i)
                }}
              />
            </div>
          )}
        </div>
      ))}
    </div>
  )
}
