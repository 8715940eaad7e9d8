/**
 * Who may open what, as the page frame asks on every page (the menu leaves out what the person
 * would only be refused). Apart from the services that act on it, so a page loads these checks
 * without every service's adapters and texts; the services re-export what they use.
 */
import { findDepartment, REGION_IDS, type RegionId } from '#domain/reference.ts';
import type { Actor } from './actors.ts';

/** Departments report only for themselves; the secretariat may report on a department's behalf. */
export function mayReportFor(actor: Actor, departmentId: string): boolean {
  if (actor.role === 'secretariat' || actor.role === 'admin') return true;
  return actor.role === 'department' && actor.department === departmentId;
}

/**
 * Who may submit a department's weekly figures: the department itself; its hospital's
 * management; the primærindgang of its region (regional systems report for the region's
 * departments with that identity); Specialenheden and administrators for all.
 */
export function mayReportWeeklyFor(actor: Actor, departmentId: string): boolean {
  if (actor.role === 'secretariat' || actor.role === 'admin') return true;
  const department = findDepartment(departmentId);
  if (!department) return false;
  if (actor.role === 'department') return actor.department === departmentId;
  if (actor.role === 'hospital-management') return actor.hospital === department.hospital;
  if (actor.role === 'primary') return actor.region === department.region;
  return false;
}

/** The circle, the secretariat and administrators; the status names no patients, only counts. */
export function mayReadStatus(role: string): boolean {
  return ['director', 'secretariat', 'admin', 'danske-regioner', 'primary', 'network'].includes(role);
}

/**
 * Who records a region's counts: the region's primærindgange (the coordinators who offer
 * referral elsewhere, and the identity a regional system reports with), Specialenheden and
 * administrators for every region.
 */
export function mayRecordReferralsFor(actor: Actor, region: string): boolean {
  if (actor.role === 'secretariat' || actor.role === 'admin') return true;
  return actor.role === 'primary' && actor.region === region;
}

export function referralRegionsFor(actor: Actor): RegionId[] {
  return REGION_IDS.filter((r) => mayRecordReferralsFor(actor, r));
}
