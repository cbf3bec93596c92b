import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import type { CivicCaseAction, CivicCaseDetail } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Flex, Row, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { CIVIC_CASES_KEY, civicCaseDetailKey, civicCasesApi } from '../../api/civicCases.ts';
import { useSession } from '../../app/session.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { CaseActionModal } from './CaseActionModal.tsx';
import { CaseActionsCard } from './CaseActionsCard.tsx';
import { CaseInfoCard } from './CaseInfoCard.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';
import { CivicCaseAccess } from './CivicCaseAccess.tsx';
import { CaseStatusTag, DeadlineText, EndTypeTag, UrgencyTag } from './caseTags.tsx';
import { MediationSlot } from './MediationSlot.tsx';
import { useNow } from './useNow.ts';

const CaseTitle = ({ d }: { d: CivicCaseDetail }) => {
  const { t } = useTranslation();
  const now = useNow();
  return (
    <Flex vertical gap={6}>
      <Flex gap={10} align="baseline" wrap>
        <Typography.Text className="mono" type="secondary" data-testid="civic-case-number">
          {d.number}
        </Typography.Text>
        <span>{d.title}</span>
      </Flex>
      <Flex gap={6} align="center" wrap style={{ fontSize: 14, fontWeight: 'normal' }}>
        <span data-testid="civic-case-status" data-status={d.status}>
          <CaseStatusTag status={d.status} />
        </span>
        <EndTypeTag endType={d.endType} />
        <UrgencyTag urgency={d.urgency} withLimit />
        {d.kind === 'mediation' && <Tag color="purple">{t('civic.kind.mediation')}</Tag>}
        {d.pendingRequest && <Tag color="warning">{t(`civic.pendingRequest.${d.pendingRequest}`)}</Tag>}
        {d.openSupervisions > 0 && <Tag color="red">{t('civic.detail.supervised', { n: d.openSupervisions })}</Tag>}
        {!d.endType && (
          <DeadlineText deadlineAt={d.deadlineAt} overdue={d.overdue} dueSoon={d.dueSoon} status={d.status} now={now} />
        )}
      </Flex>
    </Flex>
  );
};

const DetailBody = ({ id }: { id: string }) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<CivicCaseAction | null>(null);
  const detail = useQuery({ queryKey: civicCaseDetailKey(id), queryFn: () => civicCasesApi.get(id) });
  const back = (
    <Button
      icon={<ArrowLeftOutlined />}
      // Opened from a link or a bookmark there is no page of ours to go back to: go to the case centre.
      onClick={() => (location.key === 'default' ? navigate('/civic-cases') : navigate(-1))}
      data-testid="civic-case-back"
    >
      {t('common.actions.back')}
    </Button>
  );
  if (detail.isPending) {
    return (
      <PageContainer title={t('civic.detail.title')} extra={back}>
        <Card>
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      </PageContainer>
    );
  }
  if (detail.isError && !detail.data) {
    return (
      <PageContainer title={t('civic.detail.title')} extra={back}>
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
      </PageContainer>
    );
  }
  const d = detail.data;
  const stored = (updated: CivicCaseDetail) => {
    queryClient.setQueryData(civicCaseDetailKey(id), updated);
    void queryClient.invalidateQueries({ queryKey: [CIVIC_CASES_KEY, 'list'] });
  };
  return (
    <PageContainer
      title={<CaseTitle d={d} />}
      extra={
        <>
          <Button icon={<ReloadOutlined />} loading={detail.isFetching} onClick={() => void detail.refetch()}>
            {t('common.actions.refresh')}
          </Button>
          {back}
        </>
      }
    >
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            <CaseInfoCard detail={d} canReveal={can('civic_case.dispatch') || can('civic_case.handle')} />
            {d.kind === 'mediation' && <MediationSlot detail={d} />}
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            <CaseActionsCard detail={d} onAction={setAction} />
            <Card size="small" title={t('civic.detail.timeline')}>
              <CaseTimeline events={d.events} />
            </Card>
          </Flex>
        </Col>
      </Row>
      <CaseActionModal
        detail={d}
        action={action}
        onClose={() => setAction(null)}
        onDone={stored}
        onReload={() => detail.refetch()}
      />
    </PageContainer>
  );
};

/** `/civic-cases/:id`: one case with its timeline and the next steps this user may take. */
export const CivicCaseDetailPage = () => {
  const { id = '' } = useParams();
  return (
    <CivicCaseAccess>
      <DetailBody key={id} id={id} />
    </CivicCaseAccess>
  );
};
