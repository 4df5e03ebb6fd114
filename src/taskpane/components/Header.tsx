/** The pane's header: brand icon, name, one line of what it does, and the help page. */
import * as React from 'react';
import { Link, Text } from '@fluentui/react-components';
import type { Translate } from '../i18n';

export function Header({ tr }: { tr: Translate }): React.ReactElement {
  return (
    <header className="tym-header">
      <div className="tym-brand">
        {/* Decorative: the name beside it says what it is. */}
        <img src="assets/icon-32.png" width={24} height={24} alt="" className="tym-brand-icon" />
        <h1 className="tym-h1">{tr('productName')}</h1>
      </div>
      <div className="tym-tagline">
        <Text size={200}>{tr('productTagline')}</Text>
        <Link href="help.html" target="_blank" rel="noopener noreferrer" className="tym-help" data-testid="help">
          {tr('helpLink')}
        </Link>
      </div>
    </header>
  );
}
