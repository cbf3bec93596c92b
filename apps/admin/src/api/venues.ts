import type {
  CreateVenueBodySchema,
  Page,
  UpdateVenueBodySchema,
  VenueDetail,
  VenueListQuerySchema,
  VenueSchema,
} from '@linli/contracts';
import { http } from './http.ts';
import type { In, Out } from './types.ts';

export type Venue = Out<typeof VenueSchema>;
export type VenueListQuery = In<typeof VenueListQuerySchema>;
export type CreateVenueBody = In<typeof CreateVenueBodySchema>;
export type UpdateVenueBody = In<typeof UpdateVenueBodySchema>;

export const venueDetailKey = (id: string) => ['venues', 'detail', id] as const;

export const venuesApi = {
  list: (query: VenueListQuery) => http.get<Page<Venue>>('/venues', query),
  get: (id: string) => http.get<VenueDetail>(`/venues/${id}`),
  create: (body: CreateVenueBody, idempotencyKey: string) => http.post<Venue>('/venues', body, { idempotencyKey }),
  update: (id: string, body: UpdateVenueBody, version: number) =>
    http.patch<VenueDetail>(`/venues/${id}`, body, { version }),
};
