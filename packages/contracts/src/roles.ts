import { z } from 'zod';

export const ROLES = [
  'county_admin',
  'committee_admin',
  'branch_secretary',
  'branch_committee',
  'grid_worker',
  'handler',
  'owners_committee',
  'supervisory_committee',
  'member',
  'resident',
  'sys_admin',
  'security_admin',
  'auditor',
] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** 三权分立: no account may hold two of these (SEC-9). */
export const ADMIN_ROLES = ['sys_admin', 'security_admin', 'auditor'] as const satisfies readonly Role[];

/** Roles that must pass a TOTP step at login (SEC-6) and get the staff session limits (SEC-4). */
export const STAFF_ROLES = [
  'county_admin',
  'committee_admin',
  'branch_secretary',
  'branch_committee',
  'grid_worker',
  'handler',
  'sys_admin',
  'security_admin',
  'auditor',
] as const satisfies readonly Role[];

export const isStaffRole = (role: Role): boolean => (STAFF_ROLES as readonly Role[]).includes(role);
export const isAdminRole = (role: Role): boolean => (ADMIN_ROLES as readonly Role[]).includes(role);

/** What a role assignment's scope points at. A scope covers everything below it. */
export const SCOPE_KINDS = ['org', 'compound', 'grid'] as const;
export const ScopeKindSchema = z.enum(SCOPE_KINDS);
export type ScopeKind = z.infer<typeof ScopeKindSchema>;

/** The scope kind each role is assigned on. */
export const SCOPE_KIND_BY_ROLE: Record<Role, ScopeKind> = {
  county_admin: 'org',
  committee_admin: 'org',
  branch_secretary: 'compound',
  branch_committee: 'compound',
  grid_worker: 'grid',
  handler: 'compound',
  owners_committee: 'compound',
  supervisory_committee: 'compound',
  member: 'compound',
  resident: 'compound',
  sys_admin: 'org',
  security_admin: 'org',
  auditor: 'org',
};

export const PERMISSIONS = [
  'org.read',
  'org.write',
  'compound.read',
  'compound.write',
  'grid.read',
  'grid.write',
  'account.read',
  'account.write',
  'role.assign',
  'security.policy',
  'audit.read',
  'system.configure',
  /** The roster, masked (PI-3). */
  'member.read',
  'member.write',
  /** Unmasked ID and phone of one member, with a reason; audited (PI-3). */
  'member.reveal',
  /** The second person who approves an unmasked bulk export (PI-4). */
  'member.export_approve',
  /** A member's own record: report in, claim posts and needs, log services, show the badge. */
  'member.self',
  /** Confirm members' and receive organisations' report-ins at the target. */
  'report_in.manage',
  /** An organ Party organisation files its own 报到单. */
  'org_report_in.submit',
  /** Posts, claims, needs and service ratings of a compound. */
  'post.manage',
  'post_category.write',
  'household.read',
  'household.write',
  'work_unit.write',
  /** Work-unit feedback (八小时外) documents. */
  'feedback.read',
  /** 民情: report one's own (resident, member). */
  'civic_case.report',
  /** 民情 in scope: list, open, comment. */
  'civic_case.read',
  /** File on a resident's behalf or from a reception day, hotline, suggestion box or meeting. */
  'civic_case.file',
  /** 受理员 / 派遣员 / 值班长: triage, accept or void, merge, dispatch, decide requests, close, reopen. */
  'civic_case.dispatch',
  /** Sign for, contact, handle and feed back a case dispatched to one's unit. */
  'civic_case.handle',
  /** 核查: inspect a handled case on site, pass it or send it back. */
  'civic_case.verify',
  /** 督办: the supervision board, manual escalations, metrics and rankings. */
  'civic_case.supervise',
  /** Categories, time limits, routing, the calendar, metric settings and Open311 keys. */
  'civic_case.configure',
  /** Run disputes (纠纷调解): parties, sessions, agreements. */
  'mediation.manage',
  /** The cockpit, generated work reports and generating one for one's scope. */
  'report.read',
  /** Work-report templates: write the county's own text. */
  'report.configure',
  /** Registers (台账) as Excel for one's scope; the member roster in them is masked. */
  'ledger.export',
] as const;
export const PermissionSchema = z.enum(PERMISSIONS);
export type Permission = z.infer<typeof PermissionSchema>;

