import { PHOTO_MAX_BYTES } from '@linli/contracts';
import { jpegWithMetadata, pngWithText } from '../../src/platform/files/image-fixtures.test-support.ts';
import { XLSX_MEDIA_TYPE } from '../../src/platform/http/content-disposition.ts';
import { MAX_UPLOAD_BYTES } from '../../src/platform/http/uploads.ts';
import { type Probe, probeFrom } from './bad-input.probe.ts';
import type { Baseline, ProbedRoute } from './bad-input.route-table.ts';

/**
 * Hostile uploads for the multipart routes: a file over the route's cap, content that is not what its name and
 * type claim, no file, two files, a part under the wrong name, broken multipart framing.
 */

interface UploadKind {
  /** The largest file the route stores. */
  maxBytes: number;
  fileName: string;
  mediaType: string;
  /** Leading bytes that make the route's own type check pass, so only the size is wrong. */
  magic: Buffer;
  /** Whether the route reads the whole file before answering; a roster import is checked later by its job. */
  checksContent: boolean;
}

const PHOTO: UploadKind = {
  maxBytes: PHOTO_MAX_BYTES,
  fileName: 'photo.jpg',
  mediaType: 'image/jpeg',
  magic: jpegWithMetadata().subarray(0, 20),
  checksContent: true,
};
const UPLOADS: Record<string, UploadKind> = {
  '/api/v1/files': PHOTO,
  '/api/v1/member-imports': {
    maxBytes: MAX_UPLOAD_BYTES,
    fileName: 'members.xlsx',
    mediaType: XLSX_MEDIA_TYPE,
    magic: Buffer.from([0x50, 0x4b, 0x03, 0x04]),
    checksContent: false,
  },
};

const BOUNDARY = 'bad-input-boundary';

interface Part {
  field: string;
  fileName?: string;
  mediaType?: string;
  content: Buffer;
}

function multipart(parts: Part[], closed = true): Buffer {
  const chunks = parts.flatMap((part) => [
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.field}"` +
        (part.fileName === undefined ? '' : `; filename="${part.fileName}"`) +
        (part.mediaType === undefined ? '' : `\r\nContent-Type: ${part.mediaType}`) +
        '\r\n\r\n',
    ),
    part.content,
    Buffer.from('\r\n'),
  ]);
  return Buffer.concat([...chunks, Buffer.from(closed ? `--${BOUNDARY}--\r\n` : '')]);
}

const MULTIPART_TYPE = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` };

/** Content that is neither an image nor a workbook: a PNG signature followed by junk. */
const PNG_THEN_JUNK = Buffer.concat([
  pngWithText().subarray(0, 8),
  Buffer.from('not really a png at all \u0000\u00ff'),
]);

export function uploadJunk(route: ProbedRoute, baseline: Baseline): Probe[] {
  const kind = UPLOADS[route.url] ?? PHOTO;
  const file = (content: Buffer, overrides: Partial<Part> = {}): Part => ({
    field: 'file',
    fileName: kind.fileName,
    mediaType: kind.mediaType,
    content,
    ...overrides,
  });
  const upload = (name: string, payload: Buffer, mustRefuse: string | undefined, headers = MULTIPART_TYPE): Probe => ({
    ...probeFrom(route, baseline, name, { body: undefined }),
    payload,
    headers,
    ...(mustRefuse ? { framing: mustRefuse } : {}),
  });
  const oversized = Buffer.concat([kind.magic, Buffer.alloc(kind.maxBytes + 1 - kind.magic.length)]);
  // What the route would store on its own: a real photo, or a ZIP-headed file (the import job reads it later).
  const storable = kind === PHOTO ? jpegWithMetadata() : Buffer.concat([kind.magic, Buffer.from('workbook?')]);
  const twoFiles = [file(storable), file(storable, { fileName: `second-${kind.fileName}` })];
  return [
    upload(`a file of ${kind.maxBytes + 1} bytes (over the cap)`, multipart([file(oversized)]), 'a file over the cap'),
    upload(
      'text named and typed as the file',
      multipart([file(Buffer.from('just some text\n'))]),
      'content not of its type',
    ),
    upload('a PNG header followed by junk', multipart([file(PNG_THEN_JUNK)]), 'content not of its type'),
    upload('an empty file', multipart([file(Buffer.alloc(0))]), 'an empty file'),
    upload('a multipart with no file', multipart([{ field: 'note', content: Buffer.from('hello') }]), 'no file part'),
    upload('the file under another field name', multipart([file(kind.magic, { field: 'photo' })]), 'no file part'),
    upload('two files', multipart(twoFiles), 'two files where one is taken'),
    upload('multipart without its closing boundary', multipart([file(kind.magic)], false), 'broken multipart'),
    upload('multipart/form-data without a boundary', multipart([file(kind.magic)]), 'broken multipart', {
      'content-type': 'multipart/form-data',
    }),
    // The declared name and type are only labels: the bytes decide (WEB-4), so a JPEG called .txt may be stored.
    upload(
      'a JPEG named notes.txt and typed text/plain',
      multipart([file(jpegWithMetadata(), { fileName: 'notes.txt', mediaType: 'text/plain' })]),
      kind === PHOTO ? undefined : 'content not of its type',
    ),
    upload(
      'a ZIP header followed by junk',
      multipart([file(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('junk')]))]),
      kind.checksContent ? 'content not of its type' : undefined,
    ),
  ];
}
