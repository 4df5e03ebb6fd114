/** English problem texts: one per problem code; {name} is replaced by the problem's params.name. */
import type { Catalogue } from './codes';

export const EN: Catalogue = {
  where: { sheet: 'Sheet', row: 'row', column: 'column', cell: 'cell' },
  problems: {
    'key-total-zero': 'The {key} key totals zero for group {group} (cost rows {rows}): it cannot be split. Check {hint}.',
    'event-without-registrants':
      'Event "{event}" has no active registrations in {year} but has a cost line (rows {rows}). Add the registrations or remove the event from the cost line.',
    'no-cost-lines':
      'There are no cost lines for {year}: nothing to split. Add TA or TOT lines to the Kustannukset table or check the Vuosi setting.',
    'duplicate-registration': 'The same person registered for "{event}" more than once: counted once (first row {firstRow}).',
    'table-missing':
      'Excel table {table} was not found. Add it on sheet {sheet} (select the range, Insert > Table and name it {table} under Table Design > Table Name) or create a new template with the command tym-allocate template.',
    'table-duplicate':
      'Table {table} appears twice in the workbook: {first} (sheet {firstSheet}) and {second} (sheet {secondSheet}). Delete one or rename it.',
    'column-missing':
      'The table lacks the required column "{column}" (in the header row). Add a column with this header ({aliases} also works).',
    'column-duplicate': 'Column "{column}" appears twice in the table (also "{first}" in cell {firstCell}). Delete or rename one of them.',
    'merged-cells': 'The table has merged cells ({range}). Unmerge them (Home > Merge & Center > Unmerge Cells).',
    'hidden-rows':
      'The table has hidden or filtered rows ({count}: rows {rows}). They are counted. Delete the rows if they should not count.',
    required: 'The value is missing. Fill in the cell.',
    'error-value': 'The cell holds the error value {value}. Fix the formula in the cell or type the value.',
    'text-expected': 'The cell must hold text. Type the name as text.',
    'number-is-text': 'The cell holds text ("{value}"), not a number. Type a number and format the cell as a number (not text).',
    'number-is-text-comma':
      'The cell holds text ("{value}"), not a number: a number with a decimal comma was stored as text. Format the cell as a number and type the number again so Excel stores it as a number.',
    'number-is-boolean': 'The cell holds a logical value ({value}), not a number. Type a number.',
    'number-is-date': 'The cell holds a date ({value}), not a number. Type a number and format the cell as a number.',
    'percent-format':
      'The cell is formatted as a percentage (the value {value} shows as {shown} %). Type the percentage points without percentage formatting, e.g. 60 for 60 %, and format the cell as a number.',
    'negative-key': 'The key value is negative ({value}). Type a value of 0 or more.',
    'negative-value': 'The value is negative ({value}). Type a value of 0 or more.',
    'percent-range': 'The percentage must be between 0 and 100, found {value}. Correct the value.',
    'not-integer': 'The value must be a whole number, found {value}. Correct the value.',
    'too-many-decimals': 'The value {value} has too many decimals (at most {max}). Round the value, e.g. with ROUND.',
    'date-is-text':
      'The cell holds text ("{value}"), not a date. Type the date so that Excel recognises it as a date, e.g. 31.12.2025 (Finnish) or 2025-12-31.',
    'date-invalid': 'The cell value ({value}) is not a valid date. Type a date, e.g. 2025-12-31.',
    'date-serial': 'The cell holds the number {value}, read as the Excel date {date}. Check the value and format the cell as a date.',
    'end-before-start': 'The end date is before the start date. Correct the dates.',
    'unknown-word': 'Unknown value "{value}". Write one of: {accepted}.',
    'setting-unnamed': 'The row has a value but no setting name, so it is not used. Type the setting name or clear the row.',
    'setting-unknown':
      'Unknown setting "{name}". Correct the name or delete the row (notes can go in the Selite column). Known settings: {known}.',
    'setting-duplicate': 'Setting {setting} is already given on row {firstRow}. Delete one of the rows.',
    'setting-missing':
      'The required setting {setting} is missing. Add a row with Asetus {setting} and type the budget year in the Arvo column, e.g. 2026.',
    'year-invalid': 'The year must be a whole number from 2000 to 2100, found {value}. Type the budget year, e.g. 2026.',
    'basis-column-missing':
      'The municipal basis is {basis}, but the table has no column "{column}". Add and fill the column or change Kuntajaon peruste in the Asetukset table.',
    'basis-value-missing': 'The municipal basis is {basis}, so every municipality needs a value in column "{column}". Fill in the cell.',
    'agreed-sum': 'The shares in column "{column}" sum to {sum}, but they must sum to exactly 100. Correct the municipalities\' shares.',
    'no-municipalities': 'The Kunnat table has no municipalities. Add the municipalities of the employment area, one per row.',
    'municipality-duplicate': 'Municipality {name} is already listed on row {firstRow}. Delete one of the rows.',
    'municipality-unknown':
      'Unknown municipality "{name}": it is not in the Kunnat table. Write one of: {known}, or add the municipality to the Kunnat table.',
    'employer-unknown':
      'The administrative employer "{name}" is not in the Kunnat table. Set Hallinnollinen työnantaja to one of: {known}.',
    'staff-municipality-required':
      'The municipal basis is staff, so every TVA staff row needs a municipality. Type the municipality where the person works.',
    'event-wildcard':
      'The event name "{event}" contains *, ? or ~, which Excel reads as a wildcard in criteria. Remove the character from the name (on every row).',
    'event-not-pool-b':
      'An event ("{event}") belongs only on pool b lines, but this line\'s pool is {pool}. Clear Tilaisuus or change the pool to b.',
    'event-unknown':
      'Unknown event "{event}": nobody registered for an event of that name. Write the name as in the Ilmoittautumiset table (e.g. {known}) or leave Tilaisuus blank to split by all registrations of the year.',
    'payer-unknown':
      'Unknown payer "{value}". Write a municipality from the Kunnat table or a party: {accepted}. Blank = the administrative employer.',
    'municipality-reserved':
      'The municipality name "{name}" is the name of a party ({party}), so the municipality\'s and the party\'s shares would be mixed up. Write the municipality\'s name differently, e.g. "{name} kunta".',
    'municipality-name-chars':
      'The municipality name "{name}" contains *, ? or ~ or starts with =, < or >, which Excel reads as special characters in criteria. Remove the character from the name (also in the Henkilosto and Kustannukset tables).',
    'formula-not-calculated':
      'Cells of the table hold formulas whose values were never calculated or stored in the file ({count}: {cells}). The file was probably written by a program (such as Python, openpyxl or pandas) that does not calculate formulas. Open and save the file in Excel (or LibreOffice) so the values are stored, then run again.',
    'hidden-characters':
      'Text in this column holds characters that cannot be seen but that Excel counts ({chars}; cells {cells}). So the text does not match a word that looks the same in another cell or table. Type the text again or remove the characters (e.g. with Find and Replace).',
    'percent-fraction':
      'The value {value} means {value} per cent. If you meant {percent} %, type {percent} (percentage points, without percentage formatting).',
    'agreed-sum-fractions':
      'The shares in column "{column}" sum to {sum} and look like fractions (e.g. 0.25 instead of 25). Type the shares as percentage points so that they sum to 100.',
    'fte-above-headcount':
      'The FTE {fte} is more than the headcount {headcount}: one person works at most one FTE. Check HTV and Henkilömäärä.',
    'values-below-table':
      'Row {row} just below the table holds values ({cells}) that are not part of the table and are not counted. If they belong to the table, extend it (drag its bottom right corner, or Table Design > Resize Table); otherwise move them further away.',
    'setting-misspelt':
      'Unknown setting "{name}". Did you mean "{suggestion}"? Correct the setting name: a misspelt setting would not be used and its default would apply. Known settings: {known}.',
    'file-not-found': 'File {file} was not found. Check the file name and the folder.',
    'file-is-directory': '{file} is a folder, not a file. Give the path of an Excel workbook (.xlsx).',
    'file-unreadable': 'File {file} cannot be read ({reason}). Check the file permissions or close the program that keeps it locked.',
    'file-empty': 'File {file} is empty (0 bytes). Save the workbook again in Excel and give the saved file.',
    'file-not-zip':
      'File {file} is not an Excel workbook (.xlsx): it is not in an Excel file format at all (perhaps a text or CSV file named .xlsx). Open it in Excel and save it as an Excel Workbook (File > Save As > Excel Workbook).',
    'file-xls':
      'File {file} is in the old Excel 97-2003 format (.xls), which cannot be read. Open it in Excel, save it as an Excel Workbook (.xlsx) (File > Save As > Excel Workbook) and give the new file.',
    'file-encrypted':
      'File {file} is protected with a password, so it cannot be read. Open it in Excel, remove the encryption (File > Info > Protect Workbook > Encrypt with Password: clear the password) and save a copy to give to this program.',
    'file-ods':
      'File {file} is an OpenDocument spreadsheet (.ods), not an Excel workbook. Open it in LibreOffice or Excel and save it as an Excel Workbook (.xlsx).',
    'file-xlsb': 'File {file} is an Excel binary workbook (.xlsb), which cannot be read. Save it in Excel as an Excel Workbook (.xlsx).',
    'file-not-workbook':
      'File {file} is a compressed file but not an Excel workbook (perhaps a Word or PowerPoint file or a plain zip archive). Give an Excel workbook (.xlsx or .xlsm).',
    'file-damaged':
      'File {file} is damaged or incomplete and cannot be read ({reason}). Open it in Excel (Excel may offer to repair it), save it again and give the saved file.',
    'output-sheet-taken':
      'Sheet "{sheet}" exists and was not written by this allocation, so the results cannot replace it. Rename the sheet (e.g. "{sheet} own") and run again.',
    'output-table-taken':
      'The table name {table} is already taken (on sheet {sheet}), but the results table needs it. Rename that table (Table Design > Table Name) and run again.',
    'key-too-precise':
      'The value {value} has more than 4 decimals. Keys and percentages are computed with 4 decimals in the formulas; round the value to at most 4 decimals.',
    'amount-out-of-range':
      'The amount {amount} € ({what}) is larger than the range in which the formulas are exact ({limit} €). Split it into smaller parts or check that it is right.',
    'key-out-of-range':
      "The {key} key total ({what}) is too large for exact formulas ({value} ≥ {limit} whole units). Use fewer decimals in the keys or in Kela's share.",
    'budget-key-previous-year':
      'Budget group {group} (cost rows {rows}) is split by the registrations of {previousYear} (TVA {tva}, HVA {hva}, Kela {kela}), because {year} has neither registrations nor a participant plan for it. If the split should rest on an estimate, enter the planned participants in the Osallistujasuunnitelma table.',
    'budget-event-without-key':
      'The event "{event}" of the budget line (rows {rows}) has no participant plan, no registrations in {year} and none in {previousYear}, so there is no key. Enter its planned participants in the Osallistujasuunnitelma table, or leave Tilaisuus blank to split the line by the whole year\'s key.',
    'plan-table-added':
      "The workbook has no participant plan, but pool b has budget (TA) lines: the run adds an empty table {table} on sheet {sheet}, so that the result's formulas read a plan entered there later. It may stay empty. A plan changes the split: run the allocation again after entering it (until then, a plan of more than one row turns the result check TYM_TARKISTUS FALSE, also in a workbook opened without the add-in).",
    'plan-table-missing':
      'Sheet {sheet} has no Excel table {table}, so no participant plan is read: the budget (TA) lines of pool b are split by the registrations. If the sheet holds a plan, make it a table (select the range, Insert > Table and name it {table} under Table Design > Table Name); otherwise rename the sheet.',
    'budget-year-without-key':
      "The budget lines with no event (rows {rows}) are split by the whole year's participants, but the participant plan, the registrations of {year} and those of {previousYear} have nobody. Enter the planned participants in the Osallistujasuunnitelma table (Tilaisuus blank = the whole year).",
    'business-id-invalid':
      'The business ID "{value}" is not valid: the form is 1234567-8 and the last digit is a check digit. Correct it (check it in the Finnish Business Information System, YTJ) or leave the cell blank.',
    'invoice-day-range':
      'The invoice day must be a day of the month from 1 to 31, found {value}. Type the day, e.g. 15 (a shorter month takes its last day).',
    'payment-term-range': 'The payment term must be a number of days from 0 to 365, found {value}. Type the days, e.g. 14.',
  },
};
