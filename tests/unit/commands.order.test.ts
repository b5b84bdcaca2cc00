import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { orderBetween, sequenceOrders } from '../../src/shared/commands'

describe('orderBetween', () => {
  it('starts at 1 in an empty container and appends whole numbers', () => {
    expect(orderBetween()).toBe(1)
    expect(orderBetween(3)).toBe(4)
    expect(orderBetween(2.5)).toBe(3)
    expect(orderBetween(undefined, 1)).toBe(0)
    expect(orderBetween(undefined, 0.5)).toBe(0)
  })

  it('takes the middle between two neighbours', () => {
    expect(orderBetween(1, 2)).toBe(1.5)
    expect(orderBetween(-1, 1)).toBe(0)
    expect(Object.is(orderBetween(-1, 1), -0)).toBe(false)
  })

  it('reports exhaustion (null) when no double lies between', () => {
    expect(orderBetween(1, 1)).toBeNull()
    expect(orderBetween(2, 1)).toBeNull()
    expect(orderBetween(1, 1 + Number.EPSILON)).toBeNull()
    expect(orderBetween(Number.MAX_VALUE)).toBeNull()
    expect(orderBetween(undefined, -Number.MAX_VALUE)).toBeNull()
    expect(orderBetween(-Number.MAX_VALUE, Number.MAX_VALUE)).toBe(0)
  })

  it('always returns a finite number strictly between, or null', () => {
    const bound = fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: undefined })
    fc.assert(
      fc.property(bound, bound, (a, b) => {
        const o = orderBetween(a, b)
        if (o === null) return a !== undefined && b !== undefined ? true : Math.abs((a ?? b) as number) > 1e15
        return Number.isFinite(o) && (a === undefined || o > a) && (b === undefined || o < b)
      })
    )
  })
})

describe('sequenceOrders', () => {
  const rows = (...orders: number[]) => orders.map((order, i) => ({ id: `r${i + 1}`, order }))

  it('places a new id between its neighbours and leaves the rest alone', () => {
    expect(sequenceOrders(rows(1, 2, 3), ['r1', 'x', 'r2', 'r3'])).toEqual(new Map([['x', 1.5]]))
    expect(sequenceOrders(rows(1, 2), ['r1', 'r2', 'x'])).toEqual(new Map([['x', 3]]))
    expect(sequenceOrders([], ['x'])).toEqual(new Map([['x', 1]]))
  })

  it('renumbers the whole container when the gap is exhausted', () => {
    const tight = [
      { id: 'a', order: 1 },
      { id: 'b', order: 1 + Number.EPSILON }
    ]
    expect(sequenceOrders(tight, ['a', 'x', 'b'])).toEqual(
      new Map([
        ['x', 2],
        ['b', 3]
      ])
    )
  })

  it('keeps inserting at the same spot forever: renumbering takes over from halving', () => {
    let records = rows(1, 2)
    for (let i = 0; i < 200; i++) {
      const sequence = ['r1', `x${i}`, ...records.filter((r) => r.id !== 'r1').map((r) => r.id)]
      const orders = sequenceOrders(records, sequence)
      records = sequence.map((id) => ({ id, order: orders.get(id) ?? records.find((r) => r.id === id)!.order }))
      for (let k = 1; k < records.length; k++) expect(records[k]!.order).toBeGreaterThan(records[k - 1]!.order)
    }
  })
})
