import { CheckCircleFilled } from '@ant-design/icons';
import { isValidGridCode } from '@linli/contracts';
import { Flex, Input, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

type Props = { id?: string; value?: string; onChange?: (v: string) => void };

const SEGMENTS = [
  { key: 'segArea', from: 0, to: 6 },
  { key: 'segStreet', from: 6, to: 9 },
  { key: 'segCommunity', from: 9, to: 12 },
  { key: 'segSeq', from: 12, to: 15 },
] as const;

/** The 15-digit grid code, with its four segments shown as they are typed. */
export const GridCodeInput = ({ id, value = '', onChange }: Props) => {
  const { t } = useTranslation();
  const complete = value.length === 15;
  return (
    <Flex vertical gap={6}>
      <Input
        id={id}
        value={value}
        onChange={(e) => onChange?.(e.target.value.replace(/\D/g, '').slice(0, 15))}
        inputMode="numeric"
        maxLength={15}
        showCount
        className="mono"
        placeholder="341322001002003"
        data-testid="grid-code"
      />
      <Flex gap={6} wrap align="center">
        {SEGMENTS.map((s) => {
          const part = value.slice(s.from, s.to);
          return (
            <Tag key={s.key} color={part.length === s.to - s.from ? 'processing' : 'default'}>
              {t('common.fmt.labelValue', { label: t(`grid.${s.key}`), value: part.padEnd(s.to - s.from, '·') })}
            </Tag>
          );
        })}
        {complete && isValidGridCode(value) && <CheckCircleFilled style={{ color: '#52c41a' }} aria-hidden />}
      </Flex>
    </Flex>
  );
};

/** `341322 001 002 003` — the code with its segments apart, for tables. */
export const formatGridCode = (code: string) =>
  code.length === 15 ? SEGMENTS.map((s) => code.slice(s.from, s.to)).join(' ') : code;
