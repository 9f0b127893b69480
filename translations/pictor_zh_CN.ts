<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>main</name>
    <message>
        <source>Pictor photo editor</source>
        <translation>Pictor 照片编辑器</translation>
    </message>
    <message>
        <source>A photo to open.</source>
        <translation>要打开的照片。</translation>
    </message>
    <message>
        <source>Open FILE, render it, save a picture of the window to PNG and quit.</source>
        <translation>打开 FILE 并渲染，将窗口截图保存为 PNG 后退出。</translation>
    </message>
    <message>
        <source>Benchmark the window: open a generated 24-megapixel JPEG, drag a slider, print the times and quit.</source>
        <translation>窗口基准测试：打开生成的 2400 万像素 JPEG，拖动滑块，输出耗时后退出。</translation>
    </message>
    <message>
        <source>--bench-ui: runs; the median is printed.</source>
        <translation>--bench-ui：运行次数；输出中位数。</translation>
    </message>
    <message>
        <source>--bench-ui: the photo opens with this recipe (JSON), e.g. tests/reliability/full-recipe.json.</source>
        <translation>--bench-ui：以此配方（JSON）打开照片，例如 tests/reliability/full-recipe.json。</translation>
    </message>
</context>
<context>
    <name>pictor::critic</name>
    <message>
        <source>The critique was cancelled</source>
        <translation>评估已取消</translation>
    </message>
    <message>
        <source>There is no photo to critique</source>
        <translation>没有可评估的照片</translation>
    </message>
    <message>
        <source>The learned model failed (%1); the critique uses the analysis only.</source>
        <translation>学习模型出错（%1）；评估仅基于分析结果。</translation>
    </message>
    <message>
        <source>median luminance</source>
        <translation>亮度中位数</translation>
    </message>
    <message>
        <source>in deep shadow</source>
        <translation>处于深阴影</translation>
    </message>
    <message>
        <source>clipped</source>
        <translation>高光溢出</translation>
    </message>
    <message>
        <source>99th-percentile luminance</source>
        <translation>第 99 百分位亮度</translation>
    </message>
    <message>
        <source>exposure error</source>
        <translation>曝光误差</translation>
    </message>
    <message>
        <source>exposure error (learned model)</source>
        <translation>曝光误差（学习模型）</translation>
    </message>
    <message>
        <source>above L* 90</source>
        <translation>L* 高于 90</translation>
    </message>
    <message>
        <source>crushed to black</source>
        <translation>暗部死黑</translation>
    </message>
    <message>
        <source>mean dark channel</source>
        <translation>暗通道均值</translation>
    </message>
    <message>
        <source>1st-percentile L*</source>
        <translation>第 1 百分位 L*</translation>
    </message>
    <message>
        <source>lightness spread (σ of L*)</source>
        <translation>明度离散度（L* 的 σ）</translation>
    </message>
    <message>
        <source>L* range 5–95 %</source>
        <translation>L* 范围 5–95 %</translation>
    </message>
    <message>
        <source>grey-world light</source>
        <translation>灰度世界法光源</translation>
    </message>
    <message>
        <source>grey-edge light</source>
        <translation>灰度边缘法光源</translation>
    </message>
    <message>
        <source>cast</source>
        <translation>偏色</translation>
    </message>
    <message>
        <source>tint cast</source>
        <translation>色调偏移</translation>
    </message>
    <message>
        <source>agreement of the estimates</source>
        <translation>估计值一致度</translation>
    </message>
    <message>
        <source>mean chroma (Oklab)</source>
        <translation>平均色度（Oklab）</translation>
    </message>
    <message>
        <source>95th-percentile chroma</source>
        <translation>第 95 百分位色度</translation>
    </message>
    <message>
        <source>outside Rec.2020</source>
        <translation>超出 Rec.2020 色域</translation>
    </message>
    <message>
        <source>luminance noise σ</source>
        <translation>明亮度杂色 σ</translation>
    </message>
    <message>
        <source>colour noise σ</source>
        <translation>颜色杂色 σ</translation>
    </message>
    <message>
        <source>blur (0 sharp … 100 featureless)</source>
        <translation>模糊度（0 清晰 … 100 无细节）</translation>
    </message>
    <message>
        <source>horizon tilt</source>
        <translation>地平线倾斜</translation>
    </message>
    <message>
        <source>line confidence</source>
        <translation>直线置信度</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>曝光</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>高光</translation>
    </message>
    <message>
        <source>Shadows</source>
        <translation>阴影</translation>
    </message>
    <message>
        <source>Contrast</source>
        <translation>对比度</translation>
    </message>
    <message>
        <source>White balance</source>
        <translation>白平衡</translation>
    </message>
    <message>
        <source>Saturation</source>
        <translation>饱和度</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>杂色</translation>
    </message>
    <message>
        <source>Sharpness</source>
        <translation>锐度</translation>
    </message>
    <message>
        <source>Haze</source>
        <translation>朦胧</translation>
    </message>
    <message>
        <source>Tilt</source>
        <translation>倾斜</translation>
    </message>
    <message>
        <source>minor</source>
        <translation>轻微</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>中等</translation>
    </message>
    <message>
        <source>major</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Median luminance %1 %, %2 % in deep shadow, %3 % clipped</source>
        <translation>亮度中位数 %1 %，%2 % 处于深阴影，%3 % 高光溢出</translation>
    </message>
    <message>
        <source>%1 → about %2 stops under by the headroom, %3 by the learned model. Brightening by %4 EV, their weighted mean, brings the mid-tones towards mid grey.</source>
        <translation>%1 → 按高光余量约欠曝 %2 档，按学习模型约 %3 档。按两者的加权平均提亮 %4 EV，使中间调接近中灰。</translation>
    </message>
    <message>
        <source>%1 → about %2 stops over by the headroom, %3 by the learned model. Darkening by %4 EV, their weighted mean, brings the mid-tones back towards mid grey.</source>
        <translation>%1 → 按高光余量约过曝 %2 档，按学习模型约 %3 档。按两者的加权平均压暗 %4 EV，使中间调回到中灰附近。</translation>
    </message>
    <message>
        <source>%1 → about %2 stops under. Brightening by %3 EV brings the mid-tones towards mid grey and keeps the brightest 1 % below white (the last third of a stop is left to taste).</source>
        <translation>%1 → 欠曝约 %2 档。提亮 %3 EV 可让中间调接近中灰，同时最亮的 1 % 不超过纯白（最后 1/3 档留给个人喜好）。</translation>
    </message>
    <message>
        <source>%1 → about %2 stops over. Darkening by %3 EV brings the mid-tones back towards mid grey without burying the shadows (the last third of a stop is left to taste).</source>
        <translation>%1 → 过曝约 %2 档。压暗 %3 EV 可让中间调回到中灰附近，且不会吞没阴影（最后 1/3 档留给个人喜好）。</translation>
    </message>
    <message>
        <source>%1 % of the pixels are clipped to white. A rendered file holds no detail there, so no edit can bring it back; the other corrections keep it from growing.</source>
        <translation>%1 % 的像素已溢出为纯白。已渲染的文件在这些区域没有细节，任何编辑都无法恢复；其他校正会避免溢出范围扩大。</translation>
    </message>
    <message>
        <source>%1 % of the pixels would clip on output. The file holds detail above white, but its brightest 1 % reaches only %2 % of white: too little to pull the highlights down for.</source>
        <translation>输出时 %1 % 的像素会被裁切。文件在白色以上仍有细节，但最亮的 1 % 仅达到白色的 %2 %：不值得为此压低高光。</translation>
    </message>
    <message>
        <source>%1 % of the pixels would clip on output, but the file holds detail above white: pulling the highlights down (%2) brings it back.</source>
        <translation>%1 % 的像素在输出时会溢出，但文件保留了白点以上的细节：降低高光（%2）即可恢复。</translation>
    </message>
    <message>
        <source>%1 % of the photo is in deep shadow (L* below 15) while its brightest parts are well exposed, as in backlight. Lifting the shadows (%2) opens them up and leaves the rest.</source>
        <translation>照片有 %1 % 处于深阴影（L* 低于 15），而最亮的部分曝光正常，类似逆光。提亮阴影（%2）可打开暗部，其余部分保持不变。</translation>
    </message>
    <message>
        <source>Lightness spread σ %1 (L* %2 between the 5th and 95th percentile): the photo is flat. Soft, misty and low-key photos are often flat on purpose, so nothing is changed; &quot;Increase contrast by 20&quot; adds punch.</source>
        <translation>明度离散 σ %1（第 5 至第 95 百分位之间 L* %2）：照片偏平淡。柔和、有雾和低调的照片常常是有意平淡的，因此不做更改；输入“Increase contrast by 20”可增强层次。</translation>
    </message>
    <message>
        <source>Lightness spread σ %1 with %2 % clipped and %3 % crushed: harsher than an output can hold. Less contrast (%4) keeps detail at both ends.</source>
        <translation>明度离散度 σ %1，%2 % 高光溢出，%3 % 暗部死黑：反差超出输出所能容纳的范围。降低对比度（%4）可保留两端的细节。</translation>
    </message>
    <message>
        <source>warm</source>
        <translation>暖</translation>
    </message>
    <message>
        <source>cool</source>
        <translation>冷</translation>
    </message>
    <message>
        <source>%1 cast of %2 mired</source>
        <translation>%1色偏 %2 迈尔德</translation>
    </message>
    <message>
        <source>, %1 tint of %2</source>
        <translation>，%1色调偏移 %2</translation>
    </message>
    <message>
        <source>green</source>
        <translation>绿</translation>
    </message>
    <message>
        <source>magenta</source>
        <translation>洋红</translation>
    </message>
    <message>
        <source>Grey-world and grey-edge estimates put the light at %1 K and %2 K (agreement %3 %): a %4. White balance %5 K, tint %6 neutralises most of it.</source>
        <translation>灰度世界法与灰度边缘法估计光源为 %1 K 和 %2 K（一致度 %3 %）：存在%4。将白平衡设为色温 %5 K、色调 %6 可中和大部分偏色。</translation>
    </message>
    <message>
        <source>Mean chroma %1 (95th percentile %2): the colours are muted. Vibrance lifts the muted colours most and spares skin and already vivid ones.</source>
        <translation>平均色度 %1（第 95 百分位 %2）：色彩偏淡。自然饱和度会着重提升暗淡的颜色，并保护肤色和已经鲜艳的颜色。</translation>
    </message>
    <message>
        <source>95th-percentile chroma %1 and %2 % outside Rec.2020: the colours are over-saturated and will clip on output. Less saturation brings them back in range.</source>
        <translation>第 95 百分位色度 %1，%2 % 超出 Rec.2020：颜色过饱和，输出时会溢出。降低饱和度可使其回到色域内。</translation>
    </message>
    <message>
        <source>Noise σ %1/255 in luminance and %2/255 in colour, measured in the quietest areas at full resolution: visible grain. Noise reduction smooths it while keeping edges.</source>
        <translation>在全分辨率下最平坦的区域测得明亮度杂色 σ %1/255、颜色杂色 σ %2/255：颗粒清晰可见。降噪可在保留边缘的同时使其平滑。</translation>
    </message>
    <message>
        <source>Blur measure %1 (a sharp photo stays below 40) in its sharpest area: fine detail is soft. Sharpening (amount %2) restores edge contrast; it cannot invent lost detail.</source>
        <translation>最清晰区域的模糊度为 %1（清晰的照片低于 40）：细节发软。锐化（数量 %2）可恢复边缘反差，但无法凭空补回丢失的细节。</translation>
    </message>
    <message>
        <source>Mean dark channel %1 % (haze-free scenes stay near 5 %) with a lightness spread σ of %2: a veil of haze lifts the darks and flattens distant tones. Dehaze (%3) removes it.</source>
        <translation>暗通道均值 %1 %（无雾场景约为 5 %），明度离散度 σ 为 %2：一层朦胧抬高了暗部，使远景影调发平。去朦胧（%3）可将其去除。</translation>
    </message>
    <message>
        <source>The dominant near-horizontal line runs at %1° (line confidence %2 %): the horizon is tilted. Straightening by %3° levels it (the edges are cropped slightly).</source>
        <translation>主要的近水平直线倾斜 %1°（直线置信度 %2 %）：地平线歪了。拉直 %3° 即可使其水平（边缘会略被裁剪）。</translation>
    </message>
    <message>
        <source>The learned model proposed this value (confidence %1 %).</source>
        <translation>此数值由学习模型提出（置信度 %1 %）。</translation>
    </message>
    <message>
        <source>Score %1/100: well made, nothing needs changing.</source>
        <translation>评分 %1/100：拍得很好，无需修改。</translation>
    </message>
    <message>
        <source>Score %1/100; no change suggested. Noted: %2.</source>
        <translation>评分 %1/100；不建议更改。备注：%2。</translation>
    </message>
    <message>
        <source>Score %1/100, %2 after the suggested edit. Findings: %3.</source>
        <translation>评分 %1/100，按建议编辑后为 %2。发现的问题：%3。</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the listed findings</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>light of the haze veil</source>
        <translation>雾霭的光色</translation>
    </message>
    <message>
        <source>The haze veil, neutral in clear air, is tinted: white balance %1 K, tint %2 would make it grey, and the whole photo carries that cast. White balance %3 K, tint %4 neutralises most of it before the veil itself is removed.</source>
        <translation>雾霭在洁净的空气中本应是中性色，这里却带有颜色：白平衡 %1 K、色调 %2 才能使其变灰，整张照片都带有这种偏色。白平衡 %3 K、色调 %4 先中和其大部分，然后再去除雾霭本身。</translation>
    </message>
    <message>
        <source>brightening before colours clip</source>
        <translation>颜色溢出前可提亮的余量</translation>
    </message>
    <message>
        <source>%1 → about %2 stops under by the headroom, %3 by the learned model.</source>
        <translation>%1 → 按高光余量约欠曝 %2 档，按学习模型约 %3 档。</translation>
    </message>
    <message>
        <source>%1 → about %2 stops under.</source>
        <translation>%1 → 约欠曝 %2 档。</translation>
    </message>
    <message>
        <source>%1 But some colours are so saturated that one of their channels is already near white: brightening would clip them at once. Left as it is; lift the shadows or the mid-tones with a tone curve to make it lighter.</source>
        <translation>%1 但部分颜色饱和度很高，其某个通道已接近白色：提亮会立即使其溢出。保持原样；如需更亮，请提亮阴影，或用色调曲线提亮中间调。</translation>
    </message>
    <message>
        <source>%1 Brightening stops at %2 EV: beyond it, saturated colours would reach white in one channel (1 % more of the pixels clipped) before the mid-tones reach mid grey.</source>
        <translation>%1 提亮止于 %2 EV：超过此值，在中间调达到中灰之前，高饱和颜色会在某个通道中达到白色（溢出的像素增加 1 %）。</translation>
    </message>
    <message>
        <source>Grey-world and grey-edge estimates put the light at %1 K and %2 K, bluer than any daylight: the blue is the scene&apos;s own (blue hour, dusk, water), not a cast, so it is kept. &quot;Increase temperature by 1000 K&quot; warms it if you want.</source>
        <translation>灰度世界和灰边估计得出的光源为 %1 K 和 %2 K，比任何日光都蓝：这种蓝色属于场景本身（蓝调时刻、黄昏、水面），不是偏色，因此保留。如需变暖，请输入“Increase temperature by 1000 K”。</translation>
    </message>
