import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Select, Skeleton, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import type { CSSProperties } from 'react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CalendarDay, calendarKey, civicSettingsApi } from '../../api/civicSettings.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ZONE } from '../../components/time.ts';
import { CalendarDayModal, type CalendarDayState } from './CalendarDayModal.tsx';

type Kind = 'holiday' | 'makeup' | 'weekend' | 'workday';

const KIND_STYLE: Record<Kind, CSSProperties> = {
  holiday: { background: '#fff1f0', color: '#cf1322', fontWeight: 600 },
  makeup: { background: '#e6f4ff', color: '#0958d9', fontWeight: 600 },
  weekend: { background: '#f5f5f5', color: 'rgba(0, 0, 0, 0.45)' },
  workday: { background: '#fff', color: 'rgba(0, 0, 0, 0.88)' },
};
/** The county's own days carry an amber ring, whatever they say. */
const COUNTY_RING = 'inset 0 0 0 2px #faad14';

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
const pad = (n: number) => String(n).padStart(2, '0');

/** Saturday or Sunday, by the date alone (no zone involved). */
const isWeekend = (day: string): boolean => {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 || d === 6;
};

const kindOf = (weekend: boolean, entry: CalendarDay | undefined): Kind => {
  if (entry) return entry.workday ? (weekend ? 'makeup' : 'workday') : 'holiday';
  return weekend ? 'weekend' : 'workday';
};

const Legend = () => {
  const { t } = useTranslation();
  const swatch = (style: CSSProperties) => (
    <span style={{ display: 'inline-block', width: 14, height: 14, borderRadius: 3, ...style }} />
  );
  return (
    <Flex gap={16} wrap>
      {(['holiday', 'makeup', 'weekend'] as const).map((k) => (
        <Flex key={k} gap={6} align="center">
          {swatch({ ...KIND_STYLE[k], border: '1px solid #d9d9d9' })}
          <Typography.Text>{t(`civicSettings.calendar.legend.${k}`)}</Typography.Text>
        </Flex>
      ))}
      <Flex gap={6} align="center">
        {swatch({ boxShadow: COUNTY_RING })}
        <Typography.Text>{t('civicSettings.calendar.legend.county')}</Typography.Text>
      </Flex>
    </Flex>
  );
};

type MonthProps = {
  year: number;
  month: number;
  entries: ReadonlyMap<string, CalendarDay>;
  today: string;
  onPick: (state: NonNullable<CalendarDayState>) => void;
};

/** One month as a Monday-first grid of days, coloured by holiday, make-up workday and weekend. */
const MonthGrid = ({ year, month, entries, today, onPick }: MonthProps) => {
  const { t } = useTranslation();
  const first = new Date(Date.UTC(year, month - 1, 1));
  const offset = (first.getUTCDay() + 6) % 7;
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const weekdays = t('civicSettings.calendar.weekdays').split(',');
  const cells = Array.from({ length: offset + length }, (_, i) => (i < offset ? null : i - offset + 1));
  return (
    <Card size="small" title={t('civicSettings.calendar.month', { m: month })} styles={{ body: { padding: 8 } }}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 3 }}>
        {weekdays.map((w) => (
          <Typography.Text key={w} type="secondary" style={{ textAlign: 'center', fontSize: 12 }}>
            {w}
          </Typography.Text>
        ))}
        {cells.map((date, i) => {
          if (date === null) return <span key={`blank-${i.toString()}`} />;
          const day = `${year}-${pad(month)}-${pad(date)}`;
          const weekend = isWeekend(day);
          const entry = entries.get(day);
          const kind = kindOf(weekend, entry);
          const label =
            entry?.name ||
            (kind === 'workday'
              ? t('civicSettings.calendar.stateWorkday')
              : t(`civicSettings.calendar.legend.${kind}`));
          const cell = (
            <button
              key={day}
              type="button"
              onClick={() => onPick({ day, weekend, entry: entry ?? null })}
              data-testid={`calendar-day-${day}`}
              data-kind={kind}
              aria-label={`${day} ${entry?.name ?? ''}`}
              style={{
                ...KIND_STYLE[kind],
                boxShadow: entry?.source === 'county' ? COUNTY_RING : undefined,
                outline: day === today ? '2px solid #8c1c22' : undefined,
                outlineOffset: -2,
                border: 'none',
                borderRadius: 4,
                height: 30,
                fontSize: 13,
                cursor: 'pointer',
                padding: 0,
              }}
            >
              {date}
            </button>
          );
          return entry || kind === 'weekend' ? (
            <Tooltip key={day} title={label} mouseEnterDelay={0.3}>
              {cell}
            </Tooltip>
          ) : (
            <span key={day} style={{ display: 'contents' }}>
              {cell}
            </span>
          );
        })}
      </div>
    </Card>
  );
};

/** 工作日历: the year's statutory holidays, 调休 make-up days and the county's own days; a click sets a day. */
export const CalendarTab = () => {
  const { t } = useTranslation();
  const now = dayjs().tz(ZONE);
  const thisYear = now.year();
  const today = now.format('YYYY-MM-DD');
  const [year, setYear] = useState(thisYear);
  const [picked, setPicked] = useState<CalendarDayState>(null);
  const calendar = useQuery({ queryKey: calendarKey(year), queryFn: () => civicSettingsApi.calendar(year) });
  const entries = useMemo(() => new Map((calendar.data?.days ?? []).map((d) => [d.day, d])), [calendar.data]);
  const years = Array.from({ length: 6 }, (_, i) => thisYear - 3 + i);
  if (!years.includes(year)) years.push(year);

  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Flex justify="space-between" align="center" gap={16} wrap>
          <Flex gap={8} align="center">
            <Typography.Text>{t('civicSettings.calendar.year')}</Typography.Text>
            <Button
              icon={<LeftOutlined />}
              aria-label={t('civicSettings.calendar.prevYear')}
              disabled={year <= 2000}
              onClick={() => setYear((y) => y - 1)}
            />
            <Select
              value={year}
              style={{ width: 110 }}
              onChange={setYear}
              options={years.sort((a, b) => a - b).map((y) => ({ value: y, label: String(y) }))}
              data-testid="calendar-year"
            />
            <Button
              icon={<RightOutlined />}
              aria-label={t('civicSettings.calendar.nextYear')}
              disabled={year >= 2100}
              onClick={() => setYear((y) => y + 1)}
            />
          </Flex>
          <Legend />
        </Flex>
        <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
          {t('civicSettings.calendar.hint')}
        </Typography.Paragraph>
      </Card>
      {calendar.data && !calendar.data.published && (
        <Alert
          type="warning"
          showIcon
          title={t('civicSettings.calendar.unpublished')}
          data-testid="calendar-unpublished"
        />
      )}
      {calendar.isError && !calendar.data ? (
        <ErrorState error={calendar.error} onRetry={() => void calendar.refetch()} />
      ) : calendar.isPending ? (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : (
        <div
          style={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fill, minmax(250px, 1fr))',
            gap: 12,
            opacity: calendar.isFetching ? 0.6 : 1,
          }}
        >
          {MONTHS.map((month) => (
            <MonthGrid key={month} year={year} month={month} entries={entries} today={today} onPick={setPicked} />
          ))}
        </div>
      )}
      <CalendarDayModal state={picked} onClose={() => setPicked(null)} />
    </Flex>
  );
};
