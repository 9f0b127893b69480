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
    <message>
        <source>Open FILE, render it, save a picture of the window to PNG and quit.</source>
        <translation>FILE öffnen, entwickeln, ein Bild des Fensters als PNG speichern und beenden.</translation>
    </message>
    <message>
        <source>Benchmark the window: open a generated 24-megapixel JPEG, drag a slider, print the times and quit.</source>
        <translation>Das Fenster messen: ein erzeugtes 24-Megapixel-JPEG öffnen, einen Regler ziehen, die Zeiten ausgeben und beenden.</translation>
    </message>
    <message>
        <source>--bench-ui: runs; the median is printed.</source>
        <translation>--bench-ui: Durchläufe; der Median wird ausgegeben.</translation>
    </message>
    <message>
        <source>--bench-ui: the photo opens with this recipe (JSON), e.g. tests/reliability/full-recipe.json.</source>
        <translation>--bench-ui: Das Foto öffnet mit diesem Rezept (JSON), z. B. tests/reliability/full-recipe.json.</translation>
    </message>
</context>
<context>
    <name>pictor::critic</name>
    <message>
        <source>The critique was cancelled</source>
        <translation>Die Kritik wurde abgebrochen</translation>
    </message>
    <message>
        <source>There is no photo to critique</source>
        <translation>Es gibt kein Foto zu beurteilen</translation>
    </message>
    <message>
        <source>The learned model failed (%1); the critique uses the analysis only.</source>
        <translation>Das gelernte Modell ist gescheitert (%1); die Kritik beruht nur auf der Analyse.</translation>
    </message>
    <message>
        <source>median luminance</source>
        <translation>Median-Luminanz</translation>
    </message>
    <message>
        <source>in deep shadow</source>
        <translation>im tiefen Schatten</translation>
    </message>
    <message>
        <source>clipped</source>
        <translation>abgeschnitten</translation>
    </message>
    <message>
        <source>99th-percentile luminance</source>
        <translation>Luminanz am 99. Perzentil</translation>
    </message>
    <message>
        <source>exposure error</source>
        <translation>Belichtungsfehler</translation>
    </message>
    <message>
        <source>exposure error (learned model)</source>
        <translation>Belichtungsfehler (gelerntes Modell)</translation>
    </message>
    <message>
        <source>above L* 90</source>
        <translation>über L* 90</translation>
    </message>
    <message>
        <source>crushed to black</source>
        <translation>zu Schwarz abgesoffen</translation>
    </message>
    <message>
        <source>mean dark channel</source>
        <translation>mittlerer Dunkelkanal</translation>
    </message>
    <message>
        <source>1st-percentile L*</source>
        <translation>L* am 1. Perzentil</translation>
    </message>
    <message>
        <source>lightness spread (σ of L*)</source>
        <translation>Helligkeitsstreuung (σ von L*)</translation>
    </message>
    <message>
        <source>L* range 5–95 %</source>
        <translation>L*-Umfang 5–95 %</translation>
    </message>
    <message>
        <source>grey-world light</source>
        <translation>Licht nach Grauwelt</translation>
    </message>
    <message>
        <source>grey-edge light</source>
        <translation>Licht nach Graukanten</translation>
    </message>
    <message>
        <source>cast</source>
        <translation>Farbstich</translation>
    </message>
    <message>
        <source>tint cast</source>
        <translation>Tönungsstich</translation>
    </message>
    <message>
        <source>agreement of the estimates</source>
        <translation>Übereinstimmung der Schätzungen</translation>
    </message>
    <message>
        <source>mean chroma (Oklab)</source>
        <translation>mittlere Buntheit (Oklab)</translation>
    </message>
    <message>
        <source>95th-percentile chroma</source>
        <translation>Buntheit am 95. Perzentil</translation>
    </message>
    <message>
        <source>outside Rec.2020</source>
        <translation>außerhalb Rec.2020</translation>
    </message>
    <message>
        <source>luminance noise σ</source>
        <translation>Luminanzrauschen σ</translation>
    </message>
    <message>
        <source>colour noise σ</source>
        <translation>Farbrauschen σ</translation>
    </message>
    <message>
        <source>blur (0 sharp … 100 featureless)</source>
        <translation>Unschärfe (0 scharf … 100 strukturlos)</translation>
    </message>
    <message>
        <source>horizon tilt</source>
        <translation>Horizontneigung</translation>
    </message>
    <message>
        <source>line confidence</source>
        <translation>Sicherheit der Linie</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>Belichtung</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>Lichter</translation>
    </message>
    <message>
        <source>Shadows</source>
        <translation>Schatten</translation>
    </message>
    <message>
        <source>Contrast</source>
        <translation>Kontrast</translation>
    </message>
    <message>
        <source>White balance</source>
        <translation>Weißabgleich</translation>
    </message>
    <message>
        <source>Saturation</source>
        <translation>Sättigung</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>Rauschen</translation>
    </message>
    <message>
        <source>Sharpness</source>
        <translation>Schärfe</translation>
    </message>
    <message>
        <source>Haze</source>
        <translation>Dunst</translation>
    </message>
    <message>
        <source>Tilt</source>
        <translation>Neigung</translation>
    </message>
    <message>
        <source>minor</source>
        <translation>gering</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>mittel</translation>
    </message>
    <message>
        <source>major</source>
        <translation>erheblich</translation>
    </message>
    <message>
        <source>Median luminance %1 %, %2 % in deep shadow, %3 % clipped</source>
        <translation>Median-Luminanz %1 %, %2 % im tiefen Schatten, %3 % abgeschnitten</translation>
    </message>
    <message>
        <source>%1 → about %2 stops under by the headroom, %3 by the learned model. Brightening by %4 EV, their weighted mean, brings the mid-tones towards mid grey.</source>
        <translation>%1 → etwa %2 Blendenstufen unterbelichtet nach dem Spielraum zu Weiß, %3 nach dem gelernten Modell. Aufhellen um %4 EV, ihr gewichtetes Mittel, bringt die Mitteltöne Richtung Mittelgrau.</translation>
    </message>
    <message>
        <source>%1 → about %2 stops over by the headroom, %3 by the learned model. Darkening by %4 EV, their weighted mean, brings the mid-tones back towards mid grey.</source>
        <translation>%1 → etwa %2 Blendenstufen überbelichtet nach dem Spielraum zu Weiß, %3 nach dem gelernten Modell. Abdunkeln um %4 EV, ihr gewichtetes Mittel, bringt die Mitteltöne zurück Richtung Mittelgrau.</translation>
    </message>
    <message>
        <source>%1 → about %2 stops under. Brightening by %3 EV brings the mid-tones towards mid grey and keeps the brightest 1 % below white (the last third of a stop is left to taste).</source>
        <translation>%1 → etwa %2 Blendenstufen unterbelichtet. Aufhellen um %3 EV bringt die Mitteltöne Richtung Mittelgrau und hält das hellste 1 % unter Weiß (das letzte Drittel einer Stufe bleibt Geschmackssache).</translation>
    </message>
    <message>
        <source>%1 → about %2 stops over. Darkening by %3 EV brings the mid-tones back towards mid grey without burying the shadows (the last third of a stop is left to taste).</source>
        <translation>%1 → etwa %2 Blendenstufen überbelichtet. Abdunkeln um %3 EV bringt die Mitteltöne zurück Richtung Mittelgrau, ohne die Schatten zu begraben (das letzte Drittel einer Stufe bleibt Geschmackssache).</translation>
    </message>
    <message>
        <source>%1 % of the pixels are clipped to white. A rendered file holds no detail there, so no edit can bring it back; the other corrections keep it from growing.</source>
        <translation>%1 % der Pixel sind zu Weiß abgeschnitten. Eine entwickelte Datei hat dort keine Zeichnung mehr, keine Bearbeitung holt sie zurück; die übrigen Korrekturen lassen den Anteil nicht wachsen.</translation>
    </message>
    <message>
        <source>%1 % of the pixels would clip on output. The file holds detail above white, but its brightest 1 % reaches only %2 % of white: too little to pull the highlights down for.</source>
        <translation>%1 % der Pixel würden bei der Ausgabe abgeschnitten. Die Datei hat Zeichnung über Weiß, doch ihr hellstes 1 % erreicht nur %2 % von Weiß: zu wenig, um dafür die Lichter abzusenken.</translation>
    </message>
    <message>
        <source>%1 % of the pixels would clip on output, but the file holds detail above white: pulling the highlights down (%2) brings it back.</source>
        <translation>%1 % der Pixel würden bei der Ausgabe abgeschnitten, doch die Datei hat Zeichnung über Weiß: Lichter absenken (%2) holt sie zurück.</translation>
    </message>
    <message>
        <source>%1 % of the photo is in deep shadow (L* below 15) while its brightest parts are well exposed, as in backlight. Lifting the shadows (%2) opens them up and leaves the rest.</source>
        <translation>%1 % des Fotos liegen im tiefen Schatten (L* unter 15), während die hellsten Teile gut belichtet sind, wie bei Gegenlicht. Schatten anheben (%2) öffnet sie und lässt den Rest unberührt.</translation>
    </message>
    <message>
        <source>Lightness spread σ %1 (L* %2 between the 5th and 95th percentile): the photo is flat. Soft, misty and low-key photos are often flat on purpose, so nothing is changed; &quot;Increase contrast by 20&quot; adds punch.</source>
        <translation>Helligkeitsstreuung σ %1 (L* %2 zwischen dem 5. und 95. Perzentil): das Foto ist flau. Weiche, neblige und dunkel gehaltene Fotos sind oft absichtlich flau, daher wird nichts geändert; „Increase contrast by 20“ gibt mehr Biss.</translation>
    </message>
    <message>
        <source>Lightness spread σ %1 with %2 % clipped and %3 % crushed: harsher than an output can hold. Less contrast (%4) keeps detail at both ends.</source>
        <translation>Helligkeitsstreuung σ %1 mit %2 % abgeschnitten und %3 % abgesoffen: härter, als eine Ausgabe fassen kann. Weniger Kontrast (%4) erhält Zeichnung an beiden Enden.</translation>
    </message>
    <message>
        <source>warm</source>
        <translation>warmer</translation>
    </message>
    <message>
        <source>cool</source>
        <translation>kühler</translation>
    </message>
    <message>
        <source>%1 cast of %2 mired</source>
        <translation>%1 Stich von %2 Mired</translation>
    </message>
    <message>
        <source>, %1 tint of %2</source>
        <translation>, %1 Tönung von %2</translation>
    </message>
    <message>
        <source>green</source>
        <translation>grüne</translation>
    </message>
    <message>
        <source>magenta</source>
        <translation>magentafarbene</translation>
    </message>
    <message>
        <source>Grey-world and grey-edge estimates put the light at %1 K and %2 K (agreement %3 %): a %4. White balance %5 K, tint %6 neutralises most of it.</source>
        <translation>Grauwelt- und Graukanten-Schätzung ergeben Licht von %1 K und %2 K (Übereinstimmung %3 %): ein %4. Weißabgleich %5 K, Tönung %6 neutralisiert das meiste davon.</translation>
    </message>
    <message>
        <source>Mean chroma %1 (95th percentile %2): the colours are muted. Vibrance lifts the muted colours most and spares skin and already vivid ones.</source>
        <translation>Mittlere Buntheit %1 (95. Perzentil %2): die Farben sind gedämpft. Dynamik hebt gedämpfte Farben am stärksten und schont Haut und schon kräftige Farben.</translation>
    </message>
    <message>
        <source>95th-percentile chroma %1 and %2 % outside Rec.2020: the colours are over-saturated and will clip on output. Less saturation brings them back in range.</source>
        <translation>Buntheit am 95. Perzentil %1 und %2 % außerhalb Rec.2020: die Farben sind übersättigt und werden bei der Ausgabe abgeschnitten. Weniger Sättigung bringt sie zurück in den Umfang.</translation>
    </message>
    <message>
        <source>Noise σ %1/255 in luminance and %2/255 in colour, measured in the quietest areas at full resolution: visible grain. Noise reduction smooths it while keeping edges.</source>
        <translation>Rauschen σ %1/255 in der Luminanz und %2/255 in der Farbe, gemessen in den ruhigsten Bereichen bei voller Auflösung: sichtbares Korn. Rauschreduzierung glättet es und erhält Kanten.</translation>
    </message>
    <message>
        <source>Blur measure %1 (a sharp photo stays below 40) in its sharpest area: fine detail is soft. Sharpening (amount %2) restores edge contrast; it cannot invent lost detail.</source>
        <translation>Unschärfemaß %1 (ein scharfes Foto bleibt unter 40) im schärfsten Bereich: feine Details sind weich. Schärfen (Stärke %2) stellt Kantenkontrast wieder her; verlorene Details erfindet es nicht.</translation>
    </message>
    <message>
        <source>Mean dark channel %1 % (haze-free scenes stay near 5 %) with a lightness spread σ of %2: a veil of haze lifts the darks and flattens distant tones. Dehaze (%3) removes it.</source>
        <translation>Mittlerer Dunkelkanal %1 % (dunstfreie Szenen bleiben bei etwa 5 %) bei einer Helligkeitsstreuung σ von %2: ein Dunstschleier hebt die Tiefen an und macht ferne Töne flau. Dunst entfernen (%3) beseitigt ihn.</translation>
    </message>
    <message>
        <source>The dominant near-horizontal line runs at %1° (line confidence %2 %): the horizon is tilted. Straightening by %3° levels it (the edges are cropped slightly).</source>
        <translation>Die vorherrschende, fast waagerechte Linie verläuft mit %1° (Sicherheit %2 %): der Horizont ist schief. Geraderichten um %3° richtet ihn aus (die Ränder werden etwas beschnitten).</translation>
    </message>
    <message>
        <source>The learned model proposed this value (confidence %1 %).</source>
        <translation>Das gelernte Modell hat diesen Wert vorgeschlagen (Sicherheit %1 %).</translation>
    </message>
    <message>
        <source>Score %1/100: well made, nothing needs changing.</source>
        <translation>Bewertung %1/100: gut gemacht, nichts muss geändert werden.</translation>
    </message>
    <message>
        <source>Score %1/100; no change suggested. Noted: %2.</source>
        <translation>Bewertung %1/100; keine Änderung vorgeschlagen. Vermerkt: %2.</translation>
    </message>
    <message>
        <source>Score %1/100, %2 after the suggested edit. Findings: %3.</source>
        <translation>Bewertung %1/100, %2 nach der vorgeschlagenen Bearbeitung. Befunde: %3.</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the listed findings</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>light of the haze veil</source>
        <translation>Licht des Dunstschleiers</translation>
    </message>
    <message>
        <source>The haze veil, neutral in clear air, is tinted: white balance %1 K, tint %2 would make it grey, and the whole photo carries that cast. White balance %3 K, tint %4 neutralises most of it before the veil itself is removed.</source>
        <translation>Der Dunstschleier, in klarer Luft neutral, ist getönt: Weißabgleich %1 K, Tönung %2 würde ihn grau machen, und das ganze Foto trägt diesen Farbstich. Weißabgleich %3 K, Tönung %4 neutralisiert den Großteil davon, bevor der Schleier selbst entfernt wird.</translation>
    </message>
    <message>
        <source>brightening before colours clip</source>
        <translation>Aufhellen, bevor Farben abschneiden</translation>
    </message>
    <message>
        <source>%1 → about %2 stops under by the headroom, %3 by the learned model.</source>
        <translation>%1 → etwa %2 Blendenstufen unterbelichtet nach dem Spielraum zu Weiß, %3 nach dem gelernten Modell.</translation>
    </message>
    <message>
        <source>%1 → about %2 stops under.</source>
        <translation>%1 → etwa %2 Blendenstufen unterbelichtet.</translation>
    </message>
    <message>
        <source>%1 But some colours are so saturated that one of their channels is already near white: brightening would clip them at once. Left as it is; lift the shadows or the mid-tones with a tone curve to make it lighter.</source>
        <translation>%1 Aber einige Farben sind so gesättigt, dass einer ihrer Kanäle schon nahe Weiß liegt: Aufhellen würde sie sofort abschneiden. Unverändert gelassen; hellen Sie die Schatten oder die Mitteltöne mit einer Gradationskurve auf, um es heller zu machen.</translation>
    </message>
    <message>
        <source>%1 Brightening stops at %2 EV: beyond it, saturated colours would reach white in one channel (1 % more of the pixels clipped) before the mid-tones reach mid grey.</source>
        <translation>%1 Das Aufhellen endet bei %2 EV: darüber hinaus erreichten gesättigte Farben in einem Kanal Weiß (1 % mehr der Pixel abgeschnitten), bevor die Mitteltöne Mittelgrau erreichen.</translation>
    </message>
    <message>
        <source>Grey-world and grey-edge estimates put the light at %1 K and %2 K, bluer than any daylight: the blue is the scene&apos;s own (blue hour, dusk, water), not a cast, so it is kept. &quot;Increase temperature by 1000 K&quot; warms it if you want.</source>
        <translation>Grauwelt- und Graukanten-Schätzung setzen das Licht auf %1 K und %2 K, blauer als jedes Tageslicht: Das Blau gehört zur Szene (blaue Stunde, Dämmerung, Wasser), es ist kein Farbstich und bleibt erhalten. „Increase temperature by 1000 K“ wärmt es, wenn Sie möchten.</translation>
    </message>
