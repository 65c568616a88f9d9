import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './table-scroll-region.module.css';

interface TableScrollRegionProps {
  /** The table's own name; the region is "<label> table", apart from a section of that name. */
  label: string;
  minWidth: number;
  /** Added to the scroll container, e.g. to lift the minimum width on a phone. */
  className?: string | undefined;
  children: ReactNode;
}

/**
 * A table that scrolls sideways on a narrow screen. The scrolling part is a named region with a tab
 * stop, so a keyboard user can scroll it with the arrow keys even when its cells hold only text
 * (axe: scrollable-region-focusable).
 */
export function TableScrollRegion({
  label,
  minWidth,
  className,
  children,
}: TableScrollRegionProps) {
  return (
    <Table.ScrollContainer
      className={className === undefined ? classes.container : `${classes.container} ${className}`}
      minWidth={minWidth}
      scrollAreaProps={{
        viewportProps: { role: 'region', 'aria-label': `${label} table`, tabIndex: 0 },
        classNames: { viewport: classes.viewport },
      }}
    >
      {children}
    </Table.ScrollContainer>
  );
}
