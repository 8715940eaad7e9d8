/**
 * Demo external providers for `npm start`: two Danish private providers under the extended free
 * choice (one whose agreement has ended: kept in the register, left out of the finder), and two
 * foreign hospitals with an agreement — one for sarcoma, which no demo department reports, so
 * `/find-kapacitet` shows external capacity. Written once, through the secretariat's import; the
 * ended agreement's details are overdue for confirmation.
 */
import {
  getExternalProvider,
  listExternalProviders,
  putExternalProvider,
} from '../functions/adapters/store.ts';
import { providersToCsv } from '../functions/domain/external-providers.ts';
import { addCalendarDays, localDate } from '../functions/domain/time.ts';
import { getUser } from '../functions/services/auth.ts';
import { importExternalProvidersCsv } from '../functions/services/external-provider-edits.ts';

const SECRETARIAT = 'specialenheden@specialenheden.example';

export async function seedExternalProviders(now = new Date()): Promise<void> {
  if ((await listExternalProviders()).length > 0) return;
  const user = await getUser(SECRETARIAT);
  if (!user) return;
  const day = (offset: number) => localDate(addCalendarDays(now, offset));
  const providers = [
    {
      id: 'privathospital-aros',
      kind: 'privat' as const,
      name: 'Privathospitalet Aros',
      country: 'Danmark',
      cancerTypes: ['brystkraeft', 'tyk-endetarmskraeft'],
      pathwayTypes: ['udredning' as const, 'behandling' as const],
      modalities: ['kirurgi' as const],
      contactName: 'Visitationen',
      contactEmail: 'visitation@aros-privathospital.example',
      contactPhone: '+45 86 12 34 56',
      validFrom: day(-200),
      validTo: day(165),
      typicalDays: 10,
      notes: 'Aftale under udvidet frit sygehusvalg; mammakirurgi og koloskopi.',
      updatedAt: day(0),
    },
    {
      id: 'klinik-nord',
      kind: 'privat' as const,
      name: 'Klinik Nord',
      country: 'Danmark',
      cancerTypes: ['brystkraeft'],
      pathwayTypes: ['udredning' as const],
      modalities: [],
      contactName: 'Sekretariatet',
      contactEmail: 'sekretariat@kliniknord.example',
      contactPhone: '+45 98 76 54 32',
      validFrom: day(-400),
      validTo: day(-10),
      typicalDays: 7,
      notes: 'Aftalen er udløbet; genforhandles.',
      updatedAt: day(0),
    },
    {
      id: 'brustzentrum-kiel',
      kind: 'udland' as const,
      name: 'Brustzentrum Kiel',
      country: 'Tyskland',
      cancerTypes: ['brystkraeft'],
      pathwayTypes: ['behandling' as const],
      modalities: ['kirurgi' as const, 'straalebehandling' as const],
      contactName: 'International Office',
      contactEmail: 'international@brustzentrum-kiel.example',
      contactPhone: '+49 431 123 4567',
      validFrom: day(-90),
      typicalDays: 14,
      notes: 'Afprøvet for brystkræft; journal oversættes til engelsk.',
      updatedAt: day(0),
    },
    {
      id: 'sarkomcentret-lund',
      kind: 'udland' as const,
      name: 'Sarkomcentret Lund',
      country: 'Sverige',
      cancerTypes: ['sarkomer'],
      pathwayTypes: ['udredning' as const, 'behandling' as const],
      modalities: ['kirurgi' as const],
      contactName: 'Internationella kansliet',
      contactEmail: 'international@sarkomcentret-lund.example',
      contactPhone: '+46 46 17 10 00',
      validFrom: day(-30),
      validTo: day(335),
      typicalDays: 12,
      notes: 'Ingen demoafdeling melder sarkomer: kapacitetsfinderen viser derfor denne aftale.',
      updatedAt: day(0),
    },
  ];
  await importExternalProvidersCsv({ ...user, via: 'session' }, providersToCsv(providers));
  // The ended agreement's details were last confirmed long ago: the register marks it, and the
  // provider-verification job reminds Specialenheden (/local/jobs/provider-verification).
  const ended = await getExternalProvider('klinik-nord');
  if (ended) await putExternalProvider({ ...ended, verifiedAt: day(-220) });
}
