import type {
  CreatePartnerUnitBodySchema,
  Page,
  PartnerUnitDetail,
  PartnerUnitListQuerySchema,
  PartnerUnitSchema,
  UpdatePartnerUnitBodySchema,
} from '@linli/contracts';
import { http } from './http.ts';
import type { In, Out } from './types.ts';

export type PartnerUnit = Out<typeof PartnerUnitSchema>;
export type PartnerUnitListQuery = In<typeof PartnerUnitListQuerySchema>;
export type CreatePartnerUnitBody = In<typeof CreatePartnerUnitBodySchema>;
export type UpdatePartnerUnitBody = In<typeof UpdatePartnerUnitBodySchema>;

export const partnerUnitDetailKey = (id: string) => ['partner-units', 'detail', id] as const;

export const partnerUnitsApi = {
  list: (query: PartnerUnitListQuery) => http.get<Page<PartnerUnit>>('/partner-units', query),
  get: (id: string) => http.get<PartnerUnitDetail>(`/partner-units/${id}`),
  create: (body: CreatePartnerUnitBody, idempotencyKey: string) =>
    http.post<PartnerUnit>('/partner-units', body, { idempotencyKey }),
  update: (id: string, body: UpdatePartnerUnitBody, version: number) =>
    http.patch<PartnerUnitDetail>(`/partner-units/${id}`, body, { version }),
};
