/**
 * A problem's facts, described once: each with its label and its value in Danish and English.
 * The problem page, the e-mails and the CSV export all render these lists, so a new report field
 * is shown everywhere by adding one entry here.
 *
 * `until` is the one date for "when the problem is expected to be over" (the reporter's estimate,
 * shown as "Forventes at vare til"); `resolvedAt` is when it actually was resolved.
 */
import { csvCell } from './contact-csv.ts';
import { LEVEL_NAMES } from './ladder.ts';
import { type Label, type Lang, PATHWAY_TYPE_LIST, SCOPE_LIST, TREATMENT_MODALITY_LIST } from './lists.ts';
import type { Problem } from './problem.ts';
import { findDepartment, referenceData } from './reference.ts';
import { formatDate, formatDateTime } from './time.ts';
import { weeklyBasisText } from './weekly.ts';

export interface Fact {
  id: string;
  label: Label;
  /** Empty in both languages when the problem has no value for it (renderers skip it). */
  value: Label;
}

/** "Behandling (kirurgi, strålebehandling)": the pathway types with the treatment modalities. */
export function affectedText(problem: Pick<Problem, 'pathwayTypes' | 'modalities'>, lang: Lang): string {
  return problem.pathwayTypes
    .map((p) => {
      const label = PATHWAY_TYPE_LIST.label(p, lang);
      const modalities = problem.modalities.map((m) => TREATMENT_MODALITY_LIST.label(m, lang).toLowerCase());
      return p === 'behandling' && modalities.length > 0 ? `${label} (${modalities.join(', ')})` : label;
    })
    .join(', ');
}

function periodText(problem: Problem, lang: Lang): string {
  const from = formatDate(problem.from, lang);
  const until = problem.until ? formatDate(problem.until, lang) : undefined;
  const text =
    lang === 'da'
      ? `Fra ${from}${until ? `, forventes at vare til ${until}` : ''}`
      : `From ${from}${until ? `, expected to last until ${until}` : ''}`;
  if (!problem.longLasting) return text;
  return `${text}${lang === 'da' ? ' – forventes længerevarende' : ' – expected to be long-lasting'}`;
}

function departmentText(problem: Problem, lang: Lang): string {
  const department = findDepartment(problem.departmentId);
  const region = referenceData().regions.find((r) => r.id === problem.region);
  const regionText = region ? (lang === 'da' ? region.name : region.nameEn) : problem.region;
  return department
    ? `${department.name}, ${department.hospitalName} (${regionText})`
    : `${problem.departmentId} (${regionText})`;
}

interface FactDefinition {
  id: string;
  /** The label as a column heading (CSV). */
  label: Label;
  /** A label that depends on the problem (the page, the e-mails); `label` otherwise. */
  labelFor?: (problem: Problem) => Label;
  /** The value in one language; '' when the problem has none. */
  value: (problem: Problem, lang: Lang) => string;
}

/** What the reporter said: the page's summary, every e-mail and the CSV show these. */
const REPORT_FACTS: FactDefinition[] = [
  { id: 'ref', label: { da: 'Reference', en: 'Reference' }, value: (p) => p.ref },
  { id: 'department', label: { da: 'Afdeling', en: 'Department' }, value: departmentText },
  {
    id: 'cancerType',
    label: { da: 'Kræftform', en: 'Cancer type' },
    value: (p, lang) => {
      const cancer = referenceData().cancerTypes.find((c) => c.id === p.cancerType);
      return cancer ? (lang === 'da' ? cancer.name : cancer.nameEn) : p.cancerType;
    },
  },
  { id: 'affected', label: { da: 'Berørt', en: 'Affected' }, value: affectedText },
  {
    id: 'patientsAtRisk',
    label: {
      da: 'Patienter i risiko for at overskride den maksimale ventetid',
      en: 'Patients at risk of exceeding the maximum waiting time',
    },
    value: (p) => String(p.patientsAtRisk),
  },
  { id: 'period', label: { da: 'Periode', en: 'Period' }, value: periodText },
  { id: 'scope', label: { da: 'Omfang', en: 'Scope' }, value: (p, lang) => SCOPE_LIST.label(p.scope, lang) },
  {
    id: 'description',
    label: { da: 'Beskrivelse', en: 'Description' },
    value: (p, lang) => (p.weeklyBasis ? weeklyBasisText(p.weeklyBasis, lang) : p.description),
  },
];

/** Where the problem stands now: the page and the CSV show these after the report's facts. */
const STATE_FACTS: FactDefinition[] = [
  {
    id: 'status',
    label: { da: 'Status', en: 'Status' },
    value: (p, lang) =>
      p.status === 'resolved'
        ? { da: 'Løst', en: 'Resolved' }[lang]
        : `${lang === 'da' ? 'Niveau' : 'Level'} ${p.level}: ${LEVEL_NAMES[p.level][lang]}`,
  },
  {
    id: 'offeredPatients',
    label: { da: 'Tilbudt kapacitet', en: 'Capacity offered' },
    value: (p, lang) => `${p.offeredPatients} ${lang === 'da' ? 'patienter' : 'patients'}`,
  },
  {
    id: 'deadline',
    label: { da: 'Svarfrist eller næste påmindelse', en: 'Response deadline or next reminder' },
    labelFor: (p) =>
      p.level < 4
        ? { da: 'Svarfrist på dette niveau', en: 'Response deadline at this level' }
        : { da: 'Næste påmindelse', en: 'Next reminder' },
    value: (p, lang) => (p.status === 'open' && p.deadline ? formatDateTime(p.deadline, lang) : ''),
  },
  {
    id: 'createdAt',
    label: { da: 'Indberettet', en: 'Reported' },
    value: (p, lang) => formatDateTime(p.createdAt, lang),
  },
  {
    id: 'resolvedAt',
    label: { da: 'Løst', en: 'Resolved' },
    value: (p, lang) => (p.resolvedAt ? formatDateTime(p.resolvedAt, lang) : ''),
  },
];

function factsOf(definitions: FactDefinition[], problem: Problem): Fact[] {
  return definitions.map((d) => ({
    id: d.id,
    label: d.labelFor?.(problem) ?? d.label,
    value: { da: d.value(problem, 'da'), en: d.value(problem, 'en') },
  }));
}

export const reportFacts = (problem: Problem): Fact[] => factsOf(REPORT_FACTS, problem);
export const stateFacts = (problem: Problem): Fact[] => factsOf(STATE_FACTS, problem);

/** The facts that have a value, as `Label: value` lines (e-mails). */
export function factLines(facts: Fact[], lang: Lang = 'da'): string[] {
  return facts.filter((f) => f.value[lang] !== '').map((f) => `${f.label[lang]}: ${f.value[lang]}`);
}

/** Problems → `;`-separated CSV (Danish Excel): one column per fact, the same facts as the page. */
export function problemsToCsv(problems: Problem[], lang: Lang = 'da'): string {
  const definitions = [...REPORT_FACTS, ...STATE_FACTS];
  const lines = [
    definitions.map((d) => d.label[lang]),
    ...problems.map((p) => definitions.map((d) => d.value(p, lang))),
  ];
  return `${lines.map((l) => l.map(csvCell).join(';')).join('\r\n')}\r\n`;
}
