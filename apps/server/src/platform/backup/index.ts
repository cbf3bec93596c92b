export { type BackupReport, type BackupRequest, writeBackup } from './backup-create.ts';
export { BackupError } from './backup-error.ts';
export { type BackupHeader, readArchiveLayout } from './backup-header.ts';
export { type RestoreReport, type RestoreRequest, restoreBackup } from './backup-restore.ts';
export { defaultBackupFile, pruneBackups } from './backup-retention.ts';
export { totalRows } from './table-counts.ts';
