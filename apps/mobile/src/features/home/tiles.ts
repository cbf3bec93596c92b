import type { Me } from '@linli/contracts';
import { canFile, canReport, canWorkCases } from '../civic/civic-access.ts';
import { canApprove, canReviewClaims, compoundScopes, gridScopes, isMember, isResident } from '../session/scopes.ts';

export type TileName =
  | 'profile'
  | 'compound'
  | 'grid'
  | 'claims'
  | 'member'
  | 'reportIn'
  | 'posts'
  | 'needs'
  | 'services'
  | 'badge'
  | 'rate'
  | 'approvals'
  | 'civicReport'
  | 'myCases'
  | 'civicInbox'
  | 'civicFile'
  | 'notifications';
export type TileSpec = {
  name: TileName;
  path: string;
  glyph: string;
  tone: 'red' | 'gold' | 'blue' | 'green';
  /** The tile's test id when it is not `h5-tile-<name>`. */
  testId?: string;
};

const ALL: readonly TileSpec[] = [
  { name: 'civicInbox', path: '/civic/inbox', glyph: '办', tone: 'red' },
  { name: 'civicReport', path: '/civic/report', glyph: '诉', tone: 'red' },
  { name: 'myCases', path: '/civic/mine', glyph: '事', tone: 'blue' },
  { name: 'civicFile', path: '/civic/file', glyph: '代', tone: 'gold' },
  { name: 'notifications', path: '/notifications', glyph: '信', tone: 'green', testId: 'notifications-tile' },
  { name: 'member', path: '/member', glyph: '档', tone: 'red' },
  { name: 'reportIn', path: '/member/report-in', glyph: '报', tone: 'red' },
  { name: 'posts', path: '/member/posts', glyph: '岗', tone: 'gold' },
  { name: 'needs', path: '/member/needs', glyph: '需', tone: 'blue' },
  { name: 'services', path: '/member/services', glyph: '记', tone: 'green' },
  { name: 'badge', path: '/member/badge', glyph: '亮', tone: 'red' },
  { name: 'rate', path: '/rate', glyph: '评', tone: 'gold' },
  { name: 'approvals', path: '/approvals', glyph: '批', tone: 'gold' },
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
    case 'member':
    case 'reportIn':
    case 'posts':
    case 'needs':
    case 'services':
    case 'badge':
      return isMember(me);
    case 'rate':
      return isResident(me);
    case 'approvals':
      return canApprove(me);
    case 'civicReport':
    case 'myCases':
      return canReport(me);
    case 'civicInbox':
      return canWorkCases(me);
    case 'civicFile':
      return canFile(me);
    case 'notifications':
      return true;
  }
};

export const tilesFor = (me: Me): TileSpec[] => ALL.filter((tile) => isAvailable(me, tile.name));
