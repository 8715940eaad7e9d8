/**
 * The row errors of every file import in the reader's language: contacts, external providers,
 * reference data (worded when the file is read, for the request) and monitoring extracts (stored
 * in Danish by the job, worded when read).
 */
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { csvCell } from '#domain/contact-csv.ts';
import { CPR_MESSAGE_EN } from '#domain/cpr.ts';
import { bundledReferenceData } from '#domain/reference.ts';
import { referenceToCsv } from '#domain/reference-edit.ts';
import { parseContacts } from '#domain/schemas/contact-csv.ts';
import { parseProvidersCsv } from '#domain/schemas/external-providers.ts';
import { parseReferenceCsv } from '#domain/schemas/reference-edit.ts';
import { da } from '#web/i18n/da.ts';
import { t } from '#web/i18n/index.ts';
import { MONITORING_ERROR_KEYS, uploadErrorsIn } from '#web/monitoring-errors.ts';
import { reportLanguage } from '#web/validation.ts';
import { parseExtract } from '../../functions/services/monitoring-parse.ts';

/** Words that give a Danish sentence away. */
const DANISH = /[æøåÆØÅ]|\b(linje|ikke|kan|skal|findes|ukendt|ugyldig|mangler|angiv|vælg|rækken|kolonne)\b/i;

const english = reportLanguage('en');

describe('an import report in English', () => {
  it('names bad contact rows in English, a CPR number too', () => {
    const header =
      'id;role;name;title;email;phone;region;hospital;department;cancerTypes;modalities;maintainer;verifiedAt';
    const rows = [
      'bad-phone;secretariat;Cecilie;Konsulent;c@x.example;12345678;;;;;;c@x.example;2026-11-01',
      'bad-cpr;secretariat;Dan;Læge 010190-1234;d@x.example;+45 33 44 55 66;;;;;;d@x.example;2026-11-01',
    ];
    const { errors } = parseContacts([header, ...rows].join('\n'), 'csv', 'en');
    expect(errors).toEqual([
      'line 2: phone: write the phone number as +45 12 34 56 78',
      `line 3: title: ${CPR_MESSAGE_EN}`,
    ]);
    expect(CPR_MESSAGE_EN).toBe(t('en', 'validation.cpr'));
  });

  it('names bad provider rows in English', () => {
    const header =
      'id;kind;name;country;cancerTypes;pathwayTypes;modalities;contactName;contactPhone;contactEmail;validFrom;validTo;typicalDays;notes';
    const row =
      'aros;privat;Aros;Danmark;brystkraeft;behandling;kirurgi;Jens;ring os;j@aros.example;2026-01-01;;10;';
    const { errors } = parseProvidersCsv([header, row, row].join('\n'), english);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatch(/^line 2: contactPhone: /);
    for (const e of errors) expect(e).not.toMatch(DANISH);
    expect(parseProvidersCsv(header, english).errors).toEqual(['the file holds no providers']);
  });

  it('names bad reference-data rows in English', () => {
    const data = bundledReferenceData();
    const header = referenceToCsv(data, csvCell).split('\r\n')[0];
    const text = `${header}\r\nhospital;nyt-hospital;Nyt Hospital;;atlantis;;;;;\r\ndepartment;ny-afd;Ny Afdeling;;;findes-ikke;brystkraeft;kirurgi;nej;\r\ncancer-type;Stort-Id;X;Y;;;;;;\r\nplanet;x;X;X;;;;;;\r\n`;
    const { errors } = parseReferenceCsv(text, data, english);
    expect(errors).toHaveLength(4);
    expect(errors[0]).toBe('Line 2: region: Choose a region.');
    for (const e of errors) expect(e).not.toMatch(DANISH);
    expect(parseReferenceCsv('id;name\r\n', data, english).errors[0]).toMatch(
      /^Line 1: the columns .* are missing\.$/,
    );
  });

  it("words a monitoring extract's stored errors in English when read", async () => {
    const text = [
      'forloeb_id;region;kraeftform;forloebstype;modtaget;start;aarsag;henvisning_tilbudt;standard_dage',
      ';atlantis;ukendt;ukendt;2026-13-01;;grund;maaske;0',
      'a1;hovedstaden;brystkraeft;pakkeforloeb;2026-11-01;2026-10-01;;;',
      'a2;hovedstaden;brystkraeft;udredning',
    ].join('\n');
    const { errors } = await parseExtract(Readable.from([text]), { today: '2026-12-01' });
    expect(errors.length).toBeGreaterThan(8);
    expect(errors.some((e) => DANISH.test(e.message))).toBe(true);
    for (const e of uploadErrorsIn(errors, 'en')) {
      expect(e.message).not.toMatch(DANISH);
      expect(e.column).not.toMatch(DANISH);
    }
    expect(uploadErrorsIn(errors, 'da')).toEqual(errors);
  });

  it('words the monitoring keys as the domain writes them, so the lookup cannot drift', () => {
    const source = [
      'functions/domain/monitoring.ts',
      'functions/services/monitoring-parse.ts',
      'functions/services/monitoring-ingest.ts',
      'functions/services/monitoring.ts',
      'functions/services/monitoring-uploads.ts',
      'functions/domain/schemas/monitoring.ts',
    ]
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    for (const key of MONITORING_ERROR_KEYS) {
      const fixed = da[key].split(/\{\w+\}/).sort((a, b) => b.length - a.length)[0] ?? '';
      expect(source.includes(fixed), key).toBe(true);
    }
  });
});
