import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HybridLogicalClock } from './hlc';
import { isWellFormedHlc } from './mergeRules';

describe('the hybrid logical clock', () => {
  it('follows a sane wall clock', () => {
    const clock = new HybridLogicalClock('laptop-0001', null, () => 1_765_101_600_000);
    expect(clock.stamp()).toBe('001765101600000-0000-laptop-0001');
    expect(clock.stamp()).toBe('001765101600000-0001-laptop-0001');
  });

  it('keeps increasing when the wall clock jumps back by hours', () => {
    let wall = 1_765_101_600_000;
    const clock = new HybridLogicalClock('laptop-0001', null, () => wall);
    const before = clock.stamp();
    wall -= 5 * 3_600_000;
    const after = clock.stamp();
    expect(after > before).toBe(true);
  });

  it('sorts a change after every stamp it has received, even from a clock far ahead', () => {
    const behind = new HybridLogicalClock('laptop-0001', null, () => 1_765_000_000_000);
    const ahead = new HybridLogicalClock('desktop-0002', null, () => 1_765_090_000_000);
    const remote = ahead.stamp();
    behind.receive(remote);
    expect(behind.stamp() > remote).toBe(true);
  });

  it('starts after the stamp it stored before a restart, whatever the wall clock says', () => {
    const first = new HybridLogicalClock('laptop-0001', null, () => 1_765_101_600_000);
    first.stamp();
    const stored = first.stamp();
    const restarted = new HybridLogicalClock('laptop-0001', stored, () => 1_765_000_000_000);
    expect(restarted.stamp() > stored).toBe(true);
  });

  it('borrows the next millisecond instead of overflowing the counter', () => {
    const clock = new HybridLogicalClock('laptop-0001', '001765101600000-ffff-laptop-0001', () => 1_765_101_600_000);
    const next = clock.stamp();
    expect(next).toBe('001765101600001-0000-laptop-0001');
    expect(isWellFormedHlc(next)).toBe(true);
  });

  it('refuses a stamp that is not one', () => {
    const clock = new HybridLogicalClock('laptop-0001');
    expect(() => clock.receive('yesterday')).toThrow(/Not a hybrid logical clock stamp/);
  });

  it('issues strictly increasing, well-formed stamps under any mix of clock jumps and received stamps', () => {
    const event = fc.oneof(
      fc.record({ kind: fc.constant('local' as const), jump: fc.integer({ min: -86_400_000, max: 86_400_000 }) }),
      fc.record({
        kind: fc.constant('remote' as const),
        offset: fc.integer({ min: -86_400_000, max: 86_400_000 }),
        counter: fc.integer({ min: 0, max: 0xffff }),
      }),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 60 }), (events) => {
        let wall = 1_765_101_600_000;
        const clock = new HybridLogicalClock('laptop-0001', null, () => wall);
        let last = '';
        for (const e of events) {
          if (e.kind === 'local') {
            wall += e.jump;
            const stamp = clock.stamp();
            if (!(stamp > last) || !isWellFormedHlc(stamp)) return false;
            last = stamp;
          } else {
            const remote = `${String(wall + e.offset).padStart(15, '0')}-${e.counter.toString(16).padStart(4, '0')}-desktop-0002`;
            clock.receive(remote);
            const stamp = clock.stamp();
            if (!(stamp > remote) || !(stamp > last)) return false;
            last = stamp;
          }
        }
        return true;
      }),
    );
  });
});
