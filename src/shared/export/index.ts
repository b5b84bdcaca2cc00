/**
 * Text formats in and out of a map: CSV, Mermaid journey, and telling them (and JSON) apart; the
 * export formats' files. The PDF (./pdf, with jsPDF) and the PNG size plan (./png-plan) are
 * imported from their own modules, so importing this one does not load jsPDF.
 */
export type { ImportedMap, TextImportOptions } from './common'
export { CSV_COLUMNS, REQUIRED_CSV_COLUMNS, exportCsv, importCsv, type CsvColumn } from './csv'
export { detectFormat, type ImportFormat } from './detect'
export { EXPORT_FORMATS, FORMAT_FILES, exportFileName, safeFileStem, type ExportFormat } from './formats'
export { exportMermaid, fromMermaidScore, importMermaid, toMermaidScore } from './mermaid'
