import type { Level } from './levels';

export const PLANS = ['standard', 'premium'] as const;
export type Plan = (typeof PLANS)[number];
/** What the user or admin told us; "unknown" shows both plans. */
export type PlanChoice = Plan | 'unknown';

export interface PlanInfo {
  plan: Plan;
  name: string;
  hours: string;
  /** Response target per level, as Support words it. */
  targets: Record<Level, string>;
}

export const SUPPORT_PLANS_SOURCE = 'puppet.com, "Support plans"';

export const PLAN_INFO: Record<Plan, PlanInfo> = {
  standard: {
    plan: 'standard',
    name: 'Standard',
    hours: 'Monday–Friday, 8:00–18:00 in your time zone',
    targets: {
      1: '1 business hour',
      2: '4 business hours',
      3: '12 business hours',
      4: 'Next business day',
    },
  },
  premium: {
    plan: 'premium',
    name: 'Premium',
    hours: '24x7x365, with phone support for Priority 1',
    targets: {
      1: '1 hour',
      2: '4 hours',
      3: '12 hours',
      4: 'Next business day',
    },
  },
};

export interface ResponseTarget {
  plan: Plan;
  planName: string;
  target: string;
}

/** The response targets to show for a level: one plan, or both when the plan is unknown. */
export function responseTargets(level: Level, plan: PlanChoice): ResponseTarget[] {
  const plans: readonly Plan[] = plan === 'unknown' ? PLANS : [plan];
  return plans.map((p) => ({
    plan: p,
    planName: PLAN_INFO[p].name,
    target: PLAN_INFO[p].targets[level],
  }));
}

/**
 * The response targets of PLAN_INFO as numbers, for a UI to word in its own language: hours
 * per level (null: next business day), business hours (Standard) or around the clock (Premium).
 */
export const RESPONSE_HOURS: Record<Plan, { hours: Record<Level, number | null>; business: boolean }> = {
  standard: { hours: { 1: 1, 2: 4, 3: 12, 4: null }, business: true },
  premium: { hours: { 1: 1, 2: 4, 3: 12, 4: null }, business: false },
};
