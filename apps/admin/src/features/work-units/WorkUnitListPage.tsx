import type { WorkUnit, WorkUnitReportInRow } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WORK_UNIT_BOARD_KEY, type WorkUnitListQuery, workUnitsApi } from '../../api/workUnits.ts';
import { CreateButton } from '../../components/CreateButton.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { SearchField, trimSearch } from '../../components/SearchField.tsx';
import { useListQuery } from '../../components/useListQuery.ts';
import { viewEditColumn } from '../../components/ViewEditAction.tsx';
import { rowTestId } from '../members/rowTestId.ts';
import { WorkUnitCreateModal } from './WorkUnitCreateModal.tsx';
import { WorkUnitDetailDrawer } from './WorkUnitDetailDrawer.tsx';

type Filters = Omit<WorkUnitListQuery, 'cursor' | 'limit'>;

/** The 双报到 counts of each unit (in-service members in the caller's scope), by unit id. */
const useReportInBoard = () => {
  const board = useQuery({ queryKey: WORK_UNIT_BOARD_KEY, queryFn: workUnitsApi.reportInBoard, staleTime: 60_000 });
  const byUnit = useMemo(() => new Map((board.data?.items ?? []).map((row) => [row.workUnitId, row])), [board.data]);
  return { byUnit, loaded: board.isSuccess };
};

const Counts = ({ row, loaded }: { row: WorkUnitReportInRow | undefined; loaded: boolean }) => {
  const { t } = useTranslation();
  if (!loaded) return <Typography.Text type="secondary">—</Typography.Text>;
  if (!row || row.inService === 0) return <Typography.Text type="secondary">0</Typography.Text>;
  return (
    <Tooltip
      title={t('member.workUnit.boardLine', {
        inService: row.inService,
        confirmed: row.confirmed,
        pending: row.pending,
        notReported: row.notReported,
      })}
    >
      <span>
        {row.inService}
        <Typography.Text type="secondary"> / </Typography.Text>
        <Typography.Text type="success">{row.confirmed}</Typography.Text>
        {row.notReported > 0 && (
          <Tag color="volcano" style={{ marginInlineStart: 8 }}>
            {t('member.workUnit.notReportedCount', { count: row.notReported })}
          </Tag>
        )}
      </span>
    </Tooltip>
  );
};

export const WorkUnitListPage = () => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<Filters>({});
  const [creating, setCreating] = useState(false);
  const [viewing, setViewing] = useState<string | null>(null);
  const { paging, query } = useListQuery('work-units', filters, workUnitsApi.list);
  const board = useReportInBoard();

  const columns: TableColumnsType<WorkUnit> = [
    { title: t('member.workUnit.name'), dataIndex: 'name', width: 260 },
    {
      title: t('member.workUnit.partyOrgName'),
      dataIndex: 'partyOrgName',
      render: (name: string, u) => (
        <>
          {name || '—'}{' '}
          {u.partyOrgId ? (
            <Tag color="red">{t('member.workUnit.inCounty')}</Tag>
          ) : (
            <Tag>{t('member.workUnit.outsideCounty')}</Tag>
          )}
        </>
      ),
    },
    {
      title: t('member.workUnit.contactName'),
      dataIndex: 'contactName',
      width: 110,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('member.workUnit.contactPhone'),
      dataIndex: 'contactPhoneMasked',
      width: 130,
      render: (v: string | null) => (v ? <span className="mono">{v}</span> : '—'),
    },
    {
      title: t('member.workUnit.inServiceColumn'),
      key: 'board',
      width: 190,
      render: (_: unknown, u) => <Counts row={board.byUnit.get(u.id)} loaded={board.loaded} />,
    },
    viewEditColumn(t, { permission: 'work_unit.write', onView: setViewing, testId: 'work-unit-view' }),
  ];

  return (
    <PageContainer
      title={t('member.workUnit.title')}
      subTitle={t('member.workUnit.subTitle')}
      extra={
        <CreateButton permission="work_unit.write" onClick={() => setCreating(true)} data-testid="work-unit-create">
          {t('member.workUnit.create')}
        </CreateButton>
      }
    >
      <FilterBar<Filters> onSearch={(v) => setFilters(trimSearch(v))} onReset={() => setFilters({})}>
        <SearchField placeholder={t('member.workUnit.q')} width={260} />
      </FilterBar>
      <ListTable<WorkUnit>
        rowKey="id"
        query={query}
        paging={paging}
        columns={columns}
        onRow={rowTestId('work-unit-row')}
      />
      <WorkUnitCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => void queryClient.invalidateQueries({ queryKey: ['work-units'] })}
      />
      <WorkUnitDetailDrawer
        id={viewing}
        board={viewing ? board.byUnit.get(viewing) : undefined}
        onClose={() => setViewing(null)}
      />
    </PageContainer>
  );
};
