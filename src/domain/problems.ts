/**
 * Typed input problems. Every problem names where it is (sheet, table, row, column, cell) and
 * carries a code and parameters; `formatProblem` turns it into Finnish, Swedish or English text.
 */

export type Severity = 'error' | 'warning';

export interface Where {
  sheet?: string;
  table?: string;
  /** Sheet row number (1-based). */
  row?: number;
  /** Header text of the column as in the workbook. */
  column?: string;
  /** A1 address of the cell, e.g. "E7". */
  cell?: string;
}

export interface Problem {
  severity: Severity;
  code: string;
  params: Record<string, string | number>;
  where: Where;
}

/** Thrown by the domain when the input cannot be allocated. Carries every problem found. */
export class InputError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map((p) => formatProblem(p, 'en')).join('\n'));
    this.name = 'InputError';
    this.problems = problems;
  }
}

export type Lang = 'fi' | 'sv' | 'en';

type Catalog = Record<string, Record<Lang, string>>;

/** Message texts by code; {name} is replaced by params.name. Extended by the parser's codes. */
export const MESSAGES: Catalog = {
  'key-total-zero': {
    fi: 'Jakoavaimen {key} summa on nolla ryhmälle {group} (kustannusrivit {rows}): jakoa ei voi tehdä. Tarkista {hint}.',
    sv: 'Fördelningsnyckeln {key} summerar till noll för gruppen {group} (kostnadsrader {rows}): kan inte fördelas. Kontrollera {hint}.',
    en: 'The {key} key totals zero for group {group} (cost rows {rows}): it cannot be split. Check {hint}.',
  },
  'event-without-registrants': {
    fi: 'Tilaisuudella "{event}" ei ole yhtään voimassa olevaa ilmoittautumista vuodelta {year}, mutta sille on kustannusrivi (rivit {rows}). Lisää ilmoittautumiset tai poista tilaisuus kustannusriviltä.',
    sv: 'Evenemanget "{event}" har inga giltiga anmälningar för år {year}, men det har en kostnadsrad (rader {rows}). Lägg till anmälningar eller ta bort evenemanget från kostnadsraden.',
    en: 'Event "{event}" has no active registrations in {year} but has a cost line (rows {rows}). Add the registrations or remove the event from the cost line.',
  },
  'no-cost-lines': {
    fi: 'Vuodelle {year} ei ole yhtään kustannusriviä: jaettavaa ei ole. Lisää TA- tai TOT-rivit Kustannukset-taulukkoon tai tarkista Vuosi-asetus.',
    sv: 'Det finns inga kostnadsrader för år {year}: inget att fördela. Lägg till TA- eller TOT-rader i tabellen Kustannukset eller kontrollera inställningen Vuosi.',
    en: 'There are no cost lines for {year}: nothing to split. Add TA or TOT lines to the Kustannukset table or check the Vuosi setting.',
  },
  'duplicate-registration': {
    fi: 'Sama henkilö on ilmoittautunut tilaisuuteen "{event}" useammin kuin kerran: rivi lasketaan kerran (ensimmäinen rivi {firstRow}).',
    sv: 'Samma person har anmält sig till "{event}" flera gånger: räknas en gång (första raden {firstRow}).',
    en: 'The same person registered for "{event}" more than once: counted once (first row {firstRow}).',
  },
  // The parser's messages (src/domain/parse.ts). Personal names are never a parameter.
  'table-missing': {
    fi: 'Excel-taulukkoa {table} ei löydy. Lisää se välilehdelle {sheet} (valitse alue, Lisää > Taulukko ja anna nimeksi {table} kohdassa Taulukon rakenne > Taulukon nimi) tai tee uusi pohja komennolla tym-allocate template.',
    sv: 'Excel-tabellen {table} hittas inte. Lägg till den på bladet {sheet} (markera området, Infoga > Tabell och ge den namnet {table} under Tabelldesign > Tabellnamn) eller skapa en ny mall med kommandot tym-allocate template.',
    en: 'Excel table {table} was not found. Add it on sheet {sheet} (select the range, Insert > Table and name it {table} under Table Design > Table Name) or create a new template with the command tym-allocate template.',
  },
  'table-duplicate': {
    fi: 'Taulukko {table} on työkirjassa kahdesti: {first} (välilehti {firstSheet}) ja {second} (välilehti {secondSheet}). Poista toinen tai nimeä se uudelleen.',
    sv: 'Tabellen {table} finns två gånger i arbetsboken: {first} (bladet {firstSheet}) och {second} (bladet {secondSheet}). Ta bort den ena eller byt namn på den.',
    en: 'Table {table} appears twice in the workbook: {first} (sheet {firstSheet}) and {second} (sheet {secondSheet}). Delete one or rename it.',
  },
  'column-missing': {
    fi: 'Taulukosta puuttuu pakollinen sarake "{column}" (otsikkorivillä). Lisää sarake tällä otsikolla (myös {aliases} käy).',
    sv: 'Tabellen saknar den obligatoriska kolumnen "{column}" (på rubrikraden). Lägg till kolumnen med den rubriken ({aliases} går också).',
    en: 'The table lacks the required column "{column}" (in the header row). Add a column with this header ({aliases} also works).',
  },
  'column-duplicate': {
    fi: 'Sarake "{column}" on taulukossa kahdesti (myös "{first}" solussa {firstCell}). Poista tai nimeä toinen sarakkeista uudelleen.',
    sv: 'Kolumnen "{column}" finns två gånger i tabellen (också "{first}" i cell {firstCell}). Ta bort eller byt namn på den ena.',
    en: 'Column "{column}" appears twice in the table (also "{first}" in cell {firstCell}). Delete or rename one of them.',
  },
  'merged-cells': {
    fi: 'Taulukossa on yhdistettyjä soluja ({range}). Pura solujen yhdistäminen (Aloitus > Yhdistä ja keskitä > Pura solujen yhdistäminen).',
    sv: 'Tabellen har sammanfogade celler ({range}). Dela upp cellerna (Start > Centrera över kolumner > Dela upp celler).',
    en: 'The table has merged cells ({range}). Unmerge them (Home > Merge & Center > Unmerge Cells).',
  },
  'hidden-rows': {
    fi: 'Taulukossa on piilotettuja tai suodatettuja rivejä ({count} kpl: rivit {rows}). Ne lasketaan mukaan. Poista rivit, jos niitä ei pidä laskea.',
    sv: 'Tabellen har dolda eller filtrerade rader ({count} st: rader {rows}). De räknas med. Ta bort raderna om de inte ska räknas.',
    en: 'The table has hidden or filtered rows ({count}: rows {rows}). They are counted. Delete the rows if they should not count.',
  },
  required: {
    fi: 'Arvo puuttuu. Täytä solu.',
    sv: 'Värdet saknas. Fyll i cellen.',
    en: 'The value is missing. Fill in the cell.',
  },
  'error-value': {
    fi: 'Solussa on virhearvo {value}. Korjaa solun kaava tai kirjoita arvo.',
    sv: 'Cellen innehåller felvärdet {value}. Rätta cellens formel eller skriv in värdet.',
    en: 'The cell holds the error value {value}. Fix the formula in the cell or type the value.',
  },
  'text-expected': {
    fi: 'Solussa pitää olla tekstiä. Kirjoita nimi tekstinä.',
    sv: 'Cellen ska innehålla text. Skriv namnet som text.',
    en: 'The cell must hold text. Type the name as text.',
  },
  'number-is-text': {
    fi: 'Solussa on tekstiä ("{value}"), ei lukua. Kirjoita luku ja muotoile solu luvuksi (ei tekstiksi).',
    sv: 'Cellen innehåller text ("{value}"), inte ett tal. Skriv ett tal och formatera cellen som tal (inte text).',
    en: 'The cell holds text ("{value}"), not a number. Type a number and format the cell as a number (not text).',
  },
  'number-is-text-comma': {
    fi: 'Solussa on tekstiä ("{value}"), ei lukua: desimaalipilkullinen luku on tallentunut tekstinä. Muotoile solu luvuksi ja kirjoita luku uudelleen, jotta Excel tallentaa sen lukuna.',
    sv: 'Cellen innehåller text ("{value}"), inte ett tal: ett tal med decimalkomma har sparats som text. Formatera cellen som tal och skriv in talet igen så att Excel sparar det som tal.',
    en: 'The cell holds text ("{value}"), not a number: a number with a decimal comma was stored as text. Format the cell as a number and type the number again so Excel stores it as a number.',
  },
  'number-is-boolean': {
    fi: 'Solussa on totuusarvo ({value}), ei lukua. Kirjoita luku.',
    sv: 'Cellen innehåller ett sanningsvärde ({value}), inte ett tal. Skriv ett tal.',
    en: 'The cell holds a logical value ({value}), not a number. Type a number.',
  },
  'number-is-date': {
    fi: 'Solussa on päivämäärä ({value}), ei lukua. Kirjoita luku ja muotoile solu luvuksi.',
    sv: 'Cellen innehåller ett datum ({value}), inte ett tal. Skriv ett tal och formatera cellen som tal.',
    en: 'The cell holds a date ({value}), not a number. Type a number and format the cell as a number.',
  },
  'percent-format': {
    fi: 'Solu on muotoiltu prosentiksi (arvo {value} näkyy {shown} %). Kirjoita prosenttiluku ilman prosenttimuotoilua, esimerkiksi 60 tarkoittaa 60 %, ja muotoile solu luvuksi.',
    sv: 'Cellen är formaterad som procent (värdet {value} visas som {shown} %). Skriv procenttalet utan procentformat, till exempel 60 för 60 %, och formatera cellen som tal.',
    en: 'The cell is formatted as a percentage (the value {value} shows as {shown} %). Type the percentage points without percentage formatting, e.g. 60 for 60 %, and format the cell as a number.',
  },
  'negative-key': {
    fi: 'Jakoavaimen arvo on negatiivinen ({value}). Kirjoita arvo, joka on vähintään 0.',
    sv: 'Fördelningsnyckelns värde är negativt ({value}). Skriv ett värde som är minst 0.',
    en: 'The key value is negative ({value}). Type a value of 0 or more.',
  },
  'negative-value': {
    fi: 'Arvo on negatiivinen ({value}). Kirjoita arvo, joka on vähintään 0.',
    sv: 'Värdet är negativt ({value}). Skriv ett värde som är minst 0.',
    en: 'The value is negative ({value}). Type a value of 0 or more.',
  },
  'percent-range': {
    fi: 'Prosenttiosuuden pitää olla välillä 0–100, nyt {value}. Korjaa arvo.',
    sv: 'Procentandelen ska vara mellan 0 och 100, nu {value}. Rätta värdet.',
    en: 'The percentage must be between 0 and 100, found {value}. Correct the value.',
  },
  'not-integer': {
    fi: 'Arvon pitää olla kokonaisluku, nyt {value}. Korjaa arvo.',
    sv: 'Värdet ska vara ett heltal, nu {value}. Rätta värdet.',
    en: 'The value must be a whole number, found {value}. Correct the value.',
  },
  'too-many-decimals': {
    fi: 'Arvossa {value} on liikaa desimaaleja (enintään {max}). Pyöristä arvo, esimerkiksi kaavalla PYÖRISTÄ.',
    sv: 'Värdet {value} har för många decimaler (högst {max}). Avrunda värdet, till exempel med AVRUNDA.',
    en: 'The value {value} has too many decimals (at most {max}). Round the value, e.g. with ROUND.',
  },
  'date-is-text': {
    fi: 'Solussa on tekstiä ("{value}"), ei päivämäärää. Kirjoita päivämäärä muodossa 31.12.2025 niin, että Excel tunnistaa sen päivämääräksi.',
    sv: 'Cellen innehåller text ("{value}"), inte ett datum. Skriv datumet så att Excel känner igen det som datum, t.ex. 2025-12-31.',
    en: 'The cell holds text ("{value}"), not a date. Type the date so that Excel recognises it as a date, e.g. 31.12.2025 (Finnish) or 2025-12-31.',
  },
  'date-invalid': {
    fi: 'Solun arvo ({value}) ei ole kelvollinen päivämäärä. Kirjoita päivämäärä, esimerkiksi 31.12.2025.',
    sv: 'Cellens värde ({value}) är inget giltigt datum. Skriv ett datum, t.ex. 2025-12-31.',
    en: 'The cell value ({value}) is not a valid date. Type a date, e.g. 2025-12-31.',
  },
  'date-serial': {
    fi: 'Solussa on luku {value}, joka tulkitaan Excelin päivämääräksi {date}. Tarkista arvo ja muotoile solu päivämääräksi.',
    sv: 'Cellen innehåller talet {value}, som tolkas som Excel-datumet {date}. Kontrollera värdet och formatera cellen som datum.',
    en: 'The cell holds the number {value}, read as the Excel date {date}. Check the value and format the cell as a date.',
  },
  'end-before-start': {
    fi: 'Päättymispäivä on ennen alkamispäivää. Korjaa päivämäärät.',
    sv: 'Slutdatumet är före startdatumet. Rätta datumen.',
    en: 'The end date is before the start date. Correct the dates.',
  },
  'unknown-word': {
    fi: 'Tuntematon arvo "{value}". Kirjoita jokin näistä: {accepted}.',
    sv: 'Okänt värde "{value}". Skriv något av dessa: {accepted}.',
    en: 'Unknown value "{value}". Write one of: {accepted}.',
  },
  'setting-unnamed': {
    fi: 'Rivillä on arvo mutta ei asetuksen nimeä, joten riviä ei käytetä. Kirjoita asetuksen nimi tai tyhjennä rivi.',
    sv: 'Raden har ett värde men inget inställningsnamn och används inte. Skriv inställningens namn eller töm raden.',
    en: 'The row has a value but no setting name, so it is not used. Type the setting name or clear the row.',
  },
  'setting-unknown': {
    fi: 'Tuntematon asetus "{name}": riviä ei käytetä. Tunnetut asetukset: {known}.',
    sv: 'Okänd inställning "{name}": raden används inte. Kända inställningar: {known}.',
    en: 'Unknown setting "{name}": the row is not used. Known settings: {known}.',
  },
  'setting-duplicate': {
    fi: 'Asetus {setting} on annettu jo rivillä {firstRow}. Poista toinen rivi.',
    sv: 'Inställningen {setting} finns redan på rad {firstRow}. Ta bort den ena raden.',
    en: 'Setting {setting} is already given on row {firstRow}. Delete one of the rows.',
  },
  'setting-missing': {
    fi: 'Pakollinen asetus {setting} puuttuu. Lisää taulukkoon rivi, jonka Asetus on {setting}, ja kirjoita Arvo-sarakkeeseen talousarviovuosi, esimerkiksi 2026.',
    sv: 'Den obligatoriska inställningen {setting} saknas. Lägg till en rad med Asetus {setting} och skriv budgetåret i kolumnen Arvo, t.ex. 2026.',
    en: 'The required setting {setting} is missing. Add a row with Asetus {setting} and type the budget year in the Arvo column, e.g. 2026.',
  },
  'year-invalid': {
    fi: 'Vuoden pitää olla kokonaisluku väliltä 2000–2100, nyt {value}. Kirjoita talousarviovuosi, esimerkiksi 2026.',
    sv: 'Året ska vara ett heltal mellan 2000 och 2100, nu {value}. Skriv budgetåret, t.ex. 2026.',
    en: 'The year must be a whole number from 2000 to 2100, found {value}. Type the budget year, e.g. 2026.',
  },
  'basis-column-missing': {
    fi: 'Kuntajaon peruste on {basis}, mutta taulukosta puuttuu sarake "{column}". Lisää sarake ja täytä se tai vaihda Kuntajaon peruste Asetukset-taulukossa.',
    sv: 'Grunden för kommunfördelningen är {basis}, men tabellen saknar kolumnen "{column}". Lägg till och fyll i kolumnen eller ändra Kuntajaon peruste i tabellen Asetukset.',
    en: 'The municipal basis is {basis}, but the table has no column "{column}". Add and fill the column or change Kuntajaon peruste in the Asetukset table.',
  },
  'basis-value-missing': {
    fi: 'Kuntajaon peruste on {basis}, joten jokaiselle kunnalle tarvitaan arvo sarakkeeseen "{column}". Täytä solu.',
    sv: 'Grunden för kommunfördelningen är {basis}, så varje kommun behöver ett värde i kolumnen "{column}". Fyll i cellen.',
    en: 'The municipal basis is {basis}, so every municipality needs a value in column "{column}". Fill in the cell.',
  },
  'agreed-sum': {
    fi: 'Sarakkeen "{column}" osuuksien summa on {sum}, mutta sen pitää olla tasan 100. Korjaa kuntien osuudet.',
    sv: 'Andelarna i kolumnen "{column}" summerar till {sum}, men summan ska vara exakt 100. Rätta kommunernas andelar.',
    en: 'The shares in column "{column}" sum to {sum}, but they must sum to exactly 100. Correct the municipalities\' shares.',
  },
  'no-municipalities': {
    fi: 'Kunnat-taulukossa ei ole yhtään kuntaa. Lisää yhteistoiminta-alueen kunnat, yksi riviä kohden.',
    sv: 'Tabellen Kunnat innehåller inga kommuner. Lägg till samarbetsområdets kommuner, en per rad.',
    en: 'The Kunnat table has no municipalities. Add the municipalities of the employment area, one per row.',
  },
  'municipality-duplicate': {
    fi: 'Kunta {name} on taulukossa jo rivillä {firstRow}. Poista toinen rivi.',
    sv: 'Kommunen {name} finns redan på rad {firstRow}. Ta bort den ena raden.',
    en: 'Municipality {name} is already listed on row {firstRow}. Delete one of the rows.',
  },
  'municipality-unknown': {
    fi: 'Tuntematon kunta "{name}": se ei ole Kunnat-taulukossa. Kirjoita jokin näistä: {known}, tai lisää kunta Kunnat-taulukkoon.',
    sv: 'Okänd kommun "{name}": den finns inte i tabellen Kunnat. Skriv någon av dessa: {known}, eller lägg till kommunen i tabellen Kunnat.',
    en: 'Unknown municipality "{name}": it is not in the Kunnat table. Write one of: {known}, or add the municipality to the Kunnat table.',
  },
  'employer-unknown': {
    fi: 'Hallinnollinen työnantaja "{name}" ei ole Kunnat-taulukossa. Kirjoita asetukseen Hallinnollinen työnantaja jokin näistä: {known}.',
    sv: 'Den administrativa arbetsgivaren "{name}" finns inte i tabellen Kunnat. Skriv någon av dessa i inställningen Hallinnollinen työnantaja: {known}.',
    en: 'The administrative employer "{name}" is not in the Kunnat table. Set Hallinnollinen työnantaja to one of: {known}.',
  },
  'staff-municipality-required': {
    fi: 'Kuntajaon peruste on henkilöstö, joten jokaiselle TVA:n henkilölle tarvitaan kunta. Kirjoita kunta, jossa henkilö työskentelee.',
    sv: 'Grunden för kommunfördelningen är personal, så varje TVA-person behöver en kommun. Skriv kommunen där personen arbetar.',
    en: 'The municipal basis is staff, so every TVA staff row needs a municipality. Type the municipality where the person works.',
  },
  'event-wildcard': {
    fi: 'Tilaisuuden nimessä "{event}" on merkki *, ? tai ~, jonka Excel tulkitsee hakuehdoissa jokerimerkiksi. Poista merkki nimestä (kaikilta riveiltä).',
    sv: 'Evenemangsnamnet "{event}" innehåller *, ? eller ~, som Excel tolkar som jokertecken i villkor. Ta bort tecknet ur namnet (på alla rader).',
    en: 'The event name "{event}" contains *, ? or ~, which Excel reads as a wildcard in criteria. Remove the character from the name (on every row).',
  },
  'event-not-pool-b': {
    fi: 'Tilaisuus ("{event}") kuuluu vain poolin b riveille, mutta rivin pooli on {pool}. Tyhjennä Tilaisuus tai vaihda pooliksi b.',
    sv: 'Evenemang ("{event}") hör bara till rader i pool b, men radens pool är {pool}. Töm Tilaisuus eller ändra poolen till b.',
    en: 'An event ("{event}") belongs only on pool b lines, but this line\'s pool is {pool}. Clear Tilaisuus or change the pool to b.',
  },
  'event-unknown': {
    fi: 'Tuntematon tilaisuus "{event}": kukaan ei ole ilmoittautunut sen nimiseen tilaisuuteen. Kirjoita nimi kuten Ilmoittautumiset-taulukossa (esimerkiksi {known}) tai jätä Tilaisuus tyhjäksi, jolloin jako tehdään vuoden kaikkien ilmoittautumisten mukaan.',
    sv: 'Okänt evenemang "{event}": ingen har anmält sig till ett evenemang med det namnet. Skriv namnet som i tabellen Ilmoittautumiset (t.ex. {known}) eller lämna Tilaisuus tom, så fördelas kostnaden enligt årets alla anmälningar.',
    en: 'Unknown event "{event}": nobody registered for an event of that name. Write the name as in the Ilmoittautumiset table (e.g. {known}) or leave Tilaisuus blank to split by all registrations of the year.',
  },
  'payer-unknown': {
    fi: 'Tuntematon maksaja "{value}". Kirjoita kunta Kunnat-taulukosta tai osapuoli: {accepted}. Tyhjä = hallinnollinen työnantaja.',
    sv: 'Okänd betalare "{value}". Skriv en kommun från tabellen Kunnat eller en part: {accepted}. Tom = den administrativa arbetsgivaren.',
    en: 'Unknown payer "{value}". Write a municipality from the Kunnat table or a party: {accepted}. Blank = the administrative employer.',
  },
  // Issue 12: budget-time key of pool b (src/domain/budgetKey.ts), invoice settings and business IDs (src/domain/parse/billing.ts).
  'budget-key-previous-year': {
    fi: 'TA-ryhmä {group} (kustannusrivit {rows}) jaetaan vuoden {previousYear} ilmoittautumisten mukaan (TVA {tva}, HVA {hva}, Kela {kela}), koska vuodelle {year} ei ole sille ilmoittautumisia eikä osallistujasuunnitelmaa. Jos jaon pitää perustua arvioon, kirjoita suunnitellut osallistujat Osallistujasuunnitelma-taulukkoon.',
    sv: 'TA-gruppen {group} (kostnadsrader {rows}) fördelas enligt anmälningarna år {previousYear} (TVA {tva}, HVA {hva}, FPA {kela}), eftersom det för år {year} varken finns anmälningar eller en deltagarplan för den. Om fördelningen ska bygga på en uppskattning, skriv de planerade deltagarna i tabellen Osallistujasuunnitelma.',
    en: 'Budget group {group} (cost rows {rows}) is split by the registrations of {previousYear} (TVA {tva}, HVA {hva}, Kela {kela}), because {year} has neither registrations nor a participant plan for it. If the split should rest on an estimate, enter the planned participants in the Osallistujasuunnitelma table.',
  },
  'budget-event-without-key': {
    fi: 'TA-rivin tilaisuudelle "{event}" (rivit {rows}) ei ole osallistujasuunnitelmaa, vuoden {year} ilmoittautumisia eikä vuoden {previousYear} ilmoittautumisia, joten jakoavainta ei ole. Kirjoita tilaisuuden suunnitellut osallistujat Osallistujasuunnitelma-taulukkoon tai jätä Tilaisuus tyhjäksi, jolloin rivi jaetaan koko vuoden avaimella.',
    sv: 'För evenemanget "{event}" på TA-raden (rader {rows}) finns varken deltagarplan, anmälningar för år {year} eller anmälningar för år {previousYear}, så det finns ingen fördelningsnyckel. Skriv evenemangets planerade deltagare i tabellen Osallistujasuunnitelma eller lämna Tilaisuus tom, så fördelas raden med hela årets nyckel.',
    en: 'The event "{event}" of the budget line (rows {rows}) has no participant plan, no registrations in {year} and none in {previousYear}, so there is no key. Enter its planned participants in the Osallistujasuunnitelma table, or leave Tilaisuus blank to split the line by the whole year\'s key.',
  },
  'budget-year-without-key': {
    fi: 'TA-rivit ilman tilaisuutta (rivit {rows}) jaetaan koko vuoden osallistujien mukaan, mutta osallistujasuunnitelmassa, vuoden {year} ilmoittautumisissa ja vuoden {previousYear} ilmoittautumisissa ei ole ketään. Kirjoita suunnitellut osallistujat Osallistujasuunnitelma-taulukkoon (Tilaisuus tyhjä = koko vuosi).',
    sv: 'TA-raderna utan evenemang (rader {rows}) fördelas enligt hela årets deltagare, men det finns ingen i deltagarplanen, i anmälningarna år {year} eller i anmälningarna år {previousYear}. Skriv de planerade deltagarna i tabellen Osallistujasuunnitelma (Tilaisuus tom = hela året).',
    en: "The budget lines with no event (rows {rows}) are split by the whole year's participants, but the participant plan, the registrations of {year} and those of {previousYear} have nobody. Enter the planned participants in the Osallistujasuunnitelma table (Tilaisuus blank = the whole year).",
  },
  'business-id-invalid': {
    fi: 'Y-tunnus "{value}" ei ole kelvollinen: muoto on 1234567-8 ja viimeinen numero on tarkiste. Korjaa tunnus (tarkista se esimerkiksi YTJ:stä) tai jätä solu tyhjäksi.',
    sv: 'FO-numret "{value}" är inte giltigt: formen är 1234567-8 och den sista siffran är en kontrollsiffra. Rätta numret (kontrollera det t.ex. i FODS) eller lämna cellen tom.',
    en: 'The business ID "{value}" is not valid: the form is 1234567-8 and the last digit is a check digit. Correct it (check it in the Finnish Business Information System, YTJ) or leave the cell blank.',
  },
  'invoice-day-range': {
    fi: 'Laskutuspäivän pitää olla kuukauden päivä 1–31, nyt {value}. Kirjoita päivä, esimerkiksi 15 (lyhyemmässä kuussa käytetään kuun viimeistä päivää).',
    sv: 'Faktureringsdagen ska vara en dag i månaden 1–31, nu {value}. Skriv dagen, t.ex. 15 (i en kortare månad används månadens sista dag).',
    en: 'The invoice day must be a day of the month from 1 to 31, found {value}. Type the day, e.g. 15 (a shorter month takes its last day).',
  },
  'payment-term-range': {
    fi: 'Maksuehdon pitää olla päivien määrä 0–365, nyt {value}. Kirjoita päivät, esimerkiksi 14.',
    sv: 'Betalningsvillkoret ska vara ett antal dagar 0–365, nu {value}. Skriv antalet dagar, t.ex. 14.',
    en: 'The payment term must be a number of days from 0 to 365, found {value}. Type the days, e.g. 14.',
  },
};

