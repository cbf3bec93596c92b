import {
  type MemberBadge,
  MemberBadgeSchema,
  type MemberReportIn,
  type MemberReportInListQuery,
  MemberReportInSchema,
  type MyMemberRecord,
  MyMemberRecordSchema,
  MyReportInListSchema,
  type PublicBadge,
  PublicBadgeSchema,
  pageOf,
  type ReportInDecisionBody,
  type SelfReportInBody,
} from '@linli/contracts';
import { api } from './http.ts';

const MemberReportInPageSchema = pageOf(MemberReportInSchema);
export type MemberReportInPage = ReturnType<typeof MemberReportInPageSchema.parse>;
export type MemberReportInQuery = Pick<MemberReportInListQuery, 'status' | 'compoundId' | 'cursor'>;

const withSignal = (signal: AbortSignal | undefined) => (signal ? { signal } : {});

/** The signed-in member's own record, report-ins and badge (`/me/...`, `member.self`), and the public badge check. */
export const membersApi = {
  /** `404 NOT_FOUND` with `details.reason: 'not_on_roster'` when the account is not on the roster. */
  myRecord: (signal?: AbortSignal): Promise<MyMemberRecord> =>
    api.get('/me/member', MyMemberRecordSchema, withSignal(signal)),
  /** All my report-ins, newest first. */
  myReportIns: async (signal?: AbortSignal): Promise<MemberReportIn[]> =>
    (await api.get('/me/report-in', MyReportInListSchema, withSignal(signal))).items,
  reportIn: (body: SelfReportInBody, idempotencyKey: string): Promise<MemberReportIn> =>
    api.post('/me/report-in', body, MemberReportInSchema, { idempotencyKey }),

  myBadge: (signal?: AbortSignal): Promise<MemberBadge> => api.get('/me/badge', MemberBadgeSchema, withSignal(signal)),
  /** A new token: the old QR code stops verifying. */
  renewBadge: (): Promise<MemberBadge> => api.post('/me/badge/renew', {}, MemberBadgeSchema),
  /** No session needed: what anyone who scans a badge sees. Unknown or replaced token → `404`. */
  publicBadge: (token: string, signal?: AbortSignal): Promise<PublicBadge> =>
    api.get(`/public/badges/${encodeURIComponent(token)}`, PublicBadgeSchema, {
      redirectOn401: false,
      ...withSignal(signal),
    }),

  /** A secretary's list (`report_in.manage`). */
  reportIns: (query: MemberReportInQuery, signal?: AbortSignal): Promise<MemberReportInPage> =>
    api.get('/member-report-ins', MemberReportInPageSchema, { query, ...withSignal(signal) }),
  /** Answers the updated report-in; the lists are refetched instead. */
  decideReportIn: (id: string, body: ReportInDecisionBody): Promise<void> =>
    api.postVoid(`/member-report-ins/${encodeURIComponent(id)}/decision`, body),
};
