import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { isApiError } from '../../api/http.ts';
import { applyIssues, type NamePath, serverIssueMessage } from '../../components/validation.ts';

/** The field messages the 民情 settings services send (`details.issues[].message`). */
const SETTINGS_ISSUES = [
  'duplicate_code',
  'options_required',
  'duplicate_key',
  'options_not_allowed',
  'own_ancestor',
  'parent_not_found',
  'parent_not_root',
  'has_children',
  'weights_sum',
] as const;
type SettingsIssue = (typeof SETTINGS_ISSUES)[number];
const isSettingsIssue = (m: string): m is SettingsIssue => (SETTINGS_ISSUES as readonly string[]).includes(m);

/** A server field message of this area in the UI language (else the shared known messages, else as sent). */
export const settingsIssueText = (message: string, t: TFunction): string =>
  isSettingsIssue(message) ? t(`civicSettings.serverIssue.${message}`) : serverIssueMessage(message, t);

/**
 * Puts a `400 VALIDATION_FAILED`'s issues on the form's fields in this area's words. Returns the messages that
 * found no field (to show above the form), or null when the error was not a field validation.
 */
export const applySettingsErrors = (
  form: FormInstance,
  error: unknown,
  t: TFunction,
  mapPath?: (path: NamePath) => NamePath | null,
): string[] | null => {
  if (!isApiError(error) || error.code !== 'VALIDATION_FAILED') return null;
  return applyIssues(form, error.fieldIssues, (i) => settingsIssueText(i.message, t), mapPath);
};
