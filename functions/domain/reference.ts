/**
 * Reference data: regions, hospitals, cancer types, modalities, departments and demo contacts.
 * The data lives in `data/*.json` (data, not code: lists change without a release) and is
 * validated with zod when first used, so a broken file fails loudly at start-up, not mid-escalation.
 */
import { readFileSync } from 'node:fs';
import * as z from 'zod';
import cancerTypesJson from '../../data/cancer-types.json' with { type: 'json' };
import departmentsJson from '../../data/departments.json' with { type: 'json' };
import hospitalsJson from '../../data/hospitals.json' with { type: 'json' };
import regionsJson from '../../data/regions.json' with { type: 'json' };
import { CPR_MESSAGE_DA, containsCprNumber } from './cpr.ts';
import {
  CONTACT_ROLE_LIST,
  DIAGNOSTIC_MODALITY_LIST,
  PATHWAY_TYPE_LIST,
  TREATMENT_MODALITY_LIST,
  WAIT_PATHWAY_LIST,
} from './lists.ts';

export const REGION_IDS = ['hovedstaden', 'sjaelland', 'syddanmark', 'midtjylland', 'nordjylland'] as const;
export const regionIdSchema = z.enum(REGION_IDS);
export type RegionId = z.infer<typeof regionIdSchema>;

// The closed lists are defined once in lists.ts; these names are derived from them.
export const TREATMENT_MODALITIES = TREATMENT_MODALITY_LIST.ids;
export const treatmentModalitySchema = TREATMENT_MODALITY_LIST.schema();
export type TreatmentModality = z.infer<typeof treatmentModalitySchema>;

export const PATHWAY_TYPES = PATHWAY_TYPE_LIST.ids;
export const pathwayTypeSchema = PATHWAY_TYPE_LIST.schema();
export type PathwayType = z.infer<typeof pathwayTypeSchema>;

export const DIAGNOSTIC_MODALITIES = DIAGNOSTIC_MODALITY_LIST.ids;
export const diagnosticModalitySchema = DIAGNOSTIC_MODALITY_LIST.schema();
export type DiagnosticModality = z.infer<typeof diagnosticModalitySchema>;

const slug = z
  .string()
  .regex(/^[a-z0-9-]+$/, 'id must be lower-case letters, digits and dashes')
  .refine((t) => !containsCprNumber(t), CPR_MESSAGE_DA);
const email = z.email().refine((t) => !containsCprNumber(t), CPR_MESSAGE_DA);
const phone = z.string().regex(/^\+45 \d{2} \d{2} \d{2} \d{2}$/, 'phone must look like +45 12 34 56 78');

export const regionSchema = z.object({
  id: regionIdSchema,
  name: z.string().min(1),
  nameEn: z.string().min(1),
});
export type Region = z.infer<typeof regionSchema>;

/**
 * What the secretariat maintains on /stamdata: retiring keeps the entry (old problems and reports
 * still show its name) but takes it out of every form and new validation; a rename keeps the
 * former name.
 */
const maintained = {
  /** English name, where it differs from the Danish (a hospital's name usually does not). */
  nameEn: z.string().min(1).optional(),
  retiredAt: z.string().optional(),
  formerNames: z.array(z.object({ name: z.string(), until: z.string() })).optional(),
};

export const hospitalSchema = z.object({
  id: slug,
  name: z.string().min(1),
  region: regionIdSchema,
  ...maintained,
});
export type Hospital = z.infer<typeof hospitalSchema>;

export const cancerTypeSchema = z.object({
  id: slug,
  name: z.string().min(1),
  ...maintained,
  nameEn: z.string().min(1),
});
export type CancerType = z.infer<typeof cancerTypeSchema>;

export const departmentSchema = z.object({
  id: slug,
  name: z.string().min(1),
  hospital: slug,
  cancerTypes: z.array(slug).min(1),
  modalities: z.array(treatmentModalitySchema).min(1),
  /** Whether the department does udredning (diagnostic work-up) for its cancer types. */
  udredning: z.boolean(),
  ...maintained,
});
export type Department = z.infer<typeof departmentSchema>;

/** A contact's role on the ladder (see CONTACT_ROLE_LIST). */
export const CONTACT_ROLES = CONTACT_ROLE_LIST.ids;
export const contactRoleSchema = CONTACT_ROLE_LIST.schema();
export type ContactRole = z.infer<typeof contactRoleSchema>;

