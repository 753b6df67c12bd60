import * as React from 'react';
import { Typography } from '@strapi/design-system';

/** A small grey note, e.g. "read-only", or what an edit changes. */
export const Note = ({
  children,
  danger = false,
}: {
  children: React.ReactNode;
  danger?: boolean;
}) => (
  <Typography variant="pi" textColor={danger ? 'danger600' : 'neutral600'}>
    {children}
  </Typography>
);
