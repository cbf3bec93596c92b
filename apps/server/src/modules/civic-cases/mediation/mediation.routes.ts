import {
  AddMediationSessionBodySchema,
  IdParamsSchema,
  MediationOutcomeBodySchema,
  MediationSchema,
  PutMediationBodySchema,
} from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireIfMatch, sendEtag } from '../../../platform/concurrency.ts';
import { attachment } from '../../../platform/http/content-disposition.ts';
import { downloadAgreement } from './mediation.agreement.ts';
import { addMediationSession, getMediation, putMediation } from './mediation.manage.ts';
import { recordMediationOutcome } from './mediation.outcome.ts';

const tags = ['civic-cases'];
const AgreementFileSchema = z
  .custom<Buffer>((value) => Buffer.isBuffer(value))
  .describe('The agreement: a Word document (generated) or the uploaded scan');

/** 纠纷调解: the parties, mediator, sessions and outcome of a dispute case, and its agreement document. */
export const mediationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/civic-cases/:id/mediation',
    { schema: { tags, params: IdParamsSchema, response: { 200: MediationSchema } } },
    async (request, reply) => {
      const mediation = await getMediation(request.ctx, request.params.id);
      sendEtag(reply, mediation.version);
      return mediation;
    },
  );

  app.put(
    '/civic-cases/:id/mediation',
    { schema: { tags, params: IdParamsSchema, body: PutMediationBodySchema, response: { 200: MediationSchema } } },
    async (request, reply) => {
      const version = requireIfMatch(request);
      const mediation = await putMediation(request.ctx, request.params.id, request.body, version);
      sendEtag(reply, mediation.version);
      return mediation;
    },
  );

  app.post(
    '/civic-cases/:id/mediation/sessions',
    {
      schema: { tags, params: IdParamsSchema, body: AddMediationSessionBodySchema, response: { 201: MediationSchema } },
      config: { idempotency: 'optional' },
    },
    async (request, reply) => {
      const mediation = await addMediationSession(request.ctx, request.params.id, request.body);
      sendEtag(reply, mediation.version);
      return reply.status(201).send(mediation);
    },
  );

  app.post(
    '/civic-cases/:id/mediation/outcome',
    {
      schema: { tags, params: IdParamsSchema, body: MediationOutcomeBodySchema, response: { 200: MediationSchema } },
      config: { idempotency: 'optional' },
    },
    async (request, reply) => {
      const mediation = await recordMediationOutcome(request.ctx, request.params.id, request.body);
      sendEtag(reply, mediation.version);
      return mediation;
    },
  );

  // The file body is sent as is; the schema documents it (Fastify serialises only JSON content types).
  app.get(
    '/civic-cases/:id/mediation/agreement',
    { schema: { tags, params: IdParamsSchema, response: { 200: AgreementFileSchema } } },
    async (request, reply) => {
      const file = await downloadAgreement(request.ctx, request.params.id);
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', attachment(file.fileName))
        .header('cache-control', 'no-store')
        .send(file.content);
    },
  );
};
