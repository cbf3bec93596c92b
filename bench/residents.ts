import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Household, Me, OtpSendBody, Page, RegisterBody, ResidentClaim, SignedInResult } from '@linli/contracts';
import { mapConcurrently } from './concurrently.ts';
import { type HttpClient, HttpError, type Session, sessionCookieOf } from './http-client.ts';

/** A resident the bench registered, with the session S1 submits on (resident sessions live 30 days). */
export interface BenchResident extends Session {
  phone: string;
  compoundId: string;
  building: string;
  unit: string;
  room: string;
}

interface PoolFile {
  /** The next phone number's serial: numbers are never reused, even for residents dropped as expired. */
  nextSerial: number;
  residents: BenchResident[];
}

/** Kept in the dataset's own directory: the accounts exist only in that database. Mode 600 (session tokens). */
const POOL_FILE = 'bench-residents.json';
/** 170x is a virtual-operator range; the bench's residents are 1709 followed by a 7-digit serial. */
const phoneOf = (serial: number): string => `1709${String(serial).padStart(7, '0')}`;
const DISPLAY_PREFIX = '压测居民';
/** Sign-up and code requests are limited to 10 a minute per client IP (WEB-3): 9 residents per source address. */
const PER_ADDRESS = 9;
const CONCURRENCY = 8;

/** The k-th source address of this run: 127.77.x.y, all loopback on Linux. */
const sourceAddress = (k: number): string => {
  const index = Math.floor(k / PER_ADDRESS);
  return `127.77.${Math.floor(index / 250)}.${(index % 250) + 1}`;
};

interface Place {
  compoundId: string;
  building: string;
  unit: string;
  room: string;
}

function loadPool(dataDir: string): PoolFile {
  const file = join(dataDir, POOL_FILE);
  if (!existsSync(file)) return { nextSerial: 0, residents: [] };
  return JSON.parse(readFileSync(file, 'utf8')) as PoolFile;
}

const savePool = (dataDir: string, pool: PoolFile): void =>
  writeFileSync(join(dataDir, POOL_FILE), `${JSON.stringify(pool)}\n`, { mode: 0o600 });

/** Keeps the residents whose session still works and who hold the resident role (a session idles out in 7 days). */
async function stillSignedIn(client: HttpClient, residents: BenchResident[]): Promise<BenchResident[]> {
  const alive = await mapConcurrently(residents, CONCURRENCY, async (resident) => {
    const answer = await client.call('GET', '/api/v1/auth/me', { session: resident });
    if (answer.status !== 200) return false;
    const me = JSON.parse(answer.body.toString('utf8')) as Me;
    return me.roles.some((r) => r.role === 'resident');
  });
  return residents.filter((_, i) => alive[i]);
}

async function pageThrough<T>(client: HttpClient, session: Session, path: string, max: number): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const url: string = cursor ? `${path}${separator}cursor=${encodeURIComponent(cursor)}` : path;
    const page: Page<T> = await client.get<Page<T>>(url, { session });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && items.length < max);
  return items.slice(0, max);
}

/** Real addresses to live at: a few households of each compound the county admin sees (one per compound at least). */
async function listPlaces(client: HttpClient, admin: Session, wanted: number): Promise<Place[]> {
  const compounds = await pageThrough<{ id: string }>(client, admin, '/api/v1/compounds?limit=200', 10_000);
  if (compounds.length === 0) throw new Error('the dataset has no compounds');
  const perCompound = Math.max(1, Math.ceil(wanted / compounds.length));
  const places = await mapConcurrently(compounds, CONCURRENCY, async (compound) => {
    const page = await client.get<Page<Household>>(
      `/api/v1/households?compoundId=${compound.id}&limit=${Math.min(perCompound, 100)}`,
      { session: admin },
    );
    const households = page.items.length > 0 ? page.items : [{ building: '1栋', unit: '1单元', room: '101' }];
    return households.map((h) => ({ compoundId: compound.id, building: h.building, unit: h.unit, room: h.room }));
  });
  // Round-robin over compounds, so every compound gets residents before any gets a second one.
  const spread: Place[] = [];
  for (let round = 0; spread.length < wanted; round += 1) {
    for (const list of places) if (spread.length < wanted) spread.push(list[round % list.length] as Place);
  }
  return spread;
}

