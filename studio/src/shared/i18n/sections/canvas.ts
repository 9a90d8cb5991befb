/**
 * The canvas's words. Each feature keeps its section here so that features can grow their words
 * side by side; `pt-BR.ts` and `en.ts` spread every section (the key type stays one union).
 */
export const canvasPtBR = {
} as const;

export const canvasEn: Record<keyof typeof canvasPtBR, string> = {
};
