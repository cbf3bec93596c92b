import { Modal } from 'antd';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type NavigateOptions, useBlocker, useNavigate } from 'react-router';

/**
 * Asks before leaving a page with unsaved edits (in-app navigation and closing the tab). `go` navigates without
 * asking — after a save, when the edits are no longer at risk.
 */
export const useLeaveGuard = (dirty: boolean) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const bypass = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && !bypass.current && currentLocation.pathname !== nextLocation.pathname,
  );

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const go = useCallback(
    (to: string, options?: NavigateOptions) => {
      bypass.current = true;
      void navigate(to, options);
    },
    [navigate],
  );

  const prompt = (
    <Modal
      open={blocker.state === 'blocked'}
      title={t('reports.templates.leaveTitle')}
      okText={t('reports.templates.leaveOk')}
      okButtonProps={{ danger: true }}
      cancelText={t('reports.templates.leaveCancel')}
      onOk={() => blocker.proceed?.()}
      onCancel={() => blocker.reset?.()}
    >
      {t('reports.templates.leaveHint')}
    </Modal>
  );
  return { prompt, go };
};
