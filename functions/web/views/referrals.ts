/**
 * The weekly referral counts: the region's form (`/henvisninger`) and the tables that show the
 * counts on `/ventetider`, `/ventetider/<cancerType>`, the quarterly status and `/overvaagning`.
 * Every cell reads "accepted of offered".
 */
import type { WaitingPeriod } from '#domain/monitoring-figures.ts';
import { cancerTypeLabel, type RegionId, referenceData, regionLabel } from '#domain/reference.ts';
import {
  type ByDestination,
  DESTINATION_LIST,
  DESTINATIONS,
  emptyByDestination,
  quarterOfWeek,
  type ReferralFigures,
  type ReferralWeek,
  type Tally,
  tallyBy,
  tallyText,
  totalOf,
} from '#domain/referrals.ts';
import { formatDateTime } from '#domain/time.ts';
import { weekLabel } from '#domain/weekly.ts';
import { fieldError } from '../fields.ts';
import { html, type Raw } from '../html.ts';
import { type Lang, type Translate, translator } from '../i18n/index.ts';
import { errorSummary, notice, scrollTable } from '../layout.ts';

export type ReferralFormValues = Record<string, string | string[] | undefined>;

const STYLE = html`<style>
.kk-ref input.form-input{max-width:5.5rem;margin:0}
.kk-ref td,.kk-ref th{white-space:nowrap}
.kk-ref td{position:relative}
.kk-ref td small,.kk-refsum td small{display:block;color:#555}
</style>`;

/** The form's field name of one count: `<cancerType>.<destination>.offered`. */
export function referralField(
  cancerType: string,
  destination: string,
  which: 'offered' | 'accepted',
): string {
  return `${cancerType}.${destination}.${which}`;
}

function countInput(
  name: string,
  label: string,
  values: ReferralFormValues,
  errors: Record<string, string>,
  lang: Lang,
): Raw {
  const value = typeof values[name] === 'string' ? values[name] : '';
  const invalid = errors[name] !== undefined;
  return html`<label class="sr-only" for="${name}">${label}</label>${fieldError(errors, name, lang)}<input class="form-input" type="number" inputmode="numeric" min="0" step="1" id="${name}" name="${name}" value="${value}"${invalid ? html` aria-invalid="true" aria-describedby="${name}-fejl"` : ''}>`;
}

export function referralFormPage(args: {
  regions: RegionId[];
  region: RegionId;
  week: string;
  weeks: string[];
  values: ReferralFormValues;
  errors: Record<string, string>;
  csrf: string;
  saved?: ReferralWeek;
  stored?: ReferralWeek;
  lang?: Lang;
}): Raw {
  const lang = args.lang ?? 'da';
  const tr = translator(lang);
  const cancerTypes = referenceData().cancerTypes;
  const destination = (d: string) => DESTINATION_LIST.label(d as (typeof DESTINATIONS)[number], lang);
  const table = html`<table class="table kk-ref" id="henvisningstal">
<caption class="sr-only">${tr('referrals.form.caption', { region: regionLabel(args.region, lang), week: weekLabel(args.week, lang) })}</caption>
<thead><tr><th scope="col" rowspan="2">${tr('referrals.col.cancerType')}</th>${DESTINATIONS.map((d) => html`<th scope="colgroup" colspan="2">${destination(d)}</th>`)}</tr>
<tr>${DESTINATIONS.map(() => html`<th scope="col">${tr('referrals.col.offered')}</th><th scope="col">${tr('referrals.col.accepted')}</th>`)}</tr></thead>
<tbody>${cancerTypes.map(
    (c) =>
      html`<tr><th scope="row">${cancerTypeLabel(c.id, lang)}</th>${DESTINATIONS.map((d) => {
        const name = cancerTypeLabel(c.id, lang);
        return html`<td>${countInput(referralField(c.id, d, 'offered'), tr('referrals.field.offered', { cancerType: name, destination: destination(d) }), args.values, args.errors, lang)}</td><td>${countInput(referralField(c.id, d, 'accepted'), tr('referrals.field.accepted', { cancerType: name, destination: destination(d) }), args.values, args.errors, lang)}</td>`;
      })}</tr>`,
  )}</tbody></table>`;
  return html`${STYLE}
<h1>${tr('referrals.form.heading')}</h1>
<p class="font-lead">${tr('referrals.form.lead')}</p>
${args.saved ? notice('success', tr('referrals.form.saved', { region: regionLabel(args.saved.region, lang), week: weekLabel(args.saved.week, lang) }), tr('referrals.form.savedText', { ...totalOf(totals([args.saved])) })) : ''}
${!args.saved && args.stored ? notice('info', tr('referrals.form.prefilled', { at: formatDateTime(args.stored.submittedAt, lang) }), tr('referrals.form.prefilledText')) : ''}
<form method="get" action="/henvisninger" class="kk-filter">
<div class="form-group"><label class="form-label" for="region">${tr('referrals.form.region')}</label>
<select class="form-select" id="region" name="region">${args.regions.map((r) => html`<option value="${r}"${r === args.region ? ' selected' : ''}>${regionLabel(r, lang)}</option>`)}</select></div>
<div class="form-group"><label class="form-label" for="uge">${tr('referrals.form.week')}</label>
<select class="form-select" id="uge" name="uge">${args.weeks.map((w) => html`<option value="${w}"${w === args.week ? ' selected' : ''}>${weekLabel(w, lang)}</option>`)}</select></div>
<button class="button button-secondary" type="submit">${tr('referrals.form.choose')}</button>
</form>
${errorSummary(args.errors, lang)}
<form method="post" action="/henvisninger" novalidate>
<input type="hidden" name="csrf" value="${args.csrf}">
<input type="hidden" name="region" value="${args.region}">
<input type="hidden" name="week" value="${args.week}">
<h2>${tr('referrals.form.tableHeading', { region: regionLabel(args.region, lang), week: weekLabel(args.week, lang) })}</h2>
<p>${tr('referrals.form.hint')}</p>
${scrollTable(tr('referrals.form.caption', { region: regionLabel(args.region, lang), week: weekLabel(args.week, lang) }), table, lang)}
<button class="button button-primary" type="submit">${tr('referrals.form.submit')}</button>
</form>
<p>${tr('referrals.form.api')} <a href="/api/openapi.json">/api/openapi.json</a></p>`;
}

