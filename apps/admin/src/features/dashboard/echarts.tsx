import {
  BarChart,
  type BarSeriesOption,
  LineChart,
  type LineSeriesOption,
  PieChart,
  type PieSeriesOption,
} from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useEffect, useRef } from 'react';

/* Only what the cockpit draws; the SVG renderer keeps charts sharp on paper. */
echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = echarts.ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;

/** Screenshots and browser tests want the final picture at once. */
const ANIMATE = typeof navigator === 'undefined' || !navigator.webdriver;

/** Widths of a chart on A4 portrait (print.css gives the boxes the same widths): the whole line or half of it. */
export const PRINT_WIDTHS = { full: 676, half: 322 } as const;
export type PrintSpan = keyof typeof PRINT_WIDTHS;

type Props = {
  option: ChartOption;
  height: number;
  /** How wide the chart is on paper. */
  printSpan: PrintSpan;
  testId: string;
};

/**
 * One ECharts chart. Before printing it is drawn again at its paper width (the screen width would overflow or leave
 * a gap), and after printing at its box's width again.
 */
export const Chart = ({ option, height, printSpan, testId }: Props) => {
  const ref = useRef<ReactEChartsCore>(null);

  useEffect(() => {
    const chart = () => ref.current?.getEchartsInstance();
    const toPaper = () => {
      const instance = chart();
      if (!instance) return;
      instance.resize({ width: PRINT_WIDTHS[printSpan], height, animation: { duration: 0 } });
      instance.getZr().refreshImmediately();
    };
    const toScreen = () => chart()?.resize({ animation: { duration: 0 } });
    const media = window.matchMedia('print');
    const onMedia = (e: MediaQueryListEvent) => (e.matches ? toPaper() : toScreen());
    media.addEventListener('change', onMedia);
    window.addEventListener('beforeprint', toPaper);
    window.addEventListener('afterprint', toScreen);
    return () => {
      media.removeEventListener('change', onMedia);
      window.removeEventListener('beforeprint', toPaper);
      window.removeEventListener('afterprint', toScreen);
    };
  }, [printSpan, height]);

  return (
    <div className={`dash-chart dash-chart-${printSpan}`} data-testid={testId}>
      <ReactEChartsCore
        ref={ref}
        echarts={echarts}
        option={{ animation: ANIMATE, ...option }}
        notMerge
        opts={{ renderer: 'svg' }}
        style={{ height, width: '100%' }}
      />
    </div>
  );
};
