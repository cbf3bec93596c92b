import { type CompoundDetail, CompoundDetailSchema, type Grid, GridSchema } from '@linli/contracts';
import { api } from './http.ts';

export const organisationApi = {
  compound: (id: string, signal?: AbortSignal): Promise<CompoundDetail> =>
    api.get(`/compounds/${encodeURIComponent(id)}`, CompoundDetailSchema, signal ? { signal } : {}),
  grid: (id: string, signal?: AbortSignal): Promise<Grid> =>
    api.get(`/grids/${encodeURIComponent(id)}`, GridSchema, signal ? { signal } : {}),
};
