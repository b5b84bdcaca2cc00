/**
 * The paths strip above the board (the path shown, the journey overview) and the header's Paths
 * and metrics menu (Paths…, Compare paths…, Review, Import metrics…).
 */
import { useEffect, useRef, useState } from 'react'
import { sortedPaths } from '../../../shared/commands'
import type { JourneyMap } from '../../../shared/model'
import { setBoardUi, useBoardUi } from '../editing/ui-store'
import { t } from '../i18n'
import { ComparePathsDialog } from './ComparePathsDialog'
import { JourneyOverview } from './JourneyOverview'
import { PathsDialog } from './PathsDialog'
import { ReviewDialog } from './ReviewDialog'
import './paths.css'

type Open = 'paths' | 'compare' | 'review' | null

/**
 * The strip above the board, for a map that has paths (nothing otherwise): which path the board
 * shows (the others faded) and the journey overview. It takes its room from the board.
 */
export function PathsOverview({ map }: { readonly map: JourneyMap }) {
  const focus = useBoardUi((s) => s.pathId)
  const paths = sortedPaths(map)
  if (paths.length === 0) return null
  const shown = paths.some((p) => p.id === focus) ? focus : null
  return (
    <section className="paths-bar" aria-label={t('paths.bar.label')}>
      <label className="paths-show">
        {t('paths.bar.show')}{' '}
        <select
          aria-label={t('paths.bar.showLabel')}
          value={shown ?? ''}
          onChange={(e) => setBoardUi({ pathId: e.target.value || null })}
        >
          <option value="">{t('metrics.kpi.allPaths')}</option>
          {paths.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <JourneyOverview map={map} focus={shown} />
    </section>
  )
}

/**
 * The paths and metrics menu in the map header (one button: the header stays one row and nothing
 * covers the board): Paths…, Compare paths…, Review, Import metrics….
 */
export function PathsBar({ map, onImportMetrics }: { readonly map: JourneyMap; onImportMetrics(): void }) {
  const [open, setOpen] = useState<Open>(null)
  const [menu, setMenu] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  const list = useRef<HTMLUListElement>(null)

  useEffect(() => {
    if (!menu) return
    list.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus()
    const away = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setMenu(false)
    }
    document.addEventListener('pointerdown', away)
    return () => document.removeEventListener('pointerdown', away)
  }, [menu])

  const choose = (action: () => void) => {
    setMenu(false)
    action()
  }
  const onKeyDown = (e: React.KeyboardEvent) => {
    const items = [...(list.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])]
    const at = items.indexOf(document.activeElement as HTMLElement)
    const move = (i: number) => items[(i + items.length) % items.length]?.focus()
    if (e.key === 'ArrowDown') move(at + 1)
    else if (e.key === 'ArrowUp') move(at - 1)
    else if (e.key === 'Home') move(0)
    else if (e.key === 'End') move(items.length - 1)
    else if (e.key === 'Escape' || e.key === 'Tab') {
      if (e.key === 'Escape') e.stopPropagation()
      setMenu(false)
      if (e.key === 'Tab') return
      button.current?.focus()
    } else return
    e.preventDefault()
  }
  const item = (label: string, action: () => void) => (
    <li role="none">
      <button type="button" role="menuitem" tabIndex={-1} onClick={() => choose(action)}>
        {label}
      </button>
    </li>
  )

  return (
    <div className="workshop-menu paths-menu" ref={root}>
      <button ref={button} type="button" aria-haspopup="menu" aria-expanded={menu} onClick={() => setMenu((o) => !o)}>
        {t('paths.menu')} ▾
      </button>
      {menu && (
        <ul ref={list} role="menu" aria-label={t('paths.menu')} onKeyDown={onKeyDown}>
          {item(t('paths.bar.edit'), () => setOpen('paths'))}
          {map.paths.length >= 2 && item(t('paths.bar.compare'), () => setOpen('compare'))}
          {item(t('metrics.review.button'), () => setOpen('review'))}
          {item(t('metrics.import.button'), onImportMetrics)}
        </ul>
      )}
      {open === 'paths' && <PathsDialog map={map} onClose={() => setOpen(null)} />}
      {open === 'compare' && <ComparePathsDialog map={map} onClose={() => setOpen(null)} />}
      {open === 'review' && <ReviewDialog map={map} onClose={() => setOpen(null)} />}
    </div>
  )
}
