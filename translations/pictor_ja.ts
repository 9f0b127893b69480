<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>main</name>
    <message>
        <source>Pictor photo editor</source>
        <translation>Pictor 写真編集ソフト</translation>
    </message>
    <message>
        <source>A photo to open.</source>
        <translation>開く写真。</translation>
    </message>
    <message>
        <source>Open FILE, render it, save a picture of the window to PNG and quit.</source>
        <translation>FILE を開いて描画し、ウィンドウの画像を PNG に保存して終了します。</translation>
    </message>
    <message>
        <source>Benchmark the window: open a generated 24-megapixel JPEG, drag a slider, print the times and quit.</source>
        <translation>ウィンドウのベンチマーク：生成した 2400 万画素の JPEG を開き、スライダーをドラッグし、所要時間を表示して終了します。</translation>
    </message>
    <message>
        <source>--bench-ui: runs; the median is printed.</source>
        <translation>--bench-ui：実行回数。中央値を表示します。</translation>
    </message>
    <message>
        <source>--bench-ui: the photo opens with this recipe (JSON), e.g. tests/reliability/full-recipe.json.</source>
        <translation>--bench-ui: 写真をこのレシピ (JSON) で開きます。例: tests/reliability/full-recipe.json</translation>
    </message>
</context>
<context>
    <name>pictor::critic</name>
    <message>
        <source>The critique was cancelled</source>
        <translation>評価は中止されました</translation>
    </message>
    <message>
        <source>There is no photo to critique</source>
        <translation>評価する写真がありません</translation>
    </message>
    <message>
        <source>The learned model failed (%1); the critique uses the analysis only.</source>
        <translation>学習済みモデルでエラーが発生しました（%1）。評価は解析結果のみに基づきます。</translation>
    </message>
    <message>
        <source>median luminance</source>
        <translation>輝度の中央値</translation>
    </message>
    <message>
        <source>in deep shadow</source>
        <translation>深いシャドウ</translation>
    </message>
    <message>
        <source>clipped</source>
        <translation>白飛び</translation>
    </message>
    <message>
        <source>99th-percentile luminance</source>
        <translation>輝度の 99 パーセンタイル</translation>
    </message>
    <message>
        <source>exposure error</source>
        <translation>露出の誤差</translation>
    </message>
    <message>
        <source>exposure error (learned model)</source>
        <translation>露出の誤差（学習済みモデル）</translation>
    </message>
    <message>
        <source>above L* 90</source>
        <translation>L* 90 超</translation>
    </message>
    <message>
        <source>crushed to black</source>
        <translation>黒つぶれ</translation>
    </message>
    <message>
        <source>mean dark channel</source>
        <translation>ダークチャンネルの平均</translation>
    </message>
    <message>
        <source>1st-percentile L*</source>
        <translation>L* の 1 パーセンタイル</translation>
    </message>
    <message>
        <source>lightness spread (σ of L*)</source>
        <translation>明度のばらつき（L* の σ）</translation>
    </message>
    <message>
        <source>L* range 5–95 %</source>
        <translation>L* の範囲 5–95 %</translation>
    </message>
    <message>
        <source>grey-world light</source>
        <translation>グレーワールド法による光源</translation>
    </message>
    <message>
        <source>grey-edge light</source>
        <translation>グレーエッジ法による光源</translation>
    </message>
    <message>
        <source>cast</source>
        <translation>色かぶり</translation>
    </message>
    <message>
        <source>tint cast</source>
        <translation>色かぶり（グリーン／マゼンタ）</translation>
    </message>
    <message>
        <source>agreement of the estimates</source>
        <translation>推定値の一致度</translation>
    </message>
    <message>
        <source>mean chroma (Oklab)</source>
        <translation>平均クロマ（Oklab）</translation>
    </message>
    <message>
        <source>95th-percentile chroma</source>
        <translation>クロマの 95 パーセンタイル</translation>
    </message>
    <message>
        <source>outside Rec.2020</source>
        <translation>Rec.2020 の色域外</translation>
    </message>
    <message>
        <source>luminance noise σ</source>
        <translation>輝度ノイズ σ</translation>
    </message>
    <message>
        <source>colour noise σ</source>
        <translation>カラーノイズ σ</translation>
    </message>
    <message>
        <source>blur (0 sharp … 100 featureless)</source>
        <translation>ぼけ（0 シャープ … 100 細部なし）</translation>
    </message>
    <message>
        <source>horizon tilt</source>
        <translation>水平線の傾き</translation>
    </message>
    <message>
        <source>line confidence</source>
        <translation>直線の信頼度</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>露出</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>ハイライト</translation>
    </message>
    <message>
        <source>Shadows</source>
        <translation>シャドウ</translation>
    </message>
    <message>
        <source>Contrast</source>
        <translation>コントラスト</translation>
    </message>
    <message>
        <source>White balance</source>
        <translation>ホワイトバランス</translation>
    </message>
    <message>
        <source>Saturation</source>
        <translation>彩度</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>ノイズ</translation>
    </message>
    <message>
        <source>Sharpness</source>
        <translation>シャープネス</translation>
    </message>
    <message>
        <source>Haze</source>
        <translation>かすみ</translation>
    </message>
    <message>
        <source>Tilt</source>
        <translation>傾き</translation>
    </message>
    <message>
        <source>minor</source>
        <translation>軽度</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>中程度</translation>
    </message>
    <message>
        <source>major</source>
        <translation>重度</translation>
    </message>
    <message>
        <source>Median luminance %1 %, %2 % in deep shadow, %3 % clipped</source>
        <translation>輝度の中央値 %1 %、深いシャドウ %2 %、白飛び %3 %</translation>
    </message>
    <message>
        <source>%1 → about %2 stops under by the headroom, %3 by the learned model. Brightening by %4 EV, their weighted mean, brings the mid-tones towards mid grey.</source>
        <translation>%1 → 白までの余裕からは約 %2 段、学習済みモデルからは %3 段の露出不足。両者の加重平均である %4 EV だけ明るくすると、中間調が中間グレーに近づきます。</translation>
    </message>
    <message>
        <source>%1 → about %2 stops over by the headroom, %3 by the learned model. Darkening by %4 EV, their weighted mean, brings the mid-tones back towards mid grey.</source>
        <translation>%1 → 白までの余裕からは約 %2 段、学習済みモデルからは %3 段の露出オーバー。両者の加重平均である %4 EV だけ暗くすると、中間調が中間グレーに戻ります。</translation>
    </message>
    <message>
        <source>%1 → about %2 stops under. Brightening by %3 EV brings the mid-tones towards mid grey and keeps the brightest 1 % below white (the last third of a stop is left to taste).</source>
        <translation>%1 → 約 %2 段の露出不足です。%3 EV 明るくすると中間調が中間グレーに近づき、最も明るい 1 % は白を超えません（最後の 1/3 段はお好みに任せます）。</translation>
    </message>
    <message>
        <source>%1 → about %2 stops over. Darkening by %3 EV brings the mid-tones back towards mid grey without burying the shadows (the last third of a stop is left to taste).</source>
        <translation>%1 → 約 %2 段の露出オーバーです。%3 EV 暗くすると中間調が中間グレーに戻り、シャドウもつぶれません（最後の 1/3 段はお好みに任せます）。</translation>
    </message>
    <message>
        <source>%1 % of the pixels are clipped to white. A rendered file holds no detail there, so no edit can bring it back; the other corrections keep it from growing.</source>
        <translation>ピクセルの %1 % が白飛びしています。現像済みのファイルにはその部分のディテールが残っていないため、どの編集でも復元できません。他の補正で白飛びが広がらないようにしています。</translation>
    </message>
    <message>
        <source>%1 % of the pixels would clip on output. The file holds detail above white, but its brightest 1 % reaches only %2 % of white: too little to pull the highlights down for.</source>
        <translation>出力時にピクセルの %1 % が白飛びします。ファイルには白を超える領域のディテールがありますが、最も明るい 1 % は白の %2 % にとどまり、ハイライトを下げるほどではありません。</translation>
    </message>
    <message>
        <source>%1 % of the pixels would clip on output, but the file holds detail above white: pulling the highlights down (%2) brings it back.</source>
        <translation>出力時にピクセルの %1 % が白飛びしますが、ファイルには白を超える領域のディテールが残っています。ハイライトを下げると（%2）復元できます。</translation>
    </message>
    <message>
        <source>%1 % of the photo is in deep shadow (L* below 15) while its brightest parts are well exposed, as in backlight. Lifting the shadows (%2) opens them up and leaves the rest.</source>
        <translation>写真の %1 % が深いシャドウ（L* 15 未満）にある一方、最も明るい部分は適正露出です（逆光の典型）。シャドウを持ち上げると（%2）暗部が開き、他の部分はそのまま保たれます。</translation>
    </message>
    <message>
        <source>Lightness spread σ %1 (L* %2 between the 5th and 95th percentile): the photo is flat. Soft, misty and low-key photos are often flat on purpose, so nothing is changed; &quot;Increase contrast by 20&quot; adds punch.</source>
        <translation>明度のばらつき σ %1（5〜95 パーセンタイル間の L* %2）：写真は平坦です。柔らかい写真、霧の写真、ローキーの写真は意図して平坦なことが多いため、何も変更しません。メリハリを付けるには「Increase contrast by 20」と入力してください。</translation>
    </message>
    <message>
        <source>Lightness spread σ %1 with %2 % clipped and %3 % crushed: harsher than an output can hold. Less contrast (%4) keeps detail at both ends.</source>
        <translation>明度のばらつき σ %1、白飛び %2 %、黒つぶれ %3 %：出力で表現できる以上に硬調です。コントラストを下げると（%4）明暗両端のディテールが残ります。</translation>
    </message>
    <message>
        <source>warm</source>
        <translation>暖色</translation>
    </message>
    <message>
        <source>cool</source>
        <translation>寒色</translation>
    </message>
    <message>
        <source>%1 cast of %2 mired</source>
        <translation>%2 ミレッドの%1の色かぶり</translation>
    </message>
    <message>
        <source>, %1 tint of %2</source>
        <translation>、%2 の%1かぶり</translation>
    </message>
    <message>
        <source>green</source>
        <translation>グリーン</translation>
    </message>
    <message>
        <source>magenta</source>
        <translation>マゼンタ</translation>
    </message>
    <message>
        <source>Grey-world and grey-edge estimates put the light at %1 K and %2 K (agreement %3 %): a %4. White balance %5 K, tint %6 neutralises most of it.</source>
        <translation>グレーワールド法とグレーエッジ法の推定では光源は %1 K と %2 K です（一致度 %3 %）：%4があります。ホワイトバランスを色温度 %5 K、色かぶり補正 %6 にすると大部分が打ち消されます。</translation>
    </message>
    <message>
        <source>Mean chroma %1 (95th percentile %2): the colours are muted. Vibrance lifts the muted colours most and spares skin and already vivid ones.</source>
        <translation>平均クロマ %1（95 パーセンタイル %2）：色がくすんでいます。自然な彩度はくすんだ色を最も強く持ち上げ、肌色やすでに鮮やかな色は控えめにします。</translation>
    </message>
    <message>
        <source>95th-percentile chroma %1 and %2 % outside Rec.2020: the colours are over-saturated and will clip on output. Less saturation brings them back in range.</source>
        <translation>クロマの 95 パーセンタイルが %1、%2 % が Rec.2020 の色域外：彩度が高すぎて出力時に色飛びします。彩度を下げると色域内に戻ります。</translation>
    </message>
    <message>
        <source>Noise σ %1/255 in luminance and %2/255 in colour, measured in the quietest areas at full resolution: visible grain. Noise reduction smooths it while keeping edges.</source>
        <translation>原寸で最も平坦な領域を測ると、輝度ノイズ σ %1/255、カラーノイズ σ %2/255：粒状感が目に見えます。ノイズ軽減はエッジを保ったまま滑らかにします。</translation>
    </message>
    <message>
        <source>Blur measure %1 (a sharp photo stays below 40) in its sharpest area: fine detail is soft. Sharpening (amount %2) restores edge contrast; it cannot invent lost detail.</source>
        <translation>最もシャープな領域でのぼけ指標 %1（シャープな写真は 40 未満）：細部が甘くなっています。シャープ（適用量 %2）でエッジのコントラストを取り戻せますが、失われたディテールは作り出せません。</translation>
    </message>
    <message>
        <source>Mean dark channel %1 % (haze-free scenes stay near 5 %) with a lightness spread σ of %2: a veil of haze lifts the darks and flattens distant tones. Dehaze (%3) removes it.</source>
        <translation>ダークチャンネルの平均 %1 %（かすみのないシーンは 5 % 前後）、明度のばらつき σ %2：かすみが暗部を浮かせ、遠景の階調を平坦にしています。かすみの除去（%3）で取り除けます。</translation>
    </message>
    <message>
        <source>The dominant near-horizontal line runs at %1° (line confidence %2 %): the horizon is tilted. Straightening by %3° levels it (the edges are cropped slightly).</source>
        <translation>ほぼ水平な主要な直線が %1° 傾いています（直線の信頼度 %2 %）：水平線が傾いています。%3° の角度補正で水平になります（周囲がわずかに切り抜かれます）。</translation>
    </message>
    <message>
        <source>The learned model proposed this value (confidence %1 %).</source>
        <translation>この値は学習済みモデルの提案です（信頼度 %1 %）。</translation>
    </message>
    <message>
        <source>Score %1/100: well made, nothing needs changing.</source>
        <translation>スコア %1/100：よく撮れています。変更の必要はありません。</translation>
    </message>
    <message>
        <source>Score %1/100; no change suggested. Noted: %2.</source>
        <translation>スコア %1/100。変更の提案はありません。指摘事項：%2。</translation>
    </message>
    <message>
        <source>Score %1/100, %2 after the suggested edit. Findings: %3.</source>
        <translation>スコア %1/100、提案した編集の後は %2。指摘事項：%3。</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the listed findings</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>light of the haze veil</source>
        <translation>もやのベールの光</translation>
    </message>
    <message>
        <source>The haze veil, neutral in clear air, is tinted: white balance %1 K, tint %2 would make it grey, and the whole photo carries that cast. White balance %3 K, tint %4 neutralises most of it before the veil itself is removed.</source>
        <translation>澄んだ空気では無彩色のはずのもやのベールに色が付いています。ホワイトバランス %1 K、色かぶり補正 %2 でグレーになり、写真全体にその色かぶりがあります。ホワイトバランス %3 K、色かぶり補正 %4 でその大部分を中和してから、ベールそのものを取り除きます。</translation>
    </message>
    <message>
        <source>brightening before colours clip</source>
        <translation>色が白飛びするまでの明るさの余裕</translation>
    </message>
    <message>
        <source>%1 → about %2 stops under by the headroom, %3 by the learned model.</source>
        <translation>%1 → 白までの余裕からは約 %2 段、学習済みモデルからは %3 段の露出不足。</translation>
    </message>
    <message>
        <source>%1 → about %2 stops under.</source>
        <translation>%1 → 約 %2 段の露出不足。</translation>
    </message>
    <message>
        <source>%1 But some colours are so saturated that one of their channels is already near white: brightening would clip them at once. Left as it is; lift the shadows or the mid-tones with a tone curve to make it lighter.</source>
        <translation>%1 ただし、一部の色は彩度が高く、そのチャンネルの一つがすでに白に近いため、明るくするとすぐに白飛びします。このままにします。明るくしたい場合は、シャドウを持ち上げるか、トーンカーブで中間調を持ち上げてください。</translation>
    </message>
    <message>
        <source>%1 Brightening stops at %2 EV: beyond it, saturated colours would reach white in one channel (1 % more of the pixels clipped) before the mid-tones reach mid grey.</source>
        <translation>%1 明るさの補正は %2 EV までにとどめます。それ以上では、中間調が中間グレーに届く前に、彩度の高い色が一つのチャンネルで白に達します（白飛びする画素が 1 % 増えます）。</translation>
    </message>
    <message>
        <source>Grey-world and grey-edge estimates put the light at %1 K and %2 K, bluer than any daylight: the blue is the scene&apos;s own (blue hour, dusk, water), not a cast, so it is kept. &quot;Increase temperature by 1000 K&quot; warms it if you want.</source>
        <translation>グレーワールド推定とグレーエッジ推定では光は %1 K と %2 K で、どの昼光よりも青い値です。この青は色かぶりではなくシーンそのもの（ブルーアワー、夕暮れ、水）の色なので、そのまま残します。暖かくしたい場合は「Increase temperature by 1000 K」と入力してください。</translation>
    </message>
