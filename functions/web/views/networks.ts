/** National network pages: the overview of all cancer types and one network's page. */
import { NETWORK_TEXT_MAX, type Network, type NetworkState, type StandbyProposal } from '#domain/networks.ts';
import { EMAIL_MAX, type Problem } from '#domain/problem.ts';
import { type CancerType, cancerTypeLabel, regionLabel } from '#domain/reference.ts';
import { formatDate, formatDateTime } from '#domain/time.ts';
import { limited } from '../fields.ts';
import { html, type Raw } from '../html.ts';
import { type Lang, t, tHtml, translator } from '../i18n/index.ts';
import { errorSummary, notice } from '../layout.ts';
import { readStored } from '../stored-phrase.ts';

/** A network's state in the page's language: "Aktivt", "Standby", "Ikke oprettet". */
function stateLabel(state: NetworkState | undefined, lang: Lang): string {
  if (state === 'active') return t(lang, 'networks.state.active');
  return t(lang, state === 'standby' ? 'networks.state.standby' : 'networks.state.none');
}

export function networkListPage(
  cancerTypes: CancerType[],
  networks: Map<string, Network>,
  lang: Lang = 'da',
): Raw {
  const tr = translator(lang);
  return html`<h1>${tr('networks.title')}</h1>
<p class="font-lead">${tr('networks.lead')}</p>
<table class="table" id="netvaerk">
  <thead><tr><th scope="col">${tr('networks.col.cancerType')}</th><th scope="col">${tr('networks.col.status')}</th><th scope="col">${tr('networks.col.since')}</th></tr></thead>
  <tbody>${cancerTypes.map((c) => {
    const n = networks.get(c.id);
    const last = n?.history.at(-1);
    return html`<tr data-network="${c.id}"><td><a href="/netvaerk/${c.id}">${cancerTypeLabel(c.id, lang)}</a></td><td>${n ? html`<span class="kk-badge${n.state === 'active' ? ' level-4' : ''}">${stateLabel(n.state, lang)}</span>` : stateLabel(undefined, lang)}</td><td>${last ? formatDate(last.at, lang) : ''}</td></tr>`;
  })}</tbody>
</table>`;
}

