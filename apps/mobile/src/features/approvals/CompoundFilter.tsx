import { Selector } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { Scope } from '../session/scopes.ts';

export const ALL_COMPOUNDS = 'all';

/** With several compounds in scope, narrow a list to one; with one or none there is nothing to choose. */
export function CompoundFilter({
  scopes,
  value,
  onChange,
}: {
  scopes: Scope[];
  value: string;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  if (scopes.length < 2) return null;
  return (
    <Selector
      className="filter"
      columns={2}
      options={[
        { value: ALL_COMPOUNDS, label: t('approvals.allCompounds') },
        ...scopes.map((s) => ({ value: s.id, label: s.name })),
      ]}
      value={[value]}
      onChange={(values) => {
        const [next] = values;
        if (next) onChange(next);
      }}
      data-testid="h5-approvals-compound"
    />
  );
}