const READ_ORG: Permission[] = ['org.read', 'compound.read', 'grid.read'];
/** Those who run a place and answer for its figures: the county, a Party committee, a compound's branch. */
const READ_REPORTS: Permission[] = ['report.read', 'ledger.export'];

/** What the county and Party committees do with 民情 in their subtree. */
const RUN_CIVIC_CASES: Permission[] = [
  'civic_case.read',
  'civic_case.file',
  'civic_case.dispatch',
  'civic_case.handle',
  'civic_case.verify',
  'civic_case.supervise',
  'mediation.manage',
];

/** What the county and Party committees do with members and 双报到 in their subtree. */
const MANAGE_MEMBERS: Permission[] = [
  'member.read',
  'member.write',
  'member.reveal',
  'member.export_approve',
  'report_in.manage',
  'org_report_in.submit',
  'post.manage',
  'household.read',
  'household.write',
  'work_unit.write',
  'feedback.read',
];

/**
 * The one table of what each role may do. Scope is applied on top: a permission
 * only holds inside the subtree the assignment points at.
 */
export const PERMISSIONS_BY_ROLE: Record<Role, readonly Permission[]> = {
  county_admin: [
    ...READ_ORG,
    'org.write',
    'compound.write',
    'grid.write',
    ...MANAGE_MEMBERS,
    'post_category.write',
    ...RUN_CIVIC_CASES,
    'civic_case.configure',
    ...READ_REPORTS,
    'report.configure',
  ],
  committee_admin: [
    ...READ_ORG,
    'org.write',
    'compound.write',
    'grid.write',
    ...MANAGE_MEMBERS,
    ...RUN_CIVIC_CASES,
    ...READ_REPORTS,
  ],
  branch_secretary: [
    ...READ_ORG,
    'compound.write',
    'grid.write',
    'member.read',
    'member.write',
    'member.reveal',
    'report_in.manage',
    'post.manage',
    'household.read',
    'household.write',
    'feedback.read',
    'civic_case.read',
    'civic_case.file',
    'civic_case.dispatch',
    'civic_case.handle',
    'civic_case.verify',
    'mediation.manage',
    ...READ_REPORTS,
  ],
  branch_committee: [
    ...READ_ORG,
    'member.read',
    'report_in.manage',
    'household.read',
    'household.write',
    'civic_case.read',
    'civic_case.file',
    'civic_case.handle',
    'civic_case.verify',
    'mediation.manage',
  ],
  grid_worker: [
    ...READ_ORG,
    'household.read',
    'household.write',
    'civic_case.read',
    'civic_case.file',
    'civic_case.handle',
    'civic_case.verify',
    'mediation.manage',
  ],
  /** A property company's (or department's) staff: only the cases dispatched to their unit (PI-9). */
  handler: ['compound.read', 'civic_case.handle'],
  owners_committee: ['compound.read', 'civic_case.report'],
  supervisory_committee: ['compound.read', 'civic_case.report'],
  member: ['compound.read', 'member.self', 'civic_case.report'],
  resident: ['compound.read', 'civic_case.report'],
  sys_admin: ['account.read', 'account.write', 'system.configure', ...READ_ORG],
  security_admin: ['account.read', 'role.assign', 'security.policy', ...READ_ORG],
  auditor: ['audit.read'],
};

export const roleHasPermission = (role: Role, permission: Permission): boolean =>
  PERMISSIONS_BY_ROLE[role].includes(permission);
