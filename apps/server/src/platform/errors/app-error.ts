import type { ErrorCode } from '@linli/contracts';

/**
 * The only error a use case throws on purpose. `message` overrides the default text of the code for the
 * request's language; give both languages when it does.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  readonly localized: { 'zh-CN': string; 'en-US': string } | undefined;

  constructor(code: ErrorCode, options: { message?: { 'zh-CN': string; 'en-US': string }; details?: unknown } = {}) {
    super(options.message?.['en-US'] ?? code);
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
    this.localized = options.message;
  }
}

export const notFound = (what: string): AppError => new AppError('NOT_FOUND', { details: { what } });
export const forbidden = (): AppError => new AppError('FORBIDDEN');
