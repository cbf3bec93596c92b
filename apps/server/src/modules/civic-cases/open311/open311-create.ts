import { PhoneSchema } from '@linli/contracts';
import type { Ctx } from '../../../platform/context.ts';
import { transact } from '../../../platform/transaction.ts';
import { createCase } from '../intake/case-create.ts';
import { findApiKeyByKey } from '../settings/api-key.repository.ts';
import { type Doc, list } from './open311-document.ts';
import { badRequest, Open311Failure } from './open311-errors.ts';
import type { CreateArgs } from './open311-form.ts';
import { locate } from './open311-location.ts';
import { offeredService } from './open311-services.ts';

const MAX_DESCRIPTION = 4000;
const MAX_NAME = 40;
/** Anything that looks like a tag or a comment: the spec wants plain text, and we refuse rather than guess. */
const HTML = /<\s*\/?\s*[A-Za-z!?][^>]*>/;

function checkDescription(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if ([...text].length > MAX_DESCRIPTION) throw badRequest('description is longer than 4000 characters.');
  if (HTML.test(text)) throw badRequest('description must be plain text, without HTML.');
  return text;
}

/** 张 + 三 → 张三 for Chinese names; first and last with a space for Latin ones. */
function fullName(first: string | undefined, last: string | undefined): string | undefined {
  const parts = [last, first].filter((p): p is string => p !== undefined);
  if (parts.length === 0) return undefined;
  const latin = parts.every((p) => /^[\x20-\x7E]*$/.test(p));
  const name = latin ? [first, last].filter(Boolean).join(' ') : parts.join('');
  if ([...name].length > MAX_NAME) throw badRequest('first_name and last_name together exceed 40 characters.');
  return name;
}

/** A mainland mobile number (`+86`, spaces and dashes allowed), or undefined: other numbers are not kept. */
function mobileOf(phone: string | undefined): string | undefined {
  if (phone === undefined) return undefined;
  const digits = phone.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
  return PhoneSchema.safeParse(digits).success ? digits : undefined;
}

/** The case title: the description's first line, cut to 60 characters, else the service's name. */
function titleOf(description: string | undefined, serviceName: string): string {
  const line = description?.split(/\r?\n/)[0]?.trim() ?? '';
  return line === '' ? serviceName : [...line].slice(0, 60).join('');
}

/** What the client should know about what we kept and did not keep (service_notice). */
function noticeOf(args: CreateArgs, created: { number: string; trackingCode: string | null }, phoneKept: boolean) {
  const parts = [`已受理登记，编号 ${created.number}，可凭编号查询办理进度。`];
  if (created.trackingCode) parts.push(`匿名反映，不保存反映人信息；查询码 ${created.trackingCode}。`);
  if (args.email) parts.push('本系统不保存电子邮箱，办理结果不会通过邮件通知。');
  if (args.phone && !phoneKept) parts.push('所留电话不是大陆手机号码，未予保存。');
  if (args.mediaUrl) parts.push('不会下载 media_url 指向的图片。');
  return parts.join('');
}

/**
 * POST requests: a case on the `open311` channel, created by `createCase` in one transaction like every channel
 * (routing, deadlines, dispatchers told, audited). The key must be active (403 otherwise, checked first); the
 * service must be offered (404); `locate` finds the compound (400). A name or a mainland mobile makes it a named
 * report (kept encrypted); with neither it is anonymous, which the category must allow (400). The email is never
 * stored. The answer carries the case number — never the internal id — as `service_request_id`.
 */
export async function createOpen311Request(ctx: Ctx, args: CreateArgs): Promise<Doc> {
  if (args.apiKey === undefined) throw new Open311Failure(403, 'api_key is required.');
  const key = await findApiKeyByKey(ctx.db, args.apiKey, ctx.clock);
  if (!key) throw new Open311Failure(403, 'api_key is invalid or revoked.');
  if (args.serviceCode === undefined) throw badRequest('service_code is required.');
  const { category } = await offeredService(ctx.db, args.serviceCode);
  const place = await locate(ctx.db, args);
  const description = checkDescription(args.description);
  const reporterName = fullName(args.firstName, args.lastName);
  const reporterPhone = mobileOf(args.phone);
  const anonymous = reporterName === undefined && reporterPhone === undefined;

  const created = await transact(ctx, (trx) =>
    createCase(trx, ctx, {
      channel: 'open311',
      categoryId: category.id,
      title: titleOf(description, category.name),
      description: description ?? category.name,
      nature: 'help',
      place: { compoundId: place.compoundId, location: place.location, addressText: place.addressText },
      answers: args.answers,
      photoIds: [],
      anonymous,
      reporterUserId: null,
      reporterName: reporterName ?? null,
      reporterPhone: reporterPhone ?? null,
      // Which integration sent it stays on the case (the key's name, never the key).
      sourceRef: `Open311：${key.name}`.slice(0, 200),
    }),
  );
  return list('request', [
    {
      service_request_id: created.number,
      service_notice: noticeOf(args, created, reporterPhone !== undefined),
    },
  ]);
}
