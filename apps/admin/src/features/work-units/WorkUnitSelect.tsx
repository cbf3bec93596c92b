import { PlusOutlined } from '@ant-design/icons';
import type { WorkUnit } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { workUnitsApi } from '../../api/workUnits.ts';
import { useSession } from '../../app/session.tsx';
import { type Option, RemoteSelect, type RemoteSelectProps } from '../../components/RemoteSelect.tsx';
import i18n from '../../i18n/index.ts';
import { WorkUnitCreateModal } from './WorkUnitCreateModal.tsx';

/** A unit as an option: its name, with its Party organisation when known. */
export const workUnitOption = (u: Pick<WorkUnit, 'id' | 'name' | 'partyOrgName'>): Option => ({
  value: u.id,
  label: u.partyOrgName ? i18n.t('common.fmt.withNote', { text: u.name, note: u.partyOrgName }) : u.name,
});

/** A chosen unit's option before any search (a value from the URL), as `knownOptions`. */
export const useWorkUnitOption = (id: string | undefined): Option[] => {
  const unit = useQuery({
    queryKey: ['filter-names', 'work-unit-option', id],
    queryFn: async () => workUnitOption(await workUnitsApi.get(id ?? '')),
    enabled: !!id,
    staleTime: 5 * 60_000,
    retry: false,
  });
  return unit.data ? [unit.data] : [];
};

const searchWorkUnits = async (q: string) =>
  (await workUnitsApi.list({ q: q || undefined, limit: 20 })).items.map(workUnitOption);

type Props = RemoteSelectProps & {
  /** Offers 新建 beside the select (to holders of `work_unit.write`); the new unit becomes the value. */
  allowCreate?: boolean;
};

/** Picks a work unit by name (`GET /work-units?q=`), optionally creating a missing one on the spot. */
export const WorkUnitSelect = ({ allowCreate, ...props }: Props) => {
  const { t } = useTranslation();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [made, setMade] = useState<Option[]>([]);
  const knownOptions = [...(props.knownOptions ?? []), ...made];
  const common = { knownOptions, queryKey: 'work-units', search: searchWorkUnits };
  if (!allowCreate || !can('work_unit.write') || props.mode === 'multiple')
    return <RemoteSelect {...props} {...common} />;
  const onChange = props.onChange;
  return (
    <>
      <Space.Compact style={{ width: '100%' }}>
        <RemoteSelect {...props} {...common} style={{ ...props.style, flex: 1, width: 'auto', minWidth: 0 }} />
        <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="work-unit-inline-create">
          {t('member.workUnit.createInline')}
        </Button>
      </Space.Compact>
      <WorkUnitCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(unit) => {
          setMade((prev) => [...prev, workUnitOption(unit)]);
          onChange?.(unit.id);
          void queryClient.invalidateQueries({ queryKey: ['options', 'work-units'] });
          void queryClient.invalidateQueries({ queryKey: ['work-units'] });
        }}
      />
    </>
  );
};
