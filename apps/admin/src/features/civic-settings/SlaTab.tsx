import { DeleteOutlined } from '@ant-design/icons';
import { SLA_STEPS, type SlaRule, type SlaStep, URGENCIES, type Urgency } from '@linli/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Popconfirm, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { civicSettingsApi, SLAS_KEY } from '../../api/civicSettings.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { errorText } from '../../components/errors.ts';
import { CategoryTreeSelect } from '../civic-cases/CategoryTreeSelect.tsx';
import { UrgencyTag } from '../civic-cases/caseTags.tsx';
import { useCivicCategories } from '../civic-cases/useCivicCategories.ts';
import { type SlaCell, SlaCellModal } from './SlaCellModal.tsx';
import { slaText } from './slaText.ts';

const cellKey = (urgency: Urgency, step: SlaStep) => `${urgency}:${step}`;
type Rows = ReadonlyMap<string, SlaRule>;

const rowsOf = (items: readonly SlaRule[], categoryId: string | null): Rows =>
  new Map(items.filter((r) => r.categoryId === categoryId).map((r) => [cellKey(r.urgency, r.step), r]));

/** Where a cell's limit comes from on a category's matrix. */
type Source = 'own' | 'parent' | 'default' | 'none';
type Resolved = { rule: SlaRule | null; source: Source };

const resolveCell = (key: string, own: Rows | null, parent: Rows | null, defaults: Rows): Resolved => {
  const mine = own?.get(key);
  if (mine) return { rule: mine, source: 'own' };
  const inherited = parent?.get(key);
  if (inherited) return { rule: inherited, source: 'parent' };
  const fallback = defaults.get(key);
  return fallback ? { rule: fallback, source: own ? 'default' : 'own' } : { rule: null, source: 'none' };
};

const DeleteRow = ({ rule }: { rule: SlaRule }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => civicSettingsApi.deleteSla(rule.id),
    onSuccess: () => {
      void message.success(t('civicSettings.sla.removed'));
      void queryClient.invalidateQueries({ queryKey: SLAS_KEY });
    },
    onError: (e) => void message.error(errorText(e, t)),
  });
  return (
    <Popconfirm
      title={t('civicSettings.sla.removeConfirm')}
      okText={t('common.actions.confirm')}
      cancelText={t('common.actions.cancel')}
      onConfirm={() => remove.mutateAsync().catch(() => undefined)}
    >
      <Tooltip title={t('civicSettings.sla.remove')}>
        <Button
          type="text"
          size="small"
          danger
          icon={<DeleteOutlined />}
          loading={remove.isPending}
          aria-label={t('civicSettings.sla.remove')}
          onClick={(e) => e.stopPropagation()}
        />
      </Tooltip>
    </Popconfirm>
  );
};

type MatrixProps = {
  testIdPrefix: string;
  resolve: (urgency: Urgency, step: SlaStep) => Resolved;
  onEdit: (urgency: Urgency, step: SlaStep, current: Resolved) => void;
  /** A category's own rows can be removed (the county default rows cannot). */
  removable: boolean;
  loading: boolean;
};

/** Urgency × step: each cell the limit in words, its basis, where it comes from; a click edits it. */
const SlaMatrix = ({ testIdPrefix, resolve, onEdit, removable, loading }: MatrixProps) => {
  const { t } = useTranslation();
  const columns: TableColumnsType<Urgency> = [
    {
      title: t('civicSettings.sla.urgency'),
      key: 'urgency',
      width: 170,
      render: (_: unknown, u) => <UrgencyTag urgency={u} withLimit />,
    },
    ...SLA_STEPS.map((step) => ({
      title: t(`civic.slaStep.${step}`),
      key: step,
      render: (_: unknown, urgency: Urgency) => {
        const resolved = resolve(urgency, step);
        const { rule, source } = resolved;
        const inherited = source === 'parent' || source === 'default';
        return (
          <Flex
            justify="space-between"
            align="center"
            gap={8}
            className="sla-cell"
            role="button"
            tabIndex={0}
            onClick={() => onEdit(urgency, step, resolved)}
            onKeyDown={(e) => e.key === 'Enter' && onEdit(urgency, step, resolved)}
            data-testid={`${testIdPrefix}-${urgency}-${step}`}
            style={{ cursor: 'pointer', minHeight: 40 }}
          >
            <Flex vertical gap={2}>
              {rule ? (
                <Typography.Text strong={!inherited} type={inherited ? 'secondary' : undefined}>
                  {slaText(rule.minutes, rule.basis, t)}
                </Typography.Text>
              ) : (
                <Typography.Text type="warning">{t('civicSettings.sla.unset')}</Typography.Text>
              )}
              {rule && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[
                    rule.basis === 'workday'
                      ? t('civicSettings.sla.basisShortWorkday')
                      : t('civicSettings.sla.basisShortCalendar'),
                    ...(removable ? [t(`civicSettings.sla.source.${source === 'none' ? 'own' : source}`)] : []),
                  ].join(' · ')}
                </Typography.Text>
              )}
            </Flex>
            {removable && source === 'own' && rule && <DeleteRow rule={rule} />}
          </Flex>
        );
      },
    })),
  ];
  return (
    <Table<Urgency>
      size="small"
      bordered
      rowKey={(u) => u}
      loading={loading}
      dataSource={[...URGENCIES]}
      columns={columns}
      pagination={false}
    />
  );
};

