import { describe, expect, it } from 'vitest';
import type { Level } from '@/lib/rules/levels';
import {
  looksLikePriorityScale,
  optionForLevel,
  recogniseLabel,
  recogniseOptions,
  schemeOf,
  type OptionLike,
} from '@/lib/rules/labels';
import { readFixture } from '../../fixtures/index.mjs';
import { COPENHAGEN_LOCALES } from '../../fixtures/widgets/copenhagen-locale.js';

/**
 * Label recognition in the help centre languages (issue #14): German, French, Spanish,
 * Brazilian Portuguese and Japanese, next to English. Where each word comes from is cited in
 * lib/rules/labels.ts. Each language has a table of labels that name a level, and one of
 * prose, placeholders and look-alikes that must not.
 */

type Case = readonly [label: string, expected: Level | null];

interface Language {
  name: string;
  /** Zendesk's system priority field as that help centre shows it: low, normal, high, urgent. */
  zendesk: readonly [low: string, normal: string, high: string, urgent: string];
  /** What the Copenhagen form shows for "no choice" (or a plain placeholder). */
  placeholder: string;
  labels: Case[];
  prose: string[];
}

const LANGUAGES: Language[] = [
  {
    name: 'German (de)',
    zendesk: ['Niedrig', 'Normal', 'Hoch', 'Dringend'],
    placeholder: 'Wählen Sie eine Option aus', // copenhagen_theme translations/locales/de.json
    labels: [
      ['Niedrig', 4],
      ['Normal', 3],
      ['Hoch', 2],
      ['Dringend', 1],
      ['niedrig', 4],
      ['HOCH', 2],
      ['DRINGEND', 1],
      ['Priorität: Hoch', 2],
      ['Priorität – Dringend', 1],
      ['Hohe Priorität', 2],
      ['Niedrige Priorität', 4],
      ['Mittlere Priorität', 3],
      ['Mittel', 3],
      ['Gering', 4],
      ['Kritisch', 1],
      ['Höchste', 1],
      ['Niedrigste', 4],
      ['Priorität 1', 1],
      ['Prioritaet', null], // the transliteration is not a word we know
      ['Stufe 2', 2],
      ['Schweregrad 1', 1],
      ['Dringlichkeit: Hoch', 2],
      ['P1 - Kritisch', 1],
      ['Dringend (Produktion steht)', 1],
      ['Hoch - Produktion beeinträchtigt', 2],
    ],
    prose: [
      'Hoch motiviertes Team',
      'Dringend benötigt',
      'Normal arbeiten',
      'Niedrige Latenz erforderlich',
      'Hohe Verfügbarkeit',
      'Mittel und Wege',
      'Kritische Infrastruktur',
      'Sehr hoch',
      'Projekt 1',
      'Phase 2',
      'Stufe 5',
      'Priorität 0',
      'Priorität',
      'Priorität:',
      'Bitte wählen',
    ],
  },
  {
    name: 'French (fr)',
    zendesk: ['Faible', 'Normale', 'Élevée', 'Urgente'],
    placeholder: 'Sélectionnez une option',
    labels: [
      ['Faible', 4],
      ['Normale', 3],
      ['Élevée', 2],
      ['Urgente', 1],
      ['élevée', 2],
      ['ÉLEVÉE', 2],
      ['ELEVEE', 2],
      ['Elevée', 2],
      ['E\u0301leve\u0301e', 2], // decomposed accents
      ['URGENTE', 1],
      ['Priorité : Élevée', 2],
      ['Priorité élevée', 2],
      ['Priorité haute', 2],
      ['Haute', 2],
      ['Moyenne', 3],
      ['Basse', 4],
      ['Critique', 1],
      ['Bloquant', 1],
      ['Majeure', 3],
      ['Mineur', 4],
      ['Impact élevé', 2],
      ['Gravité 1', 1],
      ['Sévérité 2', 2],
      ['Niveau 3', 3],
      ['P1 - Critique', 1],
      ['Urgente (production arrêtée)', 1],
    ],
    prose: [
      'Élevée au rang de chevalier',
      'Faible consommation',
      'Critique du produit',
      'Urgence médicale',
      'Normale supérieure',
      'Haute disponibilité',
      'Très élevée',
      'Niveau 5',
      'Projet 1',
      'Priorité',
    ],
  },
  {
    name: 'Spanish (es)',
    zendesk: ['Baja', 'Normal', 'Alta', 'Urgente'],
    placeholder: 'Seleccione una opción',
    labels: [
      ['Baja', 4],
      ['Normal', 3],
      ['Alta', 2],
      ['Urgente', 1],
      ['ALTA', 2],
      ['urgente', 1],
      ['Prioridad: Alta', 2],
      ['Prioridad alta', 2],
      ['Alta prioridad', 2],
      ['Media', 3],
      ['Bajo', 4],
      ['Menor', 4],
      ['Crítica', 1],
      ['Critica', 1],
      ['Crítico', 1],
      ['Bloqueante', 1],
      ['Severidad 1', 1],
      ['Gravedad 2', 2],
      ['Nivel 2', 2],
      ['Urgencia: Alta', 2],
      ['P2 - Alta', 2],
      ['Urgente (producción caída)', 1],
    ],
    prose: [
      'Alta disponibilidad',
      'Baja por enfermedad',
      'Media naranja',
      'Urgente revisar esto',
      'Normal y corriente',
      'Muy alta',
      'Nivel 5',
      'Proyecto 1',
      'Prioridad',
    ],
  },
  {
    name: 'Brazilian Portuguese (pt-BR)',
    zendesk: ['Baixa', 'Normal', 'Alta', 'Urgente'],
    placeholder: 'Selecione uma opção',
    labels: [
      ['Baixa', 4],
      ['Normal', 3],
      ['Alta', 2],
      ['Urgente', 1],
      ['BAIXA', 4],
      ['Prioridade: Alta', 2],
      ['Prioridade média', 3],
      ['Média', 3],
      ['Médio', 3],
      ['Baixo', 4],
      ['Crítica', 1],
      ['Crítico', 1],
      ['Bloqueador', 1],
      ['Nível 1', 1],
      ['Nivel 1', 1],
      ['Severidade 2', 2],
      ['Urgência: Alta', 2],
      ['P1 - Crítico', 1],
    ],
    prose: [
      'Alta disponibilidade',
      'Baixa latência',
      'Média salarial',
      'Crítica construtiva',
      'Urgente ligar para o cliente',
      'Mais alta',
      'Projeto 1',
      'Prioridade',
    ],
  },
  {
    name: 'Japanese (ja)',
    zendesk: ['低', '普通', '高', '緊急'],
    placeholder: 'オプションを選択します', // copenhagen_theme translations/locales/ja.json
    labels: [
      ['低', 4],
      ['普通', 3],
      ['高', 2],
      ['緊急', 1],
      [' 緊急 ', 1],
      ['優先度：高', 2],
      ['優先度: 高', 2],
      ['優先度 高', 2],
      ['高優先度', 2],
      ['優先度高', 2],
      ['最高優先度', 1],
      ['緊急度：高', 2],
      ['最高', 1],
      ['最低', 4],
      ['中', 3],
      ['通常', 3],
      ['軽微', 4],
      ['致命的', 1],
      ['ブロッカー', 1],
      ['ﾌﾞﾛｯｶｰ', 1], // half-width katakana
      ['クリティカル', 1],
      ['メジャー', 3],
      ['マイナー', 4],
      ['優先度1', 1],
      ['優先度 1', 1],
      ['優先度１', 1],
      ['レベル２', 2],
      ['重大度3', 3],
      ['P1：緊急', 1],
      ['P1緊急', 1],
      ['Ｐ１', 1],
      ['【P1】システム停止', 1],
      ['緊急（本番環境停止）', 1],
      ['高（P2）', 2],
      ['P1：緊急な障害', 1],
    ],
    prose: [
      '低いレイテンシー',
      '低レイテンシー',
      '緊急時の連絡先',
      '緊急対応が必要です',
      '高可用性',
      '普通郵便',
      '中国',
      '対応中',
      '高い',
      '高低',
      '緊急 対応',
      '優先度は高',
      '優先度',
      '緊急度',
      'プロジェクト1',
      'フェーズ2',
      '優先度5',
      '-',
    ],
  },
];

