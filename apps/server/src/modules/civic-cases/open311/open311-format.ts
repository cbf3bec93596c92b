import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Doc, list, toJsonValue, toXml } from './open311-document.ts';

/** The response format, chosen by the path's suffix (GeoReport v2 §"Response formats"). */
export type Format = 'xml' | 'json';
export const FORMATS: readonly Format[] = ['xml', 'json'];

export const CONTENT_TYPE: Record<Format, string> = {
  xml: 'text/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};
/** The MIME types discovery advertises (without parameters, as the spec's examples list them). */
export const MIME_TYPES = ['text/xml', 'application/json'];

/** `MS01.json` → `{ name: 'MS01', format: 'json' }`; null without one of our two suffixes. */
export function splitSuffix(file: string): { name: string; format: Format } | null {
  const match = /^(.+)\.(xml|json)$/.exec(file);
  if (!match?.[1] || (match[2] !== 'xml' && match[2] !== 'json')) return null;
  return { name: match[1], format: match[2] };
}

/** The format a request asked for, read from its path: errors answer in it too; XML (the required one) otherwise. */
export function formatOf(request: FastifyRequest): Format {
  const path = request.url.split('?')[0] ?? '';
  return path.endsWith('.json') ? 'json' : 'xml';
}

/** Renders the document in the asked format with the spec's content type. */
export function sendDoc(reply: FastifyReply, format: Format, rootTag: string, doc: Doc): FastifyReply {
  reply.header('content-type', CONTENT_TYPE[format]);
  return reply.send(format === 'xml' ? toXml(rootTag, doc) : JSON.stringify(toJsonValue(doc)));
}

/** One entry of the spec's error list; `code` may be more specific than the HTTP status. */
export interface Open311Error {
  code: number;
  description: string;
}

/** The spec's error body: `<errors><error>…</error></errors>`, or a JSON array of `{ code, description }`. */
export function sendErrors(reply: FastifyReply, format: Format, status: number, errors: Open311Error[]): FastifyReply {
  reply.status(status);
  return sendDoc(
    reply,
    format,
    'errors',
    list(
      'error',
      errors.map((e) => ({ code: e.code, description: e.description })),
    ),
  );
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/**
 * An instant in the W3C profile of ISO 8601 with the county's offset, `2026-11-27T10:00:00+08:00`: the spec wants
 * a zone on every datetime, and the county reads its own clock time (China has one zone and no daylight saving).
 */
export function w3cShanghai(iso: string): string {
  const shifted = new Date(new Date(iso).getTime() + SHANGHAI_OFFSET_MS);
  return `${shifted.toISOString().slice(0, 19)}+08:00`;
}

const W3C_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A client's datetime (it must carry a zone: a bare local time is ambiguous), or null when it is not one. */
export function parseW3c(text: string): Date | null {
  if (!W3C_WITH_ZONE.test(text)) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}
