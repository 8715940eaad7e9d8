/**
 * Texts the domain writes in Danish, read in English: the schemas' validation messages on a form
 * answered in English, and the timeline entries of a problem.
 */
import { describe, expect, it } from 'vitest';
import { fieldErrors, offerSchema, problemReportSchema } from '../../functions/domain/schemas/problem.ts';
import { eventText, timelineEntry } from '../../functions/web/timeline.ts';
import { localizeErrors, localizeMessage } from '../../functions/web/validation.ts';

describe('validation messages', () => {
  it('are Danish by default and English when the page is English, values kept', () => {
    const parsed = problemReportSchema.safeParse({
      departmentId: 'suh-brystkirurgi',
      cancerType: 'ukendt',
      pathwayTypes: ['behandling'],
      modalities: [],
      patientsAtRisk: 'mange',
      from: '2026-12-01',
      scope: 'hospital',
      description: 'x'.repeat(2001),
    });
    if (parsed.success) throw new Error('expected errors');
    const danish = fieldErrors(parsed.error);
    expect(danish.cancerType).toBe('Vælg en kræftform fra listen.');
    expect(localizeErrors(danish, 'da')).toEqual(danish);
    const english = localizeErrors(danish, 'en');
    expect(english.cancerType).toBe('Choose a cancer type from the list.');
    expect(english.patientsAtRisk).toBe('Enter the number of patients as a number.');
    expect(english.description).toBe('The text is too long: at most 2,000 characters (it has 2,001).');
  });

  it('translate a message inside a message, and leave unknown text as written', () => {
    expect(
      localizeMessage(
        'Handling 2: Beskriv handlingen. Skriv "handling; ansvarlig e-mail; åååå-mm-dd".',
        'en',
      ),
    ).toBe('Action 2: Describe the action. Write "action; responsible e-mail; yyyy-mm-dd".');
    expect(localizeMessage('Noget helt andet.', 'en')).toBe('Noget helt andet.');
    // The contact and reference-data forms' messages, values kept.
    expect(localizeMessage('Denne rolle skal have en region.', 'en')).toBe('This role must have a region.');
    expect(
      localizeMessage('Hospitalet har aktive afdelinger (Brystkirurgi, Onkologi). Lad dem udgå først.', 'en'),
    ).toBe('The hospital has active departments (Brystkirurgi, Onkologi). Retire them first.');
  });

  it('cover the offer form', () => {
    const parsed = offerSchema.safeParse({ patients: '0', modality: '', earliest: 'i morgen' });
    if (parsed.success) throw new Error('expected errors');
    const english = Object.values(localizeErrors(fieldErrors(parsed.error), 'en'));
    expect(english.every((m) => !/[æøå]|Angiv|Vælg/.test(m))).toBe(true);
  });
});

describe('timeline entries', () => {
  it('store the Danish text as before and read in English', () => {
    const entry = timelineEntry('timeline.reported', { name: 'Mette Holm', level: 1 });
    expect(entry.text).toBe('Indberettet af Mette Holm. Starter på niveau 1 (Hospital).');
    expect(eventText(entry, 'en')).toBe('Reported by Mette Holm. Starts at level 1 (Hospital).');
    expect(eventText(entry, 'da')).toBe(entry.text);
  });

  it('format treatments, dates and deadlines for the reader, and keep free text as written', () => {
    const offer = timelineEntry(
      'timeline.offer',
      {
        from: 'Klaus Friis (Brystkirurgisk Afdeling, Odense Universitetshospital)',
        patients: 3,
        modality: 'kirurgi',
        date: '2026-12-07',
      },
      'Ring gerne.',
    );
    expect(offer.text).toBe(
      'Klaus Friis (Brystkirurgisk Afdeling, Odense Universitetshospital) tilbyder 3 patienter – Kirurgi – fra 7. december 2026. Ring gerne.',
    );
    expect(eventText(offer, 'en')).toBe(
      'Klaus Friis (Brystkirurgisk Afdeling, Odense Universitetshospital) offers 3 patients – Surgery – from 7 December 2026. Ring gerne.',
    );
    const level = timelineEntry('timeline.deadlinePassed', { level: 2, toLevel: 3 });
    expect(eventText(level, 'en')).toContain('moves on to level 3 (');
  });

  it('show an entry written before messages existed in its Danish text', () => {
    expect(eventText({ text: 'Eskaleringen er startet.' }, 'en')).toBe('Eskaleringen er startet.');
  });
});
