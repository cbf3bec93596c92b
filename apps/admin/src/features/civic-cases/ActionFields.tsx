import type { CaseActionBodySchema, CivicCaseAction, CivicCaseDetail } from '@linli/contracts';
import { RATINGS, URGENCIES, VOID_REASONS } from '@linli/contracts';
import { Alert, DatePicker, Flex, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { contractRule, requiredRule } from '../../components/validation.ts';
import { CasePhotoField } from './CasePhotoField.tsx';
import { CaseSearchSelect } from './CaseSearchSelect.tsx';
import { eventFacts } from './CaseTimeline.tsx';
import { CategoryTreeSelect } from './CategoryTreeSelect.tsx';
import { DispatchFields } from './DispatchFields.tsx';

type Shape = (typeof CaseActionBodySchema)['shape'];

const NoteField = ({
  name,
  kind,
  required = false,
  shape,
}: {
  name: 'publicNote' | 'internalNote' | 'reason';
  kind: 'public' | 'internal' | 'reason' | 'result';
  required?: boolean;
  shape: Shape;
}) => {
  const { t } = useTranslation();
  const max = name === 'reason' ? 500 : 1000;
  return (
    <Form.Item
      name={name}
      label={t(`civic.actionForm.note.${kind}`)}
      extra={t(`civic.actionForm.noteHint.${kind}`)}
      rules={[...(required ? [requiredRule(t)] : []), contractRule(shape[name], t)]}
    >
      <Input.TextArea rows={3} maxLength={max} showCount data-testid={`civic-action-${name}`} />
    </Form.Item>
  );
};

/** The request being decided, as its unit asked for it: how much time or until when, and why. */
const PendingRequest = ({ detail }: { detail: CivicCaseDetail }) => {
  const { t } = useTranslation();
  const request = [...detail.events]
    .sort((a, b) => b.seq - a.seq)
    .find((e) => e.type === 'request_extension' || e.type === 'request_deferral');
  if (!detail.pendingRequest) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={t(`civic.actionForm.requestKind.${detail.pendingRequest}`, { unit: detail.unit?.name ?? '' })}
      description={
        request ? (
          <Flex vertical>
            {eventFacts(request.data, t).map((f) => (
              <span key={f}>{f}</span>
            ))}
            {request.publicNote && <span>{request.publicNote}</span>}
          </Flex>
        ) : undefined
      }
      data-testid="civic-pending-request"
    />
  );
};

type Props = { action: CivicCaseAction; detail: CivicCaseDetail; shape: Shape };

