/**
 * The words the layout draws on the board and on paper (legend names, funnel chips, evidence
 * marks), in the interface's language. Templates keep their `{name}`s: the layout fills them
 * (src/shared/layout/common.ts, fillLabel), since the text engine must not see isolates.
 */
import type { SeriesLabels } from '../../../shared/layout'
import { t } from '.'

export function seriesLabels(): Required<SeriesLabels> {
  return {
    everyone: t('board.everyone'),
    toBe: t('board.toBe'),
    funnelFrom: t('metrics.board.funnelFrom'),
    funnelDropOff: t('metrics.board.funnelDropOff'),
    evidence: {
      observed: t('metrics.board.evidence.observed'),
      reported: t('metrics.board.evidence.reported'),
      assumed: t('metrics.board.evidence.assumed')
    }
  }
}
