import { describe, expect, it } from 'vitest';
import {
  agreementValid,
  DEFAULT_CHECKLISTS,
  type ExternalProvider,
  externalHitLine,
  externalOptions,
  providersToCsv,
} from '../../functions/domain/external-providers.ts';
import {
  checklistFormSchema,
  externalProviderSchema,
  parseProvidersCsv,
} from '../../functions/domain/schemas/external-providers.ts';
import { checklistPage } from '../../functions/web/views/external-providers.ts';

function provider(overrides: Partial<ExternalProvider> = {}): ExternalProvider {
  return {
    id: 'aros',
    kind: 'privat',
    name: 'Privathospitalet Aros',
    country: 'Danmark',
    cancerTypes: ['brystkraeft'],
    pathwayTypes: ['udredning', 'behandling'],
    modalities: ['kirurgi'],
    contactName: 'Visitationen',
    contactEmail: 'visitation@aros.example',
    contactPhone: '+45 86 12 34 56',
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
    typicalDays: 10,
    updatedAt: '2026-11-01',
    ...overrides,
  };
}

const TODAY = '2026-12-01';
const query = { cancerType: 'brystkraeft', pathway: 'kirurgi' as const, maxDays: 21, today: TODAY };

describe('the capacity finder with external providers', () => {
  it('lists no external provider while a public department can start in time', () => {
    expect(externalOptions({ ...query, publicHits: 1, providers: [provider()] })).toEqual([]);
  });

  it('lists valid providers when no public department can start in time, marked with their agreement', () => {
    const hits = externalOptions({ ...query, publicHits: 0, providers: [provider()] });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({
      providerId: 'aros',
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      withinMax: true,
    });
    expect(externalHitLine(hits[0] as never)).toMatch(
      /^EKSTERN – Privathospitalet Aros .*aftale 1. januar 2026 – 31. december 2026/,
    );
  });

  it('writes the agreement dates as people read them, in Danish and English', () => {
    const hit = externalOptions({
      ...query,
      publicHits: 0,
      providers: [provider({ validTo: undefined })],
    })[0];
    expect(externalHitLine(hit as never)).toContain('aftale fra 1. januar 2026 (løbende)');
    expect(externalHitLine(hit as never, 'en')).toContain('agreement from 1 January 2026 (open-ended)');
    expect(externalHitLine(hit as never, 'en')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('leaves out expired and not yet started agreements, and providers that do not offer the pathway', () => {
    const providers = [
      provider({ id: 'expired', validTo: '2026-11-30' }),
      provider({ id: 'future', validFrom: '2026-12-02' }),
      provider({ id: 'other-cancer', cancerTypes: ['lungekraeft'] }),
      provider({ id: 'only-udredning', pathwayTypes: ['udredning'], modalities: [] }),
      provider({ id: 'radiotherapy', modalities: ['straalebehandling'] }),
      provider({ id: 'open-ended', validTo: undefined }),
      provider({ id: 'last-day', validTo: TODAY }),
    ];
    const ids = externalOptions({ ...query, publicHits: 0, providers }).map((h) => h.providerId);
    expect(ids.sort()).toEqual(['last-day', 'open-ended']);
  });

  it('ranks by typical days to start, then Danish before abroad, then name; over the maximum is flagged', () => {
    const providers = [
      provider({
        id: 'kiel',
        kind: 'udland',
        name: 'Brustzentrum Kiel',
        country: 'Tyskland',
        typicalDays: 10,
      }),
      provider({ id: 'slow', name: 'Aalborg Privatklinik', typicalDays: 30 }),
      provider({ id: 'aros', typicalDays: 10 }),
      provider({ id: 'fast', name: 'Zealand Klinik', typicalDays: 5 }),
    ];
    const hits = externalOptions({ ...query, publicHits: 0, providers });
    expect(hits.map((h) => h.providerId)).toEqual(['fast', 'aros', 'kiel', 'slow']);
    expect(hits.map((h) => h.withinMax)).toEqual([true, true, true, false]);
  });

  it('needs udredning offered for an udredning query', () => {
    const providers = [
      provider({ id: 'treatment-only', pathwayTypes: ['behandling'] }),
      provider({ id: 'both' }),
    ];
    const hits = externalOptions({ ...query, pathway: 'udredning', publicHits: 0, providers });
    expect(hits.map((h) => h.providerId)).toEqual(['both']);
  });

  it('holds on any day: an agreement is valid exactly from its first to its last day', () => {
    const p = { validFrom: '2026-03-01', validTo: '2026-03-31' };
    expect([
      agreementValid(p, '2026-02-28'),
      agreementValid(p, '2026-03-01'),
      agreementValid(p, '2026-03-31'),
      agreementValid(p, '2026-04-01'),
    ]).toEqual([false, true, true, false]);
  });
});

describe('the register’s validation', () => {
  const { updatedAt, ...input } = provider();

  it('accepts a complete provider and refuses a CPR number in the notes, in Danish', () => {
    expect(externalProviderSchema.safeParse(input).success).toBe(true);
    const result = externalProviderSchema.safeParse({ ...input, notes: 'Patient 010190-1234 venter' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/CPR-nummer/);
  });

  it('refuses an end before the start, treatment without a modality, and an unknown cancer type', () => {
    const bad = externalProviderSchema.safeParse({
      ...input,
      validTo: '2025-01-01',
      modalities: [],
      cancerTypes: ['ukendt'],
    });
    const messages = bad.error?.issues.map((i) => i.message) ?? [];
    expect(messages).toContain('Slutdatoen ligger før startdatoen.');
    expect(messages).toContain('Vælg mindst én behandlingsform.');
    expect(messages).toContain('Ukendt kræftform "ukendt".');
  });

  it('exports to CSV and reads the file back unchanged; one bad row and the import reports it', () => {
    const csv = providersToCsv([
      provider(),
      provider({ id: 'kiel', kind: 'udland', validTo: undefined, notes: '=HYPERLINK("x")' }),
    ]);
    const parsed = parseProvidersCsv(csv);
    expect(parsed.errors).toEqual([]);
    expect(parsed.providers.map((p) => [p.id, p.validTo, p.notes])).toEqual([
      ['aros', '2026-12-31', undefined],
      ['kiel', undefined, '=HYPERLINK("x")'],
    ]);
    const broken = parseProvidersCsv(csv.replace('+45 86 12 34 56', 'ring os'));
    expect(broken.errors).toEqual([
      expect.stringMatching(/^linje 2: contactPhone: Angiv telefonnummeret med landekode/),
    ]);
  });

  it('checklist templates: one item per line, no empty section, no CPR numbers', () => {
    const five = ['a\nb', 'c', 'd', 'e', 'f'];
    expect(checklistFormSchema.parse(five)[0]).toEqual(['a', 'b']);
    expect(checklistFormSchema.safeParse(['', 'c', 'd', 'e', 'f']).success).toBe(false);
    expect(checklistFormSchema.safeParse(['Ring 0101901234', 'c', 'd', 'e', 'f']).success).toBe(false);
  });
});

describe('the referral checklist page', () => {
  it('shows the agreement and the fixed headings in English for an English reader; the items stay as written', () => {
    const args = { provider: provider(), template: DEFAULT_CHECKLISTS.privat, today: TODAY };
    const en = checklistPage({ ...args, lang: 'en' }).value;
    expect(en).toContain('<h2>Medical record and translation</h2>');
    expect(en).toContain('agreement 1 January 2026 – 31 December 2026');
    expect(en).not.toContain('Journal og oversættelse');
    const da = checklistPage(args).value;
    expect(da).toContain('<h2>Journal og oversættelse</h2>');
    // A heading the secretariat wrote itself is shown as written.
    const own = {
      ...DEFAULT_CHECKLISTS.privat,
      sections: [{ heading: 'Egen overskrift', items: ['Punkt'] }],
    };
    expect(checklistPage({ ...args, template: own, lang: 'en' }).value).toContain('<h2>Egen overskrift</h2>');
  });
});
