/**
 * The main process's own words: the native menu, About, the close dialog and start-up
 * failures. They follow the page's language (sent over IPC_LANGUAGE_CHANNEL) and, before the
 * page has spoken, the operating system's (`app.getLocale()`). Roles (Undo, Copy…) are labelled
 * by the operating system itself.
 */
import type { JourneyError } from '../shared/errors'
import { createTranslator, type Messages, type Translate } from '../shared/i18n/format'
import { reasonTranslator } from '../shared/i18n/reasons'
import { matchLanguage, type Language } from '../shared/i18n/languages'

const en = {
  'library.cannotOpen': 'Journeyboard cannot open its library',
  'library.file': 'Library file: {path}',
  'library.unexpected': 'An unexpected error stopped the library from opening.',
  'open.title': 'Open a map',
  'open.filter.maps': 'Journeyboard maps',
  'open.filter.exported': 'PDF, PNG or SVG exported with its map',
  'open.filter.text': 'JSON, CSV or Mermaid',
  'open.filter.all': 'All files',
  'menu.file': '&File',
  'menu.edit': '&Edit',
  'menu.view': '&View',
  'menu.help': '&Help',
  'menu.newMap': 'New Map…',
  'menu.openMap': 'Open…',
  'menu.saveMapAs': 'Save Map As…',
  'menu.importMap': 'Import…',
  'menu.exportMap': 'Export…',
  'menu.inviteParticipants': 'Invite Participants…',
  'menu.closeWindow': 'Close Window',
  'menu.quit': 'Quit',
  'menu.zoomIn': 'Zoom In',
  'menu.zoomOut': 'Zoom Out',
  'menu.zoomFit': 'Zoom to Fit',
  'menu.zoomReset': 'Zoom to 100%',
  'menu.find': 'Find on the Board',
  'menu.toggleTheme': 'Switch Theme',
  'menu.shortcutHelp': 'Keyboard Shortcuts',
  'menu.about': 'About Journeyboard',
  'about.detail': 'Customer journey maps for workshops. Works offline; everything stays in one file on this computer.',
  'about.library': 'Library: {path}',
  'about.ok': 'OK',
  'close.title': 'Unsaved edits',
  'close.message': 'Some edits are not saved yet.',
  'close.detail':
    'Save them and close, close without them (they are lost), or cancel to keep working. A note being typed counts as an edit.',
  'close.save': 'Save and close',
  'close.discard': 'Close without saving',
  'close.cancel': 'Cancel',
  'start.failed': 'Journeyboard could not start'
} as const

type MainKey = keyof typeof en

const ru: Messages<MainKey> = {
  'library.cannotOpen': 'Journeyboard не может открыть библиотеку',
  'library.file': 'Файл библиотеки: {path}',
  'library.unexpected': 'Библиотеку не удалось открыть из-за непредвиденной ошибки.',
  'open.title': 'Открыть карту',
  'open.filter.maps': 'Карты Journeyboard',
  'open.filter.exported': 'PDF, PNG или SVG, экспортированные с картой',
  'open.filter.text': 'JSON, CSV или Mermaid',
  'open.filter.all': 'Все файлы',
  'menu.file': '&Файл',
  'menu.edit': '&Правка',
  'menu.view': '&Вид',
  'menu.help': '&Справка',
  'menu.newMap': 'Новая карта…',
  'menu.openMap': 'Открыть…',
  'menu.saveMapAs': 'Сохранить карту как…',
  'menu.importMap': 'Импорт…',
  'menu.exportMap': 'Экспорт…',
  'menu.inviteParticipants': 'Пригласить участников…',
  'menu.closeWindow': 'Закрыть окно',
  'menu.quit': 'Выйти',
  'menu.zoomIn': 'Увеличить',
  'menu.zoomOut': 'Уменьшить',
  'menu.zoomFit': 'Вписать в окно',
  'menu.zoomReset': 'Масштаб 100%',
  'menu.find': 'Найти на доске',
  'menu.toggleTheme': 'Сменить тему',
  'menu.shortcutHelp': 'Сочетания клавиш',
  'menu.about': 'О программе Journeyboard',
  'about.detail':
    'Карты клиентского пути для воркшопов. Работает без интернета; всё хранится в одном файле на этом компьютере.',
  'about.library': 'Библиотека: {path}',
  'about.ok': 'ОК',
  'close.title': 'Несохранённые изменения',
  'close.message': 'Некоторые изменения ещё не сохранены.',
  'close.detail':
    'Сохраните их и закройте окно, закройте без них (они будут потеряны) или отмените, чтобы продолжить работу. Набираемый текст стикера тоже считается изменением.',
  'close.save': 'Сохранить и закрыть',
  'close.discard': 'Закрыть без сохранения',
  'close.cancel': 'Отмена',
  'start.failed': 'Не удалось запустить Journeyboard'
}

