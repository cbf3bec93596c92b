import { compoundsApi } from '../api/compounds.ts';
import { gridsApi } from '../api/grids.ts';
import i18n from '../i18n/index.ts';
import { RemoteSelect, type RemoteSelectProps } from './RemoteSelect.tsx';

const searchCompounds = async (q: string) =>
  (await compoundsApi.list({ q: q || undefined, limit: 20, sort: 'name', order: 'asc' })).items.map((c) => ({
    value: c.id,
    label: i18n.t('common.fmt.withNote', { text: c.name, note: c.orgName }),
  }));

const searchCountyCompounds = async (q: string) =>
  (await compoundsApi.searchCounty(q)).items.map((c) => ({
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

/**
 * Picks any compound of the county by name, in or out of the caller's scope: an organ Party organisation reports
 * in (双报到) to compounds it does not manage.
 */
export const CountyCompoundSelect = (props: RemoteSelectProps) => (
  <RemoteSelect {...props} queryKey="county-compounds" search={searchCountyCompounds} />
);

/** Picks a grid in the caller's scope, searching by code or name. */
export const GridSelect = (props: RemoteSelectProps) => (
  <RemoteSelect {...props} queryKey="grids" search={searchGrids} />
);
