import type { Modules } from '@strapi/strapi';

type Middleware = Modules.Documents.Middleware.Middleware;

/** A document-service call as the plugin's middlewares read it: the uid, the action, its params. */
export interface DocumentCall<Params extends object = Record<string, unknown>> {
  uid: string;
  action: string;
  params: Params;
}

/**
 * The one place where the plugin's document middlewares meet Strapi's types. Strapi types a
 * middleware's context as the union of every action of every content type and its result as the
 * union of every action's result; each plugin middleware reads one uid's params and passes
 * `next()`'s result through untouched, which that union cannot express.
 */
export const documentMiddleware =
  <Params extends object>(
    handler: (call: DocumentCall<Params>, next: () => Promise<unknown>) => Promise<unknown>
  ): Middleware =>
  (context, next) =>
    handler(context as unknown as DocumentCall<Params>, next) as ReturnType<Middleware>;
