import type { Messages } from '../../../../shared/i18n/format'
import type { common as en } from '../en/common'

export const common = {
  'common.cancel': 'Отказ',
  'common.close': 'Затвори',
  'common.dismiss': 'Скрий',
  'common.counter': '{length} / {max}',
  'common.invalidValue': 'Невалидна стойност.',
  'common.counterHint': 'знака най-много',
  'common.tooLong': 'Твърде дълго: {length, plural, one {# знак} other {# знака}}, побират се най-много {max}.',
  'time.justNow': 'току-що',
  'time.minutes': 'преди {count} мин',
  'time.hours': 'преди {count} ч'
} as const satisfies Messages<keyof typeof en>
