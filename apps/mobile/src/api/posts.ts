import {
  type CreatePostClaimBody,
  type MyListQuery,
  MyPostPageSchema,
  type NeedDetail,
  NeedDetailSchema,
  NeedPageSchema,
  type PostCategory,
  PostCategoryListSchema,
  type PostClaim,
  type PostClaimDecisionBody,
  type PostClaimListQuery,
  PostClaimPageSchema,
  PostClaimSchema,
} from '@linli/contracts';
import { api } from './http.ts';

export type MyPostPage = ReturnType<typeof MyPostPageSchema.parse>;
export type PostClaimPage = ReturnType<typeof PostClaimPageSchema.parse>;
export type NeedPage = ReturnType<typeof NeedPageSchema.parse>;
export type MyPageQuery = Partial<Pick<MyListQuery, 'cursor' | 'limit'>>;
export type PostClaimQuery = Pick<PostClaimListQuery, 'status' | 'compoundId' | 'cursor'>;

const withSignal = (signal: AbortSignal | undefined) => (signal ? { signal } : {});
const idPath = (prefix: string, id: string, suffix = '') => `${prefix}/${encodeURIComponent(id)}${suffix}`;

/** Posts (设岗定责), post claims and needs (需求清单): the member's side and the branch's decisions. */
export const postsApi = {
  categories: async (signal?: AbortSignal): Promise<PostCategory[]> =>
    (await api.get('/post-categories', PostCategoryListSchema, withSignal(signal))).items,

  /** Open posts of my residence compound (of one category when given), each with my live claim. */
  myPosts: (query: MyPageQuery & { categoryId?: string }, signal?: AbortSignal): Promise<MyPostPage> =>
    api.get('/me/posts', MyPostPageSchema, { query, ...withSignal(signal) }),
  claim: (postId: string, body: CreatePostClaimBody, idempotencyKey: string): Promise<PostClaim> =>
    api.post(idPath('/posts', postId, '/claims'), body, PostClaimSchema, { idempotencyKey }),
  myClaims: (query: MyPageQuery, signal?: AbortSignal): Promise<PostClaimPage> =>
    api.get('/me/claims', PostClaimPageSchema, { query, ...withSignal(signal) }),
  withdrawClaim: (claimId: string): Promise<void> => api.postVoid(idPath('/post-claims', claimId, '/withdraw'), {}),

  /** A secretary's list (`post.manage`). */
  claims: (query: PostClaimQuery, signal?: AbortSignal): Promise<PostClaimPage> =>
    api.get('/post-claims', PostClaimPageSchema, { query, ...withSignal(signal) }),
  decideClaim: (claimId: string, body: PostClaimDecisionBody): Promise<void> =>
    api.postVoid(idPath('/post-claims', claimId, '/decision'), body),

  /** Open needs of my compound and the ones I claimed. */
  myNeeds: (query: MyPageQuery, signal?: AbortSignal): Promise<NeedPage> =>
    api.get('/me/needs', NeedPageSchema, { query, ...withSignal(signal) }),
  claimNeed: (needId: string): Promise<NeedDetail> =>
    api.post(idPath('/needs', needId, '/claim'), {}, NeedDetailSchema),
};
