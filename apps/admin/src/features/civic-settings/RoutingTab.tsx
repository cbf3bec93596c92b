import type { RoutingRule } from '@linli/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Popconfirm,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import type { TFunction } from 'i18next';
import type { HTMLAttributes } from 'react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { civicRoutingApi } from '../../api/civicCases.ts';
import { civicSettingsApi, ROUTING_RULES_KEY } from '../../api/civicSettings.ts';
import { CompoundSelect } from '../../components/CompoundSelect.tsx';
import { CreateButton } from '../../components/CreateButton.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { errorText, isVersionStale } from '../../components/errors.ts';
import { CategoryTreeSelect } from '../civic-cases/CategoryTreeSelect.tsx';
import { unitText } from '../civic-cases/caseTags.tsx';
import { type RoutingModalState, RoutingRuleModal } from './RoutingRuleModal.tsx';

const scopeKindLabel = (kind: RoutingRule['scope']['kind'], t: TFunction): string =>
  kind === 'org' ? t('civicSettings.routing.scopeOrg') : t('civicSettings.routing.scopeCompound');

const targetText = (r: RoutingRule, t: TFunction): string =>
  r.target === 'org' && r.targetOrg ? r.targetOrg.name : t(`civicSettings.routing.targets.${r.target}`);

/** "城关镇党委 · 车辆乱停 → 小区物业公司": a rule in one line. */
export const ruleText = (r: RoutingRule, t: TFunction): string =>
  `${r.scope.name} · ${r.categoryName ?? t('civicSettings.routing.anyCategory')} → ${targetText(r, t)}`;

const ActiveToggle = ({ rule }: { rule: RoutingRule }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: () => civicSettingsApi.updateRoutingRule(rule.id, { active: !rule.active }, rule.version),
    onSuccess: (saved) =>
      void message.success(
        saved.active ? t('civicSettings.routing.activated') : t('civicSettings.routing.deactivated'),
      ),
    onError: (e) => void message.error(errorText(e, t)),
    onSettled: (_d, e) => {
      if (!e || isVersionStale(e)) void queryClient.invalidateQueries({ queryKey: ROUTING_RULES_KEY });
    },
  });
  if (!rule.active) {
    return (
      <Button type="link" size="small" loading={toggle.isPending} onClick={() => toggle.mutate()}>
        {t('civicSettings.routing.activate')}
      </Button>
    );
  }
  return (
    <Popconfirm
      title={t('civicSettings.routing.deactivateConfirm')}
      overlayStyle={{ maxWidth: 340 }}
      okText={t('common.actions.confirm')}
      cancelText={t('common.actions.cancel')}
      onConfirm={() => toggle.mutateAsync().catch(() => undefined)}
    >
      <Button type="link" size="small" danger loading={toggle.isPending}>
        {t('civicSettings.routing.deactivate')}
      </Button>
    </Popconfirm>
  );
};

/** Which unit a new case of the category in the compound would go to, by rule or by the community fallback. */
const RoutingPreviewCard = ({ rules }: { rules: readonly RoutingRule[] }) => {
  const { t } = useTranslation();
  const [compoundId, setCompoundId] = useState<string | undefined>();
  const [categoryId, setCategoryId] = useState<string | undefined>();
  const [asked, setAsked] = useState<{ compoundId: string; categoryId: string } | null>(null);
  const preview = useQuery({
    queryKey: ['civic-routing-preview', asked],
    queryFn: () => civicRoutingApi.preview(asked?.compoundId ?? '', asked?.categoryId ?? ''),
    enabled: asked !== null,
  });
  const rule = preview.data?.ruleId ? rules.find((r) => r.id === preview.data?.ruleId) : undefined;
  return (
    <Card size="small" title={t('civicSettings.routing.preview.title')}>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('civicSettings.routing.preview.hint')}</Typography.Text>
        <Flex gap={8} wrap>
          <CompoundSelect
            value={compoundId}
            onChange={setCompoundId}
            placeholder={t('civicSettings.routing.preview.compound')}
            style={{ width: 260 }}
            data-testid="routing-preview-compound"
          />
          <CategoryTreeSelect
            activeOnly
            value={categoryId}
            onChange={setCategoryId}
            placeholder={t('civicSettings.routing.preview.category')}
            style={{ width: 240 }}
            data-testid="routing-preview-category"
          />
          <Button
            type="primary"
            ghost
            disabled={!compoundId || !categoryId}
            loading={preview.isFetching}
            onClick={() => compoundId && categoryId && setAsked({ compoundId, categoryId })}
            data-testid="routing-preview"
          >
            {t('civicSettings.routing.preview.run')}
          </Button>
        </Flex>
        {preview.isError && <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />}
        {preview.data && (
          <div data-testid="routing-preview-result">
            <Descriptions
              bordered
              size="small"
              column={1}
              styles={{ label: { width: 140 } }}
              items={[
                {
                  key: 'unit',
                  label: t('civicSettings.routing.preview.result'),
                  children: <Typography.Text strong>{unitText(preview.data.unit, t)}</Typography.Text>,
                },
                ...(rule
                  ? [
                      {
                        key: 'rule',
                        label: t('civicSettings.routing.title'),
                        children: t('civicSettings.routing.preview.byRule', { rule: ruleText(rule, t) }),
                      },
                    ]
                  : []),
              ]}
            />
            {preview.data.fallback && (
              <Alert
                type="info"
                showIcon
                title={t('civicSettings.routing.preview.fallback')}
                style={{ marginTop: 8 }}
              />
            )}
          </div>
        )}
      </Flex>
    </Card>
  );
};

