import type { PostDetail } from '@linli/contracts';
import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { type CreatePostBody, postsApi } from '../../api/posts.ts';
import { CompoundSelect } from '../../components/CompoundSelect.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { type CreateDialogProps, useCreateForm } from '../../components/useCreateForm.ts';
import { requiredRule } from '../../components/validation.ts';
import { type AreaValues, PostAreaField, toAreaInput } from './PostAreaField.tsx';
import { PostFields } from './PostFields.tsx';

type Values = AreaValues & { compoundId: string; categoryId: string; title: string; duties: string; seats: number };

/** Server paths into the area (`area.buildings`) name the form's own fields. */
export const areaFieldPath = (p: (string | number)[]) => (p[0] === 'area' ? p.slice(1) : p);

/** 新建岗位: a post of one compound with its duties, seats and responsibility area. */
export const PostCreateModal = (props: CreateDialogProps) => {
  const { t } = useTranslation();
  const { form, submit, modal } = useCreateForm<Values, CreatePostBody, PostDetail>({
    ...props,
    create: postsApi.create,
    createdText: t('service.post.created'),
    fieldPath: areaFieldPath,
  });
  const compoundId: string | undefined = Form.useWatch('compoundId', form);
  const onFinish = (v: Values) =>
    submit({
      compoundId: v.compoundId,
      categoryId: v.categoryId,
      title: v.title.trim(),
      duties: v.duties.trim(),
      seats: v.seats,
      area: toAreaInput(v),
    });
  return (
    <FormModal {...modal} title={t('service.post.create')} submitId="post-submit" width={720}>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ areaKind: 'none', seats: 1 }}
        onFinish={onFinish}
        onValuesChange={(changed: Partial<Values>) => {
          if ('compoundId' in changed) form.setFieldValue('householdIds', []);
        }}
      >
        <Form.Item name="compoundId" label={t('service.post.compound')} rules={[requiredRule(t)]}>
          <CompoundSelect style={{ width: '100%' }} data-testid="post-compound" />
        </Form.Item>
        <PostFields />
        <PostAreaField compoundId={compoundId} />
      </Form>
    </FormModal>
  );
};