export function formatProblem(p: Problem, lang: Lang = 'fi'): string {
  const template = MESSAGES[p.code]?.[lang] ?? `${p.code} ${JSON.stringify(p.params)}`;
  const text = template.replace(/\{(\w+)\}/g, (_, k: string) => (k in p.params ? String(p.params[k]) : `{${k}}`));
  return `${formatWhere(p.where, lang)}${text}`;
}

const WHERE_WORDS: Record<Lang, { sheet: string; row: string; column: string; cell: string }> = {
  fi: { sheet: 'Taulukko', row: 'rivi', column: 'sarake', cell: 'solu' },
  sv: { sheet: 'Blad', row: 'rad', column: 'kolumn', cell: 'cell' },
  en: { sheet: 'Sheet', row: 'row', column: 'column', cell: 'cell' },
};

export function formatWhere(w: Where, lang: Lang = 'fi'): string {
  const words = WHERE_WORDS[lang];
  const parts: string[] = [];
  if (w.sheet) parts.push(`${words.sheet} ${w.sheet}${w.table ? ` (${w.table})` : ''}`);
  else if (w.table) parts.push(w.table);
  if (w.cell) parts.push(`${words.cell} ${w.cell}`);
  else {
    if (w.row !== undefined) parts.push(`${words.row} ${w.row}`);
  }
  if (w.column) parts.push(`${words.column} "${w.column}"`);
  return parts.length ? `${parts.join(', ')}: ` : '';
}

export function error(code: string, where: Where, params: Record<string, string | number> = {}): Problem {
  return { severity: 'error', code, params, where };
}

export function warning(code: string, where: Where, params: Record<string, string | number> = {}): Problem {
  return { severity: 'warning', code, params, where };
}
