import type { CivicCaseAction, CivicCaseStatus } from '@linli/contracts';

/** One line the crash writer prints after a commit returned: what the database must still hold after any crash. */
export type CrashAck =
  | { op: 'create'; caseId: string; status: CivicCaseStatus; version: number }
  | { op: 'action'; caseId: string; action: CivicCaseAction; status: CivicCaseStatus; version: number }
  | { op: 'follow'; caseId: string; userId: string };

/** The newest acknowledged state of a case: its row must be at this version with this status, or later. */
export interface AckedCase {
  version: number;
  status: CivicCaseStatus;
}

/**
 * Everything acknowledged over all rounds so far. Only whole lines count: a line cut short by the kill was never
 * fully acknowledged (the writer writes each line in one call, so in practice none is cut).
 */
export class AckBook {
  readonly cases = new Map<string, AckedCase>();
  readonly follows: { caseId: string; userId: string }[] = [];
  readonly counts = { create: 0, action: 0, follow: 0 };
  readonly actions = new Set<CivicCaseAction>();

  /** Reads a writer's stdout: `loaded`, then acknowledgements, each on its own line. */
  record(output: string): number {
    const lines = output.split('\n');
    lines.pop(); // after the last newline: empty, or a line the kill cut short
    let recorded = 0;
    for (const line of lines) {
      if (!line.startsWith('{')) continue;
      this.add(JSON.parse(line) as CrashAck);
      recorded += 1;
    }
    return recorded;
  }

  private add(ack: CrashAck): void {
    this.counts[ack.op] += 1;
    if (ack.op === 'follow') {
      this.follows.push({ caseId: ack.caseId, userId: ack.userId });
      return;
    }
    if (ack.op === 'action') this.actions.add(ack.action);
    const known = this.cases.get(ack.caseId);
    if (!known || ack.version > known.version) this.cases.set(ack.caseId, { version: ack.version, status: ack.status });
  }

  get total(): number {
    return this.counts.create + this.counts.action + this.counts.follow;
  }
}
