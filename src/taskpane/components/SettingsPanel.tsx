/**
 * Settings as read from Asetukset, each with a short explanation behind an info button, and, when
 * the host can write, a small form that changes one setting.
 */
import * as React from 'react';
import { Button, Dropdown, Field, InfoLabel, Input, Option, Text } from '@fluentui/react-components';
import { type Lang, SETTING_KEYS, type SettingKey, type Settings } from '../../app/vocabulary';
import type { SettingValue } from '../../app/host';
import { settingLabelKey, type Translate } from '../i18n';
import { choiceText, fieldOf, formTextOf, parseSettingInput, settingRows } from '../settings';

export interface SettingsPanelProps {
  settings: Settings | null;
  /** false while the first validation runs */
  loaded: boolean;
  /** Whether the workbook has an Asetukset table at all. */
  tableFound: boolean;
  lang: Lang;
  tr: Translate;
  busy: boolean;
  /** Present only when the host can write settings. */
  onUpdate?: (key: SettingKey, value: SettingValue) => void;
}

export function SettingsPanel({ settings, loaded, tableFound, lang, tr, busy, onUpdate }: SettingsPanelProps): React.ReactElement {
  return (
    <section aria-labelledby="settings-heading" className="tym-section" data-testid="settings">
      <h2 id="settings-heading" className="tym-h2">
        {tr('settingsHeading')}
      </h2>
      {tableFound || !loaded ? <Text size={200}>{tr('settingsHint')}</Text> : null}
      {!loaded ? null : settings ? (
        <dl className="tym-settings">
          {settingRows(settings, lang, tr).map((r) => (
            <div key={r.key} className="tym-setting" data-setting={r.key}>
              <dt>
                <InfoLabel info={r.info} size="small" infoButton={{ 'aria-label': tr('settingInfoButton', { setting: r.label }) }}>
                  {r.label}
                </InfoLabel>
              </dt>
              <dd>{r.value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <Text data-testid="settings-unavailable">{tr(tableFound ? 'settingsUnavailable' : 'settingsTableMissing')}</Text>
      )}
      {onUpdate && tableFound ? <SettingEditor settings={settings} lang={lang} tr={tr} busy={busy} onUpdate={onUpdate} /> : null}
    </section>
  );
}

type EditorProps = Omit<SettingsPanelProps, 'loaded' | 'tableFound'> & { onUpdate: NonNullable<SettingsPanelProps['onUpdate']> };

/** The form is folded away by default: most users only read the settings. */
function SettingEditor(props: EditorProps): React.ReactElement {
  const [open, setOpen] = React.useState(false);
  return (
    <div className="tym-stack">
      <Button
        appearance="subtle"
        size="small"
        aria-expanded={open}
        aria-controls="setting-form"
        onClick={() => setOpen(!open)}
        data-testid="setting-toggle"
      >
        <span aria-hidden="true">{open ? '\u25be ' : '\u25b8 '}</span>
        {props.tr('settingEditHeading')}
      </Button>
      {open ? <SettingForm {...props} /> : null}
    </div>
  );
}

function SettingForm({ settings, lang, tr, busy, onUpdate }: EditorProps): React.ReactElement {
  const [key, setKey] = React.useState<SettingKey>('year');
  const [text, setText] = React.useState<string>(() => formTextOf('year', settings, lang));
  const [error, setError] = React.useState<string | null>(null);
  const field = fieldOf(key);

  // Follow the workbook: when the settings are re-read (or another setting or language is chosen),
  // show the current value of the chosen one. Adjusted during render, as React advises for state
  // that follows props (react.dev/learn/you-might-not-need-an-effect), not in an effect.
  const [shownFor, setShownFor] = React.useState({ key, settings, lang });
  if (shownFor.key !== key || shownFor.settings !== settings || shownFor.lang !== lang) {
    setShownFor({ key, settings, lang });
    setText(formTextOf(key, settings, lang));
    setError(null);
  }

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = parseSettingInput(key, text);
    if (!parsed.ok) {
      setError(tr(parsed.error));
      return;
    }
    setError(null);
    onUpdate(key, parsed.value);
  };

  return (
    <form className="tym-form" id="setting-form" onSubmit={submit} aria-label={tr('settingEditHeading')}>
      <Field label={tr('settingEditSetting')}>
        <Dropdown
          className="tym-dropdown"
          value={tr(settingLabelKey(key))}
          selectedOptions={[key]}
          onOptionSelect={(_, d) => d.optionValue && setKey(d.optionValue as SettingKey)}
          data-testid="setting-key"
        >
          {SETTING_KEYS.map((k) => (
            <Option key={k} value={k} data-setting={k}>
              {tr(settingLabelKey(k))}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field
        label={tr('settingEditValue')}
        hint={field.type === 'number' ? tr('settingEditValueHint') : undefined}
        validationState={error ? 'error' : 'none'}
        validationMessage={error ?? undefined}
      >
        {field.type === 'choice' ? (
          <Dropdown
            className="tym-dropdown"
            value={choiceText(text, lang, tr)}
            selectedOptions={[text]}
            onOptionSelect={(_, d) => d.optionValue !== undefined && setText(d.optionValue)}
            data-testid="setting-value"
          >
            {(field.options.includes(text) ? field.options : [text, ...field.options]).map((o) => (
              <Option key={o} value={o} text={choiceText(o, lang, tr)} data-value={o}>
                {choiceText(o, lang, tr)}
              </Option>
            ))}
          </Dropdown>
        ) : (
          <Input
            value={text}
            onChange={(_, d) => setText(d.value)}
            inputMode={field.type === 'number' ? 'decimal' : 'text'}
            data-testid="setting-value"
          />
        )}
      </Field>
      <Button type="submit" appearance="secondary" disabled={busy} data-testid="setting-save">
        {tr('settingEditSave')}
      </Button>
    </form>
  );
}
