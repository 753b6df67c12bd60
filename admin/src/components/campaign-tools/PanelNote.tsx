import { Typography } from '@strapi/design-system';

/** A grey note in an edit view's side panel (the ClearOn panels of a campaign and of an entry). */
export const PanelNote = ({ children }: { children: string }) => (
  <Typography variant="pi" textColor="neutral600">
    {children}
  </Typography>
);