describe.each(LANGUAGES.map((l) => [l.name, l] as const))('%s', (_name, lang) => {
  it.each(lang.labels)('%j → %s', (label, expected) => {
    expect(recogniseLabel(label)).toBe(expected);
  });

  it.each([...lang.prose, lang.placeholder])('prose, placeholders and look-alikes never match: %j', (text) => {
    expect(recogniseLabel(text)).toBeNull();
    expect(recogniseLabel(text, 'blocker')).toBeNull();
  });

  it("Zendesk's system priority field, labels with values (legacy form)", () => {
    const [low, normal, high, urgent] = lang.zendesk;
    const set: OptionLike[] = [
      { label: '-', value: '' },
      { label: low, value: 'low' },
      { label: normal, value: 'normal' },
      { label: high, value: 'high' },
      { label: urgent, value: 'urgent' },
    ];
    expect(recogniseOptions(set)).toEqual([null, 4, 3, 2, 1]);
    expect(looksLikePriorityScale(set)).toBe(true);
  });

  it('the same field with labels only (Copenhagen: values are not in the DOM), and "Change to Priority N" finds the option', () => {
    const [low, normal, high, urgent] = lang.zendesk;
    const set: OptionLike[] = [lang.placeholder, low, normal, high, urgent].map((label) => ({ label, value: '' }));
    expect(recogniseOptions(set)).toEqual([null, 4, 3, 2, 1]);
    expect(looksLikePriorityScale(set)).toBe(true);
    expect(optionForLevel(set, 1)?.label).toBe(urgent);
    expect(optionForLevel(set, 2)?.label).toBe(high);
    expect(optionForLevel(set, 3)?.label).toBe(normal);
    expect(optionForLevel(set, 4)?.label).toBe(low);
  });

  it('a labels-only field without an urgent level is not a priority scale', () => {
    const [low, normal, high] = lang.zendesk;
    expect(looksLikePriorityScale([low, normal, high].map((label) => ({ label, value: '' })))).toBe(false);
  });

  it('prose options make no priority scale', () => {
    expect(looksLikePriorityScale(lang.prose.map((label) => ({ label, value: '' })))).toBe(false);
  });
});

