import { describe, expect, it } from 'vitest';
import { DEFAULT_TICKET_ESSENTIALS } from '@/lib/rules/checklist';
import {
  BUSINESS_IMPACT_LABEL,
  DEFAULT_ESSENTIALS,
  ESSENTIAL_IDS,
  essentialsFromConfig,
  findKeyword,
  judgeReadiness,
  labelInSentence,
  missingItems,
  type EssentialId,
  type EssentialResult,
  type TicketSnapshot,
} from '@/lib/rules/readiness';

type Expected = Partial<Record<EssentialId, string | true>>;

interface Case {
  name: string;
  /** The description, or the parts of the snapshot that differ from an empty ticket. */
  ticket: string | Partial<TicketSnapshot>;
  /** The essentials found (with their exact evidence, or `true` for any); every other one is missing. */
  found: Expected;
}

function snapshot(ticket: Case['ticket']): TicketSnapshot {
  const base: TicketSnapshot = { subject: '', description: '', attachments: [], fields: [] };
  return typeof ticket === 'string' ? { ...base, description: ticket } : { ...base, ...ticket };
}

const FULL_TICKET = `Since 09:10 UTC today the PE console returns 502 for everyone.
We upgraded from 2021.7.9 to 2023.8.1 on Saturday night.
Production is affected: all 1,200 nodes fail their agent runs and deployments to customers are blocked.
I ran /opt/puppetlabs/bin/puppet enterprise support --ticket 123456 and it uploaded fine.`;

const PUPPETSERVER_LOG = `2026-12-06T09:10:33.123Z ERROR [qtp1234-56] [puppetserver] Puppet Server Error: Evaluation Error: Unknown function 'lookup_x' on node web01.example.com, environment production
2026-12-06T09:10:34.001Z ERROR [qtp1234-57] [puppetserver] Puppet Server Error: Evaluation Error: Unknown function 'lookup_x' on node web02.example.com, environment production
2026-12-06T09:11:02.551Z INFO  [clojure-agent-send-pool-0] [puppetserver] Puppet Compiled catalog for db01 in environment production in 2.31 seconds`;

const AGENT_OUTPUT = `Info: Using environment 'production'
Info: Retrieving pluginfacts
Notice: /Stage[main]/Profile::Base/File[/etc/motd]/content: content changed '{md5}3f1a' to '{md5}9c2e'
Notice: Applied catalog in 12.34 seconds`;

/** A long ticket: prose spread around pasted output, every essential somewhere in it. */
const LONG_TICKET = [
  'Hello Support,',
  '',
  'our primary server stopped compiling catalogs. '.repeat(20),
  PUPPETSERVER_LOG,
  AGENT_OUTPUT,
  'It started at 06:45 CET this morning, right after the change window. '.repeat(3),
  'We patched the OS on the compilers (RHEL 8.9 kernel 4.18.0-513) during the window.',
  'Version: Puppet Enterprise 2021.7.9 (LTS). Agents are 7.28.0.',
  'Business impact: this is our production estate, 4,300 nodes cannot get a catalog, releases are blocked.',
  'Support script output attached.',
  'Thanks, Ana',
].join('\n');

