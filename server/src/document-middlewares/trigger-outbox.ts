import type { Core } from '@strapi/strapi';
import type { Trigger } from '../domain/trigger';
import { safeError } from '../utils/describe-error';
import { getService } from '../utils/get-service';
import type { CouponRow } from '../services/coupons';
import type { DocumentCall } from '../utils/document-middleware';

type Context = DocumentCall<{ documentId?: string; locale?: unknown; status?: string }>;
type Entry = Record<string, unknown> & { id: number; documentId: string; locale?: string | null };

/** The actions that publish: `publish`, and `create`/`update` asked with `status: 'published'`. */
const publishes = (context: Context) =>
  context.action === 'publish' ||
  ((context.action === 'create' || context.action === 'update') &&
    context.params.status === 'published');

const fires = (trigger: Trigger, context: Context) =>
  trigger.event === 'create' ? context.action === 'create' : publishes(context);

const localesOf = (params: { locale?: unknown }) =>
  typeof params.locale === 'string' && params.locale !== '*' ? [params.locale] : null;

/**
 * The coupon triggers of the app's own collection types: a create (or a publish) of an entry that
 * a trigger names writes the entry's coupon row in the entry's own transaction, so a rolled-back
 * entry has none and a committed one always has its coupon. Other uids and actions pass through.
 */
export const triggerOutbox =
  (strapi: Core.Strapi) => async (context: Context, next: () => Promise<unknown>) => {
    if (!context.uid.startsWith('api::')) return next();
    if (!['create', 'update', 'publish'].includes(context.action)) return next();
    const triggers = (await getService(strapi, 'triggers').activeFor(context.uid)).filter(
      (trigger) => fires(trigger, context)
    );
    if (triggers.length === 0) return next();

    const written: CouponRow[] = [];
    const result = await strapi.db
      .transaction(async ({ trx, onCommit }) => {
        const output = await next();
        const documentId =
          (output as { documentId?: string } | null)?.documentId ?? context.params.documentId;
        if (!documentId) return output;
        for (const trigger of triggers) {
          for (const entry of await entriesOf(strapi, context, trigger, documentId)) {
            const coupon = await getService(strapi, 'trigger-coupons').fire(
              trx,
              trigger,
              entry,
              'reject'
            );
            if (coupon) written.push(coupon);
          }
        }
        onCommit(() => {
          for (const coupon of written) getService(strapi, 'trigger-coupons').issueSoon(coupon);
        });
        return output;
      })
      .catch((error: unknown) => {
        throw safeError(error, `${context.uid}.${context.action}`);
      });
    return result;
  };

/** The rows a trigger looks at: the created entry, or the document's published rows. */
const entriesOf = async (
  strapi: Core.Strapi,
  context: Context,
  trigger: Trigger,
  documentId: string
): Promise<Entry[]> => {
  const contentType = strapi.contentTypes[context.uid as keyof typeof strapi.contentTypes];
  const draftAndPublish = Boolean(contentType?.options?.draftAndPublish);
  const locales = localesOf(context.params);
  // Every type has a locale column in Strapi 5; only i18n-localised ones fill it.
  const localized = Boolean(
    (contentType?.pluginOptions as { i18n?: { localized?: boolean } } | undefined)?.i18n?.localized
  );
  const where: Record<string, unknown> = { documentId };
  if (localized && locales) where.locale = { $in: locales };
  if (draftAndPublish) {
    where.publishedAt = trigger.event === 'publish' ? { $notNull: true } : { $null: true };
  }
  if (trigger.event === 'create' && localized && !locales) {
    // A create makes one locale: the default one when none is named.
    where.locale = await strapi.plugin('i18n')?.service('locales').getDefaultLocale();
  }
  return (await strapi.db.query(context.uid).findMany({ where })) as Entry[];
};
