import type {
  CreateHouseholdBodySchema,
  CreateHouseholdVisitBodySchema,
  CreateResidentBodySchema,
  Household,
  HouseholdDetail,
  HouseholdExportQuerySchema,
  HouseholdLink,
  HouseholdListQuerySchema,
  HouseholdVisit,
  HouseholdVisitListQuerySchema,
  Page,
  Resident,
  UpdateHouseholdBodySchema,
  UpdateResidentBodySchema,
} from '@linli/contracts';
import { download, http } from './http.ts';
import type { In } from './types.ts';

export type HouseholdListQuery = In<typeof HouseholdListQuerySchema>;
export type HouseholdExportQuery = In<typeof HouseholdExportQuerySchema>;
export type CreateHouseholdBody = In<typeof CreateHouseholdBodySchema>;
export type UpdateHouseholdBody = In<typeof UpdateHouseholdBodySchema>;
export type CreateResidentBody = In<typeof CreateResidentBodySchema>;
export type UpdateResidentBody = In<typeof UpdateResidentBodySchema>;
export type CreateHouseholdVisitBody = In<typeof CreateHouseholdVisitBodySchema>;
export type HouseholdVisitListQuery = In<typeof HouseholdVisitListQuerySchema>;

export const householdDetailKey = (id: string) => ['households', 'detail', id] as const;

/** Households (building-unit-room), their residents, 党员联系住户 links and 走访 visits. */
export const householdsApi = {
  list: (query: HouseholdListQuery) => http.get<Page<Household>>('/households', query),
  export: (query: HouseholdExportQuery, fallbackName: string) => download('/households/export', query, fallbackName),
  get: (id: string) => http.get<HouseholdDetail>(`/households/${id}`),
  create: (body: CreateHouseholdBody, idempotencyKey: string) =>
    http.post<HouseholdDetail>('/households', body, { idempotencyKey }),
  update: (id: string, body: UpdateHouseholdBody, version: number) =>
    http.patch<HouseholdDetail>(`/households/${id}`, body, { version }),

  addResident: (householdId: string, body: CreateResidentBody, idempotencyKey: string) =>
    http.post<Resident>(`/households/${householdId}/residents`, body, { idempotencyKey }),
  updateResident: (id: string, body: UpdateResidentBody, version: number) =>
    http.patch<Resident>(`/residents/${id}`, body, { version }),
  removeResident: (id: string) => http.delete(`/residents/${id}`),

  addLink: (householdId: string, memberId: string, idempotencyKey: string) =>
    http.post<HouseholdLink>(`/households/${householdId}/links`, { memberId }, { idempotencyKey }),
  removeLink: (id: string) => http.delete(`/household-links/${id}`),

  addVisit: (householdId: string, body: CreateHouseholdVisitBody, idempotencyKey: string) =>
    http.post<HouseholdVisit>(`/households/${householdId}/visits`, body, { idempotencyKey }),
  listVisits: (query: HouseholdVisitListQuery) => http.get<Page<HouseholdVisit>>('/household-visits', query),
};
