import type { CreateGridBodySchema, Grid, GridListQuerySchema, Page, UpdateGridBodySchema } from '@linli/contracts';
import { http } from './http.ts';
import type { In } from './types.ts';

export type GridListQuery = In<typeof GridListQuerySchema>;
export type CreateGridBody = In<typeof CreateGridBodySchema>;
export type UpdateGridBody = In<typeof UpdateGridBodySchema>;

export const gridsApi = {
  list: (query: GridListQuery) => http.get<Page<Grid>>('/grids', query),
  get: (id: string) => http.get<Grid>(`/grids/${id}`),
  create: (body: CreateGridBody, idempotencyKey: string) => http.post<Grid>('/grids', body, { idempotencyKey }),
  update: (id: string, body: UpdateGridBody, version: number) => http.patch<Grid>(`/grids/${id}`, body, { version }),
};
