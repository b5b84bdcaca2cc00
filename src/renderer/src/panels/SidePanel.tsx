/**
 * The side panel: details of what is selected on the board, as labelled controls that work from
 * the keyboard. For notes: text, colour, kind, channel, category, personas, severity, impact,
 * effort, their pain points and arrows. For a cell of the emotion lane: each series' score and
 * the pain points on it. For a stage or lane: title, prompt, size, folding, order. For an arrow:
 * its label. And, on request, every pain point of the map.
 */
import { CommentList, PictureField } from './NoteExtras'
import type { JourneyMap, Marker } from '../../../shared/model'
import { LIMITS } from '../../../shared/schema/entities'
import { perform, type BoardAction } from '../editing/actions'
import { curveLaneId, formatScore } from '../board/interaction/geometry'
import type { CommandCall } from '../editing/gesture'
import { setBoardUi, useBoardUi } from '../editing/ui-store'
import { t } from '../i18n'
import { useAppStore } from '../store'
import type { Selection } from '../store/editor'
import { CommitField, Section, SelectField } from './controls'
import { AxisDetails } from './AxisDetails'
import { NotePathAndEvidence } from './NoteEvidence'
import { markerPlace } from './BoardDialogs'
import {
  CATEGORIES,
  CHANNELS,
  NOTE_KINDS,
  PALETTE,
  allTagged,
  categoryLabel,
  channelLabel,
  kindLabel,
  setNoteField,
  sharedValue,
  togglePersona,
  type LinkedPersona,
  type NoteFieldChange
} from '../editing/note-fields'
import { NoteAuthor } from '../live/LiveButtons'
import { pointOf, scaleScores, seriesOf } from '../editing/series'
import './panels.css'

export interface SidePanelProps {
  readonly map: JourneyMap
  readonly personas: readonly LinkedPersona[]
  /** Selects what a pain point sits on and brings it into view. */
  readonly show: (selection: Selection) => void
}

const act = (action: BoardAction) => perform(action, useAppStore.getState())
const run = (calls: readonly CommandCall[]) => act({ type: 'execute', calls })

export function SidePanel({ map, personas, show }: SidePanelProps) {
  const selection = useAppStore((s) => s.selection)
  const connectorId = useBoardUi((s) => s.connectorId)
  const painPointsOpen = useBoardUi((s) => s.painPointsOpen)
  const connector = connectorId ? map.connectors.find((c) => c.id === connectorId) : undefined
  const body = selectionDetails(selection, map, personas)
  if (!body && !connector && !painPointsOpen) return null
  return (
    <aside className="side-panel" data-board-panel="right" aria-label={t('interaction.panel.label')}>
      <button
        type="button"
        className="panel-close quiet"
        aria-label={t('interaction.panel.close')}
        title={t('interaction.panel.close')}
        onClick={() => {
          useAppStore.getState().clearSelection()
          setBoardUi({ connectorId: null, painPointsOpen: false })
        }}
      >
        ×
      </button>
      {body}
      {connector && !body && <ConnectorDetails map={map} connectorId={connector.id} />}
      {painPointsOpen && <AllPainPoints map={map} personas={personas} show={show} />}
    </aside>
  )
}

function selectionDetails(selection: Selection, map: JourneyMap, personas: readonly LinkedPersona[]) {
  switch (selection.kind) {
    case 'none':
      return null
    case 'notes':
      return <NoteDetails key={selection.noteIds.join(',')} map={map} noteIds={selection.noteIds} personas={personas} />
    case 'cell':
      // A plain cell needs no panel (N or Enter adds a note); the emotion lane's cells hold the scores.
      return selection.laneId === curveLaneId(map) ? (
        <EmotionDetails key={selection.stageId} map={map} stageId={selection.stageId} personas={personas} />
      ) : null
    case 'stage':
      return <AxisDetails key={selection.stageId} map={map} kind="stage" id={selection.stageId} />
    case 'lane':
      return <AxisDetails key={selection.laneId} map={map} kind="lane" id={selection.laneId} />
  }
}

const ONE_TO = (n: number) => Array.from({ length: n }, (_, i) => ({ value: i + 1, label: String(i + 1) }))

