/**
 * Fractional ordering: a record's position is a number, and an insert or move takes a number
 * between its new neighbours, so it rewrites one record instead of the whole container. When
 * doubles run out between two neighbours (after ~50 halvings in the same gap), the container is
 * renumbered 1, 2, 3… in the same patch.
 */

/** A record that has a position in its container. */
export interface Ordered {
  readonly id: string
  readonly order: number
}

/**
 * A sort key strictly between `a` and `b`; a missing bound is an open end. Appending after `a`
 * gives the next whole number, so orders stay readable integers in the common case. Returns
 * null when no finite double lies strictly between the two (or they are not increasing): the
 * caller then renumbers the container.
 */
export function orderBetween(a?: number, b?: number): number | null {
  let candidate: number
  if (a === undefined && b === undefined) candidate = 1
  else if (b === undefined) candidate = Math.floor(a as number) + 1
  else if (a === undefined) candidate = Math.ceil(b) - 1
  else candidate = a / 2 + b / 2 // not (a + b) / 2, which overflows near the largest doubles
  candidate += 0 // no -0
  if (!Number.isFinite(candidate)) return null
  if (a !== undefined && !(candidate > a)) return null
  if (b !== undefined && !(candidate < b)) return null
  return candidate
}

/**
 * New orders for a container that should end up in `sequence` (ids, first to last).
 * `fixed` are the records that keep their order (all of them in `sequence`, in order-then-id
 * order); every other id in `sequence` is placed between its fixed neighbours.
 * Returns only the orders that change: the placed records, plus every record whose order
 * changes when the container has to be renumbered.
 */
export function sequenceOrders(fixed: readonly Ordered[], sequence: readonly string[]): Map<string, number> {
  const fixedOrder = new Map(fixed.map((r) => [r.id, r.order]))
  const out = new Map<string, number>()
  let previous: number | undefined
  let pending: string[] = []
  const place = (next: number | undefined): boolean => {
    let lower = previous
    for (const id of pending) {
      const order = orderBetween(lower, next)
      if (order === null) return false
      out.set(id, order)
      lower = order
    }
    pending = []
    return true
  }
  let ok = true
  for (const id of sequence) {
    const order = fixedOrder.get(id)
    if (order === undefined) {
      pending.push(id)
      continue
    }
    // Equal orders are fine (ties sort by id); only a record placed between them needs a gap.
    if (previous !== undefined && order < previous) ok = false
    if (!ok || !place(order)) {
      ok = false
      break
    }
    previous = order
  }
  if (ok && place(undefined)) return out

  const renumbered = new Map<string, number>()
  sequence.forEach((id, i) => {
    if (fixedOrder.get(id) !== i + 1) renumbered.set(id, i + 1)
  })
  return renumbered
}

/**
 * New orders for inserting `id` at `index` among `siblings` (sorted, without `id`); an index
 * past the end, or none, means at the end. See sequenceOrders for what is returned.
 */
export function ordersForInsert(
  siblings: readonly Ordered[],
  index: number | undefined,
  id: string
): Map<string, number> {
  const ids = siblings.map((r) => r.id)
  const at = index === undefined ? ids.length : Math.max(0, Math.min(index, ids.length))
  return sequenceOrders(siblings, [...ids.slice(0, at), id, ...ids.slice(at)])
}

export function byOrderThenId(a: Ordered, b: Ordered): number {
  return a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}
