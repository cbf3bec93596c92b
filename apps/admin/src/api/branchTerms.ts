import type {
  BranchTermDetail,
  BranchTermListQuerySchema,
  BranchTermSchema,
  CreateBranchTermBodySchema,
  Page,
  UpdateBranchTermBodySchema,
} from '@linli/contracts';
import { http } from './http.ts';
import type { In, Out } from './types.ts';

export type BranchTerm = Out<typeof BranchTermSchema>;
export type BranchTermListQuery = In<typeof BranchTermListQuerySchema>;
export type CreateBranchTermBody = In<typeof CreateBranchTermBodySchema>;
export type UpdateBranchTermBody = In<typeof UpdateBranchTermBodySchema>;

export const branchTermDetailKey = (id: string) => ['branch-terms', 'detail', id] as const;

export const branchTermsApi = {
  list: (query: BranchTermListQuery) => http.get<Page<BranchTerm>>('/branch-terms', query),
  get: (id: string) => http.get<BranchTermDetail>(`/branch-terms/${id}`),
  create: (body: CreateBranchTermBody, idempotencyKey: string) =>
    http.post<BranchTerm>('/branch-terms', body, { idempotencyKey }),
  update: (id: string, body: UpdateBranchTermBody, version: number) =>
    http.patch<BranchTermDetail>(`/branch-terms/${id}`, body, { version }),
};
