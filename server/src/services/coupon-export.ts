import { Readable } from 'stream';
import type { Core } from '@strapi/strapi';
import { csvRow } from '../utils/csv';
import { UID } from '../utils/plugin-id';
import { getService } from '../utils/get-service';
import { safeError } from '../utils/describe-error';
import type { CouponFilters, CouponRow } from './coupons';

const BATCH = 1_000;

const COLUMNS = [
  'createdAt',
  'status',
  'campaign',
  'couponCode',
  'validityDays',
  'delivery',
  'channel',
  'recipient',
  'attempts',
  'lastErrorCode',
  'lastError',
  'clearonCouponId',
  'issuedAt',
  'expiresAt',
  'reference',
] as const;

/**
 * The filtered coupons as CSV, newest first, read in keyset-paginated batches so memory stays flat
 * whatever the row count. Codes and redeem links are not exported; recipients are masked.
 */
const service = ({ strapi }: { strapi: Core.Strapi }) => ({
  stream(filters: CouponFilters): Readable {
    const coupons = getService(strapi, 'coupons');
    const where = coupons.whereOf(filters);

    async function* rows() {
      yield csvRow([...COLUMNS]);
      let lastId: number | null = null;
      for (;;) {
        const batch = (await strapi.db.query(UID.coupon).findMany({
          where: lastId === null ? where : { ...where, id: { $lt: lastId } },
          orderBy: { id: 'desc' },
          limit: BATCH,
          populate: { participation: { select: ['email', 'phone'] } },
        })) as CouponRow[];
        if (batch.length === 0) return;
        lastId = batch[batch.length - 1].id;
        yield batch
          .map((row) => {
            const view = coupons.toAdminView(row);
            return csvRow(COLUMNS.map((column) => view[column as keyof typeof view] as unknown));
          })
          .join('');
        if (batch.length < BATCH) return;
      }
    }

    // A failed batch ends the download; the error logged carries no SQL values.
    async function* safeRows() {
      try {
        yield* rows();
      } catch (error) {
        throw safeError(error, 'coupon-export.batch');
      }
    }

    return Readable.from(safeRows(), { objectMode: false });
  },
});

export default service;
