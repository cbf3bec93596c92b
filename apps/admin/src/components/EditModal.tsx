import { Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert, StaleVersionAlert } from './ErrorState.tsx';
import { isVersionStale } from './errors.ts';

type Props = {
  open: boolean;
  title: ReactNode;
  /** The `id` of the save button (`#…-edit-submit`), for tests. */
  submitId: string;
  saving: boolean;
  /** The save mutation's error: a `412 VERSION_STALE` turns into 已被他人修改 with a reload button. */
  error: unknown;
  onSubmit: () => void;
  onCancel: () => void;
  /** Loads the newest version into the form; the save button stays off until then. */
  onReload: () => void;
  afterClose: () => void;
  width?: number;
  children: ReactNode;
};

/** The frame of an edit dialog over a versioned object (`PATCH` with `If-Match`). */
export const EditModal = ({ open, title, submitId, saving, error, onSubmit, onCancel, onReload, ...rest }: Props) => {
  const { t } = useTranslation();
  const stale = isVersionStale(error);
  return (
    <Modal
      open={open}
      width={rest.width ?? 680}
      title={title}
      okText={t('common.actions.save')}
      cancelText={t('common.actions.cancel')}
      confirmLoading={saving}
      okButtonProps={{ id: submitId, disabled: stale }}
      onOk={onSubmit}
      onCancel={onCancel}
      afterClose={rest.afterClose}
      destroyOnHidden
    >
      {stale ? <StaleVersionAlert onReload={onReload} /> : <FormErrorAlert error={error} />}
      {rest.children}
    </Modal>
  );
};
