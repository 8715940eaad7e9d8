/** National network pages: the overview of all cancer types and one network's page. */
import {
  NETWORK_STATE_LABELS,
  NETWORK_TEXT_MAX,
  type Network,
  type StandbyProposal,
} from '#domain/networks.ts';
import type { Problem } from '#domain/problem.ts';
import { type CancerType, cancerTypeName, regionName } from '#domain/reference.ts';
import { formatDate, formatDateTime } from '#domain/time.ts';
import { limited } from '../fields.ts';
import { html, type Raw } from '../html.ts';
import { errorSummary, notice } from '../layout.ts';

export function networkListPage(cancerTypes: CancerType[], networks: Map<string, Network>): Raw {
  return html`<h1>Nationale netværk</h1>
<p class="font-lead">Ét netværk af ledende overlæger pr. kræftform. Det aktiveres af sundhedsdirektørkredsen eller automatisk, når en sag når niveau 4, og sættes i standby, når situationen er stabil.</p>
<table class="table" id="netvaerk">
  <thead><tr><th scope="col">Kræftform</th><th scope="col">Status</th><th scope="col">Siden</th></tr></thead>
  <tbody>${cancerTypes.map((c) => {
    const n = networks.get(c.id);
    const last = n?.history.at(-1);
    return html`<tr data-network="${c.id}"><td><a href="/netvaerk/${c.id}">${c.name}</a></td><td>${n ? html`<span class="kk-badge${n.state === 'active' ? ' level-4' : ''}">${NETWORK_STATE_LABELS[n.state]}</span>` : 'Ikke oprettet'}</td><td>${last ? formatDate(last.at) : ''}</td></tr>`;
  })}</tbody>
</table>`;
}

type Members = { name: string; title: string; email: string; region?: string; source: string }[];

