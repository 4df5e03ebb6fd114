/** A few inline icons (no icon package in the bundle). Decorative: the text beside them says it. */
import * as React from 'react';

const common = { width: 16, height: 16, viewBox: '0 0 16 16', 'aria-hidden': true, focusable: false } as const;

export function ErrorIcon(): React.ReactElement {
  return (
    <svg {...common} data-icon="error">
      <circle cx="8" cy="8" r="7" fill="#c50f1f" />
      <path d="M5.5 5.5l5 5m0-5l-5 5" stroke="#fff" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}

export function WarningIcon(): React.ReactElement {
  return (
    <svg {...common} data-icon="warning">
      <path d="M8 1.5l7 12.5H1z" fill="#f7c600" stroke="#8a6d00" strokeWidth="0.8" strokeLinejoin="round" />
      <path d="M8 6v4" stroke="#000" strokeWidth="1.6" strokeLinecap="round" />
      <circle cx="8" cy="12" r="0.9" fill="#000" />
    </svg>
  );
}

export function CheckIcon(): React.ReactElement {
  return (
    <svg {...common} data-icon="ok">
      <circle cx="8" cy="8" r="7" fill="#107c10" />
      <path d="M4.8 8.3l2.2 2.2 4.2-4.6" stroke="#fff" strokeWidth="1.6" fill="none" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function MissingIcon(): React.ReactElement {
  return (
    <svg {...common} data-icon="missing">
      <circle cx="8" cy="8" r="6.2" fill="none" stroke="#c50f1f" strokeWidth="1.6" strokeDasharray="2.4 1.6" />
    </svg>
  );
}

export function CloseIcon(): React.ReactElement {
  return (
    <svg {...common} data-icon="close">
      <path d="M4 4l8 8m0-8l-8 8" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  );
}

export function CopyIcon(): React.ReactElement {
  return (
    <svg {...common} data-icon="copy">
      <rect x="5.5" y="5.5" width="8" height="9" rx="1.2" fill="none" stroke="currentColor" strokeWidth="1.2" />
      <path d="M3.5 10.5h-.3a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1h6a1 1 0 0 1 1 1v.3" fill="none" stroke="currentColor" strokeWidth="1.2" />
    </svg>
  );
}
