import { AppError } from '../../platform/errors/app-error.ts';

/**
 * A rule about the input that zod cannot see (it needs the database): reported like a schema failure, a 400
 * with the offending field, so the form can mark it.
 */
export const invalidInput = (path: string, message: string): AppError =>
  new AppError('VALIDATION_FAILED', { details: { issues: [{ path, message }] } });
