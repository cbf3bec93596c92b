import type { JobHandlers } from '../../../platform/jobs/index.ts';
import { memberImportJob } from './member-import.job.ts';
import { MEMBER_IMPORT_JOB } from './member-import.service.ts';

/** The roster's background work: validating and importing uploaded spreadsheets. */
export const rosterJobHandlers: JobHandlers = { [MEMBER_IMPORT_JOB]: memberImportJob };
