/**
 * The command line's own texts (paths and files to write), in Finnish, Swedish and English; the
 * problems of the input workbook come from the domain's catalogues. {name} is replaced by params.
 */
import type { Lang } from '../domain/problems';

const FI = {
  outSameAsFile:
    'Tulostiedosto {out} on sama tiedosto kuin syöttötiedosto {file}, jota ei koskaan korvata. Anna {option}-valinnalle toinen nimi.',
  outFolderMissing:
    'Kansiota {dir} ei ole olemassa, joten tulostiedostoa {out} ei voi kirjoittaa. Luo kansio tai anna {option}-valinnalle toinen kansio.',
  outIsDirectory: '{out} on kansio. Anna {option}-valinnalle tiedoston nimi, esimerkiksi {suggestion}.',
  outNotRegular: '{out} ei ole tavallinen tiedosto (vaan esimerkiksi laite tai putki). Anna {option}-valinnalle tiedoston nimi.',
  outExists:
    'Tiedosto {out} on jo olemassa eikä se ole tämän ohjelman aiemmin kirjoittama tulos, joten sitä ei korvata. Anna {option}-valinnalle toinen nimi, tai lisää --force, jos haluat korvata tiedoston.',
  outUnwritable: 'Kansioon {dir} ei voi kirjoittaa ({reason}). Anna {option}-valinnalle kansio, johon sinulla on kirjoitusoikeus.',
  outExtension:
    'Tulostiedoston {out} pääte ei sovi työkirjalle: {kind} tallennetaan päätteellä {wanted}, muuten Excel ei avaa sitä. Anna nimi, joka päättyy {wanted}.',
  writeFailed:
    'Tiedostoa {out} ei voitu kirjoittaa ({reason}). Mitään ei kirjoitettu. Tarkista levytila ja kansion oikeudet ja aja uudelleen.',
  templateExists: 'Tiedosto {file} on jo olemassa, joten sitä ei korvata. Anna uudelle pohjalle toinen nimi.',
  folderMissing: 'Kansiota {dir} ei ole olemassa. Luo kansio tai anna toinen polku.',
  folderNotCreated: 'Kansiota {dir} ei voi luoda ({reason}). Anna --out-dir-valinnalle kansio, johon sinulla on kirjoitusoikeus.',
  notAFolder: '{dir} ei ole kansio. Anna --out-dir-valinnalle kansion polku.',
  otherMarked:
    'HUOM: välilehdet {sheets} ovat tämän ohjelman tulosvälilehtien kopioita: niitä ei korvattu eikä poistettu. Niiden kaavat viittaavat tulosvälilehtiin, jotka jokainen ajo kirjoittaa uudelleen; arkistoon kopio kannattaa tallentaa arvoina.',
  written: 'Kirjoitettu: {out}',
  templateWritten: 'Syöttöpohja vuodelle {year} kirjoitettu: {file}',
  sampleWritten: 'Esimerkkiaineisto: {file}',
  inputsOk: 'Syötteet kunnossa',
  unexpected: 'Odottamaton virhe (ohjelmavirhe: ilmoita siitä ylläpidolle, mukaan alla oleva kuvaus):',
  kindMacro: 'makroja sisältävä työkirja',
  kindTemplate: 'Excel-malli',
  kindMacroTemplate: 'makroja sisältävä Excel-malli',
  kindWorkbook: 'Excel-työkirja',
};

type Texts = typeof FI;

const SV: Texts = {
  outSameAsFile: 'Resultatfilen {out} är samma fil som indatafilen {file}, som aldrig skrivs över. Ange ett annat namn med {option}.',
  outFolderMissing: 'Mappen {dir} finns inte, så resultatfilen {out} kan inte skrivas. Skapa mappen eller ange en annan mapp med {option}.',
  outIsDirectory: '{out} är en mapp. Ange ett filnamn med {option}, till exempel {suggestion}.',
  outNotRegular: '{out} är ingen vanlig fil (utan till exempel en enhet eller ett rör). Ange ett filnamn med {option}.',
  outExists:
    'Filen {out} finns redan och är inget tidigare resultat av det här programmet, så den skrivs inte över. Ange ett annat namn med {option}, eller lägg till --force om du vill skriva över filen.',
  outUnwritable: 'Det går inte att skriva i mappen {dir} ({reason}). Ange med {option} en mapp där du har skrivrätt.',
  outExtension:
    'Ändelsen på resultatfilen {out} passar inte arbetsboken: en {kind} sparas med ändelsen {wanted}, annars öppnar Excel den inte. Ange ett namn som slutar på {wanted}.',
  writeFailed:
    'Filen {out} kunde inte skrivas ({reason}). Ingenting skrevs. Kontrollera diskutrymmet och mappens behörigheter och kör igen.',
  templateExists: 'Filen {file} finns redan, så den skrivs inte över. Ge den nya mallen ett annat namn.',
  folderMissing: 'Mappen {dir} finns inte. Skapa mappen eller ange en annan sökväg.',
  folderNotCreated: 'Mappen {dir} kan inte skapas ({reason}). Ange med --out-dir en mapp där du har skrivrätt.',
  notAFolder: '{dir} är ingen mapp. Ange sökvägen till en mapp med --out-dir.',
  otherMarked:
    'OBS: bladen {sheets} är kopior av det här programmets resultatblad: de har inte ersatts eller tagits bort. Deras formler hänvisar till resultatbladen, som varje körning skriver på nytt; en arkivkopia bör sparas som värden.',
  written: 'Skrivet: {out}',
  templateWritten: 'Indatamall för år {year} skriven: {file}',
  sampleWritten: 'Exempeldata: {file}',
  inputsOk: 'Indata i ordning',
  unexpected: 'Oväntat fel (programfel: rapportera det till underhållet med beskrivningen nedan):',
  kindMacro: 'arbetsbok med makron',
  kindTemplate: 'Excel-mall',
  kindMacroTemplate: 'Excel-mall med makron',
  kindWorkbook: 'Excel-arbetsbok',
};

