import { BUILTIN_TEMPLATE_ID, type WorkReportTemplate } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { WORK_REPORT_TEMPLATES_KEY, workReportTemplatesApi } from '../../api/reports.ts';

/** The templates: the built-in one first, then the county's, the default one marked. */
export const useTemplates = () =>
  useQuery({ queryKey: WORK_REPORT_TEMPLATES_KEY, queryFn: workReportTemplatesApi.list, staleTime: 30_000 });

/** The template a new report uses unless another is picked: the county's default, else the built-in one. */
export const defaultTemplateId = (templates: readonly WorkReportTemplate[] | undefined): string =>
  templates?.find((tpl) => tpl.isDefault)?.id ?? BUILTIN_TEMPLATE_ID;
