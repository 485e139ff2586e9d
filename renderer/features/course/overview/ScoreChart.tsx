import type { FinishedAttempt } from '../model/scoring';
import { CERTIFICATE_THRESHOLD } from '../model/scoring';

const WIDTH = 320;
const HEIGHT = 120;
const PAD = 10;

/**
 * Scores of finished attempts in the order taken, with the 80% line. Mirrored right to left with
 * the layout; the text summary is given to assistive technology.
 */
export function ScoreChart({ attempts, summary }: { attempts: readonly FinishedAttempt[]; summary: string }) {
  const x = (i: number) =>
    PAD + (attempts.length < 2 ? (WIDTH - 2 * PAD) / 2 : (i * (WIDTH - 2 * PAD)) / (attempts.length - 1));
  const y = (score: number) => HEIGHT - PAD - score * (HEIGHT - 2 * PAD);
  const points = attempts.map((a, i) => `${x(i)},${y(a.score)}`).join(' ');
  return (
    <figure className="score-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} preserveAspectRatio="none">
        <line className="chart-axis" x1={PAD} y1={HEIGHT - PAD} x2={WIDTH - PAD} y2={HEIGHT - PAD} />
        <line
          className="chart-threshold"
          x1={PAD}
          y1={y(CERTIFICATE_THRESHOLD)}
          x2={WIDTH - PAD}
          y2={y(CERTIFICATE_THRESHOLD)}
        />
        {attempts.length > 1 && <polyline className="chart-line" points={points} />}
        {attempts.map((a, i) => (
          <circle key={a.id} className="chart-point" cx={x(i)} cy={y(a.score)} r="4" />
        ))}
      </svg>
    </figure>
  );
}
