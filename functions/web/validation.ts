/**
 * The domain's validation messages in the page's language. The schemas write Danish (the JSON
 * API answers in Danish unless asked for English); a page or API answer in English looks each
 * message up among the catalogue's `validation.*` and `error.*` texts, whose Danish wording is
 * the schemas' and services' own, and shows the English text with the same values. A message
 * not in the catalogue stays as written.
 */

import type { ReportLanguage } from '#domain/contact-csv.ts';
import { lazily } from '#domain/time.ts';
import { danishPageTexts, type Lang, type MessageKey, translator } from './i18n/index.ts';

const VALIDATION_KEYS = [
  'validation.tooLong',
  'validation.cpr',
  'validation.date',
  'validation.department',
  'validation.cancerType',
  'validation.cancerTypeFromList',
  'validation.pathwayTypes',
  'validation.pathwayTypesWhich',
  'validation.modalityFromList',
  'validation.unknownModality',
  'validation.patientsNumber',
  'validation.patientsWhole',
  'validation.patientsMin',
  'validation.patientsTooMany',
  'validation.scope',
  'validation.modalityNeeded',
  'validation.untilAfterFrom',
  'validation.wholeNumber',
  'validation.patientsMax',
  'validation.offerModality',
  'validation.pathway',
  'validation.daysNumber',
  'validation.daysWhole',
  'validation.daysNegative',
  'validation.daysMax',
  'validation.spareNumber',
  'validation.spareWhole',
  'validation.spareNegative',
  'validation.notTreated',
  'validation.udredningDays',
  'validation.noUdredning',
  'validation.treatmentDays',
  'validation.noTreatment',
  'validation.reason',
  'validation.name',
  'validation.title',
  'validation.email',
  'validation.action',
  'validation.owner',
  'validation.meetingDate',
  'validation.participants',
  'validation.actionLine',
  'validation.id',
  'validation.idFormat',
  'validation.providerKind',
  'validation.providerName',
  'validation.country',
  'validation.cancerTypesMin',
  'validation.pathwayTypesBoth',
  'validation.contactName',
  'validation.phone',
  'validation.validFrom',
  'validation.validTo',
  'validation.typicalDays',
  'validation.typicalDaysWhole',
  'validation.typicalDaysMax',
  'validation.unknownCancerType',
  'validation.modalitiesMin',
  'validation.modalitiesNeedTreatment',
  'validation.validToBeforeFrom',
  'validation.sectionTooLong',
  'validation.sectionEmpty',
  'validation.sectionTooMany',
  'validation.idMax',
  'validation.max120',
  'validation.region',
  'validation.nameEn',
  'validation.hospital',
  'validation.hospitalActive',
  'validation.cancerTypesUnknown',
  'validation.hospitalInUse',
  'validation.cancerTypeInUse',
  'validation.role',
  'validation.titleOrRole',
  'validation.phoneDk',
  'validation.unknownHospital',
  'validation.unknownDepartment',
  'validation.unknownTreatmentType',
  'validation.maintainer',
  'validation.language',
  'validation.unknownCancerTypePlain',
  'validation.departmentContact',
  'validation.regionRequired',
] as const satisfies readonly MessageKey[];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The services write a few field and import messages in Danish (a service knows no texts; its
 * bundle may be a job's); their Danish wording is the services' own, word for word (checked by
 * test/unit/error-language.test.ts). They, and every other `error.*` text, are looked up the same way.
 */
export const SERVICE_MESSAGE_KEYS = [
  'error.form.idFixed',
  'error.form.idTaken',
  'error.external.idTaken',
  'error.contact.idTaken',
  'error.check.notAsked',
  'error.import.tooManyContacts',
  'error.import.tooManyProviders',
  'error.reference.entryNotFound',
  'error.request.sameDepartmentTwice',
] as const satisfies readonly MessageKey[];

/**
 * A Danish catalogue text as a pattern: `{name}` captures the value written in its place. Made
 * on first use (only an English page with errors needs them), not at every cold start. An English
 * request has the Danish texts loaded too (functions/http/api.ts).
 */
const patterns = lazily(() => {
  const da = danishPageTexts();
  return [
    ...VALIDATION_KEYS,
    ...(Object.keys(da) as (keyof typeof da)[]).filter((key) => key.startsWith('error.')),
  ].map((key) => {
    const names: string[] = [];
    const source = da[key]
      .split(/(\{\w+\})/)
      .map((part) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        if (!name) return escapeRegExp(part);
        names.push(name);
        return '(.+?)';
      })
      .join('');
    return { key, names, pattern: new RegExp(`^${source}$`, 's') };
  });
});

/** "2.000" (Danish thousands) → "2,000" in English. */
function number(value: string, lang: Lang): string {
  return lang === 'en' && /^\d{1,3}(\.\d{3})+$/.test(value) ? value.replaceAll('.', ',') : value;
}

/** One message in the page's language; unknown messages are returned as they are. */
export function localizeMessage(message: string, lang: Lang): string {
  if (lang === 'da') return message;
  const tr = translator(lang) as (key: MessageKey, params?: Record<string, string>) => string;
  for (const { key, names, pattern } of patterns()) {
    const match = pattern.exec(message);
    if (!match) continue;
    const params: Record<string, string> = {};
    names.forEach((name, i) => {
      // A value may itself be a message ("Handling 2: Beskriv handlingen. …").
      params[name] = number(localizeMessage(match[i + 1] ?? '', lang), lang);
    });
    return tr(key, params);
  }
  return message;
}

/** An import report in a language: its schema messages worded like a form's. */
export function reportLanguage(lang: Lang): ReportLanguage {
  return { lang, word: (message) => localizeMessage(message, lang) };
}

/** A form's errors (field → message) in the page's language. */
export function localizeErrors(errors: Record<string, string>, lang: Lang): Record<string, string> {
  if (lang === 'da') return errors;
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => [field, localizeMessage(message, lang)]),
  );
}
