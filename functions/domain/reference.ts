/**
 * Reference data: regions, hospitals, cancer types, modalities, departments and demo contacts.
 * The data lives in `data/*.json` (data, not code: lists change without a release). The files are
 * checked against the schemas (schemas/reference.ts) by the tests, which every build runs, and at
 * local start-up, so a broken file fails loudly before it ships, not mid-escalation; a function
 * reads them as built and checks only that they refer to each other consistently.
 */
import { readFileSync } from 'node:fs';
import cancerTypesJson from '../../data/cancer-types.json' with { type: 'json' };
import departmentsJson from '../../data/departments.json' with { type: 'json' };
import hospitalsJson from '../../data/hospitals.json' with { type: 'json' };
import regionsJson from '../../data/regions.json' with { type: 'json' };
import {
  CONTACT_ROLE_LIST,
  DIAGNOSTIC_MODALITY_LIST,
  PATHWAY_TYPE_LIST,
  TREATMENT_MODALITY_LIST,
  WAIT_PATHWAY_LIST,
} from './lists.ts';
import type { CancerType, Contact, Department, Hospital, Region } from './schemas/reference.ts';

// The schemas are in schemas/reference.ts; the types they define are the reference data's own.
export type { CancerType, Contact, Department, Hospital, Region };

export const REGION_IDS = ['hovedstaden', 'sjaelland', 'syddanmark', 'midtjylland', 'nordjylland'] as const;
export type RegionId = (typeof REGION_IDS)[number];

// The closed lists are defined once in lists.ts; these names are derived from them.
export const TREATMENT_MODALITIES = TREATMENT_MODALITY_LIST.ids;
export type TreatmentModality = (typeof TREATMENT_MODALITIES)[number];

export const PATHWAY_TYPES = PATHWAY_TYPE_LIST.ids;
export type PathwayType = (typeof PATHWAY_TYPES)[number];

export const DIAGNOSTIC_MODALITIES = DIAGNOSTIC_MODALITY_LIST.ids;
export type DiagnosticModality = (typeof DIAGNOSTIC_MODALITIES)[number];

/** A contact's role on the ladder (see CONTACT_ROLE_LIST). */
export const CONTACT_ROLES = CONTACT_ROLE_LIST.ids;
export type ContactRole = (typeof CONTACT_ROLES)[number];

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

/**
 * The reference data shipped with the code (checked against the schemas by the tests and at
 * local start-up: `checkBundledReferenceData`): the seed of the table, and the fallback.
 */
export function bundledReferenceData(): ReferenceData {
  bundled ??= withDemoContacts(
    checkConsistency({
      regions: regionsJson as Region[],
      hospitals: hospitalsJson as Hospital[],
      cancerTypes: cancerTypesJson as CancerType[],
      departments: departmentsJson as Department[],
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
  const contacts = JSON.parse(readFileSync(file, 'utf8')) as Contact[];
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