export function networkPage(args: {
  cancerType: string;
  network: Network | undefined;
  proposal: StandbyProposal;
  problems: Problem[];
  members: Members;
  mayDecide: boolean;
  mayCoordinate: boolean;
  /** Claimed when "Informér Danske Regioner" is sent: a double click sends one e-mail. */
  submissionKey: string;
  csrf: string;
  errors: Record<string, string>;
  values: Record<string, string>;
  flash?: Raw;
}): Raw {
  const { network, cancerType, csrf, errors } = args;
  const name = cancerTypeName(cancerType);
  const base = `/netvaerk/${cancerType}`;
  const open = args.problems.filter((p) => p.status === 'open');
  const v = (k: string) => args.values[k] ?? '';
  const reasonText = v('reason') || (args.proposal.propose ? args.proposal.reason : '');
  const reasonLimit = limited('reason', NETWORK_TEXT_MAX.reason, reasonText);
  const memberName = limited('member-name', NETWORK_TEXT_MAX.memberName, v('name'));
  const memberTitle = limited('member-title', NETWORK_TEXT_MAX.memberTitle, v('title'));
  return html`<h1>Nationalt netværk: ${name}</h1>
${args.flash ?? ''}
${errorSummary(errors)}
<p id="netvaerk-status">Status: <strong>${network ? NETWORK_STATE_LABELS[network.state] : 'Ikke oprettet'}</strong>. Åbne sager for kræftformen: ${open.length}.</p>
${
  args.proposal.propose
    ? notice('info', 'Forslag: sæt netværket i standby', `${args.proposal.reason} En person beslutter.`)
    : network?.state === 'active'
      ? html`<p>Standby foreslås ikke endnu: ${args.proposal.reason}</p>`
      : ''
}
${
  args.mayDecide
    ? html`<form method="post" action="${base}/status" class="kk-actions" novalidate>
  <input type="hidden" name="csrf" value="${csrf}">
  <input type="hidden" name="state" value="${network?.state === 'active' ? 'standby' : 'active'}">
  <div class="form-group${errors.reason ? ' form-error' : ''}"><label class="form-label" for="reason">Sundhedsdirektørkredsens beslutning – begrundelse</label>
  ${errors.reason ? html`<span class="form-error-message">${errors.reason}</span>` : ''}
  <textarea class="form-input" id="reason" name="reason" rows="2" ${reasonLimit.attrs}>${reasonText}</textarea>${reasonLimit.counter}</div>
  <button class="button button-primary" type="submit">${network?.state === 'active' ? 'Sæt i standby' : network ? 'Aktivér netværket igen' : 'Opret og aktivér netværket'}</button>
</form>`
    : ''
}
${
  network
    ? html`<h2>Historik</h2>
<table class="table" id="historik"><thead><tr><th scope="col">Tidspunkt</th><th scope="col">Status</th><th scope="col">Hvem</th><th scope="col">Begrundelse</th></tr></thead>
<tbody>${[...network.history].reverse().map((h) => html`<tr><td>${formatDateTime(h.at)}</td><td>${NETWORK_STATE_LABELS[h.state]}</td><td>${h.source === 'automatic' ? 'Automatisk' : h.who.name}</td><td>${h.reason}</td></tr>`)}</tbody></table>`
    : ''
}
<h2>Medlemmer</h2>
<table class="table" id="medlemmer"><thead><tr><th scope="col">Navn</th><th scope="col">E-mail</th><th scope="col">Region</th><th scope="col">Kilde</th></tr></thead>
<tbody>${args.members.map((m) => html`<tr><td>${m.name}<br>${m.title}</td><td>${m.email}</td><td>${m.region ? regionName(m.region) : ''}</td><td>${m.source}</td></tr>`)}</tbody></table>
${
  network && args.mayDecide
    ? html`<form method="post" action="${base}/medlemmer" class="kk-actions" novalidate>
  <input type="hidden" name="csrf" value="${csrf}">
  <h3>Tilføj medlem</h3>
  <div class="form-group"><label class="form-label" for="member-name">Navn</label><input class="form-input" id="member-name" name="name" value="${v('name')}" ${memberName.attrs}>${memberName.counter}</div>
  <div class="form-group"><label class="form-label" for="member-title">Titel</label><input class="form-input" id="member-title" name="title" value="${v('title')}" ${memberTitle.attrs}>${memberTitle.counter}</div>
  <div class="form-group"><label class="form-label" for="member-email">E-mail</label><input class="form-input" id="member-email" name="email" type="email" value="${v('email')}"></div>
  <button class="button button-secondary" type="submit">Tilføj medlem</button>
</form>`
    : ''
}
${
  network
    ? html`<h2>Koordineringsmøder</h2>
${network.meetings.length === 0 ? html`<p>Ingen møder endnu.</p>` : ''}
${[...network.meetings].reverse().map(
  (m) => html`<section class="kk-mail"><h3>Møde ${formatDate(m.date)}</h3>
  <p>Deltagere: ${m.participants.join(', ')}</p>
  <ul class="nobullet-list">${m.actions.map(
    (a) =>
      html`<li data-action="${a.id}">${a.done ? '✓ ' : ''}${a.text} – ansvarlig ${a.owner}, frist ${formatDate(a.due)}${
        !a.done && args.mayCoordinate
          ? html` <form method="post" action="${base}/handlinger/${a.id}/udfoert" style="display:inline"><input type="hidden" name="csrf" value="${csrf}"><button class="button button-tertiary" type="submit">Markér som udført</button></form>`
          : ''
      }</li>`,
  )}</ul></section>`,
)}
${
  args.mayCoordinate
    ? html`<form method="post" action="${base}/moeder" class="kk-actions" novalidate>
  <input type="hidden" name="csrf" value="${csrf}">
  <h3>Registrér møde</h3>
  <div class="form-group${errors.date ? ' form-error' : ''}"><label class="form-label" for="date">Dato</label>${errors.date ? html`<span class="form-error-message">${errors.date}</span>` : ''}<input class="form-input" id="date" name="date" type="date" value="${v('date')}"></div>
  <div class="form-group${errors.participants ? ' form-error' : ''}"><label class="form-label" for="participants">Deltagere (én pr. linje)</label>${errors.participants ? html`<span class="form-error-message">${errors.participants}</span>` : ''}<textarea class="form-input" id="participants" name="participants" rows="4">${v('participants')}</textarea></div>
  <div class="form-group${errors.actions ? ' form-error' : ''}"><label class="form-label" for="actions">Aftalte handlinger (én pr. linje: handling; ansvarlig e-mail; frist åååå-mm-dd)</label>${errors.actions ? html`<span class="form-error-message">${errors.actions}</span>` : ''}<textarea class="form-input" id="actions" name="actions" rows="4">${v('actions')}</textarea></div>
  <button class="button button-secondary" type="submit">Registrér mødet</button>
</form>
<form method="post" action="${base}/informer-danske-regioner" class="kk-actions">
  <input type="hidden" name="csrf" value="${csrf}">
  <input type="hidden" name="submissionKey" value="${args.submissionKey}">
  <p>Skal Danske Regioner orienteres? Der sendes et resumé af netværkets status og de åbne sager.</p>
  <button class="button button-secondary" type="submit">Informér Danske Regioner</button>
</form>`
    : ''
}
${
  network.informed.length > 0
    ? html`<h2>Danske Regioner informeret</h2><ul>${network.informed.map((i) => html`<li>${formatDateTime(i.at)} af ${i.who.name}</li>`)}</ul>`
    : ''
}`
    : ''
}`;
}
