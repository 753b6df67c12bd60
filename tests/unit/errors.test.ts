import { validateYupSchema, yup } from '@strapi/utils';
import path from 'path';
import { errors, withHttpStatus } from '../../server/src/utils/errors';

interface Formatted {
  status: number;
  body: { data: null; error: Record<string, unknown> };
}
// Strapi's own formatters (its package exports do not list the file, so by path).
const CORE_ERRORS = path.resolve(
  __dirname,
  '../../node_modules/@strapi/core/dist/services/errors.js'
);
const { formatApplicationError, formatInternalError } = require(CORE_ERRORS) as {
  formatApplicationError: (e: Error) => Formatted;
  formatInternalError: (e: Error) => Formatted;
};

/**
 * Strapi's error middleware formats an error of its own @strapi/utils with formatApplicationError.
 * In an app with a second copy of @strapi/utils (npm resolved the plugin's peer range to a newer
 * one than @strapi/core pins) the plugin's errors fail that instanceof and go to
 * formatInternalError: they must come out with the same status and body, not a 500.
 */
describe("the plugin's errors, formatted by Strapi with or without its instanceof", () => {
  const cases: Array<[string, Error, number]> = [
    ['ValidationError', new errors.ValidationError('email is invalid', { errors: [] }), 400],
    ['ApplicationError', new errors.ApplicationError('refused', { why: 'x' }), 400],
    ['NotFoundError', new errors.NotFoundError('No open campaign with this slug'), 404],
    ['PolicyError', new errors.PolicyError('not allowed'), 403],
    ['PayloadTooLargeError', new errors.PayloadTooLargeError('too large'), 413],
    ['RateLimitError', new errors.RateLimitError('slow down'), 429],
  ];

  it.each(cases)('%s: the same status and body both ways', (name, error, status) => {
    const known = formatApplicationError(error as Error);
    const fallback = formatInternalError(error);
    expect(known).toEqual({
      status,
      body: { data: null, error: expect.objectContaining({ status, name }) },
    });
    expect(fallback).toEqual(known);
  });

  it("gives validateYupSchema's ValidationError its 400 too", async () => {
    const schema = yup.object({ email: yup.string().email().required() });
    const error = await validateYupSchema(schema)({}).catch((e: unknown) => withHttpStatus(e));
    expect(formatInternalError(error as Error)).toEqual(formatApplicationError(error as Error));
    expect(formatInternalError(error as Error).status).toBe(400);
  });

  it('without a status, the fallback is the 500 the install check saw', () => {
    const { ValidationError: Bare } = jest.requireActual('@strapi/utils').errors;
    expect(formatInternalError(new Bare('email is invalid')).status).toBe(500);
  });
});
