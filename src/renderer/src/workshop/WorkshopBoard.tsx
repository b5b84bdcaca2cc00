/**
 * The workshop's part of the board, mounted by the map screen over the canvas (map/MapOverlays): it registers the board
 * for panels that focus it (./board-link), and lays over the canvas what follows the camera — the
 * notes of a dot-voting round as click targets, the stage being presented, the outline of a
 * focused finding — plus the analysis and voting panels (on the board's left), the timer and
 * the presentation controls.
 */
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { voteRefusal } from '../../../shared/analysis'
import type { NoteItem, Rect, Scene } from '../../../shared/layout'
import type { JourneyMap } from '../../../shared/model'
import { AnalysisPanel } from '../analysis/AnalysisPanel'
import type { CameraController } from '../board/camera'
import { t } from '../i18n'
import { castDot } from './actions'
import { linkBoard } from './board-link'
import { Presentation, PresentationHighlight } from './Presentation'
import { enterMap, useWorkshop } from './store'
import { TimerWidget } from './TimerWidget'
import { VotingPanel } from './VotingPanel'
import './workshop.css'

export interface WorkshopBoardProps {
  readonly map: JourneyMap
  readonly scene: Scene
  readonly camera: CameraController
  /** The board's view element (the canvas container). */
  readonly container: RefObject<HTMLDivElement | null>
}

export function WorkshopBoard({ map, scene, camera, container }: WorkshopBoardProps) {
  useLayoutEffect(() => enterMap(map.id), [map.id])
  useEffect(() => linkBoard({ camera, scene, view: container.current }), [camera, scene, container])
  const { timerOpen, presenting, panel, mine } = useWorkshop(
    useShallow((s) => ({ timerOpen: s.timerOpen, presenting: s.presenting, panel: s.panel, mine: s.mapId === map.id }))
  )
  return (
    <>
      {mine && panel === 'analysis' && <AnalysisPanel map={map} />}
      {mine && panel === 'voting' && <VotingPanel map={map} />}
      <CameraPlane camera={camera}>
        <VoteTargets map={map} scene={scene} container={container} />
        {presenting && <PresentationHighlight scene={scene} camera={camera} step={presenting.step} />}
        <FocusFlash />
      </CameraPlane>
      {presenting && <Presentation scene={scene} camera={camera} step={presenting.step} />}
      {timerOpen && <TimerWidget />}
    </>
  )
}

/** A layer over the canvas whose children are placed in board units; it moves with the camera. */
function CameraPlane({ camera, children }: { camera: CameraController; children: React.ReactNode }) {
  const plane = useRef<HTMLDivElement>(null)
  useLayoutEffect(() => {
    const el = plane.current
    if (!el) return
    const follow = () => {
      const { x, y, zoom } = camera.camera
      el.style.transform = `translate(${x}px, ${y}px) scale(${zoom})`
      el.style.setProperty('--zoom', String(zoom))
    }
    follow()
    return camera.subscribe(follow)
  }, [camera])
  return (
    <div className="workshop-overlay">
      <div className="workshop-plane" ref={plane}>
        {children}
      </div>
    </div>
  )
}

const place = (r: Rect) => ({ left: r.x, top: r.y, width: r.w, height: r.h })

/** Passes a wheel over a target on to the board, so zooming and scrolling work over notes too. */
function forwardWheel(container: RefObject<HTMLDivElement | null>, event: React.WheelEvent) {
  container.current?.dispatchEvent(new WheelEvent('wheel', event.nativeEvent))
}

/** During a round: every note that can take a dot is a button over the note. */
function VoteTargets({
  map,
  scene,
  container
}: {
  map: JourneyMap
  scene: Scene
  container: RefObject<HTMLDivElement | null>
}) {
  const round = useWorkshop((s) => s.round)
  if (!round || round.mapId !== map.id) return null
  const notes = new Map(map.notes.map((n) => [n.id, n]))
  const targets = scene.notes.filter((item: NoteItem) => item.id in round.baseline)
  return (
    <>
      {targets.map((item) => {
        const note = notes.get(item.id)
        if (!note) return null
        const refusal = voteRefusal(round, map, note.id)
        return (
          <button
            key={item.id}
            type="button"
            className="vote-target"
            data-note-id={item.id}
            style={place(item)}
            disabled={refusal === 'noVotesLeft'}
            aria-label={t('workshop.vote.for', {
              text: note.text.trim() || t('workshop.noteUntitled'),
              votes: note.votes
            })}
            onClick={() => castDot(note.id)}
            onWheel={(e) => forwardWheel(container, e)}
          />
        )
      })}
    </>
  )
}

/** An outline that fades around what a finding pointed at. */
function FocusFlash() {
  const flash = useWorkshop((s) => s.flash)
  if (!flash) return null
  const pad = 8
  const { x, y, w, h } = flash.rect
  return (
    <div
      key={flash.key}
      className="focus-flash"
      aria-hidden="true"
      style={place({ x: x - pad, y: y - pad, w: w + 2 * pad, h: h + 2 * pad })}
    />
  )
}
