import type { Messages } from '../../../../shared/i18n/format'
import type { settings as en } from '../en/settings'

export const settings = {
  'settings.button': '设置',
  'settings.title': '设置',
  'settings.language': '语言',
  'settings.language.system': '跟随系统（{language}）',
  'settings.language.hint':
    '菜单、对话框、消息、新旅程图的模板以及 PDF 标题都使用此语言。您在旅程图中写的文字保持不变。此选择保存在本设备上。',
  'settings.done': '完成'
} as const satisfies Messages<keyof typeof en>
