import type { ColumnType } from 'kysely';

type Bool = number;
type Timestamp = string;
/** An ISO date `YYYY-MM-DD`. */
type DateOnly = string;
type Version = ColumnType<number, number | undefined, number>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

/** The members module's tables (migration 0006); see that migration for what each path scopes. */
export interface MembersTables {
  stored_file: StoredFileTable;
  stored_file_content: StoredFileContentTable;
  work_unit: WorkUnitTable;
  household: HouseholdTable;
  resident: ResidentTable;
  member: MemberTable;
  org_report_in: OrgReportInTable;
  member_report_in: MemberReportInTable;
  household_link: HouseholdLinkTable;
  household_visit: HouseholdVisitTable;
  post_category: PostCategoryTable;
  post: PostTable;
  post_household: PostHouseholdTable;
  post_claim: PostClaimTable;
  need: NeedTable;
  service_record: ServiceRecordTable;
  pii_export_request: PiiExportRequestTable;
  member_import: MemberImportTable;
  work_unit_feedback: WorkUnitFeedbackTable;
  member_year_flag: MemberYearFlagTable;
}

/** Photos, uploaded spreadsheets and generated documents; the bytes live in `stored_file_content`. */
export interface StoredFileTable {
  id: string;
  purpose: 'photo' | 'import' | 'document';
  owner_type: string | null;
  owner_id: string | null;
  path: string;
  file_name: string;
  media_type: string;
  byte_size: number;
  sha256: string;
  created_at: Timestamp;
  created_by: string | null;
  /** A smaller copy of a photo (migration 0009), itself a stored file. */
  thumbnail_file_id: Defaulted<string | null>;
}

export interface StoredFileContentTable {
  file_id: string;
  content: Buffer;
}

