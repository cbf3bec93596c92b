import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebounced } from './useDebounced.ts';

export type Option = { value: string; label: string };

type Common = {
  id?: string;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  disabled?: boolean;
  /** Labels for values already chosen before any search (e.g. an edit form's current value). */
  knownOptions?: Option[];
  'data-testid'?: string;
};
type Single = Common & { mode?: undefined; value?: string | undefined; onChange?: (v: string | undefined) => void };
type Multiple = Common & { mode: 'multiple'; value?: string[]; onChange?: (v: string[]) => void };
export type RemoteSelectProps = Single | Multiple;

type Props = RemoteSelectProps & {
  queryKey: string;
  search: (q: string) => Promise<Option[]>;
};

/** A searchable select over a list endpoint (`?q=`); remembers labels of options already seen. */
export const RemoteSelect = ({ queryKey, search, ...props }: Props) => {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const debounced = useDebounced(q.trim(), 300);
  const known = useRef(new Map<string, string>());
  for (const o of props.knownOptions ?? []) if (!known.current.has(o.value)) known.current.set(o.value, o.label);
  const result = useQuery({
    queryKey: ['options', queryKey, debounced],
    queryFn: () => search(debounced),
    staleTime: 30_000,
  });
  for (const o of result.data ?? []) known.current.set(o.value, o.label);
  const selected = props.mode === 'multiple' ? (props.value ?? []) : props.value ? [props.value] : [];
  const options = [...(result.data ?? [])];
  for (const v of selected) {
    if (!options.some((o) => o.value === v)) options.push({ value: v, label: known.current.get(v) ?? v });
  }
  const common = {
    id: props.id,
    showSearch: { filterOption: false, onSearch: setQ },
    placeholder: props.placeholder,
    allowClear: props.allowClear,
    style: props.style,
    disabled: props.disabled,
    loading: result.isFetching,
    options,
    notFoundContent: result.isError ? t('common.errors.loadFailed') : t('common.state.empty'),
    'data-testid': props['data-testid'],
    onBlur: () => setQ(''),
  };
  if (props.mode === 'multiple') {
    return <Select<string[]> {...common} mode="multiple" value={props.value} onChange={(v) => props.onChange?.(v)} />;
  }
  return <Select<string> {...common} value={props.value} onChange={(v) => props.onChange?.(v ?? undefined)} />;
};
