import type {
  AddMediationSessionBodySchema,
  ApiKeyListSchema,
  ApiKeySchema,
  CalendarDaySchema,
  CalendarYearSchema,
  CivicCategory,
  CreateCivicCategoryBody,
  CreateRoutingRuleBodySchema,
  IssuedApiKeySchema,
  Mediation,
  MediationOutcomeBodySchema,
  MetricSettings,
  MetricSettingsResponseSchema,
  Metrics,
  MetricsQuery,
  PutCalendarDayBodySchema,
  PutMediationBodySchema,
  PutSlaRuleBody,
  Ranking,
  RankingQuery,
  RoutingRule,
  RoutingRuleListSchema,
  SlaRule,
  SlaRuleListSchema,
  UpdateCivicCategoryBody,
  UpdateRoutingRuleBodySchema,
} from '@linli/contracts';
import { download, http } from './http.ts';
import type { In, Out } from './types.ts';

export type CreateRoutingRuleBody = In<typeof CreateRoutingRuleBodySchema>;
export type UpdateRoutingRuleBody = In<typeof UpdateRoutingRuleBodySchema>;
export type CalendarYear = Out<typeof CalendarYearSchema>;
export type CalendarDay = Out<typeof CalendarDaySchema>;
export type PutCalendarDayBody = In<typeof PutCalendarDayBodySchema>;
export type MetricSettingsResponse = Out<typeof MetricSettingsResponseSchema>;
export type ApiKey = Out<typeof ApiKeySchema>;
export type IssuedApiKey = Out<typeof IssuedApiKeySchema>;
export type PutMediationBody = In<typeof PutMediationBodySchema>;
export type AddMediationSessionBody = In<typeof AddMediationSessionBodySchema>;
export type MediationOutcomeBody = In<typeof MediationOutcomeBodySchema>;

export const SLAS_KEY = ['civic-slas'] as const;
export const ROUTING_RULES_KEY = ['civic-routing-rules'] as const;
export const calendarKey = (year: number) => ['calendar', year] as const;
export const METRIC_SETTINGS_KEY = ['civic-metric-settings'] as const;
export const API_KEYS_KEY = ['civic-api-keys'] as const;
export const METRICS_KEY = 'civic-metrics';
export const RANKINGS_KEY = 'civic-rankings';
export const mediationKey = (caseId: string) => ['civic-mediation', caseId] as const;

/** 民情设置: categories (the list itself is `civicCategoriesApi.list`), time limits, routing, calendar, metrics, keys. */
export const civicSettingsApi = {
  createCategory: (body: CreateCivicCategoryBody, idempotencyKey: string) =>
    http.post<CivicCategory>('/civic-categories', body, { idempotencyKey }),
  /** Also retires (`active: false`) and restores a category. */
  updateCategory: (id: string, body: UpdateCivicCategoryBody, version: number) =>
    http.patch<CivicCategory>(`/civic-categories/${id}`, body, { version }),

  slas: () => http.get<Out<typeof SlaRuleListSchema>>('/civic-slas'),
  /** Sets one cell of the table (the county default with `categoryId: null`, else the category's own row). */
  putSla: (body: PutSlaRuleBody) => http.put<SlaRule>('/civic-slas', body),
  deleteSla: (id: string) => http.delete(`/civic-slas/${id}`),

  routingRules: () => http.get<Out<typeof RoutingRuleListSchema>>('/civic-routing-rules'),
  createRoutingRule: (body: CreateRoutingRuleBody, idempotencyKey: string) =>
    http.post<RoutingRule>('/civic-routing-rules', body, { idempotencyKey }),
  updateRoutingRule: (id: string, body: UpdateRoutingRuleBody, version: number) =>
    http.patch<RoutingRule>(`/civic-routing-rules/${id}`, body, { version }),

  calendar: (year: number) => http.get<CalendarYear>('/calendar', { year }),
  /** The county's own entry for a day (a workday or a holiday, with a name). */
  putCalendarDay: (day: string, body: PutCalendarDayBody) => http.put<CalendarDay>(`/calendar/days/${day}`, body),
  /** Back to the package's (or the weekend rule's) answer for the day. */
  resetCalendarDay: (day: string) => http.delete(`/calendar/days/${day}`),

  metricSettings: () => http.get<MetricSettingsResponse>('/civic-metric-settings'),
  putMetricSettings: (body: MetricSettings, version: number) =>
    http.put<MetricSettingsResponse>('/civic-metric-settings', body, { version }),

  apiKeys: () => http.get<Out<typeof ApiKeyListSchema>>('/civic-api-keys'),
  /** The answer holds the whole key, once; no Idempotency-Key on purpose (a replay would be a stored copy). */
  issueApiKey: (name: string) => http.post<IssuedApiKey>('/civic-api-keys', { name }),
  revokeApiKey: (id: string) => http.delete(`/civic-api-keys/${id}`),
};

/** 统计考核: counts, 三率 and grades over a scope and period; monthly rankings. */
export const civicMetricsApi = {
  metrics: (query: MetricsQuery) => http.get<Metrics>('/civic-metrics', query),
  ranking: (query: RankingQuery) => http.get<Ranking>('/civic-rankings', query),
};

/** 纠纷调解 on a dispute case: parties and mediator, sessions, outcome and the agreement document. */
export const mediationApi = {
  get: (caseId: string) => http.get<Mediation>(`/civic-cases/${caseId}/mediation`),
  /** `version` 0 creates the record. */
  putParties: (caseId: string, body: PutMediationBody, version: number) =>
    http.put<Mediation>(`/civic-cases/${caseId}/mediation`, body, { version }),
  addSession: (caseId: string, body: AddMediationSessionBody, idempotencyKey: string) =>
    http.post<Mediation>(`/civic-cases/${caseId}/mediation/sessions`, body, { idempotencyKey }),
  recordOutcome: (caseId: string, body: MediationOutcomeBody, idempotencyKey: string) =>
    http.post<Mediation>(`/civic-cases/${caseId}/mediation/outcome`, body, { idempotencyKey }),
  downloadAgreement: (caseId: string, fallbackName: string) =>
    download(`/civic-cases/${caseId}/mediation/agreement`, {}, fallbackName),
};
