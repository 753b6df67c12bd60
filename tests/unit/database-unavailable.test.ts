import { databaseUnavailableReason } from '../../server/src/utils/database-unavailable';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('databaseUnavailableReason', () => {
  it.each([
    [withCode('57P01', 'terminating connection due to administrator command'), '57P01'],
    [withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'), 'ECONNREFUSED'],
    [withCode('PROTOCOL_CONNECTION_LOST'), 'PROTOCOL_CONNECTION_LOST'],
    [withCode('SQLITE_BUSY', 'database is locked'), 'SQLITE_BUSY'],
    [withCode('40P01', 'deadlock detected'), '40P01'],
    [
      Object.assign(new Error('Knex: Timeout acquiring a connection'), {
        name: 'KnexTimeoutError',
      }),
      'KnexTimeoutError',
    ],
    [new Error('Connection terminated unexpectedly'), 'Error'],
    [Object.assign(new Error('wrapped'), { cause: withCode('ETIMEDOUT') }), 'ETIMEDOUT'],
  ])('recognises %p', (error, reason) => {
    expect(databaseUnavailableReason(error)).toBe(reason);
  });

  it.each([
    [withCode('23505', 'duplicate key value violates unique constraint')],
    [withCode('ER_DUP_ENTRY')],
    [new TypeError("Cannot read properties of undefined (reading 'id')")],
    [Object.assign(new Error('Invalid'), { name: 'ValidationError' })],
    ['a string'],
    [null],
  ])('leaves %p to Strapi', (error) => {
    expect(databaseUnavailableReason(error)).toBeNull();
  });
});
