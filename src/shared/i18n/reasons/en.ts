/**
 * Why something was refused, as codes with parameters: every JourneyError and import problem
 * the library or an importer makes for a person carries one (`reason`), next to its English
 * `message` (which the CLI and logs print). The app turns the reason into a sentence in the
 * user's language with these catalogues; a reason with no catalogue entry of its own, or an
 * error without a reason, falls back to a sentence for its error code (`code.*`).
 *
 * `{what, select, …}` takes a LimitWhat; `{count, plural, …}` a number.
 */
export const REASONS_EN = {
  'code.invalid_request': 'The request is not valid; nothing was changed.',
  'code.not_found': 'It no longer exists (it may have been deleted for good).',
  'code.conflict': 'It was changed elsewhere meanwhile; nothing was changed.',
  'code.read_only': 'The library is open read-only; nothing can be changed.',
  'code.disk_full': 'The disk is full, so nothing was saved. Free some space and try again.',
  'code.open_elsewhere': 'The library is open in another Journeyboard window or program.',
  'code.not_our_file': 'This file is not a Journeyboard library.',
  'code.corrupt_file': 'The library is damaged; restore a backup.',
  'code.too_new': 'This was made by a newer Journeyboard; update Journeyboard to open it.',
  'code.storage': 'The library file could not be read or written.',
  'code.forbidden': 'This page may not do that.',
  'code.internal': 'Something went wrong inside Journeyboard. Nothing was changed; the details were logged.',
  'issue.generic': 'this value is not valid here',
  'where.line': 'line {line}',
  'where.cell': 'line {line}, column “{column}”',
  'where.column': 'column “{column}”',
  'where.file': 'the file',

  'import.failed': 'The file cannot be imported: {count, plural, one {# problem} other {# problems}} found.',
  'import.empty': 'The file is empty.',
  'import.notJson': 'The file is not valid JSON (line {line}, column {column}).',
  'import.notObject': 'This is not a Journeyboard file: it does not hold an object.',
  'import.wrongFormat': 'This is not a Journeyboard file: it has no "format": "{format}".',
  'import.noVersion': 'This Journeyboard file has no valid "version" (a whole number from 1).',
  'import.tooNew':
    'This file was made by a newer Journeyboard (file format version {version}; this app reads up to version {supported}). Update Journeyboard to import it.',
  'import.noRows': 'The file has a header but no rows: there is nothing to import.',
  'import.notRecognised': 'The file is not a Journeyboard map, JSON, CSV or Mermaid journey.',
  'import.noTasks': 'The diagram has no sections and no tasks: there is nothing to import.',
  'import.embeddedUnreadable': 'The map in this {format} cannot be read.',
  'import.noEmbeddedMap':
    'This {format} holds no Journeyboard map: it was exported with “Include the editable map” turned off, or not by Journeyboard.',
  'limit.tooMany':
    'a map can have at most {max} {what, select, stages {stages} lanes {lanes} notes {notes} personas {personas} tasks {tasks} sections {sections} markers {markers} connectors {connectors} metrics {KPIs} emotionPoints {emotion points} other {items}}',
  'csv.unknownColumn': 'unknown column; the columns are {columns}',
  'csv.duplicateColumn': 'the column appears twice',
  'csv.missingColumn': 'the required column “{column}” is missing (is the first line the header?)',
  'csv.extraCells': 'has {cells} cells where the header has {width}',
  'csv.emptyTitle': 'must not be empty',
  'csv.titleTooLong': 'at most {max} characters',
  'csv.notAllowed': '{value} is not allowed here; use one of {options}',
  'csv.notColour': '{value} is not a colour; write #rgb or #rrggbb, e.g. #fff59d',
  'csv.wholeNumber': 'must be a whole number from {min} to {max}',
  'csv.severity': 'must be 1, 2 or 3',
  'csv.textTooLong': 'at most {max} characters (this one has {length})',
  'csv.laneKindClash': 'lane {lane} was given the kind “{kind}” on line {line}',
  'csv.tooManyPersonas': 'a map can have at most {max} personas; this file names {count}',
  'mermaid.frontMatter': 'the front matter that starts here is never closed with "---"',
  'mermaid.noJourney': 'the diagram has no "journey" line',
  'mermaid.otherDiagram': 'this is a Mermaid {kind} diagram; only journey diagrams can be imported',
  'mermaid.notJourney': 'a Mermaid journey starts with the line "journey", not {value}',
  'mermaid.accDescr': 'the "accDescr \'{\'" that starts here is never closed with "\'}\'"',
  'mermaid.semicolon': '";" is not allowed in a Mermaid journey (write it as "#59;" or leave it out)',
  'mermaid.noTitle': 'the title line has no title',
  'mermaid.noSectionName': 'the section has no name',
  'mermaid.colonInSection': 'a section name cannot hold ":" (write it as "#58;")',
  'mermaid.notStatement': '{value} is not a title, section or task; a task is written "Task name: score: Actor, Actor"',
  'mermaid.taskNoName': 'the task has no name before ":"',
  'mermaid.taskNoScore': 'the task {name} has no score; write a number from 1 to 5 after ":"',
  'mermaid.badScore': 'the score {value} must be a number from 1 to 5',
  'mermaid.tooManyActors': 'a map can have at most {max} personas; the diagram has {count} actors',
  'library.readOnly': 'The library is open read-only; nothing can be changed.',
  'library.notFound': 'It no longer exists (it may have been deleted for good).',
  'library.mapGone': 'This map no longer exists.',
  'library.inTrash': 'This map is in the trash; restore it before editing.',
  'library.editInvalid': 'The edit is not valid; nothing was changed.',
  'library.closed': 'The library is closed.',
  'library.diskFull': 'The disk is full, so nothing was saved. Free some space and try again.',
  'library.busy': 'The library is busy in another process; try again in a moment.',
  'library.damaged': 'The library is damaged; restore a backup.',
  'edit.sameNote': 'A connector needs two different notes.',
  'edit.alreadyConnected': 'These notes are already connected in this direction.',
  'edit.lastLane': 'A map needs at least one lane, so the last one cannot be deleted.',
  'edit.lastStage': 'A map needs at least one stage, so the last one cannot be deleted.',
  'edit.curveMarker': 'A curve marker needs a point on that curve over that stage; set the point first.',
  'edit.personaNotLinked': 'This persona is not linked to this map; link it first.',
  'edit.personaTwice': 'A persona is listed twice.',
  'edit.kpiNeedsName': 'A new KPI needs a stage and a name.',
  'edit.missing': 'Something this edit needs is no longer in the map.',
  'edit.tooMany':
    'A map can have at most {max} {what, select, stages {stages} lanes {lanes} notes {notes} personas {personas} markers {markers} connectors {connectors} metrics {KPIs} emotionPoints {emotion points} other {items}}.',
  'merge.unchosen':
    '{count, plural, one {# conflict of the merge has} other {# conflicts of the merge have}} no choice yet.',
  'merge.noLongerFits': 'The merge no longer fits the map (it changed meanwhile).'
} as const

export type ReasonId = keyof typeof REASONS_EN
