import { z } from 'zod';
import { DateOnlySchema, IdSchema, nameText, optionalText, pageOf, TimestampSchema } from './common.ts';

/**
 * Posts (设岗定责), needs (需求清单) and service records (服务登记卡) — the 一单一表一卡 flow of domain-cn §2 —
 * plus the stored files (photos) that service records and later modules attach.
 */

export const POST_AREA_KINDS = ['none', 'buildings', 'households', 'duty_zone'] as const;
export const PostAreaKindSchema = z.enum(POST_AREA_KINDS);
export type PostAreaKind = z.infer<typeof PostAreaKindSchema>;

export const POST_STATUSES = ['open', 'closed'] as const;
export const PostStatusSchema = z.enum(POST_STATUSES);
export type PostStatus = z.infer<typeof PostStatusSchema>;

export const POST_CLAIM_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export const PostClaimStatusSchema = z.enum(POST_CLAIM_STATUSES);
export type PostClaimStatus = z.infer<typeof PostClaimStatusSchema>;

export const NEED_STATUSES = ['open', 'claimed', 'done', 'cancelled'] as const;
export const NeedStatusSchema = z.enum(NEED_STATUSES);
export type NeedStatus = z.infer<typeof NeedStatusSchema>;

/** 满意 / 基本满意 / 不满意 — the same three as a 民情 return visit. */
export const RATINGS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export const RatingSchema = z.enum(RATINGS);
export type Rating = z.infer<typeof RatingSchema>;

/** Who rated a service: the served household's resident (群众评单) or the branch. */
export const RATED_BY_KINDS = ['resident', 'branch'] as const;
export const RatedByKindSchema = z.enum(RATED_BY_KINDS);

const sortOrder = z.enum(['asc', 'desc']).default('desc');
const listLimit = z.coerce.number().int().min(1).max(200).default(20);
const boolQuery = z.enum(['true', 'false']);

// ---------------------------------------------------------------- post categories

export const PostCategorySchema = z.object({
  id: IdSchema,
  name: z.string(),
  sortOrder: z.number().int(),
  /** Inactive categories stay on old posts and needs but are not offered for new ones. */
  active: z.boolean(),
  version: z.number().int(),
});
export type PostCategory = z.infer<typeof PostCategorySchema>;
/** `GET /post-categories`: every category, active and inactive, by `sortOrder`. */
export const PostCategoryListSchema = z.object({ items: z.array(PostCategorySchema) });
export const CreatePostCategoryBodySchema = z
  .object({ name: nameText(30), sortOrder: z.number().int().min(0).max(10000).optional() })
  .strict();
export type CreatePostCategoryBody = z.infer<typeof CreatePostCategoryBodySchema>;
/** `PATCH /post-categories/:id` (If-Match): rename, reorder, or `active: false` to retire it (never deleted). */
export const UpdatePostCategoryBodySchema = z
  .object({
    name: nameText(30).optional(),
    sortOrder: z.number().int().min(0).max(10000).optional(),
    active: z.boolean().optional(),
  })
  .strict();
export type UpdatePostCategoryBody = z.infer<typeof UpdatePostCategoryBodySchema>;

// ---------------------------------------------------------------- posts

/** The responsibility area (责任区) of a post as stored and shown. Unused parts are empty / null. */
export const PostAreaSchema = z.object({
  kind: PostAreaKindSchema,
  buildings: z.array(z.string()),
  householdIds: z.array(IdSchema),
  dutyZoneId: IdSchema.nullable(),
  dutyZoneName: z.string().nullable(),
});
export type PostArea = z.infer<typeof PostAreaSchema>;

/** The area when creating or editing: buildings by name, households of the post's compound, or a duty zone. */
export const PostAreaInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }).strict(),
  z.object({ kind: z.literal('buildings'), buildings: z.array(nameText(30)).min(1).max(100) }).strict(),
  z.object({ kind: z.literal('households'), householdIds: z.array(IdSchema).min(1).max(500) }).strict(),
  z.object({ kind: z.literal('duty_zone'), dutyZoneId: IdSchema }).strict(),
]);
export type PostAreaInput = z.infer<typeof PostAreaInputSchema>;

