import { Tag, Typography } from 'antd';
import type { ImportFinding } from '../../../shared/api/import-entities';
import { severityWords } from './import-words';

/** What the reading found: errors first, each with its sheet and cell. */
export function ImportFindingsList({ findings }: { findings: readonly ImportFinding[] }) {
  if (findings.length === 0) return <Typography.Text type="secondary">Không có phát hiện nào.</Typography.Text>;
  const order = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...findings].sort((a, b) => order[a.severity] - order[b.severity]);
  return (
    <ul className="import-findings">
      {sorted.map((f, i) => (
        <li key={`${f.kind}|${f.sheet ?? ''}|${f.cell ?? ''}|${i}`} data-kind={f.kind}>
          <Tag color={severityWords[f.severity].color}>{severityWords[f.severity].text}</Tag>
          {f.cell ? <span className="import-cell">{f.sheet ? `${f.sheet}!${f.cell}` : f.cell}</span> : null}
          <span>{f.message}</span>
        </li>
      ))}
    </ul>
  );
}
