import { useTable } from '@tanstack/react-table';
import { App, Button, Checkbox, Input, Space, Tag } from 'antd';
import { useMemo, useState } from 'react';
import type { Indicator } from '../../../shared/api/entities';
import { orderAsTree } from '../../../shared/catalog/catalog-tree';
import { matchesFolded } from '../../../shared/text/fold-vietnamese';
import { useApiMutation, useApiQuery } from '../../api/api';
import { catalogColumns, catalogFeatures, type CatalogRow } from './catalog-columns';
import { IndicatorForm, type IndicatorFormValues } from './IndicatorForm';

const numericColumns = new Set(['decimals']);
// A child added or retired changes its parent's sum, so the figures' findings are read again with the catalog.

export function CatalogScreen() {
  const { message } = App.useApp();
  const catalog = useApiQuery('catalog.list', { includeRetired: true });
  const create = useApiMutation('catalog.create');
  const update = useApiMutation('catalog.update');
  const retire = useApiMutation('catalog.retire');
  const [showRetired, setShowRetired] = useState(false);
  const [query, setQuery] = useState('');
  const [formOpen, setFormOpen] = useState(false);
  const [editing, setEditing] = useState<Indicator | null>(null);

  const rows = useMemo<CatalogRow[]>(() => {
    const all = catalog.data ?? [];
    const parents = new Set(all.map((i) => i.parentCode).filter((c) => c !== null));
    return orderAsTree(showRetired ? all : all.filter((i) => i.active))
      .filter((i) => matchesFolded(`${i.nameVi} ${i.code} ${i.aliases.join(' ')}`, query))
      .map((i) => ({ ...i, hasChildren: parents.has(i.code) }));
  }, [catalog.data, showRetired, query]);

  const table = useTable({
    features: catalogFeatures,
    columns: catalogColumns,
    data: rows,
    getRowId: (row) => row.code,
  });

  const openForm = (indicator: Indicator | null) => {
    setEditing(indicator);
    setFormOpen(true);
  };

  const submit = (values: IndicatorFormValues) => {
    const fields = {
      parentCode: values.parentCode ?? null,
      stt: values.stt ?? '',
      nameVi: values.nameVi,
      unit: values.unit ?? '',
      kind: values.kind,
      decimals: values.decimals ?? 0,
      aliases: values.aliases ?? [],
    };
    const done = {
      onSuccess: () => {
        setFormOpen(false);
        void message.success(editing ? `Đã lưu chỉ tiêu ${editing.code}.` : `Đã thêm chỉ tiêu ${values.code}.`);
      },
      onError: (error: Error) => void message.error(error.message),
    };
    if (editing) update.mutate({ code: editing.code, patch: fields }, done);
    else create.mutate({ code: values.code, ...fields }, done);
  };

  const toggleRetired = (indicator: Indicator) =>
    retire.mutate(
      { code: indicator.code, retired: indicator.active },
      {
        onSuccess: (changed) =>
          void message.success(changed.active ? `Đã dùng lại ${changed.code}.` : `Đã ngừng dùng ${changed.code}.`),
        onError: (error) => void message.error(error.message),
      },
    );

  return (
    <section aria-label="Danh mục chỉ tiêu">
      <Space style={{ marginBottom: 12 }} wrap>
        <Button type="primary" onClick={() => openForm(null)}>
          Thêm chỉ tiêu
        </Button>
        <Input.Search
          allowClear
          placeholder="Tìm theo tên hoặc mã (gõ không dấu cũng được)"
          style={{ width: 340 }}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <Checkbox checked={showRetired} onChange={(e) => setShowRetired(e.target.checked)}>
          Hiện chỉ tiêu đã ngừng dùng
        </Checkbox>
        <span>{rows.length} chỉ tiêu</span>
      </Space>
      {catalog.error ? <p role="alert">{catalog.error.message}</p> : null}
      <table className="catalog-table" aria-label="Cây chỉ tiêu">
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id}>
                  <table.FlexRender header={header} />
                </th>
              ))}
              <th aria-label="Thao tác" />
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => {
            const indicator = row.original;
            const classes = [indicator.hasChildren ? 'is-parent' : '', indicator.active ? '' : 'is-retired'].join(' ');
            return (
              <tr key={row.id} className={classes} data-code={indicator.code}>
                {row.getAllCells().map((cell) => (
                  <td
                    key={cell.id}
                    className={
                      cell.column.id === 'nameVi' ? 'name' : numericColumns.has(cell.column.id) ? 'num' : undefined
                    }
                  >
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
                <td className="actions">
                  <Space size="small">
                    {indicator.active ? null : <Tag>Ngừng dùng</Tag>}
                    <Button size="small" onClick={() => openForm(indicator)}>
                      Sửa
                    </Button>
                    <Button size="small" onClick={() => toggleRetired(indicator)}>
                      {indicator.active ? 'Ngừng dùng' : 'Dùng lại'}
                    </Button>
                  </Space>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <IndicatorForm
        open={formOpen}
        editing={editing}
        catalog={catalog.data ?? []}
        saving={create.isPending || update.isPending}
        onCancel={() => setFormOpen(false)}
        onSubmit={submit}
      />
    </section>
  );
}
