import type { Me } from '@linli/contracts';
import { canReviewClaims, compoundScopes, gridScopes } from '../session/scopes.ts';

export type TileName = 'profile' | 'compound' | 'grid' | 'claims';
export type TileSpec = { name: TileName; path: string; glyph: string; tone: 'red' | 'gold' | 'blue' | 'green' };

const ALL: readonly TileSpec[] = [
  { name: 'compound', path: '/compound', glyph: '区', tone: 'red' },
  { name: 'grid', path: '/grid', glyph: '格', tone: 'blue' },
  { name: 'claims', path: '/resident-claims', glyph: '审', tone: 'gold' },
  { name: 'profile', path: '/profile', glyph: '我', tone: 'green' },
];

/** Only what works today for the roles held: a tile never leads to a page the user cannot use. */
const isAvailable = (me: Me, name: TileName): boolean => {
  switch (name) {
    case 'profile':
      return true;
    case 'compound':
      return compoundScopes(me).length > 0;
    case 'grid':
      return gridScopes(me).length > 0;
    case 'claims':
      return canReviewClaims(me);
  }
};

export const tilesFor = (me: Me): TileSpec[] => ALL.filter((tile) => isAvailable(me, tile.name));
