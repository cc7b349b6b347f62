import { useEffect, useRef } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { Grid, MapSettings } from '../api';
import { useI18n } from '../i18n';

export interface LatLong {
  readonly lat: number;
  readonly long: number;
}

/**
 * A grid's outline: its polygon when the organisation data has one, else its bounding box. The platform's document has
 * no polygon yet (api-types.ts): grids come as boxes until the organisation data carries outlines.
 */
export function outlineOf(grid: Grid & { readonly polygon?: readonly (readonly [number, number] | LatLong)[] }): L.LatLngExpression[] {
  if (grid.polygon && grid.polygon.length >= 3) {
    return grid.polygon.map((p): L.LatLngTuple => ('lat' in p ? [p.lat, p.long] : [p[0], p[1]]));
  }
  const { south, west, north, east } = grid.bounds;
  return [
    [south, west],
    [north, west],
    [north, east],
    [south, east],
  ];
}

const PLACE_ZOOM = 17;

/**
 * The city's grids drawn from the organisation data, so the map works with no tile server; a base map only when
 * the deployment names one. A tap places the pin; the keyboard pans with the arrows and places it at the centre
 * (the button beside the map), so nobody has to drag.
 */
export function ReportMap({
  grids,
  settings,
  position,
  onPlace,
  labelledBy,
  startWith,
}: {
  grids: readonly Grid[];
  /** The grids the map opens on (the resident's own street); all of them when empty. */
  startWith: readonly string[];
  settings: MapSettings | undefined;
  position: LatLong | null;
  onPlace: (point: LatLong) => void;
  labelledBy: string;
}) {
  const { t, name } = useI18n();
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const pin = useRef<L.CircleMarker | null>(null);
  const place = useRef(onPlace);
  place.current = onPlace;

  useEffect(() => {
    if (!element.current || grids.length === 0) return;
    const created = L.map(element.current, { zoomControl: false, attributionControl: !!settings?.tiles, keyboardPanDelta: 60 });
    L.control.zoom({ zoomInTitle: t('mapZoomIn'), zoomOutTitle: t('mapZoomOut') }).addTo(created);
    if (settings?.tiles) {
      L.tileLayer(settings.tiles.urlTemplate, { attribution: settings.tiles.attribution, maxZoom: 19 }).addTo(created);
    }
    const shapes = grids.map((grid) =>
      L.polygon(outlineOf(grid), { color: '#7f1515', weight: 2, fillColor: '#fca5a5', fillOpacity: 0.15 })
        .bindTooltip(name(grid.name), { permanent: false, direction: 'center' })
        .addTo(created),
    );
    const opening = shapes.filter((_, i) => startWith.includes(grids[i].id));
    created.fitBounds(L.featureGroup(opening.length > 0 ? opening : shapes).getBounds(), { padding: [8, 8] });
    created.on('click', (event: L.LeafletMouseEvent) => place.current({ lat: event.latlng.lat, long: event.latlng.lng }));
    // Leaflet's container takes the focus for keyboard panning; it must say what it is.
    element.current.setAttribute('aria-labelledby', labelledBy);
    element.current.setAttribute('role', 'application');
    map.current = created;
    return () => {
      created.remove();
      map.current = null;
      pin.current = null;
    };
    // Drawn once per set of grids and base map; the words of the tooltips follow the language at the next draw.
  }, [grids, settings]);

  useEffect(() => {
    const current = map.current;
    if (!current) return;
    if (!position) {
      pin.current?.remove();
      pin.current = null;
      return;
    }
    const at: L.LatLngTuple = [position.lat, position.long];
    if (pin.current) pin.current.setLatLng(at);
    else
      pin.current = L.circleMarker(at, {
        radius: 12,
        color: '#111827',
        weight: 4,
        fillColor: '#f59e0b',
        fillOpacity: 1,
        interactive: false,
      }).addTo(current);
    if (!current.getBounds().pad(-0.2).contains(at)) current.setView(at, Math.max(current.getZoom(), PLACE_ZOOM - 1));
  }, [position, grids, settings]);

  const placeAtCentre = () => {
    const centre = map.current?.getCenter();
    if (centre) onPlace({ lat: centre.lat, long: centre.lng });
  };

  return (
    <div className="report-map">
      <div ref={element} className="report-map-canvas" />
      <p className="hint">{t('mapHint')}</p>
      <button type="button" className="button button-secondary button-wide" onClick={placeAtCentre}>
        {t('mapPlaceAtCentre')}
      </button>
    </div>
  );
}
