/** A persona's photo-less avatar: initials on the persona's colour, in ink that stays readable. */
import type { Persona } from '../../../shared/model'
import { listOf, t } from '../i18n'
import '../common/common.css'

/** Black or white, whichever reads better on `hex` (WCAG relative luminance). */
export function readableInk(hex: string): string {
  const full =
    hex.length === 4
      ? hex
          .slice(1)
          .split('')
          .map((c) => c + c)
          .join('')
      : hex.slice(1)
  const channel = (i: number) => {
    const v = parseInt(full.slice(i, i + 2), 16) / 255
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
  }
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
  // Contrast with white is (1.05)/(L+0.05), with black (L+0.05)/(0.05): pick the larger (black, not
  // the ink colour, so mid-tone persona colours still reach 4.5:1 for the small bold initials).
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? '#ffffff' : '#000000'
}

/** Up to three letters from a name: the first letter of the first words ("Maya Okafor" → "MO"). */
export function initialsOf(name: string): string {
  const words = name
    .replace(/[,(].*$/, '')
    .split(/\s+/)
    .filter((w) => /\p{L}|\p{N}/u.test(w))
  const letters = words.map((w) => [...w.replace(/^[^\p{L}\p{N}]+/u, '')][0] ?? '').filter(Boolean)
  const picked = letters.length > 1 ? [letters[0], letters[letters.length - 1]] : letters
  return picked.join('').toLocaleUpperCase().slice(0, 3)
}

export function PersonaAvatar({
  persona,
  size = 'small',
  decorative = false
}: {
  persona: Pick<Persona, 'name' | 'initials' | 'color'>
  size?: 'small' | 'large'
  /** True when the name is written next to it anyway. */
  decorative?: boolean
}) {
  return (
    <span
      className={`avatar${size === 'large' ? ' large' : ''}`}
      style={{ background: persona.color, color: readableInk(persona.color) }}
      role={decorative ? undefined : 'img'}
      aria-label={decorative ? undefined : persona.name}
      aria-hidden={decorative ? true : undefined}
      title={decorative ? undefined : persona.name}
    >
      {persona.initials}
    </span>
  )
}

/** Avatars side by side, overlapping, with "+3" past `max`. */
export function AvatarStack({ personas, max = 4 }: { personas: readonly Persona[]; max?: number }) {
  if (personas.length === 0) return null
  const shown = personas.slice(0, max)
  const more = personas.length - shown.length
  return (
    <span
      className="avatar-stack"
      role="list"
      aria-label={t('personas.avatars', { names: listOf(personas.map((p) => p.name)) })}
    >
      {shown.map((p) => (
        <span role="listitem" key={p.id}>
          <PersonaAvatar persona={p} decorative />
        </span>
      ))}
      {more > 0 && (
        <span role="listitem" className="avatar avatar-more" aria-hidden="true">
          +{more}
        </span>
      )}
    </span>
  )
}
