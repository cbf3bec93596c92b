import { SearchOutlined } from '@ant-design/icons';
import type { WorkUnitFeedbackQuery } from '@linli/contracts';
import { Button, Card, Flex, Form, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ZONE } from '../../components/time.ts';
import { requiredRule } from '../../components/validation.ts';
import { useWorkUnitOption, WorkUnitSelect } from '../work-units/WorkUnitSelect.tsx';
import { FeedbackDocuments } from './FeedbackDocuments.tsx';
import { FeedbackPreview } from './FeedbackPreview.tsx';

type Values = { workUnitId?: string; year: number; quarter: number };

const QUARTERS = [1, 2, 3, 4] as const;
const YEARS_BACK = 5;

/** The selection lives in the URL (a work unit's page links here with `workUnitId`). */
const useSelection = (): [Values, (v: Values) => void] => {
  const [params, setParams] = useSearchParams();
  const now = dayjs().tz(ZONE);
  const year = Number(params.get('year'));
  const quarter = Number(params.get('quarter'));
  const values: Values = {
    workUnitId: params.get('workUnitId') ?? undefined,
    year: year >= 2000 && year <= now.year() ? year : now.year(),
    quarter: quarter >= 1 && quarter <= 4 ? quarter : Math.floor(now.month() / 3) + 1,
  };
  const set = (v: Values) => {
    const next = new URLSearchParams({ year: String(v.year), quarter: String(v.quarter) });
    if (v.workUnitId) next.set('workUnitId', v.workUnitId);
    setParams(next, { replace: true });
  };
  return [values, set];
};

/** `/work-unit-feedback`: a unit's quarter (八小时外) as a table and a Word document, and the documents so far. */
export const FeedbackPage = () => {
  const { t } = useTranslation();
  const [selection, setSelection] = useSelection();
  const [generatedId, setGeneratedId] = useState<string | null>(null);
  const thisYear = dayjs().tz(ZONE).year();
  const knownUnit = useWorkUnitOption(selection.workUnitId);
  const query: WorkUnitFeedbackQuery | null = selection.workUnitId
    ? { workUnitId: selection.workUnitId, year: selection.year, quarter: selection.quarter }
    : null;

  return (
    <PageContainer title={t('member.feedback.title')} subTitle={t('member.feedback.subTitle')}>
      <Card size="small" className="filter-card">
        <Form<Values> layout="inline" initialValues={selection} onFinish={setSelection}>
          <Form.Item name="workUnitId" rules={[requiredRule(t)]}>
            <WorkUnitSelect
              placeholder={t('member.feedback.pickUnit')}
              style={{ width: 300 }}
              knownOptions={knownUnit}
              data-testid="feedback-work-unit"
            />
          </Form.Item>
          <Form.Item name="year">
            <Select
              style={{ width: 110 }}
              options={Array.from({ length: YEARS_BACK }, (_, i) => thisYear - i).map((y) => ({
                value: y,
                label: t('member.feedback.yearN', { year: y }),
              }))}
              data-testid="feedback-year"
            />
          </Form.Item>
          <Form.Item name="quarter">
            <Select
              style={{ width: 120 }}
              options={QUARTERS.map((q) => ({ value: q, label: t('member.feedback.quarterN', { quarter: q }) }))}
              data-testid="feedback-quarter"
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="feedback-preview-submit">
              {t('member.feedback.preview')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Flex vertical gap={16}>
        {query ? (
          <FeedbackPreview key={JSON.stringify(query)} query={query} onGenerated={(d) => setGeneratedId(d.id)} />
        ) : (
          <Card size="small">
            <Typography.Text type="secondary">{t('member.feedback.pickFirst')}</Typography.Text>
          </Card>
        )}
        <FeedbackDocuments
          filters={selection.workUnitId ? { workUnitId: selection.workUnitId } : {}}
          highlightId={generatedId}
          title={selection.workUnitId ? t('member.feedback.docsOfUnit') : t('member.feedback.docsAll')}
        />
      </Flex>
    </PageContainer>
  );
};
