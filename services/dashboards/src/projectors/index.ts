import { casesProjector } from './cases.projector';
import { coBuildingProjector } from './co-building.projector';
import type { DashboardProjector, ProjectorSettings } from './dashboard-projector';
import { deliberationProjector } from './deliberation.projector';
import { evaluationProjector } from './evaluation.projector';
import { participationProjector } from './participation.projector';
import { pointsProjector } from './points.projector';
import { whistlesProjector } from './whistles.projector';

export * from './dashboard-projector';

/** Every projector of the dashboards, in the order they are started. */
export function dashboardProjectors(settings: ProjectorSettings): DashboardProjector[] {
  return [
    casesProjector(settings),
    whistlesProjector(settings),
    deliberationProjector(settings),
    pointsProjector(settings),
    participationProjector(settings),
    coBuildingProjector(settings),
    evaluationProjector(),
  ];
}
