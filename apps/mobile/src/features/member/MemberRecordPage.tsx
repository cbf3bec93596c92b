import type { MyMemberRecord } from '@linli/contracts';
import { List, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageShell } from '../../components/PageShell.tsx';
import { PageSkeleton } from '../../components/StateBlocks.tsx';
import { formatCount, formatDate, formatHours } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/index.ts';
import { ReportInTag } from '../report-in/ReportInTag.tsx';
import { MemberErrorState } from './MemberErrorState.tsx';
import { useMyRecord } from './member-queries.ts';

/** 我的党员档案: who I am in the Party, where I report in, my posts, my services and how residents rated them. */
export default function MemberRecordPage() {
  const { t } = useTranslation();
  const record = useMyRecord();
  return (
    <PageShell title={t('member.title')} backTo="/" testId="h5-member">
      {record.isPending ? (
        <PageSkeleton blocks={3} />
      ) : record.isError ? (
        <MemberErrorState error={record.error} onRetry={() => void record.refetch()} />
      ) : (
        <RecordBody record={record.data} />
      )}
    </PageShell>
  );
}

function RecordBody({ record }: { record: MyMemberRecord }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const locale = currentLocale();
  const none = t('common.none');
  const inService = record.employment === 'in_service';
  const { thisYear, allTime } = record.services;
  const stats = [
    { label: t('member.servicesThisYear'), value: formatCount(thisYear.count, locale) },
    { label: t('member.hoursThisYear'), value: formatHours(thisYear.hours, locale) },
    { label: t('member.servicesAllTime'), value: formatCount(allTime.count, locale) },
    { label: t('member.hoursAllTime'), value: formatHours(allTime.hours, locale) },
  ];
  const ratings = [
    { key: 'satisfied', label: t('rating.satisfied'), value: record.ratings.satisfied },
    { key: 'basically', label: t('rating.basically_satisfied'), value: record.ratings.basicallySatisfied },
    { key: 'dissatisfied', label: t('rating.dissatisfied'), value: record.ratings.dissatisfied },
  ];

  return (
    <>
      <section className="card member-card" data-testid="h5-member-card">
        <div className="title-row">
          <h2 className="member-name" data-testid="h5-member-name">
            {record.name}
          </h2>
          <div className="tag-row">
            <Tag color="danger" fill="outline" className="status-tag">
              {t(`member.status.${record.status}`)}
            </Tag>
            <Tag color="default" fill="outline" className="status-tag">
              {t(`member.employment.${record.employment}`)}
            </Tag>
          </div>
        </div>
        <dl className="facts">
          <dt>{t('member.branch')}</dt>
          <dd>{record.branchName ?? none}</dd>
          <dt>{t('member.compound')}</dt>
          <dd>{record.compoundName ?? none}</dd>
          <dt>{t('member.household')}</dt>
          <dd>{record.householdLabel ?? none}</dd>
          <dt>{t('member.phone')}</dt>
          <dd className="mono">{record.phoneMasked ?? none}</dd>
        </dl>
      </section>

      <List header={t('member.reportInHeader')} mode="card">
        <List.Item
          arrowIcon
          onClick={() => navigate('/member/report-in')}
          description={
            inService
              ? record.reportIn.date
                ? t(`member.reportInDate.${record.reportIn.status}`, {
                    date: formatDate(record.reportIn.date, locale),
                    compound: record.reportIn.compoundName ?? record.compoundName ?? '',
                  })
                : t('member.reportInNone')
              : t('member.reportInNotNeeded')
          }
          extra={inService ? <ReportInTag status={record.reportIn.status} /> : null}
          data-testid="h5-member-report-in"
        >
          {t('reportIn.title')}
        </List.Item>
      </List>

      <section className="card" data-testid="h5-member-services">
        <h2 className="section-title">{t('member.servicesHeader')}</h2>
        <ul className="stats">
          {stats.map((stat) => (
            <li key={stat.label} className="stat">
              <span className="stat-value">{stat.value}</span>
              <span className="stat-label">{stat.label}</span>
            </li>
          ))}
        </ul>
        <h3 className="sub-title">{t('member.ratingsHeader')}</h3>
        <ul className="rating-counts">
          {ratings.map((rating) => (
            <li key={rating.key} className={`rating-count rating-${rating.key}`}>
              <span className="rating-count-value">{formatCount(rating.value, locale)}</span>
              <span className="rating-count-label">{rating.label}</span>
            </li>
          ))}
        </ul>
      </section>

      <List header={t('member.postsHeader')} mode="card" data-testid="h5-member-posts">
        {record.posts.length === 0 ? (
          <List.Item arrowIcon onClick={() => navigate('/member/posts')} description={t('member.noPostsHint')}>
            {t('member.noPosts')}
          </List.Item>
        ) : (
          record.posts.map((post) => (
            <List.Item key={post.postId} description={post.compoundName}>
              {post.title}
            </List.Item>
          ))
        )}
      </List>

      {record.linkedHouseholds.length > 0 ? (
        <List header={t('member.linkedHeader')} mode="card" data-testid="h5-member-households">
          {record.linkedHouseholds.map((link) => (
            <List.Item key={link.linkId} description={link.compoundName}>
              {link.label}
            </List.Item>
          ))}
        </List>
      ) : null}
    </>
  );
}
