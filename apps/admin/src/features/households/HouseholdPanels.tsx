import { DeleteOutlined, EditOutlined, PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import type { HouseholdDetail, HouseholdLink, HouseholdVisit, Resident } from '@linli/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { householdsApi } from '../../api/households.ts';
import { useSession } from '../../app/session.tsx';
import { errorText } from '../../components/errors.ts';
import { formatDate } from '../../components/time.ts';
import { useEditSnapshot } from '../../components/useDetailEditing.ts';
import { rowTestId } from '../members/rowTestId.ts';
import { LinkCreateModal } from './LinkCreateModal.tsx';
import { ResidentCreateModal, ResidentEditModal } from './ResidentModals.tsx';
import { VisitCreateModal } from './VisitCreateModal.tsx';

/** What a panel needs from the drawer: the household as read, and how to load it again after a change. */
type PanelProps = { household: HouseholdDetail; refresh: () => Promise<HouseholdDetail | undefined> };

const Panel = ({ title, extra, children }: { title: ReactNode; extra?: ReactNode; children: ReactNode }) => (
  <Card size="small" title={title} extra={extra} style={{ marginTop: 16 }}>
    {children}
  </Card>
);

/** A panel's table: one page, a test id on each row, and the panel's own "none" text. */
function PanelTable<Row extends { id: string }>(props: {
  rows: Row[];
  columns: TableColumnsType<Row>;
  rowTestIdPrefix: string;
  empty: string;
}) {
  return (
    <Table<Row>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={props.rows}
      columns={props.columns}
      onRow={rowTestId(props.rowTestIdPrefix)}
      locale={{ emptyText: props.empty }}
    />
  );
}

/** The actions column, present only when the caller may act on the rows. */
const actionsColumn = <Row,>(
  t: TFunction,
  shown: boolean,
  width: number,
  render: (row: Row) => ReactNode,
): TableColumnsType<Row> =>
  shown
    ? [{ title: t('common.actions.actions'), key: 'actions', width, render: (_: unknown, row: Row) => render(row) }]
    : [];

/** 移除: the danger link that asks (`useRemoval`) before removing a row. */
const RemoveButton = ({ onClick, testId }: { onClick: () => void; testId: string }) => {
  const { t } = useTranslation();
  return (
    <Button size="small" type="link" danger icon={<DeleteOutlined />} onClick={onClick} data-testid={testId}>
      {t('common.actions.remove')}
    </Button>
  );
};

/** Asks before a removal, runs it, then reloads the household. */
const useRemoval = (refresh: () => Promise<unknown>) => {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const remove = useMutation({
    mutationFn: (run: () => Promise<unknown>) => run(),
    onSuccess: () => {
      void message.success(t('common.feedback.deleted'));
      void refresh();
    },
  });
  return (title: string, run: () => Promise<unknown>) =>
    modal.confirm({
      title,
      okText: t('common.actions.remove'),
      okButtonProps: { danger: true, id: 'household-remove-ok' },
      cancelText: t('common.actions.cancel'),
      onOk: () => remove.mutateAsync(run).catch((e: unknown) => void message.error(errorText(e, t))),
    });
};

/** 住户成员: names, relations and masked phones; editable with `abilities.update`. */
export const ResidentsPanel = ({ household, refresh }: PanelProps) => {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const edit = useEditSnapshot<Resident>();
  const confirmRemove = useRemoval(refresh);
  const canEdit = household.abilities.update === true;
  const columns: TableColumnsType<Resident> = [
    { title: t('household.resident.name'), dataIndex: 'name', width: 110 },
    {
      title: t('household.resident.relation'),
      dataIndex: 'relation',
      width: 90,
      render: (r: Resident['relation']) => t(`household.relation.${r}`),
    },
    {
      title: t('household.resident.phone'),
      dataIndex: 'phoneMasked',
      render: (v: string | null) => (v ? <span className="mono">{v}</span> : '—'),
    },
    {
      title: t('household.resident.account'),
      dataIndex: 'hasAccount',
      width: 100,
      render: (v: boolean) =>
        v ? (
          <Tag color="green">{t('household.resident.hasAccount')}</Tag>
        ) : (
          <Tag>{t('household.resident.noAccount')}</Tag>
        ),
    },
    ...actionsColumn<Resident>(t, canEdit, 130, (r) => (
      <Flex gap={4}>
        <Button
          size="small"
          type="link"
          icon={<EditOutlined />}
          onClick={() => edit.start(r)}
          data-testid="resident-edit"
        >
          {t('common.actions.edit')}
        </Button>
        <RemoveButton
          onClick={() =>
            confirmRemove(t('household.resident.removeTitle', { name: r.name }), () =>
              householdsApi.removeResident(r.id),
            )
          }
          testId="resident-remove"
        />
      </Flex>
    )),
  ];
  return (
    <Panel
      title={t('household.resident.title', { n: household.residents.length })}
      extra={
        canEdit && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="resident-add">
            {t('household.resident.add')}
          </Button>
        )
      }
    >
      <PanelTable
        rows={household.residents}
        columns={columns}
        rowTestIdPrefix="resident-row"
        empty={t('household.resident.none')}
      />
      <ResidentCreateModal
        householdId={household.id}
        open={adding}
        onClose={() => setAdding(false)}
        onCreated={() => void refresh()}
      />
      <ResidentEditModal
        open={edit.open}
        resident={edit.base}
        onClose={edit.close}
        onReload={async () => {
          const fresh = (await refresh())?.residents.find((r) => r.id === edit.base?.id);
          if (fresh) edit.replace(fresh);
        }}
        onSaved={() => void refresh()}
      />
    </Panel>
  );
};

