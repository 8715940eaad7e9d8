import { describe, expect, it } from 'vitest';
import { csvCell } from '../../functions/domain/contact-csv.ts';
import {
  bundledReferenceData,
  type CancerType,
  type MaintainedData,
} from '../../functions/domain/reference.ts';
import { applyEdit, referenceToCsv, retireBlocker } from '../../functions/domain/reference-edit.ts';
import { parseReferenceCsv } from '../../functions/domain/schemas/reference-edit.ts';

const data: MaintainedData = bundledReferenceData();
const csv = referenceToCsv(data, csvCell);
const header = csv.split('\r\n')[0];

describe('maintaining reference data', () => {
  it('reads its own export back entry for entry', () => {
    const { rows, errors } = parseReferenceCsv(csv, data);

    expect(errors).toEqual([]);
    expect(rows).toHaveLength(data.hospitals.length + data.departments.length + data.cancerTypes.length);
    const suh = rows.find((r) => r.entry.id === 'suh-brystkirurgi')?.entry;
    expect(suh).toEqual(data.departments.find((d) => d.id === 'suh-brystkirurgi'));
  });

  it('names every bad line, including references to entries that do not exist', () => {
    const text = `${header}\r\nhospital;nyt-hospital;Nyt Hospital;;atlantis;;;;;\r\ndepartment;ny-afd;Ny Afdeling;;;findes-ikke;brystkraeft;kirurgi;nej;\r\ncancer-type;Stort-Id;X;Y;;;;;;\r\n`;

    const { errors } = parseReferenceCsv(text, data);

    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/^Linje 2: region: Vælg en region\./);
    expect(errors.some((e) => /^Linje 4: id: Id må kun indeholde små bogstaver/.test(e))).toBe(true);
    expect(errors.some((e) => /^Linje 3: Vælg et hospital fra listen/.test(e))).toBe(true);
  });

  it('accepts a department whose new hospital is in the same file', () => {
    const text = `${header}\r\nhospital;nyt-hospital;Nyt Hospital;;sjaelland;;;;;\r\ndepartment;ny-afd;Ny Afdeling;;;nyt-hospital;brystkraeft;kirurgi;ja;\r\n`;

    expect(parseReferenceCsv(text, data).errors).toEqual([]);
  });

  it('keeps a renamed entry’s former name with the date', () => {
    const before: CancerType = { id: 'lungekraeft', name: 'Lungekræft', nameEn: 'Lung cancer' };

    const after = applyEdit(before, { ...before, name: 'Lunge- og lungehindekræft' }, '2026-12-01');

    expect(after.formerNames).toEqual([{ name: 'Lungekræft', until: '2026-12-01' }]);
    expect(applyEdit(after, { ...before, name: after.name }, '2026-12-02').formerNames).toHaveLength(1);
  });

  it('refuses to retire a hospital or cancer type that active departments still use', () => {
    expect(retireBlocker('hospital', 'rigshospitalet', data)).toMatch(/aktive afdelinger/);
    expect(retireBlocker('cancer-type', 'brystkraeft', data)).toMatch(/aktive afdelinger/);
    expect(retireBlocker('department', 'suh-brystkirurgi', data)).toBeUndefined();
  });
});
