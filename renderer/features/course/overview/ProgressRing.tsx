import { CERTIFICATE_THRESHOLD } from '../model/scoring';

const RADIUS = 52;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

/** The overall score as a ring, with a tick at the 80% the certificate needs. */
export function ProgressRing({ value, label }: { value: number; label: string }) {
  const tickAngle = CERTIFICATE_THRESHOLD * 2 * Math.PI - Math.PI / 2;
  const tick = (r: number) => ({ x: 60 + r * Math.cos(tickAngle), y: 60 + r * Math.sin(tickAngle) });
  const inner = tick(RADIUS - 12);
  const outer = tick(RADIUS + 12);
  return (
    <div className="progress-ring" role="img" aria-label={label}>
      <svg viewBox="0 0 120 120" width="140" height="140" aria-hidden="true">
        <circle className="ring-track" cx="60" cy="60" r={RADIUS} />
        <circle
          className="ring-value"
          cx="60"
          cy="60"
          r={RADIUS}
          strokeDasharray={`${CIRCUMFERENCE * Math.min(1, value)} ${CIRCUMFERENCE}`}
          transform="rotate(-90 60 60)"
        />
        <line className="ring-tick" x1={inner.x} y1={inner.y} x2={outer.x} y2={outer.y} />
      </svg>
      <span className="ring-label" aria-hidden="true">
        {label}
      </span>
    </div>
  );
}
