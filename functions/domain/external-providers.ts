/**
 * External capacity for the handlepligt: the register of private hospitals and clinics under the
 * extended free choice (udvidet frit sygehusvalg) and foreign hospitals with an agreement, the
 * rule for when the capacity finder shows them, and the referral checklist templates. Pure: the
 * store, the audit trail and the pages live in services/ and http/.
 */
import { csvCell } from './contact-csv.ts';
import { isOverdue } from './contact-lists.ts';
import { defineList, type Lang } from './lists.ts';
import type { ExternalProviderInput } from './schemas/external-providers.ts';
import { formatDate } from './time.ts';
import type { Pathway } from './weekly.ts';

// The schemas are in schemas/external-providers.ts; the type they define is the register's own.
export type { ExternalProviderInput };

/** Who the provider is: the kind decides the referral checklist. */
/** The most characters of a provider's free-text fields (the form shows the same limits). */
export const PROVIDER_TEXT_MAX = {
  name: 150,
  country: 60,
  contactName: 120,
  notes: 1000,
  phone: 20,
} as const;

export const PROVIDER_KIND_LIST = defineList([
  {
    id: 'privat',
    label: {
      da: 'Privathospital eller klinik (udvidet frit sygehusvalg)',
      en: 'Private hospital or clinic (extended free choice)',
    },
  },
  { id: 'udland', label: { da: 'Udenlandsk hospital med aftale', en: 'Foreign hospital with an agreement' } },
]);
export type ProviderKind = (typeof PROVIDER_KIND_LIST.ids)[number];

export interface ExternalProvider extends ExternalProviderInput {
  /** The day of the last save or import (YYYY-MM-DD). */
  updatedAt: string;
  /** The day its details were last confirmed: a save, an import or the reminder's link (YYYY-MM-DD). */
  verifiedAt?: string;
}

/** When the provider's details were last confirmed (a provider stored before confirmations: its last save). */
export function providerVerifiedAt(p: Pick<ExternalProvider, 'verifiedAt' | 'updatedAt'>): string {
  return p.verifiedAt ?? p.updatedAt;
}

/**
 * Providers whose details were not confirmed within `months` (as of `today`), longest ago first:
 * the same period and rule as the contact lists' verification.
 */
export function overdueProviders<P extends Pick<ExternalProvider, 'verifiedAt' | 'updatedAt'>>(
  providers: P[],
  today: string,
  months: number,
): P[] {
  return providers
    .filter((p) => isOverdue({ verifiedAt: providerVerifiedAt(p) }, today, months))
    .sort((a, b) => providerVerifiedAt(a).localeCompare(providerVerifiedAt(b)));
}

/** The agreement covers `today` (YYYY-MM-DD): started, and not ended (an open end never ends). */
export function agreementValid(p: Pick<ExternalProvider, 'validFrom' | 'validTo'>, today: string): boolean {
  return p.validFrom <= today && (p.validTo === undefined || today <= p.validTo);
}

export function providerOffers(
  p: Pick<ExternalProvider, 'cancerTypes' | 'pathwayTypes' | 'modalities'>,
  cancerType: string,
  pathway: Pathway,
): boolean {
  if (!p.cancerTypes.includes(cancerType)) return false;
  if (pathway === 'udredning') return p.pathwayTypes.includes('udredning');
  return p.pathwayTypes.includes('behandling') && p.modalities.includes(pathway);
}

export interface ExternalHit {
  providerId: string;
  name: string;
  kind: ProviderKind;
  country: string;
  typicalDays: number;
  /** The typical start is within the pathway's maximum waiting time. */
  withinMax: boolean;
  validFrom: string;
  validTo?: string;
  contact: { name: string; email: string; phone: string };
  notes?: string;
}

/**
 * External providers for a finder query, best first — only when no public department can start
 * within the maximum (`publicHits` is 0): public capacity comes first, and the region's own
 * hospitals decide before an external offer is made. Expired and not yet started agreements
 * are left out. Ranking: typical days to start, then Danish private before abroad (less travel
 * and translation), then name.
 */
