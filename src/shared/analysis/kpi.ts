/**
 * KPIs against their targets. A KPI meets its target when its value is at or past it in the
 * better direction (≥ for "higher is better", ≤ for "lower is better"); it is near (amber) when
 * it falls short by no more than KPI_AMBER_TOLERANCE of the target's size (10%: a conversion
 * target of 5% is amber from 4.5% up to 5%, a churn target of 2% amber above 2% up to 2.2%); past
 * that it has missed (red). Without a value or a target there is nothing to judge.
 */
import type { Metric } from '../model'

export type KpiStatus = 'met' | 'near' | 'missed' | 'unknown'

/** Amber band: a shortfall up to this share of |target|. */
export const KPI_AMBER_TOLERANCE = 0.1

export function kpiStatus(metric: Pick<Metric, 'value' | 'target' | 'direction'>): KpiStatus {
  const { value, target, direction } = metric
  if (value === null || target === null) return 'unknown'
  const shortfall = direction === 'higher' ? target - value : value - target
  // A hair of slack so 2.2 against a churn target of 2 is amber, not red by a rounding error.
  const slack = 1e-9 * Math.max(1, Math.abs(target))
  if (shortfall <= slack) return 'met'
  return shortfall <= KPI_AMBER_TOLERANCE * Math.abs(target) + slack ? 'near' : 'missed'
}

/** How far a KPI is from its target, as a share of |target| (0 when met or not judged). */
export function kpiShortfall(metric: Pick<Metric, 'value' | 'target' | 'direction'>): number {
  const { value, target, direction } = metric
  if (value === null || target === null) return 0
  const shortfall = direction === 'higher' ? target - value : value - target
  if (shortfall <= 0) return 0
  return target === 0 ? 1 : shortfall / Math.abs(target)
}

/** A number as KPIs show it: up to two decimals, no trailing zeros, thousands grouped. */
export function formatKpiNumber(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 })
}

/** A value with its unit: "3.2%", "42 pts", "1,200 €". */
export function formatKpiValue(value: number, unit: string): string {
  const number = formatKpiNumber(value)
  const u = unit.trim()
  if (u === '') return number
  return u === '%' ? `${number}%` : `${number} ${u}`
}
