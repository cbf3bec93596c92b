import type { CreateDutyZoneBodySchema, DutyZone, DutyZoneListQuerySchema, Page } from '@linli/contracts';
import { http } from './http.ts';
import type { In } from './types.ts';

export type DutyZoneListQuery = In<typeof DutyZoneListQuerySchema>;
export type CreateDutyZoneBody = In<typeof CreateDutyZoneBodySchema>;

export const dutyZonesApi = {
  list: (query: DutyZoneListQuery) => http.get<Page<DutyZone>>('/duty-zones', query),
  create: (body: CreateDutyZoneBody, idempotencyKey: string) =>
    http.post<DutyZone>('/duty-zones', body, { idempotencyKey }),
};
