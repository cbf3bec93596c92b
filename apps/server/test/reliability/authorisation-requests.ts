import type { RequestTable } from './authorisation-cells.ts';
import { CIVIC_REQUESTS } from './authorisation-requests-civic.ts';
import { PUBLIC_INTAKE_REQUESTS } from './authorisation-requests-open311.ts';
import { ORGANISATION_REQUESTS } from './authorisation-requests-organisation.ts';
import { PLATFORM_REQUESTS } from './authorisation-requests-platform.ts';
import { POSTS_REQUESTS } from './authorisation-requests-posts.ts';
import { REPORTS_REQUESTS } from './authorisation-requests-reports.ts';
import { ROSTER_REQUESTS } from './authorisation-requests-roster.ts';
import { WORKFLOW_REQUESTS } from './authorisation-requests-workflow.ts';

/**
 * The route → request table of the authorisation matrix: for each route of the route table (`METHOD /url`), a
 * builder of a valid request against the side's object, so that a deny is a deny and not a 400. A route whose
 * `:action` (or other closed parameter) changes who may call it has one entry per value, keyed
 * `METHOD /url [value]`. HEAD routes are Fastify's automatic twins of the GET routes (same handler and hooks)
 * and have no rows of their own.
 */
export const REQUESTS: RequestTable = {
  ...PLATFORM_REQUESTS,
  ...ORGANISATION_REQUESTS,
  ...ROSTER_REQUESTS,
  ...POSTS_REQUESTS,
  ...CIVIC_REQUESTS,
  ...WORKFLOW_REQUESTS,
  ...PUBLIC_INTAKE_REQUESTS,
  ...REPORTS_REQUESTS,
};

/** The route-table key of a request-table key: `POST /x/:id/actions/:action [sign]` → `POST /x/:id/actions/:action`. */
export const baseRoute = (key: string): string => key.replace(/ \[[a-z_]+\]$/, '');

/**
 * The routes that answer without a session, each for its reason; every other route must answer 401 to the
 * anonymous row (SEC-10's deny by default starts with "who are you").
 */
export const PUBLIC_ROUTES: Record<string, string> = {
  'POST /api/v1/auth/login': 'sign-in',
  'POST /api/v1/auth/totp/enrol': 'sign-in, second factor (with the login challenge token)',
  'POST /api/v1/auth/totp/verify': 'sign-in, second factor (with the login challenge token)',
  'POST /api/v1/auth/password/initial': 'first password (with the password-change challenge token)',
  'POST /api/v1/auth/otp/send': 'SMS code for sign-in or registration',
  'POST /api/v1/auth/otp/login': 'sign-in with an SMS code',
  'POST /api/v1/auth/register': 'resident self-registration with an SMS code',
  'POST /api/v1/auth/logout': 'signing out is idempotent: without a session there is nothing to end',
  'GET /api/v1/public/compounds': 'the compound picker of registration (names only)',
  'GET /api/v1/public/badges/:token': 'the 亮身份 check a badge’s QR code opens',
  'POST /api/v1/public/civic-cases': 'anonymous 民情 without an account (PI-8)',
  'GET /api/v1/public/civic-cases/:trackingCode': 'the tracking page of an anonymous report',
  'GET /healthz': 'load-balancer health check',
  'GET /api/docs': 'API documentation',
  'GET /api/docs/json': 'API documentation',
  'GET /api/docs/yaml': 'API documentation',
  'GET /api/docs/static/index.html': 'API documentation',
  'GET /api/docs/static/swagger-initializer.js': 'API documentation',
  'GET /api/docs/static/*': 'API documentation',
  'GET /open311/v2/discovery.xml': 'Open311 GeoReport v2 (its own API keys, no session)',
  'GET /open311/v2/discovery.json': 'Open311 GeoReport v2',
  'GET /open311/v2/services.xml': 'Open311 GeoReport v2',
  'GET /open311/v2/services.json': 'Open311 GeoReport v2',
  'POST /open311/v2/requests.xml': 'Open311 GeoReport v2 (creating needs an API key)',
  'POST /open311/v2/requests.json': 'Open311 GeoReport v2 (creating needs an API key)',
  'GET /open311/v2/requests.xml': 'Open311 GeoReport v2',
  'GET /open311/v2/requests.json': 'Open311 GeoReport v2',
  'GET /open311/v2/services/:file': 'Open311 GeoReport v2',
  'GET /open311/v2/requests/:file': 'Open311 GeoReport v2',
  'GET /open311/v2/tokens/:file': 'Open311 GeoReport v2 (a tracking code)',
};

/**
 * The routes whose 2xx answers may name a side-B object to an actor scoped to side A, each for its reason. Any other
 * answer that holds the id of one of side B's places, people or objects fails the matrix (SEC-10 for lists, which
 * answer 200 whatever the scope).
 */
export const NAMES_OTHER_SIDE: Record<string, string> = {
  'GET /api/v1/public/compounds': 'the public compound picker of registration names every compound',
  'GET /api/v1/civic-cases/duplicates':
    'by design: whoever may report sees open cases of any compound to “me too” (title, number, no reporter data)',
  'GET /api/v1/audit': 'the audit log is the whole county’s, read at the county root only',
  'GET /api/v1/audit/verify': 'the audit log is the whole county’s, read at the county root only',
  'GET /open311/v2/requests.json': 'Open311 publishes the county’s service requests (no reporter data)',
  'GET /open311/v2/requests.xml': 'Open311 publishes the county’s service requests (no reporter data)',
  'GET /api/v1/work-units': 'work units are county-wide reference data (an employer and its Party organisation)',
  'GET /api/v1/work-units/:id': 'work units are county-wide reference data (an employer and its Party organisation)',
  'GET /api/v1/work-unit-feedback': 'echoes the work unit asked for; its rows are the caller’s own residents only',
  'POST /api/v1/work-unit-feedback': 'echoes the work unit asked for; its rows are the caller’s own residents only',
};