</context>
<context>
    <name>pictor::ops</name>
    <message>
        <source>Noise reduction</source>
        <translation>降噪</translation>
    </message>
    <message>
        <source>Luminance</source>
        <translation>明亮度</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>色温</translation>
    </message>
    <message>
        <source>Tint</source>
        <translation>色调</translation>
    </message>
    <message>
        <source>White balance</source>
        <translation>白平衡</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>曝光度</translation>
    </message>
    <message>
        <source>Dehaze</source>
        <translation>去朦胧</translation>
    </message>
    <message>
        <source>Tone</source>
        <translation>影调</translation>
    </message>
    <message>
        <source>Contrast</source>
        <translation>对比度</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>高光</translation>
    </message>
    <message>
        <source>Shadows</source>
        <translation>阴影</translation>
    </message>
    <message>
        <source>Whites</source>
        <translation>白色色阶</translation>
    </message>
    <message>
        <source>Blacks</source>
        <translation>黑色色阶</translation>
    </message>
    <message>
        <source>Curve</source>
        <translation>曲线</translation>
    </message>
    <message>
        <source>Tone curve</source>
        <translation>色调曲线</translation>
    </message>
    <message>
        <source>Vibrance</source>
        <translation>自然饱和度</translation>
    </message>
    <message>
        <source>Saturation</source>
        <translation>饱和度</translation>
    </message>
    <message>
        <source>HSL</source>
        <translation>HSL</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>红色</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <source>Aqua</source>
        <translation>浅绿色</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>紫色</translation>
    </message>
    <message>
        <source>Magenta</source>
        <translation>洋红</translation>
    </message>
    <message>
        <source>Clarity</source>
        <translation>清晰度</translation>
    </message>
    <message>
        <source>Radius</source>
        <translation>半径</translation>
    </message>
    <message>
        <source>Sharpening</source>
        <translation>锐化</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Masking</source>
        <translation>蒙版</translation>
    </message>
    <message>
        <source>Straighten</source>
        <translation>拉直</translation>
    </message>
    <message>
        <source>Angle</source>
        <translation>角度</translation>
    </message>
    <message>
        <source>Crop</source>
        <translation>裁剪</translation>
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
        <translation>中点</translation>
    </message>
    <message>
        <source>Feather</source>
        <translation>羽化</translation>
    </message>
    <message>
        <source>Vignette</source>
        <translation>晕影</translation>
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
        <translation>饱和度 · %1</translation>
    </message>
    <message>
        <source>Luminance · %1</source>
        <translation>明亮度 · %1</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>复位</translation>
    </message>
    <message>
        <source>Reset %1</source>
        <translation>复位%1</translation>
    </message>
    <message>
        <source>Enable %1</source>
        <translation>启用%1</translation>
    </message>
    <message>
        <source>Disable %1</source>
        <translation>停用%1</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>更改%1</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>更改</translation>
    </message>
    <message>
        <source>Curve: straight (edit in the instructions)</source>
        <translation>曲线：直线（可在指令中编辑）</translation>
    </message>
    <message numerus="yes">
        <source>Curve: %n point(s)</source>
        <translation>
            <numerusform>曲线：%n 个点</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pictor::ui::CritiquePanel</name>
    <message>
        <source>&lt;b&gt;Auto-enhance&lt;/b&gt; (Ctrl+E): the Critic measures the photo, explains what holds it back and suggests instructions.</source>
        <translation>&lt;b&gt;自动增强&lt;/b&gt;（Ctrl+E）：评论家会测量照片，解释其不足之处并给出指令建议。</translation>
    </message>
    <message>
        <source>Score &lt;span style=&apos;font-size:16pt&apos;&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/span&gt;</source>
        <translation>评分 &lt;span style=&apos;font-size:16pt&apos;&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Score &lt;span style=&apos;font-size:16pt&apos;&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/span&gt; → &lt;span style=&apos;font-size:16pt;color:#4caf50&apos;&gt;&lt;b&gt;%2&lt;/b&gt;&lt;/span&gt; after the edit</source>
        <translation>评分 &lt;span style=&apos;font-size:16pt&apos;&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/span&gt; → 编辑后 &lt;span style=&apos;font-size:16pt;color:#4caf50&apos;&gt;&lt;b&gt;%2&lt;/b&gt;&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Nothing to change.</source>
        <translation>无需修改。</translation>
    </message>
    <message>
        <source>Auto-enhance</source>
        <translation>自动增强</translation>
    </message>
    <message>
        <source>Apply this instruction</source>
        <translation>应用此指令</translation>
    </message>
    <message>
        <source>Amount: 100 % is the Critic&apos;s suggestion</source>
        <translation>数量：100 % 即评论家的建议值</translation>
    </message>
    <message>
        <source>No change suggested.</source>
        <translation>不建议更改。</translation>
    </message>
    <message>
        <source>Accept suggestion</source>
        <translation>采纳建议</translation>
    </message>
    <message>
        <source>Reject suggestion</source>
        <translation>拒绝建议</translation>
    </message>
    <message>
        <source>Edit suggestion</source>
        <translation>编辑建议</translation>
    </message>
    <message>
        <source>Change suggestion amount</source>
        <translation>更改建议数量</translation>
    </message>
