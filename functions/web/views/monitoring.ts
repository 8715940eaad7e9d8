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
import { referenceData } from '#domain/reference.ts';
import { html, type Raw } from '#web/html.ts';

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

function cell(part: number, whole: number): Raw {
  return html`<td>${formatCount(part)}<small>${formatPercent(part, whole)}</small></td>`;
}

/** The status's table: categories down, quarters and the year across. */
export function waitingTable(periods: WaitingPeriod[], scope: Scope, id: string): Raw {
  const cols = periods.filter((p) => p.region === scope);
  const row = (label: string, pick: (w: WaitingPeriod) => number, sub = false) =>
    html`<tr class="${sub ? 'kk-sub' : ''}"><th scope="row">${label}</th>${cols.map((w) => cell(pick(w), w.pathways))}</tr>`;
  return html`<p class="kk-scroll-cue">Rul vandret for at se alle kolonner.</p><div class="kk-scroll" role="region" aria-label="Tabel" tabindex="0"><table class="table kk-mon" id="${id}">
<caption class="sr-only">Overholdelse af maksimale ventetider, ${scopeName(scope)}</caption>
<thead><tr><th scope="col">Forløb</th>${cols.map((w) => html`<th scope="col">${periodName(w.period)}</th>`)}</tr></thead>
<tbody>
<tr><th scope="row">Udrednings- og behandlingsforløb i alt</th>${cols.map((w) => html`<td>${formatCount(w.pathways)}</td>`)}</tr>
${row('Inden for maksimal ventetid', (w) => w.within)}
${row('Regler overholdt, ventetid overskredet', (w) => w.compliedExceeded.total)}
${row('heraf patientens ønske', (w) => w.compliedExceeded.patientWish, true)}
${row('heraf patientens helbred', (w) => w.compliedExceeded.health, true)}
${row('heraf kapacitet, udredning', (w) => w.compliedExceeded.capacityUdredning, true)}
${row('heraf kapacitet, behandling', (w) => w.compliedExceeded.capacityBehandling, true)}
${row('Regler ikke overholdt', (w) => w.notComplied)}
${row('Regler overholdt i alt', (w) => w.within + w.compliedExceeded.total)}
<tr><th scope="row">Igangværende (ikke startet)</th>${cols.map((w) => html`<td>${formatCount(w.ongoing)}</td>`)}</tr>
</tbody></table></div>`;
}

/** Package shares per region and quarter, with the difference from the national share for the year. */
export function packageTable(periods: PackagePeriod[], year: number): Raw {
  const periodKeys = [...quartersOf(year), String(year)];
  const get = (region: Scope, period: string) =>
    periods.find((p) => p.region === region && p.period === period) as PackagePeriod;
  const national = get('national', String(year));
  const nationalShare = share(national.withinStandard, national.pathways);
  const scopes: Scope[] = [...referenceData().regions.map((r) => r.id), 'national'];
  return html`<p class="kk-scroll-cue">Rul vandret for at se alle kolonner.</p><div class="kk-scroll" role="region" aria-label="Pakkeforløb" tabindex="0"><table class="table kk-mon" id="pakkeforloeb">
<caption class="sr-only">Andel af pakkeforløb gennemført inden for standardforløbstiden</caption>
<thead><tr><th scope="col">Region</th>${periodKeys.map((p) => html`<th scope="col">${periodName(p)}</th>`)}<th scope="col">Forskel til landsplan (${year})</th></tr></thead>
<tbody>${scopes.map((scope) => {
    const year_ = get(scope, String(year));
    const s = share(year_.withinStandard, year_.pathways);
    const diff = s === null || nationalShare === null || scope === 'national' ? null : s - nationalShare;
    return html`<tr data-region="${scope}"><th scope="row">${scopeName(scope)}</th>${periodKeys.map((p) => {
      const x = get(scope, p);
      return html`<td>${formatPercent(x.withinStandard, x.pathways)}<small>${formatCount(x.withinStandard)} af ${formatCount(x.pathways)}</small></td>`;
    })}<td class="${diff !== null && diff < -5 ? 'kk-below' : ''}">${diff === null ? '' : `${diff >= 0 ? '+' : '−'}${Math.abs(diff).toFixed(2).replace('.', ',')} pct.-point`}</td></tr>`;
  })}</tbody></table></div>`;
}

