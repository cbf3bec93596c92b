import type { CompoundReportInRow, WorkUnitReportInRow } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Input, Progress, Segmented, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPOUND_BOARD_KEY, reportInsApi } from '../../api/reportIns.ts';
import { WORK_UNIT_BOARD_KEY, workUnitsApi } from '../../api/workUnits.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { rowTestId } from '../members/rowTestId.ts';
import { UnreportedDrawer, type UnreportedTarget } from './UnreportedDrawer.tsx';

type Counts = { inService: number; confirmed: number; pending: number; notReported: number };
type Row = Counts & { key: string; name: string; note: string | null };
type View = 'workUnit' | 'compound';

const fromWorkUnit = (r: WorkUnitReportInRow): Row => ({
  ...r,
  key: r.workUnitId,
  name: r.workUnitName,
  note: r.partyOrgName || null,
});
const fromCompound = (r: CompoundReportInRow): Row => ({ ...r, key: r.compoundId, name: r.compoundName, note: null });

/** Confirmed over in-service, or null when there is nobody to count. */
const shareOf = (r: Counts): number | null => (r.inService > 0 ? r.confirmed / r.inService : null);

const byNumber = (k: keyof Counts) => (a: Row, b: Row) => a[k] - b[k];

const Totals = ({ rows }: { rows: Row[] }) => {
  const { t } = useTranslation();
  const sum = (k: keyof Counts) => rows.reduce((n, r) => n + r[k], 0);
  const total: Counts = {
    inService: sum('inService'),
    confirmed: sum('confirmed'),
    pending: sum('pending'),
    notReported: sum('notReported'),
  };
  const share = shareOf(total);
  return (
    <Typography.Text type="secondary" data-testid="report-in-board-totals">
      {t('reportIn.boards.totals', { ...total, share: share === null ? '—' : `${(share * 100).toFixed(1)}%` })}
    </Typography.Text>
  );
};

/** 报到统计: in-service members per work unit or per compound and where their 双报到 stands. */
export const BoardsTab = () => {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('workUnit');
  const [q, setQ] = useState('');
  const [target, setTarget] = useState<UnreportedTarget | null>(null);
  const units = useQuery({
    queryKey: WORK_UNIT_BOARD_KEY,
    queryFn: workUnitsApi.reportInBoard,
    enabled: view === 'workUnit',
  });
  const compounds = useQuery({
    queryKey: COMPOUND_BOARD_KEY,
    queryFn: reportInsApi.compoundBoard,
    enabled: view === 'compound',
  });
  const board = view === 'workUnit' ? units : compounds;
  const all: Row[] =
    view === 'workUnit' ? (units.data?.items ?? []).map(fromWorkUnit) : (compounds.data?.items ?? []).map(fromCompound);
  const needle = q.trim();
  const rows = needle ? all.filter((r) => r.name.includes(needle) || (r.note ?? '').includes(needle)) : all;

  const columns: TableColumnsType<Row> = [
    {
      title: view === 'workUnit' ? t('reportIn.workUnit') : t('reportIn.compound'),
      dataIndex: 'name',
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
      render: (name: string, r) => (
        <Flex vertical>
          <Typography.Link>{name}</Typography.Link>
          {r.note && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.note}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('reportIn.boards.inService'),
      dataIndex: 'inService',
      width: 100,
      align: 'right',
      sorter: byNumber('inService'),
    },
    {
      title: t('reportIn.boards.confirmed'),
      dataIndex: 'confirmed',
      width: 100,
      align: 'right',
      sorter: byNumber('confirmed'),
    },
    {
      title: t('reportIn.boards.pending'),
      dataIndex: 'pending',
      width: 100,
      align: 'right',
      sorter: byNumber('pending'),
    },
    {
      title: t('reportIn.boards.notReported'),
      dataIndex: 'notReported',
      width: 100,
      align: 'right',
      sorter: byNumber('notReported'),
      defaultSortOrder: 'descend',
      render: (v: number) => (v > 0 ? <Typography.Text type="danger">{v}</Typography.Text> : v),
    },
    {
      title: t('reportIn.boards.share'),
      key: 'share',
      width: 220,
      sorter: (a, b) => (shareOf(a) ?? -1) - (shareOf(b) ?? -1),
      render: (_: unknown, r) => {
        const share = shareOf(r);
        return share === null ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Progress percent={Number((share * 100).toFixed(1))} size="small" />
        );
      },
    },
  ];

  return (
    <Card size="small">
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Flex align="center" gap={12} wrap>
          <Segmented<View>
            value={view}
            onChange={setView}
            data-testid="report-in-board-view"
            options={[
              { value: 'workUnit', label: t('reportIn.boards.byWorkUnit') },
              { value: 'compound', label: t('reportIn.boards.byCompound') },
            ]}
          />
          <Input.Search
            allowClear
            placeholder={view === 'workUnit' ? t('reportIn.boards.qWorkUnit') : t('reportIn.boards.qCompound')}
            style={{ width: 240 }}
            onSearch={setQ}
            onChange={(e) => setQ(e.target.value)}
          />
        </Flex>
        <Totals rows={rows} />
      </Flex>
      {board.isError && !board.data ? (
        <ErrorState error={board.error} onRetry={() => void board.refetch()} />
      ) : (
        <Table<Row>
          size="small"
          bordered
          rowKey="key"
          loading={board.isFetching}
          dataSource={rows}
          columns={columns}
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
          onRow={(r) => ({
            ...rowTestId('report-in-board-row')(),
            style: { cursor: 'pointer' },
            onClick: () => setTarget({ kind: view, id: r.key, name: r.name }),
          })}
        />
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('reportIn.boards.hint')}
      </Typography.Text>
      <UnreportedDrawer target={target} onClose={() => setTarget(null)} />
    </Card>
  );
};
