import { DownloadOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Mediation } from '@linli/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Divider, Flex, Skeleton, Table, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { civicCaseDetailKey } from '../../api/civicCases.ts';
import { mediationApi, mediationKey } from '../../api/civicSettings.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { errorText } from '../../components/errors.ts';
import { formatTime } from '../../components/time.ts';
import { OutcomeForm } from './OutcomeForm.tsx';
import { PartiesEditor } from './PartiesEditor.tsx';
import { SessionForm } from './SessionForm.tsx';

/**
 * What the viewer may do with the case's mediation: `manage` = `mediation.manage` over it while the loop is open;
 * `closed` = the case is closed or voided, so the record is history.
 */
export type MediationAbilities = { manage: boolean; closed?: boolean };

const OUTCOME_COLORS = { pending: 'processing', agreed: 'success', failed: 'warning' } as const satisfies Record<
  Mediation['outcome'],
  string
>;
const ROLE_COLORS = { applicant: 'blue', respondent: 'orange', other: 'default' } as const;

type Editing = 'parties' | 'session' | 'outcome' | null;

const SectionTitle = ({ children, extra }: { children: string; extra?: ReactNode }) => (
  <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
    <Typography.Text strong>{children}</Typography.Text>
    {extra}
  </Flex>
);

const PartiesView = ({ mediation }: { mediation: Mediation }) => {
  const { t } = useTranslation();
  if (mediation.parties.length === 0) {
    return <Typography.Text type="secondary">{t('mediation.noParties')}</Typography.Text>;
  }
  return (
    <Flex vertical gap={8}>
      <Typography.Text>
        {t('common.fmt.labelValue', {
          label: t('mediation.mediator'),
          value: mediation.mediatorName ?? t('mediation.mediatorNone'),
        })}
      </Typography.Text>
      <Table
        size="small"
        bordered
        pagination={false}
        rowKey={(_, i) => String(i)}
        dataSource={mediation.parties}
        data-testid="mediation-parties"
        columns={[
          { title: t('mediation.partyName'), dataIndex: 'name' },
          {
            title: t('mediation.partyRole'),
            dataIndex: 'role',
            width: 120,
            render: (r: keyof typeof ROLE_COLORS) => <Tag color={ROLE_COLORS[r]}>{t(`mediation.role.${r}`)}</Tag>,
          },
          {
            title: t('mediation.partyPhone'),
            dataIndex: 'phone',
            width: 150,
            render: (p: string | null) => <span className="mono">{p ?? '—'}</span>,
          },
        ]}
      />
    </Flex>
  );
};

const SessionsView = ({ mediation }: { mediation: Mediation }) => {
  const { t } = useTranslation();
  if (mediation.sessions.length === 0) {
    return <Typography.Text type="secondary">{t('mediation.noSessions')}</Typography.Text>;
  }
  const sessions = [...mediation.sessions].sort(
    (a, b) => b.heldOn.localeCompare(a.heldOn) || b.createdAt.localeCompare(a.createdAt),
  );
  return (
    <Timeline
      style={{ marginTop: 8 }}
      items={sessions.map((s) => ({
        key: s.id,
        content: (
          <Flex vertical gap={2} data-testid="mediation-session">
            <Typography.Text strong>{[s.heldOn, s.place].filter(Boolean).join(' · ')}</Typography.Text>
            {s.attendees && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('common.fmt.labelValue', { label: t('mediation.attendees'), value: s.attendees })}
              </Typography.Text>
            )}
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{s.notes}</Typography.Paragraph>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatTime(s.createdAt)}
            </Typography.Text>
          </Flex>
        ),
      }))}
    />
  );
};

const OutcomeView = ({ caseId, mediation }: { caseId: string; mediation: Mediation }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const download = useMutation({
    mutationFn: () => mediationApi.downloadAgreement(caseId, t('mediation.downloadName')),
    onError: (e) => void message.error(errorText(e, t)),
  });
  return (
    <Flex vertical gap={8}>
      {mediation.outcome === 'pending' ? (
        <Typography.Text type="secondary">{t('mediation.noOutcome')}</Typography.Text>
      ) : (
        <div>
          <Tag color={OUTCOME_COLORS[mediation.outcome]}>{t(`mediation.outcome.${mediation.outcome}`)}</Tag>
        </div>
      )}
      {mediation.agreementText && (
        <Typography.Paragraph
          style={{ whiteSpace: 'pre-wrap', marginBottom: 0, padding: 12, background: '#fafafa', borderRadius: 6 }}
          ellipsis={{ rows: 6, expandable: 'collapsible' }}
        >
          {mediation.agreementText}
        </Typography.Paragraph>
      )}
      {mediation.agreementFileId && (
        <div>
          <Button
            icon={<DownloadOutlined />}
            loading={download.isPending}
            onClick={() => download.mutate()}
            data-testid="mediation-agreement-download"
          >
            {t('mediation.download')}
          </Button>
        </div>
      )}
    </Flex>
  );
};