describe('words shared between languages agree', () => {
  it.each([
    ['Normal', 3], // en, de, es, pt
    ['normal', 3],
    ['Alta', 2], // es, pt
    ['Media', 3], // es (and pt without its accent)
    ['Média', 3],
    ['Urgente', 1], // fr (feminine), es, pt
    ['Urgent', 1],
    ['Critical', 1],
    ['Crítica', 1],
    ['Critique', 1],
    ['Kritisch', 1],
    ['Blocker', 1], // en, de
  ] as const)('%j → %s', (label, expected) => {
    expect(recogniseLabel(label)).toBe(expected);
  });
});

describe('the blocker scheme in other languages', () => {
  const labelsOnly = (...labels: string[]) => labels.map((label) => ({ label, value: '' }));
  it.each([
    ['German (Jira)', labelsOnly('Blocker', 'Kritisch', 'Mittel', 'Gering'), [1, 2, 3, 4]],
    ['French', labelsOnly('Bloquant', 'Critique', 'Majeur', 'Mineur'), [1, 2, 3, 4]],
    ['Spanish', labelsOnly('Bloqueante', 'Crítica', 'Media', 'Menor'), [1, 2, 3, 4]],
    ['Portuguese', labelsOnly('Bloqueador', 'Crítico', 'Médio', 'Menor'), [1, 2, 3, 4]],
    ['Japanese', labelsOnly('ブロッカー', 'クリティカル', 'メジャー', 'マイナー'), [1, 2, 3, 4]],
    ['Japanese (Jira default)', labelsOnly('最高', '高', '中', '低', '最低'), [1, 2, 3, 4, 4]],
    ['French without a blocker', labelsOnly('Critique', 'Élevée', 'Moyenne', 'Faible'), [1, 2, 3, 4]],
  ] as const)('%s', (_name, set, expected) => {
    expect(recogniseOptions(set)).toEqual(expected);
  });

  it('picks the blocker scheme from a translated blocker in a label or a value', () => {
    expect(schemeOf([{ label: 'Bloquant', value: '' }])).toBe('blocker');
    expect(schemeOf([{ label: 'Production arrêtée', value: 'bloquant' }])).toBe('blocker');
    expect(schemeOf([{ label: 'ブロッカー', value: '' }])).toBe('blocker');
    expect(schemeOf([{ label: 'Critique', value: '' }, { label: 'Faible', value: '' }])).toBe('default');
  });

  it('a translated "critical" is the second level in the blocker scheme', () => {
    for (const word of ['Kritisch', 'Critique', 'Crítica', 'Crítico', 'クリティカル']) {
      expect(recogniseLabel(word, 'blocker'), word).toBe(2);
      expect(recogniseLabel(word), word).toBe(1);
    }
  });
});

