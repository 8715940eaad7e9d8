/** National networks: state changes with history, the standby proposal, meetings and action reminders. */
import { describe, expect, it } from 'vitest';
import {
  actionsToRemind,
  changeState,
  NETWORK_TEXT_MAX,
  type Network,
  networkStatesAt,
  type StateChange,
  standbyProposal,
} from '../../functions/domain/networks.ts';
import type { Problem } from '../../functions/domain/problem.ts';
import { parseMeetingForm } from '../../functions/domain/schemas/networks.ts';
import { mayCoordinate } from '../../functions/services/networks.ts';

const DIRECTOR = {
  email: 'camilla.thygesen@regionsjaelland.example',
  name: 'Camilla Thygesen',
  role: 'director',
};
const change = (state: 'active' | 'standby', at: string, extra: Partial<StateChange> = {}): StateChange => ({
  at,
  state,
  who: DIRECTOR,
  reason: 'Beslutning i sundhedsdirektørkredsen',
  source: 'decision',
  ...extra,
});

const problem = (p: Partial<Problem>): Problem =>
  ({ cancerType: 'brystkraeft', status: 'open', createdAt: '2026-09-01T08:00:00.000Z', ...p }) as Problem;

describe('network state changes', () => {
  it('creates a network by activating it and records every change with who, when and why', () => {
    const first = changeState(undefined, 'brystkraeft', change('active', '2026-09-01T08:00:00.000Z'));
    expect(first.changed).toBe(true);
    expect(first.network).toMatchObject({ cancerType: 'brystkraeft', state: 'active', version: 0 });
    const standby = changeState(first.network, 'brystkraeft', change('standby', '2026-10-20T08:00:00.000Z'));
    expect(standby.network.state).toBe('standby');
    expect(standby.network.history.map((h) => [h.state, h.who.name, h.at])).toEqual([
      ['active', 'Camilla Thygesen', '2026-09-01T08:00:00.000Z'],
      ['standby', 'Camilla Thygesen', '2026-10-20T08:00:00.000Z'],
    ]);
  });

  it('is idempotent: activating an active network (automatic, on every ladder retry) changes nothing', () => {
    const { network } = changeState(undefined, 'brystkraeft', change('active', '2026-09-01T08:00:00.000Z'));
    const again = changeState(
      network,
      'brystkraeft',
      change('active', '2026-09-02T08:00:00.000Z', { source: 'automatic' }),
    );
    expect(again.changed).toBe(false);
    expect(again.network.history).toHaveLength(1);
  });

  it('cannot put a network that does not exist on standby', () => {
    expect(() =>
      changeState(undefined, 'brystkraeft', change('standby', '2026-09-01T08:00:00.000Z')),
    ).toThrow();
  });

  it('gives the states at an instant from the history (for the quarterly status)', () => {
    const a = changeState(undefined, 'brystkraeft', change('active', '2026-08-01T08:00:00.000Z')).network;
    const b = changeState(a, 'brystkraeft', change('standby', '2026-10-05T08:00:00.000Z')).network;
    const c = changeState(undefined, 'lungekraeft', change('active', '2026-09-10T08:00:00.000Z')).network;
    expect(networkStatesAt([b, c], '2026-09-30T22:00:00.000Z')).toEqual({
      active: ['brystkraeft', 'lungekraeft'],
      standby: [],
    });
    expect(networkStatesAt([b, c], '2026-12-31T23:00:00.000Z')).toEqual({
      active: ['lungekraeft'],
      standby: ['brystkraeft'],
    });
  });
});

describe('the standby proposal', () => {
  const active = changeState(undefined, 'brystkraeft', change('active', '2026-09-01T08:00:00.000Z')).network;
  const now = new Date('2026-11-22T08:00:00.000Z');

  it('is not made while a problem for the cancer type is open', () => {
    const p = standbyProposal({ network: active, problems: [problem({})], now, weeks: 4 });
    expect(p).toEqual({ propose: false, reason: '1 sag er stadig åben.' });
  });

  it('is made when nothing is open and it has been calm for the configured number of weeks', () => {
    const resolved = problem({ status: 'resolved', resolvedAt: '2026-10-20T08:00:00.000Z' });
    // 20 Oct → 22 Nov is 4 weeks and 5 days.
    expect(standbyProposal({ network: active, problems: [resolved], now, weeks: 4 }).propose).toBe(true);
    expect(standbyProposal({ network: active, problems: [resolved], now, weeks: 5 })).toEqual({
      propose: false,
      reason: 'Der har kun været roligt i 4 af 5 uger.',
    });
  });

  it('ignores other cancer types and respects the weekly data when present', () => {
    const otherOpen = problem({ cancerType: 'lungekraeft' });
    expect(standbyProposal({ network: active, problems: [otherOpen], now, weeks: 4 }).propose).toBe(true);
    expect(
      standbyProposal({ network: active, problems: [], now, weeks: 4, weeksWithinMaximum: 2 }).propose,
    ).toBe(false);
    expect(
      standbyProposal({ network: active, problems: [], now, weeks: 4, weeksWithinMaximum: 6 }).propose,
    ).toBe(true);
  });

  it('is not made for a network on standby', () => {
    const standby = changeState(active, 'brystkraeft', change('standby', '2026-10-01T08:00:00.000Z')).network;
    expect(standbyProposal({ network: standby, problems: [], now, weeks: 4 }).propose).toBe(false);
  });
});