</context>
<context>
    <name>pictor::ops</name>
    <message>
        <source>Noise reduction</source>
        <translation>Rauschreduzierung</translation>
    </message>
    <message>
        <source>Luminance</source>
        <translation>Luminanz</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Farbtemperatur</translation>
    </message>
    <message>
        <source>Tint</source>
        <translation>Tönung</translation>
    </message>
    <message>
        <source>White balance</source>
        <translation>Weißabgleich</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>Belichtung</translation>
    </message>
    <message>
        <source>Dehaze</source>
        <translation>Dunst entfernen</translation>
    </message>
    <message>
        <source>Tone</source>
        <translation>Tonwerte</translation>
    </message>
    <message>
        <source>Contrast</source>
        <translation>Kontrast</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>Lichter</translation>
    </message>
    <message>
        <source>Shadows</source>
        <translation>Tiefen</translation>
    </message>
    <message>
        <source>Whites</source>
        <translation>Weiß</translation>
    </message>
    <message>
        <source>Blacks</source>
        <translation>Schwarz</translation>
    </message>
    <message>
        <source>Curve</source>
        <translation>Kurve</translation>
    </message>
    <message>
        <source>Tone curve</source>
        <translation>Gradationskurve</translation>
    </message>
    <message>
        <source>Vibrance</source>
        <translation>Dynamik</translation>
    </message>
    <message>
        <source>Saturation</source>
        <translation>Sättigung</translation>
    </message>
    <message>
        <source>HSL</source>
        <translation>HSL</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Rot</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>Orange</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>Gelb</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Grün</translation>
    </message>
    <message>
        <source>Aqua</source>
        <translation>Aquamarin</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>Blau</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>Lila</translation>
    </message>
    <message>
        <source>Magenta</source>
        <translation>Magenta</translation>
    </message>
    <message>
        <source>Clarity</source>
        <translation>Klarheit</translation>
    </message>
    <message>
        <source>Radius</source>
        <translation>Radius</translation>
    </message>
    <message>
        <source>Sharpening</source>
        <translation>Schärfen</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Stärke</translation>
    </message>
    <message>
        <source>Masking</source>
        <translation>Maskieren</translation>
    </message>
    <message>
        <source>Straighten</source>
        <translation>Geraderichten</translation>
    </message>
    <message>
        <source>Angle</source>
        <translation>Winkel</translation>
    </message>
    <message>
        <source>Crop</source>
        <translation>Freistellen</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>Oben</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation>Unten</translation>
    </message>
    <message>
        <source>Midpoint</source>
        <translation>Mittelpunkt</translation>
    </message>
    <message>
        <source>Feather</source>
        <translation>Weiche Kante</translation>
    </message>
    <message>
        <source>Vignette</source>
        <translation>Vignette</translation>
    </message>
