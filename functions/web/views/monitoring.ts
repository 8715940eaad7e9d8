/**
 * `/overvaagning`: the monitoring of maximum waiting times and package pathway times — the
 * national table in the form of the annual status, an annex per region, package shares against
 * the national figure, quarterly trend charts, and the upload form.
 */

import { COLUMNS } from '#domain/monitoring.ts';
import {
  formatCount,
  formatPercent,
  type PackagePeriod,
  periodName,
  quartersOf,
  type Scope,
  scopeName,
  share,
  type WaitingPeriod,
} from '#domain/monitoring-figures.ts';
import { cancerTypeLabel, referenceData, regionLabel } from '#domain/reference.ts';
import type { ReferralWeek } from '#domain/referrals.ts';
import { html, type Raw, raw } from '#web/html.ts';
import { type Lang, t, tHtml, translator } from '#web/i18n/index.ts';
import { scrollTable } from '#web/layout.ts';
import { referralMonitoringSection } from './referrals.ts';

const STYLE = html`<style>
.kk-mon td,.kk-mon th{text-align:right;white-space:nowrap}
.kk-mon th[scope=row]{text-align:left;white-space:normal}
.kk-mon .kk-sub th[scope=row]{padding-left:2rem;font-weight:400}
.kk-mon small{display:block;color:#555}
.kk-trends{display:flex;flex-wrap:wrap;gap:24px}
.kk-trends figure{margin:0}
.kk-upload-errors td{text-align:left}
.kk-below{color:#8a1f11;font-weight:700}
</style>`;

function cell(part: number, whole: number, lang: Lang): Raw {
  return html`<td>${formatCount(part, lang)}<small>${formatPercent(part, whole, lang)}</small></td>`;
}

/** "Hele landet" or the region's name, in the page's language. */
function scopeLabel(scope: Scope, lang: Lang): string {
  return lang === 'da' ? scopeName(scope) : scope === 'national' ? 'Nationwide' : regionLabel(scope, lang);
}

/** "2. kvt. 2026" / "Hele 2026", or "Q2 2026" / "All of 2026". */
function periodLabel(period: string, lang: Lang): string {
  if (lang === 'da') return periodName(period);
  const m = /^(\d{4})-Q([1-4])$/.exec(period);
  return m ? `Q${m[2]} ${m[1]}` : `All of ${period}`;
}

/** The status's table: categories down, quarters and the year across. */
export function waitingTable(periods: WaitingPeriod[], scope: Scope, id: string, lang: Lang = 'da'): Raw {
  const tr = translator(lang);
  const cols = periods.filter((p) => p.region === scope);
  const row = (label: string, pick: (w: WaitingPeriod) => number, sub = false) =>
    html`<tr class="${sub ? 'kk-sub' : ''}"><th scope="row">${label}</th>${cols.map((w) => cell(pick(w), w.pathways, lang))}</tr>`;
  const label = tr('monitoring.table.label', { scope: scopeLabel(scope, lang) });
  return scrollTable(
    label,
    html`<table class="table kk-mon" id="${id}">
<caption class="sr-only">${label}</caption>
<thead><tr><th scope="col">${tr('monitoring.table.pathway')}</th>${cols.map((w) => html`<th scope="col">${periodLabel(w.period, lang)}</th>`)}</tr></thead>
<tbody>
<tr><th scope="row">${tr('monitoring.table.total')}</th>${cols.map((w) => html`<td>${formatCount(w.pathways, lang)}</td>`)}</tr>
${row(tr('monitoring.table.within'), (w) => w.within)}
${row(tr('monitoring.table.complied'), (w) => w.compliedExceeded.total)}
${row(tr('monitoring.table.patientWish'), (w) => w.compliedExceeded.patientWish, true)}
${row(tr('monitoring.table.health'), (w) => w.compliedExceeded.health, true)}
${row(tr('monitoring.table.capacityUdredning'), (w) => w.compliedExceeded.capacityUdredning, true)}
${row(tr('monitoring.table.capacityBehandling'), (w) => w.compliedExceeded.capacityBehandling, true)}
${row(tr('monitoring.table.notComplied'), (w) => w.notComplied)}
${row(tr('monitoring.table.compliedTotal'), (w) => w.within + w.compliedExceeded.total)}
<tr><th scope="row">${tr('monitoring.table.ongoing')}</th>${cols.map((w) => html`<td>${formatCount(w.ongoing, lang)}</td>`)}</tr>
</tbody></table>`,
    lang,
  );
}

