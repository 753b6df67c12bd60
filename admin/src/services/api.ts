import { adminApi } from '@strapi/strapi/admin';

/**
 * The plugin's slice of the admin's RTK Query API (as Strapi's i18n plugin does): each resource file
 * next to this one injects its endpoints, and its tags say which lists a save or a retry refreshes.
 */
export const clearonApi = adminApi.enhanceEndpoints({
  addTagTypes: [
    'ClearonIntegration',
    'ClearonMappingVariable',
    'ClearonTrigger',
    'ClearonWebhook',
    'ClearonBotChecks',
    'ClearonCoupon',
    'ClearonCircuit',
    'ClearonCampaign',
  ],
});

/** The plugin's admin routes answer `{ data }`; an endpoint's `transformResponse` unwraps it. */
export const unwrap = <T>(body: { data: T }): T => body.data;
