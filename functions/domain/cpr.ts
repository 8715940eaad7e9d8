/**
 * Guard against patient data: the system must never hold CPR numbers. Free text that contains
 * something shaped like a CPR number (DDMMYY-SSSS, with or without the dash or a space, and a
 * plausible day and month) is refused; common separators (dashes, dots, spaces) are seen through.
 */
// Separators people (and word processors) use: hyphen, en/em dash, underscore, dot, spaces.
const CPR_LIKE = /(?<!\d)(\d{2})[-–—_. ]?(\d{2})[-–—_. ]?(\d{2})\s*[-–—_.]?\s*(\d{4})(?!\d)/g;

/** True when the text contains a plausible CPR number. */
export function containsCprNumber(text: string): boolean {
  for (const match of text.matchAll(CPR_LIKE)) {
    const day = Number(match[1]);
    const month = Number(match[2]);
    // Day 61–91 are "erstatningspersonnumre" for people without a real CPR; refuse them too.
    const realDay = day > 60 ? day - 60 : day;
    if (month >= 1 && month <= 12 && realDay >= 1 && realDay <= 31) return true;
  }
  return false;
}

export const CPR_MESSAGE_DA =
  'Teksten ligner et CPR-nummer. Kræftkapacitet må ikke indeholde patientdata – fjern nummeret.';
