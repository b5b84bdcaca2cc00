import type { Messages } from '../../../../shared/i18n/format'
import type { settings as en } from '../en/settings'

export const settings = {
  'settings.button': 'การตั้งค่า',
  'settings.title': 'การตั้งค่า',
  'settings.language': 'ภาษา',
  'settings.language.system': 'ตามระบบ ({language})',
  'settings.language.hint':
    'เมนู กล่องโต้ตอบ ข้อความ เทมเพลตของแผนที่ใหม่ และหัวข้อใน PDF จะใช้ภาษานี้ ข้อความที่คุณเขียนบนแผนที่จะไม่เปลี่ยน ระบบจะจำการเลือกนี้ไว้บนอุปกรณ์นี้',
  'settings.done': 'เสร็จสิ้น'
} as const satisfies Messages<keyof typeof en>