describe('words of other scripts are words', () => {
  it.each([
    // An unknown word next to a level word makes the label unknown, in any script, exactly as
    // "Urgent foo" does; with a separator the head still counts.
    ['Urgent 紧急', null],
    ['Urgent foo', null],
    ['Urgent (紧急)', 1],
    ['Urgent – 紧急', 1],
    ['Sev 1 – Критично', 1],
    ['Высокий', null],
    ['Priorität 1', 1], // once split in two by the ASCII-only tokenizer
  ] as const)('%j → %s', (label, expected) => {
    expect(recogniseLabel(label)).toBe(expected);
  });
});

describe('Japanese runs without spaces: limits and speed', () => {
  it('segments a run of up to 16 characters; a longer run is one unknown word', () => {
    expect(recogniseLabel(`${'優先度'.repeat(5)}高`)).toBe(2); // 16 characters
    expect(recogniseLabel(`${'優先度'.repeat(5)}最高`)).toBeNull(); // 17
  });

  it('allows one level word per run: "高優先度" is a level, "高高" and "緊急高" are not', () => {
    expect(recogniseLabel('高優先度')).toBe(2);
    expect(recogniseLabel('高高')).toBeNull();
    expect(recogniseLabel('緊急高')).toBeNull();
  });

  it('judges long text without spaces at once', () => {
    const start = performance.now();
    expect(recogniseLabel('緊急高普通低優先度レベル'.repeat(2000))).toBeNull();
    for (let i = 0; i < 1000; i++) recogniseLabel('優先度順位重大度重要度緊急度高'.slice(0, 16));
    expect(performance.now() - start).toBeLessThan(250);
  });
});

describe('the replica help centre pages in Japanese and German (tests/fixtures)', () => {
  const optionsOf = (html: string) =>
    [...html.matchAll(/<select name="request\[priority\]"[\s\S]*?<\/select>/g)][0]![0]
      .match(/<option value="[^"]*"[^>]*>[^<]*<\/option>/g)!
      .map((o) => ({ value: /value="([^"]*)"/.exec(o)![1]!, label: />([^<]*)</.exec(o)![1]! }));

  it.each([
    ['zendesk-select-ja', ['-', '低', '普通', '高', '緊急']],
    ['zendesk-select-de', ['-', 'Niedrig', 'Normal', 'Hoch', 'Dringend']],
  ] as const)('%s: the legacy select lists the translated labels, each recognised by its label alone', (name, labels) => {
    const options = optionsOf(readFixture(name));
    expect(options.map((o) => o.label)).toEqual(labels);
    expect(options.map((o) => o.value)).toEqual(['', 'low', 'normal', 'high', 'urgent']);
    expect(recogniseOptions(options.map((o) => ({ label: o.label, value: '' })))).toEqual([null, 4, 3, 2, 1]);
  });

  it.each(['ja', 'de'] as const)('zendesk-copenhagen-%s: the combobox labels are recognised without their values', (lang) => {
    const { priority } = COPENHAGEN_LOCALES[lang];
    const options = ['-', priority.low, priority.normal, priority.high, priority.urgent].map((label) => ({ label, value: '' }));
    expect(recogniseOptions(options)).toEqual([null, 4, 3, 2, 1]);
    expect(optionForLevel(options, 3)?.label).toBe(priority.normal);
  });
});
