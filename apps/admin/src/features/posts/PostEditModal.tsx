import { type PostDetail, type PostStatus, UpdatePostBodySchema } from '@linli/contracts';
import { Form, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { postsApi, type UpdatePostBody } from '../../api/posts.ts';
import { FormModal } from '../../components/FormModal.tsx';
import type { Option } from '../../components/RemoteSelect.tsx';
import { type EditDialogProps, useEditForm } from '../../components/useEditForm.ts';
import { explained } from './conflicts.ts';
import { type AreaValues, areaValuesOf, PostAreaField, sameArea, toAreaInput } from './PostAreaField.tsx';
import { areaFieldPath } from './PostCreateModal.tsx';
import { PostFields } from './PostFields.tsx';

type Values = AreaValues & { categoryId: string; title: string; duties: string; seats: number; status: PostStatus };

const valuesOf = (p: PostDetail): Values => ({
  ...areaValuesOf(p.area),
  categoryId: p.categoryId,
  title: p.title,
  duties: p.duties,
  seats: p.seats,
  status: p.status,
});

/** Only what changed; the area is sent whole when any part of it changed. */
const toBody = (p: PostDetail, v: Values): UpdatePostBody => {
  const title = v.title.trim();
  const duties = v.duties.trim();
  const area = toAreaInput(v);
  return {
    ...(v.categoryId === p.categoryId ? {} : { categoryId: v.categoryId }),
    ...(title === p.title ? {} : { title }),
    ...(duties === p.duties ? {} : { duties }),
    ...(v.seats === p.seats ? {} : { seats: v.seats }),
    ...(sameArea(p.area, area) ? {} : { area }),
    ...(v.status === p.status ? {} : { status: v.status }),
  };
};

export type PostEditing = { post: PostDetail; households: Option[] };
type Props = EditDialogProps<PostDetail> & { editing: PostEditing | null };

/** `PATCH /posts/:id` at the version read; seats cannot go below the approved claims. */
export const PostEditModal = ({ editing, ...dialog }: Props) => {
  const { t } = useTranslation();
  const post = editing?.post ?? null;
  const { form, onFinish, modal } = useEditForm({
    ...dialog,
    base: post,
    valuesOf,
    toBody,
    schema: UpdatePostBodySchema,
    save: explained((p: PostDetail, body: UpdatePostBody) => postsApi.update(p.id, body, p.version), t),
    fieldPath: areaFieldPath,
  });
  const zone = post?.area.dutyZoneId ? { value: post.area.dutyZoneId, label: post.area.dutyZoneName ?? '' } : undefined;
  return (
    <FormModal {...modal} title={t('service.post.editTitle')} submitId="post-edit-submit" width={720}>
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item label={t('service.post.compound')} extra={t('service.post.compoundFixed')}>
          <Typography.Text strong>{post?.compoundName}</Typography.Text>
        </Form.Item>
        <PostFields minSeats={Math.max(1, post?.claimedSeats ?? 1)} />
        <PostAreaField compoundId={post?.compoundId} known={{ households: editing?.households, dutyZone: zone }} />
        <Form.Item name="status" label={t('service.post.status')} extra={t('service.post.closeHint')}>
          <Radio.Group
            optionType="button"
            data-testid="post-status"
            options={(['open', 'closed'] as const).map((s) => ({ value: s, label: t(`service.post.statuses.${s}`) }))}
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
};
