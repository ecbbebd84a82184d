import { Tag, Typography } from 'antd';
import type { Indicator } from '../../../shared/api/entities';
import type { ReportedFinding } from '../../../shared/api/validation-entities';
import type { UserRule } from '../../../shared/validation/user-rule';
import { entryCellHref } from '../../app/links';
import { FindingNoteButton } from './FindingNoteButton';
import { findingFigures, findingStatus, noteLine, ruleTitle, userRuleIdOf } from './finding-text';

interface Props {
  finding: ReportedFinding;
  indicator: Indicator | undefined;
  rules: ReadonlyMap<string, UserRule>;
  unitId: number;
  periodKey: string;
}

function indicatorTitle(finding: ReportedFinding, indicator: Indicator | undefined): string {
  if (indicator === undefined)
    return finding.indicatorCode === '' ? 'Không gắn với chỉ tiêu nào' : finding.indicatorCode;
  return `${indicator.stt ? `${indicator.stt}. ` : ''}${indicator.nameVi}`;
}

/** One finding: its indicator (a link to the cell in Nhập liệu), the message, the figures, and its note. */
export function FindingItem({ finding, indicator, rules, unitId, periodKey }: Props) {
  const userRuleId = userRuleIdOf(finding.ruleId);
  const figures = findingFigures(
    finding,
    indicator?.decimals ?? 1,
    userRuleId === null ? undefined : rules.get(userRuleId),
  );
  const title = indicatorTitle(finding, indicator);
  const classes = ['finding-item', `is-${finding.severity}`, finding.open ? 'is-open' : 'is-closed'];
  return (
    <li className={classes.join(' ')} data-finding-key={finding.key} data-code={finding.indicatorCode}>
      <div className="finding-head">
        {indicator === undefined ? (
          <Typography.Text strong>{title}</Typography.Text>
        ) : (
          <a
            className="finding-indicator"
            href={entryCellHref(unitId, periodKey, indicator.code)}
            title="Mở ô số liệu này ở Nhập liệu"
          >
            {title} <span className="finding-code">({indicator.code})</span>
          </a>
        )}
        <Tag color={finding.open ? (finding.severity === 'error' ? 'red' : 'orange') : undefined}>
          {findingStatus(finding)}
        </Tag>
        <span className="finding-actions">
          <FindingNoteButton finding={finding} unitId={unitId} periodKey={periodKey} />
        </span>
      </div>
      <div className="finding-message">{finding.message}</div>
      <div className="finding-facts">
        {figures.map((f) => (
          <span key={f.label} className="finding-figure">
            {f.label}: <b>{f.text}</b>
          </span>
        ))}
        <span className="finding-rule">{ruleTitle(finding.ruleId, rules)}</span>
      </div>
      {finding.note === null ? null : (
        <div className={`finding-note is-${finding.note.kind}`}>{noteLine(finding.note)}</div>
      )}
    </li>
  );
}
