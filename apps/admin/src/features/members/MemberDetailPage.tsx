import { ArrowLeftOutlined, EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import type { MemberDetail, MemberReveal, MemberRevealField, ReportInStatus } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  type DescriptionsProps,
  Flex,
  Row,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { memberDetailKey, membersApi } from '../../api/members.ts';
import { useSession } from '../../app/session.tsx';
import { EditButton } from '../../components/EditButton.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { formatTime } from '../../components/time.ts';
import { type DetailSource, useEditSnapshot, useStoreSaved } from '../../components/useDetailEditing.ts';
import { ethnicityLabel } from './ethnicities.ts';
import { MemberEditModal } from './MemberEditModal.tsx';
import { MemberReportInHistory } from './MemberReportInHistory.tsx';
import { MemberFlagTags, MemberStatusTag, ReportInTag } from './memberTags.tsx';
import { RevealModal } from './RevealModal.tsx';
import { REVEAL_SECONDS, useRevealTimer } from './useRevealTimer.ts';

const MEMBER: DetailSource<MemberDetail> = { key: memberDetailKey, get: membersApi.get, listKey: ['members', 'list'] };

type PiiProps = {
  field: MemberRevealField;
  masked: string | null;
  revealed: MemberReveal | null;
  canReveal: boolean;
  onReveal: (field: MemberRevealField) => void;
};

/** A masked value, its plain text while revealed, and 查看 for those who may reveal it. */
const PiiValue = ({ field, masked, revealed, canReveal, onReveal }: PiiProps) => {
  const { t } = useTranslation();
  if (masked === null) return <Typography.Text type="secondary">{t('member.detail.notRecorded')}</Typography.Text>;
  const plain = revealed?.[field];
  if (typeof plain === 'string') {
    return (
      <Typography.Text className="mono" mark data-testid={`member-plain-${field}`}>
        {plain}
      </Typography.Text>
    );
  }
  return (
    <Flex gap={8} align="center" wrap>
      <span className="mono" data-testid={`member-masked-${field}`}>
        {masked}
      </span>
      {canReveal && (
        <Button
          size="small"
          type="link"
          icon={<EyeOutlined />}
          onClick={() => onReveal(field)}
          data-testid={`member-reveal-${field}`}
        >
          {t('common.actions.view')}
        </Button>
      )}
    </Flex>
  );
};

const REPORT_IN_HINT_KEYS = {
  none: 'member.detail.reportInHint.none',
  pending: 'member.detail.reportInHint.pending',
  confirmed: 'member.detail.reportInHint.confirmed',
  rejected: 'member.detail.reportInHint.rejected',
} as const satisfies Record<ReportInStatus, string>;

const ReportInCard = ({ m }: { m: MemberDetail }) => {
  const { t } = useTranslation();
  const { can } = useSession();
  const needsReportIn = m.employment === 'in_service';
  return (
    <Card title={t('member.detail.reportIn')} size="small" data-testid="member-report-in">
      <Flex vertical gap={8}>
        <div>
          <ReportInTag status={m.reportInStatus} />
          {!needsReportIn && <Tag>{t('member.detail.reportInNotRequired')}</Tag>}
        </div>
        <Typography.Text type="secondary">
          {needsReportIn ? t(REPORT_IN_HINT_KEYS[m.reportInStatus]) : t('member.detail.reportInHint.notInService')}
        </Typography.Text>
        {can('report_in.manage') && m.compoundId && m.reportInStatus !== 'none' && (
          <Link to="/report-ins">{t('member.detail.reportInManage')}</Link>
        )}
        {can('report_in.manage') && m.reportInStatus !== 'none' && <MemberReportInHistory memberId={m.id} />}
      </Flex>
    </Card>
  );
};

/** One titled block of the record: a bordered label/value list. */
const InfoCard = ({ title, items }: { title: ReactNode; items: DescriptionsProps['items'] }) => (
  <Card title={title} size="small">
    <Descriptions bordered size="small" column={1} styles={{ label: { width: 120 } }} items={items} />
  </Card>
);

type InfoProps = { m: MemberDetail; pii: (field: MemberRevealField, masked: string | null) => ReactNode };

const PersonCard = ({ m, pii }: InfoProps) => {
  const { t } = useTranslation();
  return (
    <InfoCard
      title={t('member.detail.person')}
      items={[
        { key: 'name', label: t('member.fields.name'), children: m.name },
        { key: 'gender', label: t('member.fields.gender'), children: t(`member.gender.${m.gender}`) },
        { key: 'ethnicity', label: t('member.fields.ethnicity'), children: ethnicityLabel(m.ethnicity) },
        {
          key: 'birth',
          label: t('member.fields.birthDate'),
          children: t('member.detail.birthWithAge', { date: m.birthDate, age: m.age }),
        },
        { key: 'id', label: t('member.fields.idNumber'), children: pii('idNumber', m.idNumberMasked) },
        { key: 'phone', label: t('member.fields.phone'), children: pii('phone', m.phoneMasked) },
        {
          key: 'education',
          label: t('member.fields.education'),
          children: m.education ? t(`member.education.${m.education}`) : '—',
        },
        { key: 'address', label: t('member.fields.address'), children: pii('address', m.addressMasked) },
      ]}
    />
  );
};

const MembershipCard = ({ m }: { m: MemberDetail }) => {
  const { t } = useTranslation();
  return (
    <InfoCard
      title={t('member.detail.membership')}
      items={[
        { key: 'status', label: t('member.fields.status'), children: <MemberStatusTag status={m.status} /> },
        { key: 'flags', label: t('member.fields.flags'), children: <MemberFlagTags member={m} showNone /> },
        { key: 'joined', label: t('member.fields.joinedOn'), children: m.joinedOn },
        { key: 'full', label: t('member.fields.fullMemberOn'), children: m.fullMemberOn ?? '—' },
        { key: 'branch', label: t('member.fields.branch'), children: m.branchName ?? '—' },
        {
          key: 'employment',
          label: t('member.fields.employment'),
          children: t(`member.employment.${m.employment}`),
        },
        { key: 'workUnit', label: t('member.fields.workUnit'), children: m.workUnitName ?? '—' },
        {
          key: 'compound',
          label: t('member.fields.compound'),
          children: m.compoundId ? <Link to={`/compounds/${m.compoundId}`}>{m.compoundName}</Link> : '—',
        },
        {
          key: 'household',
          label: t('member.fields.household'),
          children: m.householdId ? t('member.detail.householdLinked') : t('member.detail.householdNone'),
        },
        {
          key: 'account',
          label: t('member.fields.hasAccount'),
          children: m.hasAccount ? (
            <Tag color="green">{t('member.detail.accountYes')}</Tag>
          ) : (
            <Tag>{t('member.detail.accountNo')}</Tag>
          ),
        },
        {
          key: 'times',
          label: t('member.fields.updatedAt'),
          children: t('member.detail.times', { created: formatTime(m.createdAt), updated: formatTime(m.updatedAt) }),
        },
      ]}
    />
  );
};

const RevealBanner = ({ left, onHide }: { left: number; onHide: () => void }) => {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('member.reveal.showing', { seconds: left })}
      description={t('member.reveal.audited')}
      action={
        <Button size="small" icon={<EyeInvisibleOutlined />} onClick={onHide} data-testid="member-reveal-hide">
          {t('member.reveal.hide')}
        </Button>
      }
      data-testid="member-reveal-banner"
    />
  );
};

