import i18n from '../../i18n/index.ts';

/** The 56 ethnic groups in GB/T 3304 order; the roster stores the Chinese name (汉族), the UI shows its label. */
export const ETHNICITY_IDS = [
  'han',
  'mongol',
  'hui',
  'tibetan',
  'uyghur',
  'miao',
  'yi',
  'zhuang',
  'bouyei',
  'korean',
  'manchu',
  'dong',
  'yao',
  'bai',
  'tujia',
  'hani',
  'kazakh',
  'dai',
  'li',
  'lisu',
  'wa',
  'she',
  'gaoshan',
  'lahu',
  'sui',
  'dongxiang',
  'naxi',
  'jingpo',
  'kyrgyz',
  'tu',
  'daur',
  'mulao',
  'qiang',
  'blang',
  'salar',
  'maonan',
  'gelao',
  'xibe',
  'achang',
  'pumi',
  'tajik',
  'nu',
  'uzbek',
  'russian',
  'evenki',
  'deang',
  'bonan',
  'yugur',
  'gin',
  'tatar',
  'derung',
  'oroqen',
  'hezhen',
  'monba',
  'lhoba',
  'jino',
] as const;
type EthnicityId = (typeof ETHNICITY_IDS)[number];

/** The stored value: the group's Chinese name whatever the UI language. */
const storedName = (id: EthnicityId): string => i18n.getFixedT('zh-CN')(`member.ethnicities.${id}`);

/** Options for the ethnicity select; a stored value outside the list (e.g. from an import) stays pickable. */
export const ethnicityOptions = (current?: string): { value: string; label: string }[] => {
  const options = ETHNICITY_IDS.map((id) => ({ value: storedName(id), label: i18n.t(`member.ethnicities.${id}`) }));
  if (current && !options.some((o) => o.value === current)) options.push({ value: current, label: current });
  return options;
};

/** A stored ethnicity in the UI language (the Chinese name when it is not one of the 56). */
export const ethnicityLabel = (value: string): string => {
  const id = ETHNICITY_IDS.find((e) => storedName(e) === value);
  return id ? i18n.t(`member.ethnicities.${id}`) : value;
};
