import type { Core } from '@strapi/strapi';

/**
 * Strapi 5's Preview (the Content Manager's "Open preview"): a campaign opens the plugin's own
 * preview page, the same one as the ClearOn panel's Preview, for the draft or published version
 * shown. Every other content type has no preview (null).
 */
const clearonPreviewUrl = (
  uid: string,
  { documentId, status }: { documentId?: string; status?: string }
): string | null => {
  if (uid !== 'plugin::clearon.campaign' || !documentId) return null;
  // The admin's own path (/admin): the preview iframe opens it on the admin's origin, whatever the
  // host name the editor uses.
  const adminPath = String(strapi.config.get('admin.path', '/admin')).replace(/\/$/, '');
  const version = status === 'published' ? 'published' : 'draft';
  return `${adminPath}/plugins/clearon/preview/${encodeURIComponent(documentId)}?status=${version}`;
};

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  auth: { secret: env('ADMIN_JWT_SECRET', 'playground-admin-jwt-secret') },
  apiToken: { salt: env('API_TOKEN_SALT', 'playground-api-token-salt') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT', 'playground-transfer-token-salt') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY', 'playground-encryption-key') },
  flags: { nps: false, promoteEE: false },
  preview: {
    enabled: true,
    // The preview page is the admin itself: same origin ('self' also stands for it in the CSP).
    config: { allowedOrigins: ["'self'"], handler: clearonPreviewUrl },
  },
});
