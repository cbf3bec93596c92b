import type { FastifyBaseLogger } from 'fastify';
import type { SmsSender } from '../context.ts';

/**
 * The development sender: writes the text to the log instead of sending it. Production plugs in a carrier's
 * sender behind the same interface.
 */
export const loggingSmsSender = (log: FastifyBaseLogger): SmsSender => ({
  async send(phone, text) {
    log.info({ to: `${phone.slice(0, 3)}****${phone.slice(-4)}`, text }, 'sms (development sender)');
  },
});
