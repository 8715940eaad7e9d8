import { describe, expect, it } from 'vitest';
import { containsCprNumber } from '../../functions/domain/cpr.ts';

describe('containsCprNumber: free text must never carry a CPR number', () => {
  it.each([
    ['with a dash', '010190-1234'],
    ['without a separator', '0101901234'],
    ['with a space', '010190 1234'],
    ['on the last day of a month', '311299-4321'],
  ])('refuses a CPR number written %s (%s)', (_how, text) => {
    expect(containsCprNumber(text)).toBe(true);
  });

  it('refuses a CPR number embedded in a sentence', () => {
    const text = 'Patienten (010190-1234) venter stadig på operation.';

    expect(containsCprNumber(text)).toBe(true);
  });

  it('refuses a CPR number at the end of a line after other numbers', () => {
    const text = '12 patienter venter, bl.a.\n0101901234';

    expect(containsCprNumber(text)).toBe(true);
  });

  it('refuses an erstatningspersonnummer (day + 60)', () => {
    expect(containsCprNumber('610190-1234')).toBe(true);
    expect(containsCprNumber('9112991234')).toBe(true); // day 31 + 60
  });

  it.each([
    ['a Danish phone number', 'Ring på +45 12 34 56 78'],
    ['a phone number without spaces', 'tlf. 12345678'],
    ['a patient count', '12 patienter venter'],
    ['an ISO date', 'Fra 2026-11-22 til 2026-12-31'],
    ['a week reference', 'uge 47, 2026'],
    ['a 10-digit number with month 13', '3213901234'],
    ['a 10-digit number with month 13 and a real day', '0113901234'],
    ['a 10-digit number with month 00', '0100901234'],
    ['a 10-digit number with day 00', '0001901234'],
    ['a 10-digit number with day 32', '3201901234'],
    ['a 10-digit number with day 92 (beyond erstatningspersonnumre)', '9201901234'],
    ['a longer number that merely contains a CPR shape', '123010190123456'],
    ['empty text', ''],
  ])('accepts %s', (_what, text) => {
    expect(containsCprNumber(text)).toBe(false);
  });

  it('gives the same answer when asked twice (no state kept between checks)', () => {
    const text = 'CPR 010190-1234';

    expect(containsCprNumber(text)).toBe(true);
    expect(containsCprNumber(text)).toBe(true);
  });
});

describe('containsCprNumber sees through the separators word processors insert', () => {
  it.each(['010190–1234', '010190 - 1234', '01-01-90-1234', '010190_1234', '01.01.90-1234'])(
    'refuses %s',
    (text) => {
      expect(containsCprNumber(`Patient ${text} venter`)).toBe(true);
    },
  );
});
