/** Contact lists: CSV import validation (nothing half-imported), export round trip, filters, rights, reminders. */
import { describe, expect, it } from 'vitest';
import { CONTACT_CSV_COLUMNS, contactsToCsv, csvCell } from '../../functions/domain/contact-csv.ts';
import {
  addMonths,
  CONTACT_FIELD_LABELS,
  fieldLabel,
  filterContacts,
  forEachLimited,
  isOverdue,
  mayEditContact,
  overdueByMaintainer,
  PHONE_LENGTH,
} from '../../functions/domain/contact-lists.ts';
import { CPR_MESSAGE_DA } from '../../functions/domain/cpr.ts';
import { EMAIL_MAX, ID_MAX } from '../../functions/domain/problem.ts';
import { type Contact, referenceData } from '../../functions/domain/reference.ts';
import { parseContacts } from '../../functions/domain/schemas/contact-csv.ts';
import { contactFormSchema } from '../../functions/domain/schemas/contact-lists.ts';

const HEADER =
  'id;role;name;title;email;phone;region;hospital;department;cancerTypes;modalities;maintainer;verifiedAt';
const GOOD = [
  'sek-anna;secretariat;Anna Ø;Specialkonsulent;anna@specialenheden.example;+45 11 22 33 44;;;;;;anna@specialenheden.example;2026-11-01',
  'suh-bryst-ny;department;Bo Å;Koordinator;bo@regionsjaelland.example;+45 22 33 44 55;sjaelland;suh;suh-brystkirurgi;brystkraeft;kirurgi;bo@regionsjaelland.example;2026-10-01',
];
const BAD = [
  'bad-phone;secretariat;Cecilie;Konsulent;c@x.example;12345678;;;;;;c@x.example;2026-11-01',
  'bad-cancer;network;Dan;Overlæge;d@x.example;+45 33 44 55 66;;;;ukendt-kraeft;;d@x.example;2026-11-01',
];

function contact(overrides: Partial<Contact>): Contact {
  return {
    id: 'x',
    role: 'department',
    name: 'X',
    title: 'T',
    email: 'x@example.dk',
    phone: '+45 12 34 56 78',
    cancerTypes: [],
    modalities: [],
    maintainer: 'm@example.dk',
    verifiedAt: '2026-05-22',
    ...overrides,
  };
}

