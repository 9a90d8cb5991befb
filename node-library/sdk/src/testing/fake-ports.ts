import type { JsonObject } from '../json';
import type {
  CalendarPort, MediaPort, CrmPort, HttpPort, HttpRequest, HttpResponse, KnowledgePort, LlmPort, LlmRequest, LlmResponse, LogPort, SecretsPort,
} from '../ports';
import { NodeConfigError } from '../errors';

/**
 * A fake HTTP answer per `"METHOD url"` key (the url without its query string), or a function
 * of the request. A call that matches no route is recorded as unexpected and fails the run.
 */
export type FakeHttpRoutes = Record<string, Partial<HttpResponse> | ((request: HttpRequest) => Partial<HttpResponse> | Promise<Partial<HttpResponse>>)>;

export type LogEntry = { level: 'debug' | 'info' | 'warn' | 'error'; message: string; data?: JsonObject };

export type Recorder = {
  httpCalls: HttpRequest[];
  llmCalls: LlmRequest[];
  unexpected: string[];
  logs: LogEntry[];
};

export function fakeHttp(routes: FakeHttpRoutes, recorder: Recorder): HttpPort {
  return {
    async request(request) {
      recorder.httpCalls.push(request);
      const key = `${request.method} ${request.url.split('?')[0]}`;
      const route = routes[key];
      if (!route) {
        recorder.unexpected.push(`unexpected HTTP call ${key}`);
        throw new Error(`No fake HTTP route for "${key}" (routes: ${Object.keys(routes).join(', ') || 'none'}).`);
      }
      const answer = typeof route === 'function' ? await route(request) : route;
      return { status: answer.status ?? 200, headers: answer.headers ?? {}, body: answer.body ?? null };
    },
  };
}

/** Answers LLM calls in order from a list, or with a function; running out fails the run. */
export function fakeLlm(answers: LlmResponse[] | ((request: LlmRequest) => LlmResponse), recorder: Recorder): LlmPort {
  let index = 0;
  return {
    async generate(request) {
      recorder.llmCalls.push(request);
      if (typeof answers === 'function') return answers(request);
      const answer = answers[index++];
      if (!answer) {
        recorder.unexpected.push(`unexpected LLM call #${index}`);
        throw new Error(`The fake LLM has no answer for call #${index}.`);
      }
      return answer;
    },
  };
}

export function fakeSecrets(values: Record<string, string>): SecretsPort {
  return {
    async get(name) {
      const value = values[name];
      if (value === undefined) throw new NodeConfigError(`Secret "${name}" is not set for this tenant.`, 'SECRET_MISSING');
      return value;
    },
  };
}

export function recordingLog(recorder: Recorder): LogPort {
  const write = (level: LogEntry['level']) => (message: string, data?: JsonObject) => {
    recorder.logs.push(data === undefined ? { level, message } : { level, message, data });
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

/** Wraps a partial fake so that calling a method it lacks is recorded as unexpected. */
export function partialFake<T extends object>(name: string, impl: Partial<T> | undefined, recorder: Recorder): T {
  return new Proxy((impl ?? {}) as T, {
    get(target, property) {
      const value = (target as Record<string | symbol, unknown>)[property];
      if (value !== undefined || property === 'then') return value;
      return () => {
        recorder.unexpected.push(`unexpected ${name}.${String(property)} call`);
        return Promise.reject(new Error(`The fake ${name} port has no ${String(property)}.`));
      };
    },
  });
}

export type FakeServices = {
  http?: FakeHttpRoutes;
  llm?: LlmResponse[] | ((request: LlmRequest) => LlmResponse);
  knowledge?: Partial<KnowledgePort>;
  crm?: Partial<CrmPort>;
  calendar?: Partial<CalendarPort>;
  secrets?: Record<string, string>;
  media?: Partial<MediaPort>;
};
