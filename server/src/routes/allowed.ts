/** The policies of an admin route: a logged-in admin holding every one of `actions`. */
export const allowed = (...actions: Array<string | { action: string; subject: string }>) => [
  'admin::isAuthenticatedAdmin',
  { name: 'admin::hasPermissions', config: { actions } },
];
