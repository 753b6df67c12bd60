import * as React from 'react';
import { Field, Textarea } from '@strapi/design-system';
import { useIntl } from 'react-intl';

interface CouponInputProps {
  name: string;
  value?: unknown;
  onChange: (event: { target: { name: string; value: unknown; type: string } }) => void;
  intlLabel: { id: string; defaultMessage: string };
  disabled?: boolean;
  error?: string;
}

// A plain JSON view of the exit screen's coupon; the "Insert a ClearOn coupon" editor replaces it.
const CouponInput = React.forwardRef<HTMLTextAreaElement, CouponInputProps>(
  ({ name, value, onChange, intlLabel, disabled, error }, ref) => {
    const { formatMessage } = useIntl();
    const [text, setText] = React.useState(() => (value ? JSON.stringify(value, null, 2) : ''));

    return (
      <Field.Root name={name} error={error}>
        <Field.Label>{formatMessage(intlLabel)}</Field.Label>
        <Textarea
          ref={ref}
          disabled={disabled}
          value={text}
          onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => {
            setText(event.target.value);
            try {
              const parsed = event.target.value.trim() ? JSON.parse(event.target.value) : null;
              onChange({ target: { name, value: parsed, type: 'json' } });
            } catch {
              // keep the last valid value until the text parses
            }
          }}
        />
        <Field.Error />
      </Field.Root>
    );
  }
);

export default CouponInput;
