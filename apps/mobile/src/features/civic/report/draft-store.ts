import type { CaseForm } from './case-form.ts';

/**
 * A report being written, kept on the phone so that nothing is lost when the network drops or the page closes
 * (REL-6): what the user typed, the ids of photos already uploaded (never image bytes), and the Idempotency-Key
 * made when the form opened, so a resubmission after a lost answer is recognised by the server.
 */
export type StoredDraft = {
  /** `<user id>:<mode>`: one draft per account and form, so a shared family phone keeps them apart. */
  id: string;
  step: 'category' | 'details';
  form: CaseForm;
  idempotencyKey: string;
  /** The body last sent with this key (serialised): an edit after a failed send needs a new key. */
  attemptedBody: string | null;
  /** A send failed for the network: the 待提交 banner shows and the draft is sent again when back online. */
  pending: boolean;
  savedAt: string;
};

const DB_NAME = 'linli-m-drafts';
const STORE = 'civic-case';
/** Drafts older than this are dropped when read: a month-old half-written report is no longer news. */
const MAX_AGE_MS = 30 * 24 * 3600_000;

let opening: Promise<IDBDatabase | null> | null = null;

const openDb = (): Promise<IDBDatabase | null> => {
  opening ??= new Promise((resolve) => {
    if (typeof indexedDB === 'undefined') {
      resolve(null);
      return;
    }
    try {
      const request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = () => {
        if (!request.result.objectStoreNames.contains(STORE))
          request.result.createObjectStore(STORE, { keyPath: 'id' });
      };
      request.onsuccess = () => resolve(request.result);
      // Private browsing or storage switched off: drafts last for this visit only.
      request.onerror = () => resolve(null);
      request.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
  return opening;
};

const run = async <T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T | null> => {
  const db = await openDb();
  if (db === null) return null;
  return new Promise((resolve) => {
    try {
      const request = work(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
};

const isDraft = (value: unknown): value is StoredDraft =>
  typeof value === 'object' &&
  value !== null &&
  'id' in value &&
  'form' in value &&
  'idempotencyKey' in value &&
  typeof value.idempotencyKey === 'string';

export const draftId = (userId: string, mode: string): string => `${userId}:${mode}`;

export const loadDraft = async (id: string): Promise<StoredDraft | null> => {
  const value: unknown = await run('readonly', (store) => store.get(id));
  if (!isDraft(value)) return null;
  if (Date.now() - Date.parse(value.savedAt) > MAX_AGE_MS) {
    await deleteDraft(id);
    return null;
  }
  return value;
};

export const saveDraft = async (draft: StoredDraft): Promise<void> => {
  await run('readwrite', (store) => store.put(draft));
};

export const deleteDraft = async (id: string): Promise<void> => {
  await run('readwrite', (store) => store.delete(id));
};
