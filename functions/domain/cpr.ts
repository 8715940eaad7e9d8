/**
 * Guard against patient data: the system must never hold CPR numbers. Text that contains
 * something shaped like a CPR number (DDMMYY-SSSS with a plausible day and month) is refused,
 * however it is written: the text is normalised first, so full-width or other-script digits,
 * every dash, minus and hyphen, zero-width and other invisible characters, and slashes, dots,
 * commas, colons or runs of spaces between the digit groups do not hide it.
 *
 * False positives stay rare because the shape is strict: the groups are 2+2+2 digits then 4
 * (or 10 digits in a row) with no digit directly before or after, so a phone number
 * (`+45 12 34 56 78`), a date (`01.12.2026`) or an amount (`1.234.567`) passes.
 */

/** Invisible characters: format characters (zero-width space/joiners, bidi marks, soft hyphen, BOM), combining marks, control characters, Hangul fillers. */
const INVISIBLE = /[\p{Cf}\p{M}\p{Cc}\u115F\u1160\u3164\uFFA0]/gu;
/** Dashes, hyphens and minus signs of every kind (NFKC leaves most of them alone). */
const DASHES = /[\p{Pd}\u2212\u2796\u02D7\u207B\u208B\uFE63\uFF0D]/gu;
/** What people put between digit groups; a run of them counts as one separator. */
const SEPARATORS = /[\s\-/\\.,:;_·•]+/gu;
const DIGIT = /^\p{Nd}$/u;

// A lookahead, so a candidate with an impossible date does not hide an overlapping real one.
const CPR_SHAPE = /(?<!\d)(?=((\d{2}) ?(\d{2}) ?(\d{2}) ?(\d{4}))(?!\d))/g;
const HEX_LETTER = /^[a-fA-F]$/;

/** A decimal digit of another script (Arabic-Indic, Devanagari, … — NFKC leaves them) as 0–9: its distance from the start of its run of ten. */
function asciiDigit(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  let zero = code;
  while (DIGIT.test(String.fromCodePoint(zero - 1)) && code - zero < 9) zero--;
  return String((code - zero) % 10);
}

/** The text as the guard reads it: ASCII digits, one space for any separator run, nothing invisible. */
export function normaliseForCprCheck(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\t\n\r\f\v]/g, ' ')
    .replace(INVISIBLE, '')
    .replace(DASHES, '-')
    .replace(/\p{Nd}/gu, (d) => (d >= '0' && d <= '9' ? d : asciiDigit(d)))
    .replace(SEPARATORS, ' ');
}

/** Where the normalised text holds a CPR shape with a plausible date: start and end of each. */
function* plausibleCprs(normalised: string): Generator<{ start: number; end: number }> {
  for (const match of normalised.matchAll(CPR_SHAPE)) {
    const day = Number(match[2]);
    const month = Number(match[3]);
    // Day 61–91 are "erstatningspersonnumre" for people without a real CPR; refuse them too.
    const realDay = day > 60 ? day - 60 : day;
    if (month >= 1 && month <= 12 && realDay >= 1 && realDay <= 31)
      yield { start: match.index, end: match.index + (match[1]?.length ?? 0) };
  }
}

/** True when the text contains a plausible CPR number. */
export function containsCprNumber(text: string): boolean {
  return !plausibleCprs(normaliseForCprCheck(text)).next().done;
}

/**
 * The guard for keys (Idempotency-Key, a form's submission key): a key that is or holds a CPR
 * number in any disguise is refused, but a random identifier is not. About one random UUID in
 * 10,000 holds ten digits of CPR shape by chance; in a UUID or a hash such a run always touches
 * a hexadecimal letter (a UUID's groups are 8-4-4-4-12, never 6+4), so a CPR shape glued to one
 * (`…d1503871234`, `ab150387-1234-…`) is taken as part of the identifier.
 */
export function keyContainsCprNumber(key: string): boolean {
  const normalised = normaliseForCprCheck(key);
  for (const { start, end } of plausibleCprs(normalised)) {
    const glued = HEX_LETTER.test(normalised[start - 1] ?? '') || HEX_LETTER.test(normalised[end] ?? '');
    if (!glued) return true;
  }
  return false;
}

export const CPR_MESSAGE_DA =
  'Teksten ligner et CPR-nummer. Kræftkapacitet må ikke indeholde patientdata – fjern nummeret.';

/** The same in English (an import report in English); the catalogue's `validation.cpr` reads the same. */
export const CPR_MESSAGE_EN =
  'The text looks like a CPR number. Kræftkapacitet must not hold patient data – remove the number.';
