import type { Messages } from '../../../../shared/i18n/format'
import type { board as en } from '../en/board'

export const board = {
  'board.label':
    'บอร์ดเส้นทางของลูกค้า {stages} ระยะ {lanes} แถว ลากหรือเลื่อนเพื่อเลื่อนมุมมอง กด Ctrl พร้อมเลื่อน หรือกด + และ − เพื่อซูม',
  'board.outline': 'ระยะ แถว และจำนวนโน้ตในแต่ละช่อง',
  'board.cellNotes': 'โน้ต {count} รายการ',
  'board.toolbar': 'ซูม',
  'board.zoomIn': 'ซูมเข้า (+)',
  'board.zoomOut': 'ซูมออก (−)',
  'board.zoomReset': 'กลับไปที่ 100% (0)',
  'board.zoomLevel': 'ซูม {percent}% กลับไปที่ 100%',
  'board.percent': '{percent}%',
  'board.zoomFit': 'พอดี',
  'board.zoomFitHint': 'ซูมให้เห็นทั้งแผนที่ (Shift+1)',
  'board.everyone': 'ทุกคน',
  'board.toBe': '{name} (สภาพที่ต้องการ)'
} as const satisfies Messages<keyof typeof en>
