/** The PNG size plan: inside Chromium's canvas limits, tiles of whole pixels, and honest about it. */
import { describe, expect, it } from 'vitest'
import { MAX_CANVAS_AREA, MAX_CANVAS_SIDE, planPng } from '../../src/shared/export/png-plan'

describe('planPng', () => {
  it('keeps the ratio asked for when the image fits', () => {
    const plan = planPng(4988, 6544, 2)
    expect(plan).toMatchObject({ ratio: 2, requestedRatio: 2, limitedBy: null, width: 9976, height: 13088 })
    expect(plan.columns * plan.tile).toBeGreaterThanOrEqual(4988)
    expect(plan.rows * plan.tile).toBeGreaterThanOrEqual(6544)
    expect(plan.tile * plan.ratio).toBeLessThanOrEqual(2048)
  })

  it('lowers the ratio for a side past 32,767 pixels, and says so', () => {
    const plan = planPng(4988, 30_832, 3)
    expect(plan.limitedBy).toBe('side')
    expect(plan.ratio).toBeLessThan(3)
    expect(plan.height).toBeLessThanOrEqual(MAX_CANVAS_SIDE)
    expect(plan.width * plan.height).toBeLessThanOrEqual(MAX_CANVAS_AREA)
  })

  it('lowers the ratio for more than 268 million pixels, and says so', () => {
    const plan = planPng(12_000, 12_000, 2)
    expect(plan.limitedBy).toBe('area')
    expect(plan.width * plan.height).toBeLessThanOrEqual(MAX_CANVAS_AREA)
    expect(Math.max(plan.width, plan.height)).toBeLessThanOrEqual(MAX_CANVAS_SIDE)
  })

  it('cuts tiles of a whole number of pixels at any lowered ratio', () => {
    for (const [w, h, r] of [
      [40_000, 2_000, 3],
      [15_000, 15_000, 3],
      [700, 30_000, 2]
    ] as const) {
      const plan = planPng(w, h, r)
      expect(
        Number.isInteger(plan.tile * plan.ratio + 1e-9) ||
          Math.abs(plan.tile * plan.ratio - Math.round(plan.tile * plan.ratio)) < 1e-6
      ).toBe(true)
      expect(plan.width).toBeLessThanOrEqual(MAX_CANVAS_SIDE)
      expect(plan.height).toBeLessThanOrEqual(MAX_CANVAS_SIDE)
    }
  })
})