/** 联系党员: the Party members who look after this household (党员联系住户). */
export const LinksPanel = ({ household, refresh }: PanelProps) => {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const confirmRemove = useRemoval(refresh);
  const { can } = useSession();
  const canLink = household.abilities.link === true;
  // Adding one needs the roster search, which only holders of member.read have (a grid worker may only remove).
  const canAdd = canLink && can('member.read');
  const columns: TableColumnsType<HouseholdLink> = [
    { title: t('household.link.member'), dataIndex: 'memberName' },
    { title: t('household.link.since'), dataIndex: 'createdAt', width: 120, render: (v: string) => formatDate(v) },
    ...actionsColumn<HouseholdLink>(t, canLink, 90, (l) => (
      <RemoveButton
        onClick={() =>
          confirmRemove(t('household.link.removeTitle', { name: l.memberName }), () => householdsApi.removeLink(l.id))
        }
        testId="household-link-remove"
      />
    )),
  ];
  return (
    <Panel
      title={t('household.link.title', { n: household.links.length })}
      extra={
        canAdd && (
          <Button
            size="small"
            icon={<UserAddOutlined />}
            onClick={() => setAdding(true)}
            data-testid="household-link-add"
          >
            {t('household.link.add')}
          </Button>
        )
      }
    >
      <PanelTable
        rows={household.links}
        columns={columns}
        rowTestIdPrefix="household-link-row"
        empty={t('household.link.none')}
      />
      <LinkCreateModal
        householdId={household.id}
        open={adding}
        onClose={() => setAdding(false)}
        onCreated={() => void refresh()}
      />
    </Panel>
  );
};

/** The columns a visit has wherever visits are listed. */
export const visitColumns = (t: TFunction, withHousehold: boolean): TableColumnsType<HouseholdVisit> => [
  { title: t('household.visit.visitedOn'), dataIndex: 'visitedOn', width: 110 },
  ...(withHousehold
    ? [
        {
          title: t('household.visit.household'),
          key: 'household',
          width: 200,
          render: (_: unknown, v: HouseholdVisit) => (
            <Flex vertical>
              <span>{v.householdLabel}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {v.compoundName}
              </Typography.Text>
            </Flex>
          ),
        },
      ]
    : []),
  {
    title: t('household.visit.visitor'),
    key: 'visitor',
    width: 120,
    render: (_: unknown, v: HouseholdVisit) => (
      <Flex vertical>
        <span>{v.visitorName}</span>
        {v.memberName && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('household.visit.asMember')}
          </Typography.Text>
        )}
      </Flex>
    ),
  },
  {
    title: t('household.visit.summary'),
    dataIndex: 'summary',
    render: (s: string, v: HouseholdVisit) => (
      <Flex vertical gap={2}>
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: s }} style={{ margin: 0 }}>
          {s}
        </Typography.Paragraph>
        {v.findings && (
          <Typography.Paragraph
            type="secondary"
            ellipsis={{ rows: 2, tooltip: v.findings }}
            style={{ margin: 0, fontSize: 12 }}
          >
            {t('common.fmt.labelValue', { label: t('household.visit.findings'), value: v.findings })}
          </Typography.Paragraph>
        )}
      </Flex>
    ),
  },
  {
    title: t('household.visit.followUp'),
    dataIndex: 'followUp',
    width: 130,
    render: (f: boolean, v: HouseholdVisit) =>
      !f ? (
        <Typography.Text type="secondary">{t('household.visit.noFollowUp')}</Typography.Text>
      ) : v.civicCaseId ? (
        <Tag color="green">{t('household.visit.raised')}</Tag>
      ) : (
        <Tag color="orange">{t('household.visit.needsFollowUp')}</Tag>
      ),
  },
];

/** 走访记录: the last 20 visits, and 记录走访 with `abilities.visit`. */
export const VisitsPanel = ({ household, refresh }: PanelProps) => {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  return (
    <Panel
      title={t('household.visit.recent')}
      extra={
        <Flex gap={8} align="center">
          <Link to={`/household-visits?householdId=${household.id}`}>{t('household.visit.all')}</Link>
          {household.abilities.visit && (
            <Button
              size="small"
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setAdding(true)}
              data-testid="visit-add"
            >
              {t('household.visit.create')}
            </Button>
          )}
        </Flex>
      }
    >
      <PanelTable
        rows={household.recentVisits}
        columns={visitColumns(t, false)}
        rowTestIdPrefix="visit-row"
        empty={t('household.visit.none')}
      />
      <VisitCreateModal
        householdId={household.id}
        householdLabel={household.label}
        open={adding}
        onClose={() => setAdding(false)}
        onCreated={() => void refresh()}
      />
    </Panel>
  );
};