/** Package shares per region and quarter, with the difference from the national share for the year. */
export function packageTable(periods: PackagePeriod[], year: number, lang: Lang = 'da'): Raw {
  const tr = translator(lang);
  const periodKeys = [...quartersOf(year), String(year)];
  const get = (region: Scope, period: string) =>
    periods.find((p) => p.region === region && p.period === period) as PackagePeriod;
  const national = get('national', String(year));
  const nationalShare = share(national.withinStandard, national.pathways);
  const scopes: Scope[] = [...referenceData().regions.map((r) => r.id), 'national'];
  const label = tr('monitoring.packages.label');
  return scrollTable(
    label,
    html`<table class="table kk-mon" id="pakkeforloeb">
<caption class="sr-only">${label}</caption>
<thead><tr><th scope="col">${tr('monitoring.packages.region')}</th>${periodKeys.map((p) => html`<th scope="col">${periodLabel(p, lang)}</th>`)}<th scope="col">${tr('monitoring.packages.diff', { year })}</th></tr></thead>
<tbody>${scopes.map((scope) => {
      const year_ = get(scope, String(year));
      const s = share(year_.withinStandard, year_.pathways);
      const diff = s === null || nationalShare === null || scope === 'national' ? null : s - nationalShare;
      const points = Math.abs(diff ?? 0).toFixed(2);
      return html`<tr data-region="${scope}"><th scope="row">${scopeLabel(scope, lang)}</th>${periodKeys.map(
        (p) => {
          const x = get(scope, p);
          return html`<td>${formatPercent(x.withinStandard, x.pathways, lang)}<small>${tr('monitoring.packages.of', { part: formatCount(x.withinStandard, lang), whole: formatCount(x.pathways, lang) })}</small></td>`;
        },
      )}<td class="${diff !== null && diff < -5 ? 'kk-below' : ''}">${diff === null ? '' : tr('monitoring.packages.points', { diff: `${diff >= 0 ? '+' : '−'}${lang === 'da' ? points.replace('.', ',') : points}` })}</td></tr>`;
    })}</tbody></table>`,
    lang,
  );
}

/** A small line chart of a share per quarter (0–100 %, zoomed to the values' range). */
export function shareChart(
  values: (number | null)[],
  labels: string[],
  label: string,
  lang: Lang = 'da',
): Raw {
  const width = 220;
  const height = 80;
  const known = values.filter((v): v is number => v !== null);
  const lo = known.length ? Math.max(0, Math.floor(Math.min(...known) - 1)) : 0;
  const hi = known.length ? Math.min(100, Math.ceil(Math.max(...known) + 1)) : 100;
  const x = (i: number) => 38 + (i * (width - 48)) / Math.max(1, values.length - 1);
  const y = (v: number) => height - 14 - ((v - lo) / Math.max(0.01, hi - lo)) * (height - 24);
  let d = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)} ${y(v).toFixed(1)} `;
    pen = true;
  });
  const percent = (v: number) => (lang === 'da' ? v.toFixed(2).replace('.', ',') : v.toFixed(2));
  const text = `${label}: ${labels.map((l, i) => `${l} ${values[i] === null ? t(lang, 'monitoring.chart.noFigures') : `${percent(values[i] as number)} %`}`).join('; ')}`;
  return html`<svg role="img" aria-label="${text}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">
