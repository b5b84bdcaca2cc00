/** Board messages: zoom toolbar, legend, screen-reader outline. */
export const board = {
  'board.label':
    'Journey board, {stages} stages by {lanes} lanes. Drag or scroll to pan, ctrl+scroll or + and − to zoom.',
  'board.outline': 'Stages, lanes and how many notes each cell holds',
  'board.cellNotes': '{count, plural, one {# note} other {# notes}}',
  'board.toolbar': 'Zoom',
  'board.zoomIn': 'Zoom in (+)',
  'board.zoomOut': 'Zoom out (−)',
  'board.zoomReset': 'Back to 100% (0)',
  'board.zoomLevel': 'Zoom {percent}%, back to 100%',
  'board.percent': '{percent}%',
  'board.zoomFit': 'Fit',
  'board.zoomFitHint': 'Zoom to fit the whole map (Shift+1)',
  'board.everyone': 'Everyone',
  'board.toBe': '{name} (to-be)'
} as const
