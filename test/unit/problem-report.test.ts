import { describe, expect, it } from 'vitest';
import { CPR_MESSAGE_DA } from '../../functions/domain/cpr.ts';
import { fieldErrors, offerSchema, problemReportSchema } from '../../functions/domain/schemas/problem.ts';
import { BREAST_SURGERY_REPORT } from '../fixtures.ts';

const validReport = { ...BREAST_SURGERY_REPORT };

/** The `{ field: message }` a re-rendered form would show for this input (empty when valid). */
function errorsFor(input: Record<string, unknown>): Record<string, string> {
  const result = problemReportSchema.safeParse(input);
  return result.success ? {} : fieldErrors(result.error);
}

function offerErrorsFor(input: Record<string, unknown>): Record<string, string> {
  const result = offerSchema.safeParse(input);
  return result.success ? {} : fieldErrors(result.error);
}

describe('problemReportSchema: the capacity problem form', () => {
  it('accepts a complete, valid report', () => {
    const result = problemReportSchema.safeParse(validReport);

    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({ departmentId: 'suh-brystkirurgi', patientsAtRisk: 12 });
  });

  it('fills in defaults for the optional fields', () => {
    const { modalities: _m, longLasting: _l, description: _d, until: _u, ...minimal } = validReport;

    const result = problemReportSchema.safeParse({ ...minimal, pathwayTypes: ['udredning'] });

    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({ modalities: [], longLasting: false, description: '' });
    expect(result.data?.until).toBeUndefined();
  });

  it('reads the patient count from form text', () => {
    const result = problemReportSchema.safeParse({ ...validReport, patientsAtRisk: '7' });

    expect(result.data?.patientsAtRisk).toBe(7);
  });

  it('trims the description', () => {
    const result = problemReportSchema.safeParse({ ...validReport, description: '  Mangler anæstesi.  ' });

    expect(result.data?.description).toBe('Mangler anæstesi.');
  });

  it('asks for a department when none is chosen', () => {
    expect(errorsFor({ ...validReport, departmentId: '' })).toEqual({ departmentId: 'Vælg afdeling.' });
    expect(errorsFor({ ...validReport, departmentId: undefined })).toEqual({
      departmentId: 'Vælg afdeling.',
    });
  });

  it('asks for a cancer type when none is chosen', () => {
    expect(errorsFor({ ...validReport, cancerType: undefined })).toEqual({ cancerType: 'Vælg kræftform.' });
  });

  it('refuses a cancer type that is not on the list', () => {
    expect(errorsFor({ ...validReport, cancerType: 'tudsekraeft' })).toEqual({
      cancerType: 'Vælg en kræftform fra listen.',
    });
  });

  it('asks for at least one pathway type', () => {
    expect(errorsFor({ ...validReport, pathwayTypes: [] })).toEqual({
      pathwayTypes: 'Vælg mindst én forløbstype (udredning eller behandling).',
    });
    expect(errorsFor({ ...validReport, pathwayTypes: undefined })).toEqual({
      pathwayTypes: 'Vælg mindst én forløbstype.',
    });
  });

  it('asks for a treatment modality when behandling is affected', () => {
    expect(errorsFor({ ...validReport, pathwayTypes: ['behandling'], modalities: [] })).toEqual({
      modalities: 'Vælg mindst én behandlingsform, når behandling er berørt.',
    });
  });

  it('does not ask for a treatment modality when only udredning is affected', () => {
    expect(errorsFor({ ...validReport, pathwayTypes: ['udredning'], modalities: [] })).toEqual({});
  });

  it('refuses an unknown treatment modality', () => {
    expect(errorsFor({ ...validReport, modalities: 'kirurgi' })).toEqual({
      modalities: 'Ukendt behandlingsform.',
    });
  });

  it.each([
    [0, 'Angiv mindst 1 patient.'],
    [-3, 'Angiv mindst 1 patient.'],
    ['abc', 'Angiv antal patienter som et tal.'],
    [2.5, 'Angiv antal patienter som et helt tal.'],
    [10_001, 'Antallet virker for højt – angiv højst 10.000.'],
  ])('explains what is wrong with %s patients at risk', (patientsAtRisk, message) => {
    expect(errorsFor({ ...validReport, patientsAtRisk })).toEqual({ patientsAtRisk: message });
  });

  it('accepts the bounds of 1 and 10.000 patients', () => {
    expect(errorsFor({ ...validReport, patientsAtRisk: 1 })).toEqual({});
    expect(errorsFor({ ...validReport, patientsAtRisk: 10_000 })).toEqual({});
  });

  it.each(['i morgen', '16-11-2026', '2026-11-31', ''])('refuses "%s" as the start date', (from) => {
    expect(errorsFor({ ...validReport, from, until: undefined })).toEqual({
      from: 'Angiv en dato (åååå-mm-dd).',
    });
  });

  it('refuses an end date before the start date, on the end date', () => {
    expect(errorsFor({ ...validReport, from: '2026-11-16', until: '2026-11-15' })).toEqual({
      until: 'Slutdatoen skal ligge efter startdatoen.',
    });
  });

  it('refuses a body that is not an object (null, a list, a number) as invalid, without failing', () => {
    for (const body of [null, [], 7, 'rapport'])
      expect(problemReportSchema.safeParse(body).success, JSON.stringify(body)).toBe(false);
  });

  it('accepts a problem that starts and ends on the same day', () => {
    expect(errorsFor({ ...validReport, from: '2026-11-16', until: '2026-11-16' })).toEqual({});
  });

  it('asks how widely the problem reaches when the scope is missing or unknown', () => {
    expect(errorsFor({ ...validReport, scope: undefined })).toEqual({
      scope: 'Vælg hvor mange der er berørt.',
    });
    expect(errorsFor({ ...validReport, scope: 'land' })).toEqual({ scope: 'Vælg hvor mange der er berørt.' });
  });

  it('refuses a description containing a CPR-like number, with the Danish CPR message', () => {
    const errors = errorsFor({ ...validReport, description: 'Pt. 010190-1234 kan ikke opereres i tide.' });

    expect(errors).toEqual({ description: CPR_MESSAGE_DA });
    expect(errors.description).toMatch(/CPR-nummer/);
  });

  it('refuses a description longer than 2000 characters, but accepts exactly 2000', () => {
    expect(errorsFor({ ...validReport, description: 'x'.repeat(2001) })).toEqual({
      description: 'Teksten er for lang: højst 2.000 tegn (der er 2.001).',
    });
    expect(errorsFor({ ...validReport, description: 'x'.repeat(2000) })).toEqual({});
  });

  it('shows one message per field even when several fields are wrong', () => {
    const errors = errorsFor({ ...validReport, departmentId: '', cancerType: 'ukendt', scope: undefined });

    expect(errors).toEqual({
      departmentId: 'Vælg afdeling.',
      cancerType: 'Vælg en kræftform fra listen.',
      scope: 'Vælg hvor mange der er berørt.',
    });
  });
});

