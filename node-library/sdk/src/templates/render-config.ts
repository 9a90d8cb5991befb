import { isPlainObject } from '../json';
import { isTemplate } from './template-renderer';
import type { RenderOptions, TemplateRenderer } from './template-renderer';

/** Whether any string inside `value` holds template markup (so rendering can be skipped). */
export function containsTemplates(value: unknown): boolean {
  if (typeof value === 'string') return isTemplate(value);
  if (Array.isArray(value)) return value.some(containsTemplates);
  if (isPlainObject(value)) return Object.values(value).some(containsTemplates);
  return false;
}

/**
 * Renders every template string inside a parsed config, leaving `rawKeys` (top-level) as they
 * are. Returns the same object when nothing needed rendering.
 */
export function renderConfig<C>(
  config: C,
  renderer: TemplateRenderer,
  scope: Record<string, unknown>,
  options: RenderOptions & { rawKeys?: readonly string[] } = {},
): C {
  if (!isPlainObject(config)) return config;
  const raw = options.rawKeys;
  let out: Record<string, unknown> | undefined;
  for (const key in config) {
    if (raw?.includes(key)) continue;
    const value = config[key];
    const rendered = renderValue(value, renderer, scope, options);
    if (rendered !== value) {
      out ??= { ...config };
      out[key] = rendered;
    }
  }
  return (out ?? config) as C;
}

function renderValue(value: unknown, renderer: TemplateRenderer, scope: Record<string, unknown>, options: RenderOptions): unknown {
  if (typeof value === 'string') return isTemplate(value) ? renderer.render(value, scope, options) : value;
  if (Array.isArray(value)) {
    let changed = false;
    const items = value.map((item) => {
      const rendered = renderValue(item, renderer, scope, options);
      changed ||= rendered !== item;
      return rendered;
    });
    return changed ? items : value;
  }
  if (isPlainObject(value)) {
    let out: Record<string, unknown> | undefined;
    for (const key in value) {
      const item = value[key];
      const rendered = renderValue(item, renderer, scope, options);
      if (rendered !== item) {
        out ??= { ...value };
        out[key] = rendered;
      }
    }
    return out ?? value;
  }
  return value;
}
