import { ReloadOutlined } from '@ant-design/icons';
import type { Supervision } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  SUPERVISION_BOARD_KEY,
  SUPERVISIONS_KEY,
  type SupervisionBoard,
  supervisionsApi,
} from '../../api/civicCases.ts';
import { ForbiddenResult } from '../../app/guards.tsx';
import { canOpenNavItem, navItem } from '../../app/nav.tsx';
import { useSession } from '../../app/session.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { formatTime } from '../../components/time.ts';
import { useListQuery } from '../../components/useListQuery.ts';
import { AnswerSupervisionModal } from './AnswerSupervisionModal.tsx';
import { unitText } from './caseTags.tsx';

type BoardRow = SupervisionBoard['units'][number];

/** A count that links to the case centre filtered by the unit (and overdue, when that is the count). */
const CountLink = ({ n, to, danger }: { n: number; to: string; danger?: boolean }) => {
  if (n === 0) return <Typography.Text type="secondary">0</Typography.Text>;
  return (
    <Link to={to}>
      <Typography.Text
        type={danger ? 'danger' : undefined}
        strong={danger}
        style={{ color: danger ? undefined : 'inherit' }}
      >
        {n}
      </Typography.Text>
    </Link>
  );
};

const Board = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const board = useQuery({ queryKey: SUPERVISION_BOARD_KEY, queryFn: supervisionsApi.board });
  if (board.isError && !board.data) return <ErrorState error={board.error} onRetry={() => void board.refetch()} />;
  const cases = (unitId: string, extra = '') => `/civic-cases?unitId=${unitId}${extra}`;
  const num = (key: keyof Omit<BoardRow, 'unit'>) => (a: BoardRow, b: BoardRow) => a[key] - b[key];
  const columns: TableColumnsType<BoardRow> = [
    {
      title: t('civic.fields.unit'),
      key: 'unit',
      render: (_: unknown, r) => (
        <Link to={cases(r.unit.id)} data-testid="civic-board-unit">
          {unitText(r.unit, t)}
        </Link>
      ),
    },
    {
      title: t('civic.board.open'),
      dataIndex: 'open',
      width: 110,
      align: 'right',
      sorter: num('open'),
      render: (n: number, r) => <CountLink n={n} to={cases(r.unit.id)} />,
    },
    {
      title: t('civic.board.overdue'),
      dataIndex: 'overdue',
      width: 110,
      align: 'right',
      sorter: num('overdue'),
      defaultSortOrder: 'descend',
      render: (n: number, r) => (
        <CountLink n={n} to={cases(r.unit.id, '&overdue=true&sort=deadline&order=asc')} danger />
      ),
    },
    {
      title: t('civic.board.dueSoon'),
      dataIndex: 'dueSoon',
      width: 110,
      align: 'right',
      sorter: num('dueSoon'),
      render: (n: number) =>
        n > 0 ? (
          <Typography.Text type="warning" strong>
            {n}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">0</Typography.Text>
        ),
    },
    {
      title: t('civic.board.rework'),
      dataIndex: 'rework',
      width: 110,
      align: 'right',
      sorter: num('rework'),
      render: (n: number, r) => <CountLink n={n} to={cases(r.unit.id, '&status=rework')} />,
    },
    {
      title: t('civic.board.openSupervisions'),
      dataIndex: 'openSupervisions',
      width: 120,
      align: 'right',
      sorter: num('openSupervisions'),
      render: (n: number) =>
        n > 0 ? <Tag color="red">{n}</Tag> : <Typography.Text type="secondary">0</Typography.Text>,
    },
  ];
  return (
    <Card
      size="small"
      title={t('civic.board.title')}
      extra={
        <Flex gap={12} align="center">
          {board.data && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('civic.board.generatedAt', { time: formatTime(board.data.generatedAt) })}
            </Typography.Text>
          )}
          <Button
            size="small"
            icon={<ReloadOutlined />}
            loading={board.isFetching}
            onClick={() => void board.refetch()}
          >
            {t('common.actions.refresh')}
          </Button>
        </Flex>
      }
    >
      <Table<BoardRow>
        size="small"
        bordered
        rowKey={(r) => `${r.unit.kind}:${r.unit.id}`}
        loading={board.isPending}
        dataSource={board.data?.units ?? []}
        columns={columns}
        pagination={false}
        onRow={(r) =>
          ({
            'data-testid': `civic-board-row-${r.unit.id}`,
            onDoubleClick: () => navigate(cases(r.unit.id)),
          }) as React.HTMLAttributes<HTMLElement>
        }
        locale={{ emptyText: t('civic.board.empty') }}
      />
    </Card>
  );
};

