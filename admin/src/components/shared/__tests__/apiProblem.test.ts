import { fetchError } from '../../../../test-utils/strapiAdminMock';
import { fieldErrorsByPath, problemOf } from '../apiProblem';

const errors = [
  { path: ['mapping', 'email'], message: 'mapping.email names no field' },
  { path: ['mapping', 'email'], message: 'second' },
  { path: ['key'], message: 'key is taken' },
];

/** The same refusal as useFetchClient throws it, and as an RTK mutation's `unwrap()` does. */
const thrown = fetchError(400, '2 errors occurred', { errors });
const unwrapped = {
  name: 'ValidationError',
  status: 400,
  message: '2 errors occurred',
  details: { errors },
};

describe('the server refusals, whichever way they come', () => {
  it.each([
    ['a FetchError', thrown],
    ['an RTK Query error', unwrapped],
  ])("reads %s's field errors by their whole path, the first message of each", (_, error) => {
    expect(fieldErrorsByPath(error)).toEqual({
      'mapping.email': 'mapping.email names no field',
      key: 'key is taken',
    });
    expect(problemOf(error)).toEqual({
      status: 400,
      message: '2 errors occurred',
      fieldErrors: { mapping: 'mapping.email names no field', key: 'key is taken' },
      details: {},
    });
  });

  it('keeps the details beyond the field errors, e.g. the campaigns of a 409', () => {
    const inUse = {
      name: 'ConflictError',
      status: 409,
      message: 'In use',
      details: { campaigns: ['c1'] },
    };
    expect(problemOf(inUse)).toMatchObject({ status: 409, details: { campaigns: ['c1'] } });
  });

  it('reads no field error from a network failure, and keeps its message', () => {
    const network = new Error('network');
    expect(fieldErrorsByPath(network)).toEqual({});
    expect(problemOf(network)).toMatchObject({ status: null, message: 'network', fieldErrors: {} });
    expect(problemOf(null)).toMatchObject({ status: null, message: null });
  });
});