/** Exactly the fields one workflow action needs (the body each one sends is built by `actionBody`). */
export const ActionFields = ({ action, detail, shape }: Props) => {
  const { t } = useTranslation();
  const note = (kind: 'public' | 'internal') => (
    <NoteField name={kind === 'public' ? 'publicNote' : 'internalNote'} kind={kind} shape={shape} />
  );
  const reason = (required: boolean) => <NoteField name="reason" kind="reason" required={required} shape={shape} />;
  switch (action) {
    case 'triage':
    case 'accept':
      return (
        <>
          <Form.Item
            name="categoryId"
            label={t('civic.fields.category')}
            extra={t('civic.actionForm.correctHint')}
            rules={[requiredRule(t)]}
          >
            <CategoryTreeSelect activeOnly data-testid="civic-action-category" />
          </Form.Item>
          <Form.Item name="urgency" label={t('civic.fields.urgency')} rules={[requiredRule(t)]}>
            <Select
              options={URGENCIES.map((u) => ({ value: u, label: t(`civic.urgencyWithLimit.${u}`) }))}
              data-testid="civic-action-urgency"
            />
          </Form.Item>
          {note('internal')}
        </>
      );
    case 'void':
      return (
        <>
          <Form.Item name="voidReason" label={t('civic.fields.voidReason')} rules={[requiredRule(t)]}>
            <Select
              options={VOID_REASONS.map((r) => ({ value: r, label: t(`civic.voidReason.${r}`) }))}
              data-testid="civic-action-void-reason"
            />
          </Form.Item>
          {note('public')}
        </>
      );
    case 'merge':
      return (
        <>
          <Form.Item
            name="intoCaseId"
            label={t('civic.actionForm.intoCase')}
            extra={t('civic.actionForm.intoCaseHint')}
            rules={[requiredRule(t)]}
          >
            <CaseSearchSelect excludeId={detail.id} data-testid="civic-action-into-case" />
          </Form.Item>
          {note('internal')}
        </>
      );
    case 'dispatch':
    case 'reassign':
      return <DispatchFields detail={detail} shape={shape} />;
    case 'request_extension':
      return (
        <>
          <Form.Item label={t('civic.actionForm.extra')} required extra={t('civic.actionForm.extraHint')}>
            <Space.Compact>
              <Form.Item name="extraAmount" noStyle rules={[requiredRule(t)]}>
                <InputNumber min={1} max={1440} precision={0} style={{ width: 140 }} data-testid="civic-action-extra" />
              </Form.Item>
              <Form.Item name="extraUnit" noStyle>
                <Select
                  style={{ width: 100 }}
                  options={[
                    { value: 'hours', label: t('civic.actionForm.hours') },
                    { value: 'days', label: t('civic.actionForm.days') },
                  ]}
                  data-testid="civic-action-extra-unit"
                />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
          {reason(true)}
        </>
      );
    case 'request_deferral':
      return (
        <>
          <Form.Item
            name="deferUntil"
            label={t('civic.actionForm.deferUntil')}
            extra={t('civic.actionForm.deferHint')}
            rules={[requiredRule(t)]}
          >
            <DatePicker
              disabledDate={(d) => !d.isAfter(dayjs(), 'day') || d.isAfter(dayjs().add(1, 'year'))}
              data-testid="civic-action-defer-until"
            />
          </Form.Item>
          {reason(true)}
        </>
      );
    case 'decide_request':
      return (
        <>
          <PendingRequest detail={detail} />
          <Form.Item name="grant" label={t('civic.actionForm.decision')}>
            <Radio.Group
              options={[
                { value: true, label: t('civic.actionForm.grant') },
                { value: false, label: t('civic.actionForm.refuse') },
              ]}
              data-testid="civic-action-grant"
            />
          </Form.Item>
          {reason(false)}
        </>
      );
    case 'handle':
      return (
        <>
          <NoteField name="publicNote" kind="result" required shape={shape} />
          <CasePhotoField
            name="photos"
            label={t('civic.actionForm.resultPhotos')}
            data-testid="civic-action-photo-add"
          />
          {note('internal')}
        </>
      );
    case 'close':
      return (
        <>
          <Form.Item name="endType" label={t('civic.actionForm.endType')} extra={t('civic.actionForm.endTypeHint')}>
            <Radio.Group
              options={[
                { value: 'resolved', label: t('civic.endType.resolved') },
                { value: 'unresolved', label: t('civic.endType.unresolved') },
              ]}
              data-testid="civic-action-end-type"
            />
          </Form.Item>
          {note('public')}
        </>
      );
    case 'rate':
      return (
        <>
          <Form.Item name="resolved" label={t('civic.actionForm.resolved')}>
            <Radio.Group
              options={[
                { value: true, label: t('civic.actionForm.yes') },
                { value: false, label: t('civic.actionForm.no') },
              ]}
              data-testid="civic-action-resolved"
            />
          </Form.Item>
          <Form.Item name="rating" label={t('civic.fields.rating')} rules={[requiredRule(t)]}>
            <Radio.Group
              options={RATINGS.map((r) => ({ value: r, label: t(`civic.rating.${r}`) }))}
              data-testid="civic-action-rating"
            />
          </Form.Item>
          <NoteField name="publicNote" kind="public" shape={shape} />
        </>
      );
    case 'send_back':
    case 'reject':
    case 'reopen':
    case 'supervise':
      return reason(true);
    case 'comment':
      return (
        <>
          <Form.Item name="noteKind" label={t('civic.actionForm.noteKind')}>
            <Radio.Group
              options={[
                { value: 'internal', label: t('civic.actionForm.internal') },
                { value: 'public', label: t('civic.actionForm.public') },
              ]}
              data-testid="civic-action-note-kind"
            />
          </Form.Item>
          <Form.Item
            name="note"
            label={t('civic.actionForm.note.comment')}
            rules={[requiredRule(t), contractRule(shape.publicNote, t)]}
          >
            <Input.TextArea rows={3} maxLength={1000} showCount data-testid="civic-action-note" />
          </Form.Item>
        </>
      );
    case 'contact':
      return note('internal');
    case 'sign':
    case 'start':
    case 'resume':
    case 'verify':
      return note('public');
  }
};
