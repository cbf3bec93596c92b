import { useQueries } from '@tanstack/react-query';
import { householdDetailKey, householdsApi } from '../../api/households.ts';
import { type Option, RemoteSelect, type RemoteSelectProps } from '../../components/RemoteSelect.tsx';

const searchHouseholds = (compoundId: string | undefined) => async (q: string) =>
  (await householdsApi.list({ compoundId, q: q || undefined, limit: 20 })).items.map((h) => ({
    value: h.id,
    label: h.label,
  }));

type Props = RemoteSelectProps & {
  /** Only households of this compound (none chosen: every household in scope). */
  compoundId: string | undefined;
};

/** Picks one or more households (住户) by address: 「3栋」, 「2单元501」… */
export const HouseholdSelect = ({ compoundId, ...props }: Props) => (
  <RemoteSelect
    {...props}
    key={compoundId ?? ''}
    queryKey={`households:${compoundId ?? ''}`}
    search={searchHouseholds(compoundId)}
  />
);

/** The most households whose addresses are looked up one by one for display. */
const MAX_LOOKUPS = 100;

/** Addresses of households known only by id (a post's area), looked up once each and cached. */
export const useHouseholdLabels = (ids: readonly string[]): { options: Option[]; loading: boolean } => {
  const shown = ids.slice(0, MAX_LOOKUPS);
  const results = useQueries({
    queries: shown.map((id) => ({
      queryKey: householdDetailKey(id),
      queryFn: () => householdsApi.get(id),
      staleTime: 60_000,
    })),
  });
  return {
    options: shown.map((id, i) => ({ value: id, label: results[i]?.data?.label ?? '…' })),
    loading: results.some((r) => r.isPending),
  };
};
