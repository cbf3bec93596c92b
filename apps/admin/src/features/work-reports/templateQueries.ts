import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { isApiError } from '../../api/http.ts';
import {
  type TemplatePreviewBody,
  templateCheckKey,
  templatePreviewKey,
  workReportTemplatesApi,
} from '../../api/reports.ts';
import { useDebounced } from '../../components/useDebounced.ts';
import { type ReportPeriod, type ReportScope, scopeQuery } from './scopePeriod.ts';

const CHECK_DELAY_MS = 400;
const PREVIEW_DELAY_MS = 700;

/** A refusal (4xx) will not change on a retry; a network error or 5xx may. */
const retryUnlessRefused = (count: number, error: unknown): boolean =>
  count < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500);

/** `POST /work-report-templates/check` on the body as it stands a moment after the last keystroke. */
export const useTemplateCheck = (body: string) => {
  const debounced = useDebounced(body, CHECK_DELAY_MS);
  const query = useQuery({
    queryKey: templateCheckKey(debounced),
    queryFn: ({ signal }) => workReportTemplatesApi.check(debounced, signal),
    enabled: debounced.trim().length > 0,
    placeholderData: keepPreviousData,
    retry: retryUnlessRefused,
    staleTime: 60_000,
  });
  return { ...query, isSettling: debounced !== body || query.isFetching };
};

/** `POST /work-report-templates/preview`: the body filled in for a scope and period, as the document will read. */
export const useTemplatePreview = (body: string, scope: ReportScope, period: ReportPeriod, enabled: boolean) => {
  const request: TemplatePreviewBody = { body, ...scopeQuery(scope), from: period.from, to: period.to };
  // Debounced as text: a fresh object every render would restart the timer for ever.
  const requestText = JSON.stringify(request);
  const debouncedText = useDebounced(requestText, PREVIEW_DELAY_MS);
  const debounced = JSON.parse(debouncedText) as TemplatePreviewBody;
  const query = useQuery({
    queryKey: templatePreviewKey(debounced),
    queryFn: ({ signal }) => workReportTemplatesApi.preview(debounced, signal),
    enabled: enabled && debounced.body.trim().length > 0,
    placeholderData: keepPreviousData,
    retry: retryUnlessRefused,
    staleTime: 60_000,
  });
  return { ...query, isSettling: debouncedText !== requestText || query.isFetching };
};
