import { fileTypeFromBuffer } from 'file-type';
import { MalformedImageError, stripJpegMetadata } from './jpeg-metadata.ts';

/**
 * Photo types are decided by their bytes, never by the file name or the client's Content-Type (WEB-4): a text
 * file named `.jpg` is not a JPEG.
 */
export type PhotoMediaType = 'image/jpeg' | 'image/png' | 'image/webp';

const PHOTO_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp'] satisfies PhotoMediaType[];
const isPhotoType = (mime: string | undefined): mime is PhotoMediaType =>
  mime !== undefined && PHOTO_TYPES.includes(mime);

/** The photo type `file-type` reads from the leading bytes, or undefined for anything else (SVG included). */
export async function sniffPhotoType(bytes: Buffer): Promise<PhotoMediaType | undefined> {
  const detected = await fileTypeFromBuffer(bytes);
  return isPhotoType(detected?.mime) ? detected.mime : undefined;
}

/** PNG chunks that carry text, EXIF or a timestamp rather than pixels. */
const PNG_METADATA_CHUNKS = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);

/** The PNG without text/EXIF/time chunks and without anything after IEND. */
export function stripPngMetadata(bytes: Buffer): Buffer {
  const kept: Buffer[] = [bytes.subarray(0, 8)];
  let i = 8;
  while (i + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(i);
    const type = bytes.toString('latin1', i + 4, i + 8);
    const end = i + 12 + length;
    if (end > bytes.length) break;
    if (!PNG_METADATA_CHUNKS.has(type)) kept.push(bytes.subarray(i, end));
    if (type === 'IEND') return Buffer.concat(kept);
    i = end;
  }
  throw new MalformedImageError('png without IEND');
}

/** VP8X flag bits for the EXIF and XMP chunks, which go with the chunks. */
const VP8X_METADATA_FLAGS = 0x08 | 0x04;

/** The WebP without its EXIF and XMP chunks (and their VP8X flags); the RIFF size is recomputed. */
export function stripWebpMetadata(bytes: Buffer): Buffer {
  const kept: Buffer[] = [];
  let i = 12;
  while (i + 8 <= bytes.length) {
    const fourcc = bytes.toString('latin1', i, i + 4);
    const size = bytes.readUInt32LE(i + 4);
    const end = i + 8 + size + (size % 2);
    if (i + 8 + size > bytes.length) throw new MalformedImageError('webp chunk truncated');
    if (fourcc === 'VP8X') {
      const chunk = Buffer.from(bytes.subarray(i, Math.min(end, bytes.length)));
      chunk[8] = (chunk[8] ?? 0) & ~VP8X_METADATA_FLAGS;
      kept.push(chunk);
    } else if (fourcc !== 'EXIF' && fourcc !== 'XMP ') {
      kept.push(bytes.subarray(i, Math.min(end, bytes.length)));
    }
    i = end;
  }
  const body = Buffer.concat(kept);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.length + 4, 4);
  header.write('WEBP', 8, 'latin1');
  return Buffer.concat([header, body]);
}

/** The photo's bytes with location, device and text metadata removed, by type. */
export function stripPhotoMetadata(type: PhotoMediaType, bytes: Buffer): Buffer {
  if (type === 'image/jpeg') return stripJpegMetadata(bytes);
  if (type === 'image/png') return stripPngMetadata(bytes);
  return stripWebpMetadata(bytes);
}

export { MalformedImageError };
