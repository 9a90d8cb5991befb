/** Longest pattern a tenant may write; longer ones are where catastrophic backtracking hides. */
export const MAX_PATTERN_LENGTH = 200;
/** Longest text a pattern runs against; customer messages are far shorter. */
export const MAX_REGEX_INPUT = 4_000;

/* A quantified group that itself contains a quantifier: (a+)+, (\w*)*, (x|y+){2,} ... */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)\s*(?:[+*]|\{\d+,?\d*\})/;

/**
 * Why a pattern may not be used, or null when it is acceptable. JavaScript regexes cannot be
 * interrupted, so a pattern that could backtrack exponentially is refused up front.
 */
export function regexProblem(pattern: string): string | null {
  if (pattern.length > MAX_PATTERN_LENGTH) return `The pattern is longer than ${MAX_PATTERN_LENGTH} characters.`;
  if (NESTED_QUANTIFIER.test(pattern)) {
    return 'The pattern repeats a group that itself repeats (like (a+)+), which can freeze the bot on some messages; simplify it.';
  }
  if (/\\\d/.test(pattern.replace(/\\\\/g, ''))) return 'Back-references (\\1) are not allowed in patterns.';
  try {
    new RegExp(pattern, 'u');
    return null;
  } catch (error) {
    return `The pattern is not a valid regular expression: ${(error as Error).message}`;
  }
}

const compiled = new Map<string, RegExp>();

/** Compiles (and caches) an accepted pattern; throws with the problem otherwise. */
export function compileSafeRegex(pattern: string, flags = 'u'): RegExp {
  const key = `${flags}/${pattern}`;
  let regex = compiled.get(key);
  if (!regex) {
    const problem = regexProblem(pattern);
    if (problem) throw new Error(problem);
    regex = new RegExp(pattern, flags);
    if (compiled.size > 1_000) compiled.clear();
    compiled.set(key, regex);
  }
  return regex;
}
