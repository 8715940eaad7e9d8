/**
 * The external-provider register and its checklists, edited and imported: validated with their
 * schemas, which only these write paths build (the capacity finder and the jobs read through
 * services/external-providers.ts alone).
 */
import { currentTime } from '#adapters/deps.ts';
import {
  getExternalProvider,
  listExternalProviders,
  putExternalProvider,
  putRecord,
} from '#adapters/store.ts';
import { DANISH_REPORT, type ReportLanguage } from '#domain/contact-csv.ts';
import { forEachLimited, MAX_IMPORT_ROWS, mayManageContacts } from '#domain/contact-lists.ts';
import {
  type ChecklistTemplate,
  checklistFromForm,
  type ExternalProvider,
  type ProviderKind,
} from '#domain/external-providers.ts';
import {
  checklistFormSchema,
  type ExternalProviderInput,
  externalProviderSchema,
  parseProvidersCsv,
} from '#domain/schemas/external-providers.ts';
import { fieldErrors } from '#domain/schemas/problem.ts';
import { localDate } from '#domain/time.ts';
import { phrase } from '#web/i18n/phrase.ts';
import { type Actor, asPerson, ForbiddenError, NotFoundError } from './actors.ts';
import { changedFields, recordAudit, updatePhrase } from './audit.ts';
import { checklistTemplate } from './external-providers.ts';

const MANAGE_ONLY = phrase('external.manageOnly');

export type ProviderSaveResult =
  | { ok: true; provider: ExternalProvider }
  | { ok: false; errors: Record<string, string> };

/** Creates (no `existingId`) or updates a provider; secretariat and administrators only. */
export async function saveExternalProvider(
  actor: Actor,
  input: unknown,
  existingId?: string,
): Promise<ProviderSaveResult> {
  if (!mayManageContacts(actor)) throw new ForbiddenError(MANAGE_ONLY);
  const existing = existingId ? await getExternalProvider(existingId) : undefined;
  if (existingId && !existing) throw new NotFoundError(phrase('external.notFound'));
  const parsed = externalProviderSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  if (existing && parsed.data.id !== existing.id) return { ok: false, errors: { id: 'Id kan ikke ændres.' } };
  if (!existing && (await getExternalProvider(parsed.data.id)))
    return { ok: false, errors: { id: 'Der findes allerede en udbyder med dette id.' } };
  const provider = await store(actor, parsed.data, existing, existing ? 'updated' : 'created');
  return { ok: true, provider };
}

async function store(
  actor: Actor,
  input: ExternalProviderInput,
  before: ExternalProvider | undefined,
  action: 'created' | 'updated' | 'imported',
): Promise<ExternalProvider> {
  // Saving or importing is the secretariat vouching for the details: it counts as confirming them.
  const today = localDate(currentTime());
  const provider: ExternalProvider = { ...input, updatedAt: today, verifiedAt: today };
  await putExternalProvider(provider);
  const changed = before ? changedFields(before, provider) : [];
  const summary =
    action === 'imported'
      ? before
        ? updatePhrase(changed, { changed: 'trail.imported', nothing: 'trail.importedNothing' })
        : phrase('trail.importedNewNamed', { name: provider.name })
      : before
        ? updatePhrase(changed, { changed: 'trail.updated', nothing: 'trail.updatedNothing' })
        : phrase('trail.created', { name: provider.name });
  await recordAudit(asPerson(actor), 'external-provider', provider.id, action, summary, {
    before,
    after: provider,
  });
  return provider;
}

export interface ProviderImportReport {
  imported: number;
  created: number;
  updated: number;
  errors: string[];
}

/** CSV import, all or nothing: every row is validated before the first is written; upsert by id. */
export async function importExternalProvidersCsv(
  actor: Actor,
  text: string,
  report: ReportLanguage = DANISH_REPORT,
): Promise<ProviderImportReport> {
  if (!mayManageContacts(actor)) throw new ForbiddenError(MANAGE_ONLY);
  const { providers, errors } = parseProvidersCsv(text, report);
  if (errors.length > 0) return { imported: 0, created: 0, updated: 0, errors };
  if (providers.length > MAX_IMPORT_ROWS)
    return {
      imported: 0,
      created: 0,
      updated: 0,
      errors: [
        report.word(
          `Filen har ${providers.length} udbydere; der kan højst importeres ${MAX_IMPORT_ROWS} ad gangen.`,
        ),
      ],
    };
  const existing = new Map((await listExternalProviders()).map((p) => [p.id, p]));
  let created = 0;
  await forEachLimited(providers, 10, async (input) => {
    const before = existing.get(input.id);
    await store(actor, input, before, 'imported');
    if (!before) created++;
  });
  return { imported: providers.length, created, updated: providers.length - created, errors: [] };
}

export async function saveChecklistTemplate(
  actor: Actor,
  kind: ProviderKind,
  sections: unknown,
): Promise<{ ok: true; template: ChecklistTemplate } | { ok: false; errors: Record<string, string> }> {
  if (!mayManageContacts(actor)) throw new ForbiddenError(phrase('error.external.checklistSecretariatOnly'));
  const parsed = checklistFormSchema.safeParse(sections);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[`section${String(issue.path[0] ?? 0)}`] ??= issue.message;
    return { ok: false, errors };
  }
  const before = await checklistTemplate(kind);
  const template = checklistFromForm(kind, parsed.data);
  await putRecord('CHECKLIST', kind, { ...template });
  await recordAudit(
    asPerson(actor),
    'referral-checklist',
    kind,
    'updated',
    phrase('trail.checklist.updated'),
    {
      before,
      after: template,
    },
  );
  return { ok: true, template };
}
