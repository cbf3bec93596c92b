import { dutyZonesApi } from '../../api/dutyZones.ts';
import { RemoteSelect, type RemoteSelectProps } from '../../components/RemoteSelect.tsx';
import i18n from '../../i18n/index.ts';

const searchDutyZones = async (q: string) =>
  (await dutyZonesApi.list({ q: q || undefined, limit: 20 })).items.map((z) => ({
    value: z.id,
    label: i18n.t('common.fmt.withNote', { text: z.name, note: i18n.t(`common.enum.dutyZoneKind.${z.kind}`) }),
  }));

/** Picks a river or street duty zone (责任区), searching by name. */
export const DutyZoneSelect = (props: RemoteSelectProps) => (
  <RemoteSelect {...props} queryKey="duty-zones" search={searchDutyZones} />
);