/** A small line chart of a share per quarter (0–100 %, zoomed to the values' range). */
export function shareChart(values: (number | null)[], labels: string[], label: string): Raw {
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
  const text = `${label}: ${labels.map((l, i) => `${l} ${values[i] === null ? 'ingen tal' : `${(values[i] as number).toFixed(2).replace('.', ',')} %`}`).join('; ')}`;
  return html`<svg role="img" aria-label="${text}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">
<title>${text}</title>
<text x="0" y="12" font-size="12" fill="#555">${hi} %</text><text x="0" y="${height - 14}" font-size="12" fill="#555">${lo} %</text>
<line x1="38" x2="${width - 10}" y1="${height - 14}" y2="${height - 14}" stroke="#ccc"/>
<path d="${d.trim()}" fill="none" stroke="#0b2a4a" stroke-width="1.5"/>
${values.map((v, i) => (v === null ? '' : html`<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="2.5" fill="#0b2a4a"/>`))}
${labels.map((l, i) => html`<text x="${(x(i) - 8).toFixed(1)}" y="${height - 1}" font-size="12" fill="#555">${l}</text>`)}
</svg>`;
}

function trends(waiting: WaitingPeriod[], packages: PackagePeriod[], year: number): Raw {
  const quarters = quartersOf(year);
  const labels = quarters.map((q) => `K${q.slice(-1)}`);
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
    return html`<figure><figcaption><strong>${scopeName(scope)}</strong></figcaption>
${shareChart(compliance, labels, `Regler overholdt, ${scopeName(scope)}`)}
${shareChart(pkg, labels, `Pakkeforløb inden for standardforløbstid, ${scopeName(scope)}`)}
</figure>`;
  })}</div>`;
}

export function uploadForm(csrf: string | undefined, onlyRegion: string | undefined): Raw {
  return html`<section aria-labelledby="upload-heading" id="upload">
<h2 id="upload-heading">Indberet forløbsdata</h2>
<p>Upload regionens udtræk som CSV (UTF-8, semikolon, en overskriftsrække med kolonnerne <code>${COLUMNS.join(';')}</code>).
Filen behandles række for række og slettes bagefter; kun de samlede tal gemmes. En fil godkendes helt eller slet ikke, og den erstatter tallene for hver region og hvert kvartal, den indeholder.
${onlyRegion ? html`Du kan kun indberette rækker for din egen region.` : ''}</p>
<form id="upload-form" data-csrf="${csrf ?? ''}">
<div class="form-group"><label class="form-label" for="upload-file">CSV-fil</label>
<input class="form-input" type="file" id="upload-file" name="file" accept=".csv,text/csv" required></div>
<button class="button button-primary" type="submit">Upload</button>
</form>
<progress id="upload-progress" max="100" value="0" hidden></progress>
<div id="upload-status" role="status" aria-live="polite"></div>
<noscript><p>Upload kræver JavaScript. Regionale systemer kan bruge API'et (<a href="/api/openapi.json">/api/openapi.json</a>).</p></noscript>
<script src="/overvaagning/upload.js" defer></script>
</section>`;
}

export function monitoringPage(args: {
  year: number;
  cancerType?: string;
  waiting: WaitingPeriod[];
  packages: PackagePeriod[];
  csrf?: string;
  mayUpload: boolean;
  onlyRegion?: string;
  years: number[];
}): Raw {
  const { year, cancerType, waiting, packages } = args;
  const national = waiting.find((w) => w.region === 'national' && w.period === String(year)) as WaitingPeriod;
  const query = new URLSearchParams({ aar: String(year), ...(cancerType ? { kraeftform: cancerType } : {}) });
  return html`${STYLE}
