import type { FastifyBaseLogger } from 'fastify';
import type { SmsSender } from '../context.ts';
import { maskPhone } from '../crypto/index.ts';

/** Codes never reach a log (SEC-15): every run of four or more digits is blanked out. */
export const redactCodes = (text: string): string => text.replace(/\d{4,}/g, (run) => '*'.repeat(run.length));

/**
 * The development sender: writes the text to the log instead of sending it, with the phone masked and any code
 * blanked (the demo shows the code from the API's `devCode` instead). Production plugs in a carrier's sender
 * behind the same interface.
 */
export const loggingSmsSender = (log: FastifyBaseLogger): SmsSender => ({
  async send(phone, text) {
    log.info({ to: maskPhone(phone), text: redactCodes(text) }, 'sms (development sender)');
  },
});
