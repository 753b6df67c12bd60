import { randomBytes, randomInt } from 'crypto';

const DAY_MS = 24 * 60 * 60 * 1000;

/** `cpn_` and 26 hex characters: unguessable, since it is part of the redeem URL. */
export const newCouponId = () => `cpn_${randomBytes(13).toString('hex')}`;

/** A 7-digit mobile code that does not start with 0. */
export const newMobileCode = () => String(randomInt(1_000_000, 10_000_000));

/** The EAN-13 check digit of 12 digits. */
export const ean13CheckDigit = (first12: string) => {
  const sum = first12
    .split('')
    .reduce((total, digit, index) => total + Number(digit) * (index % 2 === 0 ? 1 : 3), 0);
  return String((10 - (sum % 10)) % 10);
};

/** An EAN-13 in the 23x in-store range, carrying the mobile code. */
export const newEan13 = (mobileCode: string) => {
  const first12 = `239${mobileCode}${String(randomInt(0, 100)).padStart(2, '0')}`;
  return first12 + ean13CheckDigit(first12);
};

/** The end (23:59:59 UTC) of the day `validityDays` after `now`, as ClearOn writes it. */
export const expiryDate = (validityDays: number, now: number = Date.now()) => {
  const day = new Date(now + validityDays * DAY_MS).toISOString().slice(0, 10);
  return `${day}T23:59:59Z`;
};
