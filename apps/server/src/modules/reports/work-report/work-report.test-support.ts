import { AVAILABLE_FIGURE_KEYS } from '@linli/contracts';
import JSZip from 'jszip';
import type { Platform } from '../../../platform/context.ts';

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A template quoting every available figure once, each on its own line: `【key=】{{key}}`. */
export const EVERY_FIGURE_TEMPLATE = [
  '# 全部数据项核对',
  ...AVAILABLE_FIGURE_KEYS.map((key) => `【${key}=】{{${key}}}`),
].join('\n');

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (text: string): string =>
  text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name] ?? '');

export async function docxPart(bytes: Buffer, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file(part)?.async('string');
  if (xml === undefined) throw new Error(`no ${part}`);
  return xml;
}

/** The text of each paragraph of the document body, in order (runs joined, entities decoded). */
export async function docxParagraphs(bytes: Buffer): Promise<string[]> {
  const xml = await docxPart(bytes, 'word/document.xml');
  const paragraphs = xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [];
  return paragraphs.map((p) => decode([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')));
}

/** `【key=】value` paragraphs as a map from key to the value the document printed. */
export function quotedValues(paragraphs: string[]): Map<string, string> {
  const values = new Map<string, string>();
  for (const p of paragraphs) {
    const match = /^【([a-z0-9_]+)=】(.*)$/.exec(p);
    if (match?.[1] !== undefined) values.set(match[1], match[2] ?? '');
  }
  return values;
}

export async function auditRows(platform: Platform, action: string, objectId?: string) {
  const rows = await platform.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', action)
    .$if(objectId !== undefined, (q) => q.where('object_id', '=', objectId ?? ''))
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ ...r, details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null }));
}
