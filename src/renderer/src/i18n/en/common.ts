/** Words every screen uses: dialog buttons, field limits, relative times. */
export const common = {
  'common.cancel': 'Cancel',
  'common.close': 'Close',
  'common.dismiss': 'Dismiss',
  'common.counter': '{length} / {max}',
  'common.invalidValue': 'This value is not valid.',
  'common.counterHint': 'characters at most',
  'common.tooLong': 'Too long: {length} characters, at most {max} fit.',
  'time.justNow': 'just now',
  'time.minutes': '{count} min ago',
  'time.hours': '{count} h ago'
} as const
