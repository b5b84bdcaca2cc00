/**
 * Maps as files: the .journeymap document (Save map as…, Open…, drag-and-drop), the map embedded
 * in PDF, PNG and SVG exports, and merging a copy of a map back into the library.
 */
export const files = {
  'exchange.format.journeymap': 'Journeyboard map (.journeymap)',
  'exchange.format.journeymap.hint': 'The map as a document of its own: opens in Journeyboard, diffs well in git',
  'exchange.pdf.embedMap': 'Include the editable map (the PDF opens again in Journeyboard)',
  'exchange.png.embedMap': 'Include the editable map (the image opens again in Journeyboard)',
  'exchange.svg.embedMap': 'Include the editable map (the picture opens again in Journeyboard)'
} as const
