/** Findings in the words of the app's catalogue, in the current language (the panel and the PDF use it). */
import { findingMessage, type Finding, type FindingLabels } from '../../../shared/analysis'
import { t } from '../i18n'

export const findingLabels = (): FindingLabels => ({
  channel: (c) => t(`interaction.channel.${c}`),
  quadrant: (q) => t(`workshop.quadrantOne.${q}`),
  unset: t('workshop.analysis.unset')
})

/** A finding in the words of the app's catalogue. */
export function findingText(finding: Finding, labels: FindingLabels = findingLabels()): string {
  const { id, params } = findingMessage(finding, labels)
  return t(`workshop.finding.${id}`, params)
}
