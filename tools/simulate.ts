// Drives a running platform through its public HTTP API with the everyday life of the demo city, so
// the dashboards move: residents report (with photos), grid workers and officers triage and dispatch,
// the department acknowledges and resolves, residents confirm and rate, the street blows whistles,
// residents propose topics and vote, redeem points and log volunteer hours.
//
//   npm run simulate -- --rate 5 --duration 120 [--url http://localhost:3000]
//   npm run simulate -- --url compose                       (the distributed set of docker-compose.yml)
//   npm run simulate -- --url identity=http://…,grid-events=http://…,…   (any distributed set)
//
// Uses only the demo accounts the host prints at first start and residents it registers itself.
// Each domain's actions live in tools/simulate/ (cases, whistles, deliberation, points).
import { simulate } from './simulate/run';

simulate(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`\nsimulate: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
