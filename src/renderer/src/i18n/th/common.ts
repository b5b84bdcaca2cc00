import type { Messages } from '../../../../shared/i18n/format'
import type { common as en } from '../en/common'

export const common = {
  'common.cancel': 'ยกเลิก',
  'common.close': 'ปิด',
  'common.dismiss': 'ซ่อน',
  'common.counter': '{length} / {max}',
  'common.invalidValue': 'ค่านี้ไม่ถูกต้อง',
  'common.counterHint': 'อักขระสูงสุด',
  'common.tooLong': 'ยาวเกินไป: {length} อักขระ ใส่ได้ไม่เกิน {max}',
  'time.justNow': 'เมื่อสักครู่',
  'time.minutes': '{count} นาทีที่แล้ว',
  'time.hours': '{count} ชม. ที่แล้ว'
} as const satisfies Messages<keyof typeof en>
