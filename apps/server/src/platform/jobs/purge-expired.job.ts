import { DAY_MS, HOUR_MS, isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import type { JobHandler } from './job-types.ts';

/** Finished jobs are kept a week for diagnosis; failed ones stay until someone looks at them. */
const DONE_JOB_KEEP_MS = 7 * DAY_MS;
/** SMS codes outlive their expiry by a day so per-phone send limits still count them. */
const OTP_KEEP_MS = DAY_MS;
/** A photo uploaded but never attached to a record (the form was abandoned) is personal data with no purpose. */
const UNATTACHED_PHOTO_KEEP_MS = DAY_MS;

export interface PurgeCounts {
  sessions: number;
  loginChallenges: number;
  otpCodes: number;
  idempotencyRecords: number;
  jobs: number;
  unattachedPhotos: number;
}

const ago = (ctx: Ctx, ms: number): string => new Date(ctx.clock.now().getTime() - ms).toISOString();

/**
 * Deletes what can no longer be used: ended sessions (expired or revoked — SEC-28 residual information), spent or
 * expired login challenges, old SMS codes, expired idempotency records (REL-6), old finished jobs and photos
 * never attached to a record a day after upload (PI-7; their bytes go with them, ON DELETE CASCADE). Nothing
 * here is audit data; the audit log is never purged by this job (SEC-18).
 */
export async function purgeExpired(ctx: Ctx): Promise<PurgeCounts> {
  const now = isoNow(ctx.clock);
  const count = (result: { numDeletedRows: bigint }) => Number(result.numDeletedRows);
  const counts: PurgeCounts = {
    sessions: count(
      await ctx.db
        .deleteFrom('user_session')
        .where((eb) => eb.or([eb('expires_at', '<=', now), eb('revoked_at', 'is not', null)]))
        .executeTakeFirst(),
    ),
    loginChallenges: count(
      await ctx.db
        .deleteFrom('login_challenge')
        .where((eb) => eb.or([eb('expires_at', '<=', now), eb('consumed_at', 'is not', null)]))
        .executeTakeFirst(),
    ),
    otpCodes: count(
      await ctx.db.deleteFrom('otp_code').where('expires_at', '<=', ago(ctx, OTP_KEEP_MS)).executeTakeFirst(),
    ),
    idempotencyRecords: count(
      await ctx.db.deleteFrom('idempotency_record').where('expires_at', '<=', now).executeTakeFirst(),
    ),
    jobs: count(
      await ctx.db
        .deleteFrom('job')
        .where('status', '=', 'done')
        .where('updated_at', '<=', ago(ctx, DONE_JOB_KEEP_MS))
        .executeTakeFirst(),
    ),
    unattachedPhotos: count(
      await ctx.db
        .deleteFrom('stored_file')
        .where('purpose', '=', 'photo')
        .where('owner_id', 'is', null)
        .where('created_at', '<=', ago(ctx, UNATTACHED_PHOTO_KEEP_MS))
        .executeTakeFirst(),
    ),
  };
  ctx.log.info({ purged: counts }, 'expired records purged');
  return counts;
}

export const purgeExpiredJob: JobHandler = {
  everyMs: HOUR_MS,
  async run(ctx) {
    await purgeExpired(ctx);
  },
};