function totals(weeks: ReferralWeek[], cancerType?: string): ByDestination {
  return tallyBy(weeks, () => 'all', cancerType).get('all') ?? emptyByDestination();
}

function tallyCell(t: Tally, lang: Lang): Raw {
  return t.offered === 0 ? html`<td>–</td>` : html`<td>${tallyText(t, lang)}</td>`;
}

function destinationHeader(lang: Lang): Raw {
  const tr = translator(lang);
  return html`${DESTINATIONS.map((d) => html`<th scope="col">${DESTINATION_LIST.label(d, lang)}</th>`)}<th scope="col">${tr('referrals.col.total')}</th>`;
}

function destinationCells(by: ByDestination, lang: Lang): Raw {
  return html`${DESTINATIONS.map((d) => tallyCell(by[d], lang))}${tallyCell(totalOf(by), lang)}`;
}

function recordLink(mayRecord: boolean | undefined, tr: Translate): Raw {
  return mayRecord === false ? html`` : html` <a href="/henvisninger">${tr('referrals.section.record')}</a>`;
}

/** `/ventetider`: the last weeks' counts per cancer type and destination, with a link to each type. */
export function referralNationalSection(args: {
  weeks: string[];
  records: ReferralWeek[];
  lang: Lang;
  /** The person may record a region's figures (else no link that leads to a refusal). */
  mayRecord?: boolean;
}): Raw {
  const tr = translator(args.lang);
  const byType = tallyBy(args.records, (_w, l) => l.cancerType);
  const types = referenceData().cancerTypes.filter((c) => byType.has(c.id));
  const first = args.weeks[0] as string;
  const last = args.weeks[args.weeks.length - 1] as string;
  const heading = tr('referrals.section.heading');
  return html`<section id="henvisninger" aria-labelledby="henvisninger-heading">
<h2 id="henvisninger-heading">${heading}</h2>
<p>${tr('referrals.section.national', { from: weekLabel(first, args.lang), to: weekLabel(last, args.lang) })}${recordLink(args.mayRecord, tr)}</p>
${
  types.length === 0
    ? html`<p>${tr('referrals.section.none')}</p>`
    : scrollTable(
        heading,
        html`<table class="table kk-refsum" id="henvisninger-pr-kraeftform"><thead><tr><th scope="col">${tr('referrals.col.cancerType')}</th>${destinationHeader(args.lang)}</tr></thead>
<tbody>${types.map((c) => html`<tr data-cancer-type="${c.id}"><th scope="row"><a href="/ventetider/${c.id}#henvisninger">${cancerTypeLabel(c.id, args.lang)}</a></th>${destinationCells(byType.get(c.id) ?? emptyByDestination(), args.lang)}</tr>`)}</tbody></table>`,
        args.lang,
      )
}
</section>`;
}

