import { platformMigration } from './0001-platform.ts';
import { organisationMigration } from './0002-organisation.ts';
import { residentsMigration } from './0003-residents.ts';
import { loginFailureWindowMigration } from './0004-login-failure-window.ts';
import { organisationIndexesMigration } from './0005-organisation-indexes.ts';
import { membersMigration } from './0006-members.ts';
import { membersHouseholdsMigration } from './0007-members-households.ts';
import { membersRosterMigration } from './0008-members-roster.ts';
import { civicCasesMigration } from './0009-civic-cases.ts';
import { civicSupervisionMigration } from './0010-civic-supervision.ts';
import { civicMetricsIndexesMigration } from './0011-civic-metrics-indexes.ts';
import { reportsMigration } from './0012-reports.ts';
import { reportsFiguresMigration } from './0013-reports-figures.ts';
import { civicTallyMigration } from './0014-civic-tally.ts';
import { roleAssignmentScopeRoleMigration } from './0015-role-assignment-scope-role.ts';
import { civicCaseReceivedOrderMigration } from './0016-civic-case-received-order.ts';
import type { LinliMigration } from './migration-helpers.ts';

/** Applied in key order. Never edit a migration once it is merged; add the next one. */
export const MIGRATIONS: Record<string, LinliMigration> = {
  '0001-platform': platformMigration,
  '0002-organisation': organisationMigration,
  '0003-residents': residentsMigration,
  '0004-login-failure-window': loginFailureWindowMigration,
  '0005-organisation-indexes': organisationIndexesMigration,
  '0006-members': membersMigration,
  '0007-members-households': membersHouseholdsMigration,
  '0008-members-roster': membersRosterMigration,
  '0009-civic-cases': civicCasesMigration,
  '0010-civic-supervision': civicSupervisionMigration,
  '0011-civic-metrics-indexes': civicMetricsIndexesMigration,
  '0012-reports': reportsMigration,
  '0013-reports-figures': reportsFiguresMigration,
  '0014-civic-tally': civicTallyMigration,
  '0015-role-assignment-scope-role': roleAssignmentScopeRoleMigration,
  '0016-civic-case-received-order': civicCaseReceivedOrderMigration,
};