const Supervisions = ({ canAnswer }: { canAnswer: boolean }) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<'open' | 'answered' | undefined>('open');
  const [answering, setAnswering] = useState<Supervision | null>(null);
  const { paging, query } = useListQuery(SUPERVISIONS_KEY, { status }, supervisionsApi.list);
  const columns: TableColumnsType<Supervision> = [
    {
      title: t('civic.fields.number'),
      dataIndex: 'caseNumber',
      width: 168,
      render: (n: string, s) => (
        <Link to={`/civic-cases/${s.caseId}`} className="mono">
          {n}
        </Link>
      ),
    },
    { title: t('civic.fields.title'), dataIndex: 'caseTitle', width: 200, ellipsis: true },
    {
      title: t('civic.supervision.kind'),
      dataIndex: 'kind',
      width: 100,
      render: (_: unknown, s) => t(`civic.supervisionKind.${s.kind}`),
    },
    {
      title: t('civic.supervision.level'),
      key: 'level',
      width: 140,
      ellipsis: true,
      render: (_: unknown, s) => s.level.name,
    },
    {
      title: t('civic.fields.unit'),
      key: 'unit',
      width: 170,
      ellipsis: true,
      render: (_: unknown, s) => (s.unit ? unitText(s.unit, t) : '—'),
    },
    { title: t('civic.supervision.reason'), dataIndex: 'reason', width: 240, ellipsis: true },
    { title: t('civic.supervision.dueAt'), dataIndex: 'dueAt', width: 140, render: (v: string) => formatTime(v) },
    {
      title: t('civic.fields.status'),
      dataIndex: 'status',
      width: 90,
      fixed: 'right',
      render: (_: unknown, s) => (
        <Tag color={s.status === 'open' ? 'red' : 'green'}>{t(`civic.supervisionStatus.${s.status}`)}</Tag>
      ),
    },
    {
      title: t('civic.supervision.answer'),
      key: 'answer',
      width: 220,
      fixed: 'right',
      render: (_: unknown, s) =>
        s.answer || !canAnswer ? (
          <Flex vertical>
            <Typography.Text ellipsis={{ tooltip: s.answer }}>{s.answer ?? '—'}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatTime(s.answeredAt)}
            </Typography.Text>
          </Flex>
        ) : (
          <Button
            size="small"
            type="primary"
            ghost
            onClick={() => setAnswering(s)}
            data-testid="civic-supervision-answer"
          >
            {t('civic.supervision.answerAction')}
          </Button>
        ),
    },
  ];
  return (
    <Card
      size="small"
      title={t('civic.supervision.title')}
      extra={
        <Select
          size="small"
          allowClear
          value={status}
          placeholder={t('common.state.all')}
          style={{ width: 160 }}
          onChange={(v?: 'open' | 'answered') => setStatus(v)}
          options={(['open', 'answered'] as const).map((s) => ({ value: s, label: t(`civic.supervisionStatus.${s}`) }))}
          data-testid="civic-supervision-status"
        />
      }
    >
      <ListTable<Supervision>
        rowKey="id"
        query={query}
        paging={paging}
        columns={columns}
        scroll={{ x: 1500 }}
        onRow={(s) => ({ 'data-testid': `civic-supervision-row-${s.caseNumber}` }) as React.HTMLAttributes<HTMLElement>}
      />
      <AnswerSupervisionModal
        supervision={answering}
        onClose={() => setAnswering(null)}
        onAnswered={() => {
          void queryClient.invalidateQueries({ queryKey: [SUPERVISIONS_KEY] });
          void queryClient.invalidateQueries({ queryKey: SUPERVISION_BOARD_KEY });
        }}
      />
    </Card>
  );
};

/** `/civic-supervision`: 督办看板 — overdue, due-soon, returned and supervised cases per unit, and the 督办 records. */
export const CivicSupervisionPage = () => {
  const { t } = useTranslation();
  const { can } = useSession();
  if (!canOpenNavItem(navItem('civicSupervision'), can)) return <ForbiddenResult />;
  const supervises = can('civic_case.supervise');
  return (
    <PageContainer
      title={t('civic.board.pageTitle')}
      subTitle={supervises ? t('civic.board.subTitle') : t('civic.board.subTitleUnit')}
    >
      <Flex vertical gap={16}>
        {supervises && <Board />}
        <Supervisions canAnswer={can('civic_case.handle')} />
      </Flex>
    </PageContainer>
  );
};
