import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import {
  type CivicCaseEvent,
  type CivicCaseEventType,
  RATINGS,
  type Rating,
  URGENCIES,
  type Urgency,
  VOID_REASONS,
  type VoidReason,
} from '@linli/contracts';
import { Flex, Tag, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatTime } from '../../components/time.ts';
import { CaseFiles } from './CaseFiles.tsx';
import { useCivicCategories } from './useCivicCategories.ts';

/** Dot colours: red for what went wrong or back, green for what moved the case on to the end, grey for notes. */
const EVENT_COLORS: Partial<Record<CivicCaseEventType, string>> = {
  void: 'gray',
  merge: 'gray',
  send_back: 'red',
  reject: 'red',
  reopen: 'red',
  overdue: 'red',
  supervise: 'red',
  handle: 'green',
  verify: 'green',
  close: 'green',
  rate: 'green',
  comment: 'gray',
  follow: 'gray',
};

/** An internal note stands apart from what the reporter sees: a tinted block with its 内部 tag. */
const INTERNAL_NOTE_STYLE = {
  background: '#fafafa',
  borderInlineStart: '3px solid #d9d9d9',
  padding: '4px 8px',
  borderRadius: 4,
  fontSize: 13,
} as const;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isVoidReason = (v: unknown): v is VoidReason => VOID_REASONS.some((r) => r === v);
const isRating = (v: unknown): v is Rating => RATINGS.some((r) => r === v);
const unitName = (v: unknown): string | null => (isRecord(v) && typeof v.name === 'string' ? v.name : null);

const isUrgency = (v: unknown): v is Urgency => URGENCIES.some((u) => u === v);
const fromTo = (v: unknown): { from: unknown; to: unknown } | null =>
  isRecord(v) && 'to' in v ? { from: v.from, to: v.to } : null;

/**
 * What an event's data says, in words, for the keys the workflow writes (others are left out). `categoryName`
 * names a category id (a reclassification stores ids).
 */
export const eventFacts = (
  data: Record<string, unknown>,
  t: TFunction,
  categoryName: (id: string) => string | undefined = () => undefined,
): string[] => {
  const facts: string[] = [];
  const lv = (label: string, value: string) => facts.push(t('common.fmt.labelValue', { label, value }));
  const unit = unitName(data.unit);
  if (unit) lv(t('civic.fields.unit'), unit);
  const previous = unitName(data.previousUnit);
  if (previous) lv(t('civic.timeline.previousUnit'), previous);
  if (Array.isArray(data.assists) && data.assists.length > 0) {
    lv(t('civic.fields.assists'), data.assists.map(unitName).filter(Boolean).join(t('common.fmt.listSep')));
  }
  const category = fromTo(data.categoryId);
  if (category && typeof category.to === 'string') {
    const name = (v: unknown) => (typeof v === 'string' ? (categoryName(v) ?? '—') : '—');
    lv(t('civic.fields.category'), t('civic.timeline.moved', { from: name(category.from), to: name(category.to) }));
  }
  const urgency = fromTo(data.urgency);
  if (urgency && isUrgency(urgency.from) && isUrgency(urgency.to)) {
    const from = t(`civic.urgency.${urgency.from}`);
    lv(t('civic.fields.urgency'), t('civic.timeline.moved', { from, to: t(`civic.urgency.${urgency.to}`) }));
  }
  if (isVoidReason(data.voidReason)) lv(t('civic.fields.voidReason'), t(`civic.voidReason.${data.voidReason}`));
  if (typeof data.extraMinutes === 'number') {
    const m = data.extraMinutes;
    const amount =
      m % 1440 === 0 ? t('civic.deadline.days', { n: m / 1440 }) : t('civic.deadline.hours', { n: Math.round(m / 60) });
    lv(t('civic.timeline.extra'), amount);
  }
  if (typeof data.deferUntil === 'string') lv(t('civic.actionForm.deferUntil'), data.deferUntil);
  if (typeof data.grant === 'boolean') {
    lv(t('civic.timeline.decision'), data.grant ? t('civic.actionForm.grant') : t('civic.actionForm.refuse'));
  }
  if (typeof data.handleDeadlineAt === 'string')
    lv(t('civic.fields.handleDeadlineAt'), formatTime(data.handleDeadlineAt));
  if (data.endType === 'resolved' || data.endType === 'unresolved')
    lv(t('civic.actionForm.endType'), t(`civic.endType.${data.endType}`));
  if (typeof data.resolved === 'boolean') {
    lv(t('civic.timeline.resolved'), data.resolved ? t('civic.actionForm.yes') : t('civic.actionForm.no'));
  }
  if (isRating(data.rating)) lv(t('civic.fields.rating'), t(`civic.rating.${data.rating}`));
  if (typeof data.followersAdded === 'number' && data.followersAdded > 0) {
    lv(t('civic.timeline.followersAdded'), String(data.followersAdded));
  }
  if (data.cause === 'dissatisfied_rating') facts.push(t('civic.timeline.dissatisfied'));
  if (typeof data.reason === 'string' && data.reason) lv(t('civic.timeline.reason'), data.reason);
  return facts;
};