export const contactSchema = z.object({
  id: slug,
  role: contactRoleSchema,
  // No patient data on the phone list: an imported name or title may not hold a CPR number.
  name: z
    .string()
    .min(1)
    .refine((t) => !containsCprNumber(t), CPR_MESSAGE_DA),
  title: z
    .string()
    .min(1)
    .refine((t) => !containsCprNumber(t), CPR_MESSAGE_DA),
  email,
  phone,
  region: regionIdSchema.optional(),
  hospital: slug.optional(),
  department: slug.optional(),
  /** Cancer types the contact answers for; empty means all (directors, secretariat). */
  cancerTypes: z.array(slug).default([]),
  /** Treatment types the primary entry answers for; empty means all. */
  modalities: z.array(WAIT_PATHWAY_LIST.schema()).default([]),
  /** Who maintains the entry (an e-mail address). */
  maintainer: email,
  /** ISO date the entry was last verified. */
  verifiedAt: z.iso.date(),
  /** The language of the e-mails the contact gets; Danish when not set. */
  language: z.enum(['da', 'en']).optional(),
});
export type Contact = z.infer<typeof contactSchema>;

export interface ReferenceData {
  regions: Region[];
  hospitals: Hospital[];
  cancerTypes: CancerType[];
  departments: Department[];
  contacts: Contact[];
}

function checkConsistency(data: ReferenceData): ReferenceData {
  const hospitals = new Set(data.hospitals.map((h) => h.id));
  const cancers = new Set(data.cancerTypes.map((c) => c.id));
  const departments = new Set(data.departments.map((d) => d.id));
  const problems: string[] = [];
  for (const d of data.departments) {
    if (!hospitals.has(d.hospital)) problems.push(`department ${d.id}: unknown hospital ${d.hospital}`);
    for (const c of d.cancerTypes)
      if (!cancers.has(c)) problems.push(`department ${d.id}: unknown cancer type ${c}`);
  }
  for (const c of data.contacts) {
    if (c.hospital && !hospitals.has(c.hospital))
      problems.push(`contact ${c.id}: unknown hospital ${c.hospital}`);
    if (c.department && !departments.has(c.department))
      problems.push(`contact ${c.id}: unknown department ${c.department}`);
    for (const t of c.cancerTypes)
      if (!cancers.has(t)) problems.push(`contact ${c.id}: unknown cancer type ${t}`);
  }
  if (problems.length > 0) throw new Error(`Reference data is inconsistent:\n${problems.join('\n')}`);
  return data;
}

type Lists = Omit<ReferenceData, 'contacts'>;

let bundled: ReferenceData | undefined;

/** The validated reference data shipped with the code: the seed of the table, and the fallback. */
export function bundledReferenceData(): ReferenceData {
  bundled ??= withDemoContacts(
    checkConsistency({
      regions: z.array(regionSchema).length(5).parse(regionsJson),
      hospitals: z.array(hospitalSchema).min(1).parse(hospitalsJson),
      cancerTypes: z.array(cancerTypeSchema).min(1).parse(cancerTypesJson),
      departments: z.array(departmentSchema).min(1).parse(departmentsJson),
      contacts: [],
    }),
  );
  return bundled;
}

let demo: Contact[] | undefined;

/**
 * The demo phone list (data/demo-contacts.json): the local runtime seeds it, tests use it; in AWS
 * the phone list is in the table (scripts/import-contacts.ts). Read from disk on first use rather
 * than imported, so no Lambda bundle carries 70 KB it never reads.
 */
function demoContacts(): Contact[] {
  if (demo) return demo;
  const file = new URL('../../data/demo-contacts.json', import.meta.url);
  const contacts = z
    .array(contactSchema)
    .min(1)
    .parse(JSON.parse(readFileSync(file, 'utf8')));
  checkConsistency({ ...listsOf(bundledReferenceData()), contacts });
  demo = contacts;
  return demo;
}

function listsOf(data: ReferenceData): Lists {
  return {
    regions: data.regions,
    hospitals: data.hospitals,
    cancerTypes: data.cancerTypes,
    departments: data.departments,
  };
}

/** The lists with `contacts`, the demo phone list, read when first asked for. */
function withDemoContacts(lists: Lists): ReferenceData {
  return Object.defineProperty(lists, 'contacts', { get: demoContacts, enumerable: true }) as ReferenceData;
}

