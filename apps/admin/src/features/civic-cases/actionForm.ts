import type { CaseActionBody, CivicCaseAction, CivicCaseDetail, Rating, Urgency, VoidReason } from '@linli/contracts';
import type { Dayjs } from 'dayjs';
import { type PhotoFiles, uploadedPhotoIds } from '../../components/PhotoUploadField.tsx';
import type { PickedUnit } from './UnitPicker.tsx';

/** Everything an action's form may hold; each action's fields fill only their part. */
export type ActionValues = {
  publicNote?: string;
  internalNote?: string;
  categoryId?: string;
  urgency?: Urgency;
  voidReason?: VoidReason;
  intoCaseId?: string;
  unit?: PickedUnit;
  assists?: (PickedUnit | undefined)[];
  extraAmount?: number;
  extraUnit?: 'hours' | 'days';
  deferUntil?: Dayjs;
  reason?: string;
  grant?: boolean;
  endType?: 'resolved' | 'unresolved';
  resolved?: boolean;
  rating?: Rating;
  photos?: PhotoFiles;
  noteKind?: 'public' | 'internal';
  note?: string;
};

const text = (v: string | undefined) => v?.trim() || undefined;
const ref = (u: PickedUnit | undefined) => (u ? { kind: u.kind, id: u.id } : undefined);

/** Extra time in minutes of the step's basis: a day counts 1,440 minutes on either basis (as the SLA table does). */
export const extraMinutesOf = (amount: number | undefined, unit: 'hours' | 'days' | undefined): number | undefined =>
  amount === undefined ? undefined : Math.round(amount * (unit === 'days' ? 1440 : 60));

/** Starting values of an action's form: corrections start from the case as it is. */
export const initialValuesFor = (action: CivicCaseAction, detail: CivicCaseDetail): ActionValues => {
  switch (action) {
    case 'triage':
    case 'accept':
      return { categoryId: detail.categoryId, urgency: detail.urgency };
    case 'request_extension':
      return { extraUnit: 'days' };
    case 'decide_request':
      return { grant: true };
    case 'close':
      return { endType: 'resolved' };
    case 'rate':
      return { resolved: true };
    case 'comment':
      return { noteKind: 'internal' };
    default:
      return {};
  }
};

/** The body an action sends: only the fields that action reads, corrections only when something changed. */
export const actionBody = (action: CivicCaseAction, v: ActionValues, detail: CivicCaseDetail): CaseActionBody => {
  const notes = { publicNote: text(v.publicNote), internalNote: text(v.internalNote) };
  switch (action) {
    case 'triage':
    case 'accept':
      return {
        ...notes,
        categoryId: v.categoryId !== detail.categoryId ? v.categoryId : undefined,
        urgency: v.urgency !== detail.urgency ? v.urgency : undefined,
      };
    case 'void':
      return { ...notes, voidReason: v.voidReason };
    case 'merge':
      return { ...notes, intoCaseId: v.intoCaseId };
    case 'dispatch':
    case 'reassign':
      return {
        ...notes,
        unit: ref(v.unit),
        assists: (v.assists ?? []).flatMap((a) => (a ? [{ kind: a.kind, id: a.id }] : [])),
      };
    case 'request_extension':
      return { extraMinutes: extraMinutesOf(v.extraAmount, v.extraUnit), reason: text(v.reason) };
    case 'request_deferral':
      return { deferUntil: v.deferUntil?.format('YYYY-MM-DD'), reason: text(v.reason) };
    case 'decide_request':
      return { grant: v.grant, reason: text(v.reason) };
    case 'handle':
      return {
        publicNote: text(v.publicNote),
        internalNote: text(v.internalNote),
        fileIds: uploadedPhotoIds(v.photos),
      };
    case 'close':
      return { ...notes, endType: v.endType };
    case 'rate':
      return { resolved: v.resolved, rating: v.rating, publicNote: text(v.publicNote) };
    case 'send_back':
    case 'reject':
    case 'reopen':
    case 'supervise':
      return { reason: text(v.reason) };
    case 'comment':
      return v.noteKind === 'public' ? { publicNote: text(v.note) } : { internalNote: text(v.note) };
    case 'sign':
    case 'contact':
    case 'start':
    case 'resume':
    case 'verify':
      return notes;
  }
};
