import { randomInt } from 'node:crypto';
import type { IntakeChannel, Urgency } from '@linli/contracts';
import type { Random } from '../seeded-random.ts';
import type { CaseDraft } from './case-intake.ts';
import type { CaseCast } from './case-story.ts';
import type { SweepPeople } from './case-sweep.ts';
import type { CaseTimeline, EventActor } from './case-timeline.ts';
import { CASE_TEXTS, pickChannel, pickNature } from './scale-case-texts.ts';
import type { ScaleContext } from './scale-context.ts';
import type { CompoundResidents } from './scale-households.ts';
import type { ScaleCompound, ScaleGrid, ScalePlaces } from './scale-places.ts';
import type { RouteProposal, ScaleUnit } from './scale-routing.ts';
import type { StaffDirectory } from './scale-staff.ts';

export interface CategoryFacts {
  id: string;
  code: string;
  anonymousAllowed: boolean;
  staffOnly: boolean;
  defaultUrgency: Urgency;
}

/** What drawing one case needs: the county's people, places and rules. */
export interface DrawKit {
  ctx: ScaleContext;
  random: Random;
  places: ScalePlaces;
  staff: StaffDirectory;
  residents: Map<string, CompoundResidents>;
  route: (compound: ScaleCompound, categoryId: string, grid: ScaleGrid | null) => RouteProposal;
  trackingCode: () => string;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * Tracking codes as `newTrackingCode` draws them — 10 Crockford characters from the system's random source, not
 * from the seed: a code is the only way back to an anonymous case (PI-8), so no one may derive it. Never twice.
 */
export function trackingCodes(taken: Set<string>): () => string {
  return () => {
    for (;;) {
      let code = '';
      for (let i = 0; i < 10; i += 1) code += CROCKFORD[randomInt(32)];
      if (taken.has(code)) continue;
      taken.add(code);
      return code;
    }
  };
}

const ciphers = new WeakMap<object, { name: string; phone: string }>();

/**
 * A resident's name and phone as staff type them into a case, encrypted once per resident: the cipher is the
 * platform's, so the app decrypts and masks them; repeating a resident's ciphertext across their cases saves
 * a million encryptions.
 */
function sealed(ctx: ScaleContext, contact: { name: string; phone: string }): { name: string; phone: string } {
  const known = ciphers.get(contact);
  if (known) return known;
  const value = { name: ctx.cipher.encrypt(contact.name), phone: ctx.cipher.encrypt(contact.phone) };
  ciphers.set(contact, value);
  return value;
}

const asActor = (person: { userId: string; name: string; role: string }): EventActor => ({
  userId: person.userId,
  name: person.name,
  role: person.role,
});

/**
 * The channel by the county's mix — where the compound has no registered resident an H5 report is a grid visit,
 * and a staff-only category comes through staff — and whether the report is anonymous: always from the
 * suggestion box, sometimes on the H5 and Open311 where the category allows it.
 */
function channelOf(
  random: Random,
  category: CategoryFacts,
  people: CompoundResidents,
): { channel: IntakeChannel; anonymous: boolean } {
  const drawn = pickChannel(random);
  const online = drawn === 'h5' || drawn === 'open311';
  const channel = (drawn === 'h5' && people.accounts.length === 0) || (category.staffOnly && online) ? 'visit' : drawn;
  const anonymous =
    channel === 'suggestion_box' ||
    (category.anonymousAllowed &&
      ((channel === 'h5' && random.next() < 0.15) || (channel === 'open311' && random.next() < 0.3)));
  return { channel, anonymous };
}

/** Staff channels where the grid worker types the case in; the others come to the front desk or the hotline. */
const FILED_BY_GRID: readonly IntakeChannel[] = ['visit', 'proxy', 'suggestion_box'];

/**
 * One case as its channel hands it over, and who will act on it: the category (by the county's mix), the channel,
 * whether it is anonymous, the reporter (a registered resident on the H5, a name and phone typed in by staff), the
 * text, the routing proposal and the staff of the place.
 */
export function drawCase(
  kit: DrawKit,
  head: { id: string; number: string; submittedMs: number; compound: ScaleCompound; grid: ScaleGrid | null },
  category: CategoryFacts,
): { draft: CaseDraft; cast: CaseCast } {
  const { random, staff, ctx } = kit;
  const { compound } = head;
  const people = kit.residents.get(compound.id) ?? { accounts: [], contacts: [] };
  const { channel, anonymous } = channelOf(random, category, people);
  const staffChannel = channel !== 'h5' && channel !== 'open311';
  // Open311 sends a map point, not a building: the grid is known only where the compound has just one.
  const grid = channel === 'open311' && compound.grids.length > 1 ? null : head.grid;
  const dispatcher = asActor(staff.dispatcher(compound));
  const gridWorker = grid ? asActor(staff.gridWorker(grid.id)) : null;
  const filer = FILED_BY_GRID.includes(channel) ? (gridWorker ?? dispatcher) : dispatcher;
  const account = channel === 'h5' ? random.pick(people.accounts) : null;
  const reporter = account ? { userId: account.userId, name: account.name, role: 'resident' } : null;
  const contact = !anonymous && channel !== 'h5' && people.contacts.length > 0 ? random.pick(people.contacts) : null;
  const text = random.pick(CASE_TEXTS[category.code] ?? [{ title: '问题反映', description: '请尽快协调处理。' }]);
  const route = kit.route(compound, category.id, grid);
  const urgency: Urgency =
    category.code === 'SJ02' && staffChannel && random.next() < 0.2 ? 'emergency' : category.defaultUrgency;
  const draft: CaseDraft = {
    id: head.id,
    number: head.number,
    trackingCode: anonymous ? kit.trackingCode() : null,
    submittedMs: head.submittedMs,
    channel,
    nature: pickNature(random, channel),
    categoryId: category.id,
    urgency,
    title: text.title,
    description: text.description,
    answers: text.answers ?? {},
    anonymous,
    compound,
    grid,
    building: `${random.int(1, Math.max(1, compound.buildingCount))}栋`,
    reporterUserId: reporter && !anonymous ? reporter.userId : null,
    reporterNameCipher: contact ? sealed(ctx, contact).name : null,
    reporterPhoneCipher: contact && random.next() < 0.7 ? sealed(ctx, contact).phone : null,
    submitter:
      channel === 'h5' && reporter ? reporter : staffChannel ? filer : { userId: null, name: null, role: null },
    filedBy: staffChannel ? filer.userId : null,
    sourceRef: channel === 'open311' ? 'Open311：12345政务服务便民热线' : null,
    route,
  };
  const gridUnit: ScaleUnit | null =
    grid && route.unit.kind !== 'grid' && random.next() < 0.05
      ? { kind: 'grid', id: grid.id, name: grid.name, path: grid.path }
      : null;
  const cast: CaseCast = {
    dispatcher,
    verifier: gridWorker ?? dispatcher,
    reporter: anonymous ? null : reporter,
    staffOf: (unit) => asActor(staff.unitStaff(unit, compound)),
    route,
    gridUnit,
    neighbours: people.accounts,
  };
  return { draft, cast };
}

/** Where a late case's 督办 hangs and who answers it, for the case's place. */
export function sweepPeopleFor(kit: DrawKit, compound: ScaleCompound, cast: CaseCast): SweepPeople {
  return {
    level: (c: CaseTimeline) => {
      const inIntake = c.row.status === 'submitted' || c.row.status === 'triaged' || c.row.status === 'accepted';
      if (!inIntake && c.row.unit_kind === 'org' && c.row.unit_id) {
        const organ = kit.places.organs.find((o) => o.id === c.row.unit_id);
        if (organ) return organ.parent;
        const community = kit.places.communities.find((m) => m.id === c.row.unit_id);
        const town = community ? kit.places.towns.find((t) => t.id === community.townId) : undefined;
        if (town) return { id: town.id, name: town.name, path: town.path };
      }
      const community = kit.places.communities.find((m) => m.id === compound.communityId);
      if (!community) throw new Error('a compound outside the communities');
      return { id: community.id, name: community.name, path: community.path };
    },
    answerer: (c: CaseTimeline) => {
      const inIntake = c.row.status === 'submitted' || c.row.status === 'triaged' || c.row.status === 'accepted';
      if (inIntake || !c.row.unit_kind || !c.row.unit_id || !c.row.unit_path || !c.row.unit_name)
        return cast.dispatcher;
      return cast.staffOf({ kind: c.row.unit_kind, id: c.row.unit_id, name: c.row.unit_name, path: c.row.unit_path });
    },
  };
}

/** A minute of the day a resident reports at: mostly daytime, some evenings. */
export function minuteOfDay(random: Random): number {
  return random.next() < 0.85 ? random.int(7 * 60, 18 * 60) : random.int(18 * 60, 22 * 60 + 30);
}
