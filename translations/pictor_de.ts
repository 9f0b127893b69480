<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>main</name>
    <message>
        <source>Pictor photo editor</source>
        <translation>Pictor Fotoeditor</translation>
    </message>
    <message>
        <source>A photo to open.</source>
        <translation>Ein Foto, das geöffnet werden soll.</translation>
    </message>
</context>
<context>
    <name>pictor::ui::MainWindow</name>
    <message>
        <source>Pictor</source>
        <translation>Pictor</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Compute: %1</source>
        <translation>Rechnen: %1</translation>
    </message>
    <message>
        <source>Open photo</source>
        <translation>Foto öffnen</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.heic *.heif *.avif *.dng *.cr2 *.cr3 *.crw *.nef *.nrw *.arw *.srf *.sr2 *.raf *.orf *.rw2 *.pef *.srw *.x3f *.iiq *.3fr *.mrw *.kdc *.dcr *.erf *.mos);;All files (*)</source>
        <translation>Fotos (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.heic *.heif *.avif *.dng *.cr2 *.cr3 *.crw *.nef *.nrw *.arw *.srf *.sr2 *.raf *.orf *.rw2 *.pef *.srw *.x3f *.iiq *.3fr *.mrw *.kdc *.dcr *.erf *.mos);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>%1 konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1 — Pictor</source>
        <translation>%1 — Pictor</translation>
    </message>
</context>
<context>
    <name>pictor::ui::PhotoView</name>
    <message>
        <source>Open a photo (Ctrl+O)</source>
        <translation>Öffnen Sie ein Foto (Strg+O)</translation>
    </message>
