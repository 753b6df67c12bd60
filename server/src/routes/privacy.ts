import { ACTION } from '../permissions';
import { adminRoute } from './admin-route';

/** Admin routes (under /clearon): erasing a participant's data. */
export default [adminRoute('POST', '/privacy/erase', 'privacy.erase', ACTION.privacyErase)];