export function externalOptions(args: {
  publicHits: number;
  providers: ExternalProvider[];
  cancerType: string;
  pathway: Pathway;
  maxDays: number;
  today: string;
}): ExternalHit[] {
  if (args.publicHits > 0) return [];
  return args.providers
    .filter((p) => agreementValid(p, args.today) && providerOffers(p, args.cancerType, args.pathway))
    .map((p) => ({
      providerId: p.id,
      name: p.name,
      kind: p.kind,
      country: p.country,
      typicalDays: p.typicalDays,
      withinMax: p.typicalDays <= args.maxDays,
      validFrom: p.validFrom,
      ...(p.validTo ? { validTo: p.validTo } : {}),
      contact: { name: p.contactName, email: p.contactEmail, phone: p.contactPhone },
      ...(p.notes ? { notes: p.notes } : {}),
    }))
    .sort(
      (a, b) =>
        a.typicalDays - b.typicalDays ||
        Number(a.kind === 'udland') - Number(b.kind === 'udland') ||
        a.name.localeCompare(b.name, 'da'),
    );
}

/** "aftale 1. januar 2026 – 31. december 2027" / "aftale fra 1. januar 2026 (løbende)", or in English. */
export function validityText(p: { validFrom: string; validTo?: string }, lang: Lang = 'da'): string {
  const from = formatDate(p.validFrom, lang);
  const to = p.validTo ? formatDate(p.validTo, lang) : undefined;
  if (lang === 'en') return to ? `agreement ${from} – ${to}` : `agreement from ${from} (open-ended)`;
  return to ? `aftale ${from} – ${to}` : `aftale fra ${from} (løbende)`;
}

/** One line for the escalation e-mail: marked as external, with kind, country and agreement. */
export function externalHitLine(h: ExternalHit, lang: Lang = 'da'): string {
  const contact = `${h.contact.name}, ${h.contact.email}, ${h.contact.phone}`;
  if (lang === 'en') {
    const kind = h.kind === 'udland' ? `hospital abroad, ${h.country}` : `private provider, ${h.country}`;
    const late = h.withinMax ? '' : ' (over the maximum)';
    return `EXTERNAL – ${h.name} (${kind}): typically ${h.typicalDays} days to start${late}; ${validityText(h, lang)}. Contact: ${contact}.`;
  }
  const kind = h.kind === 'udland' ? `udenlandsk hospital, ${h.country}` : `privat udbyder, ${h.country}`;
  const late = h.withinMax ? '' : ' (over maksimum)';
  return `EKSTERN – ${h.name} (${kind}): typisk ${h.typicalDays} dage til start${late}; ${validityText(h)}. Kontakt: ${contact}.`;
}

// ---------------------------------------------------------------- CSV

export const PROVIDER_CSV_COLUMNS = [
  'id',
  'kind',
  'name',
  'country',
  'cancerTypes',
  'pathwayTypes',
  'modalities',
  'contactName',
  'contactEmail',
  'contactPhone',
  'validFrom',
  'validTo',
  'typicalDays',
  'notes',
] as const;