</context>
<context>
    <name>pictor::ops</name>
    <message>
        <source>Noise reduction</source>
        <translation>ノイズ軽減</translation>
    </message>
    <message>
        <source>Luminance</source>
        <translation>輝度</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>カラー</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>色温度</translation>
    </message>
    <message>
        <source>Tint</source>
        <translation>色かぶり補正</translation>
    </message>
    <message>
        <source>White balance</source>
        <translation>ホワイトバランス</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>露光量</translation>
    </message>
    <message>
        <source>Dehaze</source>
        <translation>かすみの除去</translation>
    </message>
    <message>
        <source>Tone</source>
        <translation>トーン</translation>
    </message>
    <message>
        <source>Contrast</source>
        <translation>コントラスト</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>ハイライト</translation>
    </message>
    <message>
        <source>Shadows</source>
        <translation>シャドウ</translation>
    </message>
    <message>
        <source>Whites</source>
        <translation>白レベル</translation>
    </message>
    <message>
        <source>Blacks</source>
        <translation>黒レベル</translation>
    </message>
    <message>
        <source>Curve</source>
        <translation>カーブ</translation>
    </message>
    <message>
        <source>Tone curve</source>
        <translation>トーンカーブ</translation>
    </message>
    <message>
        <source>Vibrance</source>
        <translation>自然な彩度</translation>
    </message>
    <message>
        <source>Saturation</source>
        <translation>彩度</translation>
    </message>
    <message>
        <source>HSL</source>
        <translation>HSL</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>レッド</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>オレンジ</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>イエロー</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>グリーン</translation>
    </message>
    <message>
        <source>Aqua</source>
        <translation>アクア</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>ブルー</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>パープル</translation>
    </message>
    <message>
        <source>Magenta</source>
        <translation>マゼンタ</translation>
    </message>
    <message>
        <source>Clarity</source>
        <translation>明瞭度</translation>
    </message>
    <message>
        <source>Radius</source>
        <translation>半径</translation>
    </message>
    <message>
        <source>Sharpening</source>
        <translation>シャープ</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>適用量</translation>
    </message>
    <message>
        <source>Masking</source>
        <translation>マスク</translation>
    </message>
    <message>
        <source>Straighten</source>
        <translation>角度補正</translation>
    </message>
    <message>
        <source>Angle</source>
        <translation>角度</translation>
    </message>
    <message>
        <source>Crop</source>
        <translation>切り抜き</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>左</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>上</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>右</translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation>下</translation>
    </message>
    <message>
        <source>Midpoint</source>
        <translation>中心点</translation>
    </message>
    <message>
        <source>Feather</source>
        <translation>ぼかし</translation>
    </message>
    <message>
        <source>Vignette</source>
        <translation>周辺光量補正</translation>
    </message>
