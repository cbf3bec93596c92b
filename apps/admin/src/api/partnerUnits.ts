import type {
  CreatePartnerUnitBodySchema,
  Page,
  PartnerUnitListQuerySchema,
  PartnerUnitSchema,
} from '@linli/contracts';
import { http } from './http.ts';
import type { In, Out } from './types.ts';

export type PartnerUnit = Out<typeof PartnerUnitSchema>;
export type PartnerUnitListQuery = In<typeof PartnerUnitListQuerySchema>;
export type CreatePartnerUnitBody = In<typeof CreatePartnerUnitBodySchema>;

export const partnerUnitsApi = {
  list: (query: PartnerUnitListQuery) => http.get<Page<PartnerUnit>>('/partner-units', query),
  create: (body: CreatePartnerUnitBody, idempotencyKey: string) =>
    http.post<PartnerUnit>('/partner-units', body, { idempotencyKey }),
};
