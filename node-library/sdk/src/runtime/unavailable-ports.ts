import { NodeConfigError } from '../errors';
import type { ServicePorts } from '../ports';

const HINTS: Record<keyof ServicePorts, string> = {
  http: 'HTTP requests are not available here.',
  llm: 'No LLM provider is configured for this tenant: add an LLM credential in Settings → Credentials.',
  knowledge: 'No knowledge base is available: create one in Knowledge and upload documents.',
  crm: 'No CRM is available here.',
  calendar: 'No calendar is connected: connect one in Settings → Calendars.',
  secrets: 'Secrets are not available here.',
  media: 'Files sent by the customer cannot be downloaded here: only messaging channels (WhatsApp, Telegram...) deliver them.',
};

/**
 * A port that fails with a clear NodeConfigError on any call, for hosts that do not provide
 * it. Nodes that need it then follow their error port with a message a tenant can act on.
 */
export function unavailablePort<K extends keyof ServicePorts>(name: K): ServicePorts[K] {
  return new Proxy({} as ServicePorts[K], {
    get(_target, property) {
      if (property === 'then') return undefined; // not a thenable
      return () => Promise.reject(new NodeConfigError(HINTS[name], 'PORT_UNAVAILABLE'));
    },
  });
}

export function unavailablePorts(): ServicePorts {
  return {
    http: unavailablePort('http'),
    llm: unavailablePort('llm'),
    knowledge: unavailablePort('knowledge'),
    crm: unavailablePort('crm'),
    calendar: unavailablePort('calendar'),
    secrets: unavailablePort('secrets'),
    media: unavailablePort('media'),
  };
}