export const PostSchema = z.object({
  id: IdSchema,
  compoundId: IdSchema,
  compoundName: z.string(),
  categoryId: IdSchema,
  categoryName: z.string(),
  title: z.string(),
  duties: z.string(),
  seats: z.number().int(),
  /** Approved claims: a post is full when `claimedSeats === seats`. */
  claimedSeats: z.number().int(),
  pendingClaims: z.number().int(),
  area: PostAreaSchema,
  status: PostStatusSchema,
  createdAt: TimestampSchema,
  version: z.number().int(),
});
export type Post = z.infer<typeof PostSchema>;
export const PostPageSchema = pageOf(PostSchema);

export const PostListQuerySchema = z.object({
  compoundId: IdSchema.optional(),
  categoryId: IdSchema.optional(),
  status: PostStatusSchema.optional(),
  /** Title contains. */
  q: z.string().trim().max(50).optional(),
  sort: z.enum(['createdAt', 'title']).default('createdAt'),
  order: sortOrder,
  cursor: z.string().max(200).optional(),
  limit: listLimit,
});
export type PostListQuery = z.infer<typeof PostListQuerySchema>;

export const CreatePostBodySchema = z
  .object({
    compoundId: IdSchema,
    categoryId: IdSchema,
    title: nameText(60),
    duties: nameText(1000),
    seats: z.number().int().min(1).max(100),
    area: PostAreaInputSchema.default({ kind: 'none' }),
  })
  .strict();
export type CreatePostBody = z.infer<typeof CreatePostBodySchema>;

/**
 * `PATCH /posts/:id` (If-Match). The post stays in its compound; `area` replaces the whole area; `seats` below
 * the approved claims → 409 CONFLICT; `status: 'closed'` stops new claims (approved ones stand).
 */
export const UpdatePostBodySchema = z
  .object({
    categoryId: IdSchema.optional(),
    title: nameText(60).optional(),
    duties: nameText(1000).optional(),
    seats: z.number().int().min(1).max(100).optional(),
    area: PostAreaInputSchema.optional(),
    status: PostStatusSchema.optional(),
  })
  .strict();
export type UpdatePostBody = z.infer<typeof UpdatePostBodySchema>;

export const PostClaimSchema = z.object({
  id: IdSchema,
  postId: IdSchema,
  postTitle: z.string(),
  compoundId: IdSchema,
  compoundName: z.string(),
  memberId: IdSchema,
  memberName: z.string(),
  status: PostClaimStatusSchema,
  note: z.string().nullable(),
  claimedAt: TimestampSchema,
  decidedAt: TimestampSchema.nullable(),
  /** The reason given when the branch rejected the claim. */
  reason: z.string().nullable(),
  version: z.number().int(),
});
export type PostClaim = z.infer<typeof PostClaimSchema>;
export const PostClaimPageSchema = pageOf(PostClaimSchema);

/**
 * `GET /posts/:id`. Managers see every claim; a member of the compound sees the approved claims (the post's
 * public roll, 公示) and their own.
 */
export const PostDetailSchema = PostSchema.extend({
  claims: z.array(PostClaimSchema),
  abilities: z.object({ update: z.boolean(), claim: z.boolean() }),
});
export type PostDetail = z.infer<typeof PostDetailSchema>;

/** `POST /posts/:id/claims`: the signed-in member claims a seat; the branch decides. */
export const CreatePostClaimBodySchema = z.object({ note: optionalText(200) }).strict();
export type CreatePostClaimBody = z.infer<typeof CreatePostClaimBodySchema>;

export const PostClaimListQuerySchema = z.object({
  compoundId: IdSchema.optional(),
  postId: IdSchema.optional(),
  memberId: IdSchema.optional(),
  status: PostClaimStatusSchema.optional(),
  cursor: z.string().max(200).optional(),
  limit: listLimit,
});
export type PostClaimListQuery = z.infer<typeof PostClaimListQuerySchema>;

