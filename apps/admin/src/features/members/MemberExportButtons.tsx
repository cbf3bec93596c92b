import { DownloadOutlined, SafetyOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { membersApi } from '../../api/members.ts';
import { errorText } from '../../components/errors.ts';
import { ExportRequestCreateModal } from './ExportRequestCreateModal.tsx';
import { exportFilterOf, type MemberFilters } from './useMemberFilters.ts';

/** 导出 (the masked xlsx of the current filters) and 申请明文导出 (a PI-4 request for a second person to approve). */
export const MemberExportButtons = ({ filters }: { filters: MemberFilters }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [requesting, setRequesting] = useState(false);
  const filter = exportFilterOf(filters);
  const exporter = useMutation({
    mutationFn: () =>
      membersApi.export(filter ?? {}, `${t('member.export.fileName')}-${dayjs().format('YYYYMMDD')}.xlsx`),
    onSuccess: () => void message.success(t('member.export.done')),
    onError: (e) => void message.error(errorText(e, t)),
  });
  const blocked = filter === null ? t('member.export.fullPiSearch') : undefined;
  return (
    <>
      <Tooltip title={blocked ?? t('member.export.maskedHint')}>
        <Button
          icon={<DownloadOutlined />}
          loading={exporter.isPending}
          disabled={filter === null}
          onClick={() => exporter.mutate()}
          data-testid="member-export"
        >
          {t('member.export.masked')}
        </Button>
      </Tooltip>
      <Tooltip title={blocked ?? t('member.export.requestHint')}>
        <Button
          icon={<SafetyOutlined />}
          disabled={filter === null}
          onClick={() => setRequesting(true)}
          data-testid="member-export-request"
        >
          {t('member.export.request')}
        </Button>
      </Tooltip>
      {filter && <ExportRequestCreateModal open={requesting} filter={filter} onClose={() => setRequesting(false)} />}
    </>
  );
};
