import {
  CreateMemberBodySchema,
  IdParamsSchema,
  MemberDetailSchema,
  MemberExportQuerySchema,
  MemberListItemSchema,
  MemberListQuerySchema,
  MemberRevealBodySchema,
  MemberRevealSchema,
  MemberSearchBodySchema,
  pageOf,
  UpdateMemberBodySchema,
} from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireIfMatch, sendEtag } from '../../../platform/concurrency.ts';
import { attachment, XLSX_MEDIA_TYPE } from '../../../platform/http/content-disposition.ts';
import { createMember } from './member-create.ts';
import { getMemberDetail } from './member-detail.ts';
import { exportMembers } from './member-export.ts';
import { memberImportTemplate } from './member-import-template.ts';
import { revealMember } from './member-reveal.ts';
import { searchMembers } from './member-search.ts';
import { updateMember } from './member-update.ts';

const tags = ['members'];
const XlsxSchema = z.unknown().describe(`xlsx (${XLSX_MEDIA_TYPE})`);

/** The roster: list and search, export, template, detail, create, edit, reveal. */
export const memberRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/members',
    { schema: { tags, querystring: MemberListQuerySchema, response: { 200: pageOf(MemberListItemSchema) } } },
    (request) => searchMembers(request.ctx, request.query),
  );

  // WEB-7: a whole phone or ID number is searched for in a body, never in a URL.
  app.post(
    '/members/search',
    { schema: { tags, body: MemberSearchBodySchema, response: { 200: pageOf(MemberListItemSchema) } } },
    (request) => searchMembers(request.ctx, request.body),
  );

  // The xlsx bytes are sent as is; the schema documents them (Fastify serialises only JSON content types).
  app.get(
    '/members/export',
    { schema: { tags, querystring: MemberExportQuerySchema, response: { 200: XlsxSchema } } },
    async (request, reply) => {
      const file = await exportMembers(request.ctx, request.query);
      return reply
        .header('content-type', XLSX_MEDIA_TYPE)
        .header('content-disposition', attachment(file.filename))
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );

  app.get('/members/import-template', { schema: { tags, response: { 200: XlsxSchema } } }, async (request, reply) => {
    const file = await memberImportTemplate(request.ctx);
    return reply
      .header('content-type', XLSX_MEDIA_TYPE)
      .header('content-disposition', attachment(file.filename))
      .header('cache-control', 'no-store')
      .send(file.body);
  });

  app.get(
    '/members/:id',
    { schema: { tags, params: IdParamsSchema, response: { 200: MemberDetailSchema } } },
    async (request, reply) => {
      const detail = await getMemberDetail(request.ctx, request.params.id);
      sendEtag(reply, detail.version);
      return detail;
    },
  );

  app.post(
    '/members',
    {
      schema: { tags, body: CreateMemberBodySchema, response: { 201: MemberDetailSchema } },
      config: { idempotency: 'optional' },
    },
    async (request, reply) => {
      const detail = await createMember(request.ctx, request.body);
      sendEtag(reply, detail.version);
      return reply.status(201).send(detail);
    },
  );

  app.patch(
    '/members/:id',
    { schema: { tags, params: IdParamsSchema, body: UpdateMemberBodySchema, response: { 200: MemberDetailSchema } } },
    async (request, reply) => {
      const detail = await updateMember(request.ctx, request.params.id, request.body, requireIfMatch(request));
      sendEtag(reply, detail.version);
      return detail;
    },
  );

  // SEC-22: reveals are rate-limited per client, on top of needing a reason and leaving an audit row.
  app.post(
    '/members/:id/reveal',
    {
      schema: { tags, params: IdParamsSchema, body: MemberRevealBodySchema, response: { 200: MemberRevealSchema } },
      // Counted per user (SEC-22): one person's reveals, not an office sharing an address.
      config: {
        rateLimit: {
          max: 20,
          timeWindow: '1 minute',
          keyGenerator: (request) => (request.actor ? `user:${request.actor.userId}` : request.ip),
        },
      },
    },
    (request) => revealMember(request.ctx, request.params.id, request.body),
  );
};
