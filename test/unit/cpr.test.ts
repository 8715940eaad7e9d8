import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { containsCprNumber, keyContainsCprNumber, normaliseForCprCheck } from '../../functions/domain/cpr.ts';

const ZWSP = '\u200B';
const NB_HYPHEN = '\u2011';
const MINUS = '\u2212';
const FULL_WIDTH = (s: string) => s.replace(/\d/g, (d) => String.fromCodePoint(0xff10 + Number(d)));
const ARABIC_INDIC = (s: string) => s.replace(/\d/g, (d) => String.fromCodePoint(0x0660 + Number(d)));

/** Every way a CPR number has been seen written or disguised; each must be refused. */
const REFUSED: [string, string][] = [
  ['with a dash', '010190-1234'],
  ['without a separator', '0101901234'],
  ['with a space', '010190 1234'],
  ['on the last day of a month', '311299-4321'],
  ['in a sentence', 'Patienten (010190-1234) venter stadig på operation.'],
  ['at the end of a line after other numbers', '12 patienter venter, bl.a.\n0101901234'],
  ['as an erstatningspersonnummer (day + 60)', '610190-1234'],
  ['as an erstatningspersonnummer on day 31 + 60', '9112991234'],
  ['with an en dash', '010190–1234'],
  ['with an em dash', '010190—1234'],
  ['with spaces around the dash', '010190 - 1234'],
  ['with dashes between every group', '01-01-90-1234'],
  ['with an underscore', '010190_1234'],
  ['with dots in the date', '01.01.90-1234'],
  ['with a non-breaking hyphen (U+2011)', `150387${NB_HYPHEN}1234`],
  ['with a minus sign (U+2212)', `150387${MINUS}1234`],
  ['with a hyphen (U+2010)', '150387\u20101234'],
  ['with a figure dash (U+2012)', '150387\u20121234'],
  ['with a horizontal bar (U+2015)', '150387\u20151234'],
  ['with a small hyphen-minus (U+FE63)', '150387\uFE631234'],
  ['with a full-width hyphen-minus (U+FF0D)', '150387\uFF0D1234'],
  ['with a superscript minus (U+207B)', '150387\u207B1234'],
  ['in full-width digits', FULL_WIDTH('150387-1234')],
  ['in full-width digits without a dash', FULL_WIDTH('1503871234')],
  ['in Arabic-Indic digits', ARABIC_INDIC('150387-1234')],
  ['in mathematical bold digits', '𝟏𝟓𝟎𝟑𝟖𝟕-𝟏𝟐𝟑𝟒'],
  ['with a zero-width space inside', `1503${ZWSP}87-1234`],
  ['with zero-width spaces between every digit', [...'1503871234'].join(ZWSP)],
  ['with a zero-width joiner', '150387\u200D1234'],
  ['with a word joiner', '150387\u20601234'],
  ['with a soft hyphen', '150387\u00AD1234'],
  ['with a byte-order mark', '\uFEFF150387-1234'],
  ['with a right-to-left mark', '150387\u200F-1234'],
  ['with a combining mark on a digit', '15\u030303871234'],
  ['with slashes in the date', '15/03/87-1234'],
  ['with a slash before the serial', '150387/1234'],
  ['with dots and spaces', '15. 03. 87-1234'],
  ['with commas', '15,03,87,1234'],
  ['with colons', '15:03:87:1234'],
  ['with runs of spaces', '15   03   87   1234'],
  ['with a non-breaking space', '150387\u00A01234'],
  ['with a thin space', '150387\u20091234'],
  ['with an ideographic space', '150387\u30001234'],
  ['with a tab', '150387\t1234'],
  ['with a full-width slash', '150387\uFF0F1234'],
  ['with a backslash', '15\\03\\87\\1234'],
  ['with a middle dot', '15·03·87·1234'],
  ['after a letter', 'cpr150387-1234'],
  ['in an e-mail address', '150387-1234@example.dk'],
  ['as an idempotency key', 'key-150387-1234'],
  ['as an id', 'kontakt-0101901234'],
  ['with mixed disguises', `1５/03${ZWSP}/87 ${NB_HYPHEN} 12３4`],
  ['after an impossible candidate sharing digits', '32 10 15 0387 1234'],
];