/** Providers → `;`-separated CSV, readable again by `parseProvidersCsv`. */
export function providersToCsv(providers: ExternalProvider[]): string {
  const lines = [PROVIDER_CSV_COLUMNS.join(';')];
  for (const p of providers) {
    lines.push(
      PROVIDER_CSV_COLUMNS.map((column) => {
        const value = p[column];
        return csvCell(Array.isArray(value) ? value.join('|') : String(value ?? ''));
      }).join(';'),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

// ---------------------------------------------------------------- referral checklist

export interface ChecklistSection {
  heading: string;
  items: string[];
}
export interface ChecklistTemplate {
  kind: ProviderKind;
  sections: ChecklistSection[];
}

/** The five headings every template has (the 2024 status' procedure for referral elsewhere). */
export const CHECKLIST_HEADINGS = [
  'Patientens samtykke til det konkrete tilbud',
  'Journal og oversættelse',
  'Transport og ledsager',
  'Betaling',
  'Opfølgning og tilbagevenden til hjemregionen',
] as const;

/** The starting templates, until the secretariat edits them (Danish; English below). */
export const DEFAULT_CHECKLISTS: Record<ProviderKind, ChecklistTemplate> = {
  privat: {
    kind: 'privat',
    sections: [
      [
        'Patienten har fået tilbuddet med navn på stedet og forventet startdato',
        'Patienten er informeret om retten til at vente på eget sygehus og har takket ja',
      ],
      ['Henvisning og relevante journaloplysninger er sendt via sikker post', 'Billeddiagnostik er delt'],
      ['Patienten kender adresse og mødetid', 'Befordring eller befordringsgodtgørelse er afklaret'],
      ['Aftalen under udvidet frit sygehusvalg dækker ydelsen', 'Regionens afregningsenhed er orienteret'],
      [
        'Det er aftalt, hvem der står for kontrol og videre behandling',
        'Epikrise sendes til henvisende afdeling og egen læge',
      ],
    ].map((items, i) => ({ heading: CHECKLIST_HEADINGS[i] as string, items })),
  },
  udland: {
    kind: 'udland',
    sections: [
      [
        'Patienten har fået tilbuddet med hospital, land og forventet startdato',
        'Patienten har givet samtykke til behandling i udlandet efter mundtlig og skriftlig information',
      ],
      [
        'Journaloplysninger er oversat til det aftalte sprog',
        'Billeddiagnostik og patologi er sendt efter aftalen',
        'Tolk er bestilt, hvis patienten har brug for det',
      ],
      [
        'Rejse og ophold er bestilt for patient og evt. ledsager',
        'Ledsagerens udgifter og rolle er aftalt',
        'Hjemtransport ved komplikationer er afklaret',
      ],
      [
        'Betalingstilsagn er givet efter aftalen med hospitalet',
        'Patienten ved, hvilke udgifter regionen dækker',
      ],
      [
        'Epikrise på dansk eller engelsk sendes til henvisende afdeling',
        'Kontrol og videre forløb i hjemregionen er planlagt',
      ],
    ].map((items, i) => ({ heading: CHECKLIST_HEADINGS[i] as string, items })),
  },
};

/** The starting templates in English, for pages in English until the secretariat edits them. */
export const DEFAULT_CHECKLISTS_EN: Record<ProviderKind, ChecklistTemplate> = {
  privat: {
    kind: 'privat',
    sections: [
      [
        'The patient has been given the offer with the name of the place and the expected start date',
        'The patient has been told of the right to wait for their own hospital and has accepted',
      ],
      [
        'The referral and relevant record information have been sent by secure mail',
        'Diagnostic imaging has been shared',
      ],
      [
        'The patient knows the address and the time to arrive',
        'Transport or a transport allowance has been settled',
      ],
      [
        'The agreement under the extended free choice of hospital covers the service',
        "The region's settlement unit has been informed",
      ],
      [
        'It has been agreed who takes care of check-ups and further treatment',
        'The discharge summary is sent to the referring department and the GP',
      ],
    ].map((items, i) => ({ heading: CHECKLIST_HEADINGS[i] as string, items })),
  },
  udland: {
    kind: 'udland',
    sections: [
      [
        'The patient has been given the offer with hospital, country and expected start date',
        'The patient has consented to treatment abroad after oral and written information',
      ],
      [
        'Record information has been translated into the agreed language',
        'Diagnostic imaging and pathology have been sent as agreed',
        'An interpreter has been booked if the patient needs one',
      ],
      [
        'Travel and stay have been booked for the patient and any companion',
        "The companion's expenses and role have been agreed",
        'Transport home in case of complications has been settled',
      ],
      [
        'A payment commitment has been given under the agreement with the hospital',
        'The patient knows which expenses the region covers',
      ],
      [
        'A discharge summary in Danish or English is sent to the referring department',
        'Check-ups and the further course in the home region have been planned',
      ],
    ].map((items, i) => ({ heading: CHECKLIST_HEADINGS[i] as string, items })),
  },
};
/** Characters per section of the checklist form (one textarea, one item per line). */
export const CHECKLIST_SECTION_MAX = 2000;

export function checklistFromForm(kind: ProviderKind, sections: string[][]): ChecklistTemplate {
  return {
    kind,
    sections: sections.map((items, i) => ({ heading: CHECKLIST_HEADINGS[i] as string, items })),
  };
}
