/**
 * Monitoring of maximum waiting times and package pathway times (issue 10): the figures read
 * from the stored aggregates. Uploads are in monitoring-uploads.ts, the ingest that turns an
 * extract into aggregates (and deletes it) in monitoring-ingest.ts.
 */
import { config } from '#adapters/config.ts';
import {
  listRegionQuarterHistory,
  listRegionQuarters,
  type StoredRegionQuarter,
} from '#adapters/monitoring-store.ts';
import {
  DEFAULT_PRESSURE_THRESHOLDS,
  type MonitoringStatusFigures,
  monitoringStatusFigures,
  type PressureThresholds,
  packageTimes,
  waitingTimes,
} from '#domain/monitoring-figures.ts';

export async function monitoringFigures(year: number, cancerType?: string) {
  const stored = await listRegionQuarters(year);
  return {
    waiting: waitingTimes(stored, year, cancerType),
    packages: packageTimes(stored, year, cancerType),
    stored,
  };
}

export function pressureThresholds(): PressureThresholds {
  const [capacity, notComplied] = config().MONITORING_PRESSURE.split(',').map(Number) as [number, number];
  return { ...DEFAULT_PRESSURE_THRESHOLDS, capacity, notComplied };
}

/** The monitoring's figures for the quarterly status; undefined when no region has reported the quarter. */
export async function quarterMonitoringFigures(
  quarter: string,
): Promise<MonitoringStatusFigures | undefined> {
  return monitoringStatusFigures(
    await listRegionQuarters(Number(quarter.slice(0, 4))),
    quarter,
    pressureThresholds(),
  );
}

export function regionQuarterHistory(region: string, quarter: string): Promise<StoredRegionQuarter[]> {
  return listRegionQuarterHistory(region, quarter);
}