/**
 * 纠纷调解 on a dispute case's detail page: parties and mediator, the sessions held, and the outcome with the
 * 调解协议书. Writes refresh the case too (each one adds an internal note to its timeline).
 */
export const MediationPanel = ({ caseId, abilities }: { caseId: string; abilities: MediationAbilities }) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Editing>(null);
  const mediation = useQuery({ queryKey: mediationKey(caseId), queryFn: () => mediationApi.get(caseId) });

  const stored = (saved: Mediation) => {
    queryClient.setQueryData(mediationKey(caseId), saved);
    void queryClient.invalidateQueries({ queryKey: civicCaseDetailKey(caseId) });
    setEditing(null);
  };
  const reload = async () => {
    await queryClient.invalidateQueries({ queryKey: mediationKey(caseId) });
  };

  const m = mediation.data;
  const manage = abilities.manage;
  const body = (() => {
    if (mediation.isPending) return <Skeleton active paragraph={{ rows: 5 }} />;
    if (!m) return <ErrorState error={mediation.error} onRetry={() => void mediation.refetch()} />;
    const canRecordOutcome = manage && m.outcome !== 'agreed';
    return (
      <Flex vertical gap={0}>
        <SectionTitle
          extra={
            manage &&
            editing !== 'parties' && (
              <Button
                size="small"
                icon={m.parties.length > 0 ? <EditOutlined /> : <PlusOutlined />}
                onClick={() => setEditing('parties')}
                data-testid="mediation-edit-parties"
              >
                {m.parties.length > 0 ? t('mediation.editParties') : t('mediation.registerParties')}
              </Button>
            )
          }
        >
          {t('mediation.partiesTitle')}
        </SectionTitle>
        {editing === 'parties' ? (
          <PartiesEditor
            caseId={caseId}
            mediation={m}
            onSaved={stored}
            onCancel={() => setEditing(null)}
            onReload={reload}
          />
        ) : (
          <PartiesView mediation={m} />
        )}
        <Divider style={{ margin: '16px 0' }} />
        <SectionTitle
          extra={
            manage &&
            editing !== 'session' && (
              <Button
                size="small"
                icon={<PlusOutlined />}
                onClick={() => setEditing('session')}
                data-testid="mediation-session-open"
              >
                {t('mediation.addSession')}
              </Button>
            )
          }
        >
          {t('mediation.sessions')}
        </SectionTitle>
        {editing === 'session' && <SessionForm caseId={caseId} onSaved={stored} onCancel={() => setEditing(null)} />}
        <SessionsView mediation={m} />
        <Divider style={{ margin: '16px 0' }} />
        <SectionTitle
          extra={
            canRecordOutcome &&
            editing !== 'outcome' && (
              <Button size="small" onClick={() => setEditing('outcome')} data-testid="mediation-outcome-open">
                {t('mediation.recordOutcome')}
              </Button>
            )
          }
        >
          {t('mediation.result')}
        </SectionTitle>
        {editing === 'outcome' ? (
          <OutcomeForm caseId={caseId} mediation={m} onSaved={stored} onCancel={() => setEditing(null)} />
        ) : (
          <OutcomeView caseId={caseId} mediation={m} />
        )}
      </Flex>
    );
  })();

  return (
    <Card
      size="small"
      title={t('mediation.title')}
      extra={m && <Tag color={OUTCOME_COLORS[m.outcome]}>{t(`mediation.outcome.${m.outcome}`)}</Tag>}
      data-testid="mediation-panel"
    >
      {mediation.isError && m && <ErrorState error={mediation.error} onRetry={() => void mediation.refetch()} />}
      {abilities.closed && <Typography.Paragraph type="secondary">{t('mediation.closedNote')}</Typography.Paragraph>}
      {body}
    </Card>
  );
};
