import {
  type CreateServiceRecordBody,
  type ServiceRatingBody,
  type ServiceRecord,
  ServiceRecordPageSchema,
  ServiceRecordSchema,
  type StoredFile,
  StoredFileSchema,
} from '@linli/contracts';
import { api } from './http.ts';
import type { MyPageQuery } from './posts.ts';

export type ServiceRecordPage = ReturnType<typeof ServiceRecordPageSchema.parse>;

const withSignal = (signal: AbortSignal | undefined) => (signal ? { signal } : {});

/** Service records (服务登记), their photos and the residents' ratings. */
export const servicesApi = {
  /** One photo, sent as it is (the server strips metadata); `400` for a non-image, `413` above 5 MB. */
  uploadPhoto: (file: File): Promise<StoredFile> => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.upload('/files', form, StoredFileSchema);
  },
  create: (body: CreateServiceRecordBody, idempotencyKey: string): Promise<ServiceRecord> =>
    api.post('/service-records', body, ServiceRecordSchema, { idempotencyKey }),
  mine: (query: MyPageQuery, signal?: AbortSignal): Promise<ServiceRecordPage> =>
    api.get('/me/service-records', ServiceRecordPageSchema, { query, ...withSignal(signal) }),

  /** Unrated services done for my households (a resident linked to my account). */
  toRate: (query: MyPageQuery, signal?: AbortSignal): Promise<ServiceRecordPage> =>
    api.get('/me/services-to-rate', ServiceRecordPageSchema, { query, ...withSignal(signal) }),
  rate: (recordId: string, body: ServiceRatingBody): Promise<void> =>
    api.postVoid(`/service-records/${encodeURIComponent(recordId)}/rating`, body),
};