/** 派遣规则: org scope or compound × category → the responsible unit, and the preview tool. */
export const RoutingTab = () => {
  const { t } = useTranslation();
  const rules = useQuery({ queryKey: ROUTING_RULES_KEY, queryFn: civicSettingsApi.routingRules });
  const [showInactive, setShowInactive] = useState(false);
  const [modal, setModal] = useState<RoutingModalState>(null);
  const items = useMemo(() => rules.data?.items ?? [], [rules.data]);
  const shown = useMemo(
    () =>
      items
        .filter((r) => showInactive || r.active)
        .sort(
          (a, b) =>
            a.scope.name.localeCompare(b.scope.name, 'zh-CN') ||
            (a.categoryName ?? '').localeCompare(b.categoryName ?? '', 'zh-CN'),
        ),
    [items, showInactive],
  );

  if (rules.isError && !rules.data) return <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />;

  const columns: TableColumnsType<RoutingRule> = [
    {
      title: t('civicSettings.routing.scope'),
      key: 'scope',
      render: (_: unknown, r) => (
        <Flex gap={6} align="center">
          <Tag color={r.scope.kind === 'org' ? 'red' : 'blue'}>{scopeKindLabel(r.scope.kind, t)}</Tag>
          <span>{r.scope.name}</span>
        </Flex>
      ),
    },
    {
      title: t('civicSettings.routing.category'),
      key: 'category',
      width: 180,
      render: (_: unknown, r) =>
        r.categoryName ?? <Typography.Text type="secondary">{t('civicSettings.routing.anyCategory')}</Typography.Text>,
    },
    {
      title: t('civicSettings.routing.target'),
      key: 'target',
      width: 360,
      render: (_: unknown, r) =>
        r.target === 'org' && r.targetOrg
          ? t('common.fmt.withNote', { text: r.targetOrg.name, note: t('civicSettings.routing.targets.org') })
          : t(`civicSettings.routing.targets.${r.target}`),
    },
    {
      title: t('civicSettings.routing.active'),
      key: 'active',
      width: 90,
      render: (_: unknown, r) =>
        r.active ? (
          <Tag color="success">{t('civicSettings.routing.activeOn')}</Tag>
        ) : (
          <Tag>{t('civicSettings.routing.activeOff')}</Tag>
        ),
    },
    {
      title: t('common.actions.actions'),
      key: 'actions',
      width: 150,
      render: (_: unknown, r) => (
        <Flex>
          <Button type="link" size="small" onClick={() => setModal({ rule: r })} data-testid="routing-rule-edit">
            {t('common.actions.edit')}
          </Button>
          <ActiveToggle rule={r} />
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Typography.Paragraph type="secondary">{t('civicSettings.routing.hint')}</Typography.Paragraph>
        <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
          <Flex gap={8} align="center">
            <Switch size="small" checked={showInactive} onChange={setShowInactive} />
            <Typography.Text>{t('civicSettings.routing.showInactive')}</Typography.Text>
          </Flex>
          <CreateButton
            permission="civic_case.configure"
            onClick={() => setModal({ rule: null })}
            data-testid="routing-rule-create"
          >
            {t('civicSettings.routing.create')}
          </CreateButton>
        </Flex>
        <Table<RoutingRule>
          size="small"
          bordered
          rowKey="id"
          loading={rules.isFetching}
          dataSource={shown}
          columns={columns}
          pagination={shown.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          onRow={(r) => ({ 'data-testid': `routing-rule-row-${r.id}` }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: rules.isPending ? ' ' : t('civicSettings.routing.empty') }}
        />
      </Card>
      <RoutingPreviewCard rules={items} />
      <RoutingRuleModal state={modal} onClose={() => setModal(null)} />
    </Flex>
  );
};
