import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  DIAGNOSTIC_MODALITY_LIST,
  defineList,
  TREATMENT_MODALITY_LIST,
  WAIT_PATHWAY_LIST,
} from '../../functions/domain/lists.ts';
import { findDepartment } from '../../functions/domain/reference.ts';
import { perItem } from '../../functions/domain/schemas/lists.ts';
import { fieldErrors, freeText, problemReportSchema } from '../../functions/domain/schemas/problem.ts';
import { weeklyEntrySchema } from '../../functions/domain/schemas/weekly.ts';
import { fromForm, parseForm, parseFormBody, toForm } from '../../functions/http/forms.ts';
import { openApiDocument } from '../../functions/http/routes/openapi.ts';
import { reportFromForm } from '../../functions/http/routes/problem-pages.ts';
import { weeklyForm } from '../../functions/web/views/weekly-pages.ts';
import { BREAST_SURGERY_REPORT } from '../fixtures.ts';

/** What a browser posts for these values: `name=value` pairs, lists as repeated `name[]`. */
function post(values: Record<string, string | string[]>): Record<string, string | string[]> {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(values))
    if (Array.isArray(v)) for (const item of v) body.append(`${k}[]`, item);
    else body.append(k, v);
  return parseForm(body.toString());
}

/** The names of the inputs a rendered form posts. */
function inputNames(markup: string): string[] {
  return [...markup.matchAll(/<input[^>]* name="([^"]+)"/g)].map((m) => m[1] ?? '');
}

describe('lists drive the weekly form, its parsing and the API description', () => {
  // A department doing udredning and every treatment modality, so every field is on the form.
  const base = findDepartment('suh-brystkirurgi');
  if (!base) throw new Error('fixture department missing');
  const department = { ...base, udredning: true, modalities: [...TREATMENT_MODALITY_LIST.ids] };

  it('renders a field for every listed modality, and every rendered value reaches the stored entry', () => {
    const markup = String(
      weeklyForm({
        department,
        departments: [department],
        week: '2026-W49',
        deadline: new Date('2026-12-01T11:00:00Z'),
        values: {},
        errors: {},
        csrf: 'x',
      }),
    );
    const names = inputNames(markup).filter((n) => n.startsWith('brystkraeft.'));
    for (const m of TREATMENT_MODALITY_LIST.ids) expect(names).toContain(`brystkraeft.treatmentDays.${m}`);
    for (const d of DIAGNOSTIC_MODALITY_LIST.ids) expect(names).toContain(`brystkraeft.diagnosticDays.${d}`);

    // Fill every field with its own number; none may be dropped on the way to the entry.
    const filled = Object.fromEntries(names.map((n, i) => [n, String(i + 1)]));
    const entry = weeklyEntrySchema.parse({
      ...fromForm(weeklyEntrySchema, post(filled), 'brystkraeft'),
      cancerType: 'brystkraeft',
    });
    expect(toForm(weeklyEntrySchema, entry, 'brystkraeft')).toMatchObject(filled);
    expect(Object.keys(entry.diagnosticDays).sort()).toEqual([...DIAGNOSTIC_MODALITY_LIST.ids].sort());
  });

  it('a modality added to a list is validated, read from the form and described without another edit', () => {
    const withUltrasound = defineList([
      ...DIAGNOSTIC_MODALITY_LIST.items,
      { id: 'ultralyd', label: { da: 'Ultralyd', en: 'Ultrasound' } },
    ]);
    const entry = z.object({ diagnosticDays: perItem(withUltrasound, z.coerce.number().int().optional()) });

    const parsed = entry.parse(fromForm(entry, post({ 'lunge.diagnosticDays.ultralyd': '4' }), 'lunge'));

    expect(parsed.diagnosticDays).toEqual({ ultralyd: 4 });
    expect(withUltrasound.label('ultralyd', 'en')).toBe('Ultrasound');
    const json = JSON.stringify(z.toJSONSchema(entry, { io: 'input', unrepresentable: 'any' }));
    expect(json).toContain('"ultralyd"');
  });

  it('describes every modality with its labels in the OpenAPI', () => {
    const json = JSON.stringify(openApiDocument());
    for (const item of [...WAIT_PATHWAY_LIST.items, ...DIAGNOSTIC_MODALITY_LIST.items]) {
      expect(json).toContain(`"${item.id}"`);
      expect(json).toContain(item.label.en);
    }
  });
});

describe('forms parse through their schema', () => {
  it('turns the report form into the object the JSON API takes', () => {
    const form = post({
      ...toForm(problemReportSchema, BREAST_SURGERY_REPORT),
      csrf: 'x',
      submissionKey: 'k',
    });

    expect(problemReportSchema.parse(reportFromForm(form))).toEqual(BREAST_SURGERY_REPORT);
  });

  it('round-trips a field added to the schema: a number, a list, an optional date, a nested object', () => {
    const extended = problemReportSchema.safeExtend({
      bedsClosed: z.coerce.number().int().optional(),
      alternatives: z.array(z.string()).default([]),
      reviewOn: z.iso.date().optional(),
      contact: z.object({ phone: z.string(), note: freeText(100).default('') }),
    });
    const input = {
      ...BREAST_SURGERY_REPORT,
      longLasting: true,
      bedsClosed: 6,
      alternatives: ['ouh-brystkirurgi', 'auh-brystkirurgi'],
      reviewOn: '2027-01-15',
      contact: { phone: '+45 12 34 56 78', note: 'Ring før kl. 15' },
    };

    const form = post(toForm(extended, input));
    expect(form['contact.phone']).toBe('+45 12 34 56 78');
    expect(extended.parse(fromForm(extended, form))).toEqual(input);
  });

  it('reads empty optional fields as not given and an unticked checkbox as no', () => {
    const form = post({ ...toForm(problemReportSchema, BREAST_SURGERY_REPORT), until: '', description: '' });

    const report = problemReportSchema.parse(reportFromForm(form));

    expect(report.until).toBeUndefined();
    expect(report.description).toBe('');
    expect(report.longLasting).toBe(false);
  });

  it('keeps the Danish message of each empty required field', () => {
    const result = problemReportSchema.safeParse(
      reportFromForm(post({ cancerType: '', patientsAtRisk: '' })),
    );

    const messages = result.error ? fieldErrors(result.error) : {};
    expect(messages.cancerType).toBe('Vælg kræftform.');
    expect(messages.patientsAtRisk).toBe('Angiv antal patienter som et tal.');
    expect(messages.scope).toBe('Vælg hvor mange der er berørt.');
  });
});

describe('a form with a file chooser (multipart/form-data)', () => {
  it('reads text fields and the chosen file as the browser sends them', async () => {
    const form = new FormData();
    form.set('csrf', 'abc');
    form.set('csv', '');
    form.set('fil', new Blob(['id;name\r\nsuh-1;Æble Øst\r\n'], { type: 'text/csv' }), 'kontakter.csv');
    const request = new Request('http://x/', { method: 'POST', body: form });
    const type = request.headers.get('content-type') ?? '';
    const parsed = parseFormBody(await request.text(), type);
    expect(parsed).toEqual({ csrf: 'abc', csv: '', fil: 'id;name\r\nsuh-1;Æble Øst\r\n' });
  });

  it('still reads an ordinary url-encoded form', () => {
    expect(parseFormBody('a=1&b[]=2', 'application/x-www-form-urlencoded')).toEqual({ a: '1', b: ['2'] });
  });
});