/** `POST /post-claims/:id/decision`: approving beyond the seats → 409 CONFLICT; a rejection needs a reason. */
export const PostClaimDecisionBodySchema = z
  .object({ decision: z.enum(['approved', 'rejected']), reason: optionalText(200) })
  .strict()
  .refine((b) => b.decision === 'approved' || (b.reason !== undefined && b.reason.length > 0), {
    path: ['reason'],
    message: 'required',
  });
export type PostClaimDecisionBody = z.infer<typeof PostClaimDecisionBodySchema>;

/** `GET /me/posts`: the open posts of my residence compound, each with my live claim if any. */
export const MyPostSchema = PostSchema.extend({
  myClaim: z.object({ id: IdSchema, status: PostClaimStatusSchema }).nullable(),
});
export type MyPost = z.infer<typeof MyPostSchema>;
export const MyPostPageSchema = pageOf(MyPostSchema);

// ---------------------------------------------------------------- needs

export const NeedSchema = z.object({
  id: IdSchema,
  compoundId: IdSchema,
  compoundName: z.string(),
  categoryId: IdSchema,
  categoryName: z.string(),
  title: z.string(),
  description: z.string(),
  householdId: IdSchema.nullable(),
  /** Building, unit and a masked room: enough to find the door, not to list who lives where. */
  householdAddress: z.string().nullable(),
  dueOn: DateOnlySchema.nullable(),
  status: NeedStatusSchema,
  claimantId: IdSchema.nullable(),
  claimantName: z.string().nullable(),
  claimedAt: TimestampSchema.nullable(),
  /** True when the signed-in user is the member who claimed it. */
  claimedByMe: z.boolean(),
  createdAt: TimestampSchema,
  version: z.number().int(),
});
export type Need = z.infer<typeof NeedSchema>;
export const NeedPageSchema = pageOf(NeedSchema);
export const NeedDetailSchema = NeedSchema.extend({
  abilities: z.object({ update: z.boolean(), claim: z.boolean(), setStatus: z.boolean() }),
});
export type NeedDetail = z.infer<typeof NeedDetailSchema>;

export const NeedListQuerySchema = z.object({
  compoundId: IdSchema.optional(),
  categoryId: IdSchema.optional(),
  status: NeedStatusSchema.optional(),
  q: z.string().trim().max(50).optional(),
  cursor: z.string().max(200).optional(),
  limit: listLimit,
});
export type NeedListQuery = z.infer<typeof NeedListQuerySchema>;

export const CreateNeedBodySchema = z
  .object({
    compoundId: IdSchema,
    categoryId: IdSchema,
    title: nameText(60),
    description: nameText(1000),
    /** A household of the same compound the need is for. */
    householdId: IdSchema.optional(),
    dueOn: DateOnlySchema.optional(),
  })
  .strict();
export type CreateNeedBody = z.infer<typeof CreateNeedBodySchema>;
/** `PATCH /needs/:id` (If-Match); `householdId: null` / `dueOn: null` clear them. Status moves by `/status`. */
export const UpdateNeedBodySchema = z
  .object({
    categoryId: IdSchema.optional(),
    title: nameText(60).optional(),
    description: nameText(1000).optional(),
    householdId: IdSchema.nullable().optional(),
    dueOn: DateOnlySchema.nullable().optional(),
  })
  .strict();
export type UpdateNeedBody = z.infer<typeof UpdateNeedBodySchema>;

/**
 * `POST /needs/:id/status` by the branch: `done`, `cancelled`, or `open` (reopen: a done or cancelled need goes
 * back on the list, and a claimed one is released from its claimant). The same status again → 409 CONFLICT.
 */
export const NeedStatusBodySchema = z.object({ status: z.enum(['open', 'done', 'cancelled']) }).strict();
export type NeedStatusBody = z.infer<typeof NeedStatusBodySchema>;

// ---------------------------------------------------------------- stored files

