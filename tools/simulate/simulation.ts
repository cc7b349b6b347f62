import type { Targets } from '../simulate-targets';
import { CaseWork } from './cases';
import { City, type Action } from './city';
import { DeliberationWork } from './deliberation';
import { PointsWork } from './points';
import { byAction, bump } from './tally';
import { WhistleWork } from './whistles';

/** The demo city and every domain's everyday actions, one picked at random by weight per tick. */
export class Simulation {
  private readonly city: City;
  private readonly cases: CaseWork;
  private readonly points: PointsWork;
  private readonly actions: readonly Action[];

  constructor(base: Targets) {
    this.city = new City(base);
    this.cases = new CaseWork(this.city);
    this.points = new PointsWork(this.city);
    this.actions = [
      ...this.cases.actions,
      ...new WhistleWork(this.city).actions,
      ...new DeliberationWork(this.city).actions,
      ...this.points.actions,
    ];
  }

  async setUp(runId: string): Promise<void> {
    await this.city.setUp(runId);
    await this.points.setUp();
  }

  /** Runs one action; one that finds nothing to do reports instead. */
  async act(): Promise<void> {
    const total = this.actions.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = Math.random() * total;
    const [name, , run] = this.actions.find(([, weight]) => (roll -= weight) < 0) ?? this.actions[0];
    if (await run()) bump(byAction, name);
    else if (await this.cases.report()) bump(byAction, 'report');
  }
}
