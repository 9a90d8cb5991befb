import { Liquid, filters as liquidFilters } from 'liquidjs';
import type { Template } from 'liquidjs';
import { compileFastPath, renderFastPath } from './fast-path';
import { TemplateError } from './template-errors';
import { zonedInstant } from './zoned-date';

/** Bounds every render, so a tenant's template cannot stall a worker or balloon memory. */
export type TemplateLimits = {
  /** Longest template accepted, in characters. */
  maxTemplateLength: number;
  /** Longest render, in milliseconds of Liquid's own accounting. */
  renderTimeMs: number;
  /** Longest output, in characters. */
  maxOutputLength: number;
  /** Liquid's memory budget for one render (roughly characters and array items). */
  memoryLimit: number;
};

export const DEFAULT_TEMPLATE_LIMITS: Readonly<TemplateLimits> = Object.freeze({
  maxTemplateLength: 20_000,
  renderTimeMs: 100,
  maxOutputLength: 100_000,
  memoryLimit: 5_000_000,
});

export type RenderOptions = {
  /** "now" and "today" in the `date` filter mean this instant (the engine's clock), in epoch ms. */
  nowMs?: number;
};

export interface TemplateRenderer {
  readonly timeZone: string;
  /** Renders `template`; a missing variable prints nothing. Throws TemplateError on bad syntax or a broken limit. */
  render(template: string, scope: Record<string, unknown>, options?: RenderOptions): string;
  /** The syntax problem of a template, or null when it parses. */
  check(template: string): string | null;
}

/** Whether a string holds template markup at all (plain strings skip the renderer). */
export function isTemplate(value: string): boolean {
  return value.includes('{{') || value.includes('{%');
}

const CACHE_SIZE = 2_000;
const NOW_GLOBAL = '__fluxoNowMs';

type Compiled = { fast: ReturnType<typeof compileFastPath>; liquid?: Template[] };

/** Renderers are shared per time zone and limits; each keeps a bounded cache of parsed templates. */
const renderers = new Map<string, LiquidRenderer>();

export function createTemplateRenderer(options: { timeZone: string; limits?: Partial<TemplateLimits> }): TemplateRenderer {
  const limits = { ...DEFAULT_TEMPLATE_LIMITS, ...options.limits };
  const key = `${options.timeZone}|${limits.maxTemplateLength}|${limits.renderTimeMs}|${limits.maxOutputLength}|${limits.memoryLimit}`;
  let renderer = renderers.get(key);
  if (!renderer) {
    renderer = new LiquidRenderer(options.timeZone, limits);
    renderers.set(key, renderer);
  }
  return renderer;
}

class LiquidRenderer implements TemplateRenderer {
  private readonly liquid: Liquid;
  private readonly cache = new Map<string, Compiled>();

  constructor(
    readonly timeZone: string,
    private readonly limits: TemplateLimits,
  ) {
    assertTimeZone(timeZone);
    this.liquid = new Liquid({
      timezoneOffset: timeZone,
      strictFilters: true,
      strictVariables: false,
      ownPropertyOnly: true,
      parseLimit: limits.maxTemplateLength,
      renderLimit: limits.renderTimeMs,
      memoryLimit: limits.memoryLimit,
      cache: false,
    });
    registerFluxoFilters(this.liquid, timeZone);
  }

  render(template: string, scope: Record<string, unknown>, options: RenderOptions = {}): string {
    if (!isTemplate(template)) return template;
    const compiled = this.compile(template);
    let output = compiled.fast ? renderFastPath(compiled.fast, scope) : undefined;
    if (output === undefined) {
      compiled.liquid ??= this.parse(template);
      try {
        output = this.liquid.renderSync(compiled.liquid, scope, { globals: { [NOW_GLOBAL]: options.nowMs } }) as string;
      } catch (error) {
        throw new TemplateError(`Template could not be rendered: ${describe(error)}`, 'TEMPLATE_LIMIT', { cause: error });
      }
    }
    if (output.length > this.limits.maxOutputLength) {
      throw new TemplateError(`Template output is longer than ${this.limits.maxOutputLength} characters.`, 'TEMPLATE_LIMIT');
    }
    return output;
  }

  check(template: string): string | null {
    if (!isTemplate(template)) return null;
    try {
      this.compile(template).liquid ??= this.parse(template);
      return null;
    } catch (error) {
      return error instanceof TemplateError ? error.message : describe(error);
    }
  }

  private compile(template: string): Compiled {
    let compiled = this.cache.get(template);
    if (compiled) return compiled;
    if (template.length > this.limits.maxTemplateLength) {
      throw new TemplateError(`Template is longer than ${this.limits.maxTemplateLength} characters.`, 'TEMPLATE_LIMIT');
    }
    compiled = { fast: compileFastPath(template) };
    if (!compiled.fast) compiled.liquid = this.parse(template);
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(template, compiled);
    return compiled;
  }

  private parse(template: string): Template[] {
    try {
      return this.liquid.parse(template);
    } catch (error) {
      throw new TemplateError(`Template has a syntax error: ${describe(error)}`, 'TEMPLATE_INVALID', { cause: error });
    }
  }
}

function registerFluxoFilters(liquid: Liquid, timeZone: string): void {
  // "now"/"today" must follow the engine's clock (tests and replays), not the machine's.
  liquid.registerFilter('date', function (this: { context: { globals: Record<string, unknown> } }, value: unknown, ...args: unknown[]) {
    const nowMs = this.context.globals[NOW_GLOBAL];
    const input = (value === 'now' || value === 'today') && typeof nowMs === 'number' ? new Date(nowMs) : (zonedInstant(value, timeZone) ?? value);
    return (liquidFilters.date as (...a: unknown[]) => unknown).call(this, input, ...args);
  });
  const brl = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' });
  liquid.registerFilter('brl', (value: unknown) => {
    const number = typeof value === 'number' ? value : Number(value);
    return Number.isFinite(number) ? brl.format(number).replace(/\u00a0/g, ' ') : '';
  });
}

function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new TemplateError(`Unknown time zone "${timeZone}": use an IANA name such as America/Sao_Paulo.`, 'TEMPLATE_INVALID');
  }
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
