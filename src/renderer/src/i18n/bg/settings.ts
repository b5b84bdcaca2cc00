import type { Messages } from '../../../../shared/i18n/format'
import type { settings as en } from '../en/settings'

export const settings = {
  'settings.button': 'Настройки',
  'settings.title': 'Настройки',
  'settings.language': 'Език',
  'settings.language.system': 'Като системата ({language})',
  'settings.language.hint':
    'Менютата, диалозите, съобщенията, шаблоните на новите карти и заглавията в PDF са на този език. Текстът, който сте написали в картите, не се променя. Изборът се помни на това устройство.',
  'settings.done': 'Готово'
} as const satisfies Messages<keyof typeof en>
