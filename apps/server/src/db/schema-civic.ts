import type {
  CaseNature,
  CivicCaseEndType,
  CivicCaseEventType,
  CivicCaseKind,
  CivicCaseStatus,
  IntakeChannel,
  Rating,
  RoutingTarget,
  SlaBasis,
  SlaStep,
  UnitKind,
  Urgency,
  VoidReason,
} from '@linli/contracts';
import type { ColumnType } from 'kysely';

type Bool = number;
type Timestamp = string;
/** An ISO date `YYYY-MM-DD` in Asia/Shanghai. */
type DateOnly = string;
type Version = ColumnType<number, number | undefined, number>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

/** The civic-cases module's tables and the platform tables of migration 0009. */
export interface CivicTables {
  work_calendar_day: WorkCalendarDayTable;
  notification: NotificationTable;
  civic_category: CivicCategoryTable;
  civic_sla: CivicSlaTable;
  civic_routing_rule: CivicRoutingRuleTable;
  civic_api_key: CivicApiKeyTable;
  civic_case: CivicCaseTable;
  civic_case_event: CivicCaseEventTable;
  civic_case_file: CivicCaseFileTable;
  civic_case_assist: CivicCaseAssistTable;
  civic_case_follower: CivicCaseFollowerTable;
  civic_case_request: CivicCaseRequestTable;
  civic_case_counter: CivicCaseCounterTable;
  civic_case_tally: CivicCaseTallyTable;
  civic_saved_view: CivicSavedViewTable;
  civic_supervision: CivicSupervisionTable;
  civic_mediation: CivicMediationTable;
  civic_mediation_session: CivicMediationSessionTable;
}

