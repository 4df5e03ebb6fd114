/** Text for screen readers only (standard clip pattern). */
import * as React from 'react';

const style: React.CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

export function VisuallyHidden({ children }: { children: React.ReactNode }): React.ReactElement {
  return <span style={style}>{children}</span>;
}
