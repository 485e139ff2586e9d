import { HLC_PATTERN } from './wire';

const WALL_DIGITS = 15;
const MAX_COUNTER = 0xffff;

interface ClockReading {
  wallMs: number;
  counter: number;
}

function parse(stamp: string): ClockReading {
  if (!HLC_PATTERN.test(stamp)) throw new Error(`Not a hybrid logical clock stamp: ${stamp.slice(0, 100)}`);
  return {
    wallMs: Number(stamp.slice(0, WALL_DIGITS)),
    counter: parseInt(stamp.slice(WALL_DIGITS + 1, WALL_DIGITS + 5), 16),
  };
}

/**
 * A hybrid logical clock (Kulkarni et al., 2014): stamps that follow the wall clock when it is
 * sane, yet always increase on this device and always sort after every stamp it has received, so
 * a laptop whose clock is hours behind still orders its edits after the ones it has seen.
 * Stamps are `<wall ms, 15 digits>-<counter, 4 hex>-<device id>` and compare as strings.
 */
export class HybridLogicalClock {
  private wallMs = 0;
  private counter = 0;

  constructor(
    readonly deviceId: string,
    /** The last stamp this device issued or received, as stored; the clock starts after it. */
    lastStamp: string | null = null,
    private readonly now: () => number = Date.now,
  ) {
    if (lastStamp) ({ wallMs: this.wallMs, counter: this.counter } = parse(lastStamp));
  }

  /** A stamp for a change made on this device now, later than every stamp issued or received. */
  stamp(): string {
    this.advance({ wallMs: this.wallMs, counter: this.counter });
    return this.format();
  }

  /** Moves the clock past a stamp from another device, so what is done next sorts after it. */
  receive(stamp: string): void {
    this.advance(parse(stamp));
  }

  /** The clock's current reading, to store so a restart never issues a stamp twice. */
  get last(): string {
    return this.format();
  }

  private advance(seen: ClockReading): void {
    const physical = Math.floor(this.now());
    const wallMs = Math.max(this.wallMs, seen.wallMs, physical);
    let counter: number;
    if (wallMs === this.wallMs && wallMs === seen.wallMs) counter = Math.max(this.counter, seen.counter) + 1;
    else if (wallMs === this.wallMs) counter = this.counter + 1;
    else if (wallMs === seen.wallMs) counter = seen.counter + 1;
    else counter = 0;
    // 65,536 stamps in one millisecond: borrow the next millisecond rather than overflow the field.
    if (counter > MAX_COUNTER) {
      this.wallMs = wallMs + 1;
      this.counter = 0;
    } else {
      this.wallMs = wallMs;
      this.counter = counter;
    }
  }

  private format(): string {
    return `${String(this.wallMs).padStart(WALL_DIGITS, '0')}-${this.counter.toString(16).padStart(4, '0')}-${this.deviceId}`;
  }
}
