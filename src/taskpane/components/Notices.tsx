/**
 * The failure of an action (an alert, announced once by itself) and a short success note, each
 * with a close button.
 */
import * as React from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Translate } from '../i18n';
import { noticeText, type Notice } from '../state';
import { CloseIcon } from './icons';

export interface NoticesProps {
  failure: Notice | null;
  note: Notice | null;
  tr: Translate;
  onDismiss: (what: 'failure' | 'note') => void;
}

export function Notices({ failure, note, tr, onDismiss }: NoticesProps): React.ReactElement {
  const close = (what: 'failure' | 'note') => (
    <MessageBarActions
      containerAction={
        <Button
          appearance="transparent"
          icon={<CloseIcon />}
          aria-label={tr('dismiss')}
          onClick={() => onDismiss(what)}
          data-testid={`dismiss-${what}`}
        />
      }
    />
  );
  return (
    <>
      {/* The alert role sits on a container that is always there, so a new failure is announced once. */}
      <div role="alert" className="tym-alert">
        {failure ? (
          <MessageBar intent="error" data-testid="failure" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{tr('errorHeading')}</MessageBarTitle>
              {noticeText(failure, tr)}
            </MessageBarBody>
            {close('failure')}
          </MessageBar>
        ) : null}
      </div>
      {note ? (
        <MessageBar intent="success" data-testid="note" layout="multiline">
          <MessageBarBody>{noticeText(note, tr)}</MessageBarBody>
          {close('note')}
        </MessageBar>
      ) : null}
    </>
  );
}
