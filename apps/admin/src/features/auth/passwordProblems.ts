import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { isApiError } from '../../api/http.ts';

/** Problem codes the server lists in `details.problems` of a `400 PASSWORD_POLICY`. */
const PROBLEMS = ['empty', 'too_short', 'too_long', 'too_few_classes', 'common', 'contains_context_word'] as const;
type Problem = (typeof PROBLEMS)[number];
const isProblem = (p: unknown): p is Problem => typeof p === 'string' && (PROBLEMS as readonly string[]).includes(p);

/** Puts the server's reasons for refusing a new password on the new-password field. */
export const showPasswordProblems = (form: FormInstance, error: unknown, t: TFunction): void => {
  if (!isApiError(error) || error.code !== 'PASSWORD_POLICY') return;
  const details = error.details as { problems?: unknown } | undefined;
  const problems = Array.isArray(details?.problems) ? details.problems.filter(isProblem) : [];
  if (problems.length === 0) return;
  form.setFields([{ name: 'newPassword', errors: problems.map((p) => t(`auth.password.problems.${p}`)) }]);
};
