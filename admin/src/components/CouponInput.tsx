import * as React from 'react';
import { useForm } from '@strapi/strapi/admin';

import type { CampaignSnapshot } from '../utils/couponRules';
import { CouponField, type CouponFieldProps } from './coupon/CouponField';
import { useIntegrations } from './coupon/useIntegrations';

/**
 * The props the Content Manager gives a custom field's Input (its layout props + `useField`): those
 * of {@link CouponField} but what this Input reads itself (the campaign, the integrations).
 */
export type CouponInputProps = Omit<
  CouponFieldProps,
  'value' | 'campaign' | 'integrations' | 'integrationsStatus'
> & { value?: unknown };

type RootValues = CampaignSnapshot & Record<string, unknown>;

/**
 * The `plugin::clearon.coupon` custom field: connects {@link CouponField} to Strapi. It reads the
 * campaign's `mode` and `fields` from the root form values (the campaign being edited, not the
 * exit-screen component) and the integrations from the plugin's admin API.
 */
const CouponInput = ({ name, value, onChange, ...rest }: CouponInputProps) => {
  const mode = useForm('ClearOnCouponInput', (state) => (state.values as RootValues).mode, false);
  const fields = useForm(
    'ClearOnCouponInput',
    (state) => (state.values as RootValues).fields,
    false
  );
  const { integrations, status } = useIntegrations();

  return (
    <CouponField
      {...rest}
      name={name}
      value={value ?? null}
      onChange={onChange}
      campaign={{ mode, fields }}
      integrations={integrations}
      integrationsStatus={status}
    />
  );
};

export default CouponInput;
