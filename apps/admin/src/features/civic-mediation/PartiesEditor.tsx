import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { type Mediation, MediationPartySchema, PutMediationBodySchema } from '@linli/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { mediationApi, type PutMediationBody } from '../../api/civicSettings.ts';
import { FormErrorAlert, StaleVersionAlert } from '../../components/ErrorState.tsx';
import { isVersionStale } from '../../components/errors.ts';
import {
  applyIssues,
  applyServerErrors,
  contractRule,
  issueMessage,
  requiredRule,
} from '../../components/validation.ts';

const ROLES = ['applicant', 'respondent', 'other'] as const;
type Role = (typeof ROLES)[number];
type PartyValues = { name?: string; role?: Role; phone?: string; maskedPhone?: string | null; householdId?: string };
type Values = { mediatorName?: string; parties: PartyValues[] };

const valuesOf = (m: Mediation): Values => ({
  mediatorName: m.mediatorName ?? '',
  parties:
    m.parties.length > 0
      ? m.parties.map((p) => ({
          name: p.name,
          role: p.role,
          phone: '',
          maskedPhone: p.phone,
          ...(p.householdId ? { householdId: p.householdId } : {}),
        }))
      : [{ role: 'applicant' }, { role: 'respondent' }],
});

/** The PUT body: every party again (the server replaces the list); a blank phone sends none. */
const bodyOf = (v: Values, m: Mediation): PutMediationBody => ({
  mediatorName: (v.mediatorName ?? '').trim() || undefined,
  ...(m.mediatorUserId ? { mediatorUserId: m.mediatorUserId } : {}),
  parties: v.parties.map((p) => {
    const phone = (p.phone ?? '').trim();
    return {
      name: (p.name ?? '').trim(),
      role: p.role ?? 'other',
      ...(phone ? { phone } : {}),
      ...(p.householdId ? { householdId: p.householdId } : {}),
    };
  }),
});

type Props = {
  caseId: string;
  mediation: Mediation;
  onSaved: (m: Mediation) => void;
  onCancel: () => void;
  onReload: () => Promise<void>;
};

/**
 * 当事人与调解员: two to ten parties (name, role, phone). `PUT` replaces the whole list against the version read
 * (`"v0"` creates the record). Phones come back masked, so a stored number must be typed again to be kept.
 */
export const PartiesEditor = ({ caseId, mediation, onSaved, onCancel, onReload }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (body: PutMediationBody) => mediationApi.putParties(caseId, body, mediation.version),
    onSuccess: (saved) => {
      void message.success(t('mediation.partiesSaved'));
      onSaved(saved);
    },
    onError: (e) => applyServerErrors(form, e, t),
  });

  const onFinish = (v: Values) => {
    const body = bodyOf(v, mediation);
    const parsed = PutMediationBodySchema.safeParse(body);
    if (!parsed.success) {
      const unplaced = applyIssues(form, parsed.error.issues, (i) => issueMessage(i, t));
      if (unplaced.length > 0) void message.error(unplaced.join(t('common.fmt.listSep')));
      return;
    }
    save.mutate(body);
  };

  const stale = isVersionStale(save.error);
  const phoneRule = {
    validator: async (_r: unknown, value: unknown) => {
      if (typeof value !== 'string' || value.trim() === '') return;
      if (!MediationPartySchema.shape.phone.safeParse(value.trim()).success) {
        throw new Error(t('common.validation.phone'));
      }
    },
  };
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={valuesOf(mediation)}
      // The whole store, with what the form does not show (a party's household, its masked phone).
      onFinish={() => onFinish(form.getFieldsValue(true))}
    >
      {stale ? (
        <StaleVersionAlert onReload={() => void onReload().then(() => save.reset())} />
      ) : (
        <FormErrorAlert error={save.error} />
      )}
      <Form.Item
        name="mediatorName"
        label={t('mediation.mediator')}
        rules={[{ max: 40, message: t('common.validation.tooLong', { max: 40 }) }]}
        style={{ maxWidth: 320 }}
      >
        <Input maxLength={40} data-testid="mediation-mediator" />
      </Form.Item>
      <Form.List
        name="parties"
        rules={[
          {
            validator: async (_r, parties: unknown[] | undefined) => {
              if (!parties || parties.length < 2) throw new Error(t('mediation.partiesMin'));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <Flex vertical gap={0}>
            {fields.map((field, index) => {
              const masked: string | null | undefined = form.getFieldValue(['parties', field.name, 'maskedPhone']);
              return (
                <Flex key={field.key} gap={8} align="start" wrap data-testid={`mediation-party-${index}`}>
                  <Form.Item
                    name={[field.name, 'name']}
                    label={index === 0 ? t('mediation.partyName') : undefined}
                    rules={[requiredRule(t), contractRule(MediationPartySchema.shape.name, t)]}
                    style={{ width: 160, marginBottom: 12 }}
                  >
                    <Input maxLength={40} data-testid="mediation-party-name" />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'role']}
                    label={index === 0 ? t('mediation.partyRole') : undefined}
                    rules={[requiredRule(t)]}
                    style={{ width: 130, marginBottom: 12 }}
                  >
                    <Select
                      options={ROLES.map((r) => ({ value: r, label: t(`mediation.role.${r}`) }))}
                      data-testid="mediation-party-role"
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'phone']}
                    label={index === 0 ? t('mediation.partyPhone') : undefined}
                    extra={masked ? t('mediation.partyPhoneKept', { masked }) : undefined}
                    rules={[phoneRule]}
                    style={{ flex: 1, minWidth: 180, marginBottom: 12 }}
                  >
                    <Input
                      maxLength={11}
                      inputMode="numeric"
                      placeholder={masked ?? ''}
                      data-testid="mediation-party-phone"
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    disabled={fields.length <= 2}
                    onClick={() => remove(field.name)}
                    aria-label={t('mediation.removeParty')}
                    style={{ marginTop: index === 0 ? 30 : 0 }}
                  />
                </Flex>
              );
            })}
            <Form.ErrorList errors={errors} />
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ role: 'other' })}
              disabled={fields.length >= 10}
              style={{ alignSelf: 'flex-start' }}
              data-testid="mediation-add-party"
            >
              {t('mediation.addParty')}
            </Button>
          </Flex>
        )}
      </Form.List>
      {mediation.parties.some((p) => p.phone) && (
        <Alert type="info" showIcon title={t('mediation.partyPhoneReenter')} style={{ marginTop: 12 }} />
      )}
      <Flex gap={8} justify="flex-end" style={{ marginTop: 16 }}>
        <Button onClick={onCancel}>{t('common.actions.cancel')}</Button>
        <Button
          type="primary"
          htmlType="submit"
          loading={save.isPending}
          disabled={stale}
          data-testid="mediation-save-parties"
        >
          {t('common.actions.save')}
        </Button>
      </Flex>
    </Form>
  );
};
