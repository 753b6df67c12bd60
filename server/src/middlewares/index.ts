import { databaseUnavailable } from './database-unavailable';
import { rateLimit } from './rate-limit';

export default {
  'database-unavailable': databaseUnavailable,
  'rate-limit': rateLimit('post'),
  'rate-limit-get': rateLimit('get'),
};
