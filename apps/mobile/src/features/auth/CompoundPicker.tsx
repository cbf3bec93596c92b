import type { PublicCompound } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { List, Popup } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '../../api/auth.ts';
import { EmptyState, ErrorState, PageSkeleton } from '../../components/StateBlocks.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useDebouncedValue } from '../../components/useDebouncedValue.ts';

type Props = {
  value: PublicCompound | null;
  onChange: (compound: PublicCompound) => void;
  error?: string | undefined;
};

/** 所在小区: a field that opens a searchable list (`GET /public/compounds?q=`, no sign-in needed). */
export function CompoundPicker({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label className="field-label" htmlFor="reg-compound">
        {t('register.compound')}
      </label>
      <button
        type="button"
        id="reg-compound"
        className={`field-input field-picker${value ? '' : ' field-picker-empty'}`}
        data-testid="h5-reg-compound"
        aria-invalid={error ? true : undefined}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        <span className="field-picker-text">{value ? value.name : t('register.compoundPlaceholder')}</span>
        {value ? <span className="field-picker-sub">{value.orgName}</span> : null}
      </button>
      {error ? (
        <div className="field-error" role="alert">
          {error}
        </div>
      ) : null}
      <Popup
        visible={open}
        onMaskClick={() => setOpen(false)}
        onClose={() => setOpen(false)}
        destroyOnClose
        showCloseButton
        bodyClassName="picker-popup"
      >
        <CompoundSearch
          onPick={(compound) => {
            onChange(compound);
            setOpen(false);
          }}
        />
      </Popup>
    </div>
  );
}

function CompoundSearch({ onPick }: { onPick: (compound: PublicCompound) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const query = useDebouncedValue(q.trim(), 300);
  const results = useQuery({
    queryKey: ['public-compounds', query],
    queryFn: ({ signal }) => authApi.searchCompounds(query, signal),
    staleTime: 60_000,
  });

  return (
    <div className="picker" role="dialog" aria-label={t('register.compoundSearchTitle')}>
      <h2 className="section-title">{t('register.compoundSearchTitle')}</h2>
      <TextField
        id="compound-search"
        testId="h5-compound-search"
        label={t('register.compoundSearch')}
        type="search"
        enterKeyHint="search"
        maxLength={50}
        value={q}
        onChange={(event) => setQ(event.target.value)}
      />
      <div className="picker-results">
        {results.isPending ? (
          <PageSkeleton blocks={1} />
        ) : results.isError ? (
          <ErrorState error={results.error} onRetry={() => void results.refetch()} />
        ) : results.data.length === 0 ? (
          <EmptyState title={t('register.compoundEmpty')} />
        ) : (
          <List>
            {results.data.map((compound) => (
              <List.Item
                key={compound.id}
                description={compound.orgName}
                onClick={() => onPick(compound)}
                arrowIcon={false}
                data-testid="h5-compound-option"
              >
                {compound.name}
              </List.Item>
            ))}
          </List>
        )}
      </div>
    </div>
  );
}
