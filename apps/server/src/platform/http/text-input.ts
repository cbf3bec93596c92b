import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors/app-error.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

const invalidText = (path: string, message: string): AppError =>
  new AppError('VALIDATION_FAILED', { details: { issues: [{ path, message }] } });

/** The path of the first string holding a NUL character in a parsed body, query or params object, if any. */
function nulAt(value: unknown, root: string): string | undefined {
  const pending: [unknown, string][] = [[value, root]];
  while (pending.length > 0) {
    const [item, path] = pending.pop() as [unknown, string];
    if (typeof item === 'string') {
      if (item.includes('\u0000')) return path;
    } else if (item !== null && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) pending.push([child, `${path}.${key}`]);
    }
  }
  return undefined;
}

/**
 * Text the application stores must be text. A JSON body whose bytes are not UTF-8 is refused rather than decoded
 * with U+FFFD replacements (the stored value would silently differ from what was sent), and a NUL character in any
 * body, query or path string is refused before it reaches a service (PostgreSQL cannot store it in text columns;
 * SQLite would, and the two must answer alike). Both answer 400 in the usual envelope.
 */
export function installTextInputRules(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = utf8.decode(body as Buffer);
    } catch {
      done(invalidText('body', 'not valid UTF-8'), undefined);
      return;
    }
    parseJson(request, text, done);
  });
  app.addHook('preValidation', async (request) => {
    const where = nulAt(request.params, 'params') ?? nulAt(request.query, 'querystring') ?? nulAt(request.body, 'body');
    if (where) throw invalidText(where, 'contains a NUL character');
  });
}
