import type { PublicCompound } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { List, Popup } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '../../../api/auth.ts';
import { EmptyState, ErrorState, PageSkeleton } from '../../../components/StateBlocks.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useDebouncedValue } from '../../../components/useDebouncedValue.ts';

type Props = { visible: boolean; onClose: () => void; onPick: (compound: PublicCompound) => void };

/** 选择小区: search every compound of the county by name (`GET /public/compounds?q=`). */
export function CompoundSearchPopup({ visible, onClose, onPick }: Props) {
  return (
    <Popup
      visible={visible}
      onMaskClick={onClose}
      onClose={onClose}
      destroyOnClose
      showCloseButton
      bodyClassName="picker-popup"
    >
      <CompoundSearch onPick={onPick} />
    </Popup>
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
    <div className="picker" role="dialog" aria-label={t('civic.report.compoundSearchTitle')}>
      <h2 className="section-title">{t('civic.report.compoundSearchTitle')}</h2>
      <TextField
        id="civic-compound-search"
        testId="civic-compound-search"
        label={t('civic.report.compoundSearch')}
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
          <EmptyState title={t('civic.report.compoundEmpty')} />
        ) : (
          <List>
            {results.data.map((compound) => (
              <List.Item
                key={compound.id}
                description={compound.orgName}
                onClick={() => onPick(compound)}
                arrowIcon={false}
                data-testid="civic-compound-option"
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
