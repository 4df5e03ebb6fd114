/** What the workbook adapter said about a write beyond the figures (src/workbook/port.ts WriteOutcome). */
import * as React from 'react';
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { RunSummary } from '../../app/api';
import type { MessageKey, Translate } from '../i18n';

type Finishing = NonNullable<RunSummary['write']>['finishingFailures'][number]['what'];

const FINISHING_KEYS: Record<Finishing, MessageKey> = {
  oldOutputs: 'finishOldOutputs',
  names: 'finishNames',
  show: 'finishShow',
  recalculate: 'finishRecalculate',
  freeze: 'finishFreeze',
  print: 'finishPrint',
  tabColor: 'finishTabColor',
};

export function WriteNotes({ write, tr }: { write: RunSummary['write']; tr: Translate }): React.ReactElement | null {
  if (!write) return null;
  const notes: { intent: 'info' | 'warning'; text: string; id: string }[] = [];
  if (write.recalculated) notes.push({ intent: 'info', text: tr('writeRecalculated'), id: 'recalculated' });
  if (write.otherMarkedSheets.length)
    notes.push({ intent: 'warning', text: tr('writeOtherMarked', { sheets: write.otherMarkedSheets.join(', ') }), id: 'marked' });
  if (write.finishingFailures.length) {
    const list = write.finishingFailures.map((f) => `${tr(FINISHING_KEYS[f.what])} (${f.sheet})`).join(', ');
    notes.push({ intent: 'warning', text: tr('writeFinishing', { list }), id: 'finishing' });
  }
  if (!notes.length) return null;
  return (
    <div className="tym-stack" data-testid="write-notes">
      {notes.map((n) => (
        <MessageBar key={n.id} intent={n.intent} layout="multiline" data-note={n.id}>
          <MessageBarBody>{n.text}</MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}
