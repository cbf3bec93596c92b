import type { UnreportedMember } from '@linli/contracts';
import { Drawer, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { reportInsApi, type UnreportedQuery } from '../../api/reportIns.ts';
import { ListTable } from '../../components/ListTable.tsx';
import { useListQuery } from '../../components/useListQuery.ts';
import { rowTestId } from '../members/rowTestId.ts';

/** Whose in-service members to list: one work unit or one compound. */
export type UnreportedTarget = { kind: 'workUnit' | 'compound'; id: string; name: string };

const filtersOf = (target: UnreportedTarget): Omit<UnreportedQuery, 'cursor' | 'limit'> =>
  target.kind === 'workUnit' ? { workUnitId: target.id } : { compoundId: target.id };

const UnreportedList = ({ target }: { target: UnreportedTarget }) => {
  const { t } = useTranslation();
  const { paging, query } = useListQuery('report-in-boards-unreported', filtersOf(target), reportInsApi.unreported);
  const columns: TableColumnsType<UnreportedMember> = [
    { title: t('reportIn.member'), dataIndex: 'name', width: 110 },
    target.kind === 'workUnit'
      ? { title: t('reportIn.boards.residence'), dataIndex: 'compoundName', render: (v: string | null) => v ?? '—' }
      : { title: t('reportIn.workUnit'), dataIndex: 'workUnitName', render: (v: string | null) => v ?? '—' },
    {
      title: t('reportIn.status'),
      dataIndex: 'reportInStatus',
      width: 110,
      render: (s: UnreportedMember['reportInStatus']) =>
        s === 'rejected' ? (
          <Tag color="red">{t('reportIn.memberStatus.rejected')}</Tag>
        ) : (
          <Tag>{t('reportIn.boards.none')}</Tag>
        ),
    },
  ];
  return (
    <ListTable<UnreportedMember>
      rowKey="memberId"
      query={query}
      paging={paging}
      columns={columns}
      onRow={rowTestId('unreported-row')}
    />
  );
};

/** The in-service members of a work unit or compound with no confirmed or pending report-in (names only). */
export const UnreportedDrawer = ({ target, onClose }: { target: UnreportedTarget | null; onClose: () => void }) => {
  const { t } = useTranslation();
  return (
    <Drawer
      open={target !== null}
      title={target ? t('reportIn.boards.unreportedTitle', { name: target.name }) : ''}
      size={640}
      onClose={onClose}
      destroyOnHidden
      data-testid="unreported-drawer"
    >
      <Typography.Paragraph type="secondary">{t('reportIn.boards.unreportedHint')}</Typography.Paragraph>
      {target && <UnreportedList target={target} />}
    </Drawer>
  );
};
