/**
 * The repeating tail of the visited node ids ("ask → check → ask"), to name the loop that hit
 * the step limit. Returns the shortest cycle that repeats at least twice at the end.
 */
export function findLoop(visited: readonly string[]): string[] {
  const maxPeriod = Math.floor(visited.length / 2);
  for (let period = 1; period <= maxPeriod; period++) {
    let repeats = true;
    for (let i = 1; i <= period && repeats; i++) {
      repeats = visited[visited.length - i] === visited[visited.length - i - period];
    }
    if (repeats) return visited.slice(visited.length - period);
  }
  return visited.slice(-Math.min(visited.length, 10));
}