const bg: Messages<MainKey> = {
  'library.cannotOpen': 'Journeyboard не може да отвори библиотеката си',
  'library.file': 'Файл на библиотеката: {path}',
  'library.unexpected': 'Неочаквана грешка попречи на отварянето на библиотеката.',
  'open.title': 'Отваряне на карта',
  'open.filter.maps': 'Карти на Journeyboard',
  'open.filter.exported': 'PDF, PNG или SVG, експортирани с картата',
  'open.filter.text': 'JSON, CSV или Mermaid',
  'open.filter.all': 'Всички файлове',
  'menu.file': '&Файл',
  'menu.edit': '&Редактиране',
  'menu.view': '&Изглед',
  'menu.help': '&Помощ',
  'menu.newMap': 'Нова карта…',
  'menu.openMap': 'Отваряне…',
  'menu.saveMapAs': 'Запазване на картата като…',
  'menu.importMap': 'Импортиране…',
  'menu.exportMap': 'Експортиране…',
  'menu.inviteParticipants': 'Поканване на участници…',
  'menu.closeWindow': 'Затваряне на прозореца',
  'menu.quit': 'Изход',
  'menu.zoomIn': 'Увеличаване',
  'menu.zoomOut': 'Намаляване',
  'menu.zoomFit': 'Побиране в прозореца',
  'menu.zoomReset': 'Мащаб 100%',
  'menu.find': 'Търсене в таблото',
  'menu.toggleTheme': 'Смяна на темата',
  'menu.shortcutHelp': 'Клавишни комбинации',
  'menu.about': 'За Journeyboard',
  'about.detail':
    'Карти на клиентското пътешествие за уъркшопи. Работи офлайн; всичко остава в един файл на този компютър.',
  'about.library': 'Библиотека: {path}',
  'about.ok': 'OK',
  'close.title': 'Незапазени промени',
  'close.message': 'Някои промени още не са запазени.',
  'close.detail':
    'Запазете ги и затворете, затворете без тях (ще бъдат загубени) или откажете, за да продължите работа. Бележка, която се пише в момента, също е промяна.',
  'close.save': 'Запазване и затваряне',
  'close.discard': 'Затваряне без запазване',
  'close.cancel': 'Отказ',
  'start.failed': 'Journeyboard не можа да стартира'
}

const th: Messages<MainKey> = {
  'library.cannotOpen': 'Journeyboard เปิดคลังข้อมูลไม่ได้',
  'library.file': 'ไฟล์คลังข้อมูล: {path}',
  'library.unexpected': 'เกิดข้อผิดพลาดที่ไม่คาดคิดจึงเปิดคลังข้อมูลไม่ได้',
  'open.title': 'เปิดแผนที่',
  'open.filter.maps': 'แผนที่ Journeyboard',
  'open.filter.exported': 'PDF, PNG หรือ SVG ที่ส่งออกพร้อมแผนที่',
  'open.filter.text': 'JSON, CSV หรือ Mermaid',
  'open.filter.all': 'ไฟล์ทั้งหมด',
  'menu.file': 'ไฟล์',
  'menu.edit': 'แก้ไข',
  'menu.view': 'มุมมอง',
  'menu.help': 'วิธีใช้',
  'menu.newMap': 'แผนที่ใหม่…',
  'menu.openMap': 'เปิด…',
  'menu.saveMapAs': 'บันทึกแผนที่เป็น…',
  'menu.importMap': 'นำเข้า…',
  'menu.exportMap': 'ส่งออก…',
  'menu.inviteParticipants': 'เชิญผู้เข้าร่วม…',
  'menu.closeWindow': 'ปิดหน้าต่าง',
  'menu.quit': 'ออก',
  'menu.zoomIn': 'ขยาย',
  'menu.zoomOut': 'ย่อ',
  'menu.zoomFit': 'ย่อให้พอดีหน้าต่าง',
  'menu.zoomReset': 'ซูม 100%',
  'menu.find': 'ค้นหาบนบอร์ด',
  'menu.toggleTheme': 'สลับธีม',
  'menu.shortcutHelp': 'แป้นพิมพ์ลัด',
  'menu.about': 'เกี่ยวกับ Journeyboard',
  'about.detail': 'แผนที่การเดินทางของลูกค้าสำหรับเวิร์กช็อป ทำงานแบบออฟไลน์ ข้อมูลทั้งหมดอยู่ในไฟล์เดียวบนคอมพิวเตอร์เครื่องนี้',
  'about.library': 'คลังข้อมูล: {path}',
  'about.ok': 'ตกลง',
  'close.title': 'การแก้ไขที่ยังไม่ได้บันทึก',
  'close.message': 'การแก้ไขบางส่วนยังไม่ได้บันทึก',
  'close.detail': 'บันทึกแล้วปิด ปิดโดยไม่บันทึก (การแก้ไขจะหายไป) หรือยกเลิกเพื่อทำงานต่อ ข้อความบนโน้ตที่กำลังพิมพ์ก็นับเป็นการแก้ไข',
  'close.save': 'บันทึกแล้วปิด',
  'close.discard': 'ปิดโดยไม่บันทึก',
  'close.cancel': 'ยกเลิก',
  'start.failed': 'ไม่สามารถเริ่ม Journeyboard ได้'
}

