import type { CivicCategory } from '@linli/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/StateBlocks.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { currentLocale } from '../../../i18n/index.ts';
import { categoryName, filterGroups, groupCategories } from './category-tree.ts';

type Props = { categories: readonly CivicCategory[]; onPick: (category: CivicCategory) => void };

/** Step 1: a searchable list of categories grouped under their roots; one tap picks and moves on. */
export function CategoryStep({ categories, onPick }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [query, setQuery] = useState('');
  const groups = useMemo(() => groupCategories(categories), [categories]);
  const shown = useMemo(() => filterGroups(groups, query), [groups, query]);

  if (groups.length === 0) return <EmptyState title={t('civic.report.categoriesEmpty')} />;

  return (
    <section className="civic-category-step" aria-label={t('civic.report.stepCategory')}>
      <div className="card">
        <TextField
          id="civic-category-search"
          testId="civic-category-search"
          label={t('civic.report.categorySearch')}
          placeholder={t('civic.report.categorySearchPlaceholder')}
          type="search"
          enterKeyHint="search"
          maxLength={30}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      {shown.length === 0 ? (
        <EmptyState title={t('civic.report.categoryEmpty')} />
      ) : (
        shown.map((group) => (
          <section key={group.root.id} className="civic-category-group" aria-labelledby={`cat-${group.root.id}`}>
            <h2 className="list-heading" id={`cat-${group.root.id}`}>
              {categoryName(group.root, locale)}
            </h2>
            <ul className="civic-category-options">
              {group.options.map((category) => (
                <li key={category.id}>
                  <button
                    type="button"
                    className="civic-category-option"
                    onClick={() => onPick(category)}
                    data-testid={`civic-report-category-${category.code}`}
                  >
                    <span className="civic-category-name">{categoryName(category, locale)}</span>
                    {category.description ? <span className="civic-category-desc">{category.description}</span> : null}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </section>
  );
}
