import { CreatePostCategoryBodySchema, type PostCategory, UpdatePostCategoryBodySchema } from '@linli/contracts';
import { Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { type CreatePostCategoryBody, postCategoriesApi, type UpdatePostCategoryBody } from '../../api/posts.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { type CreateDialogProps, useCreateForm } from '../../components/useCreateForm.ts';
import { type EditDialogProps, useEditForm } from '../../components/useEditForm.ts';
import { contractRule, requiredRule } from '../../components/validation.ts';

type Values = { name: string; sortOrder?: number | null };

const SortOrderField = () => {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="sortOrder"
      label={t('service.category.sortOrder')}
      extra={t('service.category.sortOrderHint')}
      rules={[contractRule(CreatePostCategoryBodySchema.shape.sortOrder, t)]}
    >
      <InputNumber min={0} max={10000} precision={0} style={{ width: 160 }} />
    </Form.Item>
  );
};

/** 新增类别: a name unique in the county, placed after the last one unless an order is given. */
export const PostCategoryCreateModal = (props: CreateDialogProps & { nextOrder: number }) => {
  const { t } = useTranslation();
  const { form, submit, modal } = useCreateForm<Values, CreatePostCategoryBody, PostCategory>({
    ...props,
    create: postCategoriesApi.create,
    createdText: t('service.category.created'),
  });
  const onFinish = (v: Values) => submit({ name: v.name.trim(), sortOrder: v.sortOrder ?? props.nextOrder });
  return (
    <FormModal {...modal} title={t('service.category.create')} submitId="post-category-submit">
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ sortOrder: props.nextOrder }}
        onFinish={onFinish}
      >
        <Form.Item
          name="name"
          label={t('service.category.name')}
          rules={[requiredRule(t), contractRule(CreatePostCategoryBodySchema.shape.name, t)]}
        >
          <Input maxLength={30} data-testid="post-category-name" />
        </Form.Item>
        <SortOrderField />
      </Form>
    </FormModal>
  );
};

const valuesOf = (c: PostCategory): Values => ({ name: c.name, sortOrder: c.sortOrder });

const toBody = (c: PostCategory, v: Values): UpdatePostCategoryBody => {
  const name = v.name.trim();
  return {
    ...(name === c.name ? {} : { name }),
    ...(v.sortOrder == null || v.sortOrder === c.sortOrder ? {} : { sortOrder: v.sortOrder }),
  };
};

/** 改名 / 排序 of a category at the version read (old posts keep showing the new name). */
export const PostCategoryEditModal = ({
  category,
  ...dialog
}: EditDialogProps<PostCategory> & { category: PostCategory | null }) => {
  const { t } = useTranslation();
  const { form, onFinish, modal } = useEditForm({
    ...dialog,
    base: category,
    valuesOf,
    toBody,
    schema: UpdatePostCategoryBodySchema,
    save: (c, body) => postCategoriesApi.update(c.id, body, c.version),
  });
  return (
    <FormModal {...modal} title={t('service.category.editTitle')} submitId="post-category-edit-submit">
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="name"
          label={t('service.category.name')}
          extra={t('service.category.renameHint')}
          rules={[requiredRule(t), contractRule(UpdatePostCategoryBodySchema.shape.name, t)]}
        >
          <Input maxLength={30} data-testid="post-category-edit-name" />
        </Form.Item>
        <SortOrderField />
      </Form>
    </FormModal>
  );
};
