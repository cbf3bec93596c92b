import sharp from 'sharp';

/** The longest side of a thumbnail: enough for a list row or a timeline on a phone, small enough to load fast. */
export const THUMBNAIL_MAX_PX = 320;

/**
 * A ≤ 320 px JPEG of a photo, turned upright by its EXIF orientation before the metadata goes (sharp drops it
 * on output), or null when the bytes cannot be decoded as pixels (a damaged or unusual file is still stored;
 * it simply has no thumbnail).
 */
export async function makeThumbnail(bytes: Buffer): Promise<Buffer | null> {
  try {
    return await sharp(bytes)
      .rotate()
      .resize(THUMBNAIL_MAX_PX, THUMBNAIL_MAX_PX, { fit: 'inside' })
      .jpeg({ quality: 70 })
      .toBuffer();
  } catch {
    return null;
  }
}