/** The other case of a merge, as a link: the one this case went into, or the one merged into this case. */
const MergeLink = ({ data }: { data: Record<string, unknown> }) => {
  const { t } = useTranslation();
  const link = (label: string, id: unknown, number: unknown) =>
    typeof id === 'string' && typeof number === 'string' ? (
      <Typography.Text style={{ fontSize: 13 }}>
        {label}
        <Link to={`/civic-cases/${id}`} className="mono" data-testid="civic-event-case-link">
          {number}
        </Link>
      </Typography.Text>
    ) : null;
  return (
    link(t('civic.timeline.intoCase'), data.intoCaseId, data.intoNumber) ??
    link(t('civic.timeline.mergedCase'), data.mergedCaseId, data.mergedNumber)
  );
};

const EventBody = ({ e }: { e: CivicCaseEvent }) => {
  const { t } = useTranslation();
  const { byId } = useCivicCategories();
  const facts = eventFacts(e.data, t, (id) => byId.get(id)?.name);
  const moved = e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus;
  return (
    <Flex vertical gap={4} style={{ paddingBottom: 4 }} data-testid={`civic-event-${e.type}`}>
      <Flex justify="space-between" align="baseline" gap={12} wrap>
        <Flex gap={8} align="baseline" wrap>
          <Typography.Text strong>{t(`civic.event.${e.type}`)}</Typography.Text>
          {moved && e.fromStatus && e.toStatus && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('civic.timeline.moved', {
                from: t(`civic.status.${e.fromStatus}`),
                to: t(`civic.status.${e.toStatus}`),
              })}
            </Typography.Text>
          )}
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {formatTime(e.at)}
        </Typography.Text>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {e.actorName ?? t('civic.timeline.system')}
      </Typography.Text>
      {e.deadline && (
        <Typography.Text style={{ fontSize: 12 }} data-testid="civic-event-deadline">
          {t('civic.timeline.deadline', { time: formatTime(e.deadline) })}
          {e.onTime === true && (
            <Typography.Text type="success" style={{ fontSize: 12, marginInlineStart: 8 }}>
              <CheckCircleFilled /> {t('civic.timeline.onTime')}
            </Typography.Text>
          )}
          {e.onTime === false && (
            <Typography.Text type="danger" style={{ fontSize: 12, marginInlineStart: 8 }}>
              <CloseCircleFilled /> {t('civic.timeline.late')}
            </Typography.Text>
          )}
        </Typography.Text>
      )}
      <MergeLink data={e.data} />
      {facts.map((f) => (
        <Typography.Text key={f} style={{ fontSize: 13 }}>
          {f}
        </Typography.Text>
      ))}
      {e.publicNote && (
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{e.publicNote}</Typography.Paragraph>
      )}
      {e.internalNote && (
        <div style={INTERNAL_NOTE_STYLE} data-testid="civic-event-internal">
          <Tag color="default" style={{ marginInlineEnd: 6 }}>
            {t('civic.timeline.internal')}
          </Tag>
          <span style={{ whiteSpace: 'pre-wrap' }}>{e.internalNote}</span>
        </div>
      )}
      <CaseFiles files={e.files} size={56} />
    </Flex>
  );
};

/** The case's whole history, oldest first: every step with who, when, its limit and whether it was kept. */
export const CaseTimeline = ({ events }: { events: readonly CivicCaseEvent[] }) => {
  const { t } = useTranslation();
  if (events.length === 0) return <Typography.Text type="secondary">{t('civic.timeline.empty')}</Typography.Text>;
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  return (
    <div data-testid="civic-timeline">
      <Timeline
        items={sorted.map((e) => ({
          key: e.id,
          color: e.onTime === false ? 'red' : (EVENT_COLORS[e.type] ?? 'blue'),
          content: <EventBody e={e} />,
        }))}
      />
    </div>
  );
};
