import type {
  Coverage,
  CreateOrgUnitBody,
  OrgUnit,
  OrgUnitDetailSchema,
  OrgUnitListSchema,
  UpdateOrgUnitBodySchema,
} from '@linli/contracts';
import { http } from './http.ts';
import type { In, Out } from './types.ts';

export type OrgUnitDetail = Out<typeof OrgUnitDetailSchema>;
export type UpdateOrgUnitBody = In<typeof UpdateOrgUnitBodySchema>;
export type OrgUnitList = Out<typeof OrgUnitListSchema>;

export const orgApi = {
  /** Children of `parentId`, or the caller's scope roots when it is omitted. */
  children: async (parentId?: string) => (await http.get<OrgUnitList>('/org-units', { parentId })).items,
  get: (id: string) => http.get<OrgUnitDetail>(`/org-units/${id}`),
  create: (body: CreateOrgUnitBody, idempotencyKey: string) =>
    http.post<OrgUnit>('/org-units', body, { idempotencyKey }),
  update: (id: string, body: UpdateOrgUnitBody, version: number) =>
    http.patch<OrgUnit>(`/org-units/${id}`, body, { version }),
  move: (id: string, newParentId: string) => http.post<OrgUnit>(`/org-units/${id}/move`, { newParentId }),
  remove: (id: string) => http.delete(`/org-units/${id}`),
  coverage: (orgId?: string) => http.get<Coverage>('/coverage', { orgId }),
};