<title>${text}</title>
<text x="0" y="12" font-size="12" fill="#555">${hi} %</text><text x="0" y="${height - 14}" font-size="12" fill="#555">${lo} %</text>
<line x1="38" x2="${width - 10}" y1="${height - 14}" y2="${height - 14}" stroke="#ccc"/>
<path d="${d.trim()}" fill="none" stroke="#0b2a4a" stroke-width="1.5"/>
${values.map((v, i) => (v === null ? '' : html`<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="2.5" fill="#0b2a4a"/>`))}
${labels.map((l, i) => html`<text x="${(x(i) - 8).toFixed(1)}" y="${height - 1}" font-size="12" fill="#555">${l}</text>`)}
</svg>`;
}

function trends(waiting: WaitingPeriod[], packages: PackagePeriod[], year: number, lang: Lang): Raw {
  const tr = translator(lang);
  const quarters = quartersOf(year);
  const labels = quarters.map((q) => tr('monitoring.quarterShort', { quarter: q.slice(-1) }));
  const scopes: Scope[] = ['national', ...referenceData().regions.map((r) => r.id)];
  return html`<div class="kk-trends">${scopes.map((scope) => {
    const compliance = quarters.map((q) => {
      const w = waiting.find((p) => p.region === scope && p.period === q) as WaitingPeriod;
      return share(w.within + w.compliedExceeded.total, w.pathways);
    });
    const pkg = quarters.map((q) => {
      const p = packages.find((x) => x.region === scope && x.period === q) as PackagePeriod;
      return share(p.withinStandard, p.pathways);
    });
    const name = scopeLabel(scope, lang);
    return html`<figure><figcaption><strong>${name}</strong></figcaption>
${shareChart(compliance, labels, tr('monitoring.chart.complied', { scope: name }), lang)}
${shareChart(pkg, labels, tr('monitoring.chart.packages', { scope: name }), lang)}
</figure>`;
  })}</div>`;
}

/** The upload script's messages in the page's language, read by UPLOAD_SCRIPT from a JSON data block. */
function uploadTexts(lang: Lang): Raw {
  const tr = translator(lang);
  const texts = {
    preparing: tr('monitoring.upload.preparing'),
    notStarted: tr('monitoring.upload.notStarted'),
    transferFailed: tr('monitoring.upload.transferFailed'),
    received: tr('monitoring.upload.received'),
    accepted: tr('monitoring.upload.accepted'),
    loaded: tr('monitoring.upload.loaded', { rows: '{rows}', ongoing: '{ongoing}' }),
    showUpdated: tr('monitoring.upload.showUpdated'),
    rejected: tr('monitoring.upload.rejected'),
    fixAndRetry: tr('monitoring.upload.fixAndRetry'),
    first50: tr('monitoring.upload.first50'),
    line: tr('monitoring.upload.line'),
    column: tr('monitoring.upload.column'),
    error: tr('monitoring.upload.error'),
    slow: tr('monitoring.upload.slow'),
  };
  // `<` escaped so the text can never close the script element.
  return raw(
    `<script type="application/json" id="upload-texts">${JSON.stringify(texts).replaceAll('<', '\\u003c')}</script>`,
  );
}

export function uploadForm(csrf: string | undefined, onlyRegion: string | undefined, lang: Lang = 'da'): Raw {
  const tr = translator(lang);
  return html`<section aria-labelledby="upload-heading" id="upload">
