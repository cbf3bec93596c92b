import type {
  CreateNeedBodySchema,
  CreatePostBodySchema,
  CreatePostCategoryBodySchema,
  CreateServiceRecordBodySchema,
  Need,
  NeedDetail,
  NeedListQuerySchema,
  NeedStatusBody,
  Page,
  Post,
  PostCategory,
  PostClaim,
  PostClaimDecisionBodySchema,
  PostClaimListQuerySchema,
  PostDetail,
  PostListQuerySchema,
  ServiceRatingBodySchema,
  ServiceRecord,
  ServiceRecordListQuerySchema,
  StoredFile,
  UpdateNeedBodySchema,
  UpdatePostBodySchema,
  UpdatePostCategoryBodySchema,
} from '@linli/contracts';
import { http } from './http.ts';
import type { In } from './types.ts';

export type CreatePostCategoryBody = In<typeof CreatePostCategoryBodySchema>;
export type UpdatePostCategoryBody = In<typeof UpdatePostCategoryBodySchema>;
export type PostListQuery = In<typeof PostListQuerySchema>;
export type CreatePostBody = In<typeof CreatePostBodySchema>;
export type UpdatePostBody = In<typeof UpdatePostBodySchema>;
export type PostClaimListQuery = In<typeof PostClaimListQuerySchema>;
export type PostClaimDecisionBody = In<typeof PostClaimDecisionBodySchema>;
export type NeedListQuery = In<typeof NeedListQuerySchema>;
export type CreateNeedBody = In<typeof CreateNeedBodySchema>;
export type UpdateNeedBody = In<typeof UpdateNeedBodySchema>;
export type ServiceRecordListQuery = In<typeof ServiceRecordListQuerySchema>;
export type CreateServiceRecordBody = In<typeof CreateServiceRecordBodySchema>;
export type ServiceRatingBody = In<typeof ServiceRatingBodySchema>;

export const postCategoriesKey = ['post-categories'] as const;
export const postDetailKey = (id: string) => ['posts', 'detail', id] as const;
export const needDetailKey = (id: string) => ['needs', 'detail', id] as const;

export const postCategoriesApi = {
  list: async () => (await http.get<{ items: PostCategory[] }>('/post-categories')).items,
  create: (body: CreatePostCategoryBody, idempotencyKey: string) =>
    http.post<PostCategory>('/post-categories', body, { idempotencyKey }),
  update: (id: string, body: UpdatePostCategoryBody, version: number) =>
    http.patch<PostCategory>(`/post-categories/${id}`, body, { version }),
};

/** 设岗定责: posts of a compound and the claims members make on their seats. */
export const postsApi = {
  list: (query: PostListQuery) => http.get<Page<Post>>('/posts', query),
  get: (id: string) => http.get<PostDetail>(`/posts/${id}`),
  create: (body: CreatePostBody, idempotencyKey: string) => http.post<PostDetail>('/posts', body, { idempotencyKey }),
  update: (id: string, body: UpdatePostBody, version: number) =>
    http.patch<PostDetail>(`/posts/${id}`, body, { version }),
  listClaims: (query: PostClaimListQuery) => http.get<Page<PostClaim>>('/post-claims', query),
  decideClaim: (id: string, body: PostClaimDecisionBody) => http.post<PostClaim>(`/post-claims/${id}/decision`, body),
};

/** 需求清单 of a compound. */
export const needsApi = {
  list: (query: NeedListQuery) => http.get<Page<Need>>('/needs', query),
  get: (id: string) => http.get<NeedDetail>(`/needs/${id}`),
  create: (body: CreateNeedBody, idempotencyKey: string) => http.post<NeedDetail>('/needs', body, { idempotencyKey }),
  update: (id: string, body: UpdateNeedBody, version: number) =>
    http.patch<NeedDetail>(`/needs/${id}`, body, { version }),
  setStatus: (id: string, status: NeedStatusBody['status']) => http.post<NeedDetail>(`/needs/${id}/status`, { status }),
};

/** 服务记录: services members gave, rated by the household or the branch. */
export const serviceRecordsApi = {
  list: (query: ServiceRecordListQuery) => http.get<Page<ServiceRecord>>('/service-records', query),
  create: (body: CreateServiceRecordBody, idempotencyKey: string) =>
    http.post<ServiceRecord>('/service-records', body, { idempotencyKey }),
  rate: (id: string, body: ServiceRatingBody) => http.post<ServiceRecord>(`/service-records/${id}/rating`, body),
};

/** Photos: uploaded first (metadata stripped by the server), then attached by id to the record that uses them. */
export const filesApi = {
  upload: (file: File, idempotencyKey: string) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return http.post<StoredFile>('/files', form, { idempotencyKey });
  },
};
