import { shanghaiDate } from '../../../platform/clock.ts';
import { maskName } from '../../../platform/crypto/index.ts';
import { afterKeyset } from '../../../platform/pagination.ts';
import { pathStartsWith, toNumber } from '../../../platform/sql-helpers.ts';
import { periodBounds } from '../../civic-cases/index.ts';
import { MEDIATION_OUTCOME_LABEL } from './ledger-labels.ts';
import { keysetSheet } from './ledger-sheet.ts';
import { column, type LedgerDef, type LedgerRow, type LedgerSource } from './ledger-types.ts';

/**
 * Mediations (纠纷调解) opened on a day of the period for cases under the scope — the rows the cockpit's
 * `disputes_mediated` figure counts, so the register and the figure agree.
 */
function disputes(source: LedgerSource) {
  const { fromInstant, toInstant } = periodBounds(source.period ?? { from: '1970-01-01', to: '1970-01-01' });
  return source.db
    .selectFrom('civic_mediation as m')
    .innerJoin('civic_case as c', 'c.id', 'm.case_id')
    .where(pathStartsWith('c.path', source.scope.path))
    .where('m.created_at', '>=', fromInstant)
    .where('m.created_at', '<', toInstant);
}

const readDisputes = (source: LedgerSource, after: { key: string; id: string } | undefined, limit: number) =>
  disputes(source)
    .innerJoin('compound', 'compound.id', 'c.compound_id')
    .select([
      'c.id',
      'c.number',
      'm.created_at',
      'compound.name as compound_name',
      'm.parties',
      'm.mediator_name',
      'm.outcome',
      'm.agreement_text',
      'm.agreement_file_id',
    ])
    .$if(after !== undefined, (qb) =>
      qb.where(afterKeyset('m.created_at', 'c.id', 'asc', after ?? { key: '', id: '' })),
    )
    .orderBy('m.created_at')
    .orderBy('c.id')
    .limit(limit)
    .execute();
type DisputeRow = Awaited<ReturnType<typeof readDisputes>>[number];

/** Parties by surname only (张*): the register leaves the system; their phones are never read. */
function maskedParties(json: string): string | null {
  const parties = JSON.parse(json) as Array<{ name?: unknown }>;
  const names = parties.flatMap((p) => (typeof p.name === 'string' ? [maskName(p.name)] : []));
  return names.length > 0 ? names.join('、') : null;
}

/** Sessions held per case (count and last day), one grouped query for the batch. */
async function disputeCells(source: LedgerSource, rows: DisputeRow[]): Promise<LedgerRow[]> {
  const sessions = await source.db
    .selectFrom('civic_mediation_session')
    .select(['case_id', (eb) => eb.fn.countAll().as('n'), (eb) => eb.fn.max('held_on').as('last')])
    .where(
      'case_id',
      'in',
      rows.map((r) => r.id),
    )
    .groupBy('case_id')
    .execute();
  const byCase = new Map(sessions.map((s) => [s.case_id, s]));
  return rows.map((d) => {
    const held = byCase.get(d.id);
    const agreed = d.outcome === 'agreed' || d.agreement_text !== null || d.agreement_file_id !== null;
    return [
      d.number,
      shanghaiDate(new Date(d.created_at)),
      d.compound_name,
      maskedParties(d.parties),
      d.mediator_name,
      toNumber(held?.n ?? 0),
      held?.last ?? null,
      MEDIATION_OUTCOME_LABEL[d.outcome],
      agreed ? '是' : '否',
    ];
  });
}

/** 矛盾纠纷调解台账: the period's mediations with parties masked, their sessions and outcome. */
export const mediationLedger: LedgerDef = {
  kind: 'mediation',
  sheets: [
    keysetSheet({
      name: '矛盾纠纷调解台账',
      columns: [
        column('number', '编号', 20),
        column('openedOn', '登记日期', 12),
        column('compound', '小区', 16),
        column('parties', '当事人', 20),
        column('mediator', '调解员', 10),
        column('sessions', '调解次数', 8),
        column('lastSession', '最近调解日期', 12),
        column('outcome', '调解结果', 10),
        column('agreement', '达成协议', 8),
      ],
      base: disputes,
      read: readDisputes,
      key: (d) => d.created_at,
      cells: disputeCells,
    }),
  ],
};
