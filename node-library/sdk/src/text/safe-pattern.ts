/**
 * Regular expressions written by tenants. JavaScript regexes cannot be interrupted, so a pattern
 * that can backtrack exponentially on a crafted message would freeze a worker: such patterns are
 * refused when the flow is saved, and accepted ones are compiled once and cached.
 */

/** Longest pattern a tenant may write; long ones are where catastrophic backtracking hides. */
export const MAX_PATTERN_LENGTH = 200;
/** Longest text a pattern runs against; customer messages are far shorter. */
export const MAX_PATTERN_INPUT = 4_096;

export const NESTED_QUANTIFIER_MESSAGE =
  'The pattern repeats a group that itself repeats (like (a+)+ or (\\w*)*), which can freeze the bot on some messages; simplify it.';

type Quantifier = { end: number; /** Matches a varying number of times. */ variable: boolean; /** Can match more than once. */ repeats: boolean };

/** The quantifier starting at `index`, if any (`*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`, lazy or not). */
function readQuantifier(pattern: string, index: number): Quantifier | undefined {
  const char = pattern[index];
  let quantifier: Quantifier | undefined;
  if (char === '*' || char === '+') quantifier = { end: index + 1, variable: true, repeats: true };
  else if (char === '?') quantifier = { end: index + 1, variable: true, repeats: false };
  else if (char === '{') {
    const braces = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(index));
    if (!braces) return undefined;
    const min = Number(braces[1]);
    const max = braces[2] === undefined ? min : braces[3] === '' ? Infinity : Number(braces[3]);
    quantifier = { end: index + braces[0].length, variable: max > min, repeats: max > 1 };
  }
  if (quantifier && pattern[quantifier.end] === '?') quantifier.end += 1; // lazy form
  return quantifier;
}

/** Index just after a character class starting at `index` (its brackets and parens are literal). */
function skipClass(pattern: string, index: number): number {
  let i = index + 1;
  while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** Index just after a group opening, past `?:`, `?=`, `?!`, `?<=`, `?<!` or `?<name>`. */
function skipGroupOpening(pattern: string, index: number): number {
  if (pattern[index + 1] !== '?') return index + 1;
  const kind = pattern[index + 2];
  if (kind === '<' && pattern[index + 3] !== '=' && pattern[index + 3] !== '!') {
    const close = pattern.indexOf('>', index);
    return close === -1 ? pattern.length : close + 1;
  }
  return index + (kind === '<' ? 4 : 3);
}

/**
 * Whether a group that contains a varying quantifier (at any depth) is itself repeated:
 * `(a+)+`, `(\w*)*`, `((a+)b){2,}`. A `?` inside does not count, nor a fixed `{3}`, so common
 * patterns such as `(\d{3}\.)+` or `(ab?)+` stay allowed.
 */
export function hasNestedQuantifier(pattern: string): boolean {
  const groups: boolean[] = [false]; // per open group: does its content hold a varying quantifier?
  let i = 0;
  while (i < pattern.length) {
    const char = pattern[i];
    if (char === '\\') {
      i += 2;
      continue;
    }
    if (char === '[') {
      i = skipClass(pattern, i);
      continue;
    }
    if (char === '(') {
      groups.push(false);
      i = skipGroupOpening(pattern, i);
      continue;
    }
    let innerQuantified = false;
    if (char === ')') {
      if (groups.length === 1) return false; // unbalanced: the syntax check reports it
      innerQuantified = groups.pop() as boolean;
      i += 1;
    }
    const quantifier = readQuantifier(pattern, i);
    if (quantifier) {
      if (innerQuantified && quantifier.repeats) return true;
      i = quantifier.end;
    } else if (char !== ')') {
      i += 1;
    }
    const hasVaryingQuantifier = innerQuantified || (quantifier !== undefined && quantifier.variable && quantifier.repeats);
    if (hasVaryingQuantifier) groups[groups.length - 1] = true;
  }
  return false;
}

/** Back-references make matching exponential whatever else the pattern does. */
function hasBackReference(pattern: string): boolean {
  return /\\[1-9]|\\k</.test(pattern.replace(/\\\\/g, ''));
}

/** Why a pattern is unsafe to run (length, nested quantifiers, back-references), or null. */
export function patternSafetyProblem(pattern: string): string | null {
  if (pattern.length > MAX_PATTERN_LENGTH) return `The pattern is longer than ${MAX_PATTERN_LENGTH} characters.`;
  if (hasNestedQuantifier(pattern)) return NESTED_QUANTIFIER_MESSAGE;
  if (hasBackReference(pattern)) return 'Back-references (\\1, \\k<name>) are not allowed in patterns.';
  return null;
}

/** Why a pattern is not a valid regular expression, or null. */
export function patternSyntaxProblem(pattern: string): string | null {
  try {
    new RegExp(pattern, 'u');
    return null;
  } catch (error) {
    return `The pattern is not a valid regular expression: ${(error as Error).message}`;
  }
}

/** Why a pattern may not be used (unsafe or not a valid regular expression), or null. */
export function patternProblem(pattern: string): string | null {
  // Conditions check their (possibly templated) pattern on every run: remember the verdicts.
  const known = verdicts.get(pattern);
  if (known !== undefined) return known;
  const problem = patternSafetyProblem(pattern) ?? patternSyntaxProblem(pattern);
  if (verdicts.size >= MAX_CACHED) verdicts.clear();
  verdicts.set(pattern, problem);
  return problem;
}

const verdicts = new Map<string, string | null>();

const compiled = new Map<string, RegExp>();
const MAX_CACHED = 1_000;

/**
 * Compiles an accepted pattern once per flags, and throws with the problem otherwise. The cached
 * regexes have no `g`/`y` flag, so sharing them keeps no `lastIndex` state between messages.
 */
export function compilePattern(pattern: string, flags: 'u' | 'iu' = 'u'): RegExp {
  const key = `${flags}/${pattern}`;
  let regex = compiled.get(key);
  if (!regex) {
    const problem = patternProblem(pattern);
    if (problem) throw new Error(problem);
    regex = new RegExp(pattern, flags);
    if (compiled.size >= MAX_CACHED) compiled.clear();
    compiled.set(key, regex);
  }
  return regex;
}