</context>
<context>
    <name>pictor::ui::AdjustmentsPanel</name>
    <message>
        <source>Hue · %1</source>
        <translation>Farbton · %1</translation>
    </message>
    <message>
        <source>Saturation · %1</source>
        <translation>Sättigung · %1</translation>
    </message>
    <message>
        <source>Luminance · %1</source>
        <translation>Luminanz · %1</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Reset %1</source>
        <translation>%1 zurücksetzen</translation>
    </message>
    <message>
        <source>Enable %1</source>
        <translation>%1 aktivieren</translation>
    </message>
    <message>
        <source>Disable %1</source>
        <translation>%1 deaktivieren</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>%1 ändern</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Ändern</translation>
    </message>
    <message>
        <source>Curve: straight (edit in the instructions)</source>
        <translation>Kurve: gerade (in den Anweisungen bearbeiten)</translation>
    </message>
    <message numerus="yes">
        <source>Curve: %n point(s)</source>
        <translation>
            <numerusform>Kurve: %n Punkt</numerusform>
            <numerusform>Kurve: %n Punkte</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pictor::ui::CritiquePanel</name>
    <message>
        <source>&lt;b&gt;Auto-enhance&lt;/b&gt; (Ctrl+E): the Critic measures the photo, explains what holds it back and suggests instructions.</source>
        <translation>&lt;b&gt;Automatisch verbessern&lt;/b&gt; (Strg+E): Der Kritiker vermisst das Foto, erklärt, was es zurückhält, und schlägt Anweisungen vor.</translation>
    </message>
    <message>
        <source>Score &lt;span style=&apos;font-size:16pt&apos;&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/span&gt;</source>
        <translation>Bewertung &lt;span style=&apos;font-size:16pt&apos;&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Score &lt;span style=&apos;font-size:16pt&apos;&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/span&gt; → &lt;span style=&apos;font-size:16pt;color:#4caf50&apos;&gt;&lt;b&gt;%2&lt;/b&gt;&lt;/span&gt; after the edit</source>
        <translation>Bewertung &lt;span style=&apos;font-size:16pt&apos;&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/span&gt; → &lt;span style=&apos;font-size:16pt;color:#4caf50&apos;&gt;&lt;b&gt;%2&lt;/b&gt;&lt;/span&gt; nach der Bearbeitung</translation>
    </message>
    <message>
        <source>Nothing to change.</source>
        <translation>Nichts zu ändern.</translation>
    </message>
    <message>
        <source>Auto-enhance</source>
        <translation>Automatisch verbessern</translation>
    </message>
    <message>
        <source>Apply this instruction</source>
        <translation>Diese Anweisung anwenden</translation>
    </message>
    <message>
        <source>Amount: 100 % is the Critic&apos;s suggestion</source>
        <translation>Stärke: 100 % ist der Vorschlag des Kritikers</translation>
    </message>
    <message>
        <source>No change suggested.</source>
        <translation>Keine Änderung vorgeschlagen.</translation>
    </message>
    <message>
        <source>Accept suggestion</source>
        <translation>Vorschlag annehmen</translation>
    </message>
    <message>
        <source>Reject suggestion</source>
        <translation>Vorschlag ablehnen</translation>
    </message>
    <message>
        <source>Edit suggestion</source>
        <translation>Vorschlag bearbeiten</translation>
    </message>
    <message>
        <source>Change suggestion amount</source>
        <translation>Stärke des Vorschlags ändern</translation>
    </message>
