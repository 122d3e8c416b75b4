/**
 * <QrCode text="..." size={200} />: a QR code drawn with Views (one per module row, see
 * ./qrMatrix), the same on weapp and H5. `size` is the target width in screen px; the module
 * size is rounded down to whole pixels (crisp edges), with the 4-module quiet zone scanners need.
 * Memoized: a parent re-rendering every second (a countdown) does not redraw the code.
 */
import { memo, useMemo } from 'react';
import { View } from '@tarojs/components';
import { qrMatrix, rowBackground, type QrLevel } from './qrMatrix';

export interface QrCodeProps {
  text: string;
  size?: number;
  level?: QrLevel;
  className?: string;
}

const QUIET_ZONE = 4;

function QrCode({ text, size = 200, level = 'M', className }: QrCodeProps) {
  const matrix = useMemo(() => qrMatrix(text, level), [text, level]);
  const cell = Math.max(1, Math.floor(size / (matrix.count + 2 * QUIET_ZONE)));
  const side = matrix.count * cell;
  const pad = QUIET_ZONE * cell;
  return (
    <View
      className={`qr-code ${className ?? ''}`}
      data-modules={matrix.count}
      data-text={text}
      aria-label='二维码'
      style={{ display: 'inline-block', background: '#ffffff', padding: `${pad}px`, lineHeight: 0 }}
    >
      {matrix.rows.map((row, r) => (
        <View
          key={r}
          className='qr-code__row'
          style={{ display: 'block', width: `${side}px`, height: `${cell}px`, background: rowBackground(row, cell) }}
        />
      ))}
    </View>
  );
}

export default memo(QrCode);
