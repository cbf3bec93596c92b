import {
  CreateGridBodySchema,
  GridDetailSchema,
  GridListQuerySchema,
  GridSchema,
  IdParamsSchema,
  pageOf,
  UpdateGridBodySchema,
} from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireIfMatch, sendEtag } from '../../platform/concurrency.ts';
import { createGrid, getGrid, listGrids, updateGrid } from './grid.service.ts';

const tags = ['organisation'];

/** Grids (网格): list, detail, create, edit. */
export const gridRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/grids',
    { schema: { tags, querystring: GridListQuerySchema, response: { 200: pageOf(GridSchema) } } },
    (request) => listGrids(request.ctx, request.query),
  );

  app.get(
    '/grids/:id',
    { schema: { tags, params: IdParamsSchema, response: { 200: GridDetailSchema } } },
    async (request, reply) => {
      const grid = await getGrid(request.ctx, request.params.id);
      sendEtag(reply, grid.version);
      return grid;
    },
  );

  app.post(
    '/grids',
    {
      schema: { tags, body: CreateGridBodySchema, response: { 201: GridSchema } },
      config: { idempotency: 'optional' },
    },
    async (request, reply) => reply.status(201).send(await createGrid(request.ctx, request.body)),
  );

  app.patch(
    '/grids/:id',
    { schema: { tags, params: IdParamsSchema, body: UpdateGridBodySchema, response: { 200: GridDetailSchema } } },
    async (request, reply) => {
      const grid = await updateGrid(request.ctx, request.params.id, request.body, requireIfMatch(request));
      sendEtag(reply, grid.version);
      return grid;
    },
  );
};
