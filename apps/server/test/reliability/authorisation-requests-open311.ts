import { API, idempotencyKey, type RequestTable } from './authorisation-cells.ts';
import { open311Fields, publicReport } from './authorisation-world-objects.ts';

/** Anonymous 民情 and its tracking page (PI-8), and Open311 GeoReport v2: no session, API keys and tracking codes. */

const PUBLIC = 'public: no session needed, nothing to place on a side';
const FORM = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };

function open311Requests(): RequestTable {
  const table: RequestTable = {};
  const O311 = '/open311/v2';
  for (const format of ['xml', 'json'] as const) {
    table[`GET ${O311}/discovery.${format}`] = {
      scope: 'unscoped',
      why: PUBLIC,
      build: async () => ({ url: `${O311}/discovery.${format}` }),
    };
    table[`GET ${O311}/services.${format}`] = {
      scope: 'unscoped',
      why: PUBLIC,
      build: async () => ({ url: `${O311}/services.${format}` }),
    };
    table[`GET ${O311}/requests.${format}`] = {
      scope: 'unscoped',
      why: PUBLIC,
      build: async () => ({ url: `${O311}/requests.${format}` }),
    };
    table[`POST ${O311}/requests.${format}`] = {
      scope: 'unscoped',
      why: 'Open311: the API key is the credential, a session changes nothing',
      build: async ({ world }) => ({
        url: `${O311}/requests.${format}`,
        payload: new URLSearchParams(open311Fields(world.shared.open311Key)).toString(),
        headers: FORM,
      }),
    };
  }
  table[`GET ${O311}/services/:file`] = {
    scope: 'unscoped',
    why: PUBLIC,
    build: async () => ({ url: `${O311}/services/MS02.json` }),
  };
  table[`GET ${O311}/requests/:file`] = {
    scope: 'unscoped',
    why: PUBLIC,
    build: async ({ world }) => ({ url: `${O311}/requests/${world.shared.open311RequestId}.json` }),
  };
  table[`GET ${O311}/tokens/:file`] = {
    scope: 'unscoped',
    why: PUBLIC,
    build: async ({ world }) => ({ url: `${O311}/tokens/${world.shared.trackingCode}.json` }),
  };
  return table;
}

export const PUBLIC_INTAKE_REQUESTS: RequestTable = {
  'POST /api/v1/public/civic-cases': {
    scope: 'unscoped',
    why: PUBLIC,
    build: async ({ world }) => ({
      url: `${API}/public/civic-cases`,
      body: publicReport(world.sides.in),
      headers: idempotencyKey(),
    }),
  },
  'GET /api/v1/public/civic-cases/:trackingCode': {
    scope: 'unscoped',
    why: PUBLIC,
    build: async ({ world }) => ({ url: `${API}/public/civic-cases/${world.shared.trackingCode}` }),
  },
  ...open311Requests(),
};
