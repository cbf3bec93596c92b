import { useQuery } from '@tanstack/react-query';
import { servicesApi } from '../../api/services.ts';

export const TO_RATE_KEY = ['services-to-rate'] as const;

/** The home tile's badge: how many services wait for my rating (`n+` when there are more pages). */
export const useToRateBadge = (enabled: boolean): string | undefined => {
  const first = useQuery({
    queryKey: [...TO_RATE_KEY, 'count'],
    queryFn: ({ signal }) => servicesApi.toRate({ limit: 20 }, signal),
    enabled,
  });
  const count = first.data?.items.length ?? 0;
  return count > 0 ? `${count}${first.data?.nextCursor ? '+' : ''}` : undefined;
};
