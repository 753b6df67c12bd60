import {
  couponEligibility,
  parseValidityDays,
  readCouponValue,
  validateCouponCode,
  validateValidityDays,
} from '../couponRules';

describe('couponEligibility', () => {
  it('is eligible for an identified campaign with an email or a phone field', () => {
    expect(couponEligibility({ mode: 'identified', fields: [{ type: 'email' }] })).toEqual({
      eligible: true,
      reasons: [],
    });
    expect(
      couponEligibility({ mode: 'identified', fields: [{ type: 'text' }, { type: 'phone' }] })
    ).toEqual({ eligible: true, reasons: [] });
  });

  it('lists each failing check, mode first', () => {
    expect(couponEligibility({ mode: 'anonymous', fields: [{ type: 'email' }] })).toEqual({
      eligible: false,
      reasons: ['mode'],
    });
    expect(couponEligibility({ mode: 'identified', fields: [{ type: 'hidden' }] })).toEqual({
      eligible: false,
      reasons: ['contact'],
    });
    expect(couponEligibility({ mode: 'anonymous', fields: [] })).toEqual({
      eligible: false,
      reasons: ['mode', 'contact'],
    });
  });

  it('reads missing values as failing checks', () => {
    expect(couponEligibility({})).toEqual({ eligible: false, reasons: ['mode', 'contact'] });
    expect(couponEligibility({ mode: 'identified', fields: null })).toEqual({
      eligible: false,
      reasons: ['contact'],
    });
    expect(couponEligibility({ mode: 'identified', fields: [null, {}] })).toEqual({
      eligible: false,
      reasons: ['contact'],
    });
  });
});

describe('validateValidityDays', () => {
  it.each(['1', '30', ' 30 ', '3650', 30, '+7', '007'])('accepts %p', (text) => {
    expect(validateValidityDays(text)).toBeNull();
  });

  it.each([
    ['', 'required'],
    ['   ', 'required'],
    [null, 'required'],
    [undefined, 'required'],
    ['1.5', 'notWholeNumber'],
    ['1.0', 'notWholeNumber'],
    ['abc', 'notWholeNumber'],
    ['1e3', 'notWholeNumber'],
    ['3 0', 'notWholeNumber'],
    [1.5, 'notWholeNumber'],
    ['0', 'outOfRange'],
    ['-3', 'outOfRange'],
    ['3651', 'outOfRange'],
    ['99999999999999999999', 'outOfRange'],
  ])('refuses %p (%s)', (text, error) => {
    expect(validateValidityDays(text)).toBe(error);
  });

  it('parses an accepted value', () => {
    expect(parseValidityDays(' 30 ')).toBe(30);
    expect(parseValidityDays(7)).toBe(7);
  });
});

describe('validateCouponCode', () => {
  it('accepts 1 to 64 characters once trimmed', () => {
    expect(validateCouponCode('S')).toBeNull();
    expect(validateCouponCode(` ${'A'.repeat(64)} `)).toBeNull();
  });

  it('refuses an empty or a too long code', () => {
    expect(validateCouponCode('')).toBe('required');
    expect(validateCouponCode('   ')).toBe('required');
    expect(validateCouponCode(null)).toBe('required');
    expect(validateCouponCode('A'.repeat(65))).toBe('tooLong');
  });
});

describe('readCouponValue', () => {
  const coupon = { integration: 'abc', couponCode: 'X', validityDays: 3, delivery: 'automatic' };

  it('reads a stored coupon, also as JSON text', () => {
    expect(readCouponValue(coupon)).toEqual(coupon);
    expect(readCouponValue(JSON.stringify(coupon))).toEqual(coupon);
    expect(readCouponValue({ ...coupon, integration: undefined })).toEqual({
      ...coupon,
      integration: null,
    });
  });

  it('reads anything else as no coupon', () => {
    for (const value of [null, undefined, '', 'null', '{', [], 3, {}, { couponCode: 3 }]) {
      expect(readCouponValue(value)).toBeNull();
    }
  });
});