</context>
<context>
    <name>pictor::ui::ExportDialog</name>
    <message numerus="yes">
        <source>Export %n photo(s)</source>
        <translation>
            <numerusform>导出 %n 张照片</numerusform>
        </translation>
    </message>
    <message>
        <source>JPEG</source>
        <translation>JPEG</translation>
    </message>
    <message>
        <source>TIFF (16-bit capable)</source>
        <translation>TIFF（支持 16 位）</translation>
    </message>
    <message>
        <source>PNG (16-bit capable)</source>
        <translation>PNG（支持 16 位）</translation>
    </message>
    <message>
        <source>8 bits per channel</source>
        <translation>每通道 8 位</translation>
    </message>
    <message>
        <source>16 bits per channel</source>
        <translation>每通道 16 位</translation>
    </message>
    <message>
        <source>Full size</source>
        <translation>原始尺寸</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>Keep all</source>
        <translation>全部保留</translation>
    </message>
    <message>
        <source>Remove location (GPS)</source>
        <translation>移除位置信息（GPS）</translation>
    </message>
    <message>
        <source>Remove all</source>
        <translation>全部移除</translation>
    </message>
    <message>
        <source>{name}: the photo&apos;s name, {n}: its number in the export, {date}: today</source>
        <translation>{name}：照片名称，{n}：在本次导出中的序号，{date}：今天的日期</translation>
    </message>
    <message>
        <source>The photo&apos;s own folder</source>
        <translation>照片所在的文件夹</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>品质</translation>
    </message>
    <message>
        <source>Colour space</source>
        <translation>色彩空间</translation>
    </message>
    <message>
        <source>Bit depth</source>
        <translation>位深度</translation>
    </message>
    <message>
        <source>Long edge</source>
        <translation>长边</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>元数据</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>目标位置</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>例如：%1</translation>
    </message>
