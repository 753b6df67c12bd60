import request from 'supertest';
import {
  GraphQLObjectType,
  buildClientSchema,
  getIntrospectionQuery,
  printType,
  type GraphQLNamedType,
  type IntrospectionQuery,
} from 'graphql';
import type { TestApp } from './strapi';

export interface GraphqlError {
  message: string;
  extensions?: {
    code?: string;
    status?: number;
    retryAfter?: number;
    error?: { name?: string; message?: string; details?: Record<string, unknown> };
  };
}

export interface GraphqlAnswer<T> {
  httpStatus: number;
  data?: T | null;
  errors?: GraphqlError[];
}

export interface GraphqlOptions {
  /** A Bearer token: a users-permissions JWT or an API token. */
  token?: string;
  /** The client address (the app must trust X-Forwarded-For). */
  ip?: string;
}

/** POST /graphql, as a site builder's front end would send it. */
export const graphql = async <T = Record<string, unknown>>(
  app: TestApp,
  query: string,
  variables: Record<string, unknown> = {},
  options: GraphqlOptions = {}
): Promise<GraphqlAnswer<T>> => {
  let req = request(app.server).post('/graphql').set('Content-Type', 'application/json');
  if (options.token) req = req.set('Authorization', `Bearer ${options.token}`);
  if (options.ip) req = req.set('X-Forwarded-For', options.ip);
  const res = await req.send({ query, variables });
  return { httpStatus: res.status, data: res.body.data, errors: res.body.errors };
};

/** The schema as the given client sees it, through introspection. */
export const introspect = async (app: TestApp, options: GraphqlOptions = {}) => {
  const answer = await graphql<IntrospectionQuery>(app, getIntrospectionQuery(), {}, options);
  if (!answer.data) throw new Error(`introspection failed: ${JSON.stringify(answer.errors)}`);
  return buildClientSchema(answer.data);
};

/**
 * The SDL of the given root fields and of every type whose name starts with `typePrefix`:
 * the schema excerpt of docs/graphql.md.
 */
export const schemaExcerpt = (
  schema: ReturnType<typeof buildClientSchema>,
  rootFields: { query: readonly string[]; mutation: readonly string[] },
  typePrefix: string
) => {
  const root = (type: GraphQLObjectType | null | undefined, names: readonly string[]) => {
    if (!type) throw new Error('no root type');
    const config = type.toConfig();
    const fields = Object.fromEntries(names.map((name) => [name, config.fields[name]]));
    return new GraphQLObjectType({ ...config, fields });
  };
  const types: GraphQLNamedType[] = Object.values(schema.getTypeMap())
    .filter((type) => type.name.startsWith(typePrefix))
    .sort((a, b) => a.name.localeCompare(b.name));
  return [
    root(schema.getQueryType(), rootFields.query),
    root(schema.getMutationType(), rootFields.mutation),
    ...types,
  ]
    .map((type) => printType(type))
    .join('\n\n');
};