</context>
<context>
    <name>pictor::critic</name>
    <message>
        <location filename="../core/critic/Critic.cpp" line="21"/>
        <source>The critique was cancelled</source>
        <translation>Die Kritik wurde abgebrochen</translation>
    </message>
    <message>
        <location filename="../core/critic/Critic.cpp" line="85"/>
        <source>There is no photo to critique</source>
        <translation>Es gibt kein Foto zu beurteilen</translation>
    </message>
    <message>
        <location filename="../core/critic/Critic.cpp" line="109"/>
        <source>The learned model failed (%1); the critique uses the analysis only.</source>
        <translation>Das gelernte Modell ist gescheitert (%1); die Kritik beruht nur auf der Analyse.</translation>
    </message>
    <message>
        <location filename="../core/critic/Diagnosis.cpp" line="58"/>
        <source>median luminance</source>
        <translation>Median-Luminanz</translation>
    </message>
    <message>
        <location filename="../core/critic/Diagnosis.cpp" line="60"/>
        <location filename="../core/critic/Diagnosis.cpp" line="101"/>
        <source>in deep shadow</source>
        <translation>im tiefen Schatten</translation>
    </message>
    <message>
        <location filename="../core/critic/Diagnosis.cpp" line="62"/>
        <location filename="../core/critic/Diagnosis.cpp" line="84"/>
        <source>clipped</source>
        <translation>abgeschnitten</translation>
    </message>
    <message>
        <location filename="../core/critic/Diagnosis.cpp" line="64"/>
        <source>99th-percentile luminance</source>
        <translation>Luminanz am 99. Perzentil</translation>
    </message>
    <message>
        <location filename="../core/critic/Diagnosis.cpp" line="66"/>
        <source>exposure error</source>
        <translation>Belichtungsfehler</translation>
    </message>
    <message>
        <location filename="../core/critic/Diagnosis.cpp" line="85"/>
        <source>above L* 90</source>
        <translation>über L* 90</translation>
    </message>
    <message>
        <location filename="../core/critic/Diagnosis.cpp" line="103"/>
        <source>crushed to black</source>
        <translation>zu Schwarz abgesoffen</translation>
    </message>
    <message>
        <location filename="../core/critic/Diagnosis.cpp" line="121"/>
        <source>mean dark channel</source>
        <translation>mittlerer Dunkelkanal</translation>
    </message>
    <message>
        <location filename="../core/critic/Diagnosis.cpp" line="123"/>
        <source>1st-percentile L*</source>
        <translation>L* am 1. Perzentil</translation>
    </message>
    <message>
        <location filename="../core/critic/Diagnosis.cpp" line="126"/>
        <location filename="../core/critic/Diagnosis.cpp" line="146"/>
        <source>lightness spread (σ of L*)</source>
        <translation>Helligkeitsstreuung (σ von L*)</translation>
    </message>
    <message>
        <location filename="../core/critic/Diagnosis.cpp" line="148"/>
        <source>L* range 5–95 %</source>
        <translation>L*-Umfang 5–95 %</translation>
    </message>
    <message>
        <location filename="../core/critic/Diagnosis.cpp" line="175"/>
        <source>grey-world light</source>
        <translation>Licht nach Grauwelt</translation>
    </message>
    <message>
        <location filename="../core/critic/Diagnosis.cpp" line="177"/>
        <source>grey-edge light</source>
        <translation>Licht nach Graukanten</translation>
    </message>
    <message>
        <location filename="../core/critic/Diagnosis.cpp" line="179"/>
        <source>cast</source>
        <translation>Farbstich</translation>
    </message>
    <message>
        <location filename="../core/critic/Diagnosis.cpp" line="180"/>
        <source>tint cast</source>
        <translation>Tönungsstich</translation>
    </message>
    <message>
        <location filename="../core/critic/Diagnosis.cpp" line="181"/>
        <source>agreement of the estimates</source>
        <translation>Übereinstimmung der Schätzungen</translation>
    </message>
    <message>
        <location filename="../core/critic/Diagnosis.cpp" line="208"/>
        <source>mean chroma (Oklab)</source>
        <translation>mittlere Buntheit (Oklab)</translation>
    </message>
    <message>
        <location filename="../core/critic/Diagnosis.cpp" line="209"/>
        <source>95th-percentile chroma</source>
        <translation>Buntheit am 95. Perzentil</translation>
    </message>
    <message>
        <location filename="../core/critic/Diagnosis.cpp" line="211"/>
        <source>outside Rec.2020</source>
        <translation>außerhalb Rec.2020</translation>
    </message>
    <message>
        <location filename="../core/critic/Diagnosis.cpp" line="229"/>
        <source>luminance noise σ</source>
        <translation>Luminanzrauschen σ</translation>
    </message>
    <message>
        <location filename="../core/critic/Diagnosis.cpp" line="232"/>
        <source>colour noise σ</source>
        <translation>Farbrauschen σ</translation>
    </message>
    <message>
        <location filename="../core/critic/Diagnosis.cpp" line="250"/>
        <source>blur (0 sharp … 100 featureless)</source>
        <translation>Unschärfe (0 scharf … 100 strukturlos)</translation>
    </message>
    <message>
        <location filename="../core/critic/Diagnosis.cpp" line="264"/>
        <source>horizon tilt</source>
        <translation>Horizontneigung</translation>
    </message>
    <message>
        <location filename="../core/critic/Diagnosis.cpp" line="266"/>
        <source>line confidence</source>
        <translation>Sicherheit der Linie</translation>
    </message>
    <message>
        <location filename="../core/critic/Finding.cpp" line="59"/>
        <source>Exposure</source>
        <translation>Belichtung</translation>
    </message>
    <message>
        <location filename="../core/critic/Finding.cpp" line="61"/>
        <source>Highlights</source>
        <translation>Lichter</translation>
    </message>
    <message>
        <location filename="../core/critic/Finding.cpp" line="63"/>
        <source>Shadows</source>
        <translation>Schatten</translation>
    </message>
    <message>
        <location filename="../core/critic/Finding.cpp" line="65"/>
        <source>Contrast</source>
        <translation>Kontrast</translation>
    </message>
    <message>
        <location filename="../core/critic/Finding.cpp" line="67"/>
        <source>White balance</source>
        <translation>Weißabgleich</translation>
    </message>
    <message>
        <location filename="../core/critic/Finding.cpp" line="69"/>
        <source>Saturation</source>
        <translation>Sättigung</translation>
    </message>
    <message>
        <location filename="../core/critic/Finding.cpp" line="71"/>
        <source>Noise</source>
        <translation>Rauschen</translation>
    </message>
    <message>
        <location filename="../core/critic/Finding.cpp" line="73"/>
        <source>Sharpness</source>
        <translation>Schärfe</translation>
    </message>
    <message>
        <location filename="../core/critic/Finding.cpp" line="75"/>
        <source>Haze</source>
        <translation>Dunst</translation>
    </message>
    <message>
        <location filename="../core/critic/Finding.cpp" line="77"/>
        <source>Tilt</source>
        <translation>Neigung</translation>
    </message>
    <message>
        <location filename="../core/critic/Finding.cpp" line="97"/>
        <source>minor</source>
        <translation>gering</translation>
    </message>
    <message>
        <location filename="../core/critic/Finding.cpp" line="99"/>
        <source>moderate</source>
        <translation>mittel</translation>
    </message>
    <message>
        <location filename="../core/critic/Finding.cpp" line="101"/>
        <source>major</source>
        <translation>erheblich</translation>
    </message>
    <message>
        <location filename="../core/critic/Reasoning.cpp" line="34"/>
        <source>Median luminance %1 %, %2 % in deep shadow, %3 % clipped</source>
        <translation>Median-Luminanz %1 %, %2 % im tiefen Schatten, %3 % abgeschnitten</translation>
    </message>
    <message>
        <location filename="../core/critic/Reasoning.cpp" line="38"/>
        <source>%1 → about %2 stops under. Brightening by %3 EV brings the mid-tones towards mid grey and keeps the brightest 1 % below white (the last third of a stop is left to taste).</source>
        <translation>%1 → etwa %2 Blendenstufen unterbelichtet. Aufhellen um %3 EV bringt die Mitteltöne Richtung Mittelgrau und hält das hellste 1 % unter Weiß (das letzte Drittel einer Stufe bleibt Geschmackssache).</translation>
    </message>
    <message>
        <location filename="../core/critic/Reasoning.cpp" line="43"/>
        <source>%1 → about %2 stops over. Darkening by %3 EV brings the mid-tones back towards mid grey without burying the shadows (the last third of a stop is left to taste).</source>
        <translation>%1 → etwa %2 Blendenstufen überbelichtet. Abdunkeln um %3 EV bringt die Mitteltöne zurück Richtung Mittelgrau, ohne die Schatten zu begraben (das letzte Drittel einer Stufe bleibt Geschmackssache).</translation>
    </message>
    <message>
        <location filename="../core/critic/Reasoning.cpp" line="51"/>
        <source>%1 % of the pixels are clipped to white. A rendered file holds no detail there, so no edit can bring it back; the other corrections keep it from growing.</source>
        <translation>%1 % der Pixel sind zu Weiß abgeschnitten. Eine entwickelte Datei hat dort keine Zeichnung mehr, keine Bearbeitung holt sie zurück; die übrigen Korrekturen lassen den Anteil nicht wachsen.</translation>
    </message>
    <message>
        <location filename="../core/critic/Reasoning.cpp" line="55"/>
        <source>%1 % of the pixels would clip on output, but the file holds detail above white: pulling the highlights down (%2) brings it back.</source>
        <translation>%1 % der Pixel würden bei der Ausgabe abgeschnitten, doch die Datei hat Zeichnung über Weiß: Lichter absenken (%2) holt sie zurück.</translation>
    </message>
    <message>
        <location filename="../core/critic/Reasoning.cpp" line="63"/>
        <source>%1 % of the photo is in deep shadow (L* below 15) while its brightest parts are well exposed, as in backlight. Lifting the shadows (%2) opens them up and leaves the rest.</source>
        <translation>%1 % des Fotos liegen im tiefen Schatten (L* unter 15), während die hellsten Teile gut belichtet sind, wie bei Gegenlicht. Schatten anheben (%2) öffnet sie und lässt den Rest unberührt.</translation>
    </message>
    <message>
        <location filename="../core/critic/Reasoning.cpp" line="73"/>
        <source>Lightness spread σ %1 (L* %2 between the 5th and 95th percentile): the photo looks flat. More contrast (%3) separates its tones around mid grey.</source>
        <translation>Helligkeitsstreuung σ %1 (L* %2 zwischen 5. und 95. Perzentil): das Foto wirkt flau. Mehr Kontrast (%3) trennt die Töne um Mittelgrau.</translation>
    </message>
    <message>
        <location filename="../core/critic/Reasoning.cpp" line="77"/>
        <source>Lightness spread σ %1 with %2 % clipped and %3 % crushed: harsher than an output can hold. Less contrast (%4) keeps detail at both ends.</source>
        <translation>Helligkeitsstreuung σ %1 mit %2 % abgeschnitten und %3 % abgesoffen: härter, als eine Ausgabe fassen kann. Weniger Kontrast (%4) erhält Zeichnung an beiden Enden.</translation>
    </message>
    <message>
        <location filename="../core/critic/Reasoning.cpp" line="86"/>
        <source>warm</source>
        <translation>warmer</translation>
    </message>
    <message>
        <location filename="../core/critic/Reasoning.cpp" line="86"/>
        <source>cool</source>
        <translation>kühler</translation>
    </message>
    <message>
        <location filename="../core/critic/Reasoning.cpp" line="87"/>
        <source>%1 cast of %2 mired</source>
        <translation>%1 Stich von %2 Mired</translation>
    </message>
    <message>
        <location filename="../core/critic/Reasoning.cpp" line="91"/>
        <source>, %1 tint of %2</source>
        <translation>, %1 Tönung von %2</translation>
    </message>
    <message>
        <location filename="../core/critic/Reasoning.cpp" line="92"/>
        <source>green</source>
        <translation>grüne</translation>
    </message>
    <message>
        <location filename="../core/critic/Reasoning.cpp" line="92"/>
        <source>magenta</source>
        <translation>magentafarbene</translation>
    </message>
    <message>
        <location filename="../core/critic/Reasoning.cpp" line="93"/>
        <source>Grey-world and grey-edge estimates put the light at %1 K and %2 K (agreement %3 %): a %4. White balance %5 K, tint %6 neutralises most of it.</source>
        <translation>Grauwelt- und Graukanten-Schätzung ergeben Licht von %1 K und %2 K (Übereinstimmung %3 %): ein %4. Weißabgleich %5 K, Tönung %6 neutralisiert das meiste davon.</translation>
    </message>
    <message>
        <location filename="../core/critic/Reasoning.cpp" line="104"/>
        <source>Mean chroma %1 (95th percentile %2): the colours are muted. Vibrance lifts the muted colours most and spares skin and already vivid ones.</source>
        <translation>Mittlere Buntheit %1 (95. Perzentil %2): die Farben sind gedämpft. Dynamik hebt gedämpfte Farben am stärksten und schont Haut und schon kräftige Farben.</translation>
    </message>
    <message>
        <location filename="../core/critic/Reasoning.cpp" line="108"/>
        <source>95th-percentile chroma %1 and %2 % outside Rec.2020: the colours are over-saturated and will clip on output. Less saturation brings them back in range.</source>
        <translation>Buntheit am 95. Perzentil %1 und %2 % außerhalb Rec.2020: die Farben sind übersättigt und werden bei der Ausgabe abgeschnitten. Weniger Sättigung bringt sie zurück in den Umfang.</translation>
    </message>
    <message>
        <location filename="../core/critic/Reasoning.cpp" line="115"/>
        <source>Noise σ %1/255 in luminance and %2/255 in colour, measured in the quietest areas at full resolution: visible grain. Noise reduction smooths it while keeping edges.</source>
        <translation>Rauschen σ %1/255 in der Luminanz und %2/255 in der Farbe, gemessen in den ruhigsten Bereichen bei voller Auflösung: sichtbares Korn. Rauschreduzierung glättet es und erhält Kanten.</translation>
    </message>
    <message>
        <location filename="../core/critic/Reasoning.cpp" line="122"/>
        <source>Blur measure %1 (a sharp photo stays below 40) in its sharpest area: fine detail is soft. Sharpening (amount %2) restores edge contrast; it cannot invent lost detail.</source>
        <translation>Unschärfemaß %1 (ein scharfes Foto bleibt unter 40) im schärfsten Bereich: feine Details sind weich. Schärfen (Stärke %2) stellt Kantenkontrast wieder her; verlorene Details erfindet es nicht.</translation>
    </message>
    <message>
        <location filename="../core/critic/Reasoning.cpp" line="129"/>
        <source>Mean dark channel %1 % (haze-free scenes stay near 5 %) with a lightness spread σ of %2: a veil of haze lifts the darks and flattens distant tones. Dehaze (%3) removes it.</source>
        <translation>Mittlerer Dunkelkanal %1 % (dunstfreie Szenen bleiben bei etwa 5 %) bei einer Helligkeitsstreuung σ von %2: ein Dunstschleier hebt die Tiefen an und macht ferne Töne flau. Dunst entfernen (%3) beseitigt ihn.</translation>
    </message>
    <message>
        <location filename="../core/critic/Reasoning.cpp" line="137"/>
        <source>The dominant near-horizontal line runs at %1° (line confidence %2 %): the horizon is tilted. Straightening by %3° levels it (the edges are cropped slightly).</source>
        <translation>Die vorherrschende, fast waagerechte Linie verläuft mit %1° (Sicherheit %2 %): der Horizont ist schief. Geraderichten um %3° richtet ihn aus (die Ränder werden etwas beschnitten).</translation>
    </message>
    <message>
        <location filename="../core/critic/Reasoning.cpp" line="182"/>
        <source>The learned model proposed this value (confidence %1 %).</source>
        <translation>Das gelernte Modell hat diesen Wert vorgeschlagen (Sicherheit %1 %).</translation>
    </message>
    <message>
        <location filename="../core/critic/Reasoning.cpp" line="190"/>
        <source>Score %1/100: well made, nothing needs changing.</source>
        <translation>Bewertung %1/100: gut gemacht, nichts muss geändert werden.</translation>
    </message>
    <message>
        <location filename="../core/critic/Reasoning.cpp" line="198"/>
        <source>Score %1/100; nothing an edit can improve. Noted: %2.</source>
        <translation>Bewertung %1/100; nichts, was eine Bearbeitung verbessern kann. Vermerkt: %2.</translation>
    </message>
    <message>
        <location filename="../core/critic/Reasoning.cpp" line="202"/>
        <source>Score %1/100, %2 after the suggested edit. Findings: %3.</source>
        <translation>Bewertung %1/100, %2 nach der vorgeschlagenen Bearbeitung. Befunde: %3.</translation>
    </message>
</context>
</TS>