export interface WorkCalendarDayTable {
  day: DateOnly;
  workday: Bool;
  name: string | null;
  source: 'package' | 'county';
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface NotificationTable {
  id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

export interface CivicCategoryTable {
  id: string;
  parent_id: string | null;
  code: string;
  name: string;
  name_en: string | null;
  description: string | null;
  keywords: string | null;
  sort_order: number;
  anonymous_allowed: Bool;
  staff_only: Bool;
  default_urgency: Urgency;
  duplicate_radius: number;
  /** JSON array of CategoryQuestion. */
  questions: string;
  active: Bool;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface CivicSlaTable {
  id: string;
  category_id: string | null;
  /** The category id or `*` for the county default. */
  category_key: string;
  urgency: Urgency;
  step: SlaStep;
  minutes: number;
  basis: SlaBasis;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface CivicRoutingRuleTable {
  id: string;
  scope_kind: 'org' | 'compound';
  scope_id: string;
  scope_path: string;
  category_id: string | null;
  target: RoutingTarget;
  target_org_id: string | null;
  active: Bool;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface CivicApiKeyTable {
  id: string;
  name: string;
  key_hash: string;
  prefix: string;
  created_by: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface CivicCaseTable {
  id: string;
  number: string;
  tracking_code: string | null;
  kind: CivicCaseKind;
  nature: CaseNature;
  category_id: string;
  urgency: Urgency;
  title: string;
  description: string;
  /** JSON object of extra-question answers. */
  answers: string;
  channel: IntakeChannel;
  anonymous: Bool;
  reporter_user_id: string | null;
  reporter_name_cipher: string | null;
  reporter_phone_cipher: string | null;
  filed_by: string | null;
  household_id: string | null;
  visit_id: string | null;
  source_ref: string | null;
  compound_id: string;
  grid_id: string | null;
  community_id: string;
  path: string;
  building: string | null;
  unit_no: string | null;
  room: string | null;
  address_text: string | null;
  lng: number | null;
  lat: number | null;
  status: CivicCaseStatus;
  end_type: CivicCaseEndType | null;
  void_reason: VoidReason | null;
  excluded: Defaulted<Bool>;
  merged_into_id: string | null;
  unit_kind: UnitKind | null;
  unit_id: string | null;
  unit_name: string | null;
  unit_path: string | null;
  step: SlaStep | null;
  step_started_at: Timestamp | null;
  deadline_at: Timestamp | null;
  due_soon_at: Timestamp | null;
  /** When the sweep warned that this step is nearly due (migration 0010); older than `step_started_at` = not yet. */
  due_soon_warned_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  handle_deadline_at: Timestamp | null;
  overdue: Defaulted<Bool>;
  pending_request: 'extension' | 'deferral' | null;
  deferred_until: DateOnly | null;
  deferred_remaining_minutes: number | null;
  sign_on_time: Bool | null;
  responded: Bool | null;
  handle_on_time: Bool | null;
  follower_count: Defaulted<number>;
  rework_count: Defaulted<number>;
  extension_count: Defaulted<number>;
  deferral_count: Defaulted<number>;
  reopen_count: Defaulted<number>;
  open_supervisions: Defaulted<number>;
  accepted_at: Timestamp | null;
  dispatched_at: Timestamp | null;
  signed_at: Timestamp | null;
  contacted_at: Timestamp | null;
  handled_at: Timestamp | null;
  verified_at: Timestamp | null;
  closed_at: Timestamp | null;
  rated_at: Timestamp | null;
  received_on: DateOnly;
  dispatched_on: DateOnly | null;
  closed_on: DateOnly | null;
  rated_on: DateOnly | null;
  rating_resolved: Bool | null;
  rating: Rating | null;
  rating_comment: string | null;
  rated_by_reporter: Bool | null;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CivicCaseEventTable {
  id: string;
  case_id: string;
  seq: number;
  type: CivicCaseEventType;
  from_status: CivicCaseStatus | null;
  to_status: CivicCaseStatus | null;
  actor_user_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  at: Timestamp;
  deadline: Timestamp | null;
  on_time: Bool | null;
  public_note: string | null;
  internal_note: string | null;
  /** JSON object: what the action carried (void reason, unit, rating, extra minutes …). */
  data: string;
}

export interface CivicCaseFileTable {
  file_id: string;
  case_id: string;
  event_id: string | null;
  kind: 'report' | 'result' | 'agreement' | 'other';
}

export interface CivicCaseAssistTable {
  case_id: string;
  unit_kind: UnitKind;
  unit_id: string;
  unit_name: string;
  unit_path: string;
}

export interface CivicCaseFollowerTable {
  case_id: string;
  user_id: string;
  created_at: Timestamp;
}

export interface CivicCaseRequestTable {
  id: string;
  case_id: string;
  kind: 'extension' | 'deferral';
  status: 'pending' | 'granted' | 'refused';
  reason: string;
  extra_minutes: number | null;
  defer_until: DateOnly | null;
  requested_by: string;
  requested_at: Timestamp;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_note: string | null;
}

/** Counters of 民情 facts per day or month, compound and category (migration 0014; see its comment). */
export interface CivicCaseTallyTable {
  grain: 'day' | 'month';
  bucket: string;
  compound_id: string;
  category_id: string;
  community_id: string;
  path: string;
  received: Defaulted<number>;
  accepted: Defaulted<number>;
  dispatched: Defaulted<number>;
  responded: Defaulted<number>;
  closed: Defaulted<number>;
  closed_resolved: Defaulted<number>;
  closed_on_time: Defaulted<number>;
  rated: Defaulted<number>;
  rated_resolved: Defaulted<number>;
  satisfied: Defaulted<number>;
  basically_satisfied: Defaulted<number>;
  dissatisfied: Defaulted<number>;
  rework: Defaulted<number>;
  voided_duplicate: Defaulted<number>;
  voided_out_of_scope: Defaulted<number>;
  voided_insufficient: Defaulted<number>;
  voided_not_responsible: Defaulted<number>;
  voided_referred: Defaulted<number>;
  extensions: Defaulted<number>;
  deferrals: Defaulted<number>;
}

export interface CivicCaseCounterTable {
  day: string;
  last: number;
}

export interface CivicSavedViewTable {
  id: string;
  user_id: string;
  name: string;
  /** JSON object of list-query parameters. */
  query: string;
  created_at: Timestamp;
}

export interface CivicSupervisionTable {
  id: string;
  case_id: string;
  kind: 'auto' | 'manual';
  level_org_id: string;
  level_path: string;
  unit_kind: UnitKind | null;
  unit_id: string | null;
  unit_name: string | null;
  reason: string;
  status: 'open' | 'answered';
  due_at: Timestamp;
  answer: string | null;
  answered_by: string | null;
  answered_at: Timestamp | null;
  dedupe_key: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface CivicMediationTable {
  case_id: string;
  mediator_user_id: string | null;
  mediator_name: string | null;
  /** JSON array of { name, role, phoneCipher, householdId }. */
  parties: string;
  outcome: 'pending' | 'agreed' | 'failed';
  agreement_text: string | null;
  agreement_file_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface CivicMediationSessionTable {
  id: string;
  case_id: string;
  held_on: DateOnly;
  place: string | null;
  attendees: string | null;
  notes: string;
  created_by: string;
  created_at: Timestamp;
}
