/**
 * How long a canvas movement animates: `ms`, or 0 for people who asked their system for less
 * motion (panning and zooming on their own can make some of them dizzy).
 */
export function motionMs(ms: number): number {
  const reduced = typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  return reduced ? 0 : ms;
}
