import { describe, expect, it } from 'vitest';
import { exifPayload, jpegWithMetadata, pngWithText, webpWithExif } from './image-fixtures.test-support.ts';
import { sniffPhotoType, stripPngMetadata, stripWebpMetadata } from './image-metadata.ts';
import { exifOrientation, MalformedImageError, stripJpegMetadata } from './jpeg-metadata.ts';

const has = (bytes: Buffer, text: string): boolean => bytes.includes(Buffer.from(text, 'latin1'));

/** The markers of a JPEG's segments before its first scan, in order. */
function markersOf(jpeg: Buffer): number[] {
  const markers: number[] = [];
  let i = 2;
  while (i < jpeg.length && jpeg[i + 1] !== 0xda) {
    markers.push(jpeg[i + 1] ?? 0);
    i += 2 + jpeg.readUInt16BE(i + 2);
  }
  return markers;
}

describe('photo type sniffing', () => {
  it('recognises JPEG, PNG and WebP by their first bytes and nothing else, SVG included', async () => {
    expect(await sniffPhotoType(jpegWithMetadata())).toBe('image/jpeg');
    expect(await sniffPhotoType(pngWithText())).toBe('image/png');
    expect(await sniffPhotoType(webpWithExif())).toBe('image/webp');
    expect(await sniffPhotoType(Buffer.from('<html><script>alert(1)</script></html>'))).toBeUndefined();
    expect(
      await sniffPhotoType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>')),
    ).toBeUndefined();
    expect(await sniffPhotoType(Buffer.from('GIF89a......'))).toBeUndefined();
    expect(await sniffPhotoType(Buffer.alloc(0))).toBeUndefined();
  });
});

describe('JPEG metadata stripping', () => {
  it('drops EXIF, XMP, IPTC and comments but keeps JFIF, ICC, tables, frame and the scan bytes as they were', () => {
    const original = jpegWithMetadata({ orientation: 1 });
    const clean = stripJpegMetadata(original);
    for (const secret of ['GPS', 'xmpmeta', 'IPTC', 'Zhang San', 'Exif']) expect(has(clean, secret)).toBe(false);
    expect(markersOf(clean)).toEqual([0xe0, 0xe2, 0xdb, 0xc0, 0xc4]);
    const scan = Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0xff, 0xd9]);
    expect(clean.subarray(-scan.length).equals(scan)).toBe(true);
  });

  it('keeps a rotated photo upright: the orientation comes back as a minimal EXIF right after JFIF', () => {
    const clean = stripJpegMetadata(jpegWithMetadata({ orientation: 6 }));
    expect(markersOf(clean)).toEqual([0xe0, 0xe1, 0xe2, 0xdb, 0xc0, 0xc4]);
    const app1Start = 2 + 2 + clean.readUInt16BE(4);
    const app1 = clean.subarray(app1Start + 4, app1Start + 2 + clean.readUInt16BE(app1Start + 2));
    expect(exifOrientation(app1)).toBe(6);
    expect(has(clean, 'GPS')).toBe(false);
  });

  it('reads the orientation from little-endian EXIF too', () => {
    expect(exifOrientation(exifPayload(8, true))).toBe(8);
    expect(exifOrientation(exifPayload(3, false))).toBe(3);
    expect(exifOrientation(Buffer.from('not exif'))).toBeUndefined();
  });

  it('cuts everything after the end of the image, where MPF files hide a second image with its own EXIF', () => {
    const clean = stripJpegMetadata(jpegWithMetadata({ trailer: true }));
    expect(has(clean, 'second image')).toBe(false);
    expect(clean.subarray(-2).equals(Buffer.from([0xff, 0xd9]))).toBe(true);
  });

  it('rejects a truncated or headless JPEG as malformed instead of passing it through', () => {
    const full = jpegWithMetadata();
    expect(() => stripJpegMetadata(full.subarray(0, 40))).toThrow(MalformedImageError);
    expect(() => stripJpegMetadata(full.subarray(0, full.length - 2))).toThrow(MalformedImageError);
    expect(() => stripJpegMetadata(Buffer.from('plain text'))).toThrow(MalformedImageError);
  });
});

describe('PNG and WebP metadata stripping', () => {
  it('drops PNG text and EXIF chunks and keeps the image chunks', () => {
    const clean = stripPngMetadata(pngWithText());
    expect(has(clean, 'Zhang San')).toBe(false);
    expect(has(clean, 'eXIf')).toBe(false);
    for (const chunk of ['IHDR', 'IDAT', 'IEND']) expect(has(clean, chunk)).toBe(true);
    expect(() => stripPngMetadata(pngWithText().subarray(0, 40))).toThrow(MalformedImageError);
  });

  it('drops WebP EXIF and XMP chunks, clears their VP8X flags and keeps the RIFF size right', () => {
    const clean = stripWebpMetadata(webpWithExif());
    expect(has(clean, 'EXIF')).toBe(false);
    expect(has(clean, 'xmpmeta')).toBe(false);
    expect(clean.readUInt32LE(4)).toBe(clean.length - 8);
    expect((clean[20] ?? 0) & 0x0c).toBe(0);
    expect((clean[20] ?? 0) & 0x10).toBe(0x10);
    expect(has(clean, 'VP8L')).toBe(true);
  });
});
