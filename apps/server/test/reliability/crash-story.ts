import type { CaseActionBody, CivicCaseAction, CivicCaseStatus, VoidReason } from '@linli/contracts';
import type { Random } from '../../src/demo/seeded-random.ts';

/** Who takes a step of the loop, as the crash fixture casts them. */
export type StoryRole = 'reporter' | 'dispatcher' | 'handler' | 'verifier' | 'supervisor';

export type StoryStep =
  | { kind: 'action'; who: StoryRole; action: CivicCaseAction; body: CaseActionBody }
  | { kind: 'follow' };

/** A case the writer may take further, as it reads it back (from this run or one a crash interrupted). */
export interface UnfinishedCase {
  id: string;
  status: CivicCaseStatus;
  version: number;
  reporterUserId: string | null;
  reworkCount: number;
  rated: boolean;
}

const act = (who: StoryRole, action: CivicCaseAction, body: CaseActionBody = {}): StoryStep => ({
  kind: 'action',
  who,
  action,
  body,
});

const VOID_REASONS: readonly VoidReason[] = ['duplicate', 'out_of_scope', 'insufficient'];

/** Where the loop goes from each status, one step at a time (the writer never triages, defers or merges). */
function loopStep(random: Random, c: UnfinishedCase): StoryStep | null {
  switch (c.status) {
    case 'submitted':
      return random.next() < 0.15
        ? act('dispatcher', 'void', { voidReason: random.pick(VOID_REASONS) })
        : act('dispatcher', 'accept');
    case 'accepted':
      return act('dispatcher', 'dispatch');
    case 'dispatched':
      return act('handler', 'sign');
    case 'signed':
      return act('handler', 'start');
    case 'in_progress':
    case 'rework':
      return act('handler', 'handle', { publicNote: c.reworkCount > 0 ? '已返工处理' : '已更换楼道灯' });
    case 'handled':
      // At most one failed check per case, so every case can still reach the end.
      return c.reworkCount === 0 && random.next() < 0.3
        ? act('verifier', 'reject', { reason: '现场核查灯仍不亮' })
        : act('verifier', 'verify');
    case 'verified':
      return act('dispatcher', 'close', { endType: 'resolved' });
    case 'closed':
      // A dissatisfied rating reopens the case at once (the system's `reopen`, in the same transaction).
      if (c.rated) return null;
      return random.next() < 0.3
        ? act('reporter', 'rate', { rating: 'dissatisfied', resolved: false })
        : act('reporter', 'rate', { rating: 'satisfied', resolved: true });
    default:
      return null;
  }
}

/**
 * The next thing the writer does to a case: now and then, while the case is open, a "me too" follow or a 督办
 * (each its own counter); otherwise the next step of the loop. Null once the case is voided, or closed and rated.
 */
export function nextStep(random: Random, c: UnfinishedCase): StoryStep | null {
  const open = c.status !== 'closed' && c.status !== 'voided';
  const roll = random.next();
  if (open && roll < 0.1) return { kind: 'follow' };
  if (open && roll < 0.15) return act('supervisor', 'supervise', { reason: '请加快办理' });
  return loopStep(random, c);
}
