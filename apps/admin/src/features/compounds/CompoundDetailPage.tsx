import { ArrowLeftOutlined } from '@ant-design/icons';
import { COMPOUND_PARTY_KINDS, type CompoundDetail, type CompoundPartyKind } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Row, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { compoundDetailKey, compoundsApi } from '../../api/compounds.ts';
import { STAGE_COLORS } from '../../components/colors.ts';
import { EditButton } from '../../components/EditButton.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { formatTime } from '../../components/time.ts';
import { CompoundEditModal } from './CompoundEditModal.tsx';
import { PartyCard } from './PartyCard.tsx';
import { PartyEditModal } from './PartyEditModal.tsx';

const BasicInfo = ({ c }: { c: CompoundDetail }) => {
  const { t } = useTranslation();
  return (
    <Descriptions
      bordered
      size="small"
      column={3}
      items={[
        { key: 'name', label: t('compound.fields.name'), children: c.name },
        { key: 'org', label: t('compound.fields.org'), children: c.orgName },
        { key: 'town', label: t('compound.fields.town'), children: c.townName ?? '—' },
        { key: 'address', label: t('compound.fields.address'), children: c.address, span: 3 },
        { key: 'households', label: t('compound.fields.households'), children: c.householdCount },
        { key: 'buildings', label: t('compound.fields.buildings'), children: c.buildingCount },
        {
          key: 'stage',
          label: t('compound.fields.stage'),
          children: <Tag color={STAGE_COLORS[c.rolloutStage]}>{t(`common.enum.rolloutStage.${c.rolloutStage}`)}</Tag>,
        },
        {
          key: 'branch',
          label: t('compound.fields.branch'),
          children: c.branchOrgId ? (
            <Tag color="red">{t('compound.fields.hasBranch')}</Tag>
          ) : (
            <Tag>{t('compound.fields.noBranch')}</Tag>
          ),
        },
        { key: 'grids', label: t('compound.fields.gridCount'), children: c.gridCount },
        { key: 'venues', label: t('compound.fields.venueCount'), children: c.venueCount },
        {
          key: 'location',
          label: t('compound.fields.location'),
          children: c.location ? (
            <span className="mono">
              {c.location.lng.toFixed(6)}, {c.location.lat.toFixed(6)}
            </span>
          ) : (
            '—'
          ),
        },
        { key: 'created', label: t('compound.fields.createdAt'), children: formatTime(c.createdAt) },
      ]}
    />
  );
};

export const CompoundDetailPage = () => {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const detail = useQuery({ queryKey: compoundDetailKey(id), queryFn: () => compoundsApi.get(id), enabled: !!id });
  const [editing, setEditing] = useState(false);
  const [editingParty, setEditingParty] = useState<CompoundPartyKind | null>(null);

  const afterSave = () => {
    void detail.refetch();
    void queryClient.invalidateQueries({ queryKey: ['compounds', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['coverage'] });
  };

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
      {t('common.actions.back')}
    </Button>
  );

  if (detail.isPending) {
    return (
      <PageContainer title={t('compound.detail.title')} extra={back}>
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      </PageContainer>
    );
  }
  if (detail.isError) {
    return (
      <PageContainer title={t('compound.detail.title')} extra={back}>
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
      </PageContainer>
    );
  }
  const c = detail.data;
  const canEdit = c.abilities.update === true;
  const canEditParties = c.abilities.editParties === true;
  const partyOf = (kind: CompoundPartyKind) => c.parties.find((p) => p.kind === kind);

  return (
    <PageContainer
      title={c.name}
      subTitle={c.townName && c.townName !== c.orgName ? `${c.orgName} · ${c.townName}` : c.orgName}
      extra={
        <>
          {back}
          {canEdit && (
            <EditButton onClick={() => setEditing(true)} data-testid="compound-edit">
              {t('compound.detail.edit')}
            </EditButton>
          )}
        </>
      }
    >
      <Card title={t('compound.detail.basic')} size="small" style={{ marginBottom: 16 }}>
        <BasicInfo c={c} />
      </Card>
      <Card title={t('compound.detail.parties')} size="small">
        <Row gutter={[16, 16]}>
          {COMPOUND_PARTY_KINDS.map((kind) => (
            <Col key={kind} xs={24} xl={12}>
              <PartyCard
                kind={kind}
                party={partyOf(kind)}
                canEdit={canEditParties}
                onEdit={() => setEditingParty(kind)}
              />
            </Col>
          ))}
        </Row>
      </Card>
      <CompoundEditModal
        open={editing}
        compound={c}
        onClose={() => setEditing(false)}
        onReload={() => detail.refetch()}
        onSaved={afterSave}
      />
      {editingParty && (
        <PartyEditModal
          open
          compoundId={c.id}
          kind={editingParty}
          party={partyOf(editingParty)}
          onClose={() => setEditingParty(null)}
          onReload={() => detail.refetch()}
          onSaved={afterSave}
        />
      )}
    </PageContainer>
  );
};
