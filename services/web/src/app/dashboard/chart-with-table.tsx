import { useEffect, useId, useRef, useState } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useI18n } from '../i18n';

echarts.use([BarChart, LineChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface Series {
  readonly name: string;
  readonly values: readonly (number | null)[];
}

// Dark enough for 3:1 against white; each series also has its own pattern (decal) and line style,
// so no series is told apart by colour alone.
const PALETTE = ['#1d4ed8', '#b45309', '#047857', '#7c3aed', '#be123c'];

/**
 * One figure, two views: an ECharts chart, and the same numbers as a table (for screen readers, for
 * people who prefer numbers, and for anyone who cannot tell the colours apart).
 */
export function ChartWithTable({
  title,
  kind,
  categoryLabel,
  categories,
  series,
  unit = '',
  horizontal = false,
}: {
  title: string;
  kind: 'line' | 'bar';
  categoryLabel: string;
  categories: readonly string[];
  series: readonly Series[];
  unit?: string;
  horizontal?: boolean;
}) {
  const { t, lang } = useI18n();
  const [asTable, setAsTable] = useState(false);
  const titleId = useId();
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (asTable || !element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: 'svg', locale: lang === 'zh' ? 'ZH' : 'EN' });
    const categoryAxis = { type: 'category' as const, data: [...categories], axisLabel: { fontSize: 14, color: '#1f2937' } };
    const valueAxis = {
      type: 'value' as const,
      axisLabel: { fontSize: 14, color: '#1f2937', formatter: `{value}${unit}` },
      minInterval: 1,
    };
    chart.setOption({
      color: PALETTE,
      // ECharts' own description names only the first ten points; the element's label below names every one.
      aria: { enabled: true, label: { enabled: false }, decal: { show: true } },
      textStyle: { fontSize: 14 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, textStyle: { fontSize: 14, color: '#1f2937' } },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
      series: series.map((s, i) => ({
        name: s.name,
        type: kind,
        data: [...s.values],
        symbol: ['circle', 'rect', 'triangle', 'diamond'][i % 4],
        symbolSize: 8,
        lineStyle: { width: 3, type: (['solid', 'dashed', 'dotted'] as const)[i % 3] },
        label: kind === 'bar' ? { show: true, position: horizontal ? 'right' : 'top', fontSize: 13, formatter: `{c}${unit}` } : undefined,
      })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [asTable, categories, series, kind, unit, horizontal, lang]);

  const empty = categories.length === 0;
  // Every point of every series, as the table view has them: a screen reader hears all the days, not the first ten.
  const summary = `${title}: ${series
    .map((s) => `${s.name}: ${categories.map((c, i) => `${c} ${s.values[i] === null ? t('none') : `${s.values[i]}${unit}`}`).join(', ')}`)
    .join('; ')}`;

  return (
    <figure className="chart-card" aria-labelledby={titleId}>
      <div className="chart-head">
        <h2 id={titleId} className="section-title">
          {title}
        </h2>
        <button
          type="button"
          className="button button-secondary"
          aria-pressed={asTable}
          onClick={() => setAsTable(!asTable)}
          disabled={empty}
        >
          {asTable ? t('showChart') : t('showTable')}
        </button>
      </div>
      {empty ? (
        <p>{t('noData')}</p>
      ) : asTable ? (
        // Keyed apart from the chart's element, so React never hands the chart's (disposed) element to the table.
        <div key="table" className="table-scroll" tabIndex={0} role="region" aria-label={title}>
          <table className="table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{categoryLabel}</th>
                {series.map((s) => (
                  <th scope="col" key={s.name}>
                    {s.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {categories.map((category, row) => (
                <tr key={category}>
                  <th scope="row">{category}</th>
                  {series.map((s) => (
                    <td key={s.name}>{s.values[row] === null ? t('none') : `${s.values[row]}${unit}`}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <div key="chart" ref={element} className="chart" role="img" aria-label={summary} />
      )}
    </figure>
  );
}
