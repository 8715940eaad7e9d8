/**
 * The holiday plans' schemas with Danish messages (period, plan, the API's bulk call), apart
 * from domain/holiday.ts so the reminder and alert jobs do not build them at import.
 */
import * as z from 'zod';
import { MAX_PERIOD_WEEKS, PERIOD_TEXT_MAX, PLAN_COMMENT_MAX, periodWeeks } from '../holiday.ts';
import { WAIT_PATHWAY_LIST } from '../lists.ts';
import { referenceData, referenceId } from '../reference.ts';
import { localDate, weekStart } from '../time.ts';
import { isWeekKey } from '../weekly.ts';
import { perItem } from './lists.ts';
import { freeText } from './problem.ts';

export const holidayPeriodSchema = z
  .object({
    id: z
      .string({ error: 'Angiv et id.' })
      .trim()
      .regex(/^\d{4}-[a-z0-9-]{2,40}$/, 'Id skal være år, bindestreg og små bogstaver, fx 2027-sommer.'),
    name: freeText(PERIOD_TEXT_MAX.name).pipe(z.string().min(1, 'Angiv periodens navn.')),
    nameEn: freeText(PERIOD_TEXT_MAX.name).default(''),
    firstWeek: z
      .string({ error: 'Angiv første uge.' })
      .trim()
      .refine(isWeekKey, 'Skriv ugen som åååå-Wuu, fx 2027-W27.'),
    lastWeek: z
      .string({ error: 'Angiv sidste uge.' })
      .trim()
      .refine(isWeekKey, 'Skriv ugen som åååå-Wuu, fx 2027-W32.'),
    deadline: z
      .string({ error: 'Angiv planlægningsfristen.' })
      .trim()
      .pipe(z.iso.date({ error: 'Angiv fristen som en dato (åååå-mm-dd).' })),
  })
  .superRefine((p, ctx) => {
    if (!isWeekKey(p.firstWeek) || !isWeekKey(p.lastWeek)) return;
    if (p.lastWeek < p.firstWeek)
      ctx.addIssue({ code: 'custom', path: ['lastWeek'], message: 'Sidste uge ligger før første uge.' });
    else if (periodWeeks(p).length > MAX_PERIOD_WEEKS)
      ctx.addIssue({
        code: 'custom',
        path: ['lastWeek'],
        message: `En ferieperiode kan højst vare ${MAX_PERIOD_WEEKS} uger.`,
      });
    if (p.deadline >= localDate(weekStart(p.firstWeek)))
      ctx.addIssue({
        code: 'custom',
        path: ['deadline'],
        message: 'Fristen skal ligge før periodens første mandag.',
      });
  })
  .transform((p) => ({ ...p, nameEn: p.nameEn || p.name }));

export type HolidayPeriodInput = z.infer<typeof holidayPeriodSchema>;

// ---------------------------------------------------------------- plans

const share = z.preprocess(
  (v) => (v === '' || v === null ? undefined : v),
  z.coerce
    .number({ error: 'Angiv planlagt kapacitet i procent af normalt.' })
    .int('Angiv et helt antal procent.')
    .min(0, 'Kapaciteten kan ikke være negativ.')
    .max(150, 'Angiv højst 150 % af normalt.')
    .optional(),
);

export const planWeekSchema = z.object({
  week: z.string({ error: 'Angiv ugen.' }).refine(isWeekKey, 'Skriv ugen som åååå-Wuu, fx 2027-W28.'),
  /** Planned capacity per pathway (udredning, each treatment modality) in % of a normal week. */
  capacity: perItem(WAIT_PATHWAY_LIST, share).partial().default({}),
  /** Days the department is closed (YYYY-MM-DD, within the week). */
  closedDays: z
    .array(z.iso.date({ error: 'Skriv lukkedage som datoer (åååå-mm-dd).' }))
    .max(7, 'En uge har højst 7 dage.')
    .default([]),
});

export type PlanWeek = z.infer<typeof planWeekSchema>;

export const holidayPlanSchema = z.object({
  departmentId: z
    .string({ error: 'Angiv afdeling.' })
    .refine((id) => referenceData().departments.some((d) => d.id === id), 'Ukendt afdeling.')
    .meta(referenceId('departments', 'suh-brystkirurgi')),
  weeks: z.array(planWeekSchema, { error: 'Angiv en plan for hver uge i perioden.' }).max(MAX_PERIOD_WEEKS),
  comment: freeText(PLAN_COMMENT_MAX).default(''),
});

export type HolidayPlanInput = z.infer<typeof holidayPlanSchema>;

/** The API takes one department's plan or `{ plans: [...] }` for many (regional systems). */
export const holidayPlanBulkSchema = z.object({
  plans: z
    .array(z.unknown(), { error: 'Angiv en liste af ferieplaner.' })
    .min(1, 'Angiv mindst én ferieplan.')
    .max(100, 'Højst 100 ferieplaner i ét kald – del dem op i flere kald.'),
});
