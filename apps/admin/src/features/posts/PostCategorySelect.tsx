import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { postCategoriesApi, postCategoriesKey } from '../../api/posts.ts';

type Props = {
  id?: string;
  value?: string | undefined;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  /** New posts and needs take active categories only; a retired one stays shown when it is the current value. */
  activeOnly?: boolean;
  'data-testid'?: string;
};

export const usePostCategories = () => useQuery({ queryKey: postCategoriesKey, queryFn: postCategoriesApi.list });

/** Picks a post category (岗位类别), in the county's order. */
export const PostCategorySelect = ({ activeOnly, ...props }: Props) => {
  const { t } = useTranslation();
  const categories = usePostCategories();
  const options = (categories.data ?? [])
    .filter((c) => !activeOnly || c.active || c.id === props.value)
    .map((c) => ({
      value: c.id,
      label: c.active ? c.name : t('common.fmt.withNote', { text: c.name, note: t('service.category.inactive') }),
    }));
  return (
    <Select
      {...props}
      showSearch={{ optionFilterProp: 'label' }}
      loading={categories.isFetching}
      options={options}
      notFoundContent={categories.isError ? t('common.errors.loadFailed') : t('common.state.empty')}
    />
  );
};
