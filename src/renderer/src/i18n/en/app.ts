/** App shell messages (home, personas and versions have their own files). */
export const app = {
  'app.name': 'Journeyboard',
  'app.tagline': 'Customer journey maps for workshops — offline, crash-safe.',
  'app.connecting': 'Opening your library…',
  'app.connectionLost': 'Lost the connection to the Journeyboard host. Reconnecting…',
  'app.readOnly': 'This library is read-only: you can look, but changes cannot be saved.',
  'error.generic': 'Something went wrong: {message}',
  'error.dismiss': 'Dismiss',
  'map.back': 'All maps',
  'map.loading': 'Loading map…',
  'map.stages': 'Stages',
  'map.lanes': 'Lanes',
  'map.notes': '{count} notes',
  'map.boardComing': 'The interactive board is being built; this view lists the map’s structure.'
} as const