/** What clinicians and coordinators really write; none of it may be refused. */
const ACCEPTED: [string, string][] = [
  ['a Danish phone number', 'Ring på +45 12 34 56 78'],
  ['a phone number without spaces', 'tlf. 12345678'],
  ['a phone number in two groups', 'tlf. +45 3545 1234'],
  ['a date with dots', 'Fra 01.12.2026'],
  ['a date range with dots', '01.12.2026-31.12.2026'],
  ['an amount with thousands separators', '1.234.567 kr.'],
  ['an amount with decimals', '1.234.567,89 kr.'],
  ['a patient count', '12 patienter venter'],
  ['an ISO date range', 'Fra 2026-11-22 til 2026-12-31'],
  ['an ISO timestamp', '2026-12-01T10:00:00.000Z'],
  ['a week reference', 'uge 47, 2026'],
  ['a time range', 'kl. 08:00-16:00'],
  ['a case number', 'Sagsnr. 2026-0312-1234'],
  ['a UUID', '9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f'],
  ['a 10-digit number with month 13', '3213901234'],
  ['a 10-digit number with month 13 and a real day', '0113901234'],
  ['a 10-digit number with month 00', '0100901234'],
  ['a 10-digit number with day 00', '0001901234'],
  ['a 10-digit number with day 32', '3201901234'],
  ['a 10-digit number with day 92 (beyond erstatningspersonnumre)', '9201901234'],
  ['a longer number that merely contains a CPR shape', '123010190123456'],
  ['a 13-digit location number', 'GLN 5790000123456'],
  ['a version number', 'v1.10.12.2024'],
  ['a postcode and a phone number', '2100 København Ø, tlf. 35 45 12 34'],
  ['empty text', ''],
];

describe('containsCprNumber refuses CPR numbers however they are written', () => {
  it('has a table of at least 40 disguises', () => {
    expect(REFUSED.length).toBeGreaterThanOrEqual(40);
  });

  it.each(REFUSED)('refuses a CPR number %s (%s)', (_how, text) => {
    expect(containsCprNumber(text)).toBe(true);
  });
});

describe('containsCprNumber keeps false positives rare', () => {
  it('has a table of at least 20 ordinary texts', () => {
    expect(ACCEPTED.length).toBeGreaterThanOrEqual(20);
  });

  it.each(ACCEPTED)('accepts %s (%s)', (_what, text) => {
    expect(containsCprNumber(text)).toBe(false);
  });
});

describe('normaliseForCprCheck', () => {
  it('reads every disguise as plain digits with single spaces between groups', () => {
    expect(normaliseForCprCheck(`1５/03${ZWSP}/87 ${NB_HYPHEN} 12３4`)).toBe('15 03 87 1234');
  });

  it('gives the same answer when asked twice (no state kept between checks)', () => {
    expect(containsCprNumber('CPR 010190-1234')).toBe(true);
    expect(containsCprNumber('CPR 010190-1234')).toBe(true);
  });
});

/** UUIDs that hold ten digits of CPR shape by chance (about one random UUID in 10,000 does). */
const UUIDS_WITH_CPR_SHAPES = [
  'ab150387-1234-4c6d-8e7f-0a1b2c3d4e5f', // 6 + 4 across the first hyphen
  '9f1c2d3e-4b5a-4c6d-8e7f-0a1503871234', // ten digits at the end of the last group
  '9f1c2d3e-4b5a-4c6d-1503-871234c3d4e5', // 4 + 6 across a hyphen, glued to a letter
  '9f1c2d15-0387-1234-8e7f-0a1b2c3d4e5f', // 2 + 4 + 4 across two hyphens
  '9F1C2D15-0387-1234-8E7F-0A1B2C3D4E5F', // upper case
];

describe('keyContainsCprNumber: keys are refused when they are CPR numbers, not when random', () => {
  it.each(UUIDS_WITH_CPR_SHAPES)('accepts the random UUID %s as a key', (uuid) => {
    // The free-text guard sees the shape; the key guard knows a UUID's digits are random.
    expect(containsCprNumber(uuid)).toBe(true);
    expect(keyContainsCprNumber(uuid)).toBe(false);
  });

  it.each([
    '150387-1234',
    '1503871234',
    'key-150387-1234',
    'cpr150387-1234',
    'patient_1503871234',
    '15.03.87-1234-retry',
    'kontakt:0101901234',
    FULL_WIDTH('150387-1234'),
    `1503${ZWSP}87-1234`,
    '9f1c2d3e-150387-1234-8e7f', // a CPR number in a UUID-like key, not glued to a hex letter
  ])('refuses the key %s', (key) => {
    expect(keyContainsCprNumber(key)).toBe(true);
  });

  it('accepts every random UUID (200,000 tried, of which about 20 hold a CPR shape)', () => {
    let shaped = 0;
    for (let i = 0; i < 200_000; i++) {
      const uuid = randomUUID();
      if (containsCprNumber(uuid)) shaped++;
      expect(keyContainsCprNumber(uuid)).toBe(false);
    }
    // The run did meet UUIDs the free-text guard refuses: the key guard was tested on them.
    expect(shaped).toBeGreaterThan(0);
    // Its 200,000 guard calls take seconds on a busy machine: a budget for the work, not a speed target.
  }, 60_000);
});
