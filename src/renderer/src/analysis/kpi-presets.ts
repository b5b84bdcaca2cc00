/**
 * The KPIs a workshop usually measures a journey by, ready to add to a stage: name, unit and
 * whether higher or lower is better. Names are translated when added; the KPI keeps the name it
 * was given, which can be changed like any other.
 */
import type { MetricDirection } from '../../../shared/model'
import { t } from '../i18n'

export interface KpiPreset {
  readonly id:
    | 'conversion'
    | 'retention'
    | 'churn'
    | 'nps'
    | 'csat'
    | 'timeOnService'
    | 'responseTime'
    | 'cartAbandonment'
    | 'clv'
    | 'custom'
  readonly unit: string
  readonly direction: MetricDirection
}

export const KPI_PRESETS: readonly KpiPreset[] = [
  { id: 'conversion', unit: '%', direction: 'higher' },
  { id: 'retention', unit: '%', direction: 'higher' },
  { id: 'churn', unit: '%', direction: 'lower' },
  { id: 'nps', unit: 'pts', direction: 'higher' },
  { id: 'csat', unit: '%', direction: 'higher' },
  // Longer sessions are read as interest (too short ones as trouble); flip it for a task flow.
  { id: 'timeOnService', unit: 'min', direction: 'higher' },
  { id: 'responseTime', unit: 'h', direction: 'lower' },
  { id: 'cartAbandonment', unit: '%', direction: 'lower' },
  { id: 'clv', unit: '€', direction: 'higher' },
  { id: 'custom', unit: '', direction: 'higher' }
]

export const presetName = (preset: KpiPreset) => t(`workshop.kpi.preset.${preset.id}`)

/** Units that are words (points, minutes, hours) in the app's language; symbols as they are. */
export const presetUnit = (preset: KpiPreset): string =>
  preset.unit === 'pts' || preset.unit === 'min' || preset.unit === 'h'
    ? t(`workshop.kpi.unit.${preset.unit}`)
    : preset.unit
