import type { PublicCompound } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { List, Popup } from 'antd-mobile';
import { useState } from 'react';
import { authApi } from '../api/auth.ts';
import { EmptyState, ErrorState, PageSkeleton } from './StateBlocks.tsx';
import { TextField } from './TextField.tsx';
import { useDebouncedValue } from './useDebouncedValue.ts';

/** The popup's words, from the caller's own i18n section (registration and 民情 each keep theirs). */
export interface CompoundSearchLabels {
  title: string;
  search: string;
  empty: string;
}

type Props = {
  visible: boolean;
  onClose: () => void;
  onPick: (compound: PublicCompound) => void;
  labels: CompoundSearchLabels;
  /** The search box's id and test id, and the options' test id, as each page's journeys know them. */
  ids: { input: string; inputTestId: string; optionTestId: string };
};

/** 选择小区: search every compound of the county by name (`GET /public/compounds?q=`, no sign-in needed). */
export function CompoundSearchPopup({ visible, onClose, onPick, labels, ids }: Props) {
  return (
    <Popup
      visible={visible}
      onMaskClick={onClose}
      onClose={onClose}
      destroyOnClose
      showCloseButton
      bodyClassName="picker-popup"
    >
      <CompoundSearch onPick={onPick} labels={labels} ids={ids} />
    </Popup>
  );
}

function CompoundSearch({ onPick, labels, ids }: Pick<Props, 'onPick' | 'labels' | 'ids'>) {
  const [q, setQ] = useState('');
  const query = useDebouncedValue(q.trim(), 300);
  const results = useQuery({
    queryKey: ['public-compounds', query],
    queryFn: ({ signal }) => authApi.searchCompounds(query, signal),
    staleTime: 60_000,
  });
  return (
    <div className="picker" role="dialog" aria-label={labels.title}>
      <h2 className="section-title">{labels.title}</h2>
      <TextField
        id={ids.input}
        testId={ids.inputTestId}
        label={labels.search}
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
          <EmptyState title={labels.empty} />
        ) : (
          <List>
            {results.data.map((compound) => (
              <List.Item
                key={compound.id}
                description={compound.orgName}
                onClick={() => onPick(compound)}
                arrowIcon={false}
                data-testid={ids.optionTestId}
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
