import {
  AccountDetailSchema,
  AccountListQuerySchema,
  AccountSchema,
  AssignRoleBodySchema,
  CreateAccountBodySchema,
  CreatedAccountSchema,
  IdParamsSchema,
  IdSchema,
  PasswordPolicySchema,
  pageOf,
  SetAccountStatusBodySchema,
} from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireIfMatch, sendEtag } from '../concurrency.ts';
import { createAccount, setAccountStatus, unlockAccount } from './account.service.ts';
import { getAccount, listAccounts } from './account-query.service.ts';
import { assignRole, revokeRole } from './role-assignment.service.ts';
import { getSecurityPolicy, putSecurityPolicy } from './security-policy.service.ts';

/** Actions that take no input still declare that they take none (SEC-19). */
const NoBodySchema = z.object({}).strict().optional();
const AssignmentParamsSchema = z.object({ id: IdSchema, assignmentId: IdSchema }).strict();

/** Accounts, role assignments and the security policy: the 三权分立 administrators' API (docs/api.md). */
export const accountsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['accounts'];

  app.get(
    '/accounts',
    { schema: { tags, querystring: AccountListQuerySchema, response: { 200: pageOf(AccountSchema) } } },
    (request) => listAccounts(request.ctx, request.query),
  );

  app.post(
    '/accounts',
    {
      schema: { tags, body: CreateAccountBodySchema, response: { 201: CreatedAccountSchema } },
      config: { idempotency: 'optional' },
    },
    async (request, reply) => reply.status(201).send(await createAccount(request.ctx, request.body)),
  );

  app.get(
    '/accounts/:id',
    { schema: { tags, params: IdParamsSchema, response: { 200: AccountDetailSchema } } },
    async (request, reply) => {
      const account = await getAccount(request.ctx, request.params.id);
      sendEtag(reply, account.version);
      return account;
    },
  );

  app.post(
    '/accounts/:id/status',
    { schema: { tags, params: IdParamsSchema, body: SetAccountStatusBodySchema, response: { 200: AccountSchema } } },
    (request) => setAccountStatus(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/accounts/:id/unlock',
    { schema: { tags, params: IdParamsSchema, body: NoBodySchema, response: { 200: AccountSchema } } },
    (request) => unlockAccount(request.ctx, request.params.id),
  );

  app.post(
    '/accounts/:id/roles',
    {
      schema: { tags, params: IdParamsSchema, body: AssignRoleBodySchema, response: { 201: AccountSchema } },
      config: { idempotency: 'optional' },
    },
    async (request, reply) => reply.status(201).send(await assignRole(request.ctx, request.params.id, request.body)),
  );

  app.delete(
    '/accounts/:id/roles/:assignmentId',
    { schema: { tags, params: AssignmentParamsSchema, response: { 200: AccountSchema } } },
    (request) => revokeRole(request.ctx, request.params.id, request.params.assignmentId),
  );

  app.get(
    '/security/password-policy',
    { schema: { tags, response: { 200: PasswordPolicySchema } } },
    async (request, reply) => {
      const { policy, version } = await getSecurityPolicy(request.ctx);
      sendEtag(reply, version);
      return policy;
    },
  );

  app.put(
    '/security/password-policy',
    { schema: { tags, body: PasswordPolicySchema.strict(), response: { 200: PasswordPolicySchema } } },
    async (request, reply) => {
      // The If-Match check waits until the caller is authorised: a stranger learns 403, not 428.
      const { policy, version } = await putSecurityPolicy(request.ctx, request.body, () => requireIfMatch(request));
      sendEtag(reply, version);
      return policy;
    },
  );
};
