/**
 * The reference data's schemas: what a region, hospital, cancer type, department and contact
 * look like. Apart from domain/reference.ts so a function that only reads the lists does not
 * build them at import; the bundled files are checked with them by the tests and at local
 * start-up (`checkBundledReferenceData`), the phone list's writes validate with them.
 */
import * as z from 'zod';
import cancerTypesJson from '../../../data/cancer-types.json' with { type: 'json' };
import departmentsJson from '../../../data/departments.json' with { type: 'json' };
import hospitalsJson from '../../../data/hospitals.json' with { type: 'json' };
import regionsJson from '../../../data/regions.json' with { type: 'json' };
import { CPR_MESSAGE_DA, containsCprNumber } from '../cpr.ts';
import {
  CONTACT_ROLE_LIST,
  DIAGNOSTIC_MODALITY_LIST,
  PATHWAY_TYPE_LIST,
  TREATMENT_MODALITY_LIST,
  WAIT_PATHWAY_LIST,
} from '../lists.ts';
import { bundledReferenceData, REGION_IDS } from '../reference.ts';
import { listSchema } from './lists.ts';

export const regionIdSchema = z.enum(REGION_IDS);

export const treatmentModalitySchema = listSchema(TREATMENT_MODALITY_LIST);

export const pathwayTypeSchema = listSchema(PATHWAY_TYPE_LIST);

export const diagnosticModalitySchema = listSchema(DIAGNOSTIC_MODALITY_LIST);

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

export const contactRoleSchema = listSchema(CONTACT_ROLE_LIST);

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
  modalities: z.array(listSchema(WAIT_PATHWAY_LIST)).default([]),
  /** Who maintains the entry (an e-mail address). */
  maintainer: email,
  /** ISO date the entry was last verified. */
  verifiedAt: z.iso.date(),
  /** The language of the e-mails the contact gets; Danish when not set. */
  language: z.enum(['da', 'en']).optional(),
});

export type Contact = z.infer<typeof contactSchema>;

/**
 * Checks the reference files shipped with the code (data/*.json, the demo phone list included)
 * against the schemas; throws naming the file and field. Run by the tests and at local start-up:
 * a Lambda reads the files as they were built and checked.
 */
export function checkBundledReferenceData(): void {
  const files = [
    ['regions.json', z.array(regionSchema).length(REGION_IDS.length), regionsJson],
    ['hospitals.json', z.array(hospitalSchema).min(1), hospitalsJson],
    ['cancer-types.json', z.array(cancerTypeSchema).min(1), cancerTypesJson],
    ['departments.json', z.array(departmentSchema).min(1), departmentsJson],
    ['demo-contacts.json', z.array(contactSchema).min(1), bundledReferenceData().contacts],
  ] as const;
  for (const [file, schema, data] of files) {
    const result = schema.safeParse(data);
    if (!result.success) throw new Error(`data/${file} is not valid:\n${z.prettifyError(result.error)}`);
  }
}
