import { errors } from '@strapi/utils';
import {
  databaseErrorCode,
  describeError,
  isDatabaseError,
  safeError,
  withSafeErrors,
} from '../../server/src/utils/describe-error';
import { databaseUnavailableReason } from '../../server/src/utils/database-unavailable';

const EMAIL = 'ada.lovelace@example.se';
const PHONE = '+46701234567';

// As the drivers and Knex make them: Knex prefixes the SQL with its values filled in.
const knexPrefix = `insert into "clearon_participations" ("email", "phone") values ('${EMAIL}', '${PHONE}') - `;
const pgUnique = Object.assign(
  new Error(`${knexPrefix}duplicate key value violates unique constraint "x_uq"`),
  {
    code: '23505',
    detail: `Key (email)=(${EMAIL}) already exists.`,
    severity: 'ERROR',
    constraint: 'x_uq',
  }
);
const mysqlUnique = Object.assign(
  new Error(`${knexPrefix}Duplicate entry '${EMAIL}' for key 'x_uq'`),
  {
    code: 'ER_DUP_ENTRY',
    errno: 1062,
    sqlState: '23000',
    sqlMessage: `Duplicate entry '${EMAIL}' for key 'x_uq'`,
  }
);
const sqliteUnique = Object.assign(
  new Error(`${knexPrefix}UNIQUE constraint failed: clearon_participations.email`),
  { name: 'SqliteError', code: 'SQLITE_CONSTRAINT_UNIQUE' }
);
const pgDeadlock = Object.assign(new Error(`${knexPrefix}deadlock detected`), { code: '40P01' });
const cut = new Error(`${knexPrefix}Connection terminated unexpectedly`);
const timeout = Object.assign(new Error('Knex: Timeout acquiring a connection.'), {
  name: 'KnexTimeoutError',
});

describe('describeError: database errors by code and query name only', () => {
  it.each([
    [pgUnique, '23505'],
    [mysqlUnique, 'ER_DUP_ENTRY'],
    [sqliteUnique, 'SQLITE_CONSTRAINT_UNIQUE'],
    [pgDeadlock, '40P01'],
    [cut, 'Connection terminated'],
    [timeout, 'KnexTimeoutError'],
    [Object.assign(new Error('wrapped'), { cause: mysqlUnique }), 'ER_DUP_ENTRY'],
  ])('case %#', (error, code) => {
    expect(isDatabaseError(error)).toBe(true);
    expect(databaseErrorCode(error)).toBe(code);
    const text = describeError(error, 'issuer.claim');
    expect(text).toBe(`database error ${code} in issuer.claim`);
    expect(text).not.toContain(EMAIL);
    expect(text).not.toContain(PHONE);
  });

  it('describes other errors by their message, quoted literals masked', () => {
    expect(isDatabaseError(new TypeError('x is not a function'))).toBe(false);
    expect(describeError(new Error(`bad value '${EMAIL}'`))).toBe("bad value '…'");
  });
});

describe('safeError: what bubbles up to Strapi', () => {
  it("lets Strapi's own errors through as they are", () => {
    const validation = new errors.ValidationError('email must be a valid email');
    expect(safeError(validation, 'privacy.erase')).toBe(validation);
    const plain = new TypeError('x is not a function');
    expect(safeError(plain, 'privacy.erase')).toBe(plain);
  });

  it('replaces a database error by its code and the query name, values gone', () => {
    for (const error of [pgUnique, mysqlUnique, sqliteUnique]) {
      const safe = safeError(error, 'participation.create') as Error & Record<string, unknown>;
      expect(safe).not.toBe(error);
      const everything = JSON.stringify({ ...safe, message: safe.message, stack: safe.stack });
      expect(everything).not.toContain(EMAIL);
      expect(everything).not.toContain(PHONE);
      expect(everything).not.toContain('insert into');
      expect(safe.message).toBe(
        `[clearon] database error ${databaseErrorCode(error)} in participation.create`
      );
      expect(safe).not.toHaveProperty('detail');
      expect(safe).not.toHaveProperty('sqlMessage');
      // Made safe once, where the query name is the most precise.
      expect(safeError(safe, 'public-campaigns.participate')).toBe(safe);
    }
  });

  it('keeps what the 503 "database unavailable" answers recognise', () => {
    for (const error of [pgDeadlock, cut, timeout]) {
      const reason = databaseUnavailableReason(error);
      expect(reason).not.toBeNull();
      expect(databaseUnavailableReason(safeError(error, 'q'))).not.toBeNull();
    }
    expect(databaseUnavailableReason(safeError(pgUnique, 'q'))).toBeNull();
  });

  it('wraps every controller action', async () => {
    const controller = withSafeErrors('privacy', () => ({
      async erase() {
        throw mysqlUnique;
      },
      async ok() {
        return 'fine';
      },
    }))({});
    await expect(controller.ok()).resolves.toBe('fine');
    await expect(controller.erase()).rejects.toThrow(
      '[clearon] database error ER_DUP_ENTRY in privacy.erase'
    );
  });
});