type Members = {
  name: string;
  title: string;
  email: string;
  region?: string;
  source: 'contacts' | 'added';
}[];

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
  lang?: Lang;
}): Raw {
  const { network, cancerType, csrf, errors } = args;
  const lang = args.lang ?? 'da';
  const tr = translator(lang);
  const name = cancerTypeLabel(cancerType, lang);
  const base = `/netvaerk/${cancerType}`;
  const open = args.problems.filter((p) => p.status === 'open');
  const v = (k: string) => args.values[k] ?? '';
  const reasonText = v('reason') || (args.proposal.propose ? args.proposal.reason : '');
  const reasonLimit = limited('reason', NETWORK_TEXT_MAX.reason, reasonText, lang);
  const memberName = limited('member-name', NETWORK_TEXT_MAX.memberName, v('name'), lang);
  const memberTitle = limited('member-title', NETWORK_TEXT_MAX.memberTitle, v('title'), lang);
  const memberEmail = limited('member-email', EMAIL_MAX, v('email'), lang);
  const participantsLimit = limited('participants', NETWORK_TEXT_MAX.participants, v('participants'), lang);
  const actionsLimit = limited('actions', NETWORK_TEXT_MAX.actions, v('actions'), lang);
  return html`<h1>${tr('networks.page.heading', { name })}</h1>
${args.flash ?? ''}
${errorSummary(errors, lang)}
<p id="netvaerk-status">${tHtml(lang, 'networks.page.status', { state: html`<strong>${stateLabel(network?.state, lang)}</strong>`, open: open.length })}</p>
${
  args.proposal.propose
    ? notice(
        'info',
        tr('networks.proposal.heading'),
        tr('networks.proposal.text', { reason: args.proposal.reason }),
      )
    : network?.state === 'active'
      ? html`<p>${tr('networks.proposal.notYet', { reason: args.proposal.reason })}</p>`
      : ''
}
${
  args.mayDecide
    ? html`<form method="post" action="${base}/status" class="kk-actions" novalidate>
  <input type="hidden" name="csrf" value="${csrf}">
  <input type="hidden" name="state" value="${network?.state === 'active' ? 'standby' : 'active'}">
  <div class="form-group${errors.reason ? ' form-error' : ''}"><label class="form-label" for="reason">${tr('networks.decision.reason')}</label>
  ${errors.reason ? html`<span class="form-error-message">${errors.reason}</span>` : ''}
  <textarea class="form-input" id="reason" name="reason" rows="2" ${reasonLimit.attrs}>${reasonText}</textarea>${reasonLimit.counter}</div>
  <button class="button button-primary" type="submit">${tr(network?.state === 'active' ? 'networks.decision.standby' : network ? 'networks.decision.reactivate' : 'networks.decision.create')}</button>
</form>`
    : ''
}
${
  network
    ? html`<h2>${tr('networks.history')}</h2>
<table class="table" id="historik"><thead><tr><th scope="col">${tr('networks.history.at')}</th><th scope="col">${tr('networks.col.status')}</th><th scope="col">${tr('networks.history.who')}</th><th scope="col">${tr('networks.history.reason')}</th></tr></thead>
<tbody>${[...network.history].reverse().map((h) => html`<tr><td>${formatDateTime(h.at, lang)}</td><td>${stateLabel(h.state, lang)}</td><td>${h.source === 'automatic' ? tr('networks.history.automatic') : h.who.name}</td><td>${readStored({ text: h.reason, phrase: h.reasonPhrase }, lang)}</td></tr>`)}</tbody></table>`
    : ''
}
<h2>${tr('networks.members')}</h2>
<table class="table" id="medlemmer"><thead><tr><th scope="col">${tr('networks.members.name')}</th><th scope="col">${tr('networks.members.email')}</th><th scope="col">${tr('networks.members.region')}</th><th scope="col">${tr('networks.members.source')}</th></tr></thead>
<tbody>${args.members.map((m) => html`<tr><td>${m.name}<br>${m.title}</td><td>${m.email}</td><td>${m.region ? regionLabel(m.region, lang) : ''}</td><td>${tr(m.source === 'contacts' ? 'networks.members.fromContacts' : 'networks.members.added')}</td></tr>`)}</tbody></table>
${
  network && args.mayDecide
    ? html`<form method="post" action="${base}/medlemmer" class="kk-actions" novalidate>
  <input type="hidden" name="csrf" value="${csrf}">
  <h3>${tr('networks.members.add')}</h3>
  <div class="form-group"><label class="form-label" for="member-name">${tr('networks.members.name')}</label><input class="form-input" id="member-name" name="name" value="${v('name')}" ${memberName.attrs}>${memberName.counter}</div>
  <div class="form-group"><label class="form-label" for="member-title">${tr('networks.members.title')}</label><input class="form-input" id="member-title" name="title" value="${v('title')}" ${memberTitle.attrs}>${memberTitle.counter}</div>
  <div class="form-group"><label class="form-label" for="member-email">${tr('networks.members.email')}</label><input class="form-input" id="member-email" name="email" type="email" value="${v('email')}" ${memberEmail.attrs}>${memberEmail.counter}</div>
  <button class="button button-secondary" type="submit">${tr('networks.members.add')}</button>
</form>`
    : ''
}
${
  network
    ? html`<h2>${tr('networks.meetings')}</h2>
${network.meetings.length === 0 ? html`<p>${tr('networks.meetings.none')}</p>` : ''}
${[...network.meetings].reverse().map(
  (
    m,
  ) => html`<section class="kk-mail"><h3>${tr('networks.meeting.heading', { date: formatDate(m.date, lang) })}</h3>
  <p>${tr('networks.meeting.participants', { names: m.participants.join(', ') })}</p>
  <ul class="nobullet-list">${m.actions.map(
    (a) =>
      html`<li data-action="${a.id}">${a.done ? '✓ ' : ''}${tr('networks.meeting.action', { text: a.text, owner: a.owner, due: formatDate(a.due, lang) })}${
        !a.done && args.mayCoordinate
          ? html` <form method="post" action="${base}/handlinger/${a.id}/udfoert" style="display:inline"><input type="hidden" name="csrf" value="${csrf}"><button class="button button-tertiary" type="submit">${tr('networks.meeting.markDone')}</button></form>`
          : ''
      }</li>`,
  )}</ul></section>`,
)}
${
  args.mayCoordinate
    ? html`<form method="post" action="${base}/moeder" class="kk-actions" novalidate>
  <input type="hidden" name="csrf" value="${csrf}">
  <h3>${tr('networks.meeting.record')}</h3>
  <div class="form-group${errors.date ? ' form-error' : ''}"><label class="form-label" for="date">${tr('networks.meeting.date')}</label>${errors.date ? html`<span class="form-error-message">${errors.date}</span>` : ''}<input class="form-input" id="date" name="date" type="date" value="${v('date')}"></div>
  <div class="form-group${errors.participants ? ' form-error' : ''}"><label class="form-label" for="participants">${tr('networks.meeting.participantsField')}</label>${errors.participants ? html`<span class="form-error-message">${errors.participants}</span>` : ''}<textarea class="form-input" id="participants" name="participants" rows="4" ${participantsLimit.attrs}>${v('participants')}</textarea>${participantsLimit.counter}</div>
  <div class="form-group${errors.actions ? ' form-error' : ''}"><label class="form-label" for="actions">${tr('networks.meeting.actionsField')}</label>${errors.actions ? html`<span class="form-error-message">${errors.actions}</span>` : ''}<textarea class="form-input" id="actions" name="actions" rows="4" ${actionsLimit.attrs}>${v('actions')}</textarea>${actionsLimit.counter}</div>
  <button class="button button-secondary" type="submit">${tr('networks.meeting.submit')}</button>
</form>
<form method="post" action="${base}/informer-danske-regioner" class="kk-actions">
  <input type="hidden" name="csrf" value="${csrf}">
  <input type="hidden" name="submissionKey" value="${args.submissionKey}">
  <p>${tr('networks.inform.ask')}</p>
  <button class="button button-secondary" type="submit">${tr('networks.inform.submit')}</button>
</form>`
    : ''
}
${
  network.informed.length > 0
    ? html`<h2>${tr('networks.inform.done')}</h2><ul>${network.informed.map((i) => html`<li>${tr('networks.inform.by', { time: formatDateTime(i.at, lang), name: i.who.name })}</li>`)}</ul>`
    : ''
}`
    : ''
}`;
}
