/**
 * The journey overview above the board: the stages left to right as nodes, and each path drawn
 * through them in its colour. Paths that share a stage meet at its node (a merge) and leave it
 * on their own arcs (a branch); a step back to an earlier stage is an arc over the top (a loop).
 * The trigger or conversion event of each step is written on its edge, with the conversion rate
 * where both stages count the funnel KPI.
 */
import { formatShare, funnelSteps } from '../../../shared/analysis/funnel'
import { orderedStages, sortedPaths } from '../../../shared/commands'
import type { JourneyMap } from '../../../shared/model'
import { t } from '../i18n'

/** Room between two stages: the edge labels (event · rate) need about 200 px; a long map gets less. */
const COLUMN = { min: 128, max: 200, total: 1120 } as const
const HEIGHT = 150
const MID = 92
const PAD = 40

export function JourneyOverview({ map, focus }: { readonly map: JourneyMap; readonly focus: string | null }) {
  const stages = orderedStages(map)
  const paths = sortedPaths(map)
  if (paths.length === 0) return null
  const index = new Map(stages.map((s, i) => [s.id, i]))
  const column = Math.min(COLUMN.max, Math.max(COLUMN.min, COLUMN.total / Math.max(1, stages.length - 1)))
  const x = (stageId: string) => PAD + (index.get(stageId) ?? 0) * column
  const width = PAD * 2 + Math.max(0, stages.length - 1) * column
  return (
    <figure className="journey-overview" aria-label={t('paths.overview.label')}>
      <svg width={width} height={HEIGHT} role="img" aria-labelledby="journey-overview-title">
        <title id="journey-overview-title">{t('paths.overview.label')}</title>
        {paths.map((path, p) => {
          const bow = (p - (paths.length - 1) / 2) * 18
          const conversions = new Map(funnelSteps(map, path).map((s) => [`${s.from.id}>${s.to.id}`, s.conversion]))
          const faded = focus !== null && focus !== path.id
          // One edge per pair of stages, however often the path takes it (a loop comes back through one).
          const edges = new Map<string, { from: string; to: string; events: string[] }>()
          path.steps.slice(1).forEach((step, i) => {
            const from = path.steps[i]!.stageId
            const key = `${from}>${step.stageId}`
            const edge = edges.get(key) ?? { from, to: step.stageId, events: [] }
            if (step.event && !edge.events.includes(step.event)) edge.events.push(step.event)
            edges.set(key, edge)
          })
          return (
            <g key={path.id} opacity={faded ? 0.25 : 1} data-path={path.name}>
              {[...edges.values()].map((edge, i) => {
                const x1 = x(edge.from)
                const x2 = x(edge.to)
                const back = x2 <= x1
                const cx = (x1 + x2) / 2
                const cy = back ? MID - 70 - Math.abs(bow) : MID + bow * 2.2
                const rate = conversions.get(`${edge.from}>${edge.to}`)
                const label = [edge.events.join(' / '), rate === undefined ? '' : formatShare(rate)]
                  .filter(Boolean)
                  .join(' · ')
                const ly = back ? cy + 14 : (MID + cy) / 2 + (bow >= 0 ? 12 : -4)
                return (
                  <g key={i}>
                    <path
                      d={`M ${x1} ${MID} Q ${cx} ${cy} ${x2} ${MID}`}
                      fill="none"
                      stroke={path.color}
                      strokeWidth={faded ? 2 : 3}
                      strokeDasharray={back ? '6 4' : undefined}
                      markerEnd="none"
                    />
                    {label && (
                      <text x={cx} y={ly} textAnchor="middle" fontSize={10} fill={path.color}>
                        {label}
                      </text>
                    )}
                  </g>
                )
              })}
            </g>
          )
        })}
        {stages.map((s) => (
          <g key={s.id}>
            <circle cx={x(s.id)} cy={MID} r={7} fill="#ffffff" stroke="#495057" strokeWidth={2} />
            <text x={x(s.id)} y={HEIGHT - 8} textAnchor="middle" fontSize={11} fill="#1f2430">
              {s.title.length > 18 ? `${s.title.slice(0, 17)}…` : s.title}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="overview-legend">
        {paths.map((p) => (
          <span key={p.id}>
            <span className="path-swatch" style={{ background: p.color }} aria-hidden="true" />
            {p.name}
          </span>
        ))}
      </figcaption>
    </figure>
  )
}
