import type {
  CreateWorkUnitBodySchema,
  Page,
  UpdateWorkUnitBodySchema,
  WorkUnit,
  WorkUnitDetail,
  WorkUnitListQuerySchema,
  WorkUnitReportInBoardSchema,
} from '@linli/contracts';
import { http } from './http.ts';
import type { In, Out } from './types.ts';

export type WorkUnitListQuery = In<typeof WorkUnitListQuerySchema>;
export type CreateWorkUnitBody = In<typeof CreateWorkUnitBodySchema>;
export type UpdateWorkUnitBody = In<typeof UpdateWorkUnitBodySchema>;
export type WorkUnitReportInBoard = Out<typeof WorkUnitReportInBoardSchema>;

export const workUnitDetailKey = (id: string) => ['work-units', 'detail', id] as const;
export const WORK_UNIT_BOARD_KEY = ['report-in-boards', 'work-units'] as const;

export const workUnitsApi = {
  list: (query: WorkUnitListQuery) => http.get<Page<WorkUnit>>('/work-units', query),
  get: (id: string) => http.get<WorkUnitDetail>(`/work-units/${id}`),
  create: (body: CreateWorkUnitBody, idempotencyKey: string) =>
    http.post<WorkUnit>('/work-units', body, { idempotencyKey }),
  update: (id: string, body: UpdateWorkUnitBody, version: number) =>
    http.patch<WorkUnitDetail>(`/work-units/${id}`, body, { version }),
  /** Per unit: in-service members in the caller's scope and where their 双报到 stands. */
  reportInBoard: () => http.get<WorkUnitReportInBoard>('/report-in-boards/work-units'),
};