const availableFields = (m: MemberDetail): MemberRevealField[] => [
  'idNumber',
  ...(m.phoneMasked ? (['phone'] as const) : []),
  ...(m.addressMasked ? (['address'] as const) : []),
];

/** `/members/:id`: every field, masked PII with an audited 查看, 编辑 with If-Match, and the 双报到 state. */
export const MemberDetailPage = () => {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const detail = useQuery({ queryKey: memberDetailKey(id), queryFn: () => membersApi.get(id), enabled: !!id });
  const edit = useEditSnapshot<MemberDetail>();
  const onSaved = useStoreSaved(MEMBER);
  const revealed = useRevealTimer();
  const [revealing, setRevealing] = useState<MemberRevealField | null>(null);

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
      {t('common.actions.back')}
    </Button>
  );
  if (detail.isPending || detail.isError) {
    return (
      <PageContainer title={t('member.detailTitle')} extra={back}>
        {detail.isPending ? (
          <Card>
            <Skeleton active paragraph={{ rows: 10 }} />
          </Card>
        ) : (
          <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
        )}
      </PageContainer>
    );
  }
  const m = detail.data;
  const pii = (field: MemberRevealField, masked: string | null) => (
    <PiiValue
      field={field}
      masked={masked}
      revealed={revealed.values}
      canReveal={m.abilities.reveal}
      onReveal={setRevealing}
    />
  );
  return (
    <PageContainer
      title={
        <Flex gap={8} align="center">
          {m.name}
          <MemberStatusTag status={m.status} />
        </Flex>
      }
      subTitle={[m.branchName, m.compoundName].filter(Boolean).join(' · ') || undefined}
      extra={
        <>
          {back}
          {m.abilities.update && <EditButton onClick={() => edit.start(m)} data-testid="member-edit" />}
        </>
      }
    >
      {revealed.values && <RevealBanner left={revealed.left} onHide={revealed.hide} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Flex vertical gap={16}>
            <PersonCard m={m} pii={pii} />
            <ReportInCard m={m} />
          </Flex>
        </Col>
        <Col xs={24} xl={12}>
          <MembershipCard m={m} />
        </Col>
      </Row>
      <RevealModal
        memberId={m.id}
        available={availableFields(m)}
        initial={revealing}
        seconds={REVEAL_SECONDS}
        onClose={() => setRevealing(null)}
        onRevealed={revealed.show}
      />
      <MemberEditModal
        open={edit.open}
        member={edit.base}
        onClose={edit.close}
        onReload={async () => {
          const fresh = await detail.refetch();
          if (fresh.data) edit.replace(fresh.data);
        }}
        onSaved={(saved) => {
          revealed.hide();
          onSaved(saved);
        }}
      />
    </PageContainer>
  );
};
