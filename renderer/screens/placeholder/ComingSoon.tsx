import { Result } from 'antd';

export function ComingSoon({ title, description }: { title: string; description: string }) {
  return <Result status="info" title={`${title}: đang được xây dựng`} subTitle={description} />;
}
