/** Server-side renders of the task pane's components for the tests (react-dom/server), in Fluent's light theme. */
import * as React from 'react';
import { renderToString } from 'react-dom/server';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';

/** The markup a user's browser and a screen reader get. */
export const html = (el: React.ReactElement) => renderToString(<FluentProvider theme={webLightTheme}>{el}</FluentProvider>);

/** Visible text: style sheets dropped, tags removed, entities decoded (no-break spaces kept). */
export const text = (h: string) =>
  h
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t\r\n]+/g, ' ');
