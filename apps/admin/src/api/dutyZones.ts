import type {
  CreateDutyZoneBodySchema,
  DutyZone,
  DutyZoneDetail,
  DutyZoneListQuerySchema,
  Page,
  UpdateDutyZoneBodySchema,
} from '@linli/contracts';
import { http } from './http.ts';
import type { In } from './types.ts';

export type DutyZoneListQuery = In<typeof DutyZoneListQuerySchema>;
export type CreateDutyZoneBody = In<typeof CreateDutyZoneBodySchema>;
export type UpdateDutyZoneBody = In<typeof UpdateDutyZoneBodySchema>;

export const dutyZoneDetailKey = (id: string) => ['duty-zones', 'detail', id] as const;

export const dutyZonesApi = {
  list: (query: DutyZoneListQuery) => http.get<Page<DutyZone>>('/duty-zones', query),
  get: (id: string) => http.get<DutyZoneDetail>(`/duty-zones/${id}`),
  create: (body: CreateDutyZoneBody, idempotencyKey: string) =>
    http.post<DutyZone>('/duty-zones', body, { idempotencyKey }),
  update: (id: string, body: UpdateDutyZoneBody, version: number) =>
    http.patch<DutyZoneDetail>(`/duty-zones/${id}`, body, { version }),
};
