/**
 * The closed lists of the domain — treatment and diagnostic modalities, pathway types, scopes,
 * roles — each written once as `{ id, label: { da, en } }`. Zod schemas (schemas/lists.ts), form fields, overview
 * columns, labels and the OpenAPI are derived from these tables, so adding a modality is one line
 * here. No data files are imported: every function may use this module at no bundle cost.
 */
export type Lang = 'da' | 'en';
export interface Label {
  da: string;
  en: string;
}
export interface ListItem<Id extends string = string> {
  id: Id;
  label: Label;
}

export interface List<Id extends string> {
  readonly items: readonly ListItem<Id>[];
  /** The ids in order, for `z.enum`, loops and `(typeof ids)[number]`. */
  readonly ids: readonly [Id, ...Id[]];
  /** `{ id: label }` in one language. */
  labels(lang?: Lang): Record<Id, string>;
  label(id: Id, lang?: Lang): string;
  has(id: string): id is Id;
}

export function defineList<const Id extends string>(items: readonly ListItem<Id>[]): List<Id> {
  if (items.length === 0) throw new Error('A list needs at least one item.');
  const ids = items.map((i) => i.id) as unknown as readonly [Id, ...Id[]];
  const labels = (lang: Lang = 'da') =>
    Object.fromEntries(items.map((i) => [i.id, i.label[lang]])) as Record<Id, string>;
  const byLang = { da: labels('da'), en: labels('en') };
  return {
    items,
    ids,
    labels: (lang = 'da') => byLang[lang],
    label: (id, lang = 'da') => byLang[lang][id] ?? id,
    has: (id): id is Id => (ids as readonly string[]).includes(id),
  };
}

/** Treatment modalities named by the agreement and the brief. */
export const TREATMENT_MODALITY_LIST = defineList([
  { id: 'kirurgi', label: { da: 'Kirurgi', en: 'Surgery' } },
  { id: 'medicinsk', label: { da: 'Medicinsk behandling', en: 'Medical oncology' } },
  { id: 'straalebehandling', label: { da: 'Strålebehandling', en: 'Radiotherapy' } },
]);

/** What a problem can affect: udredning (diagnostic work-up) and/or treatment. */
export const PATHWAY_TYPE_LIST = defineList([
  { id: 'udredning', label: { da: 'Udredning', en: 'Diagnostic work-up (udredning)' } },
  { id: 'behandling', label: { da: 'Behandling', en: 'Treatment' } },
]);

/**
 * What a patient waits for: udredning or one treatment modality — the weekly exchange's
 * columns, the finder's pathway, an offer's treatment, a primærindgang's treatment types.
 */
export const WAIT_PATHWAY_LIST = defineList([
  { id: 'udredning', label: { da: 'Udredning', en: 'Diagnostic work-up (udredning)' } },
  ...TREATMENT_MODALITY_LIST.items,
]);

/** Optional diagnostic modalities for the weekly exchange. */
export const DIAGNOSTIC_MODALITY_LIST = defineList([
  { id: 'ct', label: { da: 'CT', en: 'CT' } },
  { id: 'mr', label: { da: 'MR', en: 'MRI' } },
  { id: 'petct', label: { da: 'PET-CT', en: 'PET-CT' } },
  { id: 'endoskopi', label: { da: 'Endoskopi', en: 'Endoscopy' } },
  { id: 'biopsi', label: { da: 'Biopsi/patologi', en: 'Biopsy/pathology' } },
]);

/** How far a problem reaches; decides the ladder's entry level. */
export const SCOPE_LIST = defineList([
  { id: 'hospital', label: { da: 'Ét hospital', en: 'One hospital' } },
  { id: 'region', label: { da: 'Regionen (flere hospitaler)', en: 'The region (several hospitals)' } },
  { id: 'regions', label: { da: 'Flere regioner', en: 'Several regions' } },
]);

/**
 * A contact's role on the ladder, in the ladder's order.
 * - `department`: a department's coordinator (level 1 recipient, and reporter)
 * - `hospital-management`: hospitalsledelse (informed at level 1)
 * - `primary`: a region's primærindgang for a cancer type and treatment type (level 2)
 * - `director`: a health director, member of sundhedsdirektørkredsen (levels 2 informed, 3)
 * - `network`: a chief physician (ledende overlæge) in a national network (level 4)
 * - `secretariat`: Specialenheden
 * - `danske-regioner`: Danske Regioner's contact
 */
export const CONTACT_ROLE_LIST = defineList([
  { id: 'department', label: { da: 'Afdeling', en: 'Department' } },
  { id: 'hospital-management', label: { da: 'Hospitalsledelse', en: 'Hospital management' } },
  { id: 'primary', label: { da: 'Primærindgang', en: 'Primærindgang (regional point of contact)' } },
  { id: 'director', label: { da: 'Sundhedsdirektør', en: 'Health director' } },
  { id: 'network', label: { da: 'Nationalt netværk', en: 'National network' } },
  { id: 'secretariat', label: { da: 'Specialenheden', en: 'Specialenheden (secretariat)' } },
  { id: 'danske-regioner', label: { da: 'Danske Regioner', en: 'Danske Regioner' } },
]);

/** Who a signed-in person is: a contact role, or an administrator. */
export const USER_ROLE_LIST = defineList([
  ...CONTACT_ROLE_LIST.items,
  { id: 'admin', label: { da: 'Administrator', en: 'Administrator' } },
]);
