import type { Mediation } from '@linli/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Button, DatePicker, Flex, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { type AddMediationSessionBody, mediationApi } from '../../api/civicSettings.ts';
import { FormErrorAlert } from '../../components/ErrorState.tsx';
import { ZONE } from '../../components/time.ts';
import { useIdempotencyKey } from '../../components/useIdempotencyKey.ts';
import { applyServerErrors, requiredRule } from '../../components/validation.ts';

type Values = { heldOn?: Dayjs; place?: string; attendees?: string; notes?: string };

const todayInShanghai = () => dayjs(dayjs().tz(ZONE).format('YYYY-MM-DD'));

type Props = { caseId: string; onSaved: (m: Mediation) => void; onCancel: () => void };

/** Records a mediation session that was held (a date up to today), with place, attendees and what happened. */
export const SessionForm = ({ caseId, onSaved, onCancel }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const idem = useIdempotencyKey();
  const save = useMutation({
    mutationFn: (body: AddMediationSessionBody) => mediationApi.addSession(caseId, body, idem.key),
    onSuccess: (saved) => {
      void message.success(t('mediation.sessionAdded'));
      onSaved(saved);
    },
    onError: (e) => {
      idem.afterError(e);
      applyServerErrors(form, e, t, (path) => path);
    },
  });
  const max = (n: number) => ({ max: n, message: t('common.validation.tooLong', { max: n }) });
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ heldOn: todayInShanghai() }}
      onFinish={(v) =>
        save.mutate({
          heldOn: (v.heldOn ?? todayInShanghai()).format('YYYY-MM-DD'),
          place: v.place?.trim() || undefined,
          attendees: v.attendees?.trim() || undefined,
          notes: (v.notes ?? '').trim(),
        })
      }
      style={{ padding: 12, background: '#fafafa', borderRadius: 6 }}
    >
      <FormErrorAlert error={save.error} />
      <Flex gap={12} wrap>
        <Form.Item
          name="heldOn"
          label={t('mediation.heldOn')}
          rules={[
            requiredRule(t),
            {
              validator: async (_r, d: Dayjs | undefined) => {
                if (d?.isAfter(todayInShanghai(), 'day')) throw new Error(t('mediation.heldOnFuture'));
              },
            },
          ]}
          style={{ width: 160 }}
        >
          <DatePicker
            allowClear={false}
            disabledDate={(d) => d.isAfter(todayInShanghai(), 'day')}
            style={{ width: '100%' }}
            data-testid="mediation-session-date"
          />
        </Form.Item>
        <Form.Item name="place" label={t('mediation.place')} rules={[max(100)]} style={{ flex: 1, minWidth: 180 }}>
          <Input maxLength={100} placeholder={t('mediation.placePlaceholder')} />
        </Form.Item>
      </Flex>
      <Form.Item name="attendees" label={t('mediation.attendees')} rules={[max(300)]}>
        <Input maxLength={300} placeholder={t('mediation.attendeesPlaceholder')} />
      </Form.Item>
      <Form.Item name="notes" label={t('mediation.notes')} rules={[requiredRule(t), max(4000)]}>
        <Input.TextArea
          rows={4}
          maxLength={4000}
          showCount
          placeholder={t('mediation.notesPlaceholder')}
          data-testid="mediation-session-notes"
        />
      </Form.Item>
      <Flex gap={8} justify="flex-end">
        <Button onClick={onCancel}>{t('common.actions.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="mediation-add-session">
          {t('common.actions.save')}
        </Button>
      </Flex>
    </Form>
  );
};
