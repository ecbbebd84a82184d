import { Button, Popover, Space } from 'antd';
import { useState, type ReactNode } from 'react';
import type { Period } from '../../../shared/periods/period';
import { PeriodPicker } from '../entry/PeriodPicker';

interface Props {
  title: string;
  /** Where the picker starts each time it opens. */
  start: Period;
  applyLabel: string;
  onApply(period: Period): void;
  /** Further actions under the picker (back to the file's own period…), each closing the popover. */
  extra?: (close: () => void) => ReactNode;
  children: ReactNode;
}

/**
 * A period picked in a popover and applied only on confirmation: the picker's month, kind and year are chosen
 * one after the other, and every step applied at once would preview the files for periods nobody meant.
 */
export function PeriodChoicePopover({ title, start, applyLabel, onApply, extra, children }: Props) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Period>(start);
  const close = () => setOpen(false);
  return (
    <Popover
      open={open}
      onOpenChange={(next) => {
        if (next) setDraft(start);
        setOpen(next);
      }}
      trigger="click"
      title={title}
      content={
        <Space orientation="vertical">
          <PeriodPicker value={draft} onChange={setDraft} />
          <Space>
            <Button
              type="primary"
              size="small"
              onClick={() => {
                onApply(draft);
                close();
              }}
            >
              {applyLabel}
            </Button>
            {extra?.(close)}
          </Space>
        </Space>
      }
    >
      {children}
    </Popover>
  );
}
