import { useLoad } from '../api';
import { useApiQuery } from '../api-client';
import { useI18n } from '../i18n';
import { Loading } from '../ui';
import { CitySvgMap, useCityGrids } from './city-svg-map';

/** An Open311 GeoReport v2 request: the public, triaged cases, with where they are. */
interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  service_name: string | null;
  address: string | null;
  lat: number | null;
  long: number | null;
}

// Light fills, so the dark words on them keep their contrast; each band is named in the legend and on the grid.
const BANDS = [
  { key: 'wallBandGood', fill: '#a7f3d0', test: (p: number | null) => p !== null && p >= 90 },
  { key: 'wallBandFair', fill: '#fde68a', test: (p: number | null) => p !== null && p >= 70 && p < 90 },
  { key: 'wallBandPoor', fill: '#fecaca', test: (p: number | null) => p !== null && p < 70 },
  { key: 'wallBandNone', fill: '#e5e7eb', test: (p: number | null) => p === null },
] as const;

const within = (p: { lat: number; long: number }, b: { south: number; west: number; north: number; east: number }) =>
  p.lat >= b.south && p.lat <= b.north && p.long >= b.west && p.long <= b.east;

/** The city's grids coloured by SLA compliance, with every open public case as a pin. */
export function WallMap() {
  const { t, name } = useI18n();
  const grids = useCityGrids();
  const sla = useApiQuery('/api/dashboards/cases/sla', { query: { groupBy: 'grid' } }, { publicRead: true });
  // Open311 lists only what was triaged: an untriaged report never becomes a pin on a public screen.
  const requests = useLoad<Open311Request[]>('/open311/v2/requests.json?status=open', { publicRead: true });
  const pins = (requests.data ?? []).flatMap((r) =>
    r.lat === null || r.long === null
      ? []
      : [{ id: r.service_request_id, lat: r.lat, long: r.long, label: [r.service_name, r.address].filter(Boolean).join(' · ') }],
  );
  return (
    <section className="wall-panel wall-map-panel" aria-labelledby="wall-map-title">
      <h2 className="section-title" id="wall-map-title">
        {t('wallMapTitle')}
      </h2>
      <Loading loaded={sla}>
        {(data) => {
          const areas = (grids ?? []).map((g) => {
            const row = data.rows.find((r) => r.key === g.grid.id);
            const percent = row?.resolvedWithinSlaPercent ?? null;
            const band = BANDS.find((b) => b.test(percent)) ?? BANDS[3];
            const figure = percent === null ? t('none') : `${Math.round(percent)}%`;
            return {
              grid: g.grid,
              streetId: g.streetId,
              street: g.label.split(' · ')[0],
              fill: band.fill,
              caption: `${name(g.grid.name)}\n${figure}`,
            };
          });
          // One small map per street: the streets of a city lie far apart, and one frame around all would shrink each grid to a dot.
          const streets = [...new Set(areas.map((a) => a.streetId))];
          return (
            <>
              <div className="wall-maps">
                {streets.map((streetId) => {
                  const own = areas.filter((a) => a.streetId === streetId);
                  const here = pins.filter((p) => own.some((a) => within(p, a.grid.bounds)));
                  return (
                    <figure key={streetId} className="wall-street">
                      <figcaption>{own[0].street}</figcaption>
                      <CitySvgMap
                        className="city-map wall-map"
                        title={`${t('wallMapTitle')}：${own[0].street}`}
                        description={t('wallMapDescription', { grids: own.length, pins: here.length })}
                        areas={own}
                        pins={here}
                      />
                    </figure>
                  );
                })}
              </div>
              <div className="wall-legend" aria-label={t('wallMapLegend')} role="group">
                {BANDS.map((b) => (
                  <span key={b.key}>
                    <span className="wall-swatch" style={{ background: b.fill }} aria-hidden="true" />
                    {t(b.key)}
                  </span>
                ))}
                <span>
                  <span className="wall-pin" aria-hidden="true" />
                  {t('wallOpenPins', { count: pins.length })}
                </span>
              </div>
            </>
          );
        }}
      </Loading>
    </section>
  );
}
