import { Checkbox, Flex, Form, Input, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Path = (string | number)[];

type Props = {
  /** Where the row's fields are, relative to the enclosing `Form.List` field (or `[]` at the form's top). */
  name: Path;
  /** The same place as an absolute path in the form (to watch and reset the fields). */
  path: Path;
  /** The stored number as the server shows it (`138****5678`), or null/undefined when none is stored. */
  masked: string | null | undefined;
  rules: Rule[];
  label?: ReactNode;
  placeholder: string;
  phoneTestId?: string | undefined;
  clearTestId?: string | undefined;
  style?: CSSProperties;
};

/** The form values a masked phone field writes: a new number, or the wish to clear the stored one. */
export type MaskedPhoneValues = { phone?: string; clearPhone?: boolean };

/**
 * What to send for a phone the client only ever sees masked: `undefined` keeps the stored number, a string
 * replaces it, `null` clears it (only when one was stored).
 */
export const phoneChange = (v: MaskedPhoneValues, hadPhone: boolean): string | null | undefined => {
  if (v.clearPhone && hadPhone) return null;
  const typed = v.phone?.trim();
  return typed ? typed : undefined;
};

/**
 * A mobile number field for an object that may already hold one. The stored number is shown masked as the current
 * value ("已登记 138****5678，留空则不变"); typing replaces it, 清除号码 removes it.
 */
export const MaskedPhoneField = (props: Props) => {
  const { name, path, masked, rules, label, placeholder, phoneTestId, clearTestId, style } = props;
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const clearing = Form.useWatch([...path, 'clearPhone'], form) === true;
  const hint = masked ? (
    <Flex justify="space-between" align="center" gap={8} wrap>
      <Typography.Text type={clearing ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
        {clearing ? t('common.phone.willClear', { masked }) : t('common.phone.current', { masked })}
      </Typography.Text>
      <Form.Item name={[...name, 'clearPhone']} valuePropName="checked" noStyle>
        <Checkbox
          data-testid={clearTestId}
          onChange={(e) => {
            if (e.target.checked) form.setFields([{ name: [...path, 'phone'], value: '', errors: [] }]);
          }}
        >
          <span style={{ fontSize: 12 }}>{t('common.phone.clear')}</span>
        </Checkbox>
      </Form.Item>
    </Flex>
  ) : undefined;
  return (
    <Form.Item name={[...name, 'phone']} label={label} rules={clearing ? [] : rules} extra={hint} style={style}>
      <Input
        maxLength={11}
        inputMode="numeric"
        disabled={clearing}
        placeholder={masked ?? placeholder}
        data-testid={phoneTestId}
      />
    </Form.Item>
  );
};