<h1>Overvågning af maksimale ventetider og forløbstider</h1>
<p class="font-lead">Opgjort fra regionernes egne forløbsudtræk pr. kvartal (startdatoens kvartal) og region. Systemet gemmer kun de samlede tal – aldrig oplysninger om den enkelte patient.</p>
<form method="get" action="/overvaagning" class="kk-filter">
<div class="form-group"><label class="form-label" for="aar">År</label>
<select class="form-select" id="aar" name="aar">${args.years.map((y) => html`<option value="${y}"${y === year ? ' selected' : ''}>${y}</option>`)}</select></div>
<div class="form-group"><label class="form-label" for="kraeftform">Kræftform</label>
<select class="form-select" id="kraeftform" name="kraeftform"><option value="">Alle kræftformer</option>${referenceData().cancerTypes.map((c) => html`<option value="${c.id}"${c.id === cancerType ? ' selected' : ''}>${c.name}</option>`)}</select></div>
<button class="button button-secondary" type="submit">Vis</button>
</form>
<p><a href="/overvaagning.csv?${query.toString()}" download>Hent tabellerne som CSV</a></p>
${
  national.pathways === 0
    ? html`<div class="alert alert-info" role="status"><div class="alert-body"><p class="alert-heading">Ingen forløb for ${year}${cancerType ? ' og den valgte kræftform' : ''}</p><p class="alert-text">Tallene vises, når en region har indberettet forløbsdata for året.</p></div></div>`
    : html`<p>I ${year} blev der registreret ${formatCount(national.pathways)} udrednings- og behandlingsforløb. Reglerne om maksimale ventetider var overholdt i ${formatPercent(national.within + national.compliedExceeded.total, national.pathways)} af forløbene; ${formatPercent(national.within, national.pathways)} startede inden for den maksimale ventetid.</p>`
}
<h2>Landsplan</h2>
${waitingTable(waiting, 'national', 'landsplan')}
<h2>Pakkeforløb inden for standardforløbstiden</h2>
${packageTable(packages, year)}
<h2>Udvikling pr. kvartal</h2>
<p>Øverst andelen af forløb, hvor reglerne om maksimale ventetider var overholdt; nederst andelen af pakkeforløb inden for standardforløbstiden.</p>
${trends(waiting, packages, year)}
<h2>Bilag: regionerne</h2>
${referenceData().regions.map(
  (r) =>
    html`<details class="kk-annex" id="region-${r.id}"><summary>${r.name}</summary>${waitingTable(waiting, r.id, `tabel-${r.id}`)}</details>`,
)}
${args.mayUpload ? uploadForm(args.csrf, args.onlyRegion) : ''}`;
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
  const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = form.querySelector('input[type=file]').files[0];
    if (!file) return;
    const button = form.querySelector('button');
    button.disabled = true;
    try {
      say('<p>Forbereder upload …</p>');
      const contentType = 'text/csv';
      const res = await fetch('/overvaagning/uploads', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': form.dataset.csrf, 'idempotency-key': crypto.randomUUID() },
        body: JSON.stringify({ fileName: file.name, contentType }),
      });
      const ticket = await res.json();
      if (!res.ok) throw new Error(ticket.error || 'Uploaden kunne ikke startes.');
      progress.hidden = false;
      await new Promise((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open(ticket.method, ticket.uploadUrl);
        xhr.setRequestHeader('content-type', contentType);
        xhr.upload.onprogress = (e) => { if (e.lengthComputable) progress.value = Math.round((e.loaded / e.total) * 100); };
        xhr.onload = () => (xhr.status < 300 ? resolve() : reject(new Error('Filen kunne ikke overføres (' + xhr.status + ').')));
        xhr.onerror = () => reject(new Error('Filen kunne ikke overføres. Prøv igen.'));
        xhr.send(file);
      });
      progress.value = 100;
      say('<p>Filen er modtaget og behandles …</p>');
      for (let i = 0; i < 600; i++) {
        await new Promise((r) => setTimeout(r, i < 10 ? 300 : 1000));
        const s = await (await fetch('/overvaagning/uploads/' + ticket.id, { headers: { accept: 'application/json' }, credentials: 'same-origin' })).json();
        if (s.status === 'done') {
          say('<div class="alert alert-success"><div class="alert-body"><p class="alert-heading">Filen er godkendt</p><p class="alert-text">' + s.rows.toLocaleString('da-DK') + ' forløb indlæst (heraf ' + s.ongoing.toLocaleString('da-DK') + ' igangværende). <a href="' + location.pathname + location.search + '">Vis de opdaterede tal</a></p></div></div>');
          return;
        }
        if (s.status === 'rejected') {
          say('<div class="alert alert-error" role="alert"><div class="alert-body"><p class="alert-heading">Filen blev afvist – intet er gemt</p><p class="alert-text">Ret fejlene og upload filen igen.' + (s.moreErrors ? ' Kun de første 50 fejl vises.' : '') + '</p></div></div>' +
            '<table class="table kk-upload-errors"><thead><tr><th scope="col">Linje</th><th scope="col">Kolonne</th><th scope="col">Fejl</th></tr></thead><tbody>' +
            s.errors.map((e) => '<tr><td>' + e.line + '</td><td>' + esc(e.column) + '</td><td>' + esc(e.message) + '</td></tr>').join('') + '</tbody></table>');
          return;
        }
      }
      say('<p>Behandlingen tager længere tid end ventet. Genindlæs siden senere.</p>');
    } catch (error) {
      say('<div class="alert alert-error" role="alert"><div class="alert-body"><p class="alert-heading">' + esc(error.message) + '</p></div></div>');
    } finally {
      button.disabled = false;
      progress.hidden = true;
    }
  });
})();
`;