describe('CSV import validation', () => {
  it('accepts a good file', () => {
    const hospital = referenceData().departments.find((d) => d.id === 'suh-brystkirurgi')?.hospital;
    const good = GOOD.map((l) => l.replace(';suh;', `;${hospital};`));
    const { contacts, errors } = parseContacts([HEADER, ...good].join('\n'), 'csv');
    expect(errors).toEqual([]);
    expect(contacts.map((c) => c.id)).toEqual(['sek-anna', 'suh-bryst-ny']);
    expect(contacts[1]).toMatchObject({ cancerTypes: ['brystkraeft'], modalities: ['kirurgi'] });
  });

  it('rejects a bad file row by row, naming the line and why', () => {
    const { errors } = parseContacts([HEADER, ...BAD].join('\n'), 'csv');
    expect(errors).toEqual([
      expect.stringMatching(/^line 2: phone: /),
      'line 3 (bad-cancer): unknown cancer type "ukendt-kraeft"',
    ]);
  });

  it('reports in Danish for the phone list', () => {
    const { errors } = parseContacts([HEADER, ...BAD].join('\n'), 'csv', 'da');
    expect(errors).toEqual([
      'linje 2: phone: telefonnummeret skal skrives som +45 12 34 56 78',
      'linje 3 (bad-cancer): ukendt kræftform "ukendt-kraeft"',
    ]);
  });

  it('reports the bad rows of a mixed file, so the caller imports nothing', () => {
    const { contacts, errors } = parseContacts(
      [HEADER, GOOD[0], BAD[0], GOOD[0]?.replace('sek-anna', 'sek-b')].join('\n'),
      'csv',
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^line 3: phone/);
    // The valid rows are parsed, but importContactsCsv writes only when `errors` is empty.
    expect(contacts).toHaveLength(2);
  });

  it('exports CSV that imports again unchanged', () => {
    const demo = referenceData().contacts;
    const { contacts, errors } = parseContacts(contactsToCsv(demo), 'csv');
    expect(errors).toEqual([]);
    expect(contacts).toEqual(demo.map((c) => expect.objectContaining({ ...c })));
  });

  it('neutralises formula-like cells with a leading quote, and such a file imports unchanged', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(csvCell(`${start}1+1`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('Anna')).toBe('Anna');
    const evil = contact({
      id: 'evil',
      role: 'secretariat',
      name: '=HYPERLINK("http://x.example","klik")',
      title: '@SUM(A1)',
      verifiedAt: '2026-11-01',
    });
    const csv = contactsToCsv([evil]);
    expect(csv).toContain(`;"'=HYPERLINK(""http://x.example"",""klik"")";'@SUM(A1);`);
    expect(csv).toContain(";'+45 12 34 56 78;");
    const { contacts, errors } = parseContacts(csv, 'csv', 'da');
    expect(errors).toEqual([]);
    expect(contacts).toEqual([evil]);
    // A quote the export did not add (not before a formula character) is kept.
    const own = parseContacts(contactsToCsv([{ ...evil, name: "'t Hooft", title: 'T' }]), 'csv');
    expect(own.contacts[0]?.name).toBe("'t Hooft");
  });

  it('refuses CPR-like text in an imported name or title, with the Danish CPR message', () => {
    const row =
      'pt-row;secretariat;Anna;Pt. 010203-1234 venter;a@x.example;+45 11 22 33 44;;;;;;a@x.example;2026-11-01';
    const { contacts, errors } = parseContacts([HEADER, row].join('\n'), 'csv', 'da');
    expect(errors).toEqual([`linje 2: title: ${CPR_MESSAGE_DA}`]);
    expect(contacts).toEqual([]);
    const named = parseContacts(
      [HEADER, row.replace(';Anna;Pt. 010203-1234 venter;', ';0102031234;T;')].join('\n'),
      'csv',
      'da',
    );
    expect(named.errors).toEqual([`linje 2: name: ${CPR_MESSAGE_DA}`]);
  });
});

describe('contact change summaries and bulk writes', () => {
  it('names changed fields in Danish and English', () => {
    expect(['phone', 'verifiedAt'].map((f) => fieldLabel(f))).toEqual(['telefon', 'bekræftet']);
    expect(['phone', 'verifiedAt'].map((f) => fieldLabel(f, 'en'))).toEqual(['phone', 'verified']);
    expect(Object.keys(CONTACT_FIELD_LABELS).sort()).toEqual([...CONTACT_CSV_COLUMNS].sort());
  });

  it('writes with bounded parallelism: never more than the limit at once, every item once', async () => {
    let running = 0;
    let peak = 0;
    const done: number[] = [];
    await forEachLimited(
      Array.from({ length: 35 }, (_, i) => i),
      10,
      async (i) => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 1));
        done.push(i);
        running--;
      },
    );
    expect(peak).toBe(10);
    expect(done.sort((a, b) => a - b)).toEqual(Array.from({ length: 35 }, (_, i) => i));
  });
});

describe('phone list filters and edit rights', () => {
  const all = referenceData().contacts;

  it('filters by cancer type, treatment type and region, keeping national and "all" entries', () => {
    const list = filterContacts(all, { cancerType: 'brystkraeft', region: 'sjaelland', modality: 'kirurgi' });
    expect(list.length).toBeGreaterThan(0);
    for (const c of list) {
      expect(c.cancerTypes.length === 0 || c.cancerTypes.includes('brystkraeft')).toBe(true);
    }
    expect(list.some((c) => c.role === 'secretariat')).toBe(true);
    expect(list.some((c) => c.department === 'suh-brystkirurgi')).toBe(true);
    expect(list.some((c) => c.role === 'director' && c.region !== 'sjaelland')).toBe(false);
    expect(list.some((c) => c.cancerTypes.length > 0 && !c.cancerTypes.includes('brystkraeft'))).toBe(false);
  });

  it('lets the secretariat edit any entry and a department only its own', () => {
    const own = contact({ department: 'suh-brystkirurgi' });
    const other = contact({ department: 'rh-brystkirurgi' });
    expect(mayEditContact({ role: 'secretariat' }, other)).toBe(true);
    expect(mayEditContact({ role: 'department', department: 'suh-brystkirurgi' }, own)).toBe(true);
    expect(mayEditContact({ role: 'department', department: 'suh-brystkirurgi' }, other)).toBe(false);
    expect(mayEditContact({ role: 'director' }, own)).toBe(false);
  });

  it('gives Danish form errors', () => {
    const result = contactFormSchema.safeParse({
      id: 'Ugyldigt Id',
      role: 'department',
      name: '',
      title: 'T',
      email: 'nej',
      phone: '1234',
      region: '',
      hospital: '',
      department: '',
      maintainer: 'm@example.dk',
    });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((i) => i.message) ?? [];
    expect(messages).toEqual(
      expect.arrayContaining([
        'Id må kun indeholde små bogstaver, tal og bindestreger.',
        'Angiv et navn.',
        'Angiv en gyldig e-mailadresse.',
        'Angiv telefonnummeret som +45 12 34 56 78.',
        'En afdelingskontakt skal have en afdeling.',
      ]),
    );
  });
});

