import { ORG_KINDS } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import { allowedChildKinds, CHILD_KINDS, canHoldChild, ROOT_KINDS } from './org-kinds.ts';

describe('org kinds', () => {
  it('names every kind as a parent, so no kind is forgotten', () => {
    expect(Object.keys(CHILD_KINDS).sort()).toEqual([...ORG_KINDS].sort());
  });

  it('lets a county committee hold its department and the town committees', () => {
    expect(canHoldChild('county_committee', 'organization_department')).toBe(true);
    expect(canHoldChild('county_committee', 'party_committee')).toBe(true);
    expect(canHoldChild('county_committee', 'working_committee')).toBe(true);
  });

  it('puts compound branches under committees and general branches, and party groups under branches', () => {
    expect(canHoldChild('general_branch', 'branch')).toBe(true);
    expect(canHoldChild('party_committee', 'branch')).toBe(true);
    expect(canHoldChild('branch', 'party_group')).toBe(true);
  });

  it('refuses a county committee anywhere below the root', () => {
    for (const parent of ORG_KINDS) expect(canHoldChild(parent, 'county_committee')).toBe(false);
    expect(ROOT_KINDS).toEqual(['county_committee']);
  });

  it('refuses committees under a branch and anything under a party group', () => {
    expect(canHoldChild('branch', 'party_committee')).toBe(false);
    expect(canHoldChild('branch', 'branch')).toBe(false);
    expect(allowedChildKinds('party_group')).toEqual([]);
  });

  it('never lets a kind hold a kind above it in the hierarchy', () => {
    const rank = (kind: string) => ORG_KINDS.indexOf(kind as (typeof ORG_KINDS)[number]);
    for (const parent of ORG_KINDS) {
      for (const child of allowedChildKinds(parent)) {
        // committees may nest (town over community), everything else goes strictly down
        expect(rank(child) >= rank(parent) || child === 'party_committee').toBe(true);
      }
    }
  });
});
