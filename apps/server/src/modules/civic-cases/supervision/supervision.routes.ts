import {
  AnswerSupervisionBodySchema,
  IdParamsSchema,
  SupervisionBoardSchema,
  SupervisionListQuerySchema,
  SupervisionPageSchema,
  SupervisionSchema,
} from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { answerSupervision } from './supervision.answer.ts';
import { listSupervisions } from './supervision.list.ts';
import { supervisionBoard } from './supervision-board.ts';

const tags = ['civic-cases'];

/** 督办: the records the sweep (or a supervisor) opens, their answers, and the supervisors' board. */
export const supervisionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/civic-supervisions',
    { schema: { tags, querystring: SupervisionListQuerySchema, response: { 200: SupervisionPageSchema } } },
    (request) => listSupervisions(request.ctx, request.query),
  );

  app.post(
    '/civic-supervisions/:id/answer',
    {
      schema: { tags, params: IdParamsSchema, body: AnswerSupervisionBodySchema, response: { 200: SupervisionSchema } },
      config: { idempotency: 'optional' },
    },
    (request) => answerSupervision(request.ctx, request.params.id, request.body),
  );

  app.get('/civic-supervision-board', { schema: { tags, response: { 200: SupervisionBoardSchema } } }, (request) =>
    supervisionBoard(request.ctx),
  );
};
