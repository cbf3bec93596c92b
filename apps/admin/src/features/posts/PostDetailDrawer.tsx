import type { PostDetail } from '@linli/contracts';
import { Card, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { postDetailKey, postsApi } from '../../api/posts.ts';
import { DetailDrawer, DetailList } from '../../components/DetailDrawer.tsx';
import { EditButton } from '../../components/EditButton.tsx';
import { formatTime } from '../../components/time.ts';
import {
  type DetailSource,
  useDetailQuery,
  useEditSnapshot,
  useStoreSaved,
} from '../../components/useDetailEditing.ts';
import { useHouseholdLabels } from '../households/HouseholdSelect.tsx';
import { rowTestId } from '../members/rowTestId.ts';
import { claimColumns } from './ClaimTable.tsx';
import { type PostEditing, PostEditModal } from './PostEditModal.tsx';
import { SeatsCell } from './SeatsCell.tsx';
import { useClaimDecision } from './useClaimDecision.tsx';

const POST: DetailSource<PostDetail> = { key: postDetailKey, get: postsApi.get, listKey: ['posts', 'list'] };

const AreaDetail = ({ post, households }: { post: PostDetail; households: { value: string; label: string }[] }) => {
  const { t } = useTranslation();
  const { area } = post;
  const kind = <Tag>{t(`service.post.areaKind.${area.kind}`)}</Tag>;
  if (area.kind === 'none') return kind;
  const parts =
    area.kind === 'buildings'
      ? area.buildings.map((b) => ({ key: b, label: b }))
      : area.kind === 'households'
        ? households.map((h) => ({ key: h.value, label: h.label }))
        : [{ key: area.dutyZoneId ?? 'zone', label: area.dutyZoneName ?? '—' }];
  return (
    <Flex gap={4} wrap align="center">
      {kind}
      {parts.map((p) => (
        <Tag key={p.key} color="blue">
          {p.label}
        </Tag>
      ))}
      {area.kind === 'households' && area.householdIds.length > households.length && (
        <Typography.Text type="secondary">
          {t('service.post.householdCount', { n: area.householdIds.length })}
        </Typography.Text>
      )}
    </Flex>
  );
};

const PostInfo = ({ post, households }: { post: PostDetail; households: { value: string; label: string }[] }) => {
  const { t } = useTranslation();
  return (
    <DetailList
      items={[
        { key: 'title', label: t('service.post.titleField'), children: post.title },
        { key: 'compound', label: t('service.post.compound'), children: post.compoundName },
        { key: 'category', label: t('service.post.category'), children: post.categoryName },
        {
          key: 'duties',
          label: t('service.post.duties'),
          children: (
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{post.duties}</Typography.Paragraph>
          ),
        },
        {
          key: 'seats',
          label: t('service.post.seats'),
          children: <SeatsCell claimed={post.claimedSeats} seats={post.seats} />,
        },
        { key: 'area', label: t('service.post.area'), children: <AreaDetail post={post} households={households} /> },
        {
          key: 'status',
          label: t('service.post.status'),
          children: (
            <Tag color={post.status === 'open' ? 'green' : 'default'}>{t(`service.post.statuses.${post.status}`)}</Tag>
          ),
        },
        { key: 'created', label: t('service.post.createdAt'), children: formatTime(post.createdAt) },
      ]}
    />
  );
};

const ClaimsPanel = ({ post }: { post: PostDetail }) => {
  const { t } = useTranslation();
  const { approve, reject, dialog } = useClaimDecision();
  const claims = [...post.claims].sort((a, b) => (a.status === 'pending' ? -1 : 0) - (b.status === 'pending' ? -1 : 0));
  return (
    <Card size="small" title={t('service.claim.panelTitle', { pending: post.pendingClaims })} style={{ marginTop: 16 }}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={claims}
        columns={claimColumns(t, { approve, reject }, false)}
        onRow={rowTestId('post-claim-row')}
        locale={{ emptyText: t('service.claim.none') }}
      />
      {dialog}
    </Card>
  );
};

/** A post's detail (`GET /posts/:id`) with its claims to decide, and 编辑 when `abilities.update`. */
export const PostDetailDrawer = ({ id, onClose }: { id: string | null; onClose: () => void }) => {
  const { t } = useTranslation();
  const detail = useDetailQuery(id, POST);
  const householdIds = detail.data?.area.kind === 'households' ? detail.data.area.householdIds : [];
  const households = useHouseholdLabels(householdIds);
  const edit = useEditSnapshot<PostEditing>();
  const onSaved = useStoreSaved(POST);
  return (
    <>
      <DetailDrawer
        open={id !== null}
        title={t('service.post.detailTitle')}
        query={detail}
        onClose={onClose}
        size={760}
        data-testid="post-detail"
        extra={(post) =>
          post.abilities.update && (
            <EditButton
              loading={households.loading}
              onClick={() => edit.start({ post, households: households.options })}
              data-testid="post-edit"
            />
          )
        }
      >
        {(post) => (
          <>
            <PostInfo post={post} households={households.options} />
            <ClaimsPanel post={post} />
          </>
        )}
      </DetailDrawer>
      <PostEditModal
        open={edit.open}
        editing={edit.base}
        onClose={edit.close}
        onReload={async () => {
          const fresh = await detail.refetch();
          if (fresh.data) edit.replace({ post: fresh.data, households: households.options });
        }}
        onSaved={onSaved}
      />
    </>
  );
};
