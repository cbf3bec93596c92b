import type { Messages } from '../zh-CN/index.ts';

export const grid: Messages['grid'] = {
  title: 'Grids',
  create: 'New grid',
  editTitle: 'Edit grid',
  q: 'Grid code / name',
  code: 'Grid code',
  name: 'Grid name',
  org: 'Party organisation',
  compound: 'Compound',
  noCompound: 'No compound',
  workers: 'Grid workers',
  noWorkers: 'None assigned',
  codeHelp:
    '15 digits: 6-digit area code (GB/T 2260) + 3-digit street (town) + 3-digit community (village) + 3-digit grid sequence; none of the last three may be 000.',
  segArea: 'Area',
  segStreet: 'Street',
  segCommunity: 'Community',
  segSeq: 'Sequence',
  created: 'Grid created',
  workersHint: 'Grid workers appear here once they are given the grid worker role under Accounts & roles.',
};

export const dutyZone: Messages['dutyZone'] = {
  title: 'Duty zones',
  create: 'New duty zone',
  q: 'Name',
  kind: 'Kind',
  name: 'Name',
  description: 'Description',
  holder: 'Responsible organisation',
  holderLabel: 'Responsible organisation (government organ Party organisation)',
  holderHint: 'Only Party organisations of the “Government organ” sector can be chosen.',
  geometry: 'Geometry',
  geometryHint:
    'Optional. Paste a GeoJSON geometry: a LineString (river or street segment) or a Polygon (area), coordinates as [longitude, latitude] (WGS-84).',
  geometryInvalidJson: 'Invalid JSON: {{reason}}',
  geometryInvalid: 'Not a valid GeoJSON LineString or Polygon (a line needs 2+ points, each polygon ring 4+)',
  geometryLine: 'Line · {{n}} points',
  geometryPolygon: 'Area · {{n}} points',
  noGeometry: 'Not drawn',
  created: 'Duty zone created',
  detailTitle: 'Duty zone',
  editTitle: 'Edit duty zone',
  holderChangeHint:
    'Only Party organisations of the “Government organ” sector can be chosen; a new holder also takes the zone into its scope.',
  geometryNotEditable: 'The geometry cannot be changed here yet.',
};

export const partnerUnit: Messages['partnerUnit'] = {
  title: 'Partner units',
  create: 'New partner unit',
  q: 'Unit name',
  name: 'Unit name',
  contactName: 'Contact',
  contactPhone: 'Contact phone',
  resources: 'Shared resources',
  resourcesHint: 'e.g. venues, volunteers, funding, professional services',
  compounds: 'Linked compounds',
  compoundCount: '{{count}} compounds',
  org: 'Registering organisation',
  orgHint:
    'The Party organisation the unit is registered under, which sets who can see it; defaults to your first scope.',
  created: 'Partner unit created',
  detailTitle: 'Partner unit',
  editTitle: 'Edit partner unit',
  compoundMore: '{{count}} compounds in all',
  compoundsEditHint:
    'Saving replaces the linked compounds with this selection; compounds added or removed must be in your scope.',
  compoundsKept: '{{count}} more linked compounds are outside what you can see; they stay linked when you save.',
  unreadable: {
    forbidden: 'Compound outside your scope',
    failed: 'Compound (name not loaded)',
  },
  unreadableHint: {
    forbidden: 'This compound is outside your scope; editing keeps the link as it is.',
    failed: 'The compound’s name could not be loaded right now; editing keeps the link as it is.',
  },
};

export const venue: Messages['venue'] = {
  title: 'Venues',
  create: 'New venue',
  q: 'Venue name',
  compound: 'Compound',
  name: 'Venue name',
  address: 'Address',
  area: 'Area',
  areaUnit: 'm²',
  equipment: 'Equipment',
  equipmentHint: 'Type and press Enter to add, e.g. projector, meeting table, reading corner',
  created: 'Venue created',
  detailTitle: 'Venue',
  editTitle: 'Edit venue',
  compoundFixed: 'A venue cannot move to another compound.',
};

export const branchTerm: Messages['branchTerm'] = {
  title: 'Branch terms',
  create: 'Record a term',
  branch: 'Party branch',
  branchHint: 'Only Party organisations of the kind “Party branch” can be chosen.',
  electedOn: 'Elected on',
  startsOn: 'Term starts',
  endsOn: 'Term ends',
  term: 'Term',
  members: 'Committee members',
  memberName: 'Name',
  position: 'Position',
  addMember: 'Add member',
  membersHint:
    'The elected branch committee: secretary, deputy secretary, organization, publicity and discipline members; exactly one secretary.',
  status: 'Status',
  current: 'Current',
  expired: 'Ended',
  upcoming: 'Not started',
  created: 'Term recorded',
  detailTitle: 'Branch term',
  editTitle: 'Correct the term',
  editHint:
    'Corrects a recorded term. If any committee member changes, saving replaces the whole committee with this list; exactly one secretary.',
  branchFixed: 'A term cannot be moved to another Party branch.',
};
