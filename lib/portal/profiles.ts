import type { Level } from '../rules/levels';

/** How to find the priority field on one kind of portal. */
export interface PortalProfile {
  id: string;
  /** The priority field itself (select, hidden input or combobox trigger), when known. */
  fieldSelector?: string;
  /** Look inside open shadow roots (Salesforce LWR); costlier, so only where needed. */
  shadowDom: boolean;
  /** An admin's option text → level map, for labels the recognition does not know. */
  labels?: Readonly<Record<string, Level>>;
}

export const ZENDESK_PROFILE: PortalProfile = {
  id: 'zendesk',
  fieldSelector: '[name="request[priority]"]',
  shadowDom: false,
};

export const SALESFORCE_PROFILE: PortalProfile = { id: 'salesforce', shadowDom: true };

export const GENERIC_PROFILE: PortalProfile = { id: 'generic', shadowDom: true };

/** The profile for a page, by its host. */
export function profileForHost(host: string): PortalProfile {
  if (host === 'support.puppet.com' || host.endsWith('.zendesk.com')) return ZENDESK_PROFILE;
  if (host === 'portal.perforce.com' || host.endsWith('.my.site.com') || host.endsWith('.force.com')) {
    return SALESFORCE_PROFILE;
  }
  return GENERIC_PROFILE;
}

/** What an admin configured for the portal a page belongs to (see lib/config PortalConfig). */
export interface PortalOverrides {
  fieldSelector?: string;
  labels?: Readonly<Record<string, Level>>;
}

/** The profile for a page: by its host, with the admin's selector and labels on top. */
export function profileFor(host: string, overrides?: PortalOverrides | null): PortalProfile {
  const base = profileForHost(host);
  if (!overrides?.fieldSelector && !overrides?.labels) return base;
  return {
    ...base,
    fieldSelector: overrides.fieldSelector ?? base.fieldSelector,
    labels: overrides.labels,
  };
}

/** Whether two profiles find and read the field the same way (selector, labels, shadow DOM). */
export function sameProfile(a: PortalProfile, b: PortalProfile): boolean {
  if (a === b) return true;
  if (a.id !== b.id || a.fieldSelector !== b.fieldSelector || a.shadowDom !== b.shadowDom) return false;
  const aLabels = Object.entries(a.labels ?? {});
  const bLabels = b.labels ?? {};
  return aLabels.length === Object.keys(bLabels).length && aLabels.every(([text, level]) => bLabels[text] === level);
}
