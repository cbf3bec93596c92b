import { CreateRoutingRuleBodySchema, ROUTING_TARGETS, type RoutingRule, type RoutingTarget } from '@linli/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Radio, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CreateRoutingRuleBody,
  civicSettingsApi,
  ROUTING_RULES_KEY,
  type UpdateRoutingRuleBody,
} from '../../api/civicSettings.ts';
import { CompoundSelect } from '../../components/CompoundSelect.tsx';
import { FormModal, formModalState } from '../../components/FormModal.tsx';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { useIdempotencyKey } from '../../components/useIdempotencyKey.ts';
import { applyIssues, issueMessage, requiredRule } from '../../components/validation.ts';
import { CategoryTreeSelect } from '../civic-cases/CategoryTreeSelect.tsx';
import { applySettingsErrors } from './settingsErrors.ts';

/** `rule: null` creates a rule; a rule edits its target and whether it is active. */
export type RoutingModalState = { rule: RoutingRule | null } | null;

type Values = {
  scopeKind: 'org' | 'compound';
  scopeOrgId?: string;
  scopeCompoundId?: string;
  categoryId?: string;
  target?: RoutingTarget;
  targetOrgId?: string;
  active: boolean;
};

const createBody = (v: Values): CreateRoutingRuleBody => ({
  scope: { kind: v.scopeKind, id: (v.scopeKind === 'org' ? v.scopeOrgId : v.scopeCompoundId) ?? '' },
  categoryId: v.categoryId ?? null,
  target: v.target ?? 'org',
  ...(v.target === 'org' && v.targetOrgId ? { targetOrgId: v.targetOrgId } : {}),
});

const updateBody = (rule: RoutingRule, v: Values): UpdateRoutingRuleBody => {
  const body: UpdateRoutingRuleBody = {};
  if (v.target && v.target !== rule.target) body.target = v.target;
  const targetOrgId = v.target === 'org' ? (v.targetOrgId ?? null) : null;
  if (targetOrgId !== (rule.targetOrg?.id ?? null)) body.targetOrgId = targetOrgId;
  if (v.active !== rule.active) body.active = v.active;
  return body;
};

/** Create a routing rule (scope × category → target) or change an existing rule's target; edits send If-Match. */
export const RoutingRuleModal = ({ state, onClose }: { state: RoutingModalState; onClose: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const open = state !== null;
  const rule = state?.rule ?? null;
  const idem = useIdempotencyKey(open);

  useEffect(() => {
    if (!state) return;
    form.resetFields();
    if (state.rule) {
      form.setFieldsValue({
        scopeKind: state.rule.scope.kind,
        target: state.rule.target,
        targetOrgId: state.rule.targetOrg?.id,
        active: state.rule.active,
      });
    } else {
      form.setFieldsValue({ scopeKind: 'org', active: true });
    }
  }, [state, form]);

  const save = useMutation({
    mutationFn: async (v: Values): Promise<RoutingRule | null> => {
      if (!rule) return civicSettingsApi.createRoutingRule(createBody(v), idem.key);
      const body = updateBody(rule, v);
      if (Object.keys(body).length === 0) return null;
      return civicSettingsApi.updateRoutingRule(rule.id, body, rule.version);
    },
    onSuccess: (saved) => {
      if (!saved) void message.info(t('common.feedback.noChanges'));
      else void message.success(rule ? t('common.feedback.saved') : t('civicSettings.routing.created'));
      void queryClient.invalidateQueries({ queryKey: ROUTING_RULES_KEY });
      onClose();
    },
    onError: (e) => {
      if (!rule) idem.afterError(e);
      const scopeField = form.getFieldValue('scopeKind') === 'org' ? 'scopeOrgId' : 'scopeCompoundId';
      applySettingsErrors(form, e, t, (path) => (path[0] === 'scope' ? [scopeField] : path));
    },
  });

  const onFinish = (v: Values) => {
    if (!rule) {
      const parsed = CreateRoutingRuleBodySchema.safeParse(createBody(v));
      if (!parsed.success) {
        applyIssues(form, parsed.error.issues, (i) => issueMessage(i, t));
        return;
      }
    }
    save.mutate(v);
  };

  return (
    <FormModal
      {...formModalState({
        open,
        form,
        save,
        onCancel: onClose,
        onReload: async () => {
          await queryClient.invalidateQueries({ queryKey: ROUTING_RULES_KEY });
          onClose();
        },
      })}
      title={rule ? t('civicSettings.routing.editTitle') : t('civicSettings.routing.createTitle')}
      submitId="routing-rule-submit"
      width={560}
    >
      <Form<Values> form={form} layout="vertical" onFinish={onFinish}>
        {rule ? (
          <Form.Item label={t('civicSettings.routing.scope')}>
            {t('common.fmt.withNote', {
              text: rule.scope.name,
              note: t(`civicSettings.routing.${rule.scope.kind === 'org' ? 'scopeOrg' : 'scopeCompound'}`),
            })}
            {' · '}
            {rule.categoryName ?? t('civicSettings.routing.anyCategory')}
          </Form.Item>
        ) : (
          <>
            <Form.Item name="scopeKind" label={t('civicSettings.routing.scopeKind')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'org', label: t('civicSettings.routing.scopeOrg') },
                  { value: 'compound', label: t('civicSettings.routing.scopeCompound') },
                ]}
              />
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(a, b) => a.scopeKind !== b.scopeKind}>
              {() =>
                form.getFieldValue('scopeKind') === 'org' ? (
                  <Form.Item name="scopeOrgId" label={t('civicSettings.routing.scope')} rules={[requiredRule(t)]}>
                    <OrgTreeSelect placeholder={t('civicSettings.routing.pickOrg')} data-testid="routing-scope-org" />
                  </Form.Item>
                ) : (
                  <Form.Item name="scopeCompoundId" label={t('civicSettings.routing.scope')} rules={[requiredRule(t)]}>
                    <CompoundSelect
                      placeholder={t('civicSettings.routing.pickCompound')}
                      data-testid="routing-scope-compound"
                    />
                  </Form.Item>
                )
              }
            </Form.Item>
            <Form.Item
              name="categoryId"
              label={t('civicSettings.routing.category')}
              extra={t('civicSettings.routing.anyCategoryHint')}
            >
              <CategoryTreeSelect
                activeOnly
                allowClear
                placeholder={t('civicSettings.routing.anyCategory')}
                data-testid="routing-category"
              />
            </Form.Item>
          </>
        )}
        <Form.Item name="target" label={t('civicSettings.routing.target')} rules={[requiredRule(t)]}>
          <Select
            placeholder={t('civic.file.choose')}
            options={ROUTING_TARGETS.map((target) => ({
              value: target,
              label: t(`civicSettings.routing.targets.${target}`),
            }))}
            data-testid="routing-target"
          />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.target !== b.target}>
          {() =>
            form.getFieldValue('target') === 'org' && (
              <Form.Item name="targetOrgId" label={t('civicSettings.routing.targetOrg')} rules={[requiredRule(t)]}>
                <OrgTreeSelect
                  placeholder={t('civicSettings.routing.pickTargetOrg')}
                  knownLabels={rule?.targetOrg ? { [rule.targetOrg.id]: rule.targetOrg.name } : undefined}
                  data-testid="routing-target-org"
                />
              </Form.Item>
            )
          }
        </Form.Item>
        {rule && (
          <Form.Item name="active" label={t('civicSettings.routing.active')} valuePropName="checked">
            <Switch
              checkedChildren={t('civicSettings.routing.activeOn')}
              unCheckedChildren={t('civicSettings.routing.activeOff')}
            />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
};
