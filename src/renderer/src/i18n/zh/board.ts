import type { Messages } from '../../../../shared/i18n/format'
import type { board as en } from '../en/board'

export const board = {
  'board.label': '客户旅程白板，共 {stages} 个阶段、{lanes} 条泳道。拖动或滚动可平移，Ctrl+滚轮或 + 和 − 可缩放。',
  'board.outline': '各阶段、各泳道以及每个单元格中的便签数',
  'board.cellNotes': '{count} 张便签',
  'board.toolbar': '缩放',
  'board.zoomIn': '放大 (+)',
  'board.zoomOut': '缩小 (−)',
  'board.zoomReset': '恢复 100% (0)',
  'board.zoomLevel': '缩放 {percent}%，恢复 100%',
  'board.percent': '{percent}%',
  'board.zoomFit': '适合',
  'board.zoomFitHint': '缩放以显示整张旅程图 (Shift+1)',
  'board.everyone': '所有人',
  'board.toBe': '{name}（目标）'
} as const satisfies Messages<keyof typeof en>
