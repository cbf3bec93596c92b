import type {
  CreateMemberBodySchema,
  CreatePiiExportRequestBodySchema,
  MemberDetail,
  MemberExportFilterSchema,
  MemberImport,
  MemberImportSummary,
  MemberListItem,
  MemberReveal,
  MemberRevealBody,
  MemberSearchBodySchema,
  Page,
  PiiExportDecisionBody,
  PiiExportRequest,
  PiiExportRequestStatus,
  UpdateMemberBodySchema,
} from '@linli/contracts';
import { download, http } from './http.ts';
import type { In } from './types.ts';

export type MemberSearchBody = In<typeof MemberSearchBodySchema>;
export type MemberExportFilter = In<typeof MemberExportFilterSchema>;
export type CreateMemberBody = In<typeof CreateMemberBodySchema>;
export type UpdateMemberBody = In<typeof UpdateMemberBodySchema>;
export type CreatePiiExportRequestBody = In<typeof CreatePiiExportRequestBodySchema>;

export const memberDetailKey = (id: string) => ['members', 'detail', id] as const;

export const membersApi = {
  /**
   * The roster page. The search travels in a POST body (WEB-7): the box also takes a whole phone or ID number,
   * which must never appear in a URL.
   */
  search: (body: MemberSearchBody) => http.post<Page<MemberListItem>>('/members/search', body),
  get: (id: string) => http.get<MemberDetail>(`/members/${id}`),
  create: (body: CreateMemberBody, idempotencyKey: string) =>
    http.post<MemberDetail>('/members', body, { idempotencyKey }),
  update: (id: string, body: UpdateMemberBody, version: number) =>
    http.patch<MemberDetail>(`/members/${id}`, body, { version }),
  /** Unmasked values of the chosen fields; audited on the server. */
  reveal: (id: string, body: MemberRevealBody) => http.post<MemberReveal>(`/members/${id}/reveal`, body),
  /** The masked xlsx of the list's filters. */
  export: (filter: MemberExportFilter, fallbackName: string) => download('/members/export', filter, fallbackName),
  /** The unmasked xlsx of an approved PI-4 request (usable once). */
  exportApproved: (approvalId: string, fallbackName: string) =>
    download('/members/export', { approvalId }, fallbackName),
  importTemplate: (fallbackName: string) => download('/members/import-template', {}, fallbackName),
};

export const memberImportKey = (id: string) => ['member-imports', 'detail', id] as const;

export const memberImportsApi = {
  /** Uploads one xlsx; the answer (202) is the queued import to poll. */
  upload: (file: File, idempotencyKey: string) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return http.post<MemberImport>('/member-imports', form, { idempotencyKey });
  },
  get: (id: string) => http.get<MemberImport>(`/member-imports/${id}`),
  list: (query: { cursor?: string | undefined; limit?: number }) =>
    http.get<Page<MemberImportSummary>>('/member-imports', query),
};

export type ExportRequestListQuery = {
  status?: PiiExportRequestStatus | undefined;
  cursor?: string | undefined;
  limit?: number;
};

export const exportRequestsApi = {
  list: (query: ExportRequestListQuery) => http.get<Page<PiiExportRequest>>('/member-export-requests', query),
  create: (body: CreatePiiExportRequestBody, idempotencyKey: string) =>
    http.post<PiiExportRequest>('/member-export-requests', body, { idempotencyKey }),
  decide: (id: string, body: PiiExportDecisionBody) =>
    http.post<PiiExportRequest>(`/member-export-requests/${id}/decision`, body),
};
