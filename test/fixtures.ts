/** Shared test data: the story's breast-surgery report from Sjællands Universitetshospital. */
export const BREAST_SURGERY_REPORT = {
  departmentId: 'suh-brystkirurgi',
  cancerType: 'brystkraeft',
  pathwayTypes: ['behandling' as const],
  modalities: ['kirurgi' as const],
  patientsAtRisk: 12,
  from: '2026-11-16',
  until: '2026-12-31',
  longLasting: false,
  scope: 'hospital' as const,
  description: 'To kirurger er sygemeldt; operationskapaciteten er halveret.',
};
