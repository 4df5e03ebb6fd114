/** Plain-text output of the command line: summary tables and problem lists. */
import { formatAmount } from '../domain/amountText';
import { formatProblem, type Lang, type Problem } from '../domain/problems';
import type { InvoicingSummary, KindSummary, VerifyFinding } from '../app/api';

/** 1234567.5 as "1 234 567,50" (grouped with a no-break space; "1,234,567.50" in English), negatives with a hyphen-minus. */
export function finnishEuros(amount: string, lang: Lang = 'fi'): string {
  return formatAmount(amount, lang, { asciiMinus: true });
}

const HEAD: Record<Lang, { receiver: string; total: string; parties: string; municipalities: string }> = {
  fi: { receiver: 'Vastaanottaja', total: 'Kustannukset yhteensä', parties: 'Osapuolet', municipalities: 'TVA:n osuus kunnittain' },
  sv: { receiver: 'Mottagare', total: 'Kostnader totalt', parties: 'Parter', municipalities: 'TVA:s andel per kommun' },
  en: { receiver: 'Receiver', total: 'Total costs', parties: 'Parties', municipalities: "TVA's share by municipality" },
};

export function summaryTable(year: number, kinds: KindSummary[], lang: Lang): string {
  const h = HEAD[lang];
  const names = kinds[0]?.receivers.map((r) => r.receiver) ?? [];
  const width = Math.max(h.receiver.length, h.total.length, ...names.map((n) => n.length)) + 2;
  const colW = 16;
  const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - s.length));
  const lpad = (s: string, w: number) => ' '.repeat(Math.max(0, w - s.length)) + s;
  const lines = [`${year}`, pad(h.receiver, width) + kinds.map((k) => lpad(k.kind, colW)).join('')];
  const section = (title: string, level: 'party' | 'municipality') => {
    lines.push(`-- ${title}`);
    names.forEach((name, i) => {
      if (kinds[0].receivers[i].level !== level) return;
      lines.push(pad(name, width) + kinds.map((k) => lpad(finnishEuros(k.receivers[i].amount, lang), colW)).join(''));
    });
  };
  section(h.parties, 'party');
  section(h.municipalities, 'municipality');
  lines.push(pad(h.total, width) + kinds.map((k) => lpad(finnishEuros(k.total, lang), colW)).join(''));
  return lines.join('\n');
}

const SEVERITY: Record<Lang, { error: string; warning: string }> = {
  fi: { error: 'VIRHE', warning: 'HUOM' },
  sv: { error: 'FEL', warning: 'OBS' },
  en: { error: 'ERROR', warning: 'WARNING' },
};

export function problemList(problems: Problem[], lang: Lang): string {
  return problems.map((p) => `${SEVERITY[lang][p.severity]}: ${formatProblem(p, lang)}`).join('\n');
}

export function findingList(findings: VerifyFinding[]): string {
  return findings.map((f) => `${f.sheet}!${f.address}: ${f.kind}: odotettu ${f.expected}, löytyi ${f.actual}`).join('\n');
}

const INV_HEAD: Record<Lang, { title: string; net: string; installment: string; settlement: string; employer: string }> = {
  fi: { title: 'Laskutus', net: 'Netto TA', installment: 'Erä', settlement: 'Tasaus', employer: '(työnantaja, ei laskuteta)' },
  sv: { title: 'Fakturering', net: 'Netto TA', installment: 'Rat', settlement: 'Utjämning', employer: '(arbetsgivare, faktureras inte)' },
  en: { title: 'Invoicing', net: 'Net TA', installment: 'Inst.', settlement: 'Settlement', employer: '(employer, not invoiced)' },
};

/** The invoicing of the year: net per receiver, its installments and (with actuals) the settlement. */
export function invoicingTable(inv: InvoicingSummary, lang: Lang): string {
  const h = INV_HEAD[lang];
  const width = Math.max(...inv.receivers.map((r) => r.receiver.length)) + 2;
  const colW = 14;
  const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - s.length));
  const lpad = (s: string, w: number) => ' '.repeat(Math.max(0, w - s.length)) + s;
  const hasActual = inv.receivers.some((r) => r.actual);
  const head = [pad('', width), lpad(h.net, colW), ...inv.dueMonths.map((m, i) => lpad(`${h.installment} ${i + 1} (${m})`, colW))];
  if (hasActual) head.push(lpad(h.settlement, colW));
  const lines = [`-- ${h.title}`, head.join('')];
  for (const r of inv.receivers) {
    const cells = [pad(r.receiver, width), lpad(finnishEuros(r.taNet, lang), colW)];
    if (r.isEmployer) cells.push(...inv.dueMonths.map(() => lpad('—', colW)));
    else cells.push(...r.advances.map((a) => lpad(finnishEuros(a, lang), colW)));
    if (r.actual) cells.push(lpad(finnishEuros(r.actual.settlement, lang), colW));
    if (r.isEmployer) cells.push(`  ${h.employer}`);
    lines.push(cells.join(''));
  }
  return lines.join('\n');
}