describe('coordination meetings', () => {
  it('reads participants and actions, with Danish errors for a malformed action', () => {
    const ok = parseMeetingForm({
      date: '2026-11-20',
      participants: 'Lene Nørgaard\nThomas Dam\n',
      actions: 'Flyt 10 operationer til Odense; lene.noergaard@regionsjaelland.example; 2026-11-27',
    });
    expect(ok).toEqual({
      ok: true,
      date: '2026-11-20',
      participants: ['Lene Nørgaard', 'Thomas Dam'],
      actions: [
        {
          text: 'Flyt 10 operationer til Odense',
          owner: 'lene.noergaard@regionsjaelland.example',
          due: '2026-11-27',
        },
      ],
    });
    const bad = parseMeetingForm({ date: '', participants: '', actions: 'Noget; ikke-en-mail; 2026-11-27' });
    expect(bad).toEqual({
      ok: false,
      errors: {
        date: 'Angiv mødets dato (åååå-mm-dd).',
        participants: 'Angiv mindst én deltager.',
        actions:
          'Handling 1: Ansvarlig skal være en e-mailadresse. Skriv "handling; ansvarlig e-mail; åååå-mm-dd".',
      },
    });
  });

  it('reminds open actions due by the given day, once', () => {
    const network: Network = {
      ...changeState(undefined, 'brystkraeft', change('active', '2026-09-01T08:00:00.000Z')).network,
      meetings: [
        {
          id: 'm1',
          date: '2026-11-20',
          participants: ['A'],
          recordedBy: DIRECTOR,
          actions: [
            { id: 'due', text: 'x', owner: 'a@x.dk', due: '2026-11-23' },
            { id: 'later', text: 'y', owner: 'a@x.dk', due: '2026-11-30' },
            { id: 'done', text: 'z', owner: 'a@x.dk', due: '2026-11-21', done: true },
            {
              id: 'reminded',
              text: 'w',
              owner: 'a@x.dk',
              due: '2026-11-21',
              remindedAt: '2026-11-20T06:30:00Z',
            },
          ],
        },
      ],
    };
    expect(actionsToRemind(network, '2026-11-23').map((d) => d.action.id)).toEqual(['due']);
  });
});

describe('the meeting form limits', () => {
  it('refuses a participant list or action list over its limit, saying how long it is, and cuts nothing', () => {
    const participants = Array.from({ length: 120 }, (_, i) => `Overlæge nummer ${i + 1}`).join('\n');
    const actions = Array.from(
      { length: 60 },
      (_, i) => `Gennemgå henvisningsmønstret for region ${i + 1}; koordinator@rh.example; 2026-12-18`,
    ).join('\n');
    const result = parseMeetingForm({ date: '2026-11-24', participants, actions });
    expect(result.ok).toBe(false);
    const errors = (result as { errors: Record<string, string> }).errors;
    expect(errors.participants).toMatch(
      new RegExp(
        `^Teksten er for lang: højst ${NETWORK_TEXT_MAX.participants.toLocaleString('da-DK')} tegn \\(der er [\\d.]+\\)\\.$`,
      ),
    );
    expect(errors.actions).toMatch(/^Teksten er for lang: højst 4\.000 tegn/);
    // At the limit the whole list is taken, every line of it.
    const fits = parseMeetingForm({
      date: '2026-11-24',
      participants: participants.slice(0, 1990),
      actions: '',
    });
    expect(fits.ok && fits.participants.join('\n')).toBe(participants.slice(0, 1990).trim());
  });
});

describe('who may coordinate a network', () => {
  const breastMember = {
    role: 'network' as const,
    email: 'sofie.kjaer@regionh.example',
    cancerTypes: ['brystkraeft'],
  };
  const lungNetwork = {
    members: [
      {
        name: 'Sofie',
        title: 'Overlæge',
        email: 'Sofie.Kjaer@regionh.example',
        addedAt: '2026-09-01T08:00:00.000Z',
        addedBy: DIRECTOR,
      },
    ],
  };

  it('lets a network user coordinate only its own cancer types’ networks, or one it was added to', () => {
    expect(mayCoordinate(breastMember, 'brystkraeft')).toBe(true);
    expect(mayCoordinate(breastMember, 'lungekraeft')).toBe(false);
    expect(mayCoordinate(breastMember, 'lungekraeft', { members: [] })).toBe(false);
    expect(mayCoordinate(breastMember, 'lungekraeft', lungNetwork)).toBe(true);
  });

  it('lets the circle, the secretariat and administrators coordinate every network, and nobody else', () => {
    for (const role of ['director', 'secretariat', 'admin'] as const)
      expect(mayCoordinate({ role, email: 'x@example.dk', cancerTypes: [] }, 'lungekraeft')).toBe(true);
    for (const role of ['department', 'primary', 'danske-regioner', 'hospital-management'] as const)
      expect(
        mayCoordinate(
          { role, email: 'x@example.dk', cancerTypes: ['lungekraeft'] },
          'lungekraeft',
          lungNetwork,
        ),
      ).toBe(false);
  });
});
