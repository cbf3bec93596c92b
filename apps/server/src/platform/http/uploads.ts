import type { FastifyRequest } from 'fastify';

/** The largest upload any route accepts (a 30,000-row roster spreadsheet is about 3 MB); routes may cap lower. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** One uploaded file as a route reads it: the name the client gave and the bytes. */
export interface UploadedPart {
  fileName: string;
  bytes: Buffer;
}

/** What went wrong with a multipart body, for the route to answer in its own words. */
export type UploadProblem = 'too_large' | 'several_files' | 'malformed';

export class UploadError extends Error {
  constructor(readonly problem: UploadProblem) {
    super(`upload ${problem}`);
  }
}

const hasCode = (error: unknown, code: string): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;

/**
 * The `file` part of a multipart body, read to its end so nothing is silently dropped: undefined when the body is
 * not multipart or has no `file` part. A second file, a part over `maxBytes`, or a body the parser cannot read (no
 * boundary, a truncated part) is the client's mistake and throws an UploadError — never a 500.
 */
export async function readFilePart(request: FastifyRequest, maxBytes: number): Promise<UploadedPart | undefined> {
  if (!request.isMultipart()) return undefined;
  let found: UploadedPart | undefined;
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1 } })) {
      if (part.type !== 'file') continue;
      const bytes = await part.toBuffer();
      if (part.fieldname === 'file') found = { fileName: part.filename, bytes };
    }
  } catch (error) {
    if (hasCode(error, 'FST_REQ_FILE_TOO_LARGE')) throw new UploadError('too_large');
    if (hasCode(error, 'FST_FILES_LIMIT')) throw new UploadError('several_files');
    if (hasCode(error, 'FST_INVALID_MULTIPART_CONTENT_TYPE') || hasCode(error, 'FST_PARTS_LIMIT')) return undefined;
    // Whatever else the multipart parser throws comes from the body's bytes: a missing boundary, a cut-off part.
    throw new UploadError('malformed');
  }
  return found;
}
