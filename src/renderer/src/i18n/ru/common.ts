import type { Messages } from '../../../../shared/i18n/format'
import type { common as en } from '../en/common'

export const common = {
  'common.cancel': 'Отмена',
  'common.close': 'Закрыть',
  'common.dismiss': 'Скрыть',
  'common.counter': '{length} / {max}',
  'common.invalidValue': 'Недопустимое значение.',
  'common.counterHint': 'символов максимум',
  'common.tooLong':
    'Слишком длинно: {length, plural, one {# символ} few {# символа} many {# символов} other {# символа}}, помещается не более {max}.',
  'time.justNow': 'только что',
  'time.minutes': '{count} мин назад',
  'time.hours': '{count} ч назад'
} as const satisfies Messages<keyof typeof en>
