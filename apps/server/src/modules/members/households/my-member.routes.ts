import { MemberBadgeSchema, MyMemberRecordSchema, RenewBadgeBodySchema } from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getMyBadge, renewMyBadge } from './badge.service.ts';
import { getMyMemberRecord } from './my-member.service.ts';

const tags = ['members'];

/** The signed-in member's own record and 亮身份 badge (H5). */
export const myMemberRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/me/member', { schema: { tags, response: { 200: MyMemberRecordSchema } } }, (request) =>
    getMyMemberRecord(request.ctx),
  );

  app.get('/me/badge', { schema: { tags, response: { 200: MemberBadgeSchema } } }, (request) =>
    getMyBadge(request.ctx),
  );

  app.post(
    '/me/badge/renew',
    { schema: { tags, body: RenewBadgeBodySchema, response: { 200: MemberBadgeSchema } } },
    (request) => renewMyBadge(request.ctx),
  );
};
