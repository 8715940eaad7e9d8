import { describe, expect, it } from 'vitest';
import { REGION_IDS, referenceData } from '../../functions/domain/reference.ts';
import { checkBundledReferenceData } from '../../functions/domain/schemas/reference.ts';

const MAIN_CANCER_TYPES = ['brystkraeft', 'lungekraeft', 'tyk-endetarmskraeft'] as const;
const TREATMENT_KINDS = ['udredning', 'kirurgi', 'medicinsk', 'straalebehandling'] as const;

describe('reference data', () => {
  it('loads and validates against the schemas and the consistency check', () => {
    // The shipped files pass the schemas (a Lambda reads them as built, unchecked).
    expect(() => checkBundledReferenceData()).not.toThrow();
    expect(() => referenceData()).not.toThrow();
    const data = referenceData();
    expect(data.hospitals.length).toBeGreaterThan(0);
    expect(data.cancerTypes.length).toBeGreaterThanOrEqual(15);
    expect(data.departments.length).toBeGreaterThan(0);
    expect(data.contacts.length).toBeGreaterThan(0);
  });

  it('names the file and field when a shipped file breaks the schema', async () => {
    const regions = (await import('../../data/regions.json', { with: { type: 'json' } })).default as {
      name: string;
    }[];
    const first = regions[0] as { name: string };
    const name = first.name;
    first.name = '';
    try {
      expect(() => checkBundledReferenceData()).toThrow(/data\/regions\.json is not valid[\s\S]*name/);
    } finally {
      first.name = name;
    }
  });

  it('has exactly the five Danish regions', () => {
    const { regions } = referenceData();
    expect(regions).toHaveLength(5);
    expect(regions.map((r) => r.id).sort()).toEqual([...REGION_IDS].sort());
    expect(regions.find((r) => r.id === 'sjaelland')?.name).toBe('Region Sjælland');
  });

  it('has the three main cancer types with their Danish names', () => {
    const { cancerTypes } = referenceData();
    const name = (id: string) => cancerTypes.find((c) => c.id === id)?.name;
    expect(name('brystkraeft')).toBe('Brystkræft');
    expect(name('lungekraeft')).toBe('Lungekræft');
    expect(name('tyk-endetarmskraeft')).toBe('Kræft i tyk- og endetarm');
  });

  it('has the Sjælland breast-surgery demo department and its coordinator', () => {
    const { departments, contacts } = referenceData();
    expect(departments.find((d) => d.id === 'suh-brystkirurgi')).toMatchObject({
      hospital: 'sjaellands-universitetshospital',
      cancerTypes: ['brystkraeft'],
      modalities: ['kirurgi'],
      udredning: true,
    });
    expect(contacts.find((c) => c.id === 'suh-brystkirurgi-koordinator')).toMatchObject({
      role: 'department',
      department: 'suh-brystkirurgi',
      name: 'Mette Holm',
      email: 'mette.holm@regionsjaelland.example',
    });
  });

  describe.each(MAIN_CANCER_TYPES)('%s', (cancerType) => {
    it.each(REGION_IDS)('region %s has departments, primary entries and a network member', (region) => {
      const { hospitals, departments, contacts } = referenceData();
      const regionOf = new Map(hospitals.map((h) => [h.id, h.region]));
      const treating = departments.filter(
        (d) => regionOf.get(d.hospital) === region && d.cancerTypes.includes(cancerType),
      );
      expect(treating.length).toBeGreaterThanOrEqual(1);

      const primaries = contacts.filter(
        (c) => c.role === 'primary' && c.region === region && c.cancerTypes.includes(cancerType),
      );
      for (const kind of TREATMENT_KINDS) {
        expect(
          primaries.some((c) => c.modalities.includes(kind)),
          `primærindgang for ${kind}`,
        ).toBe(true);
      }

      const network = contacts.filter(
        (c) => c.role === 'network' && c.region === region && c.cancerTypes.includes(cancerType),
      );
      expect(network.length).toBeGreaterThanOrEqual(1);
    });
  });

  it('has five health directors, one per region', () => {
    const directors = referenceData().contacts.filter((c) => c.role === 'director');
    expect(directors).toHaveLength(5);
    expect(directors.map((c) => c.region).sort()).toEqual([...REGION_IDS].sort());
  });

  it('has a secretariat and a Danske Regioner contact', () => {
    const { contacts } = referenceData();
    expect(contacts.filter((c) => c.role === 'secretariat').length).toBeGreaterThanOrEqual(1);
    expect(contacts.filter((c) => c.role === 'danske-regioner').length).toBeGreaterThanOrEqual(1);
  });

  it('gives every department a department contact', () => {
    const { departments, contacts } = referenceData();
    for (const d of departments) {
      expect(
        contacts.some((c) => c.role === 'department' && c.department === d.id),
        d.id,
      ).toBe(true);
    }
  });

  it('has unique ids in every list', () => {
    const data = referenceData();
    for (const list of [data.regions, data.hospitals, data.cancerTypes, data.departments, data.contacts]) {
      const ids = list.map((x) => x.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('uses only reserved .example e-mail addresses (no real people or mailboxes)', () => {
    for (const c of referenceData().contacts) {
      expect(c.email, c.id).toMatch(/@[a-z0-9.-]+\.example$/);
      expect(c.maintainer, c.id).toMatch(/@[a-z0-9.-]+\.example$/);
    }
  });

  it('has verification dates in 2026 with some entries older than six months before November', () => {
    const { contacts } = referenceData();
    for (const c of contacts) {
      expect(c.verifiedAt >= '2026-03-01' && c.verifiedAt <= '2026-11-15', c.id).toBe(true);
    }
    expect(contacts.some((c) => c.verifiedAt < '2026-05-20')).toBe(true);
  });
});