<h2 id="upload-heading">${tr('monitoring.upload.heading')}</h2>
<p>${tHtml(lang, 'monitoring.upload.text', { columns: html`<code>${COLUMNS.join(';')}</code>` })}
${onlyRegion ? tr('monitoring.upload.ownRegion') : ''}</p>
<form id="upload-form" data-csrf="${csrf ?? ''}">
<div class="form-group"><label class="form-label" for="upload-file">${tr('monitoring.upload.file')}</label>
<input class="form-input" type="file" id="upload-file" name="file" accept=".csv,text/csv" required></div>
<button class="button button-primary" type="submit">${tr('monitoring.upload.submit')}</button>
</form>
<progress id="upload-progress" max="100" value="0" hidden></progress>
<div id="upload-status" role="status" aria-live="polite"></div>
<noscript><p>${tHtml(lang, 'monitoring.upload.noScript', { api: html`<a href="/api/openapi.json">/api/openapi.json</a>` })}</p></noscript>
${uploadTexts(lang)}
<script src="/overvaagning/upload.js" defer></script>
</section>`;
}

export function monitoringPage(args: {
  year: number;
  cancerType?: string;
  waiting: WaitingPeriod[];
  packages: PackagePeriod[];
  /** The year's weekly referral counts, shown beside the figures of the same periods. */
  referrals?: ReferralWeek[];
  csrf?: string;
  mayUpload: boolean;
  onlyRegion?: string;
  years: number[];
  lang?: Lang;
}): Raw {
  const { year, cancerType, waiting, packages } = args;
  const lang = args.lang ?? 'da';
  const tr = translator(lang);
  const national = waiting.find((w) => w.region === 'national' && w.period === String(year)) as WaitingPeriod;
  const query = new URLSearchParams({ aar: String(year), ...(cancerType ? { kraeftform: cancerType } : {}) });
  return html`${STYLE}