function NoteDetails({
  map,
  noteIds,
  personas
}: {
  map: JourneyMap
  noteIds: readonly string[]
  personas: readonly LinkedPersona[]
}) {
  const notes = map.notes.filter((n) => noteIds.includes(n.id))
  const single = notes.length === 1 ? notes[0] : undefined
  if (notes.length === 0) return null
  const ids = notes.map((n) => n.id)
  const set = (change: NoteFieldChange) => run(setNoteField(map, ids, change))
  const color = sharedValue(map, ids, 'color')
  return (
    <Section title={single ? t('interaction.panel.note') : t('interaction.panel.notes', { count: notes.length })}>
      {single && (
        <CommitField
          key={`${single.id}:${single.text}`}
          label={t('interaction.field.text')}
          value={single.text}
          multiline
          maxLength={LIMITS.noteText}
          onCommit={(text) => set({ text })}
        />
      )}
      {single && <NoteAuthor noteId={single.id} />}
      <fieldset className="panel-field swatches">
        <legend>{t('interaction.field.color')}</legend>
        {PALETTE.map((p) => (
          <label key={p.color} className="swatch" style={{ background: p.color }} title={t(p.name)}>
            <input
              type="radio"
              name={`note-color-${ids[0]}`}
              checked={color?.toLowerCase() === p.color.toLowerCase()}
              onChange={() => set({ color: p.color })}
            />
            <span className="visually-hidden">{t(p.name)}</span>
          </label>
        ))}
      </fieldset>
      <SelectField
        label={t('interaction.field.kind')}
        value={sharedValue(map, ids, 'kind')}
        options={NOTE_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
        onChange={(kind) => kind && set({ kind })}
      />
      <SelectField
        label={t('interaction.field.channel')}
        value={sharedValue(map, ids, 'channel')}
        none={t('interaction.none')}
        options={CHANNELS.map((c) => ({ value: c, label: channelLabel(c) }))}
        onChange={(channel) => set({ channel })}
      />
      <SelectField
        label={t('interaction.field.category')}
        value={sharedValue(map, ids, 'category')}
        none={t('interaction.none')}
        options={CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c) }))}
        onChange={(category) => set({ category })}
      />
      <fieldset className="panel-field personas">
        <legend>{t('interaction.field.personas')}</legend>
        {personas.length === 0 && <p className="panel-hint">{t('interaction.personas.none')}</p>}
        {personas.map((p) => (
          <label key={p.id} className="check">
            <input
              type="checkbox"
              checked={allTagged(map, ids, p.id)}
              onChange={() => run(togglePersona(map, ids, p.id))}
            />
            <span className="persona-dot" style={{ background: p.color }} aria-hidden="true" />
            {p.name}
          </label>
        ))}
      </fieldset>
      <div className="panel-row">
        <SelectField
          label={t('interaction.field.severity')}
          value={sharedValue(map, ids, 'severity')}
          none={t('interaction.none')}
          options={ONE_TO(3)}
          onChange={(severity) => set({ severity })}
        />
        <SelectField
          label={t('interaction.field.impact')}
          value={sharedValue(map, ids, 'impact')}
          none={t('interaction.none')}
          options={ONE_TO(5)}
          onChange={(impact) => set({ impact })}
        />
        <SelectField
          label={t('interaction.field.effort')}
          value={sharedValue(map, ids, 'effort')}
          none={t('interaction.none')}
          options={ONE_TO(5)}
          onChange={(effort) => set({ effort })}
        />
      </div>
      <NotePathAndEvidence map={map} notes={notes} run={run} />
      {single && (
        <MarkerList
          map={map}
          markers={map.markers.filter((m) => m.target.kind === 'note' && m.target.noteId === single.id)}
          onAdd={() => act({ type: 'markerDialog', target: { kind: 'note', noteId: single.id } })}
        />
      )}
      {single && <ArrowList map={map} noteId={single.id} />}
      {single && <CommentList key={`comments:${single.id}`} note={single} />}
      {single && <PictureField note={single} />}
      <div className="panel-actions">
        <button type="button" onClick={() => act({ type: 'duplicate', noteIds: ids })}>
          {t('interaction.note.duplicate')}
        </button>
        <button type="button" className="danger" onClick={() => run([{ name: 'deleteNotes', args: { noteIds: ids } }])}>
          {ids.length === 1 ? t('interaction.note.delete') : t('interaction.note.deleteMany', { count: ids.length })}
        </button>
      </div>
    </Section>
  )
}

