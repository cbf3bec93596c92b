import type { CreateVenueBodySchema, Page, VenueListQuerySchema, VenueSchema } from '@linli/contracts';
import { http } from './http.ts';
import type { In, Out } from './types.ts';

export type Venue = Out<typeof VenueSchema>;
export type VenueListQuery = In<typeof VenueListQuerySchema>;
export type CreateVenueBody = In<typeof CreateVenueBodySchema>;

export const venuesApi = {
  list: (query: VenueListQuery) => http.get<Page<Venue>>('/venues', query),
  create: (body: CreateVenueBody, idempotencyKey: string) => http.post<Venue>('/venues', body, { idempotencyKey }),
};
