import { CERTIFICATE_THRESHOLD } from '../model/scoring';

const RADIUS = 52;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

/**
 * The overall score as a ring, with a labelled tick at the 80% the certificate needs. The
 * label is read out by assistive technology from `label`; the picture is for the eye.
 */
export function ProgressRing({ value, label, tickLabel }: { value: number; label: string; tickLabel: string }) {
  const tickAngle = CERTIFICATE_THRESHOLD * 2 * Math.PI - Math.PI / 2;
  const at = (r: number) => ({ x: 60 + r * Math.cos(tickAngle), y: 60 + r * Math.sin(tickAngle) });
  const inner = at(RADIUS - 12);
  const outer = at(RADIUS + 10);
  const text = at(RADIUS + 19);
  return (
    <div className="progress-ring" role="img" aria-label={label}>
      <svg viewBox="-20 -20 160 160" width="160" height="160" aria-hidden="true">
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
        <text className="ring-tick-label" x={text.x} y={text.y} textAnchor="middle" dominantBaseline="middle">
          {tickLabel}
        </text>
      </svg>
      <span className="ring-label" aria-hidden="true">
        {label}
      </span>
    </div>
  );
}
