/** The Node-side library: one SQLite file per library, served as JourneyApi. */
export { openLibraryService, createLibraryService, type LibraryServiceHandle } from './service'
export type { LibraryService, OpenLibraryOptions } from './service-types'
export { openLibraryConnection, type OpenConnectionOptions, type OpenedLibrary } from './connection/open'
export { APPLICATION_ID, probeFile, type FileProbe } from './connection/header'
export { acquireLock, lockPathFor, type LibraryLock } from './connection/lock'
export { toJourneyError, DISK_FULL_MESSAGE } from './connection/errors'
export { MIGRATIONS, SCHEMA_VERSION, runMigrations, readUserVersion, type Migration } from './migrations'
export {
  DAILY_BACKUPS_KEPT,
  backupBeforeMigration,
  defaultBackupDir,
  listDailyBackups,
  pruneDailyBackups,
  takeDailyBackup
} from './backups'
export { MapRepository } from './repositories/maps'
export { PersonaRepository } from './repositories/personas'
export { SnapshotRepository } from './repositories/snapshots'
export { SqliteRoomStorage } from './repositories/patch'
export { Statements } from './statements'
export { readInterchange, writeInterchange, safeFileStem } from './interchange'
