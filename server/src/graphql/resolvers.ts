import type { Context } from 'koa';
import { IDEMPOTENCY_HEADER } from '../utils/submission-key';
import { dataOrThrow } from './errors';
import type { PublicRouteCaller } from './rest-bridge';

/** What Strapi's GraphQL plugin gives every resolver as its context. */
interface GraphqlContext {
  koaContext: Context;
}

type Nullable<T> = T | null | undefined;

const withLocale = (path: string, locale: Nullable<string>) =>
  typeof locale === 'string' ? `${path}?${new URLSearchParams({ locale })}` : path;

/** Only the arguments that were given, as the REST body would carry them. */
const given = (values: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(values).filter(([, value]) => value != null));

/**
 * The three operations, each answered by the public REST route that does the same thing (its
 * middlewares and controller): one implementation of validation, limits and errors.
 */
export const createResolvers = (callRoute: PublicRouteCaller) => ({
  Query: {
    async clearonCampaign(
      _parent: unknown,
      args: { slug: string; locale?: Nullable<string> },
      { koaContext }: GraphqlContext
    ) {
      const slug = encodeURIComponent(args.slug);
      const outcome = await callRoute(koaContext, {
        handler: 'public-campaigns.findOne',
        url: withLocale(`/api/clearon/campaigns/${slug}`, args.locale),
        params: { slug: args.slug },
      });
      return dataOrThrow(outcome);
    },

    async clearonParticipation(
      _parent: unknown,
      args: { id: string; token: string },
      { koaContext }: GraphqlContext
    ) {
      const outcome = await callRoute(koaContext, {
        handler: 'public-campaigns.participation',
        url: `/api/clearon/participations/${encodeURIComponent(args.id)}`,
        params: { id: args.id },
        // The header, as the reference page sends it: a token never goes into a URL.
        headers: { 'x-participation-token': args.token },
      });
      return dataOrThrow(outcome);
    },
  },

  Mutation: {
    async clearonParticipate(
      _parent: unknown,
      args: {
        slug: string;
        answers: unknown;
        idempotencyKey?: Nullable<string>;
        captchaToken?: Nullable<string>;
        website?: Nullable<string>;
        locale?: Nullable<string>;
      },
      { koaContext }: GraphqlContext
    ) {
      const slug = encodeURIComponent(args.slug);
      const outcome = await callRoute(koaContext, {
        handler: 'public-campaigns.participate',
        url: withLocale(`/api/clearon/campaigns/${slug}/participations`, args.locale),
        params: { slug: args.slug },
        headers: args.idempotencyKey != null ? { [IDEMPOTENCY_HEADER]: args.idempotencyKey } : {},
        body: given({
          answers: args.answers,
          website: args.website,
          captchaToken: args.captchaToken,
        }),
      });
      const data = dataOrThrow(outcome);
      return { ...data, replayed: outcome.header('idempotent-replayed') === 'true' };
    },
  },
});
