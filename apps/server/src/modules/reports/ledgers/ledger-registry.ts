import type { LedgerKind } from '@linli/contracts';
import { civicCasesLedger } from './ledger-civic-cases.ts';
import { mediationLedger } from './ledger-mediation.ts';
import { membersLedger } from './ledger-members.ts';
import { organisationLedger } from './ledger-organisation.ts';
import { postsLedger } from './ledger-posts.ts';
import { reportInsLedger } from './ledger-report-ins.ts';
import type { LedgerDef } from './ledger-types.ts';

/** Each ledger's ONE definition, read by both the preview and the xlsx job. */
export const LEDGERS: Record<LedgerKind, LedgerDef> = {
  organisation: organisationLedger,
  members: membersLedger,
  report_ins: reportInsLedger,
  posts: postsLedger,
  civic_cases: civicCasesLedger,
  mediation: mediationLedger,
};