</context>
<context>
    <name>pictor::ui::AdjustmentsPanel</name>
    <message>
        <source>Hue · %1</source>
        <translation>色相 · %1</translation>
    </message>
    <message>
        <source>Saturation · %1</source>
        <translation>彩度 · %1</translation>
    </message>
    <message>
        <source>Luminance · %1</source>
        <translation>輝度 · %1</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>リセット</translation>
    </message>
    <message>
        <source>Reset %1</source>
        <translation>%1 をリセット</translation>
    </message>
    <message>
        <source>Enable %1</source>
        <translation>%1 を有効化</translation>
    </message>
    <message>
        <source>Disable %1</source>
        <translation>%1 を無効化</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>%1 を変更</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>変更</translation>
    </message>
    <message>
        <source>Curve: straight (edit in the instructions)</source>
        <translation>カーブ：直線（指示で編集できます）</translation>
    </message>
    <message numerus="yes">
        <source>Curve: %n point(s)</source>
        <translation>
            <numerusform>カーブ：%n ポイント</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pictor::ui::CritiquePanel</name>
    <message>
        <source>&lt;b&gt;Auto-enhance&lt;/b&gt; (Ctrl+E): the Critic measures the photo, explains what holds it back and suggests instructions.</source>
        <translation>&lt;b&gt;自動補正&lt;/b&gt;（Ctrl+E）：クリティックが写真を測定し、問題点を説明して、指示を提案します。</translation>
    </message>
    <message>
        <source>Score &lt;span style=&apos;font-size:16pt&apos;&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/span&gt;</source>
        <translation>スコア &lt;span style=&apos;font-size:16pt&apos;&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Score &lt;span style=&apos;font-size:16pt&apos;&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/span&gt; → &lt;span style=&apos;font-size:16pt;color:#4caf50&apos;&gt;&lt;b&gt;%2&lt;/b&gt;&lt;/span&gt; after the edit</source>
        <translation>スコア &lt;span style=&apos;font-size:16pt&apos;&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/span&gt; → 編集後 &lt;span style=&apos;font-size:16pt;color:#4caf50&apos;&gt;&lt;b&gt;%2&lt;/b&gt;&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Nothing to change.</source>
        <translation>変更する点はありません。</translation>
    </message>
    <message>
        <source>Auto-enhance</source>
        <translation>自動補正</translation>
    </message>
    <message>
        <source>Apply this instruction</source>
        <translation>この指示を適用</translation>
    </message>
    <message>
        <source>Amount: 100 % is the Critic&apos;s suggestion</source>
        <translation>適用量：100 % がクリティックの提案値です</translation>
    </message>
    <message>
        <source>No change suggested.</source>
        <translation>変更の提案はありません。</translation>
    </message>
    <message>
        <source>Accept suggestion</source>
        <translation>提案を採用</translation>
    </message>
    <message>
        <source>Reject suggestion</source>
        <translation>提案を却下</translation>
    </message>
    <message>
        <source>Edit suggestion</source>
        <translation>提案を編集</translation>
    </message>
    <message>
        <source>Change suggestion amount</source>
        <translation>提案の適用量を変更</translation>
    </message>
