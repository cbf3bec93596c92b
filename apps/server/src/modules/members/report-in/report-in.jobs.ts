import type { JobHandlers } from '../../../platform/jobs/index.ts';
import { quarterFeedbackJob } from './feedback.job.ts';
import { yearEndFlagsJob } from './year-flags.job.ts';

/** 双报到's scheduled work: the year-end rule's flags and the quarter-end work-unit feedback documents. */
export const reportInJobHandlers: JobHandlers = {
  'members.year_end_flags': yearEndFlagsJob,
  'members.quarter_feedback': quarterFeedbackJob,
};
