import { type DutyZone, GeometrySchema } from '@linli/contracts';

export type Geometry = NonNullable<DutyZone['geometry']>;

export type GeometryParse =
  | { ok: true; geometry: Geometry | undefined }
  | { ok: false; reason: 'json' | 'shape'; detail?: string };

/** Pasted GeoJSON text → a contract `Geometry` (LineString or Polygon), or why not. Blank means none. */
export const parseGeometry = (text: string | undefined): GeometryParse => {
  if (!text?.trim()) return { ok: true, geometry: undefined };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: 'json', detail: e instanceof Error ? e.message : '' };
  }
  // Accept a Feature wrapping the geometry too: that is what most map tools export.
  if (typeof raw === 'object' && raw !== null && 'type' in raw && raw.type === 'Feature' && 'geometry' in raw) {
    raw = raw.geometry;
  }
  const parsed = GeometrySchema.safeParse(raw);
  return parsed.success ? { ok: true, geometry: parsed.data } : { ok: false, reason: 'shape' };
};

export const pointCount = (g: Geometry): number =>
  g.type === 'LineString' ? g.coordinates.length : g.coordinates.reduce((n, ring) => n + ring.length, 0);