const CASES: Case[] = [
  // --- empty and vague tickets
  { name: 'an empty ticket', ticket: '', found: {} },
  { name: 'a subject alone, nothing in it', ticket: { subject: 'Console down' }, found: {} },
  { name: 'a vague plea', ticket: 'URGENT!!! Everything is broken, please call me ASAP', found: {} },
  { name: 'non-English, no digits (Spanish)', ticket: 'La consola no funciona y los agentes fallan. Ayuda por favor.', found: {} },
  { name: 'a Greek text without digits', ticket: 'Η κονσόλα δεν λειτουργεί, παρακαλώ βοηθήστε.', found: {} },

  // --- complete tickets
  {
    name: 'a complete P1',
    ticket: FULL_TICKET,
    found: {
      'what-broke-since': '09:10 UTC',
      'what-changed': 'We upgraded from 2021.7.9 to 2023.8.1 on Saturday…',
      'pe-version': '2021.7.9',
      'support-script': true,
      'business-impact': 'Production; 1,200 nodes',
    },
  },
  {
    name: 'a long ticket with pasted logs and agent output',
    ticket: { subject: 'P1 compilers down', description: LONG_TICKET, attachments: ['puppet_enterprise_support_pe-primary_20261206.tar.gz'] },
    found: {
      'what-broke-since': '06:45 CET',
      'what-changed': 'after the change window',
      'pe-version': 'Puppet Enterprise 2021.7.9',
      'support-script': 'puppet_enterprise_support_pe-primary_20261206.tar.gz',
      'business-impact': 'production; 4,300 nodes',
    },
  },

  // --- Puppet Enterprise version
  { name: 'PE 2019.8', ticket: 'PE 2019.8 compilers are slow', found: { 'pe-version': 'PE 2019.8' } },
  { name: 'a bare 2021.7.9', ticket: 'we are on 2021.7.9 and it fails', found: { 'pe-version': '2021.7.9' } },
  { name: 'Puppet Enterprise 2025.2', ticket: 'We run Puppet Enterprise 2025.2 on RHEL 9', found: { 'pe-version': 'Puppet Enterprise 2025.2' } },
  { name: 'lower-case pe version 2021.7.4', ticket: 'pe version 2021.7.4', found: { 'pe-version': 'pe version 2021.7.4' } },
  { name: 'PE2023.8.1 without a space', ticket: 'PE2023.8.1 on all servers', found: { 'pe-version': 'PE2023.8.1' } },
  { name: 'an old PE 3.8.7 after its name', ticket: 'Still on PE 3.8.7, I know it is old.', found: { 'pe-version': 'PE 3.8.7' } },
  { name: 'a two-digit minor after PE', ticket: 'PE 2025.10 here', found: { 'pe-version': 'PE 2025.10' } },
  { name: 'a bare two-digit minor is too date-like', ticket: 'seen on 2025.10 builds', found: {} },
  { name: 'the installer tarball names the version', ticket: 'Installer puppet-enterprise-2023.8.1-el-8-x86_64.tar.gz stops at the database step.', found: { 'pe-version': 'puppet-enterprise-2023.8.1' } },
  { name: 'pe_version file content', ticket: '# cat /opt/puppetlabs/server/pe_version\n2021.7.4', found: { 'pe-version': 'pe_version 2021.7.4' } },
  { name: 'a version at the end of a sentence', ticket: 'Our Windows agents report 2019.8.12.', found: { 'pe-version': '2019.8.12' } },
  { name: 'an IP address holding a version-like run', ticket: 'Agents at 10.20.30.40 and 192.168.2.15 cannot reach 10.2023.8.1 on port 8140.', found: {} },
  { name: 'four parts are no version', ticket: 'build 2023.8.1.4 of our own tool', found: {} },
  { name: 'a zero-padded date is no version', ticket: 'Logs rotated on 2023.08.01', found: { 'what-broke-since': '2023.08.01' } },
  { name: 'other products\u2019 versions', ticket: 'puppet agent 7.24.0, puppetserver 8.4.0, Ruby 3.2.2, PostgreSQL 14.10, RHEL 8.6, Ubuntu 22.04', found: {} },
  { name: 'PE with a version PE never had', ticket: 'We think it is PE 7.24', found: {} },
  { name: 'a bare year is not a version', ticket: 'We are on PE 2023', found: {} },
  { name: '2023.x is not a version', ticket: 'PE 2023.x, not sure which one', found: {} },
  { name: 'another product versioned by year', ticket: 'IntelliJ 2023.2 crashes when I edit manifests', found: {} },
  { name: 'a duration that looks like a version', ticket: 'Catalog compiled in 2017.3 seconds', found: {} },
  { name: 'an amount of money', ticket: 'Our renewal costs $2023.5', found: {} },
  { name: 'a target version still counts as a PE version mentioned', ticket: 'Is it safe to upgrade to 2023.8.1?', found: { 'pe-version': '2023.8.1' } },

  // --- since when
  { name: 'a clock time with a zone', ticket: 'Broken since 09:10 UTC', found: { 'what-broke-since': '09:10 UTC' } },
  { name: 'since yesterday', ticket: 'console unreachable since yesterday', found: { 'what-broke-since': 'yesterday' } },
  { name: 'an ISO date', ticket: 'First failures on 2026-12-06, still failing', found: { 'what-broke-since': '2026-12-06' } },
  { name: 'this morning', ticket: 'Agents stopped reporting this morning', found: { 'what-broke-since': 'this morning' } },
  { name: 'a weekday', ticket: 'It broke on Monday', found: { 'what-broke-since': 'Monday' } },
  { name: 'a duration with for', ticket: 'The console has been down for 2 hours', found: { 'what-broke-since': 'for 2 hours' } },
  { name: 'a duration with ago', ticket: 'It went down about 45 minutes ago', found: { 'what-broke-since': '45 minutes ago' } },
  { name: 'for the last 3 days', ticket: 'Reports are missing for the last 3 days', found: { 'what-broke-since': 'for the last 3 days' } },
  { name: 'started at', ticket: 'It started after we rotated the CA', found: { 'what-broke-since': 'started after we rotated the CA', 'what-changed': 'we rotated the CA' } },
  { name: '9am', ticket: 'Nothing works as of 9am', found: { 'what-broke-since': '9am' } },
  { name: 'a European date', ticket: 'Seit dem 06.12.2026 schlagen alle Läufe fehl', found: { 'what-broke-since': '06.12.2026' } },
  { name: 'a month and day', ticket: 'Everything was fine until Dec 6th', found: { 'what-broke-since': 'Dec 6th' } },
  { name: 'since the upgrade', ticket: 'Slow since the upgrade last weekend', found: { 'what-broke-since': 'last weekend', 'what-changed': 'since the upgrade last weekend' } },
  { name: 'causal "since" is not a time', ticket: 'Since we use PE heavily, everything is critical', found: {} },
  { name: 'a recurring weekday is not a start', ticket: 'Every Monday the agents time out', found: {} },
  { name: 'an agent run interval is not a start', ticket: 'agent runs every 30 minutes', found: {} },
  { name: 'a port after an address is not a time', ticket: 'ssh to 10.0.0.5:22 fails', found: {} },
  { name: 'lower-case "may" is not a month', ticket: 'restarting 6 may help', found: {} },
  { name: 'a capitalised May is', ticket: 'down since May 5', found: { 'what-broke-since': 'May 5' } },
  { name: 'timestamps in pasted puppetserver logs', ticket: PUPPETSERVER_LOG, found: {} },
  { name: 'syslog and clock-first log lines', ticket: 'Dec  6 09:10:33 pe-primary puppetserver[1234]: error\n10:30:45.123 [main] failed', found: {} },
  { name: 'prose around pasted logs', ticket: `Since this morning agents fail:\n${PUPPETSERVER_LOG}`, found: { 'what-broke-since': 'this morning' } },

  // --- what changed
  { name: 'nothing changed', ticket: 'Nothing has changed in our environment.', found: { 'what-changed': 'Nothing has changed in our environment' } },
  { name: 'no recent changes', ticket: 'No recent changes.', found: { 'what-changed': 'No recent changes' } },
  { name: 'we have not changed anything', ticket: "We haven't changed anything since the last release", found: { 'what-changed': "haven't changed anything since the last release" } },
  { name: 'we deployed', ticket: 'Yesterday we deployed new Hiera data to all compilers.', found: { 'what-broke-since': 'Yesterday', 'what-changed': 'we deployed new Hiera data to all compilers' } },
  { name: 'a config change', ticket: 'A config change to hiera.yaml was pushed', found: { 'what-changed': 'config change to hiera.yaml was pushed' } },
  { name: 'migrated', ticket: 'PuppetDB was migrated to a new host', found: { 'what-changed': 'was migrated to a new host' } },
  { name: "we've upgraded", ticket: "We've upgraded puppetdb", found: { 'what-changed': "We've upgraded puppetdb" } },
  { name: 'after patching', ticket: 'Started failing on 2023.08.01 after patching the kernel', found: { 'what-broke-since': '2023.08.01', 'what-changed': 'after patching the kernel' } },
  { name: '"no change" after a fix is no answer', ticket: 'Restarted puppetserver, no change.', found: {} },
  { name: 'a planned upgrade is no change', ticket: 'We will upgrade to PE 2023.8.1 next week; should we?', found: { 'pe-version': 'PE 2023.8.1' } },
  { name: 'a question about upgrading is no change', ticket: 'Should we upgrade our compilers?', found: {} },
  { name: 'a set-up is no change', ticket: 'PE is deployed in AWS with 3 compilers. Agent installed on 500 nodes.', found: {} },
  { name: 'updating the ticket is no change', ticket: 'I updated the ticket with more logs.', found: {} },
  { name: 'Puppet reporting changed resources is no change', ticket: AGENT_OUTPUT, found: {} },
  { name: 'typos are not guessed', ticket: 'we upgarded to 2023.8.1 last nite, since then the consle is down for all usrs in prodution', found: { 'pe-version': '2023.8.1' } },

  // --- support script
  { name: 'the archive attached', ticket: { attachments: ['puppet_enterprise_support_pe-primary_20261206.tar.gz'] }, found: { 'support-script': 'puppet_enterprise_support_pe-primary_20261206.tar.gz' } },
  { name: 'a .tgz archive', ticket: { attachments: ['screenshot.png', 'puppet_enterprise_support_cm01.tgz'] }, found: { 'support-script': 'puppet_enterprise_support_cm01.tgz' } },
  { name: 'an encrypted archive', ticket: { attachments: ['puppet_enterprise_support_20261206.tar.gz.gpg'] }, found: { 'support-script': 'puppet_enterprise_support_20261206.tar.gz.gpg' } },
  { name: 'other attachments only', ticket: { attachments: ['console.png', 'puppetserver.log'] }, found: {} },
  { name: 'uploaded with --ticket', ticket: 'Uploaded the support script output with --ticket 98765.', found: { 'support-script': 'Uploaded the support script output with --ticket 98765.' } },
  { name: 'the command run with --ticket', ticket: 'Ran /opt/puppetlabs/bin/puppet enterprise support --ticket 123456, upload finished.', found: { 'support-script': true } },
  {
    name: 'said attached, with an attachment',
    ticket: { description: 'I have attached the support script output.', attachments: ['pe-support.tar.gz'] },
    found: { 'support-script': 'I have attached the support script output.' },
  },
  { name: 'said attached, without any attachment', ticket: 'I have attached the support script output.', found: {} },
  { name: 'a plan to run it', ticket: 'I will run the support script once I get access', found: {} },
  { name: 'the script failing', ticket: 'The support script hangs at collecting logs', found: {} },
  { name: 'not uploaded yet', ticket: 'Support script ran but it is not uploaded yet.', found: {} },

  // --- business impact
  { name: 'production and a count of nodes', ticket: 'Production is down for all 2,000 nodes', found: { 'business-impact': 'Production; 2,000 nodes' } },
  { name: 'prod and customers who cannot work', ticket: "Our prod environment: customers can't log in", found: { 'business-impact': 'prod; customers' } },
  { name: 'customer-facing production', ticket: 'The customer-facing checkout in production is failing', found: { 'business-impact': 'production; customer-facing' } },
  { name: 'not production', ticket: 'This is a test environment, not production. 5 users affected.', found: {} },
  { name: 'non-production', ticket: 'non-production compile masters failing for 20 developers', found: {} },
  { name: 'production named but nobody said to be hit', ticket: 'Production console is slow', found: {} },
  { name: 'a host name is not production', ticket: 'production.example.com is unreachable for users', found: {} },
  { name: "Puppet's production environment in output", ticket: AGENT_OUTPUT + '\nAll agents fail.', found: {} },
  {
    name: 'production in a field, affected in the text',
    ticket: { description: 'All agents fail to get catalogs', fields: [{ label: 'Environment', value: 'Production' }] },
    found: { 'business-impact': 'Production; All agents' },
  },
  {
    name: 'a field counting affected nodes',
    ticket: { description: 'prod is down', fields: [{ label: 'Number of affected nodes', value: '1200' }] },
    found: { 'business-impact': 'prod; Number of affected nodes: 1200' },
  },

  // --- fields
  { name: 'a PE version field', ticket: { fields: [{ label: 'Puppet Enterprise version', value: '2023.8.1' }] }, found: { 'pe-version': '2023.8.1' } },
  { name: 'a PE version field saying latest', ticket: { fields: [{ label: 'Puppet Enterprise version', value: 'latest' }] }, found: {} },
  { name: 'a PE version field with an old version', ticket: { fields: [{ label: 'PE version', value: '3.8' }] }, found: { 'pe-version': '3.8' } },
  { name: 'a product version field with a PE version', ticket: { fields: [{ label: 'Product version', value: '2021.7.9' }] }, found: { 'pe-version': '2021.7.9' } },
  { name: 'a product version field with an agent version', ticket: { fields: [{ label: 'Product version', value: '7.24.0' }] }, found: {} },
  { name: 'a product drop-down naming a release line', ticket: { fields: [{ label: 'Product', value: 'Puppet Enterprise 2023.x' }] }, found: {} },
  { name: 'a field asking when it started', ticket: { fields: [{ label: 'When did the problem start?', value: '06/12/2026' }] }, found: { 'what-broke-since': '06/12/2026' } },
  { name: 'a date in an unrelated field', ticket: { fields: [{ label: 'Contract renewal', value: '2027-01-01' }] }, found: {} },
  { name: 'a field on recent changes answered', ticket: { fields: [{ label: 'Recent changes', value: 'None' }] }, found: { 'what-changed': 'None' } },
  { name: 'a field on recent changes left at "-"', ticket: { fields: [{ label: 'Recent changes', value: '-' }] }, found: {} },

  // --- other languages: numbers and names count, words are not guessed
  {
    name: 'German',
    ticket: 'Seit gestern 09:10 Uhr funktioniert die Konsole nicht. Wir haben auf 2023.8.1 aktualisiert. Alle 1.200 Knoten betroffen.',
    found: { 'what-broke-since': '09:10', 'pe-version': '2023.8.1' },
  },
  {
    name: 'French',
    ticket: 'Depuis ce matin 08:45, la console PE 2021.7.9 est indisponible en production pour tous les utilisateurs.',
    found: { 'what-broke-since': '08:45', 'pe-version': 'PE 2021.7.9' },
  },
  { name: 'Japanese', ticket: '本番環境で2023.8.1にアップグレードしてから、全ノードでエラー。12:30から。', found: { 'what-broke-since': '12:30', 'pe-version': '2023.8.1' } },
  {
    name: 'Spanish with a weekday in English-free text',
    ticket: { subject: 'Desde el lunes 2026-12-07 fallan', description: 'Versión PE 2023.8.0', attachments: ['puppet_enterprise_support_srv01_20261207.tar.gz'] },
    found: { 'what-broke-since': '2026-12-07', 'pe-version': 'PE 2023.8.0', 'support-script': 'puppet_enterprise_support_srv01_20261207.tar.gz' },
  },

  // --- the subject counts
  { name: 'everything in the subject', ticket: { subject: 'P1: PE 2023.8.1 console down since 09:10 UTC' }, found: { 'what-broke-since': '09:10 UTC', 'pe-version': 'PE 2023.8.1' } },
];

