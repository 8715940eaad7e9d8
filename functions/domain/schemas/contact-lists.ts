/**
 * The phone list's edit form with Danish messages, apart from domain/contact-lists.ts so the jobs
 * that read contacts do not build it at import.
 */
import * as z from 'zod';
import { CONTACT_TEXT_MAX } from '../contact-lists.ts';
import { CONTACT_ROLE_LIST, WAIT_PATHWAY_LIST } from '../lists.ts';
import { ID_MAX } from '../problem.ts';
import { type Contact, REGION_IDS, referenceData } from '../reference.ts';
import { contactSchema } from '../schemas/reference.ts';
import { listSchema } from './lists.ts';
import { emailText, freeText } from './problem.ts';

const slug = /^[a-z0-9-]+$/;

const optionalSlug = (message: string) =>
  z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || slug.test(v), message)
    .optional();

/** The edit form's fields with Danish messages; the result also passes `contactSchema`. */
export const contactFormSchema = z
  .object({
    id: z
      .string({ error: 'Angiv et id.' })
      .trim()
      .pipe(freeText(ID_MAX))
      .pipe(z.string().regex(slug, 'Id må kun indeholde små bogstaver, tal og bindestreger.')),
    role: listSchema(CONTACT_ROLE_LIST, 'Vælg en rolle.'),
    name: freeText(CONTACT_TEXT_MAX).pipe(z.string().min(1, 'Angiv et navn.')),
    title: freeText(CONTACT_TEXT_MAX).pipe(z.string().min(1, 'Angiv en titel eller funktion.')),
    email: emailText('Angiv en gyldig e-mailadresse.'),
    phone: z
      .string()
      .trim()
      .regex(/^\+45 \d{2} \d{2} \d{2} \d{2}$/, 'Angiv telefonnummeret som +45 12 34 56 78.'),
    region: z
      .string()
      .trim()
      .transform((v) => (v === '' ? undefined : v))
      .pipe(z.enum(REGION_IDS, { error: 'Vælg en region.' }).optional()),
    hospital: optionalSlug('Ukendt hospital.'),
    department: optionalSlug('Ukendt afdeling.'),
    cancerTypes: z.array(z.string()).default([]),
    modalities: z.array(listSchema(WAIT_PATHWAY_LIST, 'Ukendt behandlingstype.')).default([]),
    maintainer: emailText('Angiv vedligeholderens e-mailadresse.'),
    /** The language of the contact's e-mails; a form without the field keeps Danish. */
    language: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || undefined)
      .pipe(z.enum(['da', 'en'], { error: 'Vælg dansk eller engelsk.' }).optional()),
  })
  .superRefine((c, ctx) => {
    const data = referenceData();
    if (c.hospital && !data.hospitals.some((h) => h.id === c.hospital))
      ctx.addIssue({ code: 'custom', path: ['hospital'], message: 'Ukendt hospital.' });
    if (c.department && !data.departments.some((d) => d.id === c.department))
      ctx.addIssue({ code: 'custom', path: ['department'], message: 'Ukendt afdeling.' });
    for (const t of c.cancerTypes)
      if (!data.cancerTypes.some((k) => k.id === t))
        ctx.addIssue({ code: 'custom', path: ['cancerTypes'], message: 'Ukendt kræftform.' });
    if (c.role === 'department' && !c.department)
      ctx.addIssue({
        code: 'custom',
        path: ['department'],
        message: 'En afdelingskontakt skal have en afdeling.',
      });
    if ((c.role === 'primary' || c.role === 'director') && !c.region)
      ctx.addIssue({ code: 'custom', path: ['region'], message: 'Denne rolle skal have en region.' });
  });

/** A valid form → the stored contact, verified today (saving an entry confirms it). */
export function contactFromForm(form: z.infer<typeof contactFormSchema>, today: string): Contact {
  return contactSchema.parse({ ...form, verifiedAt: today });
}
