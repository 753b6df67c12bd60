import * as React from 'react';
import { Flex } from '@strapi/design-system';

/**
 * A labelled region (`<section aria-label>`, a landmark for screen readers and tests) that stacks
 * its children in a full-width column.
 */
export const Region = ({
  label,
  gap,
  children,
}: {
  label: string;
  gap: number;
  children: React.ReactNode;
}) => (
  <Flex
    tag="section"
    aria-label={label}
    direction="column"
    alignItems="stretch"
    gap={gap}
    width="100%"
  >
    {children}
  </Flex>
);
