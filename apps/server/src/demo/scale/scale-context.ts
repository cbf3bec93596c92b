import type { Db, Dialect } from '../../db/database.ts';
import type { FieldCipher } from '../../platform/crypto/index.ts';
import type { Random } from '../seeded-random.ts';
import type { ScaleProgress } from './scale-progress.ts';
import { type IdMaker, scaleStream, seededIds } from './scale-random.ts';
import type { ScaleSpan } from './scale-time.ts';

/** What every phase of the generation works with. */
export interface ScaleContext {
  db: Db;
  dialect: Dialect;
  /** The platform's field cipher and blind index, so the app decrypts, masks and finds what is written here. */
  cipher: FieldCipher;
  blindIndex: (value: string) => string;
  span: ScaleSpan;
  seed: number;
  progress: ScaleProgress;
}

/** A phase's own random stream and id maker, derived from the seed and the phase's name. */
export function phaseStreams(ctx: ScaleContext, phase: string): { random: Random; ids: IdMaker } {
  return { random: scaleStream(ctx.seed, phase), ids: seededIds(scaleStream(ctx.seed, `${phase}:ids`)) };
}

/** Phone numbers generated rows own, one series per kind of holder, none a demo account's (139…) or the bench's (170…). */
export function phoneSeries(prefix: '135' | '136' | '137'): () => string {
  let serial = 0;
  return () => {
    serial += 1;
    return `${prefix}${String(serial).padStart(8, '0')}`;
  };
}
