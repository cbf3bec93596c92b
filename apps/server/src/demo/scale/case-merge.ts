import type { CaseTimeline, EventActor, EventValues } from './case-timeline.ts';
import { iso } from './scale-time.ts';

/**
 * 合并 (`intake-actions.ts`): the duplicate is voided as one and linked to the survivor, an open case of the same
 * compound and category; its reporter (and its followers) follow the survivor instead, and the survivor's log
 * records the merge at its place in time.
 */
export function mergeInto(duplicate: CaseTimeline, survivor: CaseTimeline, atMs: number, actor: EventActor): void {
  const status = survivor.statusAt(atMs);
  if (status === null) throw new Error('merge into a case that did not exist yet');
  const excluded = duplicate.world.excludedVoidReasons.includes('duplicate');
  duplicate.act('merge', 'voided', atMs, actor, {
    patch: {
      end_type: 'voided',
      void_reason: 'duplicate',
      excluded: excluded ? 1 : 0,
      merged_into_id: survivor.row.id,
      follower_count: 0,
    },
    step: { step: null, deadlineMs: null, dueSoonMs: null },
    data: { voidReason: 'duplicate', excluded, intoCaseId: survivor.row.id, intoNumber: survivor.row.number },
  });
  const candidates = [...duplicate.followers.map((f) => f.user_id), duplicate.row.reporter_user_id];
  const already = new Set(survivor.followers.map((f) => f.user_id));
  const added = [...new Set(candidates)].filter(
    (u): u is string => u !== null && !already.has(u) && u !== survivor.row.reporter_user_id,
  );
  for (const userId of added)
    survivor.followers.push({ case_id: survivor.row.id, user_id: userId, created_at: iso(atMs) });
  duplicate.followers.length = 0;
  survivor.row.follower_count = already.size + added.length;
  survivor.row.version += 1;
  if (Date.parse(survivor.row.updated_at) < atMs) survivor.row.updated_at = iso(atMs);
  const event: EventValues = {
    id: survivor.world.ids(atMs),
    case_id: survivor.row.id,
    seq: 0,
    type: 'merge',
    from_status: status,
    to_status: status,
    actor_user_id: actor.userId,
    actor_name: actor.name,
    actor_role: actor.role,
    at: iso(atMs),
    deadline: null,
    on_time: null,
    public_note: null,
    internal_note: null,
    data: JSON.stringify({
      mergedCaseId: duplicate.row.id,
      mergedNumber: duplicate.row.number,
      followersAdded: added.length,
    }),
  };
  const later = survivor.events.findIndex((e) => Date.parse(e.at) > atMs);
  survivor.events.splice(later === -1 ? survivor.events.length : later, 0, event);
  survivor.events.forEach((e, i) => {
    e.seq = i + 1;
  });
}
