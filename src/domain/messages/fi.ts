/** Finnish (the canonical language of the workbook contract) problem texts: one per problem code; {name} is replaced by the problem's params.name. */
import type { Catalogue } from './codes';

export const FI: Catalogue = {
  where: { sheet: 'Taulukko', row: 'rivi', column: 'sarake', cell: 'solu' },
  problems: {
    'key-total-zero': 'Jakoavaimen {key} summa on nolla ryhmälle {group} (kustannusrivit {rows}): jakoa ei voi tehdä. Tarkista {hint}.',
    'event-without-registrants':
      'Tilaisuudella "{event}" ei ole yhtään voimassa olevaa ilmoittautumista vuodelta {year}, mutta sille on kustannusrivi (rivit {rows}). Lisää ilmoittautumiset tai poista tilaisuus kustannusriviltä.',
    'no-cost-lines':
      'Vuodelle {year} ei ole yhtään kustannusriviä: jaettavaa ei ole. Lisää TA- tai TOT-rivit Kustannukset-taulukkoon tai tarkista Vuosi-asetus.',
    'duplicate-registration':
      'Sama henkilö on ilmoittautunut tilaisuuteen "{event}" useammin kuin kerran: rivi lasketaan kerran (ensimmäinen rivi {firstRow}).',
    'table-missing':
      'Excel-taulukkoa {table} ei löydy. Lisää se välilehdelle {sheet} (valitse alue, Lisää > Taulukko ja anna nimeksi {table} kohdassa Taulukon rakenne > Taulukon nimi) tai tee uusi pohja komennolla tym-allocate template.',
    'table-duplicate':
      'Taulukko {table} on työkirjassa kahdesti: {first} (välilehti {firstSheet}) ja {second} (välilehti {secondSheet}). Poista toinen tai nimeä se uudelleen.',
    'column-missing':
      'Taulukosta puuttuu pakollinen sarake "{column}" (otsikkorivillä). Lisää sarake tällä otsikolla (myös {aliases} käy).',
    'column-duplicate':
      'Sarake "{column}" on taulukossa kahdesti (myös "{first}" solussa {firstCell}). Poista tai nimeä toinen sarakkeista uudelleen.',
    'merged-cells':
      'Taulukossa on yhdistettyjä soluja ({range}). Pura solujen yhdistäminen (Aloitus > Yhdistä ja keskitä > Pura solujen yhdistäminen).',
    'hidden-rows':
      'Taulukossa on piilotettuja tai suodatettuja rivejä ({count} kpl: rivit {rows}). Ne lasketaan mukaan. Poista rivit, jos niitä ei pidä laskea.',
    required: 'Arvo puuttuu. Täytä solu.',
    'error-value': 'Solussa on virhearvo {value}. Korjaa solun kaava tai kirjoita arvo.',
    'text-expected': 'Solussa pitää olla tekstiä. Kirjoita nimi tekstinä.',
    'number-is-text': 'Solussa on tekstiä ("{value}"), ei lukua. Kirjoita luku ja muotoile solu luvuksi (ei tekstiksi).',
    'number-is-text-comma':
      'Solussa on tekstiä ("{value}"), ei lukua: desimaalipilkullinen luku on tallentunut tekstinä. Muotoile solu luvuksi ja kirjoita luku uudelleen, jotta Excel tallentaa sen lukuna.',
    'number-is-boolean': 'Solussa on totuusarvo ({value}), ei lukua. Kirjoita luku.',
    'number-is-date': 'Solussa on päivämäärä ({value}), ei lukua. Kirjoita luku ja muotoile solu luvuksi.',
    'percent-format':
      'Solu on muotoiltu prosentiksi (arvo {value} näkyy {shown} %). Kirjoita prosenttiluku ilman prosenttimuotoilua, esimerkiksi 60 tarkoittaa 60 %, ja muotoile solu luvuksi.',
    'negative-key': 'Jakoavaimen arvo on negatiivinen ({value}). Kirjoita arvo, joka on vähintään 0.',
    'negative-value': 'Arvo on negatiivinen ({value}). Kirjoita arvo, joka on vähintään 0.',
    'percent-range': 'Prosenttiosuuden pitää olla välillä 0–100, nyt {value}. Korjaa arvo.',
    'not-integer': 'Arvon pitää olla kokonaisluku, nyt {value}. Korjaa arvo.',
    'too-many-decimals': 'Arvossa {value} on liikaa desimaaleja (enintään {max}). Pyöristä arvo, esimerkiksi kaavalla PYÖRISTÄ.',
    'date-is-text':
      'Solussa on tekstiä ("{value}"), ei päivämäärää. Kirjoita päivämäärä muodossa 31.12.2025 niin, että Excel tunnistaa sen päivämääräksi.',
    'date-invalid': 'Solun arvo ({value}) ei ole kelvollinen päivämäärä. Kirjoita päivämäärä, esimerkiksi 31.12.2025.',
    'date-serial': 'Solussa on luku {value}, joka tulkitaan Excelin päivämääräksi {date}. Tarkista arvo ja muotoile solu päivämääräksi.',
    'end-before-start': 'Päättymispäivä on ennen alkamispäivää. Korjaa päivämäärät.',
    'unknown-word': 'Tuntematon arvo "{value}". Kirjoita jokin näistä: {accepted}.',
    'setting-unnamed': 'Rivillä on arvo mutta ei asetuksen nimeä, joten riviä ei käytetä. Kirjoita asetuksen nimi tai tyhjennä rivi.',
    'setting-unknown':
      'Tuntematon asetus "{name}". Korjaa nimi tai poista rivi (muistiinpanot voi kirjoittaa Selite-sarakkeeseen). Tunnetut asetukset: {known}.',
    'setting-duplicate': 'Asetus {setting} on annettu jo rivillä {firstRow}. Poista toinen rivi.',
    'setting-missing':
      'Pakollinen asetus {setting} puuttuu. Lisää taulukkoon rivi, jonka Asetus on {setting}, ja kirjoita Arvo-sarakkeeseen talousarviovuosi, esimerkiksi 2026.',
    'year-invalid': 'Vuoden pitää olla kokonaisluku väliltä 2000–2100, nyt {value}. Kirjoita talousarviovuosi, esimerkiksi 2026.',
    'basis-column-missing':
      'Kuntajaon peruste on {basis}, mutta taulukosta puuttuu sarake "{column}". Lisää sarake ja täytä se tai vaihda Kuntajaon peruste Asetukset-taulukossa.',
    'basis-value-missing': 'Kuntajaon peruste on {basis}, joten jokaiselle kunnalle tarvitaan arvo sarakkeeseen "{column}". Täytä solu.',
    'agreed-sum': 'Sarakkeen "{column}" osuuksien summa on {sum}, mutta sen pitää olla tasan 100. Korjaa kuntien osuudet.',
    'no-municipalities': 'Kunnat-taulukossa ei ole yhtään kuntaa. Lisää yhteistoiminta-alueen kunnat, yksi riviä kohden.',
    'municipality-duplicate': 'Kunta {name} on taulukossa jo rivillä {firstRow}. Poista toinen rivi.',
    'municipality-unknown':
      'Tuntematon kunta "{name}": se ei ole Kunnat-taulukossa. Kirjoita jokin näistä: {known}, tai lisää kunta Kunnat-taulukkoon.',
    'employer-unknown':
      'Hallinnollinen työnantaja "{name}" ei ole Kunnat-taulukossa. Kirjoita asetukseen Hallinnollinen työnantaja jokin näistä: {known}.',
    'staff-municipality-required':
      'Kuntajaon peruste on henkilöstö, joten jokaiselle TVA:n henkilölle tarvitaan kunta. Kirjoita kunta, jossa henkilö työskentelee.',
    'event-wildcard':
      'Tilaisuuden nimessä "{event}" on merkki *, ? tai ~, jonka Excel tulkitsee hakuehdoissa jokerimerkiksi. Poista merkki nimestä (kaikilta riveiltä).',
    'event-not-pool-b':
      'Tilaisuus ("{event}") kuuluu vain poolin b riveille, mutta rivin pooli on {pool}. Tyhjennä Tilaisuus tai vaihda pooliksi b.',
    'event-unknown':
      'Tuntematon tilaisuus "{event}": kukaan ei ole ilmoittautunut sen nimiseen tilaisuuteen. Kirjoita nimi kuten Ilmoittautumiset-taulukossa (esimerkiksi {known}) tai jätä Tilaisuus tyhjäksi, jolloin jako tehdään vuoden kaikkien ilmoittautumisten mukaan.',
    'payer-unknown':
      'Tuntematon maksaja "{value}". Kirjoita kunta Kunnat-taulukosta tai osapuoli: {accepted}. Tyhjä = hallinnollinen työnantaja.',
    'municipality-reserved':
      'Kunnan nimi "{name}" on sama kuin osapuolen nimi ({party}), joten kunnan ja osapuolen osuudet sekoittuisivat. Kirjoita kunnan nimi toisin, esimerkiksi "{name} kunta".',
    'municipality-name-chars':
      'Kunnan nimessä "{name}" on merkki *, ? tai ~ tai se alkaa merkillä =, < tai >, jotka Excel tulkitsee hakuehdoissa erikoismerkeiksi. Poista merkki nimestä (myös Henkilosto- ja Kustannukset-taulukoista).',
    'formula-not-calculated':
      'Taulukon soluissa on kaavoja, joiden arvoa ei ole laskettu eikä tallennettu tiedostoon ({count} kpl: {cells}). Tiedoston on luultavasti kirjoittanut ohjelma (esimerkiksi Python, openpyxl tai pandas), joka ei laske kaavoja. Avaa ja tallenna tiedosto Excelissä (tai LibreOfficessa), jotta kaavojen arvot tallentuvat, ja aja sitten uudelleen.',
    'hidden-characters':
      'Sarakkeen tekstissä on merkkejä, joita ei näe mutta jotka Excel laskee mukaan ({chars}; solut {cells}). Siksi teksti ei vastaa samannäköistä sanaa toisessa solussa tai taulukossa. Kirjoita teksti uudelleen näppäimistöltä tai poista merkit (esimerkiksi Etsi ja korvaa).',
    'percent-fraction':
      'Arvo {value} tarkoittaa {value} prosenttia. Jos tarkoitit {percent} %, kirjoita {percent} (prosenttiluku ilman prosenttimuotoilua).',
    'agreed-sum-fractions':
      'Sarakkeen "{column}" osuuksien summa on {sum}, ja osuudet näyttävät murtoluvuilta (esimerkiksi 0,25 eikä 25). Kirjoita osuudet prosenttilukuina niin, että ne ovat yhteensä 100.',
    'fte-above-headcount':
      'HTV {fte} on suurempi kuin henkilömäärä {headcount}: yksi henkilö tekee enintään yhden henkilötyövuoden. Tarkista HTV ja henkilömäärä.',
    'values-below-table':
      'Taulukon alapuolella rivillä {row} on arvoja ({cells}), jotka eivät kuulu taulukkoon eivätkä ole mukana laskennassa. Jos ne kuuluvat taulukkoon, laajenna taulukkoa (vedä taulukon oikeasta alakulmasta tai Taulukon rakenne > Muuta taulukon kokoa); muuten siirrä ne kauemmas.',
    'setting-misspelt':
      'Tuntematon asetus "{name}". Tarkoititko "{suggestion}"? Korjaa asetuksen nimi: väärin kirjoitettua asetusta ei käytettäisi, vaan sen oletusarvo jäisi voimaan. Tunnetut asetukset: {known}.',
    'file-not-found': 'Tiedostoa {file} ei löydy. Tarkista tiedoston nimi ja kansio.',
    'file-is-directory': '{file} on kansio, ei tiedosto. Anna Excel-työkirjan (.xlsx) polku.',
    'file-unreadable':
      'Tiedostoa {file} ei voi lukea ({reason}). Tarkista tiedoston käyttöoikeudet tai sulje ohjelma, joka pitää sitä lukittuna.',
    'file-empty': 'Tiedosto {file} on tyhjä (0 tavua). Tallenna työkirja Excelissä uudelleen ja anna tallennettu tiedosto.',
    'file-not-zip':
      'Tiedosto {file} ei ole Excel-työkirja (.xlsx): se ei ole lainkaan Excel-tiedostomuodossa (ehkä teksti- tai CSV-tiedosto, jolla on .xlsx-pääte). Avaa se Excelissä ja tallenna Excel-työkirjana (Tiedosto > Tallenna nimellä > Excel-työkirja).',
    'file-xls':
      'Tiedosto {file} on vanhaa Excel 97–2003 -muotoa (.xls), jota ei voi lukea. Avaa se Excelissä ja tallenna Excel-työkirjana (.xlsx) (Tiedosto > Tallenna nimellä > Excel-työkirja), ja anna sitten uusi tiedosto.',
    'file-encrypted':
      'Tiedosto {file} on suojattu salasanalla, joten sitä ei voi lukea. Avaa se Excelissä, poista salaus (Tiedosto > Tiedot > Suojaa työkirja > Salaa salasanalla: tyhjennä salasana) ja tallenna kopio, jonka annat tälle ohjelmalle.',
    'file-ods':
      'Tiedosto {file} on OpenDocument-laskentataulukko (.ods), ei Excel-työkirja. Avaa se LibreOfficessa tai Excelissä ja tallenna Excel-työkirjana (.xlsx).',
    'file-xlsb': 'Tiedosto {file} on Excelin binäärityökirja (.xlsb), jota ei voi lukea. Tallenna se Excelissä Excel-työkirjana (.xlsx).',
    'file-not-workbook':
      'Tiedosto {file} on pakattu tiedosto mutta ei Excel-työkirja (ehkä Word- tai PowerPoint-tiedosto tai tavallinen zip-arkisto). Anna Excel-työkirja (.xlsx tai .xlsm).',
    'file-damaged':
      'Tiedosto {file} on vioittunut tai keskeneräinen, eikä sitä voi lukea ({reason}). Avaa se Excelissä (Excel voi tarjoutua korjaamaan sen), tallenna uudelleen ja anna tallennettu tiedosto.',
    'output-sheet-taken':
      'Välilehti "{sheet}" on jo olemassa eikä se ole tämän laskelman tekemä, joten tuloksia ei voi kirjoittaa sen tilalle. Nimeä välilehti uudelleen (esimerkiksi "{sheet} oma") ja aja uudelleen.',
    'output-table-taken':
      'Taulukon nimi {table} on jo käytössä (välilehdellä {sheet}), mutta tulostaulukko tarvitsee sen. Nimeä taulukko uudelleen (Taulukon rakenne > Taulukon nimi) ja aja uudelleen.',
    'key-too-precise':
      'Arvossa {value} on yli 4 desimaalia. Jakoavaimet ja prosentit lasketaan kaavoissa 4 desimaalin tarkkuudella; pyöristä arvo enintään 4 desimaaliin.',
    'amount-out-of-range':
      'Summa {amount} € ({what}) on suurempi kuin kaavojen tarkka alue ({limit} €). Jaa summa pienempiin osiin tai tarkista, onko summa oikein.',
    'key-out-of-range':
      'Jakoavaimen {key} yhteismäärä ({what}) on liian suuri tarkkaan laskentaan kaavoissa ({value} ≥ {limit} kokonaislukuyksikköä). Käytä vähemmän desimaaleja avaimissa tai Kelan osuudessa.',
    'budget-key-previous-year':
      'TA-ryhmä {group} (kustannusrivit {rows}) jaetaan vuoden {previousYear} ilmoittautumisten mukaan (TVA {tva}, HVA {hva}, Kela {kela}), koska vuodelle {year} ei ole sille ilmoittautumisia eikä osallistujasuunnitelmaa. Jos jaon pitää perustua arvioon, kirjoita suunnitellut osallistujat Osallistujasuunnitelma-taulukkoon.',
    'budget-event-without-key':
      'TA-rivin tilaisuudelle "{event}" (rivit {rows}) ei ole osallistujasuunnitelmaa, vuoden {year} ilmoittautumisia eikä vuoden {previousYear} ilmoittautumisia, joten jakoavainta ei ole. Kirjoita tilaisuuden suunnitellut osallistujat Osallistujasuunnitelma-taulukkoon tai jätä Tilaisuus tyhjäksi, jolloin rivi jaetaan koko vuoden avaimella.',
    'plan-table-added':
      'Työkirjassa ei ole osallistujasuunnitelmaa, mutta poolissa b on talousarviorivejä (TA): laskenta lisää tyhjän taulukon {table} välilehdelle {sheet}, jotta tulosten kaavat lukevat siihen myöhemmin kirjoitetun suunnitelman. Taulukon voi jättää tyhjäksi. Suunnitelma muuttaa jakoa: laske jako sen jälkeen uudelleen (siihen asti yli yhden rivin suunnitelma muuttaa tulosten tarkistuksen TYM_TARKISTUS arvoksi EPÄTOSI, myös ilman apuohjelmaa avatussa työkirjassa).',
    'plan-table-missing':
      'Välilehdellä {sheet} ei ole Excel-taulukkoa {table}, joten osallistujasuunnitelmaa ei lueta: poolin b TA-rivit jaetaan ilmoittautumisten mukaan. Jos välilehdellä on suunnitelma, muuta se taulukoksi (valitse alue, Lisää > Taulukko ja anna nimeksi {table} kohdassa Taulukon rakenne > Taulukon nimi); muuten nimeä välilehti uudelleen.',
    'budget-year-without-key':
      'TA-rivit ilman tilaisuutta (rivit {rows}) jaetaan koko vuoden osallistujien mukaan, mutta osallistujasuunnitelmassa, vuoden {year} ilmoittautumisissa ja vuoden {previousYear} ilmoittautumisissa ei ole ketään. Kirjoita suunnitellut osallistujat Osallistujasuunnitelma-taulukkoon (Tilaisuus tyhjä = koko vuosi).',
    'business-id-invalid':
      'Y-tunnus "{value}" ei ole kelvollinen: muoto on 1234567-8 ja viimeinen numero on tarkiste. Korjaa tunnus (tarkista se esimerkiksi YTJ:stä) tai jätä solu tyhjäksi.',
    'invoice-day-range':
      'Laskutuspäivän pitää olla kuukauden päivä 1–31, nyt {value}. Kirjoita päivä, esimerkiksi 15 (lyhyemmässä kuussa käytetään kuun viimeistä päivää).',
    'payment-term-range': 'Maksuehdon pitää olla päivien määrä 0–365, nyt {value}. Kirjoita päivät, esimerkiksi 14.',
  },
};