</context>
<context>
    <name>pictor::ui::HistogramView</name>
    <message>
        <source>Shadows clipped %1 %</source>
        <translation>阴影溢出 %1 %</translation>
    </message>
    <message>
        <source>Highlights clipped %1 %</source>
        <translation>高光溢出 %1 %</translation>
    </message>
</context>
<context>
    <name>pictor::ui::InstructionEditor</name>
    <message>
        <source>Write instructions, one a line, e.g.
Increase exposure by 0.5 EV
Make it a bit warmer
Lift the shadows a lot</source>
        <translation>每行写一条指令（使用英文），例如：
Increase exposure by 0.5 EV
Make it a bit warmer
Lift the shadows a lot</translation>
    </message>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>第 %1 行第 %2 列：%3</translation>
    </message>
    <message>
        <source>Edit instructions</source>
        <translation>编辑指令</translation>
    </message>
</context>
<context>
    <name>pictor::ui::Language</name>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
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
        <translation>计算：%1</translation>
    </message>
    <message>
        <source>The preview could not be rendered: %1</source>
        <translation>无法渲染预览：%1</translation>
    </message>
    <message>
        <source>Rendering cancelled</source>
        <translation>已取消渲染</translation>
    </message>
    <message>
        <source>Zoom %1 %</source>
        <translation>缩放 %1 %</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Reset all edits</source>
        <translation>复位所有编辑(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Auto-enhance</source>
        <translation>自动增强(&amp;A)</translation>
    </message>
    <message>
        <source>The Critic measures the photo, explains what holds it back and suggests an edit</source>
        <translation>评论家会测量照片，解释其不足之处并建议编辑</translation>
    </message>
    <message>
        <source>Cancel rendering</source>
        <translation>取消渲染</translation>
    </message>
    <message>
        <source>Zoom to &amp;fit</source>
        <translation>适合窗口(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;100 %</source>
        <translation>&amp;100 %</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Show &amp;before (toggle)</source>
        <translation>切换显示修改前(&amp;B)</translation>
    </message>
    <message>
        <source>Before/after &amp;split</source>
        <translation>修改前/后分屏对比(&amp;S)</translation>
    </message>
    <message>
        <source>Before/after &amp;side by side</source>
        <translation>修改前/后并排对比(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Develop</source>
        <translation>修改照片</translation>
    </message>
    <message>
        <source>&lt;b&gt;Instructions&lt;/b&gt; — edit freely; sliders follow</source>
        <translation>&lt;b&gt;指令&lt;/b&gt; — 可自由编辑，滑块随之联动</translation>
    </message>
    <message>
        <source>Critique</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>The Critic is looking at the photo…</source>
        <translation>评论家正在评估照片…</translation>
    </message>
    <message>
        <source>The Critic failed: %1</source>
        <translation>评论家出错：%1</translation>
    </message>
    <message>
        <source>Auto-enhance failed: %1</source>
        <translation>自动增强失败：%1</translation>
    </message>
    <message>
        <source>Open photo</source>
        <translation>打开照片</translation>
    </message>
    <message>
        <source>Photos (%1);;All files (*)</source>
        <translation>照片 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <source>%1 — Pictor</source>
        <translation>%1 — Pictor</translation>
    </message>
    <message>
        <source>Rendered in %1 ms</source>
        <translation>渲染用时 %1 毫秒</translation>
    </message>
    <message>
        <source>Reset all edits</source>
        <translation>复位所有编辑</translation>
    </message>
    <message>
        <source>The edit could not be saved: %1</source>
        <translation>无法保存编辑：%1</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation>已取消导出</translation>
    </message>
    <message>
        <source>Export: %1</source>
        <translation>导出：%1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n photo(s)</source>
        <translation>
            <numerusform>已导出 %n 张照片</numerusform>
        </translation>
    </message>
    <message>
        <source>The saved edit could not be read: %1</source>
        <translation>无法读取已保存的编辑：%1</translation>
    </message>
    <message>
        <source>The full-resolution photo could not be read: %1</source>
        <translation>无法读取全分辨率照片：%1</translation>
    </message>
</context>
<context>
    <name>pictor::ui::ParamControl</name>
    <message>
        <source>Double-click to reset</source>
        <translation>双击复位</translation>
    </message>
</context>
<context>
    <name>pictor::ui::PhotoInfo</name>
    <message>
        <source>No photo open</source>
        <translation>未打开照片</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>相机</translation>
    </message>
    <message>
        <source>Lens</source>
        <translation>镜头</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>曝光</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>拍摄时间</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图像</translation>
    </message>
</context>
<context>
    <name>pictor::ui::PhotoView</name>
    <message>
        <source>Open a photo (Ctrl+O) or drop one here</source>
        <translation>打开照片（Ctrl+O）或将照片拖放到此处</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
</context>
<context>
    <name>pictor::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>A new language applies when Pictor starts again.</source>
        <translation>新语言将在 Pictor 重新启动后生效。</translation>
    </message>
</context>
</TS>
