/**
 * The console's table: server-side pages (the parent loads a page; this shows it), optional
 * row selection, column choice, column sorting, and the keyboard: ↑/↓ move between rows, Space
 * selects, Enter opens, PageUp/PageDown change page; a sortable header is a button (Tab to it,
 * Enter or Space sorts, again reverses). Loading, empty and error states are part of it.
 *
 * Sorting: a table whose rows are the whole list (no `page`) sorts them here by the columns'
 * `sortValue`; a table paged on the server sorts only through `onSort` (the parent asks the
 * server for that order), never within one page, which would look sorted and be wrong.
 */
import { useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { sortRows, type SortValue } from '../lib/sortRows';

export interface Column<T> {
  key: string;
  title: string;
  render: (row: T) => ReactNode;
  width?: number;
  /** Hidden until chosen in 列设置. */
  optional?: boolean;
  /** Makes the column sortable: the value rows are ordered by (null last). */
  sortValue?: (row: T) => SortValue;
}

export interface Sort {
  key: string;
  dir: 'asc' | 'desc';
}

export interface Page {
  offset: number;
  limit: number;
  total: number;
}

interface Props<T> {
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  state: 'loading' | 'ready' | 'error';
  error?: string;
  empty: string;
  onRetry?: () => void;
  page?: Page;
  onPage?: (offset: number) => void;
  selected?: ReadonlySet<string>;
  onSelect?: (keys: Set<string>) => void;
  onOpen?: (row: T) => void;
  caption: string;
  /** The first order (client-side tables) or the server's current order (with onSort). */
  sort?: Sort | null;
  /** Server-side sorting: the parent reloads in this order. */
  onSort?: (sort: Sort) => void;
}

export function DataTable<T>(props: Props<T>) {
  const { columns, rowKey, selected, onSelect, page, onPage } = props;
  const [shown, setShown] = useState<Set<string>>(() => new Set(columns.filter((c) => !c.optional).map((c) => c.key)));
  const [chooser, setChooser] = useState(false);
  const body = useRef<HTMLTableSectionElement>(null);
  const visible = useMemo(() => columns.filter((c) => shown.has(c.key)), [columns, shown]);
  const [localSort, setLocalSort] = useState<Sort | null>(props.sort ?? null);
  const serverSorted = !!props.onSort;
  const canSort = (c: Column<T>) => !!c.sortValue && (serverSorted || !page);
  const sort = serverSorted ? (props.sort ?? null) : localSort;
  const rows = useMemo(() => {
    const col = !serverSorted && sort ? columns.find((c) => c.key === sort.key) : undefined;
    if (!col?.sortValue || !sort) return props.rows;
    return sortRows(props.rows, col.sortValue, sort.dir);
  }, [props.rows, columns, sort, serverSorted]);
  const sortBy = (c: Column<T>) => {
    const next: Sort = { key: c.key, dir: sort?.key === c.key && sort.dir === 'asc' ? 'desc' : 'asc' };
    if (serverSorted) props.onSort?.(next);
    else setLocalSort(next);
  };
  const allKeys = rows.map(rowKey);
  const allSelected = !!selected && rows.length > 0 && allKeys.every((k) => selected.has(k));

  const toggle = (key: string) => {
    if (!selected || !onSelect) return;
    const next = new Set(selected);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    onSelect(next);
  };
  const focusRow = (i: number) => {
    const tr = body.current?.querySelectorAll<HTMLTableRowElement>('tr[data-row]')[i];
    tr?.focus();
  };
  const onKey = (e: KeyboardEvent<HTMLTableRowElement>, i: number, row: T) => {
    if (e.key === 'ArrowDown') focusRow(Math.min(rows.length - 1, i + 1));
    else if (e.key === 'ArrowUp') focusRow(Math.max(0, i - 1));
    else if (e.key === ' ' && onSelect) toggle(rowKey(row));
    else if (e.key === 'Enter' && props.onOpen) props.onOpen(row);
    else if (e.key === 'PageDown' && page && onPage && page.offset + page.limit < page.total) onPage(page.offset + page.limit);
    else if (e.key === 'PageUp' && page && onPage && page.offset > 0) onPage(Math.max(0, page.offset - page.limit));
    else return;
    e.preventDefault();
  };

  return (
    <div className='dt'>
      <div className='dt__tools'>
        <button type='button' className='btn btn--plain dt__choose' onClick={() => setChooser(!chooser)} aria-expanded={chooser}>
          列设置
        </button>
        {chooser ? (
          <div className='dt__chooser' role='group' aria-label='显示的列'>
            {columns.map((c) => (
              <label key={c.key}>
                <input
                  type='checkbox'
                  checked={shown.has(c.key)}
                  onChange={() => {
                    const next = new Set(shown);
                    if (next.has(c.key)) next.delete(c.key);
                    else next.add(c.key);
                    setShown(next);
                  }}
                />
                {c.title}
              </label>
            ))}
          </div>
        ) : null}
      </div>
      <table className='dt__table' aria-label={props.caption}>
        <thead>
          <tr>
            {onSelect ? (
              <th className='dt__check'>
                <input
                  type='checkbox'
                  aria-label='全选本页'
                  checked={allSelected}
                  onChange={() =>
                    onSelect(
                      allSelected
                        ? new Set([...(selected ?? [])].filter((k) => !allKeys.includes(k)))
                        : new Set([...(selected ?? []), ...allKeys]),
                    )
                  }
                />
              </th>
            ) : null}
            {visible.map((c) => {
              const on = sort?.key === c.key;
              return (
                <th
                  key={c.key}
                  style={c.width ? { width: c.width } : undefined}
                  aria-sort={on ? (sort?.dir === 'asc' ? 'ascending' : 'descending') : canSort(c) ? 'none' : undefined}
                >
                  {canSort(c) ? (
                    <button
                      type='button'
                      className={on ? 'dt__sort dt__sort--on' : 'dt__sort'}
                      onClick={() => sortBy(c)}
                      title={`按「${c.title}」排序`}
                    >
                      {c.title}
                      <span aria-hidden='true'>{on ? (sort?.dir === 'asc' ? ' ▲' : ' ▼') : ' ⇅'}</span>
                    </button>
                  ) : (
                    c.title
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody ref={body}>
          {props.state === 'loading' ? (
            <tr>
              <td className='dt__state' colSpan={visible.length + 1}>
                正在加载…
              </td>
            </tr>
          ) : props.state === 'error' ? (
            <tr>
              <td className='dt__state dt__state--error' colSpan={visible.length + 1}>
                {props.error ?? '加载失败'}
                {props.onRetry ? (
                  <button type='button' className='btn btn--plain' onClick={props.onRetry}>
                    重试
                  </button>
                ) : null}
              </td>
            </tr>
          ) : rows.length === 0 ? (
            <tr>
              <td className='dt__state' colSpan={visible.length + 1}>
                {props.empty}
              </td>
            </tr>
          ) : (
            rows.map((row, i) => {
              const key = rowKey(row);
              return (
                <tr
                  key={key}
                  data-row={key}
                  tabIndex={0}
                  className={selected?.has(key) ? 'dt__row dt__row--on' : 'dt__row'}
                  onKeyDown={(e) => onKey(e, i, row)}
                  onDoubleClick={() => props.onOpen?.(row)}
                >
                  {onSelect ? (
                    <td className='dt__check'>
                      <input type='checkbox' aria-label='选择' checked={selected?.has(key) ?? false} onChange={() => toggle(key)} />
                    </td>
                  ) : null}
                  {visible.map((c) => (
                    <td key={c.key}>{c.render(row)}</td>
                  ))}
                </tr>
              );
            })
          )}
        </tbody>
      </table>
      {page && onPage ? <Pager page={page} onPage={onPage} /> : null}
    </div>
  );
}

function Pager({ page, onPage }: { page: Page; onPage: (offset: number) => void }) {
  const pages = Math.max(1, Math.ceil(page.total / page.limit));
  const current = Math.floor(page.offset / page.limit) + 1;
  return (
    <div className='dt__pager'>
      <span>
        共 {page.total} 条 · 第 {current}/{pages} 页
      </span>
      <button
        type='button'
        className='btn btn--plain'
        disabled={page.offset === 0}
        onClick={() => onPage(Math.max(0, page.offset - page.limit))}
      >
        上一页
      </button>
      <button
        type='button'
        className='btn btn--plain'
        disabled={page.offset + page.limit >= page.total}
        onClick={() => onPage(page.offset + page.limit)}
      >
        下一页
      </button>
    </div>
  );
}
