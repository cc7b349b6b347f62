import { withCoBuilding } from './scenario/co-building';
import { withCases } from './scenario/cases';
import { withDeliberation } from './scenario/deliberation';
import { withPoints } from './scenario/points';
import { ScenarioEvents } from './scenario/scenario-events';
import { withWhistles } from './scenario/whistles';

/**
 * The city as the specs tell it, one step per event a service publishes: `scenario.reportCase(…)`,
 * `scenario.later({ hours: 2 }).resolveCase(…)`. Each domain's steps, and what they remember between
 * steps, live in `scenario/`; every step goes through `ScenarioEvents.append`, which checks the contract.
 */
export class CityScenario extends withCoBuilding(withPoints(withDeliberation(withWhistles(withCases(ScenarioEvents))))) {}
