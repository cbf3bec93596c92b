import { ReloadOutlined } from '@ant-design/icons';
import { CaseActionBodySchema, type CivicCaseAction, type CivicCaseDetail } from '@linli/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { civicCasesApi } from '../../api/civicCases.ts';
import { isApiError } from '../../api/http.ts';
import { FormErrorAlert, StaleVersionAlert } from '../../components/ErrorState.tsx';
import { errorText, isVersionStale } from '../../components/errors.ts';
import { hasPendingUploads } from '../../components/PhotoUploadField.tsx';
import { applyServerErrors } from '../../components/validation.ts';
import { ActionFields } from './ActionFields.tsx';
import { type ActionValues, actionBody, initialValuesFor } from './actionForm.ts';

const WIDE: readonly CivicCaseAction[] = ['dispatch', 'reassign', 'handle'];
const DANGER: readonly CivicCaseAction[] = ['void', 'merge', 'reject', 'send_back'];

/** A 409: the case moved on (someone else acted, or the step is no longer open); the message comes from the server. */
const ConflictAlert = ({ error, onReload }: { error: unknown; onReload: () => void }) => {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={errorText(error, t)}
      description={t('civic.actionForm.conflictHint')}
      action={
        <Button size="small" type="primary" icon={<ReloadOutlined />} onClick={onReload}>
          {t('common.actions.reload')}
        </Button>
      }
    />
  );
};

type Props = {
  detail: CivicCaseDetail;
  /** The action whose form is open; null when closed. */
  action: CivicCaseAction | null;
  onClose: () => void;
  /** The case as the action left it (the server answers with the whole detail). */
  onDone: (detail: CivicCaseDetail) => void;
  /** Loads the newest version of the case (after a 409 or 412). */
  onReload: () => Promise<unknown>;
};

/**
 * One workflow step: its own fields, sent with `If-Match` on the version the user is looking at. A 412 says someone
 * else changed the case first and offers to reload; a 409 says the step is no longer open from the case's status.
 */
export const CaseActionModal = ({ detail, action, onClose, onDone, onReload }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ActionValues>();
  const act = useMutation({
    mutationFn: ({ a, v }: { a: CivicCaseAction; v: ActionValues }) =>
      civicCasesApi.act(detail.id, a, actionBody(a, v, detail), detail.version),
    onSuccess: (updated, { a }) => {
      void message.success(t('civic.actionForm.done', { action: t(`civic.action.${a}`) }));
      onDone(updated);
      onClose();
    },
    onError: (e) => applyServerErrors(form, e, t, (p) => (p[0] === 'fileIds' ? ['photos'] : p)),
  });
  const reload = () => void onReload().then(() => act.reset());
  const stale = isVersionStale(act.error);
  const conflict = isApiError(act.error) && act.error.status === 409;

  return (
    <Modal
      open={action !== null}
      title={action ? t(`civic.action.${action}`) : ''}
      width={action && WIDE.includes(action) ? 680 : 520}
      okText={action ? t('civic.actionForm.submit', { action: t(`civic.action.${action}`) }) : ''}
      cancelText={t('common.actions.cancel')}
      confirmLoading={act.isPending}
      okButtonProps={{
        id: 'civic-action-submit',
        danger: !!action && DANGER.includes(action),
        disabled: stale || conflict,
        ...{ 'data-testid': 'civic-action-submit' },
      }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => act.reset()}
      destroyOnHidden
    >
      {stale ? (
        <StaleVersionAlert onReload={reload} />
      ) : conflict ? (
        <ConflictAlert error={act.error} onReload={reload} />
      ) : (
        <FormErrorAlert error={act.error} />
      )}
      {action && (
        <Form<ActionValues>
          form={form}
          layout="vertical"
          preserve={false}
          scrollToFirstError
          initialValues={initialValuesFor(action, detail)}
          onFinish={(v) => {
            if (hasPendingUploads(v.photos)) return;
            act.mutate({ a: action, v });
          }}
        >
          <ActionFields action={action} detail={detail} shape={CaseActionBodySchema.shape} />
        </Form>
      )}
    </Modal>
  );
};
