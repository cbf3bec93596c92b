import type {
  AnswerSupervisionBodySchema,
  BulkDispatchBodySchema,
  BulkDispatchResultSchema,
  CaseActionBody,
  CivicCaseAction,
  CivicCaseDetail,
  CivicCaseListQuerySchema,
  CivicCaseSummary,
  CivicCategoryListSchema,
  CreateSavedViewBodySchema,
  FileCivicCaseBodySchema,
  Page,
  RevealedReporterSchema,
  RevealReporterBodySchema,
  RoutingPreviewSchema,
  SavedViewListSchema,
  SavedViewSchema,
  SubmittedCivicCaseSchema,
  Supervision,
  SupervisionBoardSchema,
  SupervisionListQuerySchema,
} from '@linli/contracts';
import { download, http } from './http.ts';
import type { In, Out } from './types.ts';

export type CivicCaseListQuery = In<typeof CivicCaseListQuerySchema>;
/** The list's filters without paging: also what an export, a saved view and the URL carry. */
export type CivicCaseFilters = Omit<CivicCaseListQuery, 'cursor' | 'limit'>;
export type FileCivicCaseBody = In<typeof FileCivicCaseBodySchema>;
export type SubmittedCivicCase = Out<typeof SubmittedCivicCaseSchema>;
export type BulkDispatchBody = In<typeof BulkDispatchBodySchema>;
export type BulkDispatchResult = Out<typeof BulkDispatchResultSchema>;
export type RevealReporterBody = In<typeof RevealReporterBodySchema>;
export type RevealedReporter = Out<typeof RevealedReporterSchema>;
export type SavedView = Out<typeof SavedViewSchema>;
export type CreateSavedViewBody = In<typeof CreateSavedViewBodySchema>;
export type CivicCategoryList = Out<typeof CivicCategoryListSchema>;
export type RoutingPreview = Out<typeof RoutingPreviewSchema>;
export type SupervisionListQuery = In<typeof SupervisionListQuerySchema>;
export type AnswerSupervisionBody = In<typeof AnswerSupervisionBodySchema>;
export type SupervisionBoard = Out<typeof SupervisionBoardSchema>;

export const CIVIC_CASES_KEY = 'civic-cases';
export const civicCaseDetailKey = (id: string) => [CIVIC_CASES_KEY, 'detail', id] as const;
export const CIVIC_CATEGORIES_KEY = ['civic-categories'] as const;
export const SAVED_VIEWS_KEY = ['civic-case-views'] as const;
export const SUPERVISIONS_KEY = 'civic-supervisions';
export const SUPERVISION_BOARD_KEY = ['civic-supervision-board'] as const;

/** 民情: the case centre, a case and its workflow actions, saved views. */
export const civicCasesApi = {
  list: (query: CivicCaseListQuery) => http.get<Page<CivicCaseSummary>>('/civic-cases', query),
  /** The CSV ledger (台账) of the list's filters, masked and audited on the server. */
  export: (filters: CivicCaseFilters, fallbackName: string) => download('/civic-cases/export', filters, fallbackName),
  get: (id: string) => http.get<CivicCaseDetail>(`/civic-cases/${id}`),
  /** Staff file a case on a resident's behalf or from another channel (Idempotency-Key required). */
  file: (body: FileCivicCaseBody, idempotencyKey: string) =>
    http.post<SubmittedCivicCase>('/civic-cases', body, { idempotencyKey }),
  /** One workflow step, against the version the user saw (`412` when someone else moved the case first). */
  act: (id: string, action: CivicCaseAction, body: CaseActionBody, version: number) =>
    http.post<CivicCaseDetail>(`/civic-cases/${id}/actions/${action}`, body, { version }),
  bulkDispatch: (body: BulkDispatchBody) => http.post<BulkDispatchResult>('/civic-cases/bulk-dispatch', body),
  /** The reporter's name and phone in clear, with a reason (audited). */
  revealReporter: (id: string, body: RevealReporterBody) =>
    http.post<RevealedReporter>(`/civic-cases/${id}/reporter`, body),
};

export const savedViewsApi = {
  list: () => http.get<Out<typeof SavedViewListSchema>>('/civic-case-views'),
  create: (body: CreateSavedViewBody) => http.post<SavedView>('/civic-case-views', body),
  remove: (id: string) => http.delete(`/civic-case-views/${id}`),
};

export const civicCategoriesApi = {
  /** `all`: retired categories too (configurators); otherwise the active ones this user may use. */
  list: (all: boolean) => http.get<CivicCategoryList>('/civic-categories', all ? { all: 'true' } : {}),
};

export const civicRoutingApi = {
  /** Which unit a case of the category in the compound goes to under the routing rules, and why. */
  preview: (compoundId: string, categoryId: string) =>
    http.get<RoutingPreview>('/civic-routing/preview', { compoundId, categoryId }),
};

export const supervisionsApi = {
  list: (query: SupervisionListQuery) => http.get<Page<Supervision>>('/civic-supervisions', query),
  answer: (id: string, body: AnswerSupervisionBody) => http.post<Supervision>(`/civic-supervisions/${id}/answer`, body),
  board: () => http.get<SupervisionBoard>('/civic-supervision-board'),
};
