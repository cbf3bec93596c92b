import type { PublicCivicCase } from '@linli/contracts';
import type { TFunction } from 'i18next';
import { formatDateTime } from '../../../i18n/format.ts';
import { currentLocale } from '../../../i18n/index.ts';

/** The header facts of a case as its reporter or the public sees it; the time limit only while it is still open. */
export function publicCaseFacts(t: TFunction, item: PublicCivicCase): [string, string][] {
  const locale = currentLocale();
  const facts: [string, string][] = [
    [t('civic.mine.category'), item.categoryName],
    [t('civic.mine.compound'), item.compoundName],
    [t('civic.mine.createdAt'), formatDateTime(item.createdAt, locale)],
  ];
  if (item.handleDeadlineAt && item.status !== 'closed' && item.status !== 'voided') {
    facts.push([t('civic.mine.deadline'), formatDateTime(item.handleDeadlineAt, locale)]);
  }
  return facts;
}
