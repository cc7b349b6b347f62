import { useId, useMemo } from 'react';
import type { Grid } from '../api';
import { useApiQuery } from '../api-client';
import { useI18n } from '../i18n';

interface LatLong {
  readonly lat: number;
  readonly long: number;
}

/** A grid as the organisation tree gives it: bounds today (the document has no polygon yet), and a polygon where the data has one. */
export type ShapedGrid = Grid & { readonly polygon?: readonly LatLong[] };

export interface NamedGrid {
  readonly grid: ShapedGrid;
  /** "Street · grid", as staff name a place. */
  readonly label: string;
  readonly streetId: string;
}

/** Every grid of the city with its street's name, from the public organisation tree. */
export function useCityGrids(): NamedGrid[] | undefined {
  const { name } = useI18n();
  const organisation = useApiQuery('/api/organisation', {}, { publicRead: true });
  return useMemo(
    () =>
      organisation.data?.districts.flatMap((d) =>
        d.streets.flatMap((s) =>
          s.communities.flatMap((c) =>
            c.grids.map((g): NamedGrid => ({ grid: g, label: `${name(s.name)} · ${name(g.name)}`, streetId: s.id })),
          ),
        ),
      ),
    [organisation.data, name],
  );
}

export interface MapArea {
  readonly grid: ShapedGrid;
  /** Fill colour; the words in `caption` say the same, so nothing is told by colour alone. */
  readonly fill: string;
  readonly caption?: string;
  readonly emphasis?: boolean;
}

export interface MapPin extends LatLong {
  readonly id: string;
  readonly label: string;
}

const corners = (g: ShapedGrid): LatLong[] =>
  g.polygon && g.polygon.length >= 3
    ? [...g.polygon]
    : [
        { lat: g.bounds.north, long: g.bounds.west },
        { lat: g.bounds.north, long: g.bounds.east },
        { lat: g.bounds.south, long: g.bounds.east },
        { lat: g.bounds.south, long: g.bounds.west },
      ];

/**
 * The caption's lines at the largest size (up to `max`) that fits the area's box; when the whole does not fit
 * readably, only its last line (the figure) is kept, and nothing when even that does not fit.
 */
function fitted(caption: string, width: number, height: number, max: number): { lines: string[]; size: number } | null {
  const lines = caption.split('\n');
  for (const candidate of [lines, lines.slice(-1)]) {
    const longest = Math.max(...candidate.map((l) => l.length));
    const size = Math.min(max, (width * 0.9) / longest, (height * 0.8) / (candidate.length * 1.25));
    if (size >= max * 0.45) return { lines: candidate, size };
  }
  return null;
}

/**
 * The city's grids as inline SVG, drawn from the organisation tree's shapes: it needs no tile server, so it
 * works on a wall screen offline and on this machine. Longitude is scaled by the cosine of the latitude, so a
 * square of ground looks square. `focus` narrows the view to some grids (a case's own and its neighbours).
 */
export function CitySvgMap({
  title,
  description,
  areas,
  pins = [],
  focus,
  className = 'city-map',
}: {
  title: string;
  description: string;
  areas: readonly MapArea[];
  pins?: readonly MapPin[];
  focus?: readonly ShapedGrid[];
  className?: string;
}) {
  const titleId = useId();
  const descId = useId();
  const framed = focus && focus.length ? focus : areas.map((a) => a.grid);
  const frame = useMemo(() => {
    const points = framed.flatMap(corners);
    if (points.length === 0) return null;
    const south = Math.min(...points.map((p) => p.lat));
    const north = Math.max(...points.map((p) => p.lat));
    const west = Math.min(...points.map((p) => p.long));
    const east = Math.max(...points.map((p) => p.long));
    const padLat = (north - south) * 0.08 || 0.001;
    const padLong = (east - west) * 0.08 || 0.001;
    return { south: south - padLat, north: north + padLat, west: west - padLong, east: east + padLong };
  }, [framed]);
  if (!frame) return null;
  const cos = Math.cos((((frame.north + frame.south) / 2) * Math.PI) / 180);
  const width = 1000;
  const height = Math.max(200, Math.round((width * (frame.north - frame.south)) / ((frame.east - frame.west) * cos)));
  const x = (long: number) => ((long - frame.west) / (frame.east - frame.west)) * width;
  const y = (lat: number) => ((frame.north - lat) / (frame.north - frame.south)) * height;
  const inFrame = (p: LatLong) => p.lat >= frame.south && p.lat <= frame.north && p.long >= frame.west && p.long <= frame.east;
  // Words and pins keep one size on screen whatever the shape of the area drawn.
  const fontSize = Math.round(Math.min(width, height) / 16);
  return (
    <svg
      className={className}
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="xMidYMid meet"
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>{description}</desc>
      {areas.map((area) => {
        const shape = corners(area.grid);
        const xs = shape.map((p) => x(p.long));
        const ys = shape.map((p) => y(p.lat));
        const cx = xs.reduce((sum, v) => sum + v, 0) / shape.length;
        const cy = ys.reduce((sum, v) => sum + v, 0) / shape.length;
        const caption = area.caption
          ? fitted(area.caption, Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys), fontSize)
          : null;
        return (
          <g key={area.grid.id}>
            <polygon
              points={shape.map((p) => `${x(p.long).toFixed(1)},${y(p.lat).toFixed(1)}`).join(' ')}
              fill={area.fill}
              stroke={area.emphasis ? '#111827' : '#4b5563'}
              strokeWidth={area.emphasis ? 6 : 2}
            />
            {caption && (
              <text
                x={cx}
                y={cy - ((caption.lines.length - 1) * caption.size * 1.25) / 2}
                textAnchor="middle"
                dominantBaseline="middle"
                fontSize={caption.size}
                fill="#111827"
              >
                {caption.lines.map((line, i) => (
                  <tspan key={i} x={cx} dy={i === 0 ? 0 : caption.size * 1.25}>
                    {line}
                  </tspan>
                ))}
              </text>
            )}
          </g>
        );
      })}
      {pins.filter(inFrame).map((pin) => (
        <g key={pin.id} className="map-pin">
          <circle cx={x(pin.long)} cy={y(pin.lat)} r={fontSize * 0.55} fill="#9b1c1c" stroke="#fff" strokeWidth={3} />
          <title>{pin.label}</title>
        </g>
      ))}
    </svg>
  );
}
