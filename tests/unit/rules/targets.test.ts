import { describe, expect, it } from 'vitest';
import { LEVELS, type Level } from '@/lib/rules/levels';
import { PLANS, PLAN_INFO, responseTargets, type Plan } from '@/lib/rules/targets';

/** puppet.com "Support plans", as quoted in the brief §3. */
const EXPECTED: Record<Plan, Record<Level, string>> = {
  premium: { 1: '1 hour', 2: '4 hours', 3: '12 hours', 4: 'Next business day' },
  standard: { 1: '1 business hour', 2: '4 business hours', 3: '12 business hours', 4: 'Next business day' },
};

const cases = PLANS.flatMap((plan) => LEVELS.map((level) => [plan, level, EXPECTED[plan][level]] as const));

describe('response targets', () => {
  it.each(cases)('%s P%s → %s', (plan, level, target) => {
    expect(PLAN_INFO[plan].targets[level]).toBe(target);
    expect(responseTargets(level, plan)).toEqual([{ plan, planName: PLAN_INFO[plan].name, target }]);
  });

  it.each(LEVELS)('unknown plan shows both plans for P%s', (level) => {
    expect(responseTargets(level, 'unknown')).toEqual([
      { plan: 'standard', planName: 'Standard', target: EXPECTED.standard[level] },
      { plan: 'premium', planName: 'Premium', target: EXPECTED.premium[level] },
    ]);
  });

  it('P4 is next business day on both plans', () => {
    expect(responseTargets(4, 'unknown').map((t) => t.target)).toEqual(['Next business day', 'Next business day']);
  });

  it('describes each plan\'s hours', () => {
    expect(PLAN_INFO.premium.name).toBe('Premium');
    expect(PLAN_INFO.premium.hours).toMatch(/24x7x365/);
    expect(PLAN_INFO.premium.hours).toMatch(/phone/i);
    expect(PLAN_INFO.standard.name).toBe('Standard');
    expect(PLAN_INFO.standard.hours).toMatch(/Monday.Friday/);
    expect(PLAN_INFO.standard.hours).toMatch(/8:00.18:00/);
    expect(PLAN_INFO.standard.hours).toMatch(/time zone/);
    for (const plan of PLANS) expect(PLAN_INFO[plan].plan).toBe(plan);
  });

  it('never carries a phone number (that is an admin setting)', () => {
    const text = JSON.stringify(PLAN_INFO);
    expect(text).not.toMatch(/\+?\d[\d ()-]{6,}\d/);
  });
});