describe('limits the form shows, kept by the server', () => {
  const valid = {
    id: 'suh-ny-kontakt',
    role: 'department',
    name: 'Ny Kontakt',
    title: 'Koordinator',
    email: 'ny@regionsjaelland.example',
    phone: '+45 12 34 56 78',
    region: '',
    hospital: '',
    department: 'suh-brystkirurgi',
    maintainer: 'm@example.dk',
  };

  it('refuses an id, e-mail or maintainer over the limit with the length, and cuts nothing', () => {
    const long = `${'a'.repeat(EMAIL_MAX)}@example.dk`;
    const result = contactFormSchema.safeParse({
      ...valid,
      id: 'x'.repeat(ID_MAX + 1),
      email: long,
      maintainer: long,
    });
    expect(result.success).toBe(false);
    const byField = Object.fromEntries(result.error?.issues.map((i) => [i.path[0], i.message]) ?? []);
    expect(byField.id).toBe(`Teksten er for lang: højst ${ID_MAX} tegn (der er ${ID_MAX + 1}).`);
    expect(byField.email).toMatch(/^Teksten er for lang: højst 254 tegn \(der er 265\)\.$/);
    expect(byField.maintainer).toMatch(/^Teksten er for lang: højst 254 tegn/);
    // At the limits everything is kept as written.
    const atLimit = contactFormSchema.safeParse({ ...valid, id: 'x'.repeat(ID_MAX) });
    expect(atLimit.success && atLimit.data.id).toBe('x'.repeat(ID_MAX));
    expect(PHONE_LENGTH).toBe(valid.phone.length);
  });
});

describe('verification reminders', () => {
  it('adds months, clamping to the end of the month', () => {
    expect(addMonths('2026-05-22', 6)).toBe('2026-11-22');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
  });

  it('is overdue only after the whole period has passed', () => {
    expect(isOverdue({ verifiedAt: '2026-05-22' }, '2026-11-22', 6)).toBe(false);
    expect(isOverdue({ verifiedAt: '2026-05-21' }, '2026-11-22', 6)).toBe(true);
    expect(isOverdue({ verifiedAt: '2026-09-01' }, '2026-11-22', 2)).toBe(true);
  });

  it('groups overdue entries by maintainer (case-insensitive) and skips verified ones', () => {
    const groups = overdueByMaintainer(
      [
        contact({ id: 'a', name: 'B', maintainer: 'Hanne@Region.dk', verifiedAt: '2026-01-01' }),
        contact({ id: 'b', name: 'A', maintainer: 'hanne@region.dk', verifiedAt: '2026-02-01' }),
        contact({ id: 'c', maintainer: 'hanne@region.dk', verifiedAt: '2026-10-01' }),
        contact({ id: 'd', maintainer: 'ole@region.dk', verifiedAt: '2025-12-31' }),
      ],
      '2026-11-22',
      6,
    );
    expect([...groups.keys()].sort()).toEqual(['hanne@region.dk', 'ole@region.dk']);
    expect(groups.get('hanne@region.dk')?.map((c) => c.id)).toEqual(['b', 'a']);
    expect(groups.get('ole@region.dk')?.map((c) => c.id)).toEqual(['d']);
  });
});
