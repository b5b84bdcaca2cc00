import { describe, expect, it } from 'vitest'
import {
  constrainCamera,
  fitCamera,
  minZoomFor,
  pinchCamera,
  stepZoom,
  visibleRect,
  wheelZoomFactor,
  zoomAt,
  ZOOM_MAX,
  ZOOM_MIN
} from '../../src/shared/layout'

describe('camera math', () => {
  it('zooms around a screen point, keeping the board point under it still', () => {
    const camera = { x: 40, y: -20, zoom: 0.8 }
    const anchor = { x: 300, y: 200 }
    const boardPoint = { x: (anchor.x - camera.x) / camera.zoom, y: (anchor.y - camera.y) / camera.zoom }
    const zoomed = zoomAt(camera, 2, anchor)
    expect(zoomed.zoom).toBe(2)
    expect(boardPoint.x * zoomed.zoom + zoomed.x).toBeCloseTo(anchor.x)
    expect(boardPoint.y * zoomed.zoom + zoomed.y).toBeCloseTo(anchor.y)
    expect(zoomAt(camera, 100, anchor).zoom).toBe(ZOOM_MAX)
    expect(zoomAt(camera, 0, anchor).zoom).toBe(ZOOM_MIN)
  })

  it('follows a two-finger pinch: zoom by the fingers’ spread, the board point under their midpoint follows it', () => {
    const camera = { x: 10, y: 20, zoom: 1 }
    // Fingers spread from 100 px to 200 px apart around the same midpoint (300, 200): twice the zoom.
    const spread = pinchCamera(
      camera,
      [
        { x: 250, y: 200 },
        { x: 350, y: 200 }
      ],
      [
        { x: 200, y: 200 },
        { x: 400, y: 200 }
      ]
    )
    expect(spread.zoom).toBeCloseTo(2)
    expect((300 - spread.x) / spread.zoom).toBeCloseTo((300 - camera.x) / camera.zoom)
    expect((200 - spread.y) / spread.zoom).toBeCloseTo((200 - camera.y) / camera.zoom)
    // Both fingers moved 30 px right at the same spread: a pan.
    const moved = pinchCamera(
      camera,
      [
        { x: 0, y: 0 },
        { x: 100, y: 0 }
      ],
      [
        { x: 30, y: 0 },
        { x: 130, y: 0 }
      ]
    )
    expect(moved).toEqual({ x: 40, y: 20, zoom: 1 })
    // Never past the zoom limits.
    expect(
      pinchCamera(
        camera,
        [
          { x: 0, y: 0 },
          { x: 1, y: 0 }
        ],
        [
          { x: 0, y: 0 },
          { x: 1000, y: 0 }
        ]
      ).zoom
    ).toBe(ZOOM_MAX)
  })

  it('steps through the zoom stops from any zoom', () => {
    expect(stepZoom(1, 1)).toBe(1.25)
    expect(stepZoom(1, -1)).toBe(0.8)
    expect(stepZoom(0.9, 1)).toBe(1)
    expect(stepZoom(0.9, -1)).toBe(0.8)
    expect(stepZoom(ZOOM_MAX, 1)).toBe(ZOOM_MAX)
    expect(stepZoom(ZOOM_MIN, -1)).toBe(ZOOM_MIN)
  })

  it('turns wheel deltas into gentle zoom factors, in for negative deltas', () => {
    expect(wheelZoomFactor(-100)).toBeGreaterThan(1)
    expect(wheelZoomFactor(100)).toBeLessThan(1)
    expect(wheelZoomFactor(100) * wheelZoomFactor(-100)).toBeCloseTo(1)
    expect(wheelZoomFactor(-10_000)).toBe(wheelZoomFactor(-100))
  })

  it('fits a rectangle in the viewport, centred, never beyond 100%', () => {
    const fit = fitCamera({ x: 0, y: 0, w: 4000, h: 1000 }, { width: 1000, height: 800 }, 0)
    expect(fit.zoom).toBe(0.25)
    expect(visibleRect(fit, { width: 1000, height: 800 })).toMatchObject({ y: -1100, w: 4000, h: 3200 })
    expect(visibleRect(fit, { width: 1000, height: 800 }).x).toBeCloseTo(0)
    expect(fitCamera({ x: 0, y: 0, w: 100, h: 100 }, { width: 1000, height: 800 }).zoom).toBe(1)
  })

  it('keeps part of the board in view however far it is panned', () => {
    const board = { width: 2000, height: 1000 }
    const viewport = { width: 800, height: 600 }
    expect(constrainCamera({ x: -99_999, y: 99_999, zoom: 1 }, board, viewport, 100)).toEqual({
      x: -1900,
      y: 500,
      zoom: 1
    })
    expect(constrainCamera({ x: -300, y: -200, zoom: 1 }, board, viewport)).toEqual({ x: -300, y: -200, zoom: 1 })
  })
})

describe('minimum zoom', () => {
  const viewport = { width: 1600, height: 1000 }
  it('is 5 % for a board that fits at 5 %, and whatever fits a bigger board', () => {
    expect(minZoomFor({ width: 5000, height: 6000 }, viewport)).toBe(ZOOM_MIN)
    // A 50,000-note board of 20 stages: 160,720 units tall.
    const big = { width: 5040, height: 160_720 }
    const min = minZoomFor(big, viewport)
    expect(min).toBeLessThan(ZOOM_MIN)
    const fitted = fitCamera({ x: 0, y: 0, w: big.width, h: big.height }, viewport, 24, 1, min)
    expect(big.height * fitted.zoom).toBeLessThanOrEqual(viewport.height)
    expect(fitted.y).toBeGreaterThanOrEqual(0)
    expect(stepZoom(ZOOM_MIN, -1, min)).toBe(min)
    expect(stepZoom(ZOOM_MIN, -1)).toBe(ZOOM_MIN)
  })
})
