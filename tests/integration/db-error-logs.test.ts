import request from 'supertest';
import { captureLogs, type LogCapture } from '../harness/log-capture';
import { bootStrapi, type TestApp } from '../harness/strapi';
import { authHeader, createSuperAdmin } from '../harness/admin';
import { formCampaign, publishCampaign } from '../fixtures/campaigns';
import { describeError } from '../../server/src/utils/describe-error';

/** What each driver calls a unique violation. */
const UNIQUE_VIOLATION: Record<string, string> = {
  sqlite: 'SQLITE_CONSTRAINT_UNIQUE',
  postgres: '23505',
  mysql: 'ER_DUP_ENTRY',
};

/**
 * Real database errors whose SQL carries a participant's email, phone and answers (a unique index
 * added for the test makes the insert fail): the logs name the driver's code and the query, never
 * the SQL, its bound values, the driver's message or PostgreSQL's `detail`.
 */
describe('database errors are logged by code and query name only', () => {
  let app: TestApp;
  let adminToken: string;
  let logs: LogCapture;

  const person = {
    firstname: 'Quokkaberry',
    email: 'quokka.lindqvist@example.se',
    deliveryType: 'sms',
    phone: '070-918 27 36',
  };
  const forbidden = [
    'quokka.lindqvist@example.se',
    'Quokkaberry',
    'Wombatine',
    '+46709182736',
    '0709182736',
    '+46709182799',
    'Key (',
    'Duplicate entry',
    'UNIQUE constraint failed',
    'insert into',
    'update ',
    'erased_at',
  ];

  const submit = (answers: Record<string, unknown>) =>
    request(app.server).post('/api/clearon/campaigns/db-errors/participations').send({ answers });
  const code = () => UNIQUE_VIOLATION[app.strapi.db.dialect.client as string];
  const addUnique = (column: string) =>
    app.strapi.db.connection.schema.alterTable('clearon_participations', (table) => {
      table.unique([column], { indexName: `clearon_test_${column}_uq` });
    });
  const dropUnique = (column: string) =>
    app.strapi.db.connection.schema.alterTable('clearon_participations', (table) => {
      table.dropUnique([column], `clearon_test_${column}_uq`);
    });

  beforeAll(async () => {
    app = await bootStrapi({
      pluginConfig: { worker: { enabled: false }, rateLimit: { enabled: false } },
    });
    adminToken = (await createSuperAdmin(app)).token;
    await publishCampaign(app.strapi, formCampaign('db-errors', null));

    logs = captureLogs(app.strapi);
  });

  afterAll(async () => {
    logs?.stop();
    await app?.stop();
  });

  const leaks = () => forbidden.filter((value) => logs.text().includes(value));

  it('a unique violation on a participation: 500, logged as code and query', async () => {
    await submit(person).expect(201);
    await addUnique('email');
    try {
      logs.clear();
      const res = await submit({ ...person, firstname: 'Wombatine', phone: '0709182799' });
      expect(res.status).toBe(500);
      expect(JSON.stringify(res.body)).not.toContain('quokka');

      // The database did put the values in its error (or the test would prove nothing).
      const raw = await app.strapi.db
        .connection('clearon_participations')
        .insert({
          document_id: 'dbErrorsRawInsert00000000',
          email: person.email,
          first_name: 'Wombatine',
          created_at: new Date(),
          updated_at: new Date(),
        })
        .then(
          () => null,
          (error: unknown) => error
        );
      const text = `${(raw as Error).message} ${(raw as { detail?: string }).detail ?? ''}`;
      expect(text).toContain(person.email);
      expect(describeError(raw, 'test.insert')).toBe(`database error ${code()} in test.insert`);
    } finally {
      await dropUnique('email');
    }
    expect(logs.text()).toContain(`database error ${code()} in participation.create`);
    expect(leaks()).toEqual([]);
  });

  it('a database error in an admin route: logged as code and the route action', async () => {
    await submit({ ...person, email: 'twice.erased@example.se' }).expect(201);
    await submit({ ...person, email: 'twice.erased@example.se' }).expect(201);
    // Both of the person's rows get the same erased_at in one UPDATE: a unique violation.
    await addUnique('erased_at');
    try {
      logs.clear();
      const res = await request(app.server)
        .post('/clearon/privacy/erase')
        .set(authHeader(adminToken))
        .send({ email: 'twice.erased@example.se' });
      expect(res.status).toBe(500);
    } finally {
      await dropUnique('erased_at');
    }
    expect(logs.text()).toContain(`database error ${code()} in privacy.erase`);
    expect(leaks()).toEqual([]);
    expect(logs.text()).not.toContain('twice.erased');
  });

  it('describes other errors by their message, quoted values masked', () => {
    expect(describeError(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(
      "Cannot read properties of undefined (reading '…')"
    );
    const knexLike = new Error(
      "update `clearon_coupons` set `code` = '1234567' where `id` = 5 - Connection terminated unexpectedly"
    );
    expect(describeError(knexLike, 'issuer.record')).toBe(
      'database error Connection terminated in issuer.record'
    );
  });
});
