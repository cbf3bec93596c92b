import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Form, Input, Modal, Radio } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type CalendarDay, calendarKey, civicSettingsApi } from '../../api/civicSettings.ts';
import { FormErrorAlert } from '../../components/ErrorState.tsx';
import { applyServerErrors } from '../../components/validation.ts';

/** The day being set: its date, whether it is a weekend, and the calendar's entry for it (none: the weekday rule). */
export type CalendarDayState = { day: string; weekend: boolean; entry: CalendarDay | null } | null;

type Values = { workday: boolean; name?: string };

/** Sets one day as a workday or a holiday with a name (the county's own entry), or back to the package's answer. */
export const CalendarDayModal = ({ state, onClose }: { state: CalendarDayState; onClose: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const year = state ? Number(state.day.slice(0, 4)) : 0;
  const refresh = () => void queryClient.invalidateQueries({ queryKey: calendarKey(year) });

  const save = useMutation({
    mutationFn: (v: Values) =>
      civicSettingsApi.putCalendarDay(state?.day ?? '', {
        workday: v.workday,
        name: (v.name ?? '').trim() || undefined,
      }),
    onSuccess: () => {
      void message.success(t('civicSettings.calendar.saved'));
      refresh();
      onClose();
    },
    onError: (e) => applyServerErrors(form, e, t),
  });
  const reset = useMutation({
    mutationFn: () => civicSettingsApi.resetCalendarDay(state?.day ?? ''),
    onSuccess: () => {
      void message.success(t('civicSettings.calendar.resetDone'));
      refresh();
      onClose();
    },
  });

  useEffect(() => {
    if (!state) return;
    const workday = state.entry ? state.entry.workday : !state.weekend;
    form.setFieldsValue({ workday, name: state.entry?.name ?? '' });
  }, [state, form]);

  if (!state) return <Modal open={false} />;
  const workdayNow = state.entry ? state.entry.workday : !state.weekend;
  const source = state.entry
    ? state.entry.source === 'county'
      ? t('civicSettings.calendar.sourceCounty')
      : t('civicSettings.calendar.sourcePackage')
    : t('civicSettings.calendar.sourceRule');
  const date = dayjs(state.day);

  return (
    <Modal
      open
      title={t('civicSettings.calendar.dayTitle', { day: state.day, weekday: date.format('dddd') })}
      onCancel={onClose}
      destroyOnHidden
      afterClose={() => {
        save.reset();
        reset.reset();
      }}
      footer={[
        state.entry?.source === 'county' && (
          <Button
            key="reset"
            danger
            loading={reset.isPending}
            onClick={() => reset.mutate()}
            data-testid="calendar-day-reset"
          >
            {t('civicSettings.calendar.reset')}
          </Button>
        ),
        <Button key="cancel" onClick={onClose}>
          {t('common.actions.cancel')}
        </Button>,
        <Button
          key="save"
          type="primary"
          loading={save.isPending}
          onClick={() => form.submit()}
          data-testid="calendar-day-save"
        >
          {t('common.actions.save')}
        </Button>,
      ]}
    >
      <FormErrorAlert error={save.error ?? reset.error} />
      <Descriptions
        size="small"
        column={1}
        bordered
        style={{ marginBottom: 16 }}
        items={[
          {
            key: 'state',
            label: t('civicSettings.calendar.state'),
            children: `${workdayNow ? t('civicSettings.calendar.stateWorkday') : t('civicSettings.calendar.stateHoliday')}${
              state.entry?.name ? ` · ${state.entry.name}` : ''
            }`,
          },
          { key: 'source', label: t('civicSettings.calendar.source'), children: source },
        ]}
      />
      <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="workday" label={t('civicSettings.calendar.setAs')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: true, label: t('civicSettings.calendar.workday') },
              { value: false, label: t('civicSettings.calendar.holiday') },
            ]}
            data-testid="calendar-day-workday"
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('civicSettings.calendar.name')}
          rules={[{ max: 30, message: t('common.validation.tooLong', { max: 30 }) }]}
        >
          <Input maxLength={30} placeholder={t('civicSettings.calendar.namePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
};
