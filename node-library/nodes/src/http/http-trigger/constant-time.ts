/**
 * Compares two strings in time that depends only on the longer one's length, not on where they
 * first differ, so a caller cannot guess a shared secret one character at a time from response
 * times. (The length itself may still leak; secrets are long random strings, so that is fine.)
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const length = Math.max(a.length, b.length);
  let difference = a.length ^ b.length;
  for (let i = 0; i < length; i++) {
    // charCodeAt past the end is NaN, and NaN | 0 is 0: no branch on the shorter string.
    difference |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  }
  return difference === 0;
}
