import { compoundsApi } from '../api/compounds.ts';
import { gridsApi } from '../api/grids.ts';
import i18n from '../i18n/index.ts';
import { RemoteSelect, type RemoteSelectProps } from './RemoteSelect.tsx';

const searchCompounds = async (q: string) =>
  (await compoundsApi.list({ q: q || undefined, limit: 20, sort: 'name', order: 'asc' })).items.map((c) => ({
    value: c.id,
    label: i18n.t('common.fmt.withNote', { text: c.name, note: c.orgName }),
  }));

const searchGrids = async (q: string) =>
  (await gridsApi.list({ q: q || undefined, limit: 20 })).items.map((g) => ({
    value: g.id,
    label: `${g.name} · ${g.code}`,
  }));

/** Picks a compound in the caller's scope, searching by name. */
export const CompoundSelect = (props: RemoteSelectProps) => (
  <RemoteSelect {...props} queryKey="compounds" search={searchCompounds} />
);

/** Picks a grid in the caller's scope, searching by code or name. */
export const GridSelect = (props: RemoteSelectProps) => (
  <RemoteSelect {...props} queryKey="grids" search={searchGrids} />
);
