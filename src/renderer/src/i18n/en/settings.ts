/** Settings: the interface language. */
export const settings = {
  'settings.button': 'Settings',
  'settings.title': 'Settings',
  'settings.language': 'Language',
  'settings.language.system': 'As the system ({language})',
  'settings.language.hint':
    'Menus, dialogs, messages, new maps’ templates and the PDF’s headings use this language. Maps keep the words you wrote. Remembered on this device.',
  'settings.done': 'Done'
} as const
