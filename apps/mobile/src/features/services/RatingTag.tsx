import type { Rating } from '@linli/contracts';
import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';

const COLOR = {
  satisfied: 'success',
  basically_satisfied: 'warning',
  dissatisfied: 'danger',
} as const satisfies Record<Rating, string>;

/** 满意 / 基本满意 / 不满意, or 待评价 while nobody has rated the service. */
export function RatingTag({ rating }: { rating: Rating | null }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={rating ? COLOR[rating] : 'default'}
      fill="outline"
      className="status-tag"
      data-testid="h5-service-rating"
      data-rating={rating ?? 'none'}
    >
      {rating ? t(`rating.${rating}`) : t('rating.none')}
    </Tag>
  );
}
