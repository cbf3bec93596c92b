/**
 * Pure helpers of the duplicate finder: how alike two texts are and how far apart two points are. No I/O.
 */

/** Character bigrams of a text, punctuation and spaces dropped (Chinese has no word breaks, bigrams suit it). */
function bigrams(text: string): Map<string, number> {
  const chars = [...text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '')];
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i += 1) {
    const gram = `${chars[i]}${chars[i + 1]}`;
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/**
 * Sørensen–Dice over character bigrams (multiset): 2·|A∩B| / (|A|+|B|), 0 when either text has no bigram.
 * 1 means the same text; unrelated complaints score near 0.
 */
export function diceSimilarity(a: string, b: string): number {
  const left = bigrams(a);
  const right = bigrams(b);
  let sizeA = 0;
  let sizeB = 0;
  let shared = 0;
  for (const count of left.values()) sizeA += count;
  for (const [gram, count] of right) {
    sizeB += count;
    shared += Math.min(count, left.get(gram) ?? 0);
  }
  return sizeA + sizeB === 0 ? 0 : (2 * shared) / (sizeA + sizeB);
}

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres between two WGS-84 points (haversine). */
export function haversineMetres(a: { lng: number; lat: number }, b: { lng: number; lat: number }): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The latitude/longitude box around a point that holds every point within `metres` (for an indexed prefilter). */
export function boundingBox(centre: { lng: number; lat: number }, metres: number) {
  const dLat = (metres / EARTH_RADIUS_M) * (180 / Math.PI);
  const cos = Math.max(Math.cos(rad(centre.lat)), 1e-6);
  const dLng = dLat / cos;
  return { minLat: centre.lat - dLat, maxLat: centre.lat + dLat, minLng: centre.lng - dLng, maxLng: centre.lng + dLng };
}
