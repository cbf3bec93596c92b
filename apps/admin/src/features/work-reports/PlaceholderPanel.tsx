import { CheckOutlined, PlusOutlined } from '@ant-design/icons';
import { isFigureAvailable } from '@linli/contracts';
import { Empty, Flex, Input, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { figureLabel, figuresByModule } from './figures.ts';

type Props = {
  /** Inserts `{{key}}` at the cursor; absent when the template is read-only. */
  onInsert?: (key: string) => void;
  /** Keys the body already quotes. */
  used: ReadonlySet<string>;
};

const GROUPS = figuresByModule();

/**
 * 数据项: every catalogue figure by module. Figures of built modules insert `{{key}}` on a click; those of modules
 * not built yet are greyed out with the reason, so nobody writes a number the system cannot compute.
 */
export const PlaceholderPanel = ({ onInsert, used }: Props) => {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const [q, setQ] = useState('');
  const needle = q.trim().toLowerCase();
  const groups = GROUPS.map((g) => ({
    ...g,
    figures: g.figures.filter(
      (d) => !needle || d.key.includes(needle) || figureLabel(d, language).toLowerCase().includes(needle),
    ),
  })).filter((g) => g.figures.length > 0);

  return (
    <Flex vertical gap={12} className="placeholder-panel" data-testid="template-placeholders">
      <Typography.Text type="secondary">
        {onInsert ? t('reports.templates.placeholdersHint') : t('reports.templates.placeholdersReadOnly')}
      </Typography.Text>
      <Input.Search
        allowClear
        placeholder={t('reports.templates.placeholderSearch')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        data-testid="template-placeholder-search"
      />
      {groups.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      {groups.map((g) => {
        const available = g.figures[0] ? isFigureAvailable(g.figures[0]) : true;
        const moduleName = t(`reports.figureModules.${g.module}`);
        return (
          <section key={g.module} className={available ? 'placeholder-group' : 'placeholder-group is-unavailable'}>
            <Flex gap={8} align="baseline" wrap className="placeholder-group-head">
              <Typography.Text strong>{moduleName}</Typography.Text>
              {!available && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('reports.templates.moduleNotBuilt', { module: moduleName })}
                </Typography.Text>
              )}
            </Flex>
            <div className="placeholder-items">
              {g.figures.map((d) => {
                const label = figureLabel(d, language);
                const isUsed = used.has(d.key);
                if (!available) {
                  return (
                    <Tooltip key={d.key} title={t('reports.templates.moduleNotBuilt', { module: moduleName })}>
                      <span className="placeholder-item is-disabled" data-testid={`placeholder-${d.key}`}>
                        <span className="placeholder-label">{label}</span>
                        <span className="placeholder-key mono">{d.key}</span>
                      </span>
                    </Tooltip>
                  );
                }
                return (
                  <button
                    key={d.key}
                    type="button"
                    className={isUsed ? 'placeholder-item is-used' : 'placeholder-item'}
                    disabled={!onInsert}
                    onClick={() => onInsert?.(d.key)}
                    title={t('reports.templates.insertTitle', { key: d.key })}
                    data-testid={`placeholder-${d.key}`}
                  >
                    <span className="placeholder-label">
                      {isUsed ? <CheckOutlined /> : onInsert ? <PlusOutlined /> : null} {label}
                    </span>
                    <span className="placeholder-key mono">{d.key}</span>
                  </button>
                );
              })}
            </div>
          </section>
        );
      })}
    </Flex>
  );
};
