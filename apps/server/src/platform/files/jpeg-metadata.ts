/**
 * JPEG metadata stripping (WEB-4, PI-1 data minimisation: a phone photo's EXIF carries GPS position, device serial and
 * time). The file is rewritten segment by segment: APP0 (JFIF), APP2 ICC profiles and APP14 (Adobe colour
 * transform) stay because decoders and colour rendering use them; every other APPn (EXIF, XMP, IPTC, MPF) and
 * COM is dropped, as is anything after EOI (the extra images of an MPF file, vendor trailers). The one EXIF
 * fact a viewer needs — orientation — is written back as a minimal EXIF block, so upright photos stay upright.
 */

export class MalformedImageError extends Error {
  constructor(reason: string) {
    super(`malformed image: ${reason}`);
    this.name = 'MalformedImageError';
  }
}

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const APP0 = 0xe0;
const APP1 = 0xe1;
const APP2 = 0xe2;
const APP14 = 0xee;
const COM = 0xfe;

const startsWithAscii = (bytes: Buffer, offset: number, text: string): boolean =>
  bytes.subarray(offset, offset + text.length).toString('latin1') === text;

/** Markers without a length field: SOI, EOI, RST0–7 and TEM. */
const isStandalone = (marker: number): boolean =>
  marker === SOI || marker === EOI || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);

function keepSegment(marker: number, bytes: Buffer, dataStart: number): boolean {
  if (marker === COM) return false;
  if (marker < APP0 || marker > 0xef) return true;
  if (marker === APP0 || marker === APP14) return true;
  return marker === APP2 && startsWithAscii(bytes, dataStart, 'ICC_PROFILE\0');
}

/** Offset just past the entropy-coded data that starts at `from`: the next marker that is not a stuffed byte or RSTn. */
function endOfEntropyData(bytes: Buffer, from: number): number {
  let i = from;
  while (i < bytes.length - 1) {
    if (bytes[i] === 0xff) {
      const next = bytes[i + 1] ?? 0;
      if (next !== 0x00 && next !== 0xff && !(next >= 0xd0 && next <= 0xd7)) return i;
    }
    i += 1;
  }
  throw new MalformedImageError('jpeg scan without end');
}

/** The EXIF orientation (1–8) of an APP1 Exif segment's data, when it has one. */
export function exifOrientation(data: Buffer): number | undefined {
  if (!startsWithAscii(data, 0, 'Exif\0\0') || data.length < 14) return undefined;
  const tiff = data.subarray(6);
  const order = tiff.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return undefined;
  const le = order === 'II';
  const u16 = (at: number) => (le ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (le ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return undefined;
  const count = u16(ifd);
  for (let n = 0; n < count; n += 1) {
    const entry = ifd + 2 + n * 12;
    if (entry + 12 > tiff.length) return undefined;
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : undefined;
    }
  }
  return undefined;
}

/** An APP1 segment holding only IFD0 with the orientation tag (big-endian TIFF). */
export function orientationSegment(orientation: number): Buffer {
  const tiff = Buffer.alloc(26);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  tiff.writeUInt16BE(1, 8); // one entry
  tiff.writeUInt16BE(0x0112, 10); // Orientation
  tiff.writeUInt16BE(3, 12); // SHORT
  tiff.writeUInt32BE(1, 14); // count
  tiff.writeUInt16BE(orientation, 18); // value, left-justified in the 4-byte field
  tiff.writeUInt32BE(0, 22); // no next IFD
  const data = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const header = Buffer.from([0xff, APP1, 0, 0]);
  header.writeUInt16BE(data.length + 2, 2);
  return Buffer.concat([header, data]);
}

/** The JPEG without its metadata segments; throws MalformedImageError on a structure it cannot walk. */
export function stripJpegMetadata(bytes: Buffer): Buffer {
  if (bytes[0] !== 0xff || bytes[1] !== SOI) throw new MalformedImageError('jpeg without SOI');
  const kept: Buffer[] = [bytes.subarray(0, 2)];
  let orientation: number | undefined;
  let orientationAt = 1;
  let i = 2;
  while (i < bytes.length) {
    if (bytes[i] !== 0xff) throw new MalformedImageError('jpeg marker expected');
    const marker = bytes[i + 1] ?? 0;
    if (marker === 0xff) {
      i += 1; // fill byte before a marker
      continue;
    }
    if (marker === EOI) {
      kept.push(bytes.subarray(i, i + 2));
      if (orientation !== undefined && orientation !== 1)
        kept.splice(orientationAt, 0, orientationSegment(orientation));
      return Buffer.concat(kept);
    }
    if (isStandalone(marker)) {
      kept.push(bytes.subarray(i, i + 2));
      i += 2;
      continue;
    }
    if (i + 4 > bytes.length) throw new MalformedImageError('jpeg segment truncated');
    const end = i + 2 + bytes.readUInt16BE(i + 2);
    if (end > bytes.length) throw new MalformedImageError('jpeg segment truncated');
    if (marker === APP1) orientation ??= exifOrientation(bytes.subarray(i + 4, end));
    if (marker === SOS) {
      const scanEnd = endOfEntropyData(bytes, end);
      kept.push(bytes.subarray(i, scanEnd));
      i = scanEnd;
      continue;
    }
    if (keepSegment(marker, bytes, i + 4)) {
      kept.push(bytes.subarray(i, end));
      if (marker === APP0) orientationAt = kept.length;
    }
    i = end;
  }
  throw new MalformedImageError('jpeg without EOI');
}
