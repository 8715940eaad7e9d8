/**
 * JSON API of the weekly exchange. `POST /api/weekly-reports` takes one department's report or
 * `{ reports: [...] }` for many (regional systems); each department is authorised on its own
 * (services/weekly.ts mayReportWeeklyFor) and a bulk call is accepted or refused whole.
 */

import { referenceData } from '#domain/reference.ts';
import { pathErrors, weeklyBulkSchema, weeklySubmissionSchema } from '#domain/schemas/weekly.ts';
import type { WeeklySubmission } from '#domain/weekly.ts';
import { phrase } from '#web/i18n/phrase.ts';
import { cancerOverview, capacityFinder, nationalOverview, submitWeekly } from '../../services/weekly.ts';
import { parseJson } from '../forms.ts';
import { requireActor } from '../identity.ts';
import { jsonResponse } from '../respond.ts';
import { HttpError, type Request, type RouteHandlers } from '../types.ts';
import { finderInput } from './weekly-pages.ts';

async function submit(req: Request) {
  const actor = requireActor(req);
  const body = parseJson(req.body);
  const bulk = typeof body === 'object' && body !== null && 'reports' in body;
  let items: unknown[] = [body];
  if (bulk) {
    const parsed = weeklyBulkSchema.safeParse(body);
    if (!parsed.success)
      throw new HttpError(400, phrase('error.request.invalidData'), pathErrors(parsed.error));
    items = parsed.data.reports;
  }
  const fields: Record<string, string> = {};
  const submissions: WeeklySubmission[] = [];
  items.forEach((item, i) => {
    const parsed = weeklySubmissionSchema.safeParse(item);
    if (parsed.success) submissions.push(parsed.data);
    else
      for (const [k, v] of Object.entries(pathErrors(parsed.error)))
        fields[bulk ? `reports.${i}.${k}` : k] = v;
  });
  if (Object.keys(fields).length > 0) throw new HttpError(400, phrase('error.request.invalidData'), fields);
  const ids = submissions.map((s) => s.departmentId);
  if (new Set(ids).size !== ids.length) throw new HttpError(400, phrase('error.request.sameDepartmentTwice'));
  const results = await submitWeekly(submissions, actor);
  return jsonResponse(bulk ? { results } : results[0], 201);
}

async function find(req: Request) {
  const actor = requireActor(req);
  const input = finderInput(req.query, actor.region);
  if (!input.query) throw new HttpError(400, phrase('error.request.invalidData'), input.errors);
  return jsonResponse({ query: input.query, ...(await capacityFinder(input.query)) });
}

async function overview(req: Request) {
  requireActor(req);
  const cancerType = req.params.cancerType;
  if (cancerType === undefined) return jsonResponse(await nationalOverview());
  if (!referenceData().cancerTypes.some((c) => c.id === cancerType))
    throw new HttpError(404, phrase('weekly.cancer.unknown'));
  return jsonResponse(await cancerOverview(cancerType));
}

/** The group's handlers by name; their methods and paths are in routes/table.ts. */
export const weeklyApiHandlers = { overview, submit, find } satisfies RouteHandlers;
