/** Swedish problem texts: one per problem code; {name} is replaced by the problem's params.name. */
import type { Catalogue } from './codes';

export const SV: Catalogue = {
  where: { sheet: 'Blad', row: 'rad', column: 'kolumn', cell: 'cell' },
  problems: {
    'key-total-zero':
      'Fördelningsnyckeln {key} summerar till noll för gruppen {group} (kostnadsrader {rows}): kan inte fördelas. Kontrollera {hint}.',
    'event-without-registrants':
      'Evenemanget "{event}" har inga giltiga anmälningar för år {year}, men det har en kostnadsrad (rader {rows}). Lägg till anmälningar eller ta bort evenemanget från kostnadsraden.',
    'no-cost-lines':
      'Det finns inga kostnadsrader för år {year}: inget att fördela. Lägg till TA- eller TOT-rader i tabellen Kustannukset eller kontrollera inställningen Vuosi.',
    'duplicate-registration': 'Samma person har anmält sig till "{event}" flera gånger: räknas en gång (första raden {firstRow}).',
    'table-missing':
      'Excel-tabellen {table} hittas inte. Lägg till den på bladet {sheet} (markera området, Infoga > Tabell och ge den namnet {table} under Tabelldesign > Tabellnamn) eller skapa en ny mall med kommandot tym-allocate template.',
    'table-duplicate':
      'Tabellen {table} finns två gånger i arbetsboken: {first} (bladet {firstSheet}) och {second} (bladet {secondSheet}). Ta bort den ena eller byt namn på den.',
    'column-missing':
      'Tabellen saknar den obligatoriska kolumnen "{column}" (på rubrikraden). Lägg till kolumnen med den rubriken ({aliases} går också).',
    'column-duplicate':
      'Kolumnen "{column}" finns två gånger i tabellen (också "{first}" i cell {firstCell}). Ta bort eller byt namn på den ena.',
    'merged-cells': 'Tabellen har sammanfogade celler ({range}). Dela upp cellerna (Start > Centrera över kolumner > Dela upp celler).',
    'hidden-rows':
      'Tabellen har dolda eller filtrerade rader ({count} st: rader {rows}). De räknas med. Ta bort raderna om de inte ska räknas.',
    required: 'Värdet saknas. Fyll i cellen.',
    'error-value': 'Cellen innehåller felvärdet {value}. Rätta cellens formel eller skriv in värdet.',
    'text-expected': 'Cellen ska innehålla text. Skriv namnet som text.',
    'number-is-text': 'Cellen innehåller text ("{value}"), inte ett tal. Skriv ett tal och formatera cellen som tal (inte text).',
    'number-is-text-comma':
      'Cellen innehåller text ("{value}"), inte ett tal: ett tal med decimalkomma har sparats som text. Formatera cellen som tal och skriv in talet igen så att Excel sparar det som tal.',
    'number-is-boolean': 'Cellen innehåller ett sanningsvärde ({value}), inte ett tal. Skriv ett tal.',
    'number-is-date': 'Cellen innehåller ett datum ({value}), inte ett tal. Skriv ett tal och formatera cellen som tal.',
    'percent-format':
      'Cellen är formaterad som procent (värdet {value} visas som {shown} %). Skriv procenttalet utan procentformat, till exempel 60 för 60 %, och formatera cellen som tal.',
    'negative-key': 'Fördelningsnyckelns värde är negativt ({value}). Skriv ett värde som är minst 0.',
    'negative-value': 'Värdet är negativt ({value}). Skriv ett värde som är minst 0.',
    'percent-range': 'Procentandelen ska vara mellan 0 och 100, nu {value}. Rätta värdet.',
    'not-integer': 'Värdet ska vara ett heltal, nu {value}. Rätta värdet.',
    'too-many-decimals': 'Värdet {value} har för många decimaler (högst {max}). Avrunda värdet, till exempel med AVRUNDA.',
    'date-is-text':
      'Cellen innehåller text ("{value}"), inte ett datum. Skriv datumet så att Excel känner igen det som datum, t.ex. 2025-12-31.',
    'date-invalid': 'Cellens värde ({value}) är inget giltigt datum. Skriv ett datum, t.ex. 2025-12-31.',
    'date-serial':
      'Cellen innehåller talet {value}, som tolkas som Excel-datumet {date}. Kontrollera värdet och formatera cellen som datum.',
    'end-before-start': 'Slutdatumet är före startdatumet. Rätta datumen.',
    'unknown-word': 'Okänt värde "{value}". Skriv något av dessa: {accepted}.',
    'setting-unnamed': 'Raden har ett värde men inget inställningsnamn och används inte. Skriv inställningens namn eller töm raden.',
    'setting-unknown':
      'Okänd inställning "{name}". Rätta namnet eller ta bort raden (anteckningar kan skrivas i kolumnen Selite). Kända inställningar: {known}.',
    'setting-duplicate': 'Inställningen {setting} finns redan på rad {firstRow}. Ta bort den ena raden.',
    'setting-missing':
      'Den obligatoriska inställningen {setting} saknas. Lägg till en rad med Asetus {setting} och skriv budgetåret i kolumnen Arvo, t.ex. 2026.',
    'year-invalid': 'Året ska vara ett heltal mellan 2000 och 2100, nu {value}. Skriv budgetåret, t.ex. 2026.',
    'basis-column-missing':
      'Grunden för kommunfördelningen är {basis}, men tabellen saknar kolumnen "{column}". Lägg till och fyll i kolumnen eller ändra Kuntajaon peruste i tabellen Asetukset.',
    'basis-value-missing':
      'Grunden för kommunfördelningen är {basis}, så varje kommun behöver ett värde i kolumnen "{column}". Fyll i cellen.',
    'agreed-sum': 'Andelarna i kolumnen "{column}" summerar till {sum}, men summan ska vara exakt 100. Rätta kommunernas andelar.',
    'no-municipalities': 'Tabellen Kunnat innehåller inga kommuner. Lägg till samarbetsområdets kommuner, en per rad.',
    'municipality-duplicate': 'Kommunen {name} finns redan på rad {firstRow}. Ta bort den ena raden.',
    'municipality-unknown':
      'Okänd kommun "{name}": den finns inte i tabellen Kunnat. Skriv någon av dessa: {known}, eller lägg till kommunen i tabellen Kunnat.',
    'employer-unknown':
      'Den administrativa arbetsgivaren "{name}" finns inte i tabellen Kunnat. Skriv någon av dessa i inställningen Hallinnollinen työnantaja: {known}.',
    'staff-municipality-required':
      'Grunden för kommunfördelningen är personal, så varje TVA-person behöver en kommun. Skriv kommunen där personen arbetar.',
    'event-wildcard':
      'Evenemangsnamnet "{event}" innehåller *, ? eller ~, som Excel tolkar som jokertecken i villkor. Ta bort tecknet ur namnet (på alla rader).',
    'event-not-pool-b':
      'Evenemang ("{event}") hör bara till rader i pool b, men radens pool är {pool}. Töm Tilaisuus eller ändra poolen till b.',
    'event-unknown':
      'Okänt evenemang "{event}": ingen har anmält sig till ett evenemang med det namnet. Skriv namnet som i tabellen Ilmoittautumiset (t.ex. {known}) eller lämna Tilaisuus tom, så fördelas kostnaden enligt årets alla anmälningar.',
    'payer-unknown':
      'Okänd betalare "{value}". Skriv en kommun från tabellen Kunnat eller en part: {accepted}. Tom = den administrativa arbetsgivaren.',
    'municipality-reserved':
      'Kommunnamnet "{name}" är detsamma som en parts namn ({party}), så kommunens och partens andelar skulle blandas ihop. Skriv kommunens namn på annat sätt, t.ex. "{name} kommun".',
    'municipality-name-chars':
      'Kommunnamnet "{name}" innehåller *, ? eller ~ eller börjar med =, < eller >, som Excel tolkar som specialtecken i villkor. Ta bort tecknet ur namnet (även i tabellerna Henkilosto och Kustannukset).',
    'formula-not-calculated':
      'Tabellens celler innehåller formler vars värden inte har beräknats eller sparats i filen ({count} st: {cells}). Filen har troligen skrivits av ett program (till exempel Python, openpyxl eller pandas) som inte beräknar formler. Öppna och spara filen i Excel (eller LibreOffice) så att formlernas värden sparas och kör sedan igen.',
    'hidden-characters':
      'Kolumnens text innehåller tecken som inte syns men som Excel räknar med ({chars}; celler {cells}). Därför motsvarar texten inte ett likadant ord i en annan cell eller tabell. Skriv texten på nytt med tangentbordet eller ta bort tecknen (till exempel med Sök och ersätt).',
    'percent-fraction':
      'Värdet {value} betyder {value} procent. Om du menade {percent} %, skriv {percent} (procenttalet utan procentformat).',
    'agreed-sum-fractions':
      'Andelarna i kolumnen "{column}" summerar till {sum} och ser ut som bråktal (till exempel 0,25 i stället för 25). Skriv andelarna i procent så att de tillsammans blir 100.',
    'fte-above-headcount':
      'Årsverken {fte} är fler än antalet personer {headcount}: en person gör högst ett årsverke. Kontrollera HTV och Henkilömäärä.',
    'values-below-table':
      'Raden {row} under tabellen har värden ({cells}) som inte hör till tabellen och inte räknas med. Om de hör till tabellen, utöka tabellen (dra i tabellens nedre högra hörn eller Tabelldesign > Ändra storlek på tabell); flytta dem annars längre bort.',
    'setting-misspelt':
      'Okänd inställning "{name}". Menade du "{suggestion}"? Rätta inställningens namn: en felstavad inställning skulle inte användas, utan dess standardvärde skulle gälla. Kända inställningar: {known}.',
    'file-not-found': 'Filen {file} hittas inte. Kontrollera filnamnet och mappen.',
    'file-is-directory': '{file} är en mapp, inte en fil. Ange sökvägen till en Excel-arbetsbok (.xlsx).',
    'file-unreadable': 'Filen {file} kan inte läsas ({reason}). Kontrollera filens behörigheter eller stäng programmet som låser den.',
    'file-empty': 'Filen {file} är tom (0 byte). Spara arbetsboken i Excel på nytt och ange den sparade filen.',
    'file-not-zip':
      'Filen {file} är ingen Excel-arbetsbok (.xlsx): den är inte alls i Excel-format (kanske en text- eller CSV-fil med ändelsen .xlsx). Öppna den i Excel och spara som Excel-arbetsbok (Arkiv > Spara som > Excel-arbetsbok).',
    'file-xls':
      'Filen {file} är i det gamla formatet Excel 97–2003 (.xls), som inte kan läsas. Öppna den i Excel och spara som Excel-arbetsbok (.xlsx) (Arkiv > Spara som > Excel-arbetsbok) och ange sedan den nya filen.',
    'file-encrypted':
      'Filen {file} är lösenordsskyddad och kan därför inte läsas. Öppna den i Excel, ta bort krypteringen (Arkiv > Information > Skydda arbetsbok > Kryptera med lösenord: töm lösenordet) och spara en kopia som du ger till det här programmet.',
    'file-ods':
      'Filen {file} är ett OpenDocument-kalkylark (.ods), inte en Excel-arbetsbok. Öppna den i LibreOffice eller Excel och spara som Excel-arbetsbok (.xlsx).',
    'file-xlsb': 'Filen {file} är en binär Excel-arbetsbok (.xlsb), som inte kan läsas. Spara den i Excel som Excel-arbetsbok (.xlsx).',
    'file-not-workbook':
      'Filen {file} är en komprimerad fil men ingen Excel-arbetsbok (kanske en Word- eller PowerPoint-fil eller ett vanligt zip-arkiv). Ange en Excel-arbetsbok (.xlsx eller .xlsm).',
    'file-damaged':
      'Filen {file} är skadad eller ofullständig och kan inte läsas ({reason}). Öppna den i Excel (Excel kan erbjuda sig att reparera den), spara på nytt och ange den sparade filen.',
    'output-sheet-taken':
      'Bladet "{sheet}" finns redan och har inte skapats av den här beräkningen, så resultaten kan inte skrivas i dess ställe. Byt namn på bladet (till exempel "{sheet} egen") och kör igen.',
    'output-table-taken':
      'Tabellnamnet {table} används redan (på bladet {sheet}), men resultattabellen behöver det. Byt namn på tabellen (Tabelldesign > Tabellnamn) och kör igen.',
    'key-too-precise':
      'Värdet {value} har fler än 4 decimaler. Fördelningsnycklar och procentsatser räknas i formlerna med 4 decimaler; avrunda värdet till högst 4 decimaler.',
    'amount-out-of-range':
      'Beloppet {amount} € ({what}) är större än formlernas exakta område ({limit} €). Dela beloppet i mindre delar eller kontrollera att det är rätt.',
    'key-out-of-range':
      'Summan av fördelningsnyckeln {key} ({what}) är för stor för exakt beräkning i formlerna ({value} ≥ {limit} heltalsenheter). Använd färre decimaler i nycklarna eller i Folkpensionsanstaltens andel.',
    'budget-key-previous-year':
      'TA-gruppen {group} (kostnadsrader {rows}) fördelas enligt anmälningarna år {previousYear} (TVA {tva}, HVA {hva}, FPA {kela}), eftersom det för år {year} varken finns anmälningar eller en deltagarplan för den. Om fördelningen ska bygga på en uppskattning, skriv de planerade deltagarna i tabellen Osallistujasuunnitelma.',
    'budget-event-without-key':
      'För evenemanget "{event}" på TA-raden (rader {rows}) finns varken deltagarplan, anmälningar för år {year} eller anmälningar för år {previousYear}, så det finns ingen fördelningsnyckel. Skriv evenemangets planerade deltagare i tabellen Osallistujasuunnitelma eller lämna Tilaisuus tom, så fördelas raden med hela årets nyckel.',
    'plan-table-added':
      'Arbetsboken har ingen deltagarplan, men pool b har budgetrader (TA): beräkningen lägger till en tom tabell {table} på bladet {sheet}, så att resultatets formler läser en plan som skrivs där senare. Tabellen kan lämnas tom. En plan ändrar fördelningen: beräkna den sedan på nytt (till dess gör en plan på fler än en rad att resultatkontrollen TYM_TARKISTUS visar FALSKT, även i en arbetsbok som öppnas utan tillägget).',
    'plan-table-missing':
      'Bladet {sheet} har ingen Excel-tabell {table}, så ingen deltagarplan läses: budgetraderna (TA) i pool b fördelas enligt anmälningarna. Om bladet innehåller en plan, gör om den till en tabell (markera området, Infoga > Tabell och ge den namnet {table} under Tabelldesign > Tabellnamn); annars byt namn på bladet.',
    'budget-year-without-key':
      'TA-raderna utan evenemang (rader {rows}) fördelas enligt hela årets deltagare, men det finns ingen i deltagarplanen, i anmälningarna år {year} eller i anmälningarna år {previousYear}. Skriv de planerade deltagarna i tabellen Osallistujasuunnitelma (Tilaisuus tom = hela året).',
    'business-id-invalid':
      'FO-numret "{value}" är inte giltigt: formen är 1234567-8 och den sista siffran är en kontrollsiffra. Rätta numret (kontrollera det t.ex. i FODS) eller lämna cellen tom.',
    'invoice-day-range':
      'Faktureringsdagen ska vara en dag i månaden 1–31, nu {value}. Skriv dagen, t.ex. 15 (i en kortare månad används månadens sista dag).',
    'payment-term-range': 'Betalningsvillkoret ska vara ett antal dagar 0–365, nu {value}. Skriv antalet dagar, t.ex. 14.',
  },
};
