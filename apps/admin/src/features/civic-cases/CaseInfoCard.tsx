import type { CaseAnswers, CategoryQuestion, CivicCaseDetail, Unit } from '@linli/contracts';
import { Card, Descriptions, type DescriptionsProps, Flex, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatTime } from '../../components/time.ts';
import { CaseFiles } from './CaseFiles.tsx';
import { unitText } from './caseTags.tsx';
import { ReporterValue } from './RevealReporter.tsx';
import { useCivicCategories } from './useCivicCategories.ts';

const dash = '—';

/** One answer in words: option names for the list types, a formatted time for datetimes. */
const answerText = (q: CategoryQuestion | undefined, value: CaseAnswers[string], t: TFunction): string => {
  const optionName = (key: string) => q?.options.find((o) => o.key === key)?.name ?? key;
  if (Array.isArray(value)) return value.map(optionName).join(t('common.fmt.listSep'));
  if (typeof value === 'number') return String(value);
  if (q?.type === 'datetime') return formatTime(value);
  if (q?.type === 'singlevaluelist') return optionName(value);
  return value;
};

const placeText = (d: CivicCaseDetail, t: TFunction): string => {
  const parts = [
    d.building && t('civic.detail.building', { v: d.building }),
    d.unitNo && t('civic.detail.unitNo', { v: d.unitNo }),
    d.room && t('civic.detail.room', { v: d.room }),
  ];
  const inside = parts.filter(Boolean).join(' ');
  return [d.compoundName, inside, d.addressText].filter(Boolean).join(' · ');
};

const CaseLink = ({ c }: { c: { id: string; number: string } }) => (
  <Link to={`/civic-cases/${c.id}`} className="mono" data-testid="civic-case-link">
    {c.number}
  </Link>
);

type Props = { detail: CivicCaseDetail; canReveal: boolean };

/** What the case is: category, nature, channel, place, reporter, units, links, rating, the description and photos. */
export const CaseInfoCard = ({ detail: d, canReveal }: Props) => {
  const { t } = useTranslation();
  const { byId } = useCivicCategories();
  const questions = byId.get(d.categoryId)?.questions ?? [];
  const reportFiles = d.files.filter((f) => f.kind === 'report');
  const unitLabel = (u: Unit) => unitText(u, t);

  const items: DescriptionsProps['items'] = [
    { key: 'category', label: t('civic.fields.category'), children: d.categoryName },
    {
      key: 'nature',
      label: t('civic.fields.nature'),
      children: `${t(`civic.nature.${d.nature}`)} · ${t(`civic.kind.${d.kind}`)}`,
    },
    { key: 'channel', label: t('civic.fields.channel'), children: t(`civic.channel.${d.channel}`) },
    { key: 'received', label: t('civic.fields.createdAt'), children: formatTime(d.createdAt) },
    { key: 'place', label: t('civic.fields.place'), span: 2, children: placeText(d, t) },
    {
      key: 'reporter',
      label: t('civic.fields.reporter'),
      span: 2,
      children: <ReporterValue detail={d} canReveal={canReveal} />,
    },
    { key: 'unit', label: t('civic.fields.unit'), children: d.unit ? unitLabel(d.unit) : dash },
    {
      key: 'assists',
      label: t('civic.fields.assists'),
      children: d.assists.length ? (
        <Flex gap={4} wrap>
          {d.assists.map((u) => (
            <Tag key={`${u.kind}:${u.id}`}>{unitLabel(u)}</Tag>
          ))}
        </Flex>
      ) : (
        dash
      ),
    },
    { key: 'followers', label: t('civic.fields.followers'), children: d.followerCount },
    { key: 'rework', label: t('civic.fields.reworkCount'), children: d.reworkCount },
  ];
  if (d.mergedInto) {
    items.push({
      key: 'mergedInto',
      label: t('civic.detail.mergedInto'),
      span: 2,
      children: <CaseLink c={d.mergedInto} />,
    });
  }
  if (d.merged.length > 0) {
    items.push({
      key: 'merged',
      label: t('civic.detail.merged'),
      span: 2,
      children: (
        <Flex gap={8} wrap>
          {d.merged.map((c) => (
            <CaseLink key={c.id} c={c} />
          ))}
        </Flex>
      ),
    });
  }
  if (d.voidReason)
    items.push({
      key: 'void',
      label: t('civic.fields.voidReason'),
      span: 2,
      children: t(`civic.voidReason.${d.voidReason}`),
    });
  if (d.rating) {
    const r = d.rating;
    items.push({
      key: 'rating',
      label: t('civic.fields.rating'),
      span: 2,
      children: (
        <Flex vertical gap={2} data-testid="civic-rating">
          <span>
            {t(`civic.rating.${r.rating}`)} ·{' '}
            {r.resolved ? t('civic.detail.ratedResolved') : t('civic.detail.ratedUnresolved')} ·{' '}
            {r.byReporter ? t('civic.detail.byReporter') : t('civic.detail.byReturnVisit')}
          </span>
          {r.comment && <Typography.Text type="secondary">{r.comment}</Typography.Text>}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatTime(r.ratedAt)}
          </Typography.Text>
        </Flex>
      ),
    });
  }

  const answers = Object.entries(d.answers);
  return (
    <Card size="small" title={t('civic.detail.info')} data-testid="civic-case-info">
      <Descriptions bordered size="small" column={2} styles={{ label: { width: 110 } }} items={items} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('civic.fields.description')}
      </Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.description}</Typography.Paragraph>
      {answers.length > 0 && (
        <Descriptions
          title={t('civic.detail.answers')}
          bordered
          size="small"
          column={1}
          styles={{ label: { width: 160 } }}
          items={answers.map(([code, value]) => {
            const q = questions.find((x) => x.code === code);
            return { key: code, label: q?.label ?? code, children: answerText(q, value, t) };
          })}
          style={{ marginBottom: 16 }}
        />
      )}
      {reportFiles.length > 0 && (
        <>
          <Typography.Title level={5}>{t('civic.fields.photos')}</Typography.Title>
          <CaseFiles files={reportFiles} size={88} data-testid="civic-case-photos" />
        </>
      )}
    </Card>
  );
};
