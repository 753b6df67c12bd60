import type * as React from 'react';

/** The layout props the Content Manager gives a custom field's Input (besides its value). */
export interface CustomFieldLayoutProps {
  label?: React.ReactNode;
  labelAction?: React.ReactNode;
  hint?: React.ReactNode;
  error?: string;
  required?: boolean;
  disabled?: boolean;
}
