/**
 * Side-panel details of a stage (a column) or a lane (a row): title, prompt, size, folding,
 * order, delete. Stages and lanes differ only in which commands and words they use, so one
 * component serves both, driven by an AxisKind.
 */
import { orderedLanes, orderedStages, type CommandName } from '../../../shared/commands'
import type { JourneyMap } from '../../../shared/model'
import { LIMITS } from '../../../shared/schema/entities'
import { perform, type BoardAction } from '../editing/actions'
import type { CommandCall } from '../editing/gesture'
import { t, type MessageKey } from '../i18n'
import { useAppStore } from '../store'
import { CommitField, Section } from './controls'

const act = (action: BoardAction) => perform(action, useAppStore.getState())
const run = (calls: readonly CommandCall[]) => act({ type: 'execute', calls })

interface Axis {
  readonly title: MessageKey
  readonly sizeLabel: MessageKey
  readonly earlier: MessageKey
  readonly later: MessageKey
  readonly remove: MessageKey
  readonly ordered: (map: JourneyMap) => readonly {
    id: string
    title: string
    prompt: string
    collapsed: boolean
    size: number
  }[]
  /** The command arguments naming this stage or lane. */
  readonly ref: (id: string) => Record<string, string>
  readonly rename: CommandName
  readonly resize: CommandName
  readonly sizeField: 'width' | 'height'
  readonly collapse: CommandName
  readonly move: CommandName
  readonly addAfter?: (index: number) => BoardAction
  readonly removeAction: (id: string) => BoardAction
}

const AXES: Record<'stage' | 'lane', Axis> = {
  stage: {
    title: 'interaction.panel.stage',
    sizeLabel: 'interaction.panel.width',
    earlier: 'interaction.stage.moveLeft',
    later: 'interaction.stage.moveRight',
    remove: 'interaction.stage.delete',
    ordered: (map) => orderedStages(map).map((s) => ({ ...s, size: s.width })),
    ref: (stageId) => ({ stageId }),
    rename: 'renameStage',
    resize: 'resizeStage',
    sizeField: 'width',
    collapse: 'collapseStage',
    move: 'moveStage',
    addAfter: (index) => ({ type: 'addStage', index }),
    removeAction: (stageId) => ({ type: 'deleteStage', stageId })
  },
  lane: {
    title: 'interaction.panel.lane',
    sizeLabel: 'interaction.panel.height',
    earlier: 'interaction.lane.moveUp',
    later: 'interaction.lane.moveDown',
    remove: 'interaction.lane.delete',
    ordered: (map) => orderedLanes(map).map((l) => ({ ...l, size: l.height })),
    ref: (laneId) => ({ laneId }),
    rename: 'renameLane',
    resize: 'resizeLane',
    sizeField: 'height',
    collapse: 'collapseLane',
    move: 'moveLane',
    removeAction: (laneId) => ({ type: 'deleteLane', laneId })
  }
}

export function AxisDetails({ map, kind, id }: { map: JourneyMap; kind: 'stage' | 'lane'; id: string }) {
  const axis = AXES[kind]
  const addAfter = axis.addAfter
  const items = axis.ordered(map)
  const at = items.findIndex((item) => item.id === id)
  const item = items[at]
  if (!item) return null
  const call = (name: CommandName, args: Record<string, unknown>) =>
    run([{ name, args: { ...axis.ref(id), ...args } } as unknown as CommandCall])
  return (
    <Section title={t(axis.title)}>
      <CommitField
        key={`title:${item.title}`}
        label={t('interaction.panel.title')}
        value={item.title}
        maxLength={LIMITS.title}
        allowEmpty={false}
        onCommit={(title) => call(axis.rename, { title })}
      />
      <CommitField
        key={`prompt:${item.prompt}`}
        label={t('interaction.panel.prompt')}
        value={item.prompt}
        multiline
        onCommit={(prompt) => call(axis.rename, { prompt })}
      />
      <CommitField
        key={`size:${item.size}`}
        label={t(axis.sizeLabel)}
        value={String(item.size)}
        type="number"
        allowEmpty={false}
        onCommit={(size) => Number.isFinite(Number(size)) && call(axis.resize, { [axis.sizeField]: Number(size) })}
      />
      <label className="check">
        <input
          type="checkbox"
          checked={item.collapsed}
          onChange={(e) => call(axis.collapse, { collapsed: e.target.checked })}
        />
        {t('interaction.panel.collapsed')}
      </label>
      <div className="panel-actions">
        <button type="button" disabled={at === 0} onClick={() => call(axis.move, { index: at - 1 })}>
          {t(axis.earlier)}
        </button>
        <button type="button" disabled={at === items.length - 1} onClick={() => call(axis.move, { index: at + 1 })}>
          {t(axis.later)}
        </button>
        {addAfter && (
          <button type="button" onClick={() => act(addAfter(at + 1))}>
            {t('interaction.stage.addAfter')}
          </button>
        )}
        <button
          type="button"
          className="danger"
          disabled={items.length === 1}
          onClick={() => act(axis.removeAction(id))}
        >
          {t(axis.remove)}
        </button>
      </div>
    </Section>
  )
}
