import type { DeliveryChannel, IssuedCoupon } from './types';

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const nonEmptyString = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== '';

const CHANNELS: readonly DeliveryChannel[] = ['email', 'sms', 'none'];

/** The parsed JSON of a body, or undefined when it is empty or not JSON. */
export const parseJsonBody = (text: string): unknown => {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

/**
 * ClearOn's success body as an IssuedCoupon, or null when a required field is missing or has the
 * wrong type (couponId, code, redeemUrl, expiresAt).
 */
export const readIssuedCoupon = (
  body: unknown,
  requestedChannel: DeliveryChannel
): IssuedCoupon | null => {
  if (!isObject(body)) return null;
  const { couponId, code, ean, redeemUrl, expiresAt, delivery } = body;
  if (!nonEmptyString(couponId) || !(nonEmptyString(code) || typeof code === 'number')) {
    return null;
  }
  if (!nonEmptyString(redeemUrl) || !/^https?:\/\//i.test(redeemUrl)) return null;
  if (!nonEmptyString(expiresAt) || Number.isNaN(Date.parse(expiresAt))) return null;
  const deliveryInfo = isObject(delivery) ? delivery : {};
  const channel = CHANNELS.find((c) => c === deliveryInfo.channel) ?? requestedChannel;
  const coupon: IssuedCoupon = {
    couponId,
    code: String(code),
    redeemUrl,
    expiresAt,
    deliveryChannel: channel,
  };
  if (nonEmptyString(ean) || typeof ean === 'number') coupon.ean = String(ean);
  if (nonEmptyString(deliveryInfo.status)) coupon.deliveryStatus = deliveryInfo.status;
  return coupon;
};

/** A dry run's `{"ok": true, "couponCode": ...}`, or null. */
export const readDryRunOk = (body: unknown): { couponCode?: string } | null => {
  if (!isObject(body) || body.ok !== true) return null;
  return nonEmptyString(body.couponCode) ? { couponCode: body.couponCode } : {};
};

/** `{"error": {"code", "message"}}`; fields that are absent or not strings come back undefined. */
export const readErrorBody = (body: unknown): { code?: string; message?: string } => {
  const error = isObject(body) ? body.error : undefined;
  if (!isObject(error)) return {};
  return {
    code: nonEmptyString(error.code) ? error.code : undefined,
    message: nonEmptyString(error.message) ? error.message : undefined,
  };
};
