/**
 * The capacity check's schemas with Danish messages (the register's form, a department's
 * answer), apart from domain/capacity-check.ts so the check's jobs do not build them at import.
 */
import * as z from 'zod';
import { CONSTRAINT_LIST, FUNCTION_TEXT_MAX, NOTES_MAX } from '../capacity-check.ts';
import { referenceData } from '../reference.ts';
import { listSchema } from './lists.ts';
import { freeText } from './problem.ts';

export const specialisedFunctionSchema = z
  .object({
    id: z
      .string({ error: 'Angiv et id.' })
      .trim()
      .regex(
        new RegExp(`^[a-z0-9-]{2,${FUNCTION_TEXT_MAX.id}}$`),
        'Id må kun indeholde små bogstaver, tal og bindestreger.',
      ),
    name: freeText(FUNCTION_TEXT_MAX.name).pipe(z.string().min(1, 'Angiv funktionens navn.')),
    nameEn: freeText(FUNCTION_TEXT_MAX.name).default(''),
    cancerType: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string().optional()),
    departments: z.array(z.string()).default([]),
  })
  .superRefine((f, ctx) => {
    if (f.cancerType && !referenceData().cancerTypes.some((c) => c.id === f.cancerType))
      ctx.addIssue({ code: 'custom', path: ['cancerType'], message: 'Ukendt kræftform.' });
    for (const d of f.departments)
      if (!referenceData().departments.some((x) => x.id === d))
        ctx.addIssue({ code: 'custom', path: ['departments'], message: `Ukendt afdeling "${d}".` });
  })
  .transform((f) => ({ ...f, nameEn: f.nameEn || f.name, departments: [...new Set(f.departments)].sort() }));

export type SpecialisedFunctionInput = z.infer<typeof specialisedFunctionSchema>;

const patients = z.coerce
  .number({ error: 'Angiv antal patienter som et tal.' })
  .int('Angiv et helt antal patienter.')
  .min(0, 'Antal patienter kan ikke være negativt.')
  .max(100_000, 'Angiv højst 100.000 patienter.');

const quarters = z
  .array(patients, { error: 'Angiv fire kvartaler.' })
  .length(4, 'Angiv tal for alle fire kvartaler.');

export const checkAnswerSchema = z.object({
  functionId: z.string({ error: 'Angiv funktion.' }).min(1, 'Angiv funktion.'),
  departmentId: z.string({ error: 'Angiv afdeling.' }).min(1, 'Angiv afdeling.'),
  /** Expected patients per quarter of the year. */
  demand: quarters,
  /** Patients the department can treat per quarter. */
  capacity: quarters,
  constraints: z.array(listSchema(CONSTRAINT_LIST, 'Ukendt begrænsning.')).default([]),
  notes: freeText(NOTES_MAX).default(''),
});

export type CheckAnswerInput = z.infer<typeof checkAnswerSchema>;
