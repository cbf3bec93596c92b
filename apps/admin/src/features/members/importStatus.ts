import type { MemberImportStatus } from '@linli/contracts';

/** The job is still working on the file: keep polling. */
export const isImportRunning = (s: MemberImportStatus): boolean =>
  s === 'queued' || s === 'validating' || s === 'importing';

export const IMPORT_STATUS_COLORS: Record<MemberImportStatus, string> = {
  queued: 'default',
  validating: 'processing',
  importing: 'processing',
  rejected: 'error',
  imported: 'success',
  failed: 'error',
};