</context>
<context>
    <name>pictor::ui::ExportDialog</name>
    <message numerus="yes">
        <source>Export %n photo(s)</source>
        <translation>
            <numerusform>%n Foto exportieren</numerusform>
            <numerusform>%n Fotos exportieren</numerusform>
        </translation>
    </message>
    <message>
        <source>JPEG</source>
        <translation>JPEG</translation>
    </message>
    <message>
        <source>TIFF (16-bit capable)</source>
        <translation>TIFF (16 Bit möglich)</translation>
    </message>
    <message>
        <source>PNG (16-bit capable)</source>
        <translation>PNG (16 Bit möglich)</translation>
    </message>
    <message>
        <source>8 bits per channel</source>
        <translation>8 Bit pro Kanal</translation>
    </message>
    <message>
        <source>16 bits per channel</source>
        <translation>16 Bit pro Kanal</translation>
    </message>
    <message>
        <source>Full size</source>
        <translation>Volle Größe</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Keep all</source>
        <translation>Alle behalten</translation>
    </message>
    <message>
        <source>Remove location (GPS)</source>
        <translation>Ort entfernen (GPS)</translation>
    </message>
    <message>
        <source>Remove all</source>
        <translation>Alle entfernen</translation>
    </message>
    <message>
        <source>{name}: the photo&apos;s name, {n}: its number in the export, {date}: today</source>
        <translation>{name}: Name des Fotos, {n}: seine Nummer im Export, {date}: heute</translation>
    </message>
    <message>
        <source>The photo&apos;s own folder</source>
        <translation>Der Ordner des Fotos</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <source>Colour space</source>
        <translation>Farbraum</translation>
    </message>
    <message>
        <source>Bit depth</source>
        <translation>Bittiefe</translation>
    </message>
    <message>
        <source>Long edge</source>
        <translation>Lange Kante</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadaten</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Dateiname</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>z. B. %1</translation>
    </message>
