import type { Core } from '@strapi/strapi';
import { getService } from './get-service';
import { UID } from './plugin-id';

/** The campaign's documentId from whatever relation syntax the caller used. */
const campaignRef = (value: unknown): string | number | null => {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (value && typeof value === 'object') {
    const v = value as { documentId?: string; id?: number; connect?: unknown; set?: unknown };
    if (v.documentId) return v.documentId;
    if (typeof v.id === 'number') return v.id;
    const list = (v.connect ?? v.set) as unknown[] | undefined;
    if (Array.isArray(list) && list.length > 0) return campaignRef(list[0]);
  }
  return null;
};

/** The participation's campaign (published version, else draft), from any relation syntax. */
export const campaignOf = async (strapi: Core.Strapi, value: unknown) => {
  const ref = campaignRef(value);
  const documentId =
    typeof ref === 'number'
      ? ((
          await strapi.db
            .query(UID.campaign)
            .findOne({ where: { id: ref }, select: ['documentId'] })
        )?.documentId as string | undefined)
      : ref;
  return documentId ? getService(strapi, 'campaigns').findForParticipation(documentId) : null;
};