const zh: Messages<MainKey> = {
  'library.cannotOpen': 'Journeyboard 无法打开其资料库',
  'library.file': '资料库文件：{path}',
  'library.unexpected': '意外错误导致资料库无法打开。',
  'open.title': '打开旅程图',
  'open.filter.maps': 'Journeyboard 旅程图',
  'open.filter.exported': '随旅程图导出的 PDF、PNG 或 SVG',
  'open.filter.text': 'JSON、CSV 或 Mermaid',
  'open.filter.all': '所有文件',
  'menu.file': '文件(&F)',
  'menu.edit': '编辑(&E)',
  'menu.view': '视图(&V)',
  'menu.help': '帮助(&H)',
  'menu.newMap': '新建旅程图…',
  'menu.openMap': '打开…',
  'menu.saveMapAs': '旅程图另存为…',
  'menu.importMap': '导入…',
  'menu.exportMap': '导出…',
  'menu.inviteParticipants': '邀请参与者…',
  'menu.closeWindow': '关闭窗口',
  'menu.quit': '退出',
  'menu.zoomIn': '放大',
  'menu.zoomOut': '缩小',
  'menu.zoomFit': '缩放至适合窗口',
  'menu.zoomReset': '缩放至 100%',
  'menu.find': '在白板上查找',
  'menu.toggleTheme': '切换主题',
  'menu.shortcutHelp': '键盘快捷键',
  'menu.about': '关于 Journeyboard',
  'about.detail': '面向工作坊的客户旅程图工具。离线可用，所有内容都保存在这台电脑上的一个文件中。',
  'about.library': '资料库：{path}',
  'about.ok': '确定',
  'close.title': '未保存的修改',
  'close.message': '部分修改尚未保存。',
  'close.detail': '保存并关闭、不保存直接关闭（修改将丢失），或取消以继续工作。正在输入的便签内容也算作修改。',
  'close.save': '保存并关闭',
  'close.discard': '不保存并关闭',
  'close.cancel': '取消',
  'start.failed': 'Journeyboard 无法启动'
}

export const mainCatalogues: Readonly<Record<Language, Messages<MainKey>>> = { en, ru, bg, th, zh }

let language: Language = 'en'

/** The language the main process speaks now. */
export function mainLanguage(): Language {
  return language
}

/** Sets it from a code or a locale (`app.getLocale()`); returns whether it changed. */
export function setMainLanguage(tag: string): boolean {
  const next = matchLanguage([tag])
  const changed = next !== language
  language = next
  return changed
}

/** The main process's messages in a language (its current one by default). No isolates: menus show plain text. */
export function mainText(lang: Language = language): Translate<MainKey> {
  return createTranslator<MainKey>(mainCatalogues, lang, { isolate: false })
}

/** A library error in the interface's language: its reason (or its code's sentence); English as it was written. */
export function mainErrorText(error: JourneyError, lang: Language = language): string {
  if (lang === 'en') return error.message
  const say = reasonTranslator(lang, { isolate: false })
  return error.reason ? say(error.reason.id, error.reason.params) : say(`code.${error.code}`)
}
