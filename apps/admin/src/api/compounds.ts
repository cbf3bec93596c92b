import type {
  Compound,
  CompoundDetail,
  CompoundExportQuerySchema,
  CompoundListQuerySchema,
  CompoundParty,
  CompoundPartyKind,
  CreateCompoundBodySchema,
  Page,
  PublicCompound,
  ReplaceCompoundPartyBody,
  UpdateCompoundBodySchema,
} from '@linli/contracts';
import { download, http } from './http.ts';
import type { In } from './types.ts';

export type CompoundListQuery = In<typeof CompoundListQuerySchema>;
export type CompoundExportQuery = In<typeof CompoundExportQuerySchema>;
export type CreateCompoundBody = In<typeof CreateCompoundBodySchema>;
export type UpdateCompoundBody = In<typeof UpdateCompoundBodySchema>;

export const compoundDetailKey = (id: string) => ['compounds', 'detail', id] as const;

export const compoundsApi = {
  /** Every compound of the county by name (the public registration picker): for choosing a target outside one's scope. */
  searchCounty: (q: string) => http.get<{ items: PublicCompound[] }>('/public/compounds', q ? { q } : {}),
  list: (query: CompoundListQuery) => http.get<Page<Compound>>('/compounds', query),
  export: (query: CompoundExportQuery, fallbackName: string) => download('/compounds/export', query, fallbackName),
  get: (id: string) => http.get<CompoundDetail>(`/compounds/${id}`),
  create: (body: CreateCompoundBody, idempotencyKey: string) =>
    http.post<CompoundDetail>('/compounds', body, { idempotencyKey }),
  update: (id: string, body: UpdateCompoundBody, version: number) =>
    http.patch<CompoundDetail>(`/compounds/${id}`, body, { version }),
  /**
   * A party that does not exist yet has no version; `If-Match: "v0"` says "create it, expecting none".
   */
  replaceParty: (id: string, kind: CompoundPartyKind, body: ReplaceCompoundPartyBody, version: number) =>
    http.put<CompoundParty>(`/compounds/${id}/parties/${kind}`, body, { version }),
};
