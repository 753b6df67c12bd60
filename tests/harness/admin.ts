import { randomUUID } from 'crypto';
import request from 'supertest';
import type { TestApp } from './strapi';

/**
 * Real admin users for tests, logged in over HTTP (POST /admin/login) like the admin panel does.
 *
 *   const { token } = await createSuperAdmin(app);
 *   const reader = await createAdminWithPermissions(app, ['plugin::clearon.settings.read']);
 *   await request(app.server).get('/clearon/integrations').set(authHeader(reader.token));
 *
 * Each call creates a new user (and, for createAdminWithPermissions, a new role), so tests can
 * call them as often as they like on one app.
 */

export interface TestAdmin {
  /** The admin JWT (access token) to send as `Authorization: Bearer <token>`. */
  token: string;
  user: { id: number; email: string; firstname: string; lastname: string };
  /** The role's id (for createAdminWithPermissions: the role holding exactly the given actions). */
  roleId: number;
}

const PASSWORD = 'Test-password-1';

interface AdminRoleService {
  getSuperAdmin(): Promise<{ id: number } | null>;
  create(attributes: { name: string; description?: string }): Promise<{ id: number }>;
  assignPermissions(roleId: number, permissions: Array<Record<string, unknown>>): Promise<unknown>;
}

interface AdminUserService {
  create(attributes: Record<string, unknown>): Promise<{ id: number; email: string }>;
}

const createAndLogin = async (app: TestApp, roleId: number, label: string) => {
  const email = `${label}-${randomUUID().slice(0, 8)}@clearon.test`;
  const users = app.strapi.service('admin::user') as unknown as AdminUserService;
  await users.create({
    email,
    firstname: label,
    lastname: 'Tester',
    password: PASSWORD,
    isActive: true,
    registrationToken: null,
    roles: [roleId],
  });
  const response = await request(app.server)
    .post('/admin/login')
    .send({ email, password: PASSWORD });
  if (response.status !== 200 || !response.body?.data?.token) {
    throw new Error(`Admin login failed for ${email}: HTTP ${response.status} ${response.text}`);
  }
  const { token, user } = response.body.data as { token: string; user: TestAdmin['user'] };
  return { token, user, roleId };
};

/** A new super admin (every permission), logged in. */
export const createSuperAdmin = async (app: TestApp): Promise<TestAdmin> => {
  const roles = app.strapi.service('admin::role') as unknown as AdminRoleService;
  const superAdmin = await roles.getSuperAdmin();
  if (!superAdmin) throw new Error('The Super Admin role does not exist (admin not bootstrapped?)');
  return createAndLogin(app, superAdmin.id, 'super');
};

/**
 * A new non-super-admin user, in a new role that holds exactly `actions` (e.g.
 * `plugin::clearon.settings.read`), logged in. `[]` gives a user who may do nothing.
 */
export const createAdminWithPermissions = async (
  app: TestApp,
  actions: string[]
): Promise<TestAdmin> => {
  const roles = app.strapi.service('admin::role') as unknown as AdminRoleService;
  const role = await roles.create({
    name: `Test role ${randomUUID().slice(0, 8)}`,
    description: `Exactly: ${actions.join(', ') || 'nothing'}`,
  });
  await roles.assignPermissions(
    role.id,
    actions.map((action) => ({ action, subject: null, properties: {}, conditions: [] }))
  );
  return createAndLogin(app, role.id, 'editor');
};

/** `{ Authorization: 'Bearer <token>' }`, for supertest's `.set(...)`. */
export const authHeader = (token: string) => ({ Authorization: `Bearer ${token}` });
