/** App shell messages (home, personas and versions have their own files). */
export const app = {
  'app.name': 'Journeyboard',
  'app.tagline': 'Customer journey maps for workshops — offline, crash-safe.',
  'app.connecting': 'Opening your library…',
  'app.connectionLost': 'Lost the connection to the Journeyboard host. Reconnecting…',
  'app.connection.unreachable':
    'Cannot reach the Journeyboard host. If it was stopped, start it again with the same command: this page reconnects by itself. If it now prints a different address, open that address.',
  'app.connection.retryNow': 'Reconnect now',
  'app.connection.refused':
    'The Journeyboard host no longer accepts this page (it was started with a new key). Open the address the Journeyboard host printed.',
  'app.connection.noToken':
    'This page was opened without its key. Open the address the Journeyboard host printed (it ends with #token=…).',
  'app.connection.notConnected': 'Not connected to the Journeyboard host, so nothing was sent.',
  'app.connection.lostInFlight': 'Lost the connection to the Journeyboard host before it answered.',
  'app.connection.tooLarge':
    'This request is {size}; the Journeyboard host accepts at most {limit} at once. Nothing was sent.',
  'app.connection.badMapPart':
    'The map arrived from the Journeyboard host damaged (part {part}: {problem}), so it was not opened. Open it again.',
  'app.readOnly': 'This library is read-only: you can look, but changes cannot be saved.',
  'error.generic': 'Something went wrong: {message}',
  'error.dismiss': 'Dismiss',
  'map.back': 'All maps',
  'map.fileMenu': 'File',
  'map.loading': 'Loading map…',
  'map.stages': 'Stages',
  'map.lanes': 'Lanes',
  'map.notes': '{count, plural, one {# note} other {# notes}}',
  'map.boardComing': 'The interactive board is being built; this view lists the map’s structure.'
} as const