</context>
<context>
    <name>pictor::ui::ExportDialog</name>
    <message numerus="yes">
        <source>Export %n photo(s)</source>
        <translation>
            <numerusform>%n 枚の写真を書き出し</numerusform>
        </translation>
    </message>
    <message>
        <source>JPEG</source>
        <translation>JPEG</translation>
    </message>
    <message>
        <source>TIFF (16-bit capable)</source>
        <translation>TIFF（16 ビット対応）</translation>
    </message>
    <message>
        <source>PNG (16-bit capable)</source>
        <translation>PNG（16 ビット対応）</translation>
    </message>
    <message>
        <source>8 bits per channel</source>
        <translation>8 ビット／チャンネル</translation>
    </message>
    <message>
        <source>16 bits per channel</source>
        <translation>16 ビット／チャンネル</translation>
    </message>
    <message>
        <source>Full size</source>
        <translation>フルサイズ</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Keep all</source>
        <translation>すべて残す</translation>
    </message>
    <message>
        <source>Remove location (GPS)</source>
        <translation>位置情報（GPS）を削除</translation>
    </message>
    <message>
        <source>Remove all</source>
        <translation>すべて削除</translation>
    </message>
    <message>
        <source>{name}: the photo&apos;s name, {n}: its number in the export, {date}: today</source>
        <translation>{name}：写真の名前、{n}：書き出し内の番号、{date}：今日の日付</translation>
    </message>
    <message>
        <source>The photo&apos;s own folder</source>
        <translation>写真のフォルダー</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>画質</translation>
    </message>
    <message>
        <source>Colour space</source>
        <translation>カラースペース</translation>
    </message>
    <message>
        <source>Bit depth</source>
        <translation>ビット数</translation>
    </message>
    <message>
        <source>Long edge</source>
        <translation>長辺</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>メタデータ</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>ファイル名</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>書き出し先</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>書き出し</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>書き出し先を選択</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>例：%1</translation>
    </message>
