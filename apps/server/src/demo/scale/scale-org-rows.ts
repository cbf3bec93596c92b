import type { Insertable } from 'kysely';
import type { Dialect } from '../../db/database.ts';
import type { OrgUnitTable } from '../../db/schema.ts';
import type { Trx } from '../../platform/transaction.ts';
import { RowBuffer } from './bulk-insert.ts';
import type { IdMaker } from './scale-random.ts';
import { iso } from './scale-time.ts';

/** An org node to add: where it hangs and what it is. */
export interface NewOrgNode {
  parentId: string;
  parentPath: string;
  kind: string;
  sector: string;
  name: string;
  sortOrder: number;
  compoundId?: string;
}

/** The organisation's tables, parents first. */
const ORG_TABLES = [
  'compound',
  'org_unit',
  'compound_party',
  'party_person',
  'grid',
  'venue',
  'branch_term',
  'branch_term_member',
] as const;

/** Index of the list entry with the smallest count (the first on a tie): fills the emptiest places first. */
export function emptiest(counts: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < counts.length; i += 1) if ((counts[i] ?? 0) < (counts[best] ?? 0)) best = i;
  return best;
}

/**
 * The organisation's new rows, with ids and creation times in the order they are made. Rows go out in batches,
 * parents first within each: towns and communities (org rows) in one batch, then the compounds and the org rows
 * of their branches, which name their compound, in the next.
 */
export class OrgRows {
  private tick = 0;
  private readonly batches: RowBuffer[] = [new RowBuffer(ORG_TABLES)];

  constructor(
    readonly ids: IdMaker,
    private readonly setUpMs: number,
  ) {}

  get buffer(): RowBuffer {
    const current = this.batches.at(-1);
    if (!current) throw new Error('no batch');
    return current;
  }

  /** Rows added from now on are written after everything added so far. */
  nextBatch(): void {
    this.batches.push(new RowBuffer(ORG_TABLES));
  }

  get size(): number {
    return this.batches.reduce((sum, b) => sum + b.size, 0);
  }

  async flush(trx: Trx, dialect: Dialect): Promise<void> {
    for (const batch of this.batches) await batch.flush(trx, dialect);
  }

  /** The next creation time: a second apart, so rows read back in creation order. */
  stamp(): number {
    const at = this.setUpMs + 1000 * this.tick;
    this.tick += 1;
    return at;
  }

  /** An org node with its path through its parent and its depth (segments in the path), as the module writes it. */
  org(at: number, node: NewOrgNode): { id: string; path: string } {
    const id = this.ids(at);
    const path = `${node.parentPath}${id}/`;
    const row: Insertable<OrgUnitTable> = {
      id,
      parent_id: node.parentId,
      kind: node.kind,
      sector: node.sector,
      name: node.name,
      compound_id: node.compoundId ?? null,
      path,
      depth: path.split('/').filter(Boolean).length,
      sort_order: node.sortOrder,
      created_at: iso(at),
      updated_at: iso(at),
      version: 1,
    };
    this.buffer.add('org_unit', row);
    return { id, path };
  }
}