<h1>${tr('monitoring.heading')}</h1>
<p class="font-lead">${tr('monitoring.lead')}</p>
<form method="get" action="/overvaagning" class="kk-filter">
<div class="form-group"><label class="form-label" for="aar">${tr('monitoring.year')}</label>
<select class="form-select" id="aar" name="aar">${args.years.map((y) => html`<option value="${y}"${y === year ? ' selected' : ''}>${y}</option>`)}</select></div>
<div class="form-group"><label class="form-label" for="kraeftform">${tr('monitoring.cancerType')}</label>
<select class="form-select" id="kraeftform" name="kraeftform"><option value="">${tr('monitoring.allCancerTypes')}</option>${referenceData().cancerTypes.map((c) => html`<option value="${c.id}"${c.id === cancerType ? ' selected' : ''}>${cancerTypeLabel(c.id, lang)}</option>`)}</select></div>
<button class="button button-secondary" type="submit">${tr('monitoring.show')}</button>
</form>
<p><a href="/overvaagning.csv?${query.toString()}" download>${tr('monitoring.csv')}</a></p>
${
  national.pathways === 0
    ? html`<div class="alert alert-info" role="status"><div class="alert-body"><p class="alert-heading">${cancerType ? tr('monitoring.noPathwaysForType', { year }) : tr('monitoring.noPathways', { year })}</p><p class="alert-text">${tr('monitoring.noPathwaysText')}</p></div></div>`
    : html`<p>${tr('monitoring.summary', { year, pathways: formatCount(national.pathways, lang), complied: formatPercent(national.within + national.compliedExceeded.total, national.pathways, lang), within: formatPercent(national.within, national.pathways, lang) })}</p>`
}
<h2>${tr('monitoring.national')}</h2>
${waitingTable(waiting, 'national', 'landsplan', lang)}
${referralMonitoringSection({ year, cancerType, records: args.referrals ?? [], waiting, lang })}
<h2>${tr('monitoring.packages')}</h2>
${packageTable(packages, year, lang)}
<h2>${tr('monitoring.trends')}</h2>
<p>${tr('monitoring.trendsText')}</p>
${trends(waiting, packages, year, lang)}
<h2>${tr('monitoring.annex')}</h2>
${referenceData().regions.map(
  (r) =>
    html`<details class="kk-annex" id="region-${r.id}"><summary>${regionLabel(r.id, lang)}</summary>${waitingTable(waiting, r.id, `tabel-${r.id}`, lang)}</details>`,
)}
${args.mayUpload ? uploadForm(args.csrf, args.onlyRegion, lang) : ''}`;
}

/**
 * The upload form's script (served from the same origin, as the CSP requires): register the
 * upload, PUT the file straight to the presigned URL with progress, then poll the status.
 */
export const UPLOAD_SCRIPT = `(() => {
  const form = document.getElementById('upload-form');
  if (!form) return;
  const progress = document.getElementById('upload-progress');
  const status = document.getElementById('upload-status');
  const say = (html) => { status.innerHTML = html; };
  const texts = JSON.parse(document.getElementById('upload-texts').textContent);
  const number = (n) => n.toLocaleString(document.documentElement.lang === 'en' ? 'en-GB' : 'da-DK');
  const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = form.querySelector('input[type=file]').files[0];
    if (!file) return;
    const button = form.querySelector('button');
    button.disabled = true;
    try {
      say('<p>' + esc(texts.preparing) + '</p>');
      const contentType = 'text/csv';
      const res = await fetch('/overvaagning/uploads', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': form.dataset.csrf, 'idempotency-key': crypto.randomUUID() },
        body: JSON.stringify({ fileName: file.name, contentType }),
      });
      const ticket = await res.json();
      if (!res.ok) throw new Error(ticket.error || texts.notStarted);
      progress.hidden = false;
      await new Promise((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open(ticket.method, ticket.uploadUrl);
        xhr.setRequestHeader('content-type', contentType);
        xhr.upload.onprogress = (e) => { if (e.lengthComputable) progress.value = Math.round((e.loaded / e.total) * 100); };
        xhr.onload = () => (xhr.status < 300 ? resolve() : reject(new Error(texts.transferFailed + ' (' + xhr.status + ')')));
        xhr.onerror = () => reject(new Error(texts.transferFailed));
        xhr.send(file);
      });
      progress.value = 100;
      say('<p>' + esc(texts.received) + '</p>');
      for (let i = 0; i < 600; i++) {
        await new Promise((r) => setTimeout(r, i < 10 ? 300 : 1000));
        const s = await (await fetch('/overvaagning/uploads/' + ticket.id, { headers: { accept: 'application/json' }, credentials: 'same-origin' })).json();
        if (s.status === 'done') {
          const loaded = texts.loaded.replace('{rows}', number(s.rows)).replace('{ongoing}', number(s.ongoing));
          say('<div class="alert alert-success"><div class="alert-body"><p class="alert-heading">' + esc(texts.accepted) + '</p><p class="alert-text">' + esc(loaded) + ' <a href="' + esc(location.pathname + location.search) + '">' + esc(texts.showUpdated) + '</a></p></div></div>');
          return;
        }
        if (s.status === 'rejected') {
          say('<div class="alert alert-error" role="alert"><div class="alert-body"><p class="alert-heading">' + esc(texts.rejected) + '</p><p class="alert-text">' + esc(texts.fixAndRetry) + (s.moreErrors ? ' ' + esc(texts.first50) : '') + '</p></div></div>' +
            '<table class="table kk-upload-errors"><thead><tr><th scope="col">' + esc(texts.line) + '</th><th scope="col">' + esc(texts.column) + '</th><th scope="col">' + esc(texts.error) + '</th></tr></thead><tbody>' +
            s.errors.map((e) => '<tr><td>' + e.line + '</td><td>' + esc(e.column) + '</td><td>' + esc(e.message) + '</td></tr>').join('') + '</tbody></table>');
          return;
        }
      }
      say('<p>' + esc(texts.slow) + '</p>');
    } catch (error) {
      say('<div class="alert alert-error" role="alert"><div class="alert-body"><p class="alert-heading">' + esc(error.message) + '</p></div></div>');
    } finally {
      button.disabled = false;
      progress.hidden = true;
    }
  });
})();
`;