</context>
<context>
    <name>pictor::ui::HistogramView</name>
    <message>
        <source>Shadows clipped %1 %</source>
        <translation>シャドウのクリップ %1 %</translation>
    </message>
    <message>
        <source>Highlights clipped %1 %</source>
        <translation>ハイライトのクリップ %1 %</translation>
    </message>
</context>
<context>
    <name>pictor::ui::InstructionEditor</name>
    <message>
        <source>Write instructions, one a line, e.g.
Increase exposure by 0.5 EV
Make it a bit warmer
Lift the shadows a lot</source>
        <translation>指示を 1 行に 1 つずつ英語で書きます。例：
Increase exposure by 0.5 EV
Make it a bit warmer
Lift the shadows a lot</translation>
    </message>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>%1 行 %2 列：%3</translation>
    </message>
    <message>
        <source>Edit instructions</source>
        <translation>指示を編集</translation>
    </message>
</context>
<context>
    <name>pictor::ui::Language</name>
    <message>
        <source>System default</source>
        <translation>システムの設定</translation>
    </message>
</context>
<context>
    <name>pictor::ui::MainWindow</name>
    <message>
        <source>Pictor</source>
        <translation>Pictor</translation>
    </message>
    <message>
        <source>Compute: %1</source>
        <translation>演算：%1</translation>
    </message>
    <message>
        <source>The preview could not be rendered: %1</source>
        <translation>プレビューを描画できませんでした：%1</translation>
    </message>
    <message>
        <source>Rendering cancelled</source>
        <translation>描画を中止しました</translation>
    </message>
    <message>
        <source>Zoom %1 %</source>
        <translation>ズーム %1 %</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>書き出し(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Reset all edits</source>
        <translation>すべての編集をリセット(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Auto-enhance</source>
        <translation>自動補正(&amp;A)</translation>
    </message>
    <message>
        <source>The Critic measures the photo, explains what holds it back and suggests an edit</source>
        <translation>クリティックが写真を測定し、問題点を説明して、編集を提案します</translation>
    </message>
    <message>
        <source>Cancel rendering</source>
        <translation>描画を中止</translation>
    </message>
    <message>
        <source>Zoom to &amp;fit</source>
        <translation>全体表示(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;100 %</source>
        <translation>&amp;100 %</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>ズームイン(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>ズームアウト(&amp;O)</translation>
    </message>
    <message>
        <source>Show &amp;before (toggle)</source>
        <translation>補正前の表示を切り替え(&amp;B)</translation>
    </message>
    <message>
        <source>Before/after &amp;split</source>
        <translation>補正前／補正後を分割表示(&amp;S)</translation>
    </message>
    <message>
        <source>Before/after &amp;side by side</source>
        <translation>補正前／補正後を左右に並べて表示(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近使用したファイル(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>環境設定(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>メイン</translation>
    </message>
    <message>
        <source>Develop</source>
        <translation>現像</translation>
    </message>
    <message>
        <source>&lt;b&gt;Instructions&lt;/b&gt; — edit freely; sliders follow</source>
        <translation>&lt;b&gt;指示&lt;/b&gt; — 自由に編集でき、スライダーが連動します</translation>
    </message>
    <message>
        <source>Critique</source>
        <translation>評価</translation>
    </message>
    <message>
        <source>The Critic is looking at the photo…</source>
        <translation>クリティックが写真を評価しています…</translation>
    </message>
    <message>
        <source>The Critic failed: %1</source>
        <translation>クリティックでエラーが発生しました：%1</translation>
    </message>
    <message>
        <source>Auto-enhance failed: %1</source>
        <translation>自動補正に失敗しました：%1</translation>
    </message>
    <message>
        <source>Open photo</source>
        <translation>写真を開く</translation>
    </message>
    <message>
        <source>Photos (%1);;All files (*)</source>
        <translation>写真 (%1);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 を開いています…</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>%1 を開けませんでした</translation>
    </message>
    <message>
        <source>%1 — Pictor</source>
        <translation>%1 — Pictor</translation>
    </message>
    <message>
        <source>Rendered in %1 ms</source>
        <translation>描画時間 %1 ms</translation>
    </message>
    <message>
        <source>Reset all edits</source>
        <translation>すべての編集をリセット</translation>
    </message>
    <message>
        <source>The edit could not be saved: %1</source>
        <translation>編集内容を保存できませんでした：%1</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>書き出し中…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation>書き出しを中止しました</translation>
    </message>
    <message>
        <source>Export: %1</source>
        <translation>書き出し：%1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n photo(s)</source>
        <translation>
            <numerusform>%n 枚の写真を書き出しました</numerusform>
        </translation>
    </message>
    <message>
        <source>The saved edit could not be read: %1</source>
        <translation>保存された編集内容を読み込めませんでした：%1</translation>
    </message>
    <message>
        <source>The full-resolution photo could not be read: %1</source>
        <translation>フル解像度の写真を読み込めませんでした：%1</translation>
    </message>
</context>
<context>
    <name>pictor::ui::ParamControl</name>
    <message>
        <source>Double-click to reset</source>
        <translation>ダブルクリックでリセット</translation>
    </message>
</context>
<context>
    <name>pictor::ui::PhotoInfo</name>
    <message>
        <source>No photo open</source>
        <translation>写真が開かれていません</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>カメラ</translation>
    </message>
    <message>
        <source>Lens</source>
        <translation>レンズ</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>露出</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>撮影日時</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>画像</translation>
    </message>
</context>
<context>
    <name>pictor::ui::PhotoView</name>
    <message>
        <source>Open a photo (Ctrl+O) or drop one here</source>
        <translation>写真を開く（Ctrl+O）か、ここにドロップしてください</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>補正前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>補正後</translation>
    </message>
</context>
<context>
    <name>pictor::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>環境設定</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>A new language applies when Pictor starts again.</source>
        <translation>新しい言語は Pictor の次回起動時に適用されます。</translation>
    </message>
</context>
</TS>
