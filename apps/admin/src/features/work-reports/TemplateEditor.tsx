import { ArrowLeftOutlined, CopyOutlined, PrinterOutlined, ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import {
  PLACEHOLDER_PATTERN,
  SaveWorkReportTemplateBodySchema,
  TEMPLATE_BODY_MAX,
  type WorkReportTemplate,
} from '@linli/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Form, Input } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { type SyntheticEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/http.ts';
import { WORK_REPORT_TEMPLATES_KEY, workReportTemplatesApi } from '../../api/reports.ts';
import { FormErrorAlert } from '../../components/ErrorState.tsx';
import { isVersionStale } from '../../components/errors.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { useIdempotencyKey } from '../../components/useIdempotencyKey.ts';
import { issueMessage } from '../../components/validation.ts';
import { PlaceholderPanel } from './PlaceholderPanel.tsx';
import { SyntaxHelp } from './SyntaxHelp.tsx';
import { TemplateCheckPanel } from './TemplateCheckPanel.tsx';
import { TemplatePreviewPane } from './TemplatePreviewPane.tsx';
import { useTemplateCheck } from './templateQueries.ts';
import { useLeaveGuard } from './useLeaveGuard.tsx';

/** What the editor starts from: a saved template, a copy of one, or nothing. */
export type EditorSource = {
  /** Null for a template not saved yet. */
  id: string | null;
  name: string;
  body: string;
  isDefault: boolean;
  version: number;
  builtin: boolean;
};

type Props = { source: EditorSource; onReload: () => void };

const usedKeys = (body: string): Set<string> =>
  new Set([...body.matchAll(PLACEHOLDER_PATTERN)].map((m) => m[1]).filter((k): k is string => Boolean(k)));

/** The template's name, body (with the placeholder list and a live check) and a live preview; saves with If-Match. */
export const TemplateEditor = ({ source, onReload }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [name, setName] = useState(source.name);
  const [body, setBody] = useState(source.body);
  const [isDefault, setIsDefault] = useState(source.isDefault);
  const [saved, setSaved] = useState({ name: source.name, body: source.body, isDefault: source.isDefault });
  const [version, setVersion] = useState(source.version);
  const [tab, setTab] = useState<'preview' | 'placeholders'>('preview');
  const [tried, setTried] = useState(false);
  const textarea = useRef<TextAreaRef>(null);
  const selection = useRef({ start: source.body.length, end: source.body.length });
  const idem = useIdempotencyKey();
  const readOnly = source.builtin;
  const dirty = !readOnly && (name !== saved.name || body !== saved.body || isDefault !== saved.isDefault);
  const leave = useLeaveGuard(dirty);

  const check = useTemplateCheck(body);
  const used = useMemo(() => usedKeys(body), [body]);
  const nameProblem = (() => {
    const r = SaveWorkReportTemplateBodySchema.shape.name.safeParse(name);
    return r.success ? null : r.error.issues[0];
  })();
  const bodyTooLong = body.length > TEMPLATE_BODY_MAX;

  const save = useMutation({
    mutationFn: () => {
      const payload = { name: name.trim(), body, isDefault };
      return source.id
        ? workReportTemplatesApi.update(source.id, payload, version)
        : workReportTemplatesApi.create(payload, idem.key);
    },
    onSuccess: (tpl: WorkReportTemplate) => {
      void message.success(t('common.feedback.saved'));
      setSaved({ name: tpl.name, body: tpl.body, isDefault: tpl.isDefault });
      setName(tpl.name);
      setVersion(tpl.version);
      queryClient.setQueryData<WorkReportTemplate[]>(WORK_REPORT_TEMPLATES_KEY, (old) =>
        old ? [...old.filter((o) => o.id !== tpl.id), tpl] : old,
      );
      void queryClient.invalidateQueries({ queryKey: WORK_REPORT_TEMPLATES_KEY });
      if (!source.id) leave.go(`/work-report-templates/${tpl.id}`, { replace: true });
    },
    onError: idem.afterError,
  });
  const stale = isVersionStale(save.error);
  const invalid = isApiError(save.error) && save.error.code === 'REPORT_TEMPLATE_INVALID' ? save.error : null;

  const submit = () => {
    setTried(true);
    if (nameProblem || !body.trim() || bodyTooLong) return;
    save.mutate();
  };

  const remember = (e: SyntheticEvent<HTMLTextAreaElement>) => {
    selection.current = { start: e.currentTarget.selectionStart, end: e.currentTarget.selectionEnd };
  };
  const insert = (key: string) => {
    const token = `{{${key}}}`;
    const start = Math.min(selection.current.start, body.length);
    const end = Math.min(Math.max(selection.current.end, start), body.length);
    setBody(body.slice(0, start) + token + body.slice(end));
    if (invalid) save.reset();
    const caret = start + token.length;
    selection.current = { start: caret, end: caret };
    requestAnimationFrame(() => {
      const el = textarea.current?.resizableTextArea?.textArea;
      el?.focus();
      el?.setSelectionRange(caret, caret);
    });
  };

  const title = readOnly
    ? t('reports.templates.viewTitle', { name: source.name })
    : source.id
      ? t('reports.templates.editTitle', { name: saved.name })
      : t('reports.templates.newTitle');

  return (
    <PageContainer
      title={title}
      subTitle={readOnly ? t('reports.templates.builtinHint') : t('reports.templates.editorHint')}
      extra={
        <>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/work-report-templates')} className="no-print">
            {t('common.actions.back')}
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} className="no-print">
            {t('reports.templates.printPreview')}
          </Button>
          {source.id && (
            <Button
              icon={<CopyOutlined />}
              onClick={() => navigate(`/work-report-templates/new?copy=${source.id}`)}
              className="no-print"
              data-testid="template-copy"
            >
              {t('reports.templates.copy')}
            </Button>
          )}
          {!readOnly && (
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={save.isPending}
              onClick={submit}
              className="no-print"
              data-testid="template-save"
            >
              {t('common.actions.save')}
            </Button>
          )}
        </>
      }
    >
      {stale && (
        <Alert
          type="warning"
          showIcon
          className="no-print"
          style={{ marginBottom: 16 }}
          title={t('reports.templates.stale')}
          description={t('reports.templates.staleHint')}
          action={
            <Button size="small" type="primary" icon={<ReloadOutlined />} onClick={onReload}>
              {t('common.actions.refresh')}
            </Button>
          }
          data-testid="template-stale"
        />
      )}
      {save.isError && !stale && !invalid && (
        <div className="no-print">
          <FormErrorAlert error={save.error} />
        </div>
      )}
      <div className="template-editor-page">
        <div className="template-editor-col">
          <Card size="small" title={t('reports.templates.bodyTitle')} data-testid="template-editor">
            <Form layout="vertical" component="div">
              <Form.Item
                label={t('reports.templates.name')}
                required={!readOnly}
                validateStatus={tried && nameProblem ? 'error' : undefined}
                help={tried && nameProblem ? issueMessage(nameProblem, t) : undefined}
                style={{ marginBottom: 12 }}
              >
                <Input
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                  maxLength={60}
                  showCount
                  readOnly={readOnly}
                  placeholder={t('reports.templates.namePlaceholder')}
                  data-testid="template-name"
                />
              </Form.Item>
              {!readOnly && (
                <Form.Item style={{ marginBottom: 8 }}>
                  <Checkbox
                    checked={isDefault}
                    onChange={(e) => setIsDefault(e.target.checked)}
                    data-testid="template-is-default"
                  >
                    {t('reports.templates.isDefault')}
                  </Checkbox>
                </Form.Item>
              )}
              <SyntaxHelp />
              <Form.Item
                required
                validateStatus={(tried && !body.trim()) || bodyTooLong || invalid ? 'error' : undefined}
                help={
                  bodyTooLong
                    ? t('common.validation.tooLong', { max: TEMPLATE_BODY_MAX })
                    : tried && !body.trim()
                      ? t('common.validation.required')
                      : undefined
                }
                style={{ marginBottom: 12 }}
              >
                <Input.TextArea
                  ref={textarea}
                  value={body}
                  onChange={(e) => {
                    setBody(e.target.value);
                    remember(e);
                    // A refusal was about the text as it was; the live check speaks for the text as it is.
                    if (invalid) save.reset();
                  }}
                  onSelect={remember}
                  onKeyUp={remember}
                  onClick={remember}
                  readOnly={readOnly}
                  rows={18}
                  spellCheck={false}
                  className="template-textarea"
                  placeholder={t('reports.templates.bodyPlaceholder')}
                  data-testid="template-body"
                />
              </Form.Item>
            </Form>
            {invalid && (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 12 }}
                title={t('reports.templates.invalidTitle')}
                description={invalid.message}
                data-testid="template-invalid"
              />
            )}
            <TemplateCheckPanel body={body} check={check.data} settling={check.isSettling} error={check.error} />
          </Card>
        </div>
        <div className="template-preview-col">
          <Card
            size="small"
            className="template-side-card"
            activeTabKey={tab}
            onTabChange={(key) => setTab(key === 'placeholders' ? 'placeholders' : 'preview')}
            tabList={[
              {
                key: 'preview',
                label: <span data-testid="template-tab-preview">{t('reports.templates.tabPreview')}</span>,
              },
              {
                key: 'placeholders',
                label: <span data-testid="template-tab-placeholders">{t('reports.templates.tabPlaceholders')}</span>,
              },
            ]}
          >
            {/* Both stay mounted: the preview keeps its scope, period and text while a figure is picked. */}
            <div className="template-preview-wrap" hidden={tab !== 'preview'}>
              <TemplatePreviewPane body={body} />
            </div>
            <div className="no-print" hidden={tab !== 'placeholders'}>
              <PlaceholderPanel used={used} onInsert={readOnly ? undefined : insert} />
            </div>
          </Card>
        </div>
      </div>
      {leave.prompt}
    </PageContainer>
  );
};
