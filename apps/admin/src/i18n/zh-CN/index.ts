import { account, audit, claim, policy } from './access.ts';
import { auth } from './auth.ts';
import { common } from './common.ts';
import { compound } from './compound.ts';
import { org } from './org.ts';
import { branchTerm, dutyZone, grid, partnerUnit, venue } from './registry.ts';

export const zhCN = {
  common,
  auth,
  org,
  compound,
  grid,
  dutyZone,
  partnerUnit,
  venue,
  branchTerm,
  account,
  policy,
  claim,
  audit,
};

export type Messages = typeof zhCN;
