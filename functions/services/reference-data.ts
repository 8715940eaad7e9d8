/**
 * The secretariat's maintenance of hospitals, departments and cancer types: add, edit (a rename
 * keeps the former name), retire, CSV export and import. Every change is on the audit trail.
 */

import { currentTime } from '#adapters/deps.ts';
import { loadReferenceData, putEntry, type StoredEntry, storedEntries } from '#adapters/reference-store.ts';
import { csvCell, DANISH_REPORT, type ReportLanguage } from '#domain/contact-csv.ts';
import type { Person } from '#domain/problem.ts';
import { allReferenceData, type MaintainedData } from '#domain/reference.ts';
import {
  applyEdit,
  type ReferenceEntry,
  type ReferenceKind,
  referenceErrors,
  referenceToCsv,
  retireBlocker,
} from '#domain/reference-edit.ts';
import { entrySchemas, parseReferenceCsv } from '#domain/schemas/reference-edit.ts';
import { localDate } from '#domain/time.ts';
import { phrase } from '#web/i18n/phrase.ts';
import { ForbiddenError } from './actors.ts';
import { changedFields, recordAudit } from './audit.ts';

export function mayMaintainReference(role: string): boolean {
  return role === 'secretariat' || role === 'admin';
}

function requireMaintainer(who: Person): void {
  if (!mayMaintainReference(who.role)) throw new ForbiddenError(phrase('error.reference.manageOnly'));
}

function maintained(): MaintainedData {
  const all = allReferenceData();
  return { hospitals: all.hospitals, departments: all.departments, cancerTypes: all.cancerTypes };
}

/** The stored entry with its version, read fresh from the table. */
async function current(kind: ReferenceKind, id: string): Promise<StoredEntry | undefined> {
  await loadReferenceData({ force: true });
  return storedEntries().find((e) => e.kind === kind && e.entry.id === id);
}

export type SaveResult = { ok: true; entry: ReferenceEntry } | { ok: false; errors: Record<string, string> };

/** Adds (`isNew`) or edits one entry; field errors in Danish when the input is not valid. */
export async function saveReferenceEntry(
  kind: ReferenceKind,
  input: unknown,
  who: Person,
  isNew: boolean,
  editedId?: string,
): Promise<SaveResult> {
  requireMaintainer(who);
  const parsed = entrySchemas[kind].safeParse(input);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? '_form')] ??= issue.message;
    return { ok: false, errors };
  }
  const entry = parsed.data as ReferenceEntry;
  if (!isNew && editedId !== entry.id) return { ok: false, errors: { id: 'Id kan ikke ændres.' } };
  const before = await current(kind, entry.id);
  if (isNew && before) return { ok: false, errors: { id: 'Id’et findes allerede.' } };
  if (!isNew && !before) return { ok: false, errors: { _form: 'Posten findes ikke.' } };
  const errors = referenceErrors(kind, entry as unknown as Record<string, unknown>, maintained());
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const next = applyEdit(before?.entry, entry, localDate(currentTime()));
  await write(kind, next, before, who, isNew ? 'created' : 'updated');
  await loadReferenceData({ force: true });
  return { ok: true, entry: next };
}

/** Retires an entry: it stays (names of old problems and reports) but leaves every form. */
export async function retireReferenceEntry(
  kind: ReferenceKind,
  id: string,
  who: Person,
): Promise<string | undefined> {
  requireMaintainer(who);
  const before = await current(kind, id);
  if (!before) return 'Posten findes ikke.';
  if (before.entry.retiredAt) return undefined;
  const blocker = retireBlocker(kind, id, maintained());
  if (blocker) return blocker;
  await write(kind, { ...before.entry, retiredAt: localDate(currentTime()) }, before, who, 'retired');
  await loadReferenceData({ force: true });
  return undefined;
}

async function write(
  kind: ReferenceKind,
  entry: ReferenceEntry,
  before: StoredEntry | undefined,
  who: Person,
  action: 'created' | 'updated' | 'retired' | 'imported',
): Promise<void> {
  const at = currentTime();
  await putEntry(
    { kind, entry, version: (before?.version ?? 0) + 1, updatedAt: at.toISOString() },
    before ? { expectedVersion: before.version } : 'new',
  );
  const summary =
    action === 'created'
      ? phrase('trail.reference.created', { kind, name: entry.name })
      : action === 'retired'
        ? phrase('trail.reference.retired', { kind, name: entry.name })
        : phrase('trail.reference.updated', {
            kind,
            fields: before ? changedFields(before.entry, entry).join(',') : entry.name,
          });
  await recordAudit(who, 'reference-data', `${kind}:${entry.id}`, action, summary, {
    ...(before ? { before: before.entry } : {}),
    after: entry,
    at,
  });
}

export async function exportReferenceCsv(): Promise<string> {
  await loadReferenceData({ force: true });
  return referenceToCsv(maintained(), csvCell);
}

export interface ImportResult {
  errors: string[];
  created: number;
  updated: number;
  retired: number;
  unchanged: number;
}

/** Imports /stamdata.csv: every row is checked first; one bad row and nothing is written. */
export async function importReferenceCsv(
  text: string,
  who: Person,
  report: ReportLanguage = DANISH_REPORT,
): Promise<ImportResult> {
  requireMaintainer(who);
  await loadReferenceData({ force: true });
  const { rows, errors } = parseReferenceCsv(text, maintained(), report);
  const result: ImportResult = { errors, created: 0, updated: 0, retired: 0, unchanged: 0 };
  if (errors.length > 0) return result;
  const today = localDate(currentTime());
  for (const row of rows) {
    const before = storedEntries().find((e) => e.kind === row.kind && e.entry.id === row.entry.id);
    const edited = applyEdit(before?.entry, row.entry, today);
    const next = row.retire && !edited.retiredAt ? { ...edited, retiredAt: today } : edited;
    if (!row.retire && next.retiredAt) delete next.retiredAt; // a cleared retiredAt reinstates
    if (before && changedFields(before.entry, next).length === 0) {
      result.unchanged++;
      continue;
    }
    await write(row.kind, next, before, who, before ? 'imported' : 'created');
    if (!before) result.created++;
    else if (next.retiredAt && !before.entry.retiredAt) result.retired++;
    else result.updated++;
  }
  await loadReferenceData({ force: true });
  return result;
}
