import type { Messages } from '../../../../shared/i18n/format'
import type { common as en } from '../en/common'

export const common = {
  'common.cancel': '取消',
  'common.close': '关闭',
  'common.dismiss': '忽略',
  'common.counter': '{length} / {max}',
  'common.invalidValue': '此值无效。',
  'common.counterHint': '最多字符数',
  'common.tooLong': '过长：{length} 个字符，最多只能容纳 {max} 个。',
  'time.justNow': '刚刚',
  'time.minutes': '{count} 分钟前',
  'time.hours': '{count} 小时前'
} as const satisfies Messages<keyof typeof en>
