import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Image, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { civicApi, type DuplicateCandidate } from '../../../api/civic.ts';
import { useDebouncedValue } from '../../../components/useDebouncedValue.ts';
import { useDescribeError } from '../../../i18n/describe-error.ts';
import { formatDate } from '../../../i18n/format.ts';
import { currentLocale } from '../../../i18n/index.ts';
import { StatusTag } from '../shared/StatusTag.tsx';
import type { PickedLocation } from './case-form.ts';

type Props = {
  categoryId: string;
  compoundId: string | null;
  text: string;
  location: PickedLocation | null;
  /** After "me too": leave the form (the draft is dropped) for the list where the followed case now shows. */
  onDone?: (() => void) | undefined;
};

const TEXT_MAX = 200;

function Candidate({
  item,
  followed,
  busy,
  onFollow,
}: {
  item: DuplicateCandidate;
  followed: boolean;
  busy: boolean;
  onFollow: () => void;
}) {
  const { t } = useTranslation();
  return (
    <li className="civic-similar-item" data-testid={`civic-similar-${item.id}`}>
      {item.thumbnailUrl ? (
        <Image className="civic-similar-thumb" src={item.thumbnailUrl} fit="cover" width={64} height={64} lazy />
      ) : null}
      <div className="civic-similar-body">
        <p className="civic-similar-title">{item.title}</p>
        <p className="muted">
          {[
            item.number,
            formatDate(item.createdAt, currentLocale()),
            item.distanceMetres === null
              ? null
              : t('civic.report.distance', { metres: Math.round(item.distanceMetres) }),
            item.followerCount > 0 ? t('civic.report.followers', { count: item.followerCount }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
        <div className="civic-similar-foot">
          <StatusTag status={item.status} />
          <Button
            size="small"
            color="primary"
            fill={followed ? 'none' : 'outline'}
            disabled={followed}
            loading={busy}
            onClick={onFollow}
            data-testid={`civic-me-too-${item.id}`}
          >
            {followed ? t('civic.report.followed') : t('civic.report.meToo')}
          </Button>
        </div>
      </div>
    </li>
  );
}

/**
 * 相似事项: while the report is typed, open cases of the same category nearby; "我也遇到了" follows one of them
 * instead of filing the same problem twice.
 */
export function DuplicateHints({ categoryId, compoundId, text, location, onDone }: Props) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const typed = useDebouncedValue(text.trim().slice(0, TEXT_MAX), 600);
  const [followed, setFollowed] = useState<ReadonlySet<string>>(new Set());
  const query = {
    categoryId,
    compoundId: compoundId ?? '',
    ...(typed ? { text: typed } : {}),
    ...(location ? { lng: location.lng, lat: location.lat } : {}),
  };
  const similar = useQuery({
    queryKey: ['civic', 'duplicates', query],
    queryFn: ({ signal }) => civicApi.duplicates(query, signal),
    enabled: compoundId !== null,
    staleTime: 30_000,
    placeholderData: (previous) => previous,
  });
  const follow = useMutation({
    mutationFn: (id: string) => civicApi.follow(id),
    onSuccess: (_, id) => {
      setFollowed((current) => new Set([...current, id]));
      Toast.show({ icon: 'success', content: t('civic.report.followedToast') });
    },
    onError: (error) => Toast.show({ icon: 'fail', content: describe(error) }),
  });

  const items = similar.data ?? [];
  if (items.length === 0) return null;
  return (
    <section className="civic-similar" aria-labelledby="civic-similar-title" data-testid="civic-similar">
      <h2 className="civic-similar-heading" id="civic-similar-title">
        {t('civic.report.similarTitle')}
      </h2>
      <p className="field-hint">{t('civic.report.similarHint')}</p>
      <ul className="civic-similar-list">
        {items.map((item) => (
          <Candidate
            key={item.id}
            item={item}
            followed={followed.has(item.id)}
            busy={follow.isPending && follow.variables === item.id}
            onFollow={() => follow.mutate(item.id)}
          />
        ))}
      </ul>
      {followed.size > 0 && onDone ? (
        <Button block size="large" onClick={onDone} data-testid="civic-similar-done">
          {t('civic.report.goMyCases')}
        </Button>
      ) : null}
    </section>
  );
}
