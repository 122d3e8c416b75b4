/** The 工作台 tables' client-side order: direction, empty values last, stability, Chinese collation. */
import { sortRows } from '../../../console/src/lib/sortRows';

const rows = [
  { id: 'a', n: 3, name: '张三' },
  { id: 'b', n: null, name: '李四' },
  { id: 'c', n: 1, name: '王五' },
  { id: 'd', n: 3, name: '阿六' },
  { id: 'e', n: 10, name: '北仑' },
];
const ids = (list: typeof rows) => list.map((r) => r.id).join('');

it('orders numbers as numbers both ways, empty values last either way, ties in the given order', () => {
  expect(ids(sortRows(rows, (r) => r.n, 'asc'))).toBe('cadeb');
  expect(ids(sortRows(rows, (r) => r.n, 'desc'))).toBe('eadcb');
});

it('orders Chinese text by pinyin, not by code point', () => {
  // 阿(a) 北(b) 李(l) 王(w) 张(z); by code point 北 (U+5317) would come before 阿 (U+963F).
  expect(sortRows(rows, (r) => r.name, 'asc').map((r) => r.name)).toEqual(['阿六', '北仑', '李四', '王五', '张三']);
});

it('does not change the rows it was given', () => {
  const before = ids(rows);
  sortRows(rows, (r) => r.n, 'desc');
  expect(ids(rows)).toBe(before);
});
