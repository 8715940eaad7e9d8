import type { CancerType, Department, Hospital, MaintainedData } from './reference.ts';

export const REFERENCE_KINDS = ['hospital', 'department', 'cancer-type'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];
export type ReferenceEntry = Hospital | Department | CancerType;

export const LIST_OF: Record<ReferenceKind, keyof MaintainedData> = {
  hospital: 'hospitals',
  department: 'departments',
  'cancer-type': 'cancerTypes',
};

/** The most characters of a name (the forms show the same limit). */
export const REFERENCE_NAME_MAX = 120;
/** References to other entries must be to active ones: `{ field: message }`, empty when fine. */
export function referenceErrors(
  kind: ReferenceKind,
  entry: Record<string, unknown>,
  all: MaintainedData,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (kind !== 'department') return errors;
  const hospital = all.hospitals.find((h) => h.id === entry.hospital);
  if (!hospital || hospital.retiredAt) errors.hospital = 'Vælg et hospital fra listen (ikke et udgået).';
  const cancerTypes = (entry.cancerTypes as string[] | undefined) ?? [];
  const unknown = cancerTypes.filter((c) => !all.cancerTypes.some((t) => t.id === c && !t.retiredAt));
  if (unknown.length > 0) errors.cancerTypes = `Ukendt eller udgået kræftform: ${unknown.join(', ')}.`;
  return errors;
}

/** Why an entry may not be retired (active entries still refer to it), or undefined. */
export function retireBlocker(kind: ReferenceKind, entryId: string, all: MaintainedData): string | undefined {
  const active = all.departments.filter((d) => !d.retiredAt);
  if (kind === 'hospital') {
    const users = active.filter((d) => d.hospital === entryId);
    if (users.length > 0)
      return `Hospitalet har aktive afdelinger (${users.map((d) => d.name).join(', ')}). Lad dem udgå først.`;
  }
  if (kind === 'cancer-type') {
    const users = active.filter((d) => d.cancerTypes.includes(entryId));
    if (users.length > 0)
      return `Kræftformen bruges af aktive afdelinger (${users.map((d) => d.id).join(', ')}). Ret dem først.`;
  }
  return undefined;
}

/** The entry after an edit: a new name keeps the former one with the date it was used until. */
export function applyEdit<T extends ReferenceEntry>(current: T | undefined, input: T, today: string): T {
  if (!current) return input;
  const renamed = current.name !== input.name;
  const formerNames = [
    ...(current.formerNames ?? []),
    ...(renamed ? [{ name: current.name, until: today }] : []),
  ];
  return {
    ...input,
    ...(formerNames.length > 0 ? { formerNames } : {}),
    ...(current.retiredAt ? { retiredAt: current.retiredAt } : {}),
  };
}

// ---------------------------------------------------------------- CSV

export const REFERENCE_CSV_COLUMNS = [
  'kind',
  'id',
  'name',
  'nameEn',
  'region',
  'hospital',
  'cancerTypes',
  'modalities',
  'udredning',
  'retiredAt',
] as const;

/** The maintained lists as one `;`-separated CSV (lists with `|`), readable again by `parseReferenceCsv`. */
export function referenceToCsv(all: MaintainedData, cell: (value: string) => string): string {
  const rows: string[][] = [[...REFERENCE_CSV_COLUMNS]];
  for (const kind of REFERENCE_KINDS) {
    for (const e of all[LIST_OF[kind]] as ReferenceEntry[]) {
      const d = e as Partial<Department & Hospital>;
      rows.push([
        kind,
        e.id,
        e.name,
        e.nameEn ?? '',
        d.region ?? '',
        d.hospital ?? '',
        (d.cancerTypes ?? []).join('|'),
        (d.modalities ?? []).join('|'),
        kind === 'department' ? (d.udredning ? 'ja' : 'nej') : '',
        e.retiredAt ?? '',
      ]);
    }
  }
  return `${rows.map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`;
}
