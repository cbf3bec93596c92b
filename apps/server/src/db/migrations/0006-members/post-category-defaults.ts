/** The eight post categories counties use for 双报到 posts (domain-cn §2, 中江县); editable afterwards. */
export const DEFAULT_POST_CATEGORIES = [
  '组织建设',
  '法律援助',
  '助困扶残与就业援助',
  '社区治理',
  '健康医疗',
  '文化体育',
  '安全宣传与治安巡逻',
  '其他',
] as const;

/** Fixed ids so the defaults are the same rows on every install (and in every test database). */
export const defaultPostCategoryId = (index: number): string =>
  `00000000-0000-7000-8000-${String(index + 1).padStart(12, '0')}`;
