import { Alert, Button } from 'antd';
import { missingSetupText } from '../../../shared/report/office-setup';
import { useApiQuery } from '../../api/api';
import { openSetup } from './open-setup';

/** Above an output: what it would print blank ("UBND TỈNH …", no signer) while the office's names are missing. */
export function SetupNotice({ output }: { output: string }) {
  const settings = useApiQuery('settings.get', {});
  const missing = settings.data ? missingSetupText(settings.data) : null;
  if (missing === null) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 8 }}
      title={`${missing}: ${output} sẽ để trống những chỗ này (UBND TỈNH …, người ký).`}
      action={
        <Button size="small" onClick={openSetup}>
          Khai thông tin đơn vị
        </Button>
      }
    />
  );
}
