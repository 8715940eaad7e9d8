/**
 * Reference data: regions, hospitals, cancer types, modalities, departments and demo contacts.
 * The data lives in `data/*.json` (data, not code: lists change without a release) and is
 * validated with zod when first used, so a broken file fails loudly at start-up, not mid-escalation.
 */
import { z } from 'zod';
import cancerTypesJson from '../../data/cancer-types.json' with { type: 'json' };
import contactsJson from '../../data/demo-contacts.json' with { type: 'json' };
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

const slug = z.string().regex(/^[a-z0-9-]+$/, 'id must be lower-case letters, digits and dashes');
const email = z.email();
const phone = z.string().regex(/^\+45 \d{2} \d{2} \d{2} \d{2}$/, 'phone must look like +45 12 34 56 78');

export const regionSchema = z.object({
  id: regionIdSchema,
  name: z.string().min(1),
  nameEn: z.string().min(1),
});
export type Region = z.infer<typeof regionSchema>;

export const hospitalSchema = z.object({
  id: slug,
  name: z.string().min(1),
  region: regionIdSchema,
});
export type Hospital = z.infer<typeof hospitalSchema>;

export const cancerTypeSchema = z.object({
  id: slug,
  name: z.string().min(1),
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

let cached: ReferenceData | undefined;

/** The validated reference data shipped with the code. */
export function referenceData(): ReferenceData {
  cached ??= checkConsistency({
    regions: z.array(regionSchema).length(5).parse(regionsJson),
    hospitals: z.array(hospitalSchema).min(1).parse(hospitalsJson),
    cancerTypes: z.array(cancerTypeSchema).min(1).parse(cancerTypesJson),
    departments: z.array(departmentSchema).min(1).parse(departmentsJson),
    contacts: z.array(contactSchema).min(1).parse(contactsJson),
  });
  return cached;
}

export function regionName(id: string): string {
  return referenceData().regions.find((r) => r.id === id)?.name ?? id;
}

export function cancerTypeName(id: string): string {
  return referenceData().cancerTypes.find((c) => c.id === id)?.name ?? id;
}

export function findDepartment(
  id: string,
): (Department & { hospitalName: string; region: RegionId }) | undefined {
  const data = referenceData();
  const department = data.departments.find((d) => d.id === id);
  if (!department) return undefined;
  const hospital = data.hospitals.find((h) => h.id === department.hospital);
  if (!hospital) return undefined;
  return { ...department, hospitalName: hospital.name, region: hospital.region };
}

/** Danish labels of udredning and the treatment modalities. */
export const MODALITY_LABELS = WAIT_PATHWAY_LIST.labels('da');
