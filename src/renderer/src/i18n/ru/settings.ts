import type { Messages } from '../../../../shared/i18n/format'
import type { settings as en } from '../en/settings'

export const settings = {
  'settings.button': 'Настройки',
  'settings.title': 'Настройки',
  'settings.language': 'Язык',
  'settings.language.system': 'Как в системе ({language})',
  'settings.language.hint':
    'На этом языке показываются меню, диалоги, сообщения, шаблоны новых карт и заголовки PDF. Текст, который вы написали на картах, не меняется. Выбор запоминается на этом устройстве.',
  'settings.done': 'Готово'
} as const satisfies Messages<keyof typeof en>
