import type { CompoundPartyKind, RolloutStage } from '@linli/contracts';

/** One colour per value, everywhere the value is shown as a tag. */
export const STAGE_COLORS: Record<RolloutStage, string> = { pilot: 'gold', validation: 'blue', rollout: 'green' };

export const PARTY_COLORS: Record<CompoundPartyKind, string> = {
  branch: 'red',
  owners_committee: 'blue',
  supervisory_committee: 'purple',
  property_company: 'cyan',
};
