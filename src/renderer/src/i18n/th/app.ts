import type { Messages } from '../../../../shared/i18n/format'
import type { app as en } from '../en/app'

export const app = {
  'app.name': 'Journeyboard',
  'app.tagline': 'แผนที่การเดินทางของลูกค้าสำหรับเวิร์กช็อป ใช้งานออฟไลน์ได้ ข้อมูลไม่สูญหาย',
  'app.connecting': 'กำลังเปิดคลังข้อมูล…',
  'app.connectionLost': 'ขาดการเชื่อมต่อกับโฮสต์ Journeyboard กำลังเชื่อมต่อใหม่…',
  'app.connection.unreachable':
    'ติดต่อโฮสต์ Journeyboard ไม่ได้ หากโฮสต์หยุดทำงาน ให้เริ่มใหม่ด้วยคำสั่งเดิม หน้านี้จะเชื่อมต่อใหม่เอง หากโฮสต์แสดงที่อยู่ใหม่ ให้เปิดที่อยู่นั้น',
  'app.connection.retryNow': 'เชื่อมต่อใหม่ตอนนี้',
  'app.connection.refused': 'โฮสต์ Journeyboard ไม่รับหน้านี้แล้ว (โฮสต์เริ่มด้วยคีย์ใหม่) ให้เปิดที่อยู่ที่โฮสต์ Journeyboard แสดง',
  'app.connection.noToken': 'หน้านี้เปิดโดยไม่มีคีย์ ให้เปิดที่อยู่ที่โฮสต์ Journeyboard แสดง (ลงท้ายด้วย #token=…)',
  'app.connection.notConnected': 'ไม่ได้เชื่อมต่อกับโฮสต์ Journeyboard จึงไม่มีการส่งข้อมูล',
  'app.connection.lostInFlight': 'ขาดการเชื่อมต่อกับโฮสต์ Journeyboard ก่อนที่โฮสต์จะตอบกลับ',
  'app.connection.tooLarge': 'คำขอนี้มีขนาด {size} แต่โฮสต์ Journeyboard รับได้ครั้งละไม่เกิน {limit} จึงไม่มีการส่งข้อมูล',
  'app.connection.badMapPart': 'แผนที่ที่ได้รับจากโฮสต์ Journeyboard เสียหาย (ส่วนที่ {part}: {problem}) จึงไม่ได้เปิด โปรดเปิดอีกครั้ง',
  'app.readOnly': 'คลังข้อมูลนี้เป็นแบบอ่านอย่างเดียว ดูได้แต่บันทึกการเปลี่ยนแปลงไม่ได้',
  'error.generic': 'เกิดข้อผิดพลาด: {message}',
  'error.dismiss': 'ปิด',
  'map.back': 'แผนที่ทั้งหมด',
  'map.fileMenu': 'ไฟล์',
  'map.loading': 'กำลังโหลดแผนที่…',
  'map.stages': 'ระยะ',
  'map.lanes': 'แถว',
  'map.notes': 'โน้ต {count} รายการ',
  'map.boardComing': 'บอร์ดแบบโต้ตอบกำลังพัฒนา มุมมองนี้แสดงโครงสร้างของแผนที่'
} as const satisfies Messages<keyof typeof en>
