/**
 * Names as the pane shows them: the parties in the UI language and the Keski-Uusimaa
 * municipalities' Swedish names (Hyvinge, Träskända, Borgnäs, Tusby; Mäntsälä and Nurmijärvi are
 * the same in both languages). The workbook keeps the Finnish names; a name the pane does not know
 * is shown as written.
 */
import type { Lang } from '../app/vocabulary';
import type { MessageKey, Translate } from './i18n';

const PARTY_LABELS: Record<string, MessageKey> = { TVA: 'partyTVA', HVA: 'partyHVA', KELA: 'partyKELA' };

const SWEDISH: Record<string, string> = {
  hyvinkää: 'Hyvinge',
  järvenpää: 'Träskända',
  mäntsälä: 'Mäntsälä',
  nurmijärvi: 'Nurmijärvi',
  pornainen: 'Borgnäs',
  tuusula: 'Tusby',
};

/** A municipality's name in the UI language (Swedish names in Swedish; else as written). */
export function municipalityName(name: string, lang: Lang): string {
  if (lang !== 'sv') return name;
  return SWEDISH[name.trim().toLocaleLowerCase('fi-FI')] ?? name;
}

/** A receiver (TVA, HVA, KELA or a municipality) as the pane shows it. */
export function receiverLabel(receiver: string, lang: Lang, tr: Translate): string {
  const party = PARTY_LABELS[receiver];
  return party ? tr(party) : municipalityName(receiver, lang);
}