export interface WorkUnitTable {
  id: string;
  name: string;
  /** The unit's Party organisation by name: it may lie outside the county. */
  party_org_name: string;
  /** Set when that organisation is in the county's tree. */
  party_org_id: string | null;
  contact_name: string | null;
  contact_phone_cipher: string | null;
  address: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface HouseholdTable {
  id: string;
  compound_id: string;
  grid_id: string | null;
  /** The grid's path when the household lies in a grid, otherwise the compound's. */
  path: string;
  building: string;
  /** '' when the building has no units, so the address stays unique. */
  unit: Defaulted<string>;
  room: string;
  /** Natural address order (migration 0007): digit runs zero-padded, parts joined by U+0001. */
  sort_key: Defaulted<string>;
  note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface ResidentTable {
  id: string;
  household_id: string;
  path: string;
  name: string;
  relation: 'owner' | 'tenant' | 'family' | 'other';
  phone_cipher: string | null;
  phone_index: string | null;
  user_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface MemberTable {
  id: string;
  name: string;
  /** Toneless pinyin without spaces (`zhangsan`) and initials (`zs`) for search. */
  name_pinyin: string;
  name_initials: string;
  gender: 'male' | 'female';
  ethnicity: string;
  birth_date: DateOnly;
  id_number_cipher: string;
  /** Blind index of the full ID number (`id:` + number): uniqueness without plaintext. */
  id_number_index: string;
  /** Blind index of the last four characters (`id4:` + last four): search by them. */
  id_last4_index: string;
  phone_cipher: string | null;
  /** The same blind index as `app_user.phone_index`, so a member's account is found by phone. */
  phone_index: string | null;
  education: string | null;
  address_cipher: string | null;
  status: 'full' | 'probationary';
  joined_on: DateOnly;
  full_member_on: DateOnly | null;
  employment: 'in_service' | 'retired' | 'other';
  work_unit_id: string | null;
  branch_org_id: string | null;
  /** The home branch's path (or the residence's when the membership is held outside the county). */
  home_path: string;
  residence_compound_id: string | null;
  /** The residence compound's path (or the home branch's when the member lives outside the county). */
  residence_path: string;
  household_id: string | null;
  is_mobile: Defaulted<Bool>;
  is_lost_contact: Defaulted<Bool>;
  user_id: string | null;
  /** The random token in the 亮身份 QR code; replaced to revoke a printed badge. */
  badge_token: string | null;
  /** Denormalised from the latest member_report_in: none / pending / confirmed / rejected. */
  report_in_status: Defaulted<'none' | 'pending' | 'confirmed' | 'rejected'>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface OrgReportInTable {
  id: string;
  reporting_org_id: string;
  reporting_path: string;
  target_kind: 'compound' | 'community';
  target_id: string;
  /** The target's path: the compound's, or the community org's. */
  path: string;
  contact_name: string;
  contact_phone_cipher: string;
  resources: string;
  reported_on: DateOnly;
  status: 'submitted' | 'received' | 'withdrawn';
  receipt_no: string | null;
  received_by: string | null;
  received_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface MemberReportInTable {
  id: string;
  member_id: string;
  compound_id: string;
  path: string;
  work_unit_id: string | null;
  status: 'pending' | 'confirmed' | 'rejected' | 'withdrawn';
  skills: string | null;
  registered_at: Timestamp;
  decided_by: string | null;
  decided_at: Timestamp | null;
  reject_reason: string | null;
  receipt_no: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface HouseholdLinkTable {
  id: string;
  member_id: string;
  household_id: string;
  path: string;
  created_at: Timestamp;
  created_by: string | null;
}

export interface HouseholdVisitTable {
  id: string;
  household_id: string;
  path: string;
  visitor_user_id: string;
  member_id: string | null;
  visited_on: DateOnly;
  summary: string;
  findings: string | null;
  /** The findings need action: the 民情 module can raise them as a case and fill `civic_case_id`. */
  follow_up: Defaulted<Bool>;
  civic_case_id: string | null;
  created_at: Timestamp;
}

export interface PostCategoryTable {
  id: string;
  name: string;
  sort_order: number;
  active: Defaulted<Bool>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface PostTable {
  id: string;
  compound_id: string;
  path: string;
  category_id: string;
  title: string;
  duties: string;
  seats: number;
  area_kind: 'none' | 'buildings' | 'households' | 'duty_zone';
  /** JSON array of building names when `area_kind` is `buildings`. */
  area_buildings: string | null;
  duty_zone_id: string | null;
  status: 'open' | 'closed';
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface PostHouseholdTable {
  post_id: string;
  household_id: string;
}

export interface PostClaimTable {
  id: string;
  post_id: string;
  member_id: string;
  path: string;
  status: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  note: string | null;
  claimed_at: Timestamp;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_reason: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface NeedTable {
  id: string;
  compound_id: string;
  path: string;
  category_id: string;
  title: string;
  description: string;
  household_id: string | null;
  due_on: DateOnly | null;
  status: 'open' | 'claimed' | 'done' | 'cancelled';
  claimed_by_member_id: string | null;
  claimed_at: Timestamp | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface ServiceRecordTable {
  id: string;
  member_id: string;
  compound_id: string;
  path: string;
  need_id: string | null;
  post_id: string | null;
  household_id: string | null;
  served_on: DateOnly;
  minutes: number;
  content: string;
  rating: 'satisfied' | 'basically_satisfied' | 'dissatisfied' | null;
  rated_by_kind: 'resident' | 'branch' | null;
  rated_by: string | null;
  rated_at: Timestamp | null;
  rating_comment: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

/** PI-4: a bulk export of unmasked PI waits for a second person's approval. */
export interface PiiExportRequestTable {
  id: string;
  kind: 'member_roster';
  path: string;
  /** JSON of the roster filter the export will apply. */
  filter: string;
  reason: string;
  status: 'pending' | 'approved' | 'rejected' | 'used' | 'expired';
  requested_by: string;
  requested_at: Timestamp;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_note: string | null;
  expires_at: Timestamp | null;
  used_at: Timestamp | null;
  version: Version;
}

export interface MemberImportTable {
  id: string;
  file_id: string;
  path: string;
  status: 'queued' | 'validating' | 'importing' | 'rejected' | 'imported' | 'failed';
  total_rows: Defaulted<number>;
  processed_rows: Defaulted<number>;
  imported_rows: Defaulted<number>;
  error_count: Defaulted<number>;
  /** JSON array of `{ row, column, code }` row errors (no cell values: they may be PI). */
  errors: string | null;
  failure: string | null;
  created_by: string;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface WorkUnitFeedbackTable {
  id: string;
  work_unit_id: string;
  year: number;
  quarter: number;
  file_id: string;
  member_count: number;
  /** Null when the quarter-end job produced it. */
  generated_by: string | null;
  generated_at: Timestamp;
}

/** The year-end rule's result per member and year (no report-in, or no service in the year). */
export interface MemberYearFlagTable {
  member_id: string;
  year: number;
  path: string;
  no_report_in: Bool;
  no_service: Bool;
  service_count: number;
  service_minutes: number;
  computed_at: Timestamp;
}
