import type {
  CreateFeedbackDocumentBody,
  FeedbackDocument,
  FeedbackDocumentListQuerySchema,
  Page,
  WorkUnitFeedback,
  WorkUnitFeedbackQuery,
} from '@linli/contracts';
import { download, http } from './http.ts';
import type { In } from './types.ts';

export type FeedbackDocumentListQuery = In<typeof FeedbackDocumentListQuerySchema>;

export const feedbackApi = {
  /** The quarter's community record of each reported member of the unit (八小时外). */
  preview: (query: WorkUnitFeedbackQuery) => http.get<WorkUnitFeedback>('/work-unit-feedback', query),
  generate: (body: CreateFeedbackDocumentBody, idempotencyKey: string) =>
    http.post<FeedbackDocument>('/work-unit-feedback', body, { idempotencyKey }),
  documents: (query: FeedbackDocumentListQuery) =>
    http.get<Page<FeedbackDocument>>('/work-unit-feedback/documents', query),
  download: (doc: FeedbackDocument) => download(`/work-unit-feedback/documents/${doc.id}/file`, {}, doc.fileName),
};
