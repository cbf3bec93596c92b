import type {
  Account,
  AccountListQuerySchema,
  AssignRoleBody,
  CreateAccountBodySchema,
  CreatedAccountSchema,
  Page,
} from '@linli/contracts';
import { http } from './http.ts';
import type { In, Out } from './types.ts';

export type AccountListQuery = In<typeof AccountListQuerySchema>;
export type CreateAccountBody = In<typeof CreateAccountBodySchema>;
export type CreatedAccount = Out<typeof CreatedAccountSchema>;

export const accountsApi = {
  list: (query: AccountListQuery) => http.get<Page<Account>>('/accounts', query),
  get: (id: string) => http.get<Account>(`/accounts/${id}`),
  create: (body: CreateAccountBody, idempotencyKey: string) =>
    http.post<CreatedAccount>('/accounts', body, { idempotencyKey }),
  setStatus: (id: string, status: 'active' | 'disabled') => http.post<Account>(`/accounts/${id}/status`, { status }),
  unlock: (id: string) => http.post<Account>(`/accounts/${id}/unlock`),
  assignRole: (id: string, body: AssignRoleBody, idempotencyKey: string) =>
    http.post<Account>(`/accounts/${id}/roles`, body, { idempotencyKey }),
  revokeRole: (id: string, assignmentId: string) => http.delete(`/accounts/${id}/roles/${assignmentId}`),
};