function MarkerList({ map, markers, onAdd }: { map: JourneyMap; markers: readonly Marker[]; onAdd?: () => void }) {
  const focused = useBoardUi((s) => s.markerId)
  return (
    <div className="panel-group">
      <h4>{t('interaction.panel.painPoints')}</h4>
      {markers.length === 0 && <p className="panel-hint">{t('interaction.panel.noPainPoints')}</p>}
      <ul className="marker-list">
        {markers.map((m, i) => (
          <li key={m.id} className={focused === m.id ? 'focused' : undefined}>
            <MarkerRow map={map} marker={m} n={i + 1} />
          </li>
        ))}
      </ul>
      {onAdd && (
        <button type="button" onClick={onAdd}>
          {t('interaction.marker.add')}
        </button>
      )}
    </div>
  )
}

function MarkerRow({ marker, n }: { map: JourneyMap; marker: Marker; n: number }) {
  const what = marker.label || t('interaction.menu.marker')
  return (
    <div className="marker-row">
      <span className={`severity-dot severity-${marker.severity}`} aria-hidden="true">
        {marker.severity}
      </span>
      <SelectField
        label={t('interaction.marker.severity')}
        ariaLabel={t('interaction.panel.markerSeverity', { n })}
        value={marker.severity}
        options={[1, 2, 3].map((s) => ({ value: s, label: t(`interaction.severity.${s as 1 | 2 | 3}`) }))}
        onChange={(severity) => severity && run([{ name: 'editMarker', args: { markerId: marker.id, severity } }])}
      />
      <CommitField
        key={`${marker.id}:${marker.label}`}
        label={t('interaction.panel.labelShort')}
        ariaLabel={t('interaction.panel.markerLabel', { n })}
        value={marker.label}
        maxLength={LIMITS.label}
        onCommit={(label) => run([{ name: 'editMarker', args: { markerId: marker.id, label: label.trim() } }])}
      />
      <button
        type="button"
        className="quiet remove"
        aria-label={t('interaction.panel.removeLabelled', { what })}
        title={t('interaction.panel.removeLabelled', { what })}
        onClick={() => run([{ name: 'removeMarker', args: { markerId: marker.id } }])}
      >
        ×
      </button>
    </div>
  )
}

const short = (text: string) => (text.length > 40 ? `${text.slice(0, 37)}…` : text || t('interaction.panel.empty'))

function ArrowList({ map, noteId }: { map: JourneyMap; noteId: string }) {
  const arrows = map.connectors.filter((c) => c.fromNoteId === noteId || c.toNoteId === noteId)
  if (arrows.length === 0) return null
  const textOf = (id: string) => short(map.notes.find((n) => n.id === id)?.text ?? '')
  return (
    <div className="panel-group">
      <h4>{t('interaction.panel.arrows')}</h4>
      <ul className="arrow-list">
        {arrows.map((c) => {
          const direction =
            c.fromNoteId === noteId
              ? t('interaction.panel.arrowTo', { text: textOf(c.toNoteId) })
              : t('interaction.panel.arrowFrom', { text: textOf(c.fromNoteId) })
          return (
            <li key={c.id} className="arrow-row">
              <CommitField
                key={`${c.id}:${c.label}`}
                label={direction}
                ariaLabel={t('interaction.panel.arrowLabel', { direction })}
                value={c.label}
                maxLength={LIMITS.label}
                onCommit={(label) =>
                  run([{ name: 'relabelConnector', args: { connectorId: c.id, label: label.trim() } }])
                }
              />
              <button
                type="button"
                className="quiet remove"
                aria-label={t('interaction.panel.removeLabelled', { what: direction })}
                title={t('interaction.panel.removeLabelled', { what: direction })}
                onClick={() => run([{ name: 'disconnect', args: { connectorId: c.id } }])}
              >
                ×
              </button>
            </li>
          )
        })}
      </ul>
    </div>
  )
}