const EN: Texts = {
  outSameAsFile: 'The output file {out} is the input file {file}, which is never overwritten. Give {option} another name.',
  outFolderMissing:
    'Folder {dir} does not exist, so the output file {out} cannot be written. Create the folder or give {option} another folder.',
  outIsDirectory: '{out} is a folder. Give {option} a file name, e.g. {suggestion}.',
  outNotRegular: '{out} is not a regular file (but e.g. a device or a pipe). Give {option} a file name.',
  outExists:
    'File {out} exists and is not an earlier output of this program, so it is not overwritten. Give {option} another name, or add --force to overwrite the file.',
  outUnwritable: 'Folder {dir} cannot be written to ({reason}). Give {option} a folder you can write to.',
  outExtension:
    'The extension of the output file {out} does not suit the workbook: a {kind} is saved as {wanted}, or Excel will not open it. Give a name ending in {wanted}.',
  writeFailed:
    'File {out} could not be written ({reason}). Nothing was written. Check the disk space and the folder permissions and run again.',
  templateExists: 'File {file} exists, so it is not overwritten. Give the new template another name.',
  folderMissing: 'Folder {dir} does not exist. Create it or give another path.',
  folderNotCreated: 'Folder {dir} cannot be created ({reason}). Give --out-dir a folder you can write to.',
  notAFolder: '{dir} is not a folder. Give --out-dir the path of a folder.',
  otherMarked:
    "NOTE: sheets {sheets} are copies of this program's output sheets: they were neither replaced nor removed. Their formulas refer to the output sheets, which every run writes again; an archive copy is best kept as values.",
  written: 'Written: {out}',
  templateWritten: 'Input template for {year} written: {file}',
  sampleWritten: 'Sample inputs: {file}',
  inputsOk: 'Inputs OK',
  unexpected: 'Unexpected error (a bug: please report it with the description below):',
  kindMacro: 'macro-enabled workbook',
  kindTemplate: 'Excel template',
  kindMacroTemplate: 'macro-enabled Excel template',
  kindWorkbook: 'Excel workbook',
};

const TEXTS: Record<Lang, Texts> = { fi: FI, sv: SV, en: EN };

export type CliText = keyof Texts;

export function say(lang: Lang, key: CliText, params: Record<string, string | number> = {}): string {
  // {option} is the option that named the path to write: --out (run) unless said (invoices: --csv).
  params = { option: '--out', ...params };
  return TEXTS[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));
}

/** An operating-system error in words a user can act on (the code stays for searching). */
export function osReason(e: unknown, lang: Lang): string {
  const code = (e as NodeJS.ErrnoException)?.code ?? '';
  const words: Record<string, Record<Lang, string>> = {
    EACCES: { fi: 'ei oikeutta', sv: 'behörighet saknas', en: 'permission denied' },
    EPERM: { fi: 'ei sallittu', sv: 'inte tillåtet', en: 'operation not permitted' },
    ENOSPC: { fi: 'levy täynnä', sv: 'disken är full', en: 'no space left on the disk' },
    EROFS: { fi: 'vain luku -levy', sv: 'skrivskyddad disk', en: 'read-only file system' },
    ENOENT: { fi: 'polkua ei ole', sv: 'sökvägen finns inte', en: 'no such file or folder' },
    ENOTDIR: { fi: 'polun osa ei ole kansio', sv: 'en del av sökvägen är ingen mapp', en: 'a part of the path is not a folder' },
    EISDIR: { fi: 'on kansio', sv: 'är en mapp', en: 'is a folder' },
    EXDEV: { fi: 'eri levy', sv: 'annan disk', en: 'another device' },
    EBUSY: { fi: 'tiedosto on lukittu', sv: 'filen är låst', en: 'the file is locked' },
    EMFILE: { fi: 'liikaa avoimia tiedostoja', sv: 'för många öppna filer', en: 'too many open files' },
  };
  const w = words[code]?.[lang];
  return w ? `${w}, ${code}` : code || (e as Error)?.message || String(e);
}
