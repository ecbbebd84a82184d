import { usePeriodChoice } from '../screens/common/use-period-choice';
import { useUnitChoice } from '../screens/common/use-unit-choice';
import { PrintButton } from './PrintButton';

/** In the header of Nhập liệu: the entry sheet of the unit and period shown, on A4. */
export function EntryPrintButton() {
  const { periodKey } = usePeriodChoice();
  const { unit } = useUnitChoice();
  return (
    <PrintButton input={{ document: 'entry', period: periodKey, unitId: unit?.id }} disabled={unit === undefined} />
  );
}