function stateOf(results: EssentialResult[], id: EssentialId): EssentialResult {
  return results.find((r) => r.id === id)!;
}

describe('judgeReadiness on realistic tickets', () => {
  it('has a table of at least 60 tickets', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it.each(CASES)('$name', ({ ticket, found }) => {
    const results = judgeReadiness(snapshot(ticket));
    const actual = Object.fromEntries(
      ESSENTIAL_IDS.map((id) => {
        const r = stateOf(results, id);
        return [id, r.state === 'found' ? (found[id] === true ? true : r.evidence) : r.state];
      }),
    );
    const expected = Object.fromEntries(ESSENTIAL_IDS.map((id) => [id, found[id] ?? 'missing']));
    expect(actual).toEqual(expected);
  });
});

describe('the essentials', () => {
  it('default to the wording of DEFAULT_TICKET_ESSENTIALS, each with its rule, plus business impact', () => {
    expect(DEFAULT_ESSENTIALS.map((e) => e.label)).toEqual([...DEFAULT_TICKET_ESSENTIALS, BUSINESS_IMPACT_LABEL]);
    expect(DEFAULT_ESSENTIALS.map((e) => e.rule)).toEqual(['what-broke-since', 'what-changed', 'pe-version', 'support-script', 'business-impact']);
    expect(DEFAULT_ESSENTIALS.map((e) => e.id)).toEqual([...ESSENTIAL_IDS]);
  });

  it('map the default configured list to the defaults, business impact included', () => {
    expect(essentialsFromConfig(DEFAULT_TICKET_ESSENTIALS)).toEqual(DEFAULT_ESSENTIALS);
    // Spacing, case and a final stop do not make it another list.
    expect(essentialsFromConfig(DEFAULT_TICKET_ESSENTIALS.map((t) => `  ${t.toUpperCase().replace(/\.$/, '')} `))).toEqual(DEFAULT_ESSENTIALS);
  });

  it("keep a default's rule for its wording, and make any other text an essential it cannot tell about", () => {
    const essentials = essentialsFromConfig(['Your Puppet Enterprise version.', 'The change request number', 'What changed just before it broke']);
    expect(essentials).toEqual([
      { id: 'pe-version', label: 'Your Puppet Enterprise version.', rule: 'pe-version' },
      { id: 'custom-2', label: 'The change request number' },
      { id: 'what-changed', label: 'What changed just before it broke', rule: 'what-changed' },
    ]);
    const results = judgeReadiness({ subject: '', description: 'PE 2021.7.9, CHG0012345', attachments: [], fields: [] }, essentials);
    expect(results.map((r) => r.state)).toEqual(['found', 'unknown', 'missing']);
  });

  it('give an admin essential with keywords a found or missing state, and unique ids', () => {
    const essentials = essentialsFromConfig(
      ['Change request number', 'Which SAN vendor.', 'Your Puppet Enterprise version.', 'Your Puppet Enterprise version.'],
      { 'change request number.': ['CHG', 'change request'], 'Which SAN vendor.': ['  '] },
    );
    expect(essentials.map((e) => e.id)).toEqual(['custom-1', 'custom-2', 'pe-version', 'pe-version-2']);
    expect(essentials[1]).toEqual({ id: 'custom-2', label: 'Which SAN vendor.' });
    const judge = (description: string) => judgeReadiness({ subject: '', description, attachments: [], fields: [] }, essentials);
    expect(judge('Opened change request 42 for it')[0]).toEqual({ id: 'custom-1', label: 'Change request number', state: 'found', evidence: 'change request' });
    expect(judge('CHG0012345')[0]!.state).toBe('missing'); // whole words only
    expect(judge('see chg 12345')[0]).toMatchObject({ state: 'found', evidence: 'chg' });
    expect(judge('anything')[1]!.state).toBe('unknown');
  });

  it("let keywords extend a built-in essential's rule, on the default list too", () => {
    const keywords = { [DEFAULT_TICKET_ESSENTIALS[2]!]: ['LTS release'] };
    const essentials = essentialsFromConfig(DEFAULT_TICKET_ESSENTIALS, keywords);
    expect(essentials.map((e) => e.id)).toEqual([...ESSENTIAL_IDS]);
    expect(essentials[2]).toMatchObject({ rule: 'pe-version', keywords: ['LTS release'] });
    const judge = (description: string) => judgeReadiness({ subject: '', description, attachments: [], fields: [] }, essentials)[2]!;
    expect(judge('We run the latest LTS release')).toMatchObject({ state: 'found', evidence: 'LTS release' });
    expect(judge('PE 2023.8.1')).toMatchObject({ state: 'found', evidence: 'PE 2023.8.1' });
    expect(judge('nothing about it').state).toBe('missing');
  });

  it('judge an unknown rule name as no rule', () => {
    const results = judgeReadiness({ subject: '', description: 'PE 2019.8', attachments: [], fields: [] }, [
      { id: 'x', label: 'X', rule: 'nonsense' as EssentialId },
    ]);
    expect(results).toEqual([{ id: 'x', label: 'X', state: 'unknown' }]);
  });
});

describe('findKeyword', () => {
  it.each([
    ['Ticket CHG0012345 opened', ['CHG0012345'], 'CHG0012345'],
    ['ticket chg0012345 opened', ['CHG0012345'], 'chg0012345'],
    ['see the   Change\nRequest', ['change request'], 'Change Request'],
    ['CHG0012345', ['CHG'], null],
    ['Straße gesperrt', ['straße'], 'Straße'],
    ['Ärger mit ÄRGER', ['ärger'], 'Ärger'],
    ['uses .* in the text', ['.*'], '.*'],
    ['a(b', ['a(b'], 'a(b'],
    ['nothing here', ['[a-z]+'], null],
    ['', ['x'], null],
  ] as const)('%j with %j → %j', (text, keywords, expected) => {
    expect(findKeyword(text, keywords)).toBe(expected);
  });
});

describe('missingItems (what the one line on what is missing names)', () => {
  const judge = (description: string, attachments: string[] = []) =>
    judgeReadiness({ subject: '', description, attachments, fields: [] });

  it('names what is missing, by rule, in the essentials\u2019 order', () => {
    const results = judge('Production is down since 09:10 UTC for all 300 users. Nothing changed.');
    expect(missingItems(results)).toEqual([{ rule: 'pe-version' }, { rule: 'support-script' }]);
  });

  it('names nothing when nothing is missing', () => {
    expect(missingItems(judge(FULL_TICKET))).toEqual([]);
    expect(missingItems([])).toEqual([]);
  });

  it('lists every missing essential of an empty ticket', () => {
    expect(missingItems(judge(''))).toEqual(ESSENTIAL_IDS.map((rule) => ({ rule })));
  });

  it("names an admin's essential by its label, and leaves out the essentials it cannot tell about", () => {
    const essentials = essentialsFromConfig(['Your Puppet Enterprise version.', 'Which SAN vendor you use.', 'Change request number.'], {
      'Change request number.': ['CHG'],
    });
    const results = judgeReadiness({ subject: '', description: 'PE 2023.8.1', attachments: [], fields: [] }, essentials);
    expect(missingItems(results)).toEqual([{ label: 'Change request number.' }]);
  });

  it('names a repeated essential once', () => {
    const essentials = essentialsFromConfig(['Your Puppet Enterprise version.', 'Your Puppet Enterprise version.', 'SAN vendor', 'SAN vendor'], {
      'SAN vendor': ['netapp'],
    });
    const results = judgeReadiness({ subject: '', description: '', attachments: [], fields: [] }, essentials);
    expect(missingItems(results)).toEqual([{ rule: 'pe-version' }, { label: 'SAN vendor' }]);
  });
});

describe('labelInSentence', () => {
  it.each([
    ['Change request number.', true, 'change request number'],
    ['SAN vendor', true, 'SAN vendor'],
    ['  Which  datacentre:  ', true, 'which datacentre'],
    ['Änderungsnummer.', false, 'Änderungsnummer'],
    ['変更番号。', false, '変更番号'],
  ])('%j (lower first: %s) → %j', (label, lowerFirst, expected) => {
    expect(labelInSentence(label, lowerFirst)).toBe(expected);
  });
});

describe('evidence stays short', () => {
  it("shortens a support archive's long file name in the middle, keeping its start and extension", () => {
    const name = `puppet_enterprise_support_${'x'.repeat(300)}_20261206.tar.gz`;
    const [, , , script] = judgeReadiness({ subject: '', description: '', attachments: [name], fields: [] });
    expect(script).toMatchObject({ state: 'found' });
    const evidence = script!.state === 'found' ? script!.evidence : '';
    expect(evidence.length).toBe(120);
    expect(evidence.startsWith('puppet_enterprise_support_')).toBe(true);
    expect(evidence.endsWith('_20261206.tar.gz')).toBe(true);
  });
});
