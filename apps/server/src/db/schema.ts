import type { ColumnType } from 'kysely';
import type { CivicTables } from './schema-civic.ts';
import type { MembersTables } from './schema-members.ts';
import type { ReportsTables } from './schema-reports.ts';

/**
 * The database as Kysely sees it. Tables are snake_case and singular; columns keep their SQL names, and
 * repositories map rows to the camelCase DTOs of `@linli/contracts`. Portable vocabulary on both SQLite and
 * PostgreSQL: UUIDv7 text ids, ISO-8601 UTC text timestamps, integer 0/1 booleans (see `db/sql-helpers.ts`),
 * JSON as text, money as integer fen.
 */
export interface DB extends MembersTables, CivicTables, ReportsTables {
  app_user: AppUserTable;
  role_assignment: RoleAssignmentTable;
  user_session: UserSessionTable;
  login_challenge: LoginChallengeTable;
  otp_code: OtpCodeTable;
  audit_log: AuditLogTable;
  idempotency_record: IdempotencyRecordTable;
  job: JobTable;
  setting: SettingTable;
  org_unit: OrgUnitTable;
  compound: CompoundTable;
  compound_party: CompoundPartyTable;
  party_person: PartyPersonTable;
  grid: GridTable;
  duty_zone: DutyZoneTable;
  partner_unit: PartnerUnitTable;
  partner_unit_compound: PartnerUnitCompoundTable;
  venue: VenueTable;
  branch_term: BranchTermTable;
  branch_term_member: BranchTermMemberTable;
  resident_claim: ResidentClaimTable;
}

type Bool = number;
type Timestamp = string;
/** A version counter for optimistic concurrency (REL-7). */
type Version = ColumnType<number, number | undefined, number>;

export interface AppUserTable {
  id: string;
  username: string | null;
  display_name: string;
  phone_cipher: string | null;
  phone_index: string | null;
  password_hash: string | null;
  password_changed_at: Timestamp | null;
  must_change_password: Bool;
  totp_secret_cipher: string | null;
  totp_enrolled: Bool;
  totp_last_step: number | null;
  status: 'active' | 'disabled';
  failed_logins: number;
  /** When the current streak of failures last grew (SEC-3 window); optional on insert. */
  last_failed_login_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  locked_until: Timestamp | null;
  last_login_at: Timestamp | null;
  locale: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface RoleAssignmentTable {
  id: string;
  user_id: string;
  role: string;
  scope_kind: 'org' | 'compound' | 'grid';
  scope_id: string;
  /** Materialised path of the scope object, kept in step when the org tree moves. */
  scope_path: string;
  created_at: Timestamp;
  created_by: string | null;
}

export interface UserSessionTable {
  /** SHA-256 of the cookie token; the token itself is never stored. */
  id: string;
  user_id: string;
  csrf_token: string;
  is_staff: Bool;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  idle_timeout_seconds: number;
  ip: string | null;
  user_agent: string | null;
  revoked_at: Timestamp | null;
}

export interface LoginChallengeTable {
  /** SHA-256 of the challenge token handed to the client between login steps. */
  id: string;
  user_id: string;
  kind: 'mfa' | 'password_change';
  pending_totp_secret_cipher: string | null;
  attempts: number;
  expires_at: Timestamp;
  consumed_at: Timestamp | null;
  created_at: Timestamp;
}

export interface OtpCodeTable {
  id: string;
  phone_index: string;
  purpose: 'login' | 'register';
  code_hash: string;
  attempts: number;
  expires_at: Timestamp;
  consumed_at: Timestamp | null;
  created_at: Timestamp;
}

export interface AuditLogTable {
  id: string;
  seq: number;
  at: Timestamp;
  actor_id: string | null;
  actor_name: string | null;
  actor_roles: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  outcome: 'success' | 'failure';
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  details: string | null;
  prev_mac: string;
  mac: string;
}

export interface IdempotencyRecordTable {
  scope: string;
  idem_key: string;
  fingerprint: string;
  status_code: number;
  response_body: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface JobTable {
  id: string;
  kind: string;
  /** Jobs with the same unique key are not queued twice while one is pending (scheduled work). */
  unique_key: string | null;
  payload: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  run_at: Timestamp;
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  locked_until: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SettingTable {
  key: string;
  value: string;
  updated_at: Timestamp;
  updated_by: string | null;
  version: Version;
}

export interface OrgUnitTable {
  id: string;
  parent_id: string | null;
  kind: string;
  sector: string;
  name: string;
  compound_id: string | null;
  path: string;
  depth: number;
  sort_order: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface CompoundTable {
  id: string;
  name: string;
  org_id: string;
  path: string;
  address: string;
  household_count: number;
  building_count: number;
  rollout_stage: 'pilot' | 'validation' | 'rollout';
  lng: number | null;
  lat: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface CompoundPartyTable {
  id: string;
  compound_id: string;
  kind: 'branch' | 'owners_committee' | 'supervisory_committee' | 'property_company';
  name: string;
  org_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface PartyPersonTable {
  id: string;
  party_id: string;
  compound_id: string;
  /** Blind index of the normalised name: finds the same person on another party of the compound (交叉任职). */
  person_key: string;
  name: string;
  position: string;
  phone_cipher: string | null;
  sort_order: number;
}

export interface GridTable {
  id: string;
  code: string;
  name: string;
  org_id: string;
  compound_id: string | null;
  path: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface DutyZoneTable {
  id: string;
  kind: 'river' | 'street';
  name: string;
  description: string | null;
  holder_org_id: string;
  path: string;
  geometry: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface PartnerUnitTable {
  id: string;
  name: string;
  contact_name: string | null;
  contact_phone_cipher: string | null;
  resources: string | null;
  /** The organisation that registered the unit; scope follows it. */
  org_id: string;
  path: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface PartnerUnitCompoundTable {
  partner_unit_id: string;
  compound_id: string;
}

export interface VenueTable {
  id: string;
  compound_id: string;
  name: string;
  address: string | null;
  area_sqm: number;
  equipment: string;
  path: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface BranchTermTable {
  id: string;
  branch_org_id: string;
  elected_on: string;
  starts_on: string;
  ends_on: string;
  path: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface BranchTermMemberTable {
  id: string;
  term_id: string;
  name: string;
  position: string;
  sort_order: number;
}

export interface ResidentClaimTable {
  id: string;
  user_id: string;
  compound_id: string;
  path: string;
  building: string;
  unit: string | null;
  room: string;
  status: 'pending' | 'confirmed' | 'rejected';
  decided_by: string | null;
  decided_at: Timestamp | null;
  created_at: Timestamp;
}