/** `POST /files` (multipart field `file`, a JPEG, PNG or WebP photo ≤ 5 MB; metadata stripped). */
export const StoredFileSchema = z.object({
  id: IdSchema,
  mediaType: z.string(),
  byteSize: z.number().int(),
  /** `/api/v1/files/:id`: readable by the uploader, then by whoever may read the record it is attached to. */
  url: z.string(),
  /** `/api/v1/files/:id/thumbnail` (≤ 320 px JPEG), or null when the photo could not be decoded into one. */
  thumbnailUrl: z.string().nullable().optional(),
});
export type StoredFile = z.infer<typeof StoredFileSchema>;
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTO_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

// ---------------------------------------------------------------- service records

export const ServiceRecordSchema = z.object({
  id: IdSchema,
  memberId: IdSchema,
  memberName: z.string(),
  compoundId: IdSchema,
  compoundName: z.string(),
  servedOn: DateOnlySchema,
  /** Hours with one decimal (stored as minutes). */
  hours: z.number(),
  content: z.string(),
  needId: IdSchema.nullable(),
  needTitle: z.string().nullable(),
  postId: IdSchema.nullable(),
  postTitle: z.string().nullable(),
  householdId: IdSchema.nullable(),
  householdAddress: z.string().nullable(),
  photos: z.array(z.object({ id: IdSchema, url: z.string() })),
  rating: RatingSchema.nullable(),
  ratedByKind: RatedByKindSchema.nullable(),
  ratedAt: TimestampSchema.nullable(),
  comment: z.string().nullable(),
  createdAt: TimestampSchema,
});
export type ServiceRecord = z.infer<typeof ServiceRecordSchema>;
export const ServiceRecordPageSchema = pageOf(ServiceRecordSchema);

export const ServiceRecordListQuerySchema = z.object({
  compoundId: IdSchema.optional(),
  memberId: IdSchema.optional(),
  /** `servedOn` from / to, inclusive. */
  from: DateOnlySchema.optional(),
  to: DateOnlySchema.optional(),
  rated: boolQuery.optional(),
  cursor: z.string().max(200).optional(),
  limit: listLimit,
});
export type ServiceRecordListQuery = z.infer<typeof ServiceRecordListQuerySchema>;

/**
 * `POST /service-records` (Idempotency-Key honoured). A member logs their own service (without `memberId`); a
 * branch manager logs one on behalf of a member in scope (`memberId` required). `servedOn` may not lie in the
 * future (checked on the server's clock). `needId` must be a need the member claimed, `postId` a post with the
 * member's approved claim; `householdId` defaults to the need's household. A service against a claimed need
 * marks the need done. `photoIds` are files the caller uploaded and has not attached yet.
 */
export const CreateServiceRecordBodySchema = z
  .object({
    memberId: IdSchema.optional(),
    servedOn: DateOnlySchema,
    hours: z.number().min(0.5).max(24).multipleOf(0.5),
    content: z.string().trim().min(2).max(500),
    needId: IdSchema.optional(),
    postId: IdSchema.optional(),
    householdId: IdSchema.optional(),
    photoIds: z.array(IdSchema).max(9).default([]),
  })
  .strict();
export type CreateServiceRecordBody = z.infer<typeof CreateServiceRecordBodySchema>;

/** `POST /service-records/:id/rating`: once per record, by the served household's resident or the branch. */
export const ServiceRatingBodySchema = z.object({ rating: RatingSchema, comment: optionalText(200) }).strict();
export type ServiceRatingBody = z.infer<typeof ServiceRatingBodySchema>;

/** The `/me/...` lists: keyset pages without filters. */
export const MyListQuerySchema = z.object({ cursor: z.string().max(200).optional(), limit: listLimit });
export type MyListQuery = z.infer<typeof MyListQuerySchema>;
/** `GET /me/posts`: my compound's open posts, optionally of one category. */
export const MyPostListQuerySchema = MyListQuerySchema.extend({ categoryId: IdSchema.optional() });
export type MyPostListQuery = z.infer<typeof MyPostListQuerySchema>;
