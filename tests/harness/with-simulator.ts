import { startSimulator, type Simulator } from '../../simulator/src';
import { createIntegration } from '../fixtures/integrations';
import { createSuperAdmin } from './admin';
import { bootStrapi, type BootOptions, type TestApp } from './strapi';

export interface AppWithSimulator {
  app: TestApp;
  simulator: Simulator;
  /** A super admin's JWT. */
  adminToken: string;
  stop(): Promise<void>;
}

/**
 * The usual stage of a coupon test: a ClearOn simulator, Strapi on its own database, a super
 * admin, and a default integration "Simulator" pointing at the simulator.
 */
export const bootWithSimulator = async (options: BootOptions = {}): Promise<AppWithSimulator> => {
  const simulator = await startSimulator();
  const app = await bootStrapi(options);
  const { token } = await createSuperAdmin(app);
  await createIntegration(app, {
    name: 'Simulator',
    endpoint: simulator.endpoint,
    apiKey: 'test-key',
  });
  return {
    app,
    simulator,
    adminToken: token,
    async stop() {
      await app.stop();
      await simulator.close();
    },
  };
};
