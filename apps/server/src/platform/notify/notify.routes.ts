import { MarkNotificationsReadBodySchema, NotificationListQuerySchema, NotificationPageSchema } from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireSignedIn } from '../http/request-context.ts';
import { listMyNotifications, markMyNotificationsRead } from './notification.service.ts';

const tags = ['notifications'];
/** 204 answers carry no body. */
const NoContentSchema = z.null().describe('No content');

/** The signed-in user's in-app inbox. */
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', async (request) => {
    requireSignedIn(request);
  });

  app.get(
    '/me/notifications',
    { schema: { tags, querystring: NotificationListQuerySchema, response: { 200: NotificationPageSchema } } },
    (request) => listMyNotifications(request.ctx, request.query),
  );

  app.post(
    '/me/notifications/read',
    { schema: { tags, body: MarkNotificationsReadBodySchema, response: { 204: NoContentSchema } } },
    async (request, reply) => {
      await markMyNotificationsRead(request.ctx, request.body);
      return reply.status(204).send(null);
    },
  );
};
