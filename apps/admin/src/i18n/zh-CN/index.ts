import { account, audit, claim, policy } from './access.ts';
import { auth } from './auth.ts';
import { civic } from './civic.ts';
import { civicMetrics, mediation, notification } from './civicMetrics.ts';
import { civicSettings } from './civicSettings.ts';
import { common } from './common.ts';
import { compound } from './compound.ts';
import { household } from './household.ts';
import { member } from './member.ts';
import { org } from './org.ts';
import { branchTerm, dutyZone, grid, partnerUnit, venue } from './registry.ts';
import { reportIn } from './reportIn.ts';
import { reports } from './reports.ts';
import { service } from './service.ts';

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
  member,
  reportIn,
  service,
  household,
  civic,
  civicSettings,
  civicMetrics,
  mediation,
  notification,
  reports,
};

export type Messages = typeof zhCN;
