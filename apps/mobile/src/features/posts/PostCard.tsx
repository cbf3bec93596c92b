import type { MyPost } from '@linli/contracts';
import { Button, Tag } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLAIM_STATUS_COLOR, describeArea } from './post-labels.ts';

/** Long duties are folded to a few lines; a tap shows them all. */
const DUTIES_FOLD_AT = 80;

type Props = { post: MyPost; onClaim: (post: MyPost) => void };

/** One open post of my compound: title, category, duties, area, seats, my claim, and 认领 while a seat is free. */
export function PostCard({ post, onClaim }: Props) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const free = Math.max(0, post.seats - post.claimedSeats);
  const live = post.myClaim && (post.myClaim.status === 'pending' || post.myClaim.status === 'approved');
  const area = describeArea(t, post.area);
  const long = post.duties.length > DUTIES_FOLD_AT;

  return (
    <article className="card item-card" data-testid="h5-post-item" data-post-id={post.id}>
      <header className="title-row">
        <h3 className="item-title">{post.title}</h3>
        <Tag color="primary" fill="outline" className="status-tag">
          {post.categoryName}
        </Tag>
      </header>
      <p className={`item-text${long && !expanded ? ' item-text-folded' : ''}`}>{post.duties}</p>
      {long ? (
        <button type="button" className="text-button" onClick={() => setExpanded(!expanded)}>
          {expanded ? t('posts.fold') : t('posts.unfold')}
        </button>
      ) : null}
      <dl className="facts">
        {area ? (
          <>
            <dt>{t('posts.area')}</dt>
            <dd>{area}</dd>
          </>
        ) : null}
        <dt>{t('posts.seats')}</dt>
        <dd data-testid="h5-post-seats">
          {t('posts.seatsValue', { seats: post.seats, free })}
          {post.pendingClaims > 0 ? (
            <span className="muted"> {t('posts.pendingClaims', { count: post.pendingClaims })}</span>
          ) : null}
        </dd>
      </dl>
      {live && post.myClaim ? (
        <div className="item-foot">
          <span className="muted">{t('posts.myClaim')}</span>
          <Tag color={CLAIM_STATUS_COLOR[post.myClaim.status]} fill="outline" className="status-tag">
            {t(`posts.claimStatus.${post.myClaim.status}`)}
          </Tag>
        </div>
      ) : free === 0 ? (
        <p className="item-foot muted" data-testid="h5-post-full">
          {t('posts.fullHint')}
        </p>
      ) : (
        <div className="button-row">
          <Button color="primary" size="large" onClick={() => onClaim(post)} data-testid="h5-post-claim">
            {t('posts.claim')}
          </Button>
        </div>
      )}
    </article>
  );
}