</context>
<context>
    <name>pictor::ui::HistogramView</name>
    <message>
        <source>Shadows clipped %1 %</source>
        <translation>Tiefen abgeschnitten %1 %</translation>
    </message>
    <message>
        <source>Highlights clipped %1 %</source>
        <translation>Lichter abgeschnitten %1 %</translation>
    </message>
</context>
<context>
    <name>pictor::ui::InstructionEditor</name>
    <message>
        <source>Write instructions, one a line, e.g.
Increase exposure by 0.5 EV
Make it a bit warmer
Lift the shadows a lot</source>
        <translation>Anweisungen schreiben, eine pro Zeile (auf Englisch), z. B.
Increase exposure by 0.5 EV
Make it a bit warmer
Lift the shadows a lot</translation>
    </message>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>Edit instructions</source>
        <translation>Anweisungen bearbeiten</translation>
    </message>
</context>
<context>
    <name>pictor::ui::Language</name>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
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
    <message>
        <source>The preview could not be rendered: %1</source>
        <translation>Die Vorschau konnte nicht entwickelt werden: %1</translation>
    </message>
    <message>
        <source>Rendering cancelled</source>
        <translation>Entwicklung abgebrochen</translation>
    </message>
    <message>
        <source>Zoom %1 %</source>
        <translation>Zoom %1 %</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Reset all edits</source>
        <translation>Alle Bearbeitungen &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Auto-enhance</source>
        <translation>&amp;Automatisch verbessern</translation>
    </message>
    <message>
        <source>The Critic measures the photo, explains what holds it back and suggests an edit</source>
        <translation>Der Kritiker vermisst das Foto, erklärt, was es zurückhält, und schlägt eine Bearbeitung vor</translation>
    </message>
    <message>
        <source>Cancel rendering</source>
        <translation>Entwicklung abbrechen</translation>
    </message>
    <message>
        <source>Zoom to &amp;fit</source>
        <translation>&amp;Einpassen</translation>
    </message>
    <message>
        <source>&amp;100 %</source>
        <translation>&amp;100 %</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>Show &amp;before (toggle)</source>
        <translation>&amp;Vorher zeigen (umschalten)</translation>
    </message>
    <message>
        <source>Before/after &amp;split</source>
        <translation>Vorher/nachher &amp;geteilt</translation>
    </message>
    <message>
        <source>Before/after &amp;side by side</source>
        <translation>Vorher/nachher &amp;nebeneinander</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>Develop</source>
        <translation>Entwickeln</translation>
    </message>
    <message>
        <source>&lt;b&gt;Instructions&lt;/b&gt; — edit freely; sliders follow</source>
        <translation>&lt;b&gt;Anweisungen&lt;/b&gt; — frei bearbeiten; die Regler folgen</translation>
    </message>
    <message>
        <source>Critique</source>
        <translation>Kritik</translation>
    </message>
    <message>
        <source>The Critic is looking at the photo…</source>
        <translation>Der Kritiker sieht sich das Foto an…</translation>
    </message>
    <message>
        <source>The Critic failed: %1</source>
        <translation>Der Kritiker ist gescheitert: %1</translation>
    </message>
    <message>
        <source>Auto-enhance failed: %1</source>
        <translation>Automatisch verbessern ist gescheitert: %1</translation>
    </message>
    <message>
        <source>Photos (%1);;All files (*)</source>
        <translation>Fotos (%1);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Rendered in %1 ms</source>
        <translation>Entwickelt in %1 ms</translation>
    </message>
    <message>
        <source>Reset all edits</source>
        <translation>Alle Bearbeitungen zurücksetzen</translation>
    </message>
    <message>
        <source>The edit could not be saved: %1</source>
        <translation>Die Bearbeitung konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportiere…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation>Export abgebrochen</translation>
    </message>
    <message>
        <source>Export: %1</source>
        <translation>Export: %1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n photo(s)</source>
        <translation>
            <numerusform>%n Foto exportiert</numerusform>
            <numerusform>%n Fotos exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>The saved edit could not be read: %1</source>
        <translation>Die gespeicherte Bearbeitung konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The full-resolution photo could not be read: %1</source>
        <translation>Das Foto in voller Auflösung konnte nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>pictor::ui::ParamControl</name>
    <message>
        <source>Double-click to reset</source>
        <translation>Doppelklick setzt zurück</translation>
    </message>
</context>
<context>
    <name>pictor::ui::PhotoInfo</name>
    <message>
        <source>No photo open</source>
        <translation>Kein Foto geöffnet</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>Lens</source>
        <translation>Objektiv</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>Belichtung</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Aufgenommen</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
</context>
<context>
    <name>pictor::ui::PhotoView</name>
    <message>
        <source>Open a photo (Ctrl+O) or drop one here</source>
        <translation>Ein Foto öffnen (Strg+O) oder hierher ziehen</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
</context>
<context>
    <name>pictor::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>A new language applies when Pictor starts again.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von Pictor.</translation>
    </message>
</context>
</TS>