describe('offerSchema: offering capacity to a reported problem', () => {
  const validOffer = {
    patients: 3,
    modality: 'kirurgi',
    earliest: '2026-11-20',
    note: 'Ledige OP-tider torsdag.',
  };

  it('accepts a valid offer', () => {
    const result = offerSchema.safeParse(validOffer);

    expect(result.success).toBe(true);
    expect(result.data).toEqual(validOffer);
  });

  it('accepts an offer of udredning and defaults the note to empty', () => {
    const result = offerSchema.safeParse({ patients: '2', modality: 'udredning', earliest: '2026-11-20' });

    expect(result.data).toEqual({ patients: 2, modality: 'udredning', earliest: '2026-11-20', note: '' });
  });

  it.each([
    [0, 'Angiv mindst 1 patient.'],
    ['abc', 'Angiv antal patienter som et tal.'],
    [1.5, 'Angiv et helt tal.'],
    [1001, 'Angiv højst 1.000 patienter.'],
  ])('explains what is wrong with an offer of %s patients', (patients, message) => {
    expect(offerErrorsFor({ ...validOffer, patients })).toEqual({ patients: message });
  });

  it('asks which treatment is offered when it is missing or unknown', () => {
    const message = 'Vælg hvilken behandling I kan tilbyde.';

    expect(offerErrorsFor({ ...validOffer, modality: undefined })).toEqual({ modality: message });
    expect(offerErrorsFor({ ...validOffer, modality: 'kemo' })).toEqual({ modality: message });
  });

  it('asks for the earliest start as a date', () => {
    expect(offerErrorsFor({ ...validOffer, earliest: 'snarest' })).toEqual({
      earliest: 'Angiv en dato (åååå-mm-dd).',
    });
  });

  it('refuses a note containing a CPR-like number', () => {
    expect(offerErrorsFor({ ...validOffer, note: 'Kan tage 0101901234' })).toEqual({ note: CPR_MESSAGE_DA });
  });

  it('refuses a note longer than 500 characters', () => {
    expect(offerErrorsFor({ ...validOffer, note: 'x'.repeat(501) })).toEqual({
      note: 'Teksten er for lang: højst 500 tegn (der er 501).',
    });
  });
});
