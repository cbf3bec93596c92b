import type {
  Compound,
  CompoundDetail,
  CompoundListQuerySchema,
  CompoundParty,
  CompoundPartyInput,
  CompoundPartyKind,
  CreateCompoundBodySchema,
  Page,
  UpdateCompoundBodySchema,
} from '@linli/contracts';
import { download, http } from './http.ts';
import type { In } from './types.ts';

export type CompoundListQuery = In<typeof CompoundListQuerySchema>;
export type CreateCompoundBody = In<typeof CreateCompoundBodySchema>;
export type UpdateCompoundBody = In<typeof UpdateCompoundBodySchema>;
/** `PUT /compounds/:id/parties/:kind` replaces that party: `{ name, people }`. */
export type ReplacePartyBody = Omit<CompoundPartyInput, 'kind'>;

export const compoundsApi = {
  list: (query: CompoundListQuery) => http.get<Page<Compound>>('/compounds', query),
  export: (query: Omit<CompoundListQuery, 'cursor' | 'limit'>, fallbackName: string) =>
    download('/compounds/export', query, fallbackName),
  get: (id: string) => http.get<CompoundDetail>(`/compounds/${id}`),
  create: (body: CreateCompoundBody, idempotencyKey: string) =>
    http.post<CompoundDetail>('/compounds', body, { idempotencyKey }),
  update: (id: string, body: UpdateCompoundBody, version: number) =>
    http.patch<CompoundDetail>(`/compounds/${id}`, body, { version }),
  /**
   * A party that does not exist yet has no version; `If-Match: "v0"` says "create it, expecting none".
   */
  replaceParty: (id: string, kind: CompoundPartyKind, body: ReplacePartyBody, version: number) =>
    http.put<CompoundParty>(`/compounds/${id}/parties/${kind}`, body, { version }),
};
