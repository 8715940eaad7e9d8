/** The monitoring upload request, validated by the API and described in its OpenAPI document. */
import * as z from 'zod';
import { CPR_MESSAGE_DA, containsCprNumber } from '../cpr.ts';

export const uploadRequestSchema = z.object({
  fileName: z
    .string({ error: 'Angiv filens navn.' })
    .trim()
    .min(1, 'Angiv filens navn.')
    .max(200, 'Filnavnet må højst være 200 tegn.')
    .refine((t) => !containsCprNumber(t), CPR_MESSAGE_DA),
  contentType: z.enum(['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel'], {
    error: 'Filen skal være en CSV-fil (contentType text/csv).',
  }),
});
export type UploadRequest = z.infer<typeof uploadRequestSchema>;
