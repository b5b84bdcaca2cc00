/** Text formats in and out of a map: CSV, Mermaid journey, and telling them (and JSON) apart. */
export type { ImportedMap, TextImportOptions } from './common'
export { CSV_COLUMNS, REQUIRED_CSV_COLUMNS, exportCsv, importCsv, type CsvColumn } from './csv'
export { detectFormat, type ImportFormat } from './detect'
export { exportMermaid, fromMermaidScore, importMermaid, toMermaidScore } from './mermaid'
