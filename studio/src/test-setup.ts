import '@testing-library/jest-dom';
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'node:util';
import { deserialize, serialize } from 'node:v8';

/*
 * jsdom lacks some browser APIs the studio uses. These stand-ins do only what the tests need;
 * the browser's own versions run in the app and in the e2e tests.
 */

// <dialog>.showModal()/close(): toggling `open` is enough for roles, names and content.
if (!HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.open = false;
  };
}

// Blob.text() (used to read a picked file), through FileReader, which jsdom has.
if (!Blob.prototype.text) {
  Blob.prototype.text = function text(this: Blob) {
    return new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error ?? new Error('read failed'));
      reader.readAsText(this);
    });
  };
}

// TextEncoder/TextDecoder: React Router creates one when it loads; Node has them, jsdom does not expose them.
if (typeof globalThis.TextEncoder === 'undefined') {
  Object.assign(globalThis, { TextEncoder: NodeTextEncoder, TextDecoder: NodeTextDecoder });
}

// Request: the data router wraps every navigation in one (for loaders, which the studio does not
// use) and jsdom has no fetch API. It reads the URL, the method and the abort signal only.
if (typeof globalThis.Request === 'undefined') {
  class NavigationRequest {
    readonly url: string;
    readonly method: string;
    readonly signal: AbortSignal;
    constructor(input: string | URL, init: { method?: string; signal?: AbortSignal } = {}) {
      this.url = String(input);
      this.method = (init.method ?? 'GET').toUpperCase();
      this.signal = init.signal ?? new AbortController().signal;
    }
  }
  Object.assign(globalThis, { Request: NavigationRequest });
}

// ResizeObserver: React Flow measures the canvas and each node with it. jsdom lays nothing out,
// so there is nothing to report; observing is a no-op.
if (typeof globalThis.ResizeObserver === 'undefined') {
  class NoLayoutResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.assign(globalThis, { ResizeObserver: NoLayoutResizeObserver });
}

// DOMMatrixReadOnly: React Flow reads the viewport's CSS transform through it (zoom = m22).
if (typeof globalThis.DOMMatrixReadOnly === 'undefined') {
  class IdentityMatrix {
    readonly m22: number;
    constructor(transform?: string) {
      const scale = /scale\(([-\d.]+)\)/.exec(transform ?? '');
      this.m22 = scale ? Number(scale[1]) : 1;
    }
  }
  Object.assign(globalThis, { DOMMatrixReadOnly: IdentityMatrix });
}

// dagre (auto-layout) uses structuredClone, which browsers and Node have but jest's jsdom does not expose.
globalThis.structuredClone ??= <T>(value: T): T => deserialize(serialize(value)) as T;

// matchMedia: jsdom has none. Tests get the reduced-motion answer: jsdom lays nothing out, and a
// canvas animation over a zero-size viewport computes NaN positions.
if (typeof window.matchMedia !== 'function') {
  window.matchMedia = (query: string): MediaQueryList => ({
    media: query, matches: query.includes('prefers-reduced-motion: reduce'), onchange: null,
    addListener: () => undefined, removeListener: () => undefined, addEventListener: () => undefined, removeEventListener: () => undefined, dispatchEvent: () => false,
  });
}
