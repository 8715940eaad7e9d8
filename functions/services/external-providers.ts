/**
 * Use cases of the external-provider register: the secretariat's edits and CSV import/export
 * (each change in the audit trail), the referral checklist templates, and the external part of
 * the capacity finder's answer.
 */

import { currentTime } from '#adapters/deps.ts';
import { getRecord, listExternalProviders } from '#adapters/store.ts';
import {
  type ChecklistTemplate,
  DEFAULT_CHECKLISTS,
  DEFAULT_CHECKLISTS_EN,
  type ExternalHit,
  type ExternalProvider,
  externalOptions,
  type ProviderKind,
  providersToCsv,
} from '#domain/external-providers.ts';
import { localDate } from '#domain/time.ts';
import { maxWaitFor, type Pathway } from '#domain/weekly.ts';
import type { Lang } from '#web/i18n/translate.ts';

/** The register, by name (Danish order). */
export async function externalProviders(): Promise<ExternalProvider[]> {
  return (await listExternalProviders()).sort((a, b) => a.name.localeCompare(b.name, 'da'));
}

export async function exportExternalProvidersCsv(): Promise<string> {
  return providersToCsv(await externalProviders());
}

// ---------------------------------------------------------------- checklists

/**
 * The secretariat's template for a kind, as written; until it has been edited, the default in the
 * reader's language.
 */
export async function checklistTemplate(kind: ProviderKind, lang: Lang = 'da'): Promise<ChecklistTemplate> {
  const stored = await getRecord<ChecklistTemplate>('CHECKLIST', kind);
  return stored ?? (lang === 'en' ? DEFAULT_CHECKLISTS_EN : DEFAULT_CHECKLISTS)[kind];
}

// ---------------------------------------------------------------- finder

/** The external part of a finder answer (empty while a public department can start in time). */
export async function externalFinderHits(args: {
  publicHits: number;
  cancerType: string;
  pathway: Pathway;
  providers?: ExternalProvider[];
}): Promise<ExternalHit[]> {
  if (args.publicHits > 0) return [];
  return externalOptions({
    publicHits: args.publicHits,
    providers: args.providers ?? (await listExternalProviders()),
    cancerType: args.cancerType,
    pathway: args.pathway,
    maxDays: maxWaitFor(args.pathway),
    today: localDate(currentTime()),
  });
}