/** `POST /auth/otp/send` and `POST /auth/register` from one source address; the code is the development echo. */
async function register(client: HttpClient, place: Place, serial: number, k: number): Promise<BenchResident | null> {
  const phone = phoneOf(serial);
  const localAddress = sourceAddress(k);
  const send: OtpSendBody = { phone, purpose: 'register' };
  const sent = await client.json<{ devCode?: string }>('POST', '/api/v1/auth/otp/send', { body: send, localAddress });
  if (!sent.devCode) throw new Error('Linli did not echo the SMS code: is it running with NODE_ENV=production?');
  const body: RegisterBody = {
    phone,
    code: sent.devCode,
    displayName: `${DISPLAY_PREFIX}${serial}`,
    compoundId: place.compoundId,
    building: place.building,
    room: place.room,
    ...(place.unit ? { unit: place.unit } : {}),
  };
  const answer = await client.call('POST', '/api/v1/auth/register', { body, localAddress });
  // A phone the dataset already holds (409) is skipped: numbers are plentiful.
  if (answer.status === 409) return null;
  if (answer.status !== 200) {
    throw new HttpError('POST', '/api/v1/auth/register', answer.status, answer.body.toString('utf8'));
  }
  const result = JSON.parse(answer.body.toString('utf8')) as SignedInResult;
  const cookie = sessionCookieOf(answer.headers);
  return { cookie, csrfToken: result.me.csrfToken, userId: result.me.id, phone, ...place };
}

/** The county admin confirms every pending claim of the bench's residents, which grants them the resident role. */
async function confirmClaims(client: HttpClient, admin: Session): Promise<number> {
  const pending = await pageThrough<ResidentClaim>(
    client,
    admin,
    '/api/v1/resident-claims?status=pending&limit=200',
    1e9,
  );
  const ours = pending.filter((claim) => claim.displayName.startsWith(DISPLAY_PREFIX));
  await mapConcurrently(ours, CONCURRENCY, (claim) =>
    client.json('POST', `/api/v1/resident-claims/${claim.id}/decision`, {
      session: admin,
      body: { decision: 'confirmed' },
    }),
  );
  return ours.length;
}

/**
 * At least `wanted` signed-in residents of the dataset, made the way real ones are: an SMS code, self-registration
 * at a real household, the claim confirmed by the county admin. Made once per dataset and kept with their
 * sessions in `<dataDir>/bench-residents.json`; later runs only check the sessions and top the pool up.
 */
export async function ensureResidentPool(
  client: HttpClient,
  admin: Session,
  dataDir: string,
  wanted: number,
  log: (line: string) => void,
): Promise<BenchResident[]> {
  const pool = loadPool(dataDir);
  // Claims left pending by an interrupted run are confirmed first, so their residents are not dropped below.
  if (pool.residents.length > 0) await confirmClaims(client, admin);
  pool.residents = await stillSignedIn(client, pool.residents);
  const started = performance.now();
  let registered = 0;
  // A phone the dataset already holds is skipped, so a round may fall short; two more rounds make up for it.
  for (let round = 0; round < 3 && pool.residents.length < wanted; round += 1) {
    const missing = wanted - pool.residents.length;
    log(`Registering ${missing} residents (SMS code, sign-up at a household, claim confirmed by the county admin)…`);
    const places = await listPlaces(client, admin, missing);
    const firstSerial = pool.nextSerial;
    pool.nextSerial += missing;
    const made = await mapConcurrently(places, CONCURRENCY, (place, i) =>
      register(client, place, firstSerial + i, registered + i),
    );
    registered += missing;
    pool.residents.push(...made.filter((r): r is BenchResident => r !== null));
    savePool(dataDir, pool);
  }
  if (registered > 0) {
    const confirmed = await confirmClaims(client, admin);
    log(`  ${confirmed} claims confirmed; ${((performance.now() - started) / 1000).toFixed(1)} s in all`);
  }
  savePool(dataDir, pool);
  return pool.residents.slice(0, wanted);
}
