import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useRef } from 'react';
import { echarts, type ChartOption } from './echarts-setup';
import { saveFile } from '../screens/common/save-file';
import { pngOfDataUrl } from './chart-png';
import './charts.css';

interface Props {
  option: ChartOption;
  /** What the chart shows, for screen readers and the tests ("Biểu đồ XNK năm 2023"). */
  label: string;
  /** The name of the downloaded image, without .png. */
  fileName: string;
  height: number;
  /** Over the chart's top right corner, beside a title kept short, instead of a row of its own beneath. */
  actionsOver?: boolean;
}

/** A chart with its "Tải ảnh PNG" button; the image is drawn at twice the screen's size, on white, to print sharply. */
export function ChartFrame({ option, label, fileName, height, actionsOver = false }: Props) {
  const { message } = App.useApp();
  const chart = useRef<ReactEChartsCore>(null);
  const savePng = () => {
    const instance = chart.current?.getEchartsInstance();
    if (!instance) {
      void message.error('Biểu đồ chưa vẽ xong; hãy thử lại.');
      return;
    }
    saveFile(
      `${fileName}.png`,
      pngOfDataUrl(instance.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' })),
    );
  };
  return (
    <figure className={actionsOver ? 'chart-frame has-actions-over' : 'chart-frame'} aria-label={label}>
      <ReactEChartsCore
        ref={chart}
        echarts={echarts}
        option={option}
        notMerge
        style={{ height, width: '100%' }}
        opts={{ renderer: 'canvas' }}
      />
      <figcaption className="chart-actions">
        <Button size="small" icon={<DownloadOutlined />} onClick={savePng}>
          Tải ảnh PNG
        </Button>
      </figcaption>
    </figure>
  );
}
