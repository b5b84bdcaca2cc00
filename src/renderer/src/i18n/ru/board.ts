import type { Messages } from '../../../../shared/i18n/format'
import type { board as en } from '../en/board'

export const board = {
  'board.label':
    'Доска пути клиента: этапов — {stages}, дорожек — {lanes}. Перетаскивайте или прокручивайте, чтобы сдвинуть; Ctrl+колёсико или + и − — масштаб.',
  'board.outline': 'Этапы, дорожки и число стикеров в каждой ячейке',
  'board.cellNotes': '{count, plural, one {# стикер} few {# стикера} many {# стикеров} other {# стикера}}',
  'board.toolbar': 'Масштаб',
  'board.zoomIn': 'Увеличить (+)',
  'board.zoomOut': 'Уменьшить (−)',
  'board.zoomReset': 'Вернуть 100% (0)',
  'board.zoomLevel': 'Масштаб {percent}%, вернуть 100%',
  'board.percent': '{percent}%',
  'board.zoomFit': 'Вписать',
  'board.zoomFitHint': 'Показать всю карту (Shift+1)',
  'board.everyone': 'Все',
  'board.toBe': '{name} (целевое)'
} as const satisfies Messages<keyof typeof en>
