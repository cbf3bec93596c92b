import { CheckCircleFilled, CloseCircleFilled, LoadingOutlined, WarningFilled } from '@ant-design/icons';
import { figureDefinition, type TemplateCheck } from '@linli/contracts';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../components/errors.ts';
import { keyLabel } from './figures.ts';

type Props = {
  body: string;
  check: TemplateCheck | undefined;
  settling: boolean;
  error: unknown;
};

/** Whether the body has a title line (`# …`): a report without one starts with a bare paragraph. */
const hasTitle = (body: string): boolean => body.split('\n').some((line) => /^#\s+\S/.test(line));

/** What the server says about the body while it is typed: fine, or each placeholder it may not quote and why. */
export const TemplateCheckPanel = ({ body, check, settling, error }: Props) => {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const empty = body.trim().length === 0;
  return (
    <div className="template-check" data-testid="template-check" aria-live="polite">
      {empty ? (
        <Typography.Text type="danger">
          <CloseCircleFilled /> {t('reports.templates.check.empty')}
        </Typography.Text>
      ) : error && !check ? (
        <Typography.Text type="warning">
          <WarningFilled /> {t('reports.templates.check.failed', { reason: errorText(error, t) })}
        </Typography.Text>
      ) : !check ? (
        <Typography.Text type="secondary">
          <LoadingOutlined /> {t('reports.templates.check.checking')}
        </Typography.Text>
      ) : (
        <Flex vertical gap={6} style={{ opacity: settling ? 0.6 : 1 }}>
          {check.ok ? (
            <Typography.Text type="success" data-testid="template-check-ok">
              <CheckCircleFilled /> {t('reports.templates.check.ok', { count: check.placeholders.length })}
            </Typography.Text>
          ) : (
            <Typography.Text type="danger" strong>
              <CloseCircleFilled />{' '}
              {t('reports.templates.check.problems', { count: check.unknown.length + check.unavailable.length })}
            </Typography.Text>
          )}
          {check.unknown.map((key) => (
            <div key={`u-${key}`} className="check-problem" data-testid={`template-check-unknown-${key}`}>
              <Typography.Text code>{`{{${key}}}`}</Typography.Text>
              <Typography.Text type="danger">{t('reports.templates.check.unknown')}</Typography.Text>
            </div>
          ))}
          {check.unavailable.map(({ key, module }) => (
            <div key={`m-${key}`} className="check-problem" data-testid={`template-check-unavailable-${key}`}>
              <Typography.Text code>{`{{${key}}}`}</Typography.Text>
              <Typography.Text type="danger">
                {t('reports.templates.check.unavailable', {
                  label: keyLabel(key, language),
                  module: t(`reports.figureModules.${figureDefinition(key)?.module ?? 'report'}`, {
                    defaultValue: module,
                  }),
                })}
              </Typography.Text>
            </div>
          ))}
          {!hasTitle(body) && (
            <Typography.Text type="warning">
              <WarningFilled /> {t('reports.templates.check.noTitle')}
            </Typography.Text>
          )}
        </Flex>
      )}
    </div>
  );
};
