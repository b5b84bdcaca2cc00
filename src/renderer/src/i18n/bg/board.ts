import type { Messages } from '../../../../shared/i18n/format'
import type { board as en } from '../en/board'

export const board = {
  'board.label':
    'Табло на клиентското пътешествие: етапи — {stages}, редове — {lanes}. Плъзнете или превъртете за преместване; Ctrl+колелце или + и − за мащаб.',
  'board.outline': 'Етапи, редове и броят бележки във всяка клетка',
  'board.cellNotes': '{count, plural, one {# бележка} other {# бележки}}',
  'board.toolbar': 'Мащаб',
  'board.zoomIn': 'Увеличаване (+)',
  'board.zoomOut': 'Намаляване (−)',
  'board.zoomReset': 'Обратно на 100% (0)',
  'board.zoomLevel': 'Мащаб {percent}%, обратно на 100%',
  'board.percent': '{percent}%',
  'board.zoomFit': 'Побери',
  'board.zoomFitHint': 'Покажи цялата карта (Shift+1)',
  'board.everyone': 'Всички',
  'board.toBe': '{name} (желано)'
} as const satisfies Messages<keyof typeof en>