function EmotionDetails({
  map,
  stageId,
  personas
}: {
  map: JourneyMap
  stageId: string
  personas: readonly LinkedPersona[]
}) {
  const stage = map.stages.find((s) => s.id === stageId)
  if (!stage) return null
  const scores = scaleScores(map).map((s) => ({ value: s, label: formatScore(s) }))
  return (
    <Section title={t('interaction.panel.emotion', { stage: stage.title })}>
      {seriesOf(map, personas).map((series) => {
        const point = pointOf(map, series, stageId)
        const markers = map.markers.filter(
          (m) =>
            m.target.kind === 'curve' &&
            m.target.stageId === stageId &&
            m.target.personaId === series.personaId &&
            m.target.variant === series.variant
        )
        return (
          <div key={series.key} className="panel-group series">
            <SelectField
              label={t('interaction.panel.scoreOf', { series: series.name })}
              value={point ? point.score : null}
              none={t('interaction.panel.noScore')}
              options={scores}
              onChange={(score) => {
                if (score === null) {
                  if (point) run([{ name: 'removeEmotionPoint', args: { pointId: point.id } }])
                  return
                }
                act({
                  type: 'setPoint',
                  series: { personaId: series.personaId, variant: series.variant },
                  stageId,
                  score
                })
              }}
            />
            {point && (
              <MarkerList
                map={map}
                markers={markers}
                onAdd={() =>
                  act({
                    type: 'markerDialog',
                    target: { kind: 'curve', personaId: series.personaId, variant: series.variant, stageId }
                  })
                }
              />
            )}
          </div>
        )
      })}
    </Section>
  )
}

function ConnectorDetails({ map, connectorId }: { map: JourneyMap; connectorId: string }) {
  const connector = map.connectors.find((c) => c.id === connectorId)
  if (!connector) return null
  const textOf = (id: string) => short(map.notes.find((n) => n.id === id)?.text ?? '')
  return (
    <Section title={t('interaction.connector.title')}>
      <p className="panel-hint">
        {t('interaction.connector.fromTo', { from: textOf(connector.fromNoteId), to: textOf(connector.toNoteId) })}
      </p>
      <CommitField
        key={`${connector.id}:${connector.label}`}
        label={t('interaction.connector.editLabel')}
        value={connector.label}
        maxLength={LIMITS.label}
        onCommit={(label) => run([{ name: 'relabelConnector', args: { connectorId, label: label.trim() } }])}
      />
      {map.paths.length > 0 && (
        <SelectField
          label={t('metrics.note.path')}
          value={connector.pathId ?? null}
          none={t('metrics.kpi.allPaths')}
          options={map.paths.map((p) => ({ value: p.id, label: p.name }))}
          onChange={(pathId) => run([{ name: 'relabelConnector', args: { connectorId, pathId } }])}
        />
      )}
      <div className="panel-actions">
        <button
          type="button"
          className="danger"
          onClick={() => {
            run([{ name: 'disconnect', args: { connectorId } }])
            setBoardUi({ connectorId: null })
          }}
        >
          {t('interaction.connector.remove')}
        </button>
      </div>
    </Section>
  )
}

function AllPainPoints({
  map,
  personas,
  show
}: {
  map: JourneyMap
  personas: readonly LinkedPersona[]
  show: (selection: Selection) => void
}) {
  const laneId = curveLaneId(map)
  const focused = useBoardUi((s) => s.markerId)
  return (
    <Section title={t('interaction.panel.allPainPoints')}>
      {map.markers.length === 0 && <p className="panel-hint">{t('interaction.panel.noPainPoints')}</p>}
      <ul className="marker-list">
        {map.markers.map((m, i) => {
          const selection: Selection | null =
            m.target.kind === 'note'
              ? { kind: 'notes', noteIds: [m.target.noteId] }
              : laneId
                ? { kind: 'cell', stageId: m.target.stageId, laneId }
                : null
          return (
            <li key={m.id} className={focused === m.id ? 'focused' : undefined}>
              <p className="marker-place">
                {markerPlace(map, m.target, personas)}
                {selection && (
                  <button
                    type="button"
                    className="link"
                    onClick={() => {
                      setBoardUi({ markerId: m.id })
                      show(selection)
                    }}
                  >
                    {t('interaction.panel.show')}
                  </button>
                )}
              </p>
              <MarkerRow map={map} marker={m} n={i + 1} />
            </li>
          )
        })}
      </ul>
    </Section>
  )
}
