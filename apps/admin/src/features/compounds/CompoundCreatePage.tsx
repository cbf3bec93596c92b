import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  COMPOUND_PARTY_KINDS,
  CompoundPartyInputSchema,
  type CompoundPartyKind,
  CreateCompoundBodySchema,
} from '@linli/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Collapse, Flex, Form, Input, Switch, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type CreateCompoundBody, compoundsApi } from '../../api/compounds.ts';
import { FormErrorAlert } from '../../components/ErrorState.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { useIdempotencyKey } from '../../components/useIdempotencyKey.ts';
import {
  applyIssues,
  applyServerErrors,
  contractRule,
  issueMessage,
  requiredRule,
} from '../../components/validation.ts';
import { basicFieldPath, type CompoundBasicValues, CompoundFields, toLocation } from './CompoundFields.tsx';
import { PeopleListField, type PersonRow, toPeople } from './PeopleListField.tsx';

type PartyValues = { enabled?: boolean; name?: string; people?: PersonRow[] };
type Values = CompoundBasicValues & { parties: Record<CompoundPartyKind, PartyValues> };

const toBody = (v: Values): { body: CreateCompoundBody; kinds: CompoundPartyKind[] } => {
  const kinds = COMPOUND_PARTY_KINDS.filter((k) => v.parties?.[k]?.enabled);
  return {
    kinds,
    body: {
      name: v.name.trim(),
      orgId: v.orgId ?? '',
      address: v.address.trim(),
      householdCount: v.householdCount,
      buildingCount: v.buildingCount,
      rolloutStage: v.rolloutStage,
      location: toLocation(v),
      parties: kinds.map((kind) => ({
        kind,
        name: (v.parties[kind].name ?? '').trim(),
        people: toPeople(v.parties[kind].people),
      })),
    },
  };
};

/** `parties[i]…` in the body is `parties.<kind>…` in the form. */
const fieldPath = (kinds: CompoundPartyKind[]) => (path: (string | number)[]) => {
  if (path[0] !== 'parties') return basicFieldPath(path);
  const kind = typeof path[1] === 'number' ? kinds[path[1]] : undefined;
  return kind ? ['parties', kind, ...path.slice(2)] : null;
};

const PartyPanel = ({ kind }: { kind: CompoundPartyKind }) => {
  const { t } = useTranslation();
  const enabled = Form.useWatch(['parties', kind, 'enabled']);
  if (!enabled) return <Typography.Text type="secondary">{t('compound.form.notEnabled')}</Typography.Text>;
  return (
    <>
      <Form.Item
        name={['parties', kind, 'name']}
        label={t('compound.form.partyName')}
        rules={[requiredRule(t), contractRule(CompoundPartyInputSchema.shape.name, t)]}
      >
        <Input
          maxLength={100}
          placeholder={t(`compound.form.partyNamePlaceholder.${kind}`)}
          data-testid={`party-${kind}-name`}
        />
      </Form.Item>
      <Form.Item label={t('compound.form.people')} required={false}>
        <PeopleListField
          name={['parties', kind, 'people']}
          kind={kind}
          testIdPrefix={`party-${kind}`}
          personTestIdPrefix={`party-${kind}-person`}
        />
      </Form.Item>
    </>
  );
};

const PartyHeader = ({ kind }: { kind: CompoundPartyKind }) => {
  const { t } = useTranslation();
  const enabled = Form.useWatch(['parties', kind, 'enabled']);
  const people: PersonRow[] | undefined = Form.useWatch(['parties', kind, 'people']);
  return (
    <Flex justify="space-between" align="center" style={{ width: '100%' }}>
      <span>
        <Typography.Text strong>{t(`common.enum.partyKind.${kind}`)}</Typography.Text>
        {enabled && (
          <Tag style={{ marginLeft: 8 }}>{t('compound.form.personCount', { count: people?.length ?? 0 })}</Tag>
        )}
      </span>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: only keeps the switch from toggling the panel */}
      <span onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
        <Form.Item name={['parties', kind, 'enabled']} valuePropName="checked" noStyle>
          <Switch
            checkedChildren={t('compound.form.enable')}
            unCheckedChildren={t('compound.form.notEnabled')}
            data-testid={`party-${kind}-enabled`}
          />
        </Form.Item>
      </span>
    </Flex>
  );
};

export const CompoundCreatePage = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const idem = useIdempotencyKey();
  const create = useMutation({
    mutationFn: ({ body }: { body: CreateCompoundBody; kinds: CompoundPartyKind[] }) =>
      compoundsApi.create(body, idem.key),
    onSuccess: (compound) => {
      void message.success(t('compound.form.created'));
      void queryClient.invalidateQueries({ queryKey: ['compounds'] });
      void queryClient.invalidateQueries({ queryKey: ['org-units'] });
      void queryClient.invalidateQueries({ queryKey: ['coverage'] });
      navigate(`/compounds/${compound.id}`, { replace: true });
    },
    onError: (e, { kinds }) => {
      idem.afterError(e);
      applyServerErrors(form, e, t, fieldPath(kinds));
    },
  });

  const onFinish = (v: Values) => {
    const { body, kinds } = toBody(v);
    const parsed = CreateCompoundBodySchema.safeParse(body);
    if (!parsed.success) {
      applyIssues(form, parsed.error.issues, (i) => issueMessage(i, t), fieldPath(kinds));
      return;
    }
    create.mutate({ body, kinds });
  };

  return (
    <PageContainer
      title={t('compound.form.pageTitle')}
      extra={
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/compounds')}>
          {t('common.actions.back')}
        </Button>
      }
    >
      <FormErrorAlert error={create.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        onFinishFailed={() => void message.warning(t('common.errors.formInvalid'))}
        initialValues={{ rolloutStage: 'pilot', householdCount: 0, buildingCount: 0 }}
        scrollToFirstError
      >
        <Card title={t('compound.form.basic')} size="small" style={{ marginBottom: 16 }}>
          <CompoundFields withOrg />
        </Card>
        <Card title={t('compound.form.parties')} size="small" style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">{t('compound.form.partiesHint')}</Typography.Paragraph>
          <Collapse
            defaultActiveKey={[...COMPOUND_PARTY_KINDS]}
            items={COMPOUND_PARTY_KINDS.map((kind) => ({
              key: kind,
              label: <PartyHeader kind={kind} />,
              children: <PartyPanel kind={kind} />,
              forceRender: true,
            }))}
          />
        </Card>
        <Flex gap={8} justify="flex-end">
          <Button onClick={() => navigate('/compounds')}>{t('common.actions.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="compound-submit">
            {t('compound.form.submit')}
          </Button>
        </Flex>
      </Form>
    </PageContainer>
  );
};