/** `/ventetider/<cancerType>`: the counts per week (every region) and per region (the weeks together). */
export function referralCancerSection(args: {
  cancerType: string;
  weeks: string[];
  records: ReferralWeek[];
  lang: Lang;
  mayRecord?: boolean;
}): Raw {
  const { lang, cancerType } = args;
  const tr = translator(lang);
  const byWeek = tallyBy(args.records, (w) => w.week, cancerType);
  const byRegion = tallyBy(args.records, (w) => w.region, cancerType);
  const heading = tr('referrals.section.heading');
  return html`<section id="henvisninger" aria-labelledby="henvisninger-heading">
<h2 id="henvisninger-heading">${heading}</h2>
<p>${tr('referrals.section.perType', { cancerType: cancerTypeLabel(cancerType, lang).toLowerCase() })}${recordLink(args.mayRecord, tr)}</p>
${
  byWeek.size === 0
    ? html`<p>${tr('referrals.section.none')}</p>`
    : html`${scrollTable(
        tr('referrals.section.byWeek'),
        html`<table class="table kk-refsum" id="henvisninger-pr-uge"><caption>${tr('referrals.section.byWeek')}</caption><thead><tr><th scope="col">${tr('referrals.col.week')}</th>${destinationHeader(lang)}</tr></thead>
<tbody>${[...args.weeks].reverse().map((w) => html`<tr data-week="${w}"><th scope="row">${weekLabel(w, lang)}</th>${destinationCells(byWeek.get(w) ?? emptyByDestination(), lang)}</tr>`)}</tbody></table>`,
        lang,
      )}
${scrollTable(
  tr('referrals.section.byRegion'),
  html`<table class="table kk-refsum" id="henvisninger-pr-region"><caption>${tr('referrals.section.byRegion')}</caption><thead><tr><th scope="col">${tr('referrals.col.region')}</th>${destinationHeader(lang)}</tr></thead>
<tbody>${referenceData().regions.map((r) => html`<tr data-region="${r.id}"><th scope="row">${regionLabel(r.id, lang)}</th>${destinationCells(byRegion.get(r.id) ?? emptyByDestination(), lang)}</tr>`)}</tbody></table>`,
  lang,
)}`
}
</section>`;
}

/** The quarterly status: the quarter's totals per region and destination kind. */
export function referralQuarterSection(figures: ReferralFigures | null | undefined, lang: Lang): Raw {
  const tr = translator(lang);
  if (!figures)
    return html`<h2>${tr('referrals.section.heading')}</h2><p data-figure="referrals">${tr('followMail.noData')}</p>`;
  const heading = tr('referrals.section.heading');
  return html`<h2>${heading}</h2>
<p>${tr('referrals.quarter.text')}</p>
${scrollTable(
  heading,
  html`<table class="table kk-refsum" id="henvisninger-kvartal"><thead><tr><th scope="col">${tr('referrals.col.region')}</th>${destinationHeader(lang)}</tr></thead>
<tbody>${figures.regions.map((r) => html`<tr data-region="${r.region}"><th scope="row">${regionLabel(r.region, lang)}${r.weeksReported === 0 ? html`<small>${tr('referrals.quarter.noWeeks')}</small>` : ''}</th>${destinationCells(r.byDestination, lang)}</tr>`)}
<tr data-region="national"><th scope="row">${tr('referrals.col.national')}</th>${destinationCells(figures.national, lang)}</tr></tbody></table>`,
  lang,
)}`;
}

/**
 * `/overvaagning`: the year's counts per quarter (for the chosen cancer type, or all), beside the
 * monitoring's pathways over the maximum because of capacity for the same period, where they exist.
 */
export function referralMonitoringSection(args: {
  year: number;
  cancerType?: string;
  records: ReferralWeek[];
  waiting: WaitingPeriod[];
  lang: Lang;
}): Raw {
  const { lang, year } = args;
  const tr = translator(lang);
  const byQuarter = tallyBy(args.records, (w) => quarterOfWeek(w.week), args.cancerType);
  if (byQuarter.size === 0) return html``;
  const periods = [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
  const heading = tr('referrals.section.heading');
  const capacity = (period: string) => {
    const w = args.waiting.find((p) => p.region === 'national' && p.period === period);
    return w && w.pathways > 0 ? html`<td>${w.compliedExceeded.capacity}</td>` : html`<td>–</td>`;
  };
  const row = (label: string, period: string, by: ByDestination) =>
    html`<tr data-period="${period}"><th scope="row">${label}</th>${destinationCells(by, lang)}${capacity(period)}</tr>`;
  return html`<h2 id="henvisninger">${heading}</h2>
<p>${tr('referrals.monitoring.text')}</p>
${scrollTable(
  heading,
  html`<table class="table kk-mon" id="henvisninger-overvaagning"><thead><tr><th scope="col">${tr('referrals.col.period')}</th>${destinationHeader(lang)}<th scope="col">${tr('referrals.monitoring.capacity')}</th></tr></thead>
<tbody>${periods.map((p) => row(tr('monitoring.quarterShort', { quarter: p.slice(-1) }), p, byQuarter.get(p) ?? emptyByDestination()))}
${row(String(year), String(year), tallyBy(args.records, () => 'all', args.cancerType).get('all') ?? emptyByDestination())}</tbody></table>`,
  lang,
)}`;
}
