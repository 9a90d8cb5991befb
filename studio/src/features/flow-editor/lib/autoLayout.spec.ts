import { layoutFlow } from './autoLayout';

const node = (id: string, ports: string[] = ['out'], height = 100) => ({ id, width: 200, height, ports });

describe('layoutFlow', () => {
  it('lays the flow out left to right, one column per step, without overlaps', () => {
    const positions = layoutFlow(
      [node('start'), node('ask', ['yes', 'no']), node('yes'), node('no', ['out'], 160)],
      [
        { source: 'start', sourcePort: 'out', target: 'ask' },
        { source: 'ask', sourcePort: 'no', target: 'no' },
        { source: 'ask', sourcePort: 'yes', target: 'yes' },
      ],
    );
    const at = (id: string) => positions.get(id)!;
    expect(at('ask').x).toBeGreaterThanOrEqual(at('start').x + 200);
    expect(at('yes').x).toBe(at('no').x);
    expect(at('yes').x).toBeGreaterThanOrEqual(at('ask').x + 200);
    // The "yes" port is listed first on the card: its target goes above.
    expect(at('yes').y + 100).toBeLessThanOrEqual(at('no').y);
  });

  it('places nodes without edges and ignores edges to unknown nodes', () => {
    const positions = layoutFlow([node('a'), node('b')], [{ source: 'a', sourcePort: 'out', target: 'gone' }]);
    expect([...positions.keys()]).toEqual(['a', 'b']);
    const [a, b] = [positions.get('a')!, positions.get('b')!];
    expect(Math.abs(a.x - b.x) >= 200 || Math.abs(a.y - b.y) >= 100).toBe(true);
  });
});
