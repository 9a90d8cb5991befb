import type { MessageKey } from '../../../shared/i18n';
import type { JsonObject, JsonValue } from '../types';

/** One line under a node's title: the person's own words, or a phrase from the catalog. */
export type ConfigSummary = { text: string } | { key: MessageKey; params?: Record<string, string | number> } | null;

const MAX_LENGTH = 80;

const str = (value: JsonValue | undefined): string => (typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '');
const list = (value: JsonValue | undefined): JsonValue[] => (Array.isArray(value) ? value : []);
const field = (value: JsonValue | undefined, key: string): JsonValue | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? value[key] : undefined;

const text = (value: string): ConfigSummary => (value ? { text: clip(value) } : null);

function clip(value: string): string {
  return value.length > MAX_LENGTH ? `${value.slice(0, MAX_LENGTH - 1)}…` : value;
}

const delayKeys: Record<string, MessageKey> = {
  seconds: 'editor.summary.delay.seconds',
  minutes: 'editor.summary.delay.minutes',
  hours: 'editor.summary.delay.hours',
  days: 'editor.summary.delay.days',
};

type Summarise = (config: JsonObject) => ConfigSummary;

const summaries: Record<string, Summarise> = {
  'fluxo.messageTrigger': (config) => {
    switch (config.mode) {
      case 'keywords': {
        const keywords = list(config.keywords).map(str).filter(Boolean);
        return keywords.length ? text(keywords.join(', ')) : { key: 'editor.summary.noKeywords' };
      }
      case 'regex':
        return text(str(config.pattern));
      case 'firstMessage':
        return { key: 'editor.summary.firstMessage' };
      default:
        return { key: 'editor.summary.anyMessage' };
    }
  },
  'fluxo.httpTrigger': (config) => text(`${str(config.method) || 'POST'} ${str(config.path)}`.trim()),
  'fluxo.sendMessage': (config) => text(str(config.text) || str(field(config.media, 'caption')) || str(field(config.media, 'url')) || str(field(config.template, 'name'))),
  'fluxo.askQuestion': (config) => text(str(config.question)),
  'fluxo.switch': (config) => text(str(config.value)),
  'fluxo.setVariable': (config) => text(list(config.assignments).map((item) => str(field(item, 'name'))).filter(Boolean).join(', ')),
  'fluxo.delay': (config) =>
    typeof config.amount === 'number' ? { key: delayKeys[str(config.unit)] ?? delayKeys.minutes!, params: { amount: config.amount } } : null,
  'fluxo.end': (config) => text(str(config.message)),
  'fluxo.httpResponse': (config) => text(`HTTP ${typeof config.status === 'number' ? config.status : 200}`),
};

/**
 * What a node does, in one line. Known types say it their way; any other node shows its first
 * non-empty text field, so a custom node is not blank either.
 */
export function summarizeConfig(type: string, config: JsonObject): ConfigSummary {
  const known = summaries[type];
  if (known) return known(config);
  for (const value of Object.values(config)) {
    const candidate = str(value);
    if (candidate) return text(candidate);
  }
  return null;
}