/** The maintained lists, read from the table (reference-store.ts); retired entries included. */
export type MaintainedData = Pick<ReferenceData, 'hospitals' | 'cancerTypes' | 'departments'>;

let live: { all: ReferenceData; active: ReferenceData } | undefined;

const isActive = (item: { retiredAt?: string }) => item.retiredAt === undefined;

/** Installs the lists read from the table; until then the bundled data is used. */
export function useReferenceData(data: MaintainedData): void {
  const lists: Lists = {
    ...listsOf(bundledReferenceData()),
    hospitals: data.hospitals,
    cancerTypes: data.cancerTypes,
    departments: data.departments,
  };
  const all = withDemoContacts(checkConsistency({ ...lists, contacts: [] }));
  live = {
    all,
    active: withDemoContacts({
      regions: all.regions,
      hospitals: all.hospitals.filter(isActive),
      cancerTypes: all.cancerTypes.filter(isActive),
      departments: all.departments.filter(isActive),
    }),
  };
}

/** The reference data in use: what forms offer and new input is validated against (no retired entries). */
export function referenceData(): ReferenceData {
  return live?.active ?? bundledReferenceData();
}

/** Every entry, retired ones included: for showing names of what old problems and reports refer to. */
export function allReferenceData(): ReferenceData {
  return live?.all ?? bundledReferenceData();
}

export function regionName(id: string): string {
  return allReferenceData().regions.find((r) => r.id === id)?.name ?? id;
}

export function cancerTypeName(id: string): string {
  return allReferenceData().cancerTypes.find((c) => c.id === id)?.name ?? id;
}

/** A region's name in Danish or English. */
export function regionLabel(id: string, lang: 'da' | 'en'): string {
  const region = allReferenceData().regions.find((r) => r.id === id);
  return region ? (lang === 'en' ? region.nameEn : region.name) : id;
}

/** A cancer type's name in Danish or English. */
export function cancerTypeLabel(id: string, lang: 'da' | 'en'): string {
  const cancer = allReferenceData().cancerTypes.find((c) => c.id === id);
  return cancer ? (lang === 'en' ? cancer.nameEn : cancer.name) : id;
}

/** A department with its hospital's name and region, retired or not (see `referenceData` for active). */
export function findDepartment(
  id: string,
): (Department & { hospitalName: string; region: RegionId }) | undefined {
  const data = allReferenceData();
  const department = data.departments.find((d) => d.id === id);
  if (!department) return undefined;
  const hospital = data.hospitals.find((h) => h.id === department.hospital);
  if (!hospital) return undefined;
  return { ...department, hospitalName: hospital.name, region: hospital.region };
}

/** Danish labels of udredning and the treatment modalities. */
export const MODALITY_LABELS = WAIT_PATHWAY_LIST.labels('da');

const named = (name: string, nameEn: string | undefined) => ({ da: name, en: nameEn ?? name });
const listed = (list: { items: readonly { id: string; label: { da: string; en: string } }[] }) =>
  list.items.map((i) => ({ id: i.id, name: i.label }));

/**
 * The valid ids with Danish and English names: the public `GET /api/reference-data`, so regional
 * systems can discover what the API accepts. Retired entries are left out (no longer valid).
 */
export function referenceCatalogue() {
  const data = referenceData();
  return {
    regions: data.regions.map((r) => ({ id: r.id, name: named(r.name, r.nameEn) })),
    hospitals: data.hospitals.map((h) => ({ id: h.id, name: named(h.name, h.nameEn), region: h.region })),
    departments: data.departments.map((d) => ({
      id: d.id,
      name: named(d.name, d.nameEn),
      hospital: d.hospital,
      cancerTypes: d.cancerTypes,
      modalities: d.modalities,
      udredning: d.udredning,
    })),
    cancerTypes: data.cancerTypes.map((c) => ({ id: c.id, name: named(c.name, c.nameEn) })),
    pathwayTypes: listed(PATHWAY_TYPE_LIST),
    treatmentModalities: listed(TREATMENT_MODALITY_LIST),
    diagnosticModalities: listed(DIAGNOSTIC_MODALITY_LIST),
    pathways: listed(WAIT_PATHWAY_LIST),
  };
}

/** An id field in the API: where to find the valid values, with an example (OpenAPI). */
export function referenceId(list: string, example: string): { description: string; examples: string[] } {
  return { description: `Et id fra GET /api/reference-data (${list}).`, examples: [example] };
}
