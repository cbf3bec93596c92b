import { civicCasesApi } from '../../api/civicCases.ts';
import { RemoteSelect } from '../../components/RemoteSelect.tsx';
import i18n from '../../i18n/index.ts';

type Props = {
  value?: string | undefined;
  onChange?: (v: string | undefined) => void;
  /** The case being merged: never offered as its own target. */
  excludeId: string;
  'data-testid'?: string;
};

/** Picks an open case by its number or title (the case a duplicate is merged into). */
export const CaseSearchSelect = ({ excludeId, ...props }: Props) => (
  <RemoteSelect
    {...props}
    allowClear
    placeholder={i18n.t('civic.actionForm.intoCasePlaceholder')}
    queryKey={`civic-case-search:${excludeId}`}
    search={async (q) =>
      (await civicCasesApi.list({ q: q || undefined, limit: 10, sort: 'created', order: 'desc' })).items
        .filter((c) => c.id !== excludeId && c.status !== 'closed' && c.status !== 'voided')
        .map((c) => ({ value: c.id, label: `${c.number} · ${c.title}` }))
    }
  />
);
