import type { JobHandlers } from '../../../platform/jobs/index.ts';

export const workReportJobHandlers: JobHandlers = {};
