import { Alert, App, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import type { UserRulesFile } from '../../../shared/validation/user-rule';
import { useApiMutation } from '../../api/api';

interface Props {
  fileName: string;
  file: UserRulesFile;
  onClose(): void;
}

/** Imports a rules file, adding to the rules there or replacing them; a refused file changes nothing. */
export function ImportRulesDialog({ fileName, file, onClose }: Props) {
  const { message } = App.useApp();
  const [replace, setReplace] = useState(false);
  const importRules = useApiMutation('validation.rules.import');
  const submit = () =>
    importRules.mutate(
      { file, replace },
      {
        onSuccess: ({ imported }) => {
          void message.success(`Đã nhập ${imported} quy tắc từ tệp "${fileName}".`);
          onClose();
        },
      },
    );
  return (
    <Modal
      open
      title="Nhập quy tắc kiểm tra từ tệp"
      okText="Nhập"
      cancelText="Hủy"
      okButtonProps={{ disabled: file.rules.length === 0 }}
      confirmLoading={importRules.isPending}
      onCancel={onClose}
      onOk={submit}
      destroyOnHidden
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text>
          Tệp "{fileName}" có {file.rules.length} quy tắc.
        </Typography.Text>
        <Radio.Group
          value={replace}
          onChange={(e) => setReplace(e.target.value === true)}
          options={[
            { value: false, label: 'Thêm vào các quy tắc đang có (quy tắc trùng mã được thay bằng quy tắc trong tệp)' },
            { value: true, label: 'Thay toàn bộ các quy tắc đang có bằng các quy tắc trong tệp' },
          ]}
          style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
        />
        {importRules.error === null ? null : (
          <Alert type="error" showIcon title="Chưa nhập quy tắc nào" description={importRules.error.message} />
        )}
      </Space>
    </Modal>
  );
}
