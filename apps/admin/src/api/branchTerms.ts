import type { BranchTermListQuerySchema, BranchTermSchema, CreateBranchTermBodySchema, Page } from '@linli/contracts';
import { http } from './http.ts';
import type { In, Out } from './types.ts';

export type BranchTerm = Out<typeof BranchTermSchema>;
export type BranchTermListQuery = In<typeof BranchTermListQuerySchema>;
export type CreateBranchTermBody = In<typeof CreateBranchTermBodySchema>;

export const branchTermsApi = {
  list: (query: BranchTermListQuery) => http.get<Page<BranchTerm>>('/branch-terms', query),
  create: (body: CreateBranchTermBody, idempotencyKey: string) =>
    http.post<BranchTerm>('/branch-terms', body, { idempotencyKey }),
};
