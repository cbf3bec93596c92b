import {
  type CaseActionBody,
  type CivicCaseAction,
  type CivicCaseDetail,
  CivicCaseDetailSchema,
  type CivicCaseListQuery,
  CivicCasePageSchema,
  type CivicCategory,
  CivicCategoryListSchema,
  DuplicateListSchema,
  type FileCivicCaseBody,
  type HouseholdVisit,
  HouseholdVisitPageSchema,
  type MarkNotificationsReadBodySchema,
  type MyCivicCase,
  MyCivicCaseSchema,
  NotificationPageSchema,
  type PublicCivicCase,
  PublicCivicCaseSchema,
  RevealedReporterSchema,
  type StoredFile,
  StoredFileSchema,
  type SubmitCivicCaseBody,
  type SubmittedCivicCase,
  SubmittedCivicCaseSchema,
} from '@linli/contracts';
import { api } from './http.ts';

export type CivicCasePage = ReturnType<typeof CivicCasePageSchema.parse>;
export type DuplicateCandidate = ReturnType<typeof DuplicateListSchema.parse>['items'][number];
export type NotificationPage = ReturnType<typeof NotificationPageSchema.parse>;
export type RevealedReporter = ReturnType<typeof RevealedReporterSchema.parse>;
export type MarkReadBody = ReturnType<typeof MarkNotificationsReadBodySchema.parse>;
export type InboxQuery = Partial<CivicCaseListQuery>;
export type NotificationQuery = { cursor?: string; limit?: number; unread?: 'true' | 'false' };
export type DuplicateQuery = { categoryId: string; compoundId: string; text?: string; lng?: number; lat?: number };

const withSignal = (signal: AbortSignal | undefined) => (signal ? { signal } : {});
const casePath = (id: string, suffix = '') => `/civic-cases/${encodeURIComponent(id)}${suffix}`;

/** 民情 on the phone: reporting, following, the handler's inbox and actions, the public tracking page, messages. */
export const civicApi = {
  /** Active categories in tree order; residents get no staff-only ones (the server filters). */
  categories: async (signal?: AbortSignal): Promise<CivicCategory[]> =>
    (await api.get('/civic-categories', CivicCategoryListSchema, withSignal(signal))).items,

  /** One photo (`POST /files`): type sniffed and metadata stripped by the server; the id goes in `photoIds`. */
  uploadPhoto: (file: File): Promise<StoredFile> => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.upload('/files', form, StoredFileSchema);
  },

  /** A resident's report (Idempotency-Key from the draft: a resubmission after a lost answer is not a second case). */
  submit: (body: SubmitCivicCaseBody, idempotencyKey: string, signal?: AbortSignal): Promise<SubmittedCivicCase> =>
    api.post('/me/civic-cases', body, SubmittedCivicCaseSchema, { idempotencyKey, ...withSignal(signal) }),

  /** Staff filing on a resident's behalf (代办) or from a visit, reception day, hotline or suggestion box. */
  file: (body: FileCivicCaseBody, idempotencyKey: string, signal?: AbortSignal): Promise<SubmittedCivicCase> =>
    api.post('/civic-cases', body, SubmittedCivicCaseSchema, { idempotencyKey, ...withSignal(signal) }),

  /** 走访 records of a compound whose findings need action, to file a case from (`visit` channel). */
  followUpVisits: async (compoundId: string, signal?: AbortSignal): Promise<HouseholdVisit[]> =>
    (
      await api.get('/household-visits', HouseholdVisitPageSchema, {
        query: { compoundId, followUp: 'true', limit: 50 },
        ...withSignal(signal),
      })
    ).items.filter((visit) => visit.civicCaseId === null),

  duplicates: async (query: DuplicateQuery, signal?: AbortSignal): Promise<DuplicateCandidate[]> =>
    (await api.get('/civic-cases/duplicates', DuplicateListSchema, { query, ...withSignal(signal) })).items,

  /** "我也遇到了": follow an open case instead of filing it again. */
  follow: (id: string): Promise<void> => api.postVoid(casePath(id, '/follow'), undefined),

  /** Cases I reported or follow ("me too"), newest first. */
  myCases: (cursor: string | undefined, signal?: AbortSignal): Promise<CivicCasePage> =>
    api.get('/me/civic-cases', CivicCasePageSchema, { query: { cursor }, ...withSignal(signal) }),
  /** One of them as the public sees it, with my rating and whether I may rate or reopen it. */
  myCase: (id: string, signal?: AbortSignal): Promise<MyCivicCase> =>
    api.get(`/me/civic-cases/${encodeURIComponent(id)}`, MyCivicCaseSchema, withSignal(signal)),

  /** The public view by tracking code; works without a session. */
  track: (code: string, signal?: AbortSignal): Promise<PublicCivicCase> =>
    api.get(`/public/civic-cases/${encodeURIComponent(code)}`, PublicCivicCaseSchema, {
      redirectOn401: false,
      ...withSignal(signal),
    }),

  list: (query: InboxQuery, signal?: AbortSignal): Promise<CivicCasePage> =>
    api.get('/civic-cases', CivicCasePageSchema, { query, ...withSignal(signal) }),
  detail: (id: string, signal?: AbortSignal): Promise<CivicCaseDetail> =>
    api.get(casePath(id), CivicCaseDetailSchema, withSignal(signal)),

  /** One step of the loop, against the version the user saw (`If-Match`); answers the updated case. */
  act: (id: string, action: CivicCaseAction, body: CaseActionBody, version: number): Promise<CivicCaseDetail> =>
    api.post(casePath(id, `/actions/${action}`), body, CivicCaseDetailSchema, { ifMatch: version }),

  /** The reporter's name and phone unmasked, for one stated reason (audited). */
  revealReporter: (id: string, reason: string): Promise<RevealedReporter> =>
    api.post(casePath(id, '/reporter'), { reason }, RevealedReporterSchema),

  notifications: (query: NotificationQuery, signal?: AbortSignal): Promise<NotificationPage> =>
    api.get('/me/notifications', NotificationPageSchema, { query, ...withSignal(signal) }),
  markRead: (body: MarkReadBody): Promise<void> => api.postVoid('/me/notifications/read', body),
};
