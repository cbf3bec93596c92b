import type { ErrorCode, Locale } from '@linli/contracts';

/** The one table from error code to HTTP status. */
export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  MFA_REQUIRED: 401,
  MFA_INVALID: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 403,
  PASSWORD_POLICY: 400,
  PASSWORD_CHANGE_REQUIRED: 403,
  OTP_INVALID: 401,
  FORBIDDEN: 403,
  CSRF_REJECTED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE: 409,
  ORG_CYCLE: 409,
  ORG_HAS_CHILDREN: 409,
  ROLE_CONFLICT: 409,
  VERSION_REQUIRED: 428,
  VERSION_STALE: 412,
  IDEMPOTENCY_KEY_REQUIRED: 400,
  IDEMPOTENCY_KEY_REUSED: 422,
  IDEMPOTENCY_IN_FLIGHT: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  CIVIC_CASE_TRANSITION: 409,
  CATEGORY_NOT_OPEN: 422,
  REOPEN_WINDOW_PASSED: 409,
  REPORT_TEMPLATE_INVALID: 400,
  LEDGER_EXPORT_NOT_READY: 409,
  INTERNAL: 500,
};

/** Default user-facing messages; a thrower may pass a more specific one. */
export const MESSAGES: Record<ErrorCode, Record<Locale, string>> = {
  VALIDATION_FAILED: {
    'zh-CN': '提交的内容有误，请按提示修改',
    'en-US': 'Some fields are invalid; please correct them',
  },
  UNAUTHENTICATED: { 'zh-CN': '请先登录', 'en-US': 'Please sign in' },
  SESSION_EXPIRED: { 'zh-CN': '登录已过期，请重新登录', 'en-US': 'Your session has expired; please sign in again' },
  MFA_REQUIRED: { 'zh-CN': '请输入动态验证码', 'en-US': 'Enter your authenticator code' },
  MFA_INVALID: { 'zh-CN': '动态验证码错误或已使用', 'en-US': 'The authenticator code is wrong or already used' },
  INVALID_CREDENTIALS: { 'zh-CN': '用户名或密码错误', 'en-US': 'Wrong username or password' },
  ACCOUNT_LOCKED: {
    'zh-CN': '登录失败次数过多，账号已临时锁定，请稍后再试',
    'en-US': 'Too many failed sign-ins; the account is locked for a while',
  },
  ACCOUNT_DISABLED: {
    'zh-CN': '账号已停用，请联系管理员',
    'en-US': 'This account is disabled; contact an administrator',
  },
  PASSWORD_POLICY: { 'zh-CN': '密码不符合安全要求', 'en-US': 'The password does not meet the policy' },
  PASSWORD_CHANGE_REQUIRED: { 'zh-CN': '请先修改初始密码', 'en-US': 'Change your one-time password first' },
  OTP_INVALID: { 'zh-CN': '验证码错误或已过期', 'en-US': 'The code is wrong or has expired' },
  FORBIDDEN: { 'zh-CN': '没有权限执行此操作', 'en-US': 'You are not allowed to do this' },
  CSRF_REJECTED: {
    'zh-CN': '请求来源无法验证，请刷新页面后重试',
    'en-US': 'The request origin could not be verified; reload and retry',
  },
  NOT_FOUND: { 'zh-CN': '找不到该记录', 'en-US': 'Not found' },
  CONFLICT: { 'zh-CN': '操作与当前状态冲突', 'en-US': 'This conflicts with the current state' },
  DUPLICATE: { 'zh-CN': '记录已存在', 'en-US': 'This already exists' },
  ORG_CYCLE: {
    'zh-CN': '不能把组织移动到它自己的下级之下',
    'en-US': 'An organisation cannot move under its own subtree',
  },
  ORG_HAS_CHILDREN: {
    'zh-CN': '该组织下还有下级组织或小区，不能删除',
    'en-US': 'The organisation still has children or compounds',
  },
  ROLE_CONFLICT: {
    'zh-CN': '系统管理员、安全管理员、审计管理员不能相互兼任，也不能兼任业务角色',
    'en-US': 'System, security and audit administrator roles cannot be combined with each other or with business roles',
  },
  VERSION_REQUIRED: { 'zh-CN': '缺少版本信息，请刷新后重试', 'en-US': 'Missing If-Match version; reload and retry' },
  VERSION_STALE: { 'zh-CN': '已被他人修改，请刷新后重试', 'en-US': 'Someone else changed this; reload and retry' },
  IDEMPOTENCY_KEY_REQUIRED: { 'zh-CN': '缺少请求标识，请重试', 'en-US': 'Idempotency-Key header is required' },
  IDEMPOTENCY_KEY_REUSED: {
    'zh-CN': '该请求标识已用于不同的内容',
    'en-US': 'This Idempotency-Key was used with a different request',
  },
  IDEMPOTENCY_IN_FLIGHT: { 'zh-CN': '相同的请求正在处理中', 'en-US': 'The same request is still being processed' },
  RATE_LIMITED: { 'zh-CN': '操作过于频繁，请稍后再试', 'en-US': 'Too many requests; try again later' },
  PAYLOAD_TOO_LARGE: { 'zh-CN': '提交的内容过大', 'en-US': 'The request is too large' },
  UNSUPPORTED_MEDIA_TYPE: {
    'zh-CN': '文件类型不支持，请上传允许的格式',
    'en-US': 'This file type is not accepted; upload one of the allowed formats',
  },
  CIVIC_CASE_TRANSITION: {
    'zh-CN': '该事项当前状态下不能执行此操作，请刷新后查看最新进展',
    'en-US': "This step is not possible in the case's current status; reload to see its progress",
  },
  CATEGORY_NOT_OPEN: {
    'zh-CN': '该类别不接受此方式上报，请换一个类别或实名上报',
    'en-US': 'This category does not accept this kind of report; choose another or report with your name',
  },
  REOPEN_WINDOW_PASSED: {
    'zh-CN': '已超过可重新提起的期限，请重新上报',
    'en-US': 'The time to reopen has passed; please file a new report',
  },
  REPORT_TEMPLATE_INVALID: {
    'zh-CN': '模板中有无法使用的数据项，请按提示删除或替换',
    'en-US': 'The template quotes figures that cannot be used; remove or replace them as shown',
  },
  LEDGER_EXPORT_NOT_READY: {
    'zh-CN': '台账文件尚未生成完成或已过期，请稍候或重新导出',
    'en-US': 'The ledger file is not ready or has expired; wait or export it again',
  },
  INTERNAL: { 'zh-CN': '系统繁忙，请稍后再试', 'en-US': 'Something went wrong; please try again later' },
};
