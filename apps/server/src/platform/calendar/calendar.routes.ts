import {
  CalendarDayParamsSchema,
  CalendarDaySchema,
  CalendarYearQuerySchema,
  CalendarYearSchema,
  PutCalendarDayBodySchema,
} from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireSignedIn } from '../http/request-context.ts';
import { deleteCalendarDay, getCalendarYear, putCalendarDay } from './calendar.service.ts';

const tags = ['calendar'];
/** 204 answers carry no body. */
const NoContentSchema = z.null().describe('No content');

/** The working-day calendar: every signed-in user reads it; the county's configurers set its days. */
export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', async (request) => {
    requireSignedIn(request);
  });

  app.get(
    '/calendar',
    { schema: { tags, querystring: CalendarYearQuerySchema, response: { 200: CalendarYearSchema } } },
    (request) => getCalendarYear(request.ctx, request.query.year),
  );

  app.put(
    '/calendar/days/:day',
    {
      schema: {
        tags,
        params: CalendarDayParamsSchema,
        body: PutCalendarDayBodySchema,
        response: { 200: CalendarDaySchema },
      },
    },
    (request) => putCalendarDay(request.ctx, request.params.day, request.body),
  );

  app.delete(
    '/calendar/days/:day',
    { schema: { tags, params: CalendarDayParamsSchema, response: { 204: NoContentSchema } } },
    async (request, reply) => {
      await deleteCalendarDay(request.ctx, request.params.day);
      return reply.status(204).send(null);
    },
  );
};
