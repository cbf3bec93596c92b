import type { CaseAnswers, IntakeChannel } from '@linli/contracts';
import { applyCaseAction, createCase } from '../../modules/civic-cases/index.ts';
import { MINUTE_MS } from '../../platform/clock.ts';
import type { Actor, Ctx } from '../../platform/context.ts';
import type { Trx } from '../../platform/transaction.ts';
import type { Story, StoryActor } from './demo-case-stories.ts';
import { demoActor, UNIT_ACTING_ROLE, UNIT_SCOPE_KIND } from './demo-civic-actors.ts';

/** A clock the seeder moves along each case's story. */
export class StoryClock {
  private at = new Date(0);
  now(): Date {
    return new Date(this.at);
  }
  set(at: Date): void {
    this.at = at;
  }
}

/** A compound as the player needs it: who dispatches, verifies and reports there. */
export interface DemoStage {
  compound: { id: string; name: string; buildingCount: number; gridId: string | null };
  dispatcher: Actor;
  verifier: Actor;
  /** Residents who report on the H5; staff channels are typed in by the verifier (the grid worker). */
  reporters: Actor[];
  /** Staff whose real demo accounts act for a unit, by unit path (the first compound's). */
  unitStaff: Map<string, Actor>;
  /** The account whose id the seeder acts under for offices without a demo account. */
  seederId: string;
}

export interface PlayedCase {
  id: string;
  status: string;
}

/** The unit's staff as an actor: the demo account when one staffs it, else the seeder in that office's name. */
async function handlerFor(trx: Trx, stage: DemoStage, caseId: string): Promise<Actor> {
  const row = await trx
    .selectFrom('civic_case')
    .select(['unit_kind', 'unit_id', 'unit_path', 'unit_name'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  if (!row.unit_kind || !row.unit_id || !row.unit_path) throw new Error(`demo case ${caseId} has no unit`);
  const known = stage.unitStaff.get(`${row.unit_kind}:${row.unit_path}`);
  if (known) return known;
  const role = UNIT_ACTING_ROLE[row.unit_kind];
  const scopeId = row.unit_kind === 'property_company' || row.unit_kind === 'branch' ? stage.compound.id : row.unit_id;
  const scopePath = row.unit_path;
  return demoActor(stage.seederId, `${row.unit_name ?? ''}经办人`, role, {
    kind: UNIT_SCOPE_KIND[row.unit_kind],
    id: scopeId,
    path: scopePath,
  });
}

/**
 * Plays one story through the real use cases: `createCase` at the receipt time, then each step at its time with
 * the clock moved there, stopping at the first step that would lie in the future (so recent cases stay open in
 * every state, as a live county's do). Returns the case and where it stopped.
 */
export async function playStory(
  trx: Trx,
  base: Ctx,
  clock: StoryClock,
  stage: DemoStage,
  input: {
    story: Story;
    receivedAt: Date;
    now: Date;
    categoryId: string;
    title: string;
    description: string;
    answers: CaseAnswers;
    reporter: Actor;
    building: string;
    kind?: 'request' | 'mediation';
  },
): Promise<PlayedCase> {
  const { story } = input;
  const channel: IntakeChannel = story.channel;
  const staffChannel = channel !== 'h5';
  const filer = staffChannel ? stage.verifier : input.reporter;
  clock.set(input.receivedAt);
  const ctx: Ctx = { ...base, clock, actor: filer };
  const created = await createCase(trx, ctx, {
    channel,
    kind: input.kind ?? 'request',
    categoryId: input.categoryId,
    title: input.title,
    description: input.description,
    nature: channel === 'meeting' ? 'suggestion' : 'help',
    place: {
      compoundId: stage.compound.id,
      building: input.building,
      ...(stage.compound.gridId ? { gridId: stage.compound.gridId } : {}),
    },
    answers: input.answers,
    photoIds: [],
    anonymous: story.anonymous,
    reporterUserId: story.anonymous || staffChannel ? null : input.reporter.userId,
    reporterName: staffChannel && !story.anonymous ? input.reporter.displayName : null,
    filedBy: staffChannel ? filer.userId : null,
  });
  let at = input.receivedAt.getTime();
  let status = 'submitted';
  for (const step of story.steps) {
    at += step.after * MINUTE_MS;
    if (at >= input.now.getTime()) break;
    clock.set(new Date(at));
    const actor = await actorOf(trx, stage, created.id, step.who, input.reporter);
    await applyCaseAction({ ...base, clock, actor }, trx, actor, {
      caseId: created.id,
      action: step.action,
      body: step.body,
      expectedVersion: null,
    });
    status = step.action;
  }
  return { id: created.id, status };
}

async function actorOf(trx: Trx, stage: DemoStage, caseId: string, who: StoryActor, reporter: Actor): Promise<Actor> {
  switch (who) {
    case 'reporter':
      return reporter;
    case 'dispatcher':
      return stage.dispatcher;
    case 'verifier':
      return stage.verifier;
    case 'handler':
      return handlerFor(trx, stage, caseId);
  }
}
