import type { WorkUnitDetail, WorkUnitReportInRow } from '@linli/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { workUnitDetailKey, workUnitsApi } from '../../api/workUnits.ts';
import { useSession } from '../../app/session.tsx';
import { DetailDrawer, DetailList } from '../../components/DetailDrawer.tsx';
import { EditButton } from '../../components/EditButton.tsx';
import { type DetailSource, useEditableDetail } from '../../components/useDetailEditing.ts';
import { WorkUnitEditModal } from './WorkUnitEditModal.tsx';

const UnitInfo = ({ unit, board }: { unit: WorkUnitDetail; board: WorkUnitReportInRow | undefined }) => {
  const { t } = useTranslation();
  const { can } = useSession();
  return (
    <DetailList
      items={[
        { key: 'name', label: t('member.workUnit.name'), children: unit.name },
        {
          key: 'partyOrg',
          label: t('member.workUnit.partyOrgName'),
          children: (
            <>
              {unit.partyOrgName || '—'}{' '}
              {unit.partyOrgId ? (
                <Tag color="red">{t('member.workUnit.inCounty')}</Tag>
              ) : (
                <Tag>{t('member.workUnit.outsideCounty')}</Tag>
              )}
            </>
          ),
        },
        { key: 'contactName', label: t('member.workUnit.contactName'), children: unit.contactName ?? '—' },
        {
          key: 'contactPhone',
          label: t('member.workUnit.contactPhone'),
          children: unit.contactPhoneMasked ? <span className="mono">{unit.contactPhoneMasked}</span> : '—',
        },
        { key: 'address', label: t('member.workUnit.address'), children: unit.address ?? '—' },
        {
          key: 'members',
          label: t('member.workUnit.inService'),
          children: board
            ? t('member.workUnit.boardLine', {
                inService: board.inService,
                confirmed: board.confirmed,
                pending: board.pending,
                notReported: board.notReported,
              })
            : t('member.workUnit.noInService'),
        },
        {
          key: 'roster',
          label: t('member.workUnit.roster'),
          children: (
            <>
              <Link to={`/members?workUnitId=${unit.id}`} data-testid="work-unit-members-link">
                {t('member.workUnit.viewMembers')}
              </Link>
              {can('feedback.read') && (
                <>
                  {' · '}
                  <Link to={`/work-unit-feedback?workUnitId=${unit.id}`}>{t('member.workUnit.viewFeedback')}</Link>
                </>
              )}
            </>
          ),
        },
      ]}
    />
  );
};

const WORK_UNIT: DetailSource<WorkUnitDetail> = {
  key: workUnitDetailKey,
  get: workUnitsApi.get,
  listKey: ['work-units', 'list'],
};

type Props = { id: string | null; board: WorkUnitReportInRow | undefined; onClose: () => void };

/** A work unit's detail (`GET /work-units/:id`), with 编辑 when `abilities.update`. */
export const WorkUnitDetailDrawer = ({ id, board, onClose }: Props) => {
  const { t } = useTranslation();
  const { detail, edit, dialog } = useEditableDetail(id, WORK_UNIT);
  return (
    <>
      <DetailDrawer
        open={id !== null}
        title={t('member.workUnit.detailTitle')}
        query={detail}
        onClose={onClose}
        data-testid="work-unit-detail"
        extra={(unit) =>
          unit.abilities.update && <EditButton onClick={() => edit.start(unit)} data-testid="work-unit-edit" />
        }
      >
        {(unit) => <UnitInfo unit={unit} board={board} />}
      </DetailDrawer>
      <WorkUnitEditModal {...dialog} unit={edit.base} />
    </>
  );
};