/** 办理时限: the county default table and the categories' own rows, each cell edited on its own. */
export const SlaTab = () => {
  const { t } = useTranslation();
  const slas = useQuery({ queryKey: SLAS_KEY, queryFn: civicSettingsApi.slas });
  const { byId } = useCivicCategories();
  const [categoryId, setCategoryId] = useState<string | undefined>();
  const [editing, setEditing] = useState<SlaCell | null>(null);
  const items = useMemo(() => slas.data?.items ?? [], [slas.data]);
  const defaults = useMemo(() => rowsOf(items, null), [items]);
  const overridden = useMemo(() => [...new Set(items.flatMap((r) => (r.categoryId ? [r.categoryId] : [])))], [items]);

  if (slas.isError && !slas.data) return <ErrorState error={slas.error} onRetry={() => void slas.refetch()} />;

  const category = categoryId ? byId.get(categoryId) : undefined;
  const own = categoryId ? rowsOf(items, categoryId) : null;
  const parent = category?.parentId ? rowsOf(items, category.parentId) : null;
  const parentName = category?.parentId ? byId.get(category.parentId)?.name : undefined;

  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('civicSettings.sla.defaults')}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          {t('civicSettings.sla.defaultsHint')}
        </Typography.Paragraph>
        <SlaMatrix
          testIdPrefix="sla-cell"
          loading={slas.isPending}
          removable={false}
          resolve={(u, s) => resolveCell(cellKey(u, s), null, null, defaults)}
          onEdit={(urgency, step, { rule }) => setEditing({ urgency, step, category: null, current: rule })}
        />
      </Card>
      <Card size="small" title={t('civicSettings.sla.overrides')}>
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{t('civicSettings.sla.overridesHint')}</Typography.Text>
          <Flex gap={8} align="center" wrap>
            <CategoryTreeSelect
              value={categoryId}
              onChange={setCategoryId}
              allowClear
              placeholder={t('civicSettings.sla.pickCategory')}
              style={{ width: 280 }}
              data-testid="sla-category"
            />
            <Typography.Text type="secondary">
              {overridden.length > 0 ? t('civicSettings.sla.withOverrides') : t('civicSettings.sla.noOverrides')}
            </Typography.Text>
            {overridden.map((id) => (
              <Tag.CheckableTag key={id} checked={id === categoryId} onChange={() => setCategoryId(id)}>
                {byId.get(id)?.name ?? id}
              </Tag.CheckableTag>
            ))}
          </Flex>
          {category && own && (
            <>
              {parentName && (
                <Typography.Text type="secondary">
                  {t('common.fmt.labelValue', { label: t('civicSettings.category.parent'), value: parentName })}
                </Typography.Text>
              )}
              <SlaMatrix
                testIdPrefix="sla-category-cell"
                loading={slas.isFetching}
                removable
                resolve={(u, s) => resolveCell(cellKey(u, s), own, parent, defaults)}
                onEdit={(urgency, step, { rule }) =>
                  setEditing({ urgency, step, category: { id: category.id, name: category.name }, current: rule })
                }
              />
            </>
          )}
        </Flex>
      </Card>
      <SlaCellModal cell={editing} onClose={() => setEditing(null)} />
    </Flex>
  );
};
