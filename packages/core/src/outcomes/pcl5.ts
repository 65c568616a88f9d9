import type { CutPoint } from '../knowledge/schema/outcomes';
import type { ScoredResponse } from './score-response';

/** PCL-5 extras: cluster severities, the cut-point and the provisional DSM-5 rule. */
export interface Pcl5Assessment {
  /** Sum of item scores per DSM-5 cluster (B, C, D, E). */
  readonly clusterScores: Readonly<Record<'B' | 'C' | 'D' | 'E', number>>;
  /** Items rated 2 ("moderately") or more, per cluster. */
  readonly endorsedByCluster: Readonly<Record<'B' | 'C' | 'D' | 'E', number>>;
  /** Total at or above the cut-point: probable PTSD. */
  readonly atOrAboveCutPoint: boolean;
  readonly cutPoint: number;
  /** DSM-5 rule: at least 1 B, 1 C, 2 D and 2 E items rated 2 or more [S116][S117]. */
  readonly provisionalDiagnosis: boolean;
}

/**
 * PCL-5 cluster scores, the cut-point (31 by default; 31-33 provisional, 38 and 45 proposed
 * elsewhere [S116][S117][S118]) and the provisional DSM-5 diagnosis. A screen, not a diagnosis.
 */
export function assessPcl5(scored: ScoredResponse, cutPoint: CutPoint): Pcl5Assessment {
  const clusterScores = { B: 0, C: 0, D: 0, E: 0 };
  const endorsedByCluster = { B: 0, C: 0, D: 0, E: 0 };
  for (const item of scored.items) {
    const c = item.cluster;
    if (c !== 'B' && c !== 'C' && c !== 'D' && c !== 'E') continue;
    clusterScores[c] += item.score;
    if (item.score >= 2) endorsedByCluster[c] += 1;
  }
  const e = endorsedByCluster;
  return {
    clusterScores,
    endorsedByCluster,
    atOrAboveCutPoint: scored.total >= cutPoint.score,
    cutPoint: cutPoint.score,
    provisionalDiagnosis: e.B >= 1 && e.C >= 1 && e.D >= 2 && e.E >= 2,
  };
}
