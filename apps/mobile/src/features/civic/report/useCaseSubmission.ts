import type { CivicCategory, SubmittedCivicCase } from '@linli/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { civicApi } from '../../../api/civic.ts';
import { newIdempotencyKey } from '../../../api/idempotency.ts';
import { useDescribeError } from '../../../i18n/describe-error.ts';
import { type CaseForm, checkForm, type FormErrors, type FormMode, toFileBody, toSubmitBody } from './case-form.ts';
import { deleteDraft, type StoredDraft, saveDraft } from './draft-store.ts';
import { freshDraft, isNetworkFailure, sendSignal, serverFieldErrors } from './submission.ts';

const AUTOSAVE_MS = 500;

/** After a check fails, bring the first red field into view: on a long form it may be far above the button. */
const scrollToFirstError = () =>
  window.requestAnimationFrame(() =>
    document.querySelector('.field-invalid')?.scrollIntoView({ block: 'center', behavior: 'smooth' }),
  );

type Options = {
  mode: FormMode;
  initial: StoredDraft;
  categories: readonly CivicCategory[];
  defaultCompound: { id: string; name: string } | null;
  onSubmitted: (result: SubmittedCivicCase) => void;
};

const send = (mode: FormMode, form: CaseForm, category: CivicCategory, key: string) => {
  const signal = sendSignal();
  if (mode === 'file') {
    const body = toFileBody(form, category);
    return { serial: JSON.stringify(body), request: () => civicApi.file(body, key, signal) };
  }
  const body = toSubmitBody(form, category);
  return { serial: JSON.stringify(body), request: () => civicApi.submit(body, key, signal) };
};

/**
 * The report's life on the phone: edits are saved to the draft as they are typed; a send that fails for the
 * network leaves the draft 待提交 and it is sent again, with the same Idempotency-Key, when the phone comes back
 * online, when the page is opened again, or on a tap. An edit after a failed send is a different body and gets a
 * new key (the server would refuse the old key with another body).
 */
export function useCaseSubmission({ mode, initial, categories, defaultCompound, onSubmitted }: Options) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState(false);
  const latest = useRef(draft);
  latest.current = draft;
  const inFlight = useRef(false);

  useEffect(() => {
    if (done || draft.step !== 'details') return;
    const timer = window.setTimeout(() => void saveDraft({ ...draft, savedAt: new Date().toISOString() }), AUTOSAVE_MS);
    return () => window.clearTimeout(timer);
  }, [draft, done]);

  const submit = useCallback(async () => {
    const current = latest.current;
    const category = categories.find((item) => item.id === current.form.categoryId);
    if (inFlight.current || !category) return;
    const found = checkForm(t, current.form, category, mode);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFailure(t('civic.report.fixErrors'));
      scrollToFirstError();
      return;
    }
    const probe = send(mode, current.form, category, current.idempotencyKey);
    const reuse = current.attemptedBody === null || current.attemptedBody === probe.serial;
    const key = reuse ? current.idempotencyKey : newIdempotencyKey();
    const { serial, request } = reuse ? probe : send(mode, current.form, category, key);
    const attempt: StoredDraft = {
      ...current,
      idempotencyKey: key,
      attemptedBody: serial,
      savedAt: new Date().toISOString(),
    };
    inFlight.current = true;
    setSending(true);
    setFailure(null);
    setDraft((d) => ({ ...d, idempotencyKey: key, attemptedBody: serial }));
    await saveDraft(attempt);
    try {
      const result = await request();
      setDone(true);
      await deleteDraft(attempt.id);
      onSubmitted(result);
    } catch (error) {
      const pending = isNetworkFailure(error);
      setDraft((d) => ({ ...d, pending }));
      if (pending) {
        await saveDraft({ ...attempt, pending: true });
      } else {
        setErrors(serverFieldErrors(error, t('civic.report.invalid')));
        setFailure(describe(error));
        scrollToFirstError();
      }
    } finally {
      inFlight.current = false;
      setSending(false);
    }
  }, [categories, describe, mode, onSubmitted, t]);

  const submitRef = useRef(submit);
  submitRef.current = submit;

  // Back online: send the waiting report again, with its key.
  useEffect(() => {
    if (!draft.pending || done) return;
    const retry = () => void submitRef.current();
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  }, [draft.pending, done]);

  // Opened again with a waiting report while online: try it at once.
  useEffect(() => {
    if (initial.pending && navigator.onLine) void submitRef.current();
  }, [initial.pending]);

  const update = useCallback((patch: Partial<CaseForm>) => {
    setDraft((d) => ({ ...d, form: { ...d.form, ...patch } }));
  }, []);

  const pickCategory = useCallback((category: CivicCategory, title: string) => {
    setErrors({});
    setFailure(null);
    setDraft((d) => ({
      ...d,
      step: 'details',
      form: {
        ...d.form,
        categoryId: category.id,
        title: d.form.titleEdited ? d.form.title : title,
        answers: d.form.categoryId === category.id ? d.form.answers : {},
        anonymous: category.anonymousAllowed && d.form.anonymous,
        urgency: d.form.categoryId === category.id ? d.form.urgency : null,
      },
    }));
  }, []);

  const backToCategories = useCallback(() => setDraft((d) => ({ ...d, step: 'category' })), []);

  /** Drops the saved draft and starts over with a new key. */
  const discard = useCallback(async () => {
    await deleteDraft(latest.current.id);
    setErrors({});
    setFailure(null);
    setDraft(freshDraft(latest.current.id, defaultCompound));
  }, [defaultCompound]);

  return { draft, errors, failure, sending, update, pickCategory, backToCategories, submit, discard };
}
