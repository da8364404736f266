<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <location filename="../algorithms/classify.py" line="117"/>
        <source>The raster contains infinite values; set them to nodata before classifying.</source>
        <translation>栅格中含有无穷大值；请先将其设为无数据值，再进行分级。</translation>
    </message>
    <message>
        <location filename="../algorithms/classify.py" line="123"/>
        <source>The raster has no valid cells (every cell is nodata).</source>
        <translation>栅格没有有效像元（所有像元均为无数据）。</translation>
    </message>
    <message>
        <location filename="../algorithms/classify.py" line="267"/>
        <source>The value {value} lies outside the data range [{vmin}, {vmax}] found in the first pass over the raster; the raster may have changed while it was being read.</source>
        <translation>值 {value} 超出了首次遍历栅格时得到的数据范围 [{vmin}, {vmax}]；栅格可能在读取过程中被修改。</translation>
    </message>
    <message>
        <location filename="../algorithms/classify.py" line="335"/>
        <source>The number of classes must be a whole number, not {k}.</source>
        <translation>分级数必须为整数，不能是 {k}。</translation>
    </message>
    <message>
        <location filename="../algorithms/classify.py" line="337"/>
        <source>The number of classes must be between 2 and {max_classes}, not {k}.</source>
        <translation>分级数必须在 2 到 {max_classes} 之间，不能是 {k}。</translation>
    </message>
    <message>
        <location filename="../algorithms/classify.py" line="346"/>
        <source>{count} class breaks were given, but at most {max_breaks} are possible ({max_classes} classes).</source>
        <translation>给出了 {count} 个分级断点，但最多只能有 {max_breaks} 个（{max_classes} 级）。</translation>
    </message>
    <message>
        <location filename="../algorithms/classify.py" line="358"/>
        <source>Class breaks must be strictly increasing, but {value} follows {previous:g}.</source>
        <translation>分级断点必须严格递增，但 {value} 排在 {previous:g} 之后。</translation>
    </message>
    <message>
        <location filename="../algorithms/classify.py" line="372"/>
        <source>Class break {value} is not a finite number.</source>
        <translation>分级断点 {value} 不是有限数值。</translation>
    </message>
    <message>
        <location filename="../algorithms/classify.py" line="515"/>
        <source>All valid cells have the same value: one class instead of {k}.</source>
        <translation>所有有效像元的值都相同：只能分为 1 级，而不是 {k} 级。</translation>
    </message>
    <message>
        <location filename="../algorithms/classify.py" line="519"/>
        <source>The data have only {m} distinct values, so {k_eff} classes instead of {k}.</source>
        <translation>数据只有 {m} 个不同的值，因此分为 {k_eff} 级，而不是 {k} 级。</translation>
    </message>
    <message>
        <location filename="../algorithms/classify.py" line="526"/>
        <source>Too many distinct values for an exact summary: the breaks were computed from a histogram and lie on its bin edges (bin width {width:.6g}).</source>
        <translation>不同值过多，无法精确汇总：断点由直方图计算得出，位于直方图的分箱边界上（箱宽 {width:.6g}）。</translation>
    </message>
    <message>
        <location filename="../algorithms/classify.py" line="585"/>
        <source>The quantile level {p:g} is outside the range 0 to 1 (0 % to 100 %).</source>
        <translation>分位数水平 {p:g} 超出了 0 到 1（0 % 到 100 %）的范围。</translation>
    </message>
    <message>
        <location filename="../algorithms/classify.py" line="612"/>
        <source>Several quantiles coincide because many cells share the same value: {classes} classes instead of {k}.</source>
        <translation>大量像元取值相同，导致若干分位数重合：分为 {classes} 级，而不是 {k} 级。</translation>
    </message>
    <message>
        <location filename="../algorithms/classify.py" line="622"/>
        <source>Too many distinct values for an exact summary: the quantiles were interpolated in a histogram and may be off by up to one bin width ({width:.6g}).</source>
        <translation>不同值过多，无法精确汇总：分位数由直方图插值得出，误差最多为一个箱宽（{width:.6g}）。</translation>
    </message>
    <message>
        <location filename="../algorithms/classify.py" line="637"/>
        <source>The data range from {vmin} to {vmax} is not finite.</source>
        <translation>数据范围 {vmin} 至 {vmax} 不是有限值。</translation>
    </message>
    <message>
        <location filename="../algorithms/classify.py" line="641"/>
        <source>The data minimum {vmin} is larger than the maximum {vmax}.</source>
        <translation>数据最小值 {vmin} 大于最大值 {vmax}。</translation>
    </message>
    <message>
        <location filename="../algorithms/classify.py" line="647"/>
        <source>All valid cells have the same value: one class.</source>
        <translation>所有有效像元的值都相同：只能分为 1 级。</translation>
    </message>
    <message>
        <location filename="../algorithms/classify.py" line="680"/>
        <source>The mean ({mean}) and standard deviation ({std}) must be finite numbers and the standard deviation must not be negative.</source>
        <translation>均值（{mean}）和标准差（{std}）必须为有限数值，且标准差不能为负。</translation>
    </message>
    <message>
        <location filename="../algorithms/classify.py" line="695"/>
        <source>One break lies outside the data range [{vmin:.6g}, {vmax:.6g}], so one class is empty.</source>
        <translation>有 1 个断点位于数据范围 [{vmin:.6g}, {vmax:.6g}] 之外，因此有 1 个等级为空。</translation>
    </message>
    <message>
        <location filename="../algorithms/classify.py" line="705"/>
        <source>{outside} of {total} breaks lie outside the data range [{vmin:.6g}, {vmax:.6g}], so {outside} classes are empty.</source>
        <translation>{total} 个断点中有 {outside} 个位于数据范围 [{vmin:.6g}, {vmax:.6g}] 之外，因此有 {outside} 个等级为空。</translation>
    </message>
    <message>
        <location filename="../algorithms/classify.py" line="728"/>
        <source>No class breaks given; type numbers such as 0.2, 0.4, 0.6.</source>
        <translation>未给出分级断点；请输入以英文逗号分隔的数值，如 0.2, 0.4, 0.6。</translation>
    </message>
    <message>
        <location filename="../algorithms/classify.py" line="734"/>
        <source>Class break &apos;{value}&apos; is not a number; separate breaks with commas and use &apos;.&apos; as the decimal separator.</source>
        <translation>分级断点“{value}”不是数值；断点之间请用英文逗号分隔，小数点请用“.”。</translation>
    </message>
    <message>
        <location filename="../algorithms/classify.py" line="742"/>
        <source>Class break &apos;{value}&apos; is not a finite number.</source>
        <translation>分级断点“{value}”不是有限数值。</translation>
    </message>
    <message>
        <location filename="../algorithms/normalize.py" line="88"/>
        <source>The reclassification table needs three columns: minimum, maximum, value</source>
        <translation>重分类表需要三列：最小值、最大值、值</translation>
    </message>
    <message>
        <location filename="../algorithms/normalize.py" line="96"/>
        <source>&apos;{value}&apos; in the reclassification table is not a number</source>
        <translation>重分类表中的“{value}”不是数值</translation>
    </message>
    <message>
        <location filename="../algorithms/normalize.py" line="102"/>
        <source>Table row {row}: the value must be a degree between 0 and 1, got {value}</source>
        <translation>表第 {row} 行：值必须介于 0 和 1 之间，当前为 {value}</translation>
    </message>
    <message>
        <location filename="../algorithms/normalize.py" line="104"/>
        <source>Table row {row}: the minimum {lower} is not below the maximum {upper}</source>
        <translation>表第 {row} 行：最小值 {lower} 不小于最大值 {upper}</translation>
    </message>
    <message>
        <location filename="../algorithms/normalize.py" line="107"/>
        <source>The reclassification table is empty</source>
        <translation>重分类表为空</translation>
    </message>
    <message>
        <location filename="../algorithms/normalize.py" line="142"/>
        <source>The lower and upper control points must be finite numbers</source>
        <translation>下控制点和上控制点必须为有限数值</translation>
    </message>
    <message>
        <location filename="../algorithms/normalize.py" line="144"/>
        <source>The lower control point ({lower:g}) must be below the upper one ({upper:g}); a raster with a single value cannot be stretched to 0–1</source>
        <translation>下控制点（{lower:g}）必须小于上控制点（{upper:g}）；只有单一值的栅格无法拉伸到 0–1</translation>
    </message>
    <message>
        <location filename="../algorithms/number_lists.py" line="38"/>
        <source>&apos;{token}&apos; is not a number</source>
        <translation>“{token}”不是数值</translation>
    </message>
    <message>
        <location filename="../algorithms/overlay.py" line="111"/>
        <source>At least one hazard raster is needed</source>
        <translation>至少需要一个灾种栅格</translation>
    </message>
    <message>
        <location filename="../algorithms/overlay.py" line="116"/>
        <source>{given} weights were given for {n} hazards; give one weight per hazard, in the same order</source>
        <translation>为 {n} 个灾种给出了 {given} 个权重；请按灾种顺序为每个灾种给出一个权重</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="228"/>
        <source>Weights must be zero or positive numbers</source>
        <translation>权重必须为零或正数</translation>
    </message>
    <message>
        <location filename="../algorithms/overlay.py" line="121"/>
        <source>For the probabilistic union each weight is the share of the hazard that acts: it must lie between 0 and 1</source>
        <translation>概率并集中，每个权重表示该灾种实际发挥作用的比例，必须介于 0 和 1 之间</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="230"/>
        <source>The weights sum to zero</source>
        <translation>权重之和为零</translation>
    </message>
    <message>
        <location filename="../algorithms/overlay.py" line="132"/>
        <source>{given} order weights were given for {n} hazards; OWA needs one per rank</source>
        <translation>为 {n} 个灾种给出了 {given} 个次序权重；OWA 要求每个排序位次对应一个次序权重</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="315"/>
        <source>Order weights must be zero or positive and not all zero</source>
        <translation>次序权重必须为零或正数，且不能全为零</translation>
    </message>
    <message>
        <location filename="../algorithms/overlay.py" line="140"/>
        <source>The interaction matrix has {given} values; {n} hazards need an {n}×{n} matrix ({needed} values)</source>
        <translation>交互矩阵有 {given} 个值；{n} 个灾种需要 {n}×{n} 矩阵（{needed} 个值）</translation>
    </message>
    <message>
        <location filename="../algorithms/overlay.py" line="143"/>
        <source>Interaction factors must be zero or positive (hazard j is multiplied by 1 + mᵢⱼ)</source>
        <translation>交互系数必须为零或正数（灾种 j 将乘以 1 + mᵢⱼ）</translation>
    </message>
    <message>
        <location filename="../algorithms/overlay.py" line="148"/>
        <source>The threshold is a hazard degree between 0 and 1</source>
        <translation>阈值是介于 0 和 1 之间的危险度</translation>
    </message>
    <message>
        <location filename="../algorithms/overlay.py" line="170"/>
        <source>'{name}' has values from {low:g} to {high:g}, outside 0–1; normalise it first (tsr:normalizehazard)</source>
        <translation>“{name}”的取值范围为 {low:g} 至 {high:g}，超出 0–1；请先对其进行归一化（tsr:normalizehazard）</translation>
    </message>
    <message>
        <location filename="../algorithms/raster_io.py" line="105"/>
        <source>{name} has {count} band(s); band {band} does not exist</source>
        <translation>{name} 有 {count} 个波段；波段 {band} 不存在</translation>
    </message>
    <message>
        <location filename="../algorithms/raster_io.py" line="108"/>
        <source>{name} has no coordinate reference system; assign one (Layer Properties ▸ Source) so that it can be aligned</source>
        <translation>{name} 没有坐标参照系；请为其指定坐标参照系（图层属性 ▸ 源），以便对齐</translation>
    </message>
    <message>
        <location filename="../algorithms/raster_io.py" line="112"/>
        <source>{name} does not overlap the reference raster; check its extent and coordinate reference system</source>
        <translation>{name} 与参考栅格不重叠；请检查其范围和坐标参照系</translation>
    </message>
    <message>
        <location filename="../algorithms/raster_io.py" line="264"/>
        <source>The output {path} is also an input; choose another output file (inputs are never modified)</source>
        <translation>输出文件 {path} 同时也是输入；请选择其他输出文件（输入数据不会被修改）</translation>
    </message>
    <message>
        <location filename="../algorithms/zoning.py" line="38"/>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../algorithms/zoning.py" line="38"/>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../algorithms/zoning.py" line="38"/>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../algorithms/zoning.py" line="38"/>
        <source>Relatively low</source>
        <translation>较低</translation>
    </message>
    <message>
        <location filename="../algorithms/zoning.py" line="38"/>
        <source>Relatively high</source>
        <translation>较高</translation>
    </message>
    <message>
        <location filename="../algorithms/zoning.py" line="38"/>
        <source>Very low</source>
        <translation>极低</translation>
    </message>
    <message>
        <location filename="../algorithms/zoning.py" line="38"/>
        <source>Very high</source>
        <translation>极高</translation>
    </message>
    <message>
        <location filename="../algorithms/zoning.py" line="38"/>
        <source>Extremely low</source>
        <translation>特低</translation>
    </message>
    <message>
        <location filename="../algorithms/zoning.py" line="38"/>
        <source>Extremely high</source>
        <translation>特高</translation>
    </message>
    <message>
        <location filename="../algorithms/zoning.py" line="59"/>
        <source>The number of classes must be between 2 and 9, got {k}</source>
        <translation>分级数必须在 2 到 9 之间，当前为 {k}</translation>
    </message>
    <message>
        <location filename="../dependencies.py" line="30"/>
        <source>Territorial Space Resilience needs these Python packages, which are not installed: {names}. On Debian or Ubuntu run: sudo apt install {debian}. On Windows, open the OSGeo4W Shell and run: python -m pip install {pip}. On macOS, run in the QGIS Python console: import pip; pip.main([&apos;install&apos;, {pip_list}]). Then restart QGIS.</source>
        <translation>国土空间韧性插件需要以下尚未安装的 Python 包：{names}。Debian 或 Ubuntu 上请运行：sudo apt install {debian}。Windows 上请打开 OSGeo4W Shell 并运行：python -m pip install {pip}。macOS 上请在 QGIS Python 控制台中运行：import pip; pip.main(['install', {pip_list}])。安装完成后请重启 QGIS。</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="34"/>
        <source>The Territorial Space Resilience Processing provider could not be registered (is another copy loaded?)</source>
        <translation>无法注册“国土空间韧性”处理工具提供程序（是否已加载了另一个副本？）</translation>
    </message>
    <message>
        <location filename="../processing_provider/provider.py" line="32"/>
        <source>Territorial Space Resilience</source>
        <translation>国土空间韧性</translation>
    </message>
    <message>
        <location filename="../processing_provider/base.py" line="51"/>
        <source>1 · Multi-hazard risk</source>
        <translation>1 · 多灾种风险</translation>
    </message>
    <message>
        <location filename="../processing_provider/base.py" line="71"/>
        <source>{label}: the raster layer is missing or cannot be read</source>
        <translation>{label}：栅格图层缺失或无法读取</translation>
    </message>
    <message>
        <location filename="../processing_provider/base.py" line="73"/>
        <source>{label}: &apos;{name}&apos; is not a file-based raster; save it as a GeoTIFF first</source>
        <translation>{label}：“{name}”不是基于文件的栅格；请先将其另存为 GeoTIFF</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="165"/>
        <source>Cancelled: no output was written</source>
        <translation>已取消：未写入任何输出</translation>
    </message>
    <message>
        <location filename="../processing_provider/base.py" line="101"/>
        <source>Not enough memory for this raster; try a coarser cell size or a smaller extent</source>
        <translation>内存不足，无法处理此栅格；请尝试更大的像元尺寸或更小的范围</translation>
    </message>
    <message>
        <location filename="../processing_provider/base.py" line="111"/>
        <source>{what} has no coordinate reference system; assign one before measuring areas or distances</source>
        <translation>{what}没有坐标参照系；请先为其指定坐标参照系，再量算面积或距离</translation>
    </message>
    <message>
        <location filename="../processing_provider/base.py" line="115"/>
        <source>{what} is in a geographic CRS ({crs}), whose units are degrees; reproject it to a projected CRS in metres, e.g. CGCS2000 / 3-degree Gauss-Kruger (EPSG:4513–4554)</source>
        <translation>{what}采用地理坐标系（{crs}），单位为度；请将其重投影到以米为单位的投影坐标系，如 CGCS2000 / 3-degree Gauss-Kruger（3 度带高斯-克吕格投影，EPSG:4513–4554）</translation>
    </message>
    <message>
        <location filename="../processing_provider/base.py" line="123"/>
        <source>{what} is in Web Mercator ({crs}), which inflates distances and areas away from the equator; reproject it to a local projected CRS in metres, e.g. CGCS2000 / 3-degree Gauss-Kruger</source>
        <translation>{what}采用 Web 墨卡托投影（{crs}），远离赤道时距离和面积会被放大；请将其重投影到以米为单位的本地投影坐标系，如 CGCS2000 / 3-degree Gauss-Kruger（3 度带高斯-克吕格投影）</translation>
    </message>
    <message>
        <location filename="../processing_provider/base.py" line="130"/>
        <source>{what} is in a CRS whose unit is not the metre ({crs}); reproject it to a projected CRS in metres</source>
        <translation>{what}所用坐标参照系的单位不是米（{crs}）；请将其重投影到以米为单位的投影坐标系</translation>
    </message>
    <message>
        <location filename="../processing_provider/help.py" line="11"/>
        <source>&lt;p&gt;Turns a hazard or indicator raster into a degree between 0 (no hazard) and 1 (highest hazard), so that hazards measured in metres, g, °C or probabilities can be overlaid.&lt;/p&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;INPUT&lt;/b&gt;, &lt;b&gt;BAND&lt;/b&gt;: the raster and band to normalise (any unit).&lt;/li&gt;&lt;li&gt;&lt;b&gt;METHOD&lt;/b&gt;: &lt;i&gt;min-max&lt;/i&gt; μ = (x − a)/(b − a) with a, b the data minimum and maximum (or LOWER/UPPER when given); &lt;i&gt;percentile min-max&lt;/i&gt;: the same with a, b the LOWER and UPPER percentiles of the data (default 2 and 98), robust to outliers; &lt;i&gt;fuzzy linear&lt;/i&gt;: linear membership between the control points LOWER = a (μ = 0) and UPPER = b (μ = 1); &lt;i&gt;fuzzy sigmoid&lt;/i&gt;: μ = sin²(π/2 · t), t = (x − a)/(b − a), an S-curve with μ = 0.5 half way; &lt;i&gt;fuzzy gaussian&lt;/i&gt;: μ = exp(−ln 2 · ((x − c)/h)²) with c = (a + b)/2, h = (b − a)/2, i.e. μ = 1 at the centre and 0.5 at LOWER and UPPER; &lt;i&gt;reclassification table&lt;/i&gt;: each row min, max, value gives the degree of min &amp;lt; x ≤ max (first matching row; unmatched cells become nodata); &lt;i&gt;return period → annual exceedance probability&lt;/i&gt;: p = 1 − exp(−1/T) for T in years (Poisson), e.g. T = 100 → 0.00995.&lt;/li&gt;&lt;li&gt;&lt;b&gt;DIRECTION&lt;/b&gt;: whether a higher raw value means more hazard or less (then μ' = 1 − μ, e.g. distance to a fault). It does not apply to the table or to return periods.&lt;/li&gt;&lt;li&gt;&lt;b&gt;LOWER&lt;/b&gt;, &lt;b&gt;UPPER&lt;/b&gt;: control points in the raster's unit (percentiles for the percentile method); empty = from the data.&lt;/li&gt;&lt;li&gt;&lt;b&gt;TABLE&lt;/b&gt;: rows of min, max, value for the reclassification; value between 0 and 1; an empty bound is unbounded.&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: Float32 raster of degrees 0–1 on the input grid; nodata stays nodata (−9999).&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Outputs LOWER_USED and UPPER_USED give the control points actually used, for reports and models.&lt;/p&gt;&lt;h3&gt;References&lt;/h3&gt;&lt;p&gt;Zadeh L A (1965) Fuzzy sets. Information and Control 8: 338–353. Eastman J R (1999) Multi-criteria evaluation and GIS, in Longley et al. Geographical Information Systems. Chow V T, Maidment D R, Mays L W (1988) Applied Hydrology, §12.1.&lt;/p&gt;</source>
        <translation>&lt;p&gt;将危险性或指标栅格转换为 0（无危险）到 1（危险性最高）之间的危险度，使以米、g、°C 或概率等不同方式度量的灾种可以相互叠加。&lt;/p&gt;&lt;h3&gt;参数&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;INPUT&lt;/b&gt;、&lt;b&gt;BAND&lt;/b&gt;：要归一化的栅格及波段（单位不限）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;METHOD&lt;/b&gt;：&lt;i&gt;最小-最大值&lt;/i&gt;：μ = (x − a)/(b − a)，a、b 为数据最小值和最大值（给定 LOWER/UPPER 时取其值）；&lt;i&gt;百分位最小-最大值&lt;/i&gt;：同上，但 a、b 取数据的 LOWER 和 UPPER 百分位数（默认 2 和 98），不易受异常值影响；&lt;i&gt;模糊线性&lt;/i&gt;：在控制点 LOWER = a（μ = 0）与 UPPER = b（μ = 1）之间线性变化的隶属度；&lt;i&gt;模糊 S 形&lt;/i&gt;：μ = sin²(π/2 · t)，t = (x − a)/(b − a)，为一条 S 形曲线，中点处 μ = 0.5；&lt;i&gt;模糊高斯&lt;/i&gt;：μ = exp(−ln 2 · ((x − c)/h)²)，其中 c = (a + b)/2，h = (b − a)/2，即中心处 μ = 1，LOWER 和 UPPER 处 μ = 0.5；&lt;i&gt;重分类表&lt;/i&gt;：每行 min、max、value 给出 min &amp;lt; x ≤ max 时的危险度（取第一条匹配行；未匹配的像元为无数据）；&lt;i&gt;重现期 → 年超越概率&lt;/i&gt;：p = 1 − exp(−1/T)，T 以年为单位（泊松分布），如 T = 100 → 0.00995。&lt;/li&gt;&lt;li&gt;&lt;b&gt;DIRECTION&lt;/b&gt;：原始值越大表示危险性越高还是越低（后者取 μ' = 1 − μ，如距断层的距离）。不适用于重分类表和重现期。&lt;/li&gt;&lt;li&gt;&lt;b&gt;LOWER&lt;/b&gt;、&lt;b&gt;UPPER&lt;/b&gt;：以栅格单位表示的控制点（百分位法中为百分位数）；留空 = 由数据确定。&lt;/li&gt;&lt;li&gt;&lt;b&gt;TABLE&lt;/b&gt;：重分类表，每行为 min、max、value；value 介于 0 和 1 之间；边界留空表示该侧不设限。&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：与输入栅格网格一致的 Float32 栅格，值为 0–1 危险度；无数据像元仍为无数据（−9999）。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;输出 LOWER_USED 和 UPPER_USED 给出实际使用的控制点，供报告和模型使用。&lt;/p&gt;&lt;h3&gt;参考文献&lt;/h3&gt;&lt;p&gt;Zadeh L A (1965) Fuzzy sets. Information and Control 8: 338–353. Eastman J R (1999) Multi-criteria evaluation and GIS, in Longley et al. Geographical Information Systems. Chow V T, Maidment D R, Mays L W (1988) Applied Hydrology, §12.1.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing_provider/help.py" line="33"/>
        <source>&lt;p&gt;Combines several hazard degrees (0–1 rasters, e.g. from Normalise hazard) into one multi-hazard index, optionally turned into risk with exposure, vulnerability and coping capacity — the first implementation path of territorial space resilience: coordinating multiple hazards (统筹多灾害风险).&lt;/p&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;HAZARDS&lt;/b&gt;: hazard rasters of any CRS, resolution and extent; they are resampled (bilinear) onto the grid of &lt;b&gt;REFERENCE&lt;/b&gt; (default: the first hazard). Values must lie in 0–1.&lt;/li&gt;&lt;li&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;: comma list in the order of the hazards (e.g. the output of an AHP); empty = equal.&lt;/li&gt;&lt;li&gt;&lt;b&gt;METHOD&lt;/b&gt;: &lt;i&gt;weighted sum&lt;/i&gt; I = Σ wᵢhᵢ; &lt;i&gt;weighted geometric mean&lt;/i&gt; I = Π hᵢ^wᵢ (weights normalised to sum 1 in both); &lt;i&gt;maximum&lt;/i&gt; I = max hᵢ, the worst case, weights ignored; &lt;i&gt;probabilistic union&lt;/i&gt; I = 1 − Π(1 − wᵢhᵢ), the probability that at least one of independent hazards occurs, each weight being the share of that hazard that acts (0–1, used as given; empty = 1); &lt;i&gt;OWA&lt;/i&gt; I = Σ uₖh₍ₖ₎ over the hazards sorted from the largest, with the &lt;b&gt;ORDER_WEIGHTS&lt;/b&gt; v (first = largest; 1,0,…,0 = maximum, equal = mean, 0,…,0,1 = minimum); with unequal hazard weights, uₖ = w₍ₖ₎vₖ/Σw₍ⱼ₎vⱼ (Malczewski 2006).&lt;/li&gt;&lt;li&gt;&lt;b&gt;INTERACTIONS&lt;/b&gt;: optional n×n matrix m (rows separated by new lines or semicolons, or n² values row by row). Where hazard i reaches THRESHOLD, hazard j is multiplied by 1 + mᵢⱼ and capped at 1 — cascades such as earthquake → landslide or rainstorm → flood. Several triggers multiply; triggers use the original values.&lt;/li&gt;&lt;li&gt;&lt;b&gt;EXPOSURE&lt;/b&gt;, &lt;b&gt;VULNERABILITY&lt;/b&gt;, &lt;b&gt;CAPACITY&lt;/b&gt;: optional 0–1 rasters; risk R = I · E · V, times (1 − C) when coping capacity is given.&lt;/li&gt;&lt;li&gt;&lt;b&gt;NODATA_POLICY&lt;/b&gt;: &lt;i&gt;propagate&lt;/i&gt;: a cell missing in any input is nodata; &lt;i&gt;ignore&lt;/i&gt;: missing hazards are left out and the weights of the others renormalised (OWA order weights are re-derived from the same quantifier).&lt;/li&gt;&lt;li&gt;&lt;b&gt;THRESHOLD&lt;/b&gt; (default 0.5): hazard degree that triggers cascades and counts as a hotspot.&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: Float32 index; &lt;b&gt;OUTPUT_DOMINANT&lt;/b&gt;: 1-based number of the hazard with the largest weighted contribution wᵢhᵢ (0 = nodata); &lt;b&gt;OUTPUT_COUNT&lt;/b&gt;: number of hazards ≥ THRESHOLD (multi-hazard hotspots; 255 = nodata); &lt;b&gt;OUTPUT_HTML&lt;/b&gt;: per-hazard statistics, correlation matrix, weights and formula.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;References&lt;/h3&gt;&lt;p&gt;UNDRR (2015) Sendai Framework for Disaster Risk Reduction 2015–2030. Yager R R (1988) On ordered weighted averaging aggregation operators. IEEE SMC 18(1): 183–190. Malczewski J (2006) Ordered weighted averaging with fuzzy quantifiers: GIS-based multicriteria evaluation for land-use suitability analysis. JAG 8(4): 270–277. Gill J C, Malamud B D (2014) Reviewing and visualizing the interactions of natural hazards. Rev. Geophys. 52: 680–722.&lt;/p&gt;</source>
        <translation>&lt;p&gt;将多个灾种的危险度（0–1 栅格，例如“危险性归一化”的结果）合成为一个多灾种指数，并可结合暴露度、脆弱性和应对能力转换为风险——即国土空间韧性的第一条实施路径：统筹多灾害风险。&lt;/p&gt;&lt;h3&gt;参数&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;HAZARDS&lt;/b&gt;：灾种栅格，坐标参照系、分辨率和范围不限；它们将以双线性插值重采样到 &lt;b&gt;REFERENCE&lt;/b&gt; 的网格上（默认：第一个灾种）。取值必须在 0–1 之间。&lt;/li&gt;&lt;li&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;：按灾种顺序排列、以英文逗号分隔的权重（如层次分析法 AHP 的结果）；留空 = 等权。&lt;/li&gt;&lt;li&gt;&lt;b&gt;METHOD&lt;/b&gt;：&lt;i&gt;加权求和&lt;/i&gt; I = Σ wᵢhᵢ；&lt;i&gt;加权几何平均&lt;/i&gt; I = Π hᵢ^wᵢ（两者的权重均归一化为总和 1）；&lt;i&gt;最大值&lt;/i&gt; I = max hᵢ，即最不利情形，忽略权重；&lt;i&gt;概率并集&lt;/i&gt; I = 1 − Π(1 − wᵢhᵢ)，即相互独立的灾种中至少发生一种的概率，每个权重为该灾种实际发挥作用的比例（0–1，按给定值使用；留空 = 1）；&lt;i&gt;OWA&lt;/i&gt; I = Σ uₖh₍ₖ₎，灾种按从大到小排序，&lt;b&gt;ORDER_WEIGHTS&lt;/b&gt; 为次序权重 v（第一个对应最大值；1,0,…,0 = 最大值，等权 = 均值，0,…,0,1 = 最小值）；灾种权重不相等时，uₖ = w₍ₖ₎vₖ/Σw₍ⱼ₎vⱼ（Malczewski 2006）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;INTERACTIONS&lt;/b&gt;：可选的 n×n 矩阵 m（各行以换行或分号分隔，也可逐行依次给出 n² 个值）。灾种 i 达到 THRESHOLD 时，灾种 j 乘以 1 + mᵢⱼ，且不超过 1——用于表达地震 → 滑坡、暴雨 → 洪涝等灾害链。多个触发灾种的作用相乘；触发判断使用原始值。&lt;/li&gt;&lt;li&gt;&lt;b&gt;EXPOSURE&lt;/b&gt;、&lt;b&gt;VULNERABILITY&lt;/b&gt;、&lt;b&gt;CAPACITY&lt;/b&gt;：可选的 0–1 栅格；风险 R = I · E · V，给定应对能力时再乘以 (1 − C)。&lt;/li&gt;&lt;li&gt;&lt;b&gt;NODATA_POLICY&lt;/b&gt;：&lt;i&gt;传递&lt;/i&gt;：任一输入缺值的像元即为无数据；&lt;i&gt;忽略&lt;/i&gt;：剔除缺值的灾种，其余灾种的权重重新归一化（OWA 次序权重由同一量词函数重新推导）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;THRESHOLD&lt;/b&gt;（默认 0.5）：触发灾害链并计为热点的危险度。&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：Float32 指数；&lt;b&gt;OUTPUT_DOMINANT&lt;/b&gt;：加权贡献 wᵢhᵢ 最大的灾种序号（从 1 开始；0 = 无数据）；&lt;b&gt;OUTPUT_COUNT&lt;/b&gt;：≥ THRESHOLD 的灾种数（多灾种热点；255 = 无数据）；&lt;b&gt;OUTPUT_HTML&lt;/b&gt;：各灾种统计、相关矩阵、权重和公式。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;参考文献&lt;/h3&gt;&lt;p&gt;UNDRR (2015) Sendai Framework for Disaster Risk Reduction 2015–2030. Yager R R (1988) On ordered weighted averaging aggregation operators. IEEE SMC 18(1): 183–190. Malczewski J (2006) Ordered weighted averaging with fuzzy quantifiers: GIS-based multicriteria evaluation for land-use suitability analysis. JAG 8(4): 270–277. Gill J C, Malamud B D (2014) Reviewing and visualizing the interactions of natural hazards. Rev. Geophys. 52: 680–722.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="53"/>
        <source>Multi-hazard overlay</source>
        <translation>多灾种叠加</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="56"/>
        <source>Combine hazard degrees with weights, cascades, exposure, vulnerability and coping capacity into one risk index</source>
        <translation>结合权重、灾害链、暴露度、脆弱性和应对能力，将各灾种危险度合成为一个风险指数</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="59"/>
        <source>multi-hazard,risk,overlay,weighted sum,OWA,probabilistic union,cascade,exposure,vulnerability,多灾种,风险叠加</source>
        <translation>多灾种,风险,叠加,加权求和,OWA,有序加权平均,概率并集,灾害链,暴露度,脆弱性,风险叠加</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="64"/>
        <source>Weighted sum</source>
        <translation>加权求和</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="65"/>
        <source>Weighted geometric mean</source>
        <translation>加权几何平均</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="66"/>
        <source>Maximum (worst case)</source>
        <translation>最大值（最不利情形）</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="67"/>
        <source>Probabilistic union 1 − Π(1 − wᵢhᵢ)</source>
        <translation>概率并集 1 − Π(1 − wᵢhᵢ)</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="96"/>
        <source>Ordered weighted averaging (OWA)</source>
        <translation>有序加权平均（OWA）</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="72"/>
        <source>Hazard degrees (0–1 rasters)</source>
        <translation>灾种危险度（0–1 栅格）</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="75"/>
        <source>Hazard weights (comma list, in the order of the hazards; empty = equal)</source>
        <translation>灾种权重（英文逗号分隔，顺序与灾种一致；留空 = 等权）</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="76"/>
        <source>Combination method</source>
        <translation>合成方法</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="77"/>
        <source>OWA order weights (largest hazard first; empty = equal)</source>
        <translation>OWA 次序权重（从危险度最大的灾种起；留空 = 等权）</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="78"/>
        <source>Interaction matrix mᵢⱼ (n×n, one row per triggering hazard)</source>
        <translation>交互矩阵 mᵢⱼ（n×n，每个触发灾种一行）</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="83"/>
        <source>Hazard threshold (cascade trigger and hotspot count)</source>
        <translation>危险度阈值（用于灾害链触发和热点计数）</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="84"/>
        <source>Exposure (0–1)</source>
        <translation>暴露度（0–1）</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="85"/>
        <source>Vulnerability (0–1)</source>
        <translation>脆弱性（0–1）</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="86"/>
        <source>Coping capacity (0–1)</source>
        <translation>应对能力（0–1）</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="87"/>
        <source>Missing hazard values</source>
        <translation>灾种缺失值</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="87"/>
        <source>Propagate: a cell missing in any input is nodata</source>
        <translation>传递：任一输入缺值的像元设为无数据</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="87"/>
        <source>Ignore missing hazards and renormalise the weights</source>
        <translation>忽略缺值灾种并重新归一化权重</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="93"/>
        <source>Reference grid (default: the first hazard)</source>
        <translation>参考网格（默认：第一个灾种）</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="97"/>
        <source>Multi-hazard risk index</source>
        <translation>多灾种风险指数</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="98"/>
        <source>Dominant hazard</source>
        <translation>主导灾种</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="100"/>
        <source>Overlay report</source>
        <translation>叠加报告</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="121"/>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="107"/>
        <source>Give at least one hazard raster</source>
        <translation>请至少提供一个灾种栅格</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="108"/>
        <source>Hazard {n}</source>
        <translation>灾种 {n}</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="158"/>
        <source>Reference grid</source>
        <translation>参考网格</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="113"/>
        <source>Exposure</source>
        <translation>暴露度</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="113"/>
        <source>Vulnerability</source>
        <translation>脆弱性</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="113"/>
        <source>Coping capacity</source>
        <translation>应对能力</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="132"/>
        <source>The reference raster has no coordinate reference system; assign one first</source>
        <translation>参考栅格没有坐标参照系；请先为其指定坐标参照系</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="138"/>
        <source>The maximum ignores the hazard weights.</source>
        <translation>最大值法不使用灾种权重，所给权重已忽略。</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="145"/>
        <source>multi-hazard risk index</source>
        <translation>多灾种风险指数</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="146"/>
        <source>dominant hazard (1-based)</source>
        <translation>主导灾种（从 1 开始编号）</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="158"/>
        <source>These hazards have no valid cell on the reference grid (all nodata): {names}</source>
        <translation>以下灾种在参考网格上没有有效像元（全部为无数据）：{names}</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="162"/>
        <source>The inputs share no valid cell: every cell of the result would be nodata</source>
        <translation>各输入没有共同的有效像元：结果的所有像元都将为无数据</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="111"/>
        <source>Formula: {formula}</source>
        <translation>公式：{formula}</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="301"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="301"/>
        <source>Formula</source>
        <translation>公式</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="199"/>
        <source>Threshold T</source>
        <translation>阈值 T</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="200"/>
        <source>Missing values</source>
        <translation>缺失值</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="200"/>
        <source>propagate</source>
        <translation>传递</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="200"/>
        <source>ignore and renormalise</source>
        <translation>忽略并重新归一化</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="203"/>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="207"/>
        <source>Order weights (orness)</source>
        <translation>次序权重（orness）</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="301"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="301"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="211"/>
        <source>Weights are used as given (share of each hazard that acts).</source>
        <translation>权重按给定值使用（各灾种实际发挥作用的比例）。</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="211"/>
        <source>Weights are ignored by the maximum.</source>
        <translation>最大值法忽略权重。</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="211"/>
        <source>Weights normalised to sum 1.</source>
        <translation>权重已归一化为总和 1。</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="227"/>
        <source>Hazard</source>
        <translation>灾种</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="214"/>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="217"/>
        <source>Interactions mᵢⱼ: row i triggers, column j is amplified by 1 + mᵢⱼ where hᵢ ≥ T</source>
        <translation>交互作用 mᵢⱼ：第 i 行为触发灾种，在 hᵢ ≥ T 处，第 j 列灾种乘以 1 + mᵢⱼ</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="218"/>
        <source>Trigger \ affected</source>
        <translation>触发 \ 受影响</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="244"/>
        <source>Valid cells</source>
        <translation>有效像元数</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="244"/>
        <source>Min</source>
        <translation>最小值</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="244"/>
        <source>Max</source>
        <translation>最大值</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="244"/>
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="227"/>
        <source>Std. dev.</source>
        <translation>标准差</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="227"/>
        <source>≥ T (%)</source>
        <translation>≥ T（%）</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="227"/>
        <source>≥ T (ha)</source>
        <translation>≥ T（ha）</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="227"/>
        <source>Dominant (%)</source>
        <translation>主导占比（%）</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="238"/>
        <source>Pearson correlation over the {n} cells where every hazard has a value.</source>
        <translation>Pearson 相关系数，基于所有灾种均有值的 {n} 个像元计算。</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="241"/>
        <source>Hazards ≥ T</source>
        <translation>≥ T 的灾种数</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="321"/>
        <source>Cells</source>
        <translation>像元数</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="321"/>
        <source>Area (ha)</source>
        <translation>面积（ha）</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="294"/>
        <source>Share (%)</source>
        <translation>占比（%）</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="249"/>
        <source>Multi-hazard overlay report</source>
        <translation>多灾种叠加报告</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="249"/>
        <source>Method and formula</source>
        <translation>方法与公式</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="249"/>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="249"/>
        <source>Hazards</source>
        <translation>灾种</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="249"/>
        <source>Hazard correlation</source>
        <translation>灾种相关性</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="249"/>
        <source>Multi-hazard hotspots</source>
        <translation>多灾种热点</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="249"/>
        <source>Risk index</source>
        <translation>风险指数</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="44"/>
        <source>Normalise hazard</source>
        <translation>危险性归一化</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="47"/>
        <source>Turn a hazard or indicator raster into a 0–1 degree (min-max, percentiles, fuzzy memberships, table, return period)</source>
        <translation>将危险性或指标栅格转换为 0–1 危险度（最小-最大值、百分位数、模糊隶属度、重分类表、重现期）</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="50"/>
        <source>normalise,normalize,standardise,fuzzy,membership,min-max,percentile,return period,hazard,标准化,归一化</source>
        <translation>归一化,模糊,隶属度,最小-最大值,min-max,百分位数,重现期,危险性,标准化</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="55"/>
        <source>Min-max</source>
        <translation>最小-最大值</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="56"/>
        <source>Percentile min-max</source>
        <translation>百分位最小-最大值</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="57"/>
        <source>Fuzzy linear</source>
        <translation>模糊线性</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="58"/>
        <source>Fuzzy sigmoid</source>
        <translation>模糊 S 形</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="59"/>
        <source>Fuzzy gaussian</source>
        <translation>模糊高斯</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="79"/>
        <source>Reclassification table</source>
        <translation>重分类表</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="61"/>
        <source>Return period → annual exceedance probability</source>
        <translation>重现期 → 年超越概率</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="65"/>
        <source>Hazard or indicator raster</source>
        <translation>危险性或指标栅格</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="67"/>
        <source>Band</source>
        <translation>波段</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="318"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="69"/>
        <source>Higher value = more hazard</source>
        <translation>值越大 = 危险性越高</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="69"/>
        <source>Higher value = less hazard</source>
        <translation>值越大 = 危险性越低</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="77"/>
        <source>Lower control point (percentile for the percentile method)</source>
        <translation>下控制点（百分位法中为百分位数）</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="78"/>
        <source>Upper control point (percentile for the percentile method)</source>
        <translation>上控制点（百分位法中为百分位数）</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="79"/>
        <source>Minimum</source>
        <translation>最小值</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="79"/>
        <source>Maximum</source>
        <translation>最大值</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="79"/>
        <source>Value (0–1)</source>
        <translation>值（0–1）</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="85"/>
        <source>Normalised hazard (0–1)</source>
        <translation>归一化危险度（0–1）</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="86"/>
        <source>Lower control point used</source>
        <translation>实际使用的下控制点</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="87"/>
        <source>Upper control point used</source>
        <translation>实际使用的上控制点</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="91"/>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="110"/>
        <source>The direction does not apply to this method; it was ignored.</source>
        <translation>方向参数不适用于此方法，已忽略。</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="122"/>
        <source>hazard degree 0–1</source>
        <translation>危险度 0–1</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="145"/>
        <source>Percentiles must satisfy 0 ≤ lower &lt; upper ≤ 100</source>
        <translation>百分位数必须满足 0 ≤ 下控制点 &lt; 上控制点 ≤ 100</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="152"/>
        <source>Percentiles {pl:g} % and {ph:g} %: {low:.6g} and {high:.6g}</source>
        <translation>{pl:g} % 和 {ph:g} % 百分位数：{low:.6g} 和 {high:.6g}</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="159"/>
        <source>Data range: {low:.6g} to {high:.6g}</source>
        <translation>数据范围：{low:.6g} 至 {high:.6g}</translation>
    </message>
    <message>
        <location filename="../processing_provider/report.py" line="146"/>
        <source>Generated by the Territorial Space Resilience toolkit on {date}</source>
        <translation>由国土空间韧性工具集于 {date} 生成</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="74"/>
        <source>Risk zoning and control lines</source>
        <translation>风险分区与风险控制线</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="77"/>
        <source>Grade a risk surface into zones (natural breaks and other methods) and draw the risk control lines</source>
        <translation>对风险栅格进行分级分区（自然断点法等），并绘制风险控制线</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="80"/>
        <source>risk,zoning,grade,classification,natural breaks,jenks,quantile,control line,风险分区,风险控制线,自然断点</source>
        <translation>风险,分区,等级,分级,Jenks,分位数,控制线,风险分区,风险控制线,自然断点</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="85"/>
        <source>Natural breaks (Fisher–Jenks)</source>
        <translation>自然断点法（Fisher–Jenks）</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="86"/>
        <source>Quantile</source>
        <translation>分位数</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="87"/>
        <source>Equal interval</source>
        <translation>等间距</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="88"/>
        <source>Standard deviation</source>
        <translation>标准差</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="89"/>
        <source>Manual breaks</source>
        <translation>手动断点</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="112"/>
        <source>Risk surface</source>
        <translation>风险栅格</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="94"/>
        <source>Number of grades</source>
        <translation>等级数</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="95"/>
        <source>Classification method</source>
        <translation>分级方法</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="96"/>
        <source>Manual breaks (increasing comma list of the inner breaks)</source>
        <translation>手动断点（内部断点，递增排列，以英文逗号分隔）</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="97"/>
        <source>Minimum patch area (ha)</source>
        <translation>最小图斑面积（ha）</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="98"/>
        <source>Lowest grade of the controlled zone (default: the top grade)</source>
        <translation>管控区的最低等级（默认：最高等级）</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="99"/>
        <source>Administrative units</source>
        <translation>行政单元</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="100"/>
        <source>Unit name field</source>
        <translation>单元名称字段</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="101"/>
        <source>Risk grades</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="102"/>
        <source>Risk zones</source>
        <translation>风险分区</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="103"/>
        <source>Risk control lines</source>
        <translation>风险控制线</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="300"/>
        <source>Area per grade and unit</source>
        <translation>各单元分等级面积</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="105"/>
        <source>Zoning report</source>
        <translation>分区报告</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="277"/>
        <source>Breaks used</source>
        <translation>所用断点</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="107"/>
        <source>Area of the controlled zone (ha)</source>
        <translation>管控区面积（ha）</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="277"/>
        <source>Goodness of variance fit</source>
        <translation>方差拟合优度</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="113"/>
        <source>The risk surface</source>
        <translation>风险栅格</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="121"/>
        <source>The administrative unit layer has no features</source>
        <translation>行政单元图层中没有要素</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="123"/>
        <source>The unit layer has no field &apos;{name}&apos;</source>
        <translation>单元图层中没有字段“{name}”</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="149"/>
        <source>Only {got} grades can be formed from this raster instead of {k}; lower the number of grades</source>
        <translation>此栅格只能划分出 {got} 个等级，而不是 {k} 个；请减少等级数</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="154"/>
        <source>The controlled zone starts at grade {g}, but there are only {k} grades</source>
        <translation>管控区从第 {g} 级开始，但总共只有 {k} 个等级</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="162"/>
        <source>Merging patches smaller than {ha:g} ha ({cells} cells)</source>
        <translation>正在合并小于 {ha:g} ha（{cells} 个像元）的图斑</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="166"/>
        <source>risk grade (1 = lowest)</source>
        <translation>风险等级（1 = 最低）</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="190"/>
        <source>Breaks used: {breaks}</source>
        <translation>所用断点：{breaks}</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="241"/>
        <source>The administrative unit layer has no usable geometry</source>
        <translation>行政单元图层中没有可用的几何图形</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="265"/>
        <source>Study area</source>
        <translation>研究区</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="277"/>
        <source>Grades</source>
        <translation>等级数</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="277"/>
        <source>Computed on</source>
        <translation>计算依据</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="277"/>
        <source>every valid cell, exactly</source>
        <translation>全部有效像元，精确计算</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="277"/>
        <source>every valid cell, on a 16 384-bin histogram</source>
        <translation>全部有效像元，基于 16 384 个分箱的直方图</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="277"/>
        <source>Minimum patch area</source>
        <translation>最小图斑面积</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="277"/>
        <source>Controlled zone</source>
        <translation>管控区</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="277"/>
        <source>grades ≥ {g}: {ha} ha</source>
        <translation>等级 ≥ {g}：{ha} ha</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="294"/>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="294"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="297"/>
        <source>Classification</source>
        <translation>分级</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="297"/>
        <source>Histogram and class breaks</source>
        <translation>直方图与分级断点</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="297"/>
        <source>Area per grade</source>
        <translation>各等级面积</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="299"/>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="299"/>
        <source>Total (ha)</source>
        <translation>合计（ha）</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="299"/>
        <source>Controlled (ha)</source>
        <translation>管控区（ha）</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="299"/>
        <source>Controlled (%)</source>
        <translation>管控区占比（%）</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="301"/>
        <source>Risk zoning report</source>
        <translation>风险分区报告</translation>
    </message>
    <message>
        <location filename="../processing_provider/help.py" line="62"/>
        <source>&lt;p&gt;Grades a risk surface into classes, merges patches smaller than a minimum area, and draws the risk zones and the risk control lines (风险控制线) around the controlled zone for the master plan.&lt;/p&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;INPUT&lt;/b&gt;: the risk raster (e.g. from Multi-hazard overlay), in a projected CRS in metres.&lt;/li&gt;&lt;li&gt;&lt;b&gt;CLASSES&lt;/b&gt;: number of grades, 2–9 (default 5: 低 / 较低 / 中 / 较高 / 高).&lt;/li&gt;&lt;li&gt;&lt;b&gt;METHOD&lt;/b&gt;: &lt;i&gt;natural breaks (Fisher–Jenks)&lt;/i&gt;: the partition minimising the within-class sum of squared deviations over every valid cell — exact on up to 65 536 distinct values, otherwise computed on 16 384 bins whose sums keep each class's deviation exact; &lt;i&gt;quantile&lt;/i&gt;: equal cell counts; &lt;i&gt;equal interval&lt;/i&gt;; &lt;i&gt;standard deviation&lt;/i&gt;: classes one σ wide, symmetric about the mean (for an odd number of grades the middle one is centred on the mean, for an even number the mean is a break), the two outer classes open-ended; &lt;i&gt;manual&lt;/i&gt;: the &lt;b&gt;BREAKS&lt;/b&gt; you give.&lt;/li&gt;&lt;li&gt;&lt;b&gt;BREAKS&lt;/b&gt;: increasing comma list of the k − 1 interior breaks; a value equal to a break belongs to the lower grade. The output BREAKS_USED has the same form, so a model can reuse it.&lt;/li&gt;&lt;li&gt;&lt;b&gt;MIN_AREA&lt;/b&gt; (hectares): connected patches (cells sharing an edge) smaller than this merge into their largest neighbour (GDAL sieve); 0 keeps every cell.&lt;/li&gt;&lt;li&gt;&lt;b&gt;CONTROL_GRADE&lt;/b&gt;: grades ≥ this form the controlled zone (default: the top grade).&lt;/li&gt;&lt;li&gt;&lt;b&gt;UNITS&lt;/b&gt;, &lt;b&gt;UNIT_FIELD&lt;/b&gt;: optional administrative polygons (e.g. townships) for the area table.&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: grade raster (Byte, 1 = lowest, 0 = nodata); &lt;b&gt;OUTPUT_ZONES&lt;/b&gt;: dissolved polygons with grade, label (interface language), label_en, label_zh, area_ha, share_pct; &lt;b&gt;OUTPUT_LINES&lt;/b&gt;: the controlled zone's boundaries with line_id, kind (outer boundary or inner enclave), min_grade and length_m; &lt;b&gt;OUTPUT_TABLE&lt;/b&gt;: area per grade per unit; &lt;b&gt;OUTPUT_HTML&lt;/b&gt;: histogram with the breaks, area per grade, goodness of variance fit.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;References&lt;/h3&gt;&lt;p&gt;Fisher W D (1958) On grouping for maximum homogeneity. JASA 53: 789–798. Jenks G F (1977) Optimal data classification for choropleth maps. Wang H, Song M (2011) Ckmeans.1d.dp: optimal k-means clustering in one dimension by dynamic programming. The R Journal 3(2): 29–33. 自然资源部 (2020) 省级国土空间规划编制指南（试行）.&lt;/p&gt;</source>
        <translation>&lt;p&gt;将风险栅格划分为若干等级，把小于最小面积的图斑并入周边，生成风险分区，并沿管控区边界绘制总体规划所需的风险控制线。&lt;/p&gt;&lt;h3&gt;参数&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;INPUT&lt;/b&gt;：风险栅格（例如“多灾种叠加”的结果），须为以米为单位的投影坐标系。&lt;/li&gt;&lt;li&gt;&lt;b&gt;CLASSES&lt;/b&gt;：分级数，2–9（默认 5：低 / 较低 / 中 / 较高 / 高）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;METHOD&lt;/b&gt;：&lt;i&gt;自然断点法（Fisher–Jenks）&lt;/i&gt;：在全部有效像元上使组内离差平方和最小的划分——不同值不超过 65 536 个时为精确解，否则在 16 384 个分箱上计算，各箱保存的累加和使每一级的离差仍然精确；&lt;i&gt;分位数&lt;/i&gt;：各级像元数相等；&lt;i&gt;等间距&lt;/i&gt;；&lt;i&gt;标准差&lt;/i&gt;：每级宽一个 σ，关于均值对称（级数为奇数时中间一级以均值为中心，为偶数时均值本身是断点），最外两级不设边界；&lt;i&gt;手动&lt;/i&gt;：使用给定的 &lt;b&gt;BREAKS&lt;/b&gt;。&lt;/li&gt;&lt;li&gt;&lt;b&gt;BREAKS&lt;/b&gt;：以英文逗号分隔、递增的 k − 1 个内部断点；等于断点的值归入较低一级。输出 BREAKS_USED 的格式相同，可在模型中直接复用。&lt;/li&gt;&lt;li&gt;&lt;b&gt;MIN_AREA&lt;/b&gt;（公顷）：小于该面积的连通图斑（以共边相连的像元）并入相邻的最大图斑（GDAL 筛选）；0 表示保留全部像元。&lt;/li&gt;&lt;li&gt;&lt;b&gt;CONTROL_GRADE&lt;/b&gt;：≥ 该等级的像元构成管控区（默认：最高等级）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;UNITS&lt;/b&gt;、&lt;b&gt;UNIT_FIELD&lt;/b&gt;：可选的行政单元面（如乡镇），用于面积统计表。&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：等级栅格（Byte，1 = 最低，0 = 无数据）；&lt;b&gt;OUTPUT_ZONES&lt;/b&gt;：按等级融合的面，字段为 grade、label（界面语言）、label_en、label_zh、area_ha、share_pct；&lt;b&gt;OUTPUT_LINES&lt;/b&gt;：管控区边界，字段为 line_id、kind（外边界或内部飞地边界）、min_grade 和 length_m；&lt;b&gt;OUTPUT_TABLE&lt;/b&gt;：各单元各等级面积；&lt;b&gt;OUTPUT_HTML&lt;/b&gt;：带断点的直方图、各等级面积、方差拟合优度。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;参考文献&lt;/h3&gt;&lt;p&gt;Fisher W D (1958) On grouping for maximum homogeneity. JASA 53: 789–798. Jenks G F (1977) Optimal data classification for choropleth maps. Wang H, Song M (2011) Ckmeans.1d.dp: optimal k-means clustering in one dimension by dynamic programming. The R Journal 3(2): 29–33. 自然资源部 (2020) 省级国土空间规划编制指南（试行）.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="99"/>
        <source>Number of hazards at or above the threshold</source>
        <translation>达到阈值的灾种数</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="147"/>
        <source>hazards at or above the threshold</source>
        <translation>达到阈值的灾种数</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="120"/>
        <source>The result has no valid cell: the raster is all nodata, or no row of the reclassification table matched its values</source>
        <translation>结果没有有效像元：栅格全部为无数据，或重分类表中没有任何一行与其取值匹配</translation>
    </message>
    <message>
        <location filename="../processing_provider/provider.py" line="35"/>
        <source>Territorial Space Resilience (resilience tools for territorial spatial planning)</source>
        <translation>国土空间韧性（国土空间规划韧性工具）</translation>
    </message>
    <message>
        <location filename="../processing_provider/base.py" line="51"/>
        <source>2 · Zoning under uncertainty</source>
        <translation>2 · 不确定性下的分区</translation>
    </message>
    <message>
        <location filename="../processing_provider/help.py" line="87"/>
        <source>&lt;p&gt;Derives criterion weights from pairwise comparisons (Analytic Hierarchy Process) and checks that the judgements are consistent — the first step of zoning under uncertainty, and the usual source of the weights of a multi-hazard overlay or a suitability analysis.&lt;/p&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;MATRIX&lt;/b&gt;: the judgements aᵢⱼ on Saaty's 1–9 scale (how much more important criterion i is than j: 1 equal, 3 moderate, 5 strong, 7 very strong, 9 extreme; reciprocals such as 1/3 for the reverse). Either the full n×n matrix, one row per line (or n² values row by row), or only the n(n−1)/2 values above the diagonal, row by row (a₁₂, a₁₃, …, a₂₃, …), the rest being derived. A matrix that is not reciprocal, not square or has values ≤ 0 is refused.&lt;/li&gt;&lt;li&gt;&lt;b&gt;CRITERIA&lt;/b&gt;: optional names, in the order of the rows; they also fix n.&lt;/li&gt;&lt;li&gt;&lt;b&gt;MAX_CR&lt;/b&gt; (default 0.10): the largest acceptable consistency ratio.&lt;/li&gt;&lt;li&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;: the weights as &quot;w1,w2,…&quot;, ready for the WEIGHTS of tsr:suitability or tsr:multihazardoverlay in a model; &lt;b&gt;CR&lt;/b&gt;, &lt;b&gt;CI&lt;/b&gt;, &lt;b&gt;LAMBDA_MAX&lt;/b&gt;, &lt;b&gt;CONSISTENT&lt;/b&gt;: numbers and verdict; &lt;b&gt;OUTPUT_TABLE&lt;/b&gt;: criterion, weight, rank; &lt;b&gt;OUTPUT_HTML&lt;/b&gt;: the matrix, the weights and the verdict.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Formula&lt;/h3&gt;&lt;p&gt;w = principal right eigenvector of A, normalised to Σw = 1; CI = (λmax − n)/(n − 1); CR = CI/RI with Saaty's random index RI(3…10) = 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49 (Alonso &amp; Lamata's values for 11–15 criteria). When CR exceeds MAX_CR the report names the judgements that contribute most to the inconsistency (largest |ln aᵢⱼwⱼ/wᵢ|), the value consistent with the weights and the scale value that lowers CR most.&lt;/p&gt;&lt;h3&gt;References&lt;/h3&gt;&lt;p&gt;Saaty T L (1977) A scaling method for priorities in hierarchical structures. J. Math. Psychol. 15: 234–281. Saaty T L (2003) Decision-making with the AHP: why is the principal eigenvector necessary. EJOR 145: 85–91. Alonso J A, Lamata M T (2006) Consistency in the analytic hierarchy process: a new approach. IJUFKS 14(4): 445–459.&lt;/p&gt;</source>
        <translation>&lt;p&gt;由两两比较（层次分析法）推导各准则的权重，并检验判断是否一致——这是不确定性下分区的第一步，也是多灾种叠加或适宜性评价中权重的常用来源。&lt;/p&gt;&lt;h3&gt;参数&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;MATRIX&lt;/b&gt;：按 Saaty 1–9 标度给出的判断值 aᵢⱼ（准则 i 相对于 j 的重要程度：1 同等重要，3 稍微重要，5 明显重要，7 强烈重要，9 极端重要；反向比较取倒数，如 1/3）。可输入完整的 n×n 矩阵，每行占一行（或按行依次给出 n² 个值），也可只按行输入对角线以上的 n(n−1)/2 个值（a₁₂, a₁₃, …, a₂₃, …），其余值自动推导。不满足互反性、不是方阵或含有 ≤ 0 值的矩阵将被拒绝。&lt;/li&gt;&lt;li&gt;&lt;b&gt;CRITERIA&lt;/b&gt;：可选的准则名称，按矩阵行的顺序排列；同时确定 n。&lt;/li&gt;&lt;li&gt;&lt;b&gt;MAX_CR&lt;/b&gt;（默认 0.10）：可接受的最大一致性比率。&lt;/li&gt;&lt;li&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;：形如 &quot;w1,w2,…&quot; 的权重，可在模型中直接用作 tsr:suitability 或 tsr:multihazardoverlay 的 WEIGHTS；&lt;b&gt;CR&lt;/b&gt;、&lt;b&gt;CI&lt;/b&gt;、&lt;b&gt;LAMBDA_MAX&lt;/b&gt;、&lt;b&gt;CONSISTENT&lt;/b&gt;：数值及检验结论；&lt;b&gt;OUTPUT_TABLE&lt;/b&gt;：准则、权重、排序；&lt;b&gt;OUTPUT_HTML&lt;/b&gt;：判断矩阵、权重和检验结论。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;公式&lt;/h3&gt;&lt;p&gt;w = A 的主右特征向量，归一化为 Σw = 1；CI = (λmax − n)/(n − 1)；CR = CI/RI，其中 Saaty 随机一致性指标 RI(3…10) = 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49（11–15 个准则采用 Alonso &amp; Lamata 的取值）。当 CR 超过 MAX_CR 时，报告会列出对不一致性贡献最大的判断（|ln aᵢⱼwⱼ/wᵢ| 最大者）、与权重一致的值，以及使 CR 降低最多的标度值。&lt;/p&gt;&lt;h3&gt;参考文献&lt;/h3&gt;&lt;p&gt;Saaty T L (1977) A scaling method for priorities in hierarchical structures. J. Math. Psychol. 15: 234–281. Saaty T L (2003) Decision-making with the AHP: why is the principal eigenvector necessary. EJOR 145: 85–91. Alonso J A, Lamata M T (2006) Consistency in the analytic hierarchy process: a new approach. IJUFKS 14(4): 445–459.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../algorithms/ahp.py" line="174"/>
        <source>{count} judgements were given: type either the full matrix (n × n values, e.g. 9 for 3 criteria) or only the judgements above the diagonal (n(n − 1)/2 values, e.g. 3 for 3 criteria).</source>
        <translation>给出了 {count} 个判断值：请输入完整矩阵（n × n 个值，如 3 个准则为 9 个），或仅输入对角线以上的判断值（n(n − 1)/2 个值，如 3 个准则为 3 个）。</translation>
    </message>
    <message>
        <location filename="../algorithms/ahp.py" line="264"/>
        <source>AHP needs at least two criteria to compare, got {n}.</source>
        <translation>层次分析法至少需要两个准则进行比较，当前为 {n} 个。</translation>
    </message>
    <message>
        <location filename="../algorithms/ahp.py" line="186"/>
        <source>{n} criteria need {full} judgements (the full matrix) or {upper} (only the judgements above the diagonal), but {count} were given.</source>
        <translation>{n} 个准则需要 {full} 个判断值（完整矩阵）或 {upper} 个（仅对角线以上的判断值），但给出了 {count} 个。</translation>
    </message>
    <message>
        <location filename="../algorithms/ahp.py" line="201"/>
        <source>{count} judgements were read as a full {n} × {n} matrix, but its diagonal is not all 1. If they are the judgements above the diagonal for {other} criteria, give the number of criteria.</source>
        <translation>{count} 个判断值被读作完整的 {n} × {n} 矩阵，但其对角线并非全为 1。如果它们是 {other} 个准则的对角线以上判断值，请给出准则数。</translation>
    </message>
    <message>
        <location filename="../algorithms/ahp.py" line="224"/>
        <source>The judgement in row {row}, column {col} is not a finite number.</source>
        <translation>第 {row} 行第 {col} 列的判断值不是有限数值。</translation>
    </message>
    <message>
        <location filename="../algorithms/ahp.py" line="230"/>
        <source>The judgement in row {row}, column {col} is {value:g}; judgements must be positive (1/9 to 9 on Saaty&apos;s scale).</source>
        <translation>第 {row} 行第 {col} 列的判断值为 {value:g}；判断值必须为正数（Saaty 标度为 1/9 至 9）。</translation>
    </message>
    <message>
        <location filename="../algorithms/ahp.py" line="246"/>
        <source>The comparison matrix must be a table of numbers with one row and one column per criterion.</source>
        <translation>判断矩阵必须是数值表，每个准则对应一行和一列。</translation>
    </message>
    <message>
        <location filename="../algorithms/ahp.py" line="254"/>
        <source>The comparison matrix must be square, with one row and one column per criterion, but it has {rows} rows and {cols} columns.</source>
        <translation>判断矩阵必须为方阵，每个准则对应一行和一列，但当前为 {rows} 行 {cols} 列。</translation>
    </message>
    <message>
        <location filename="../algorithms/ahp.py" line="280"/>
        <source>Row {row}, column {row} compares a criterion with itself and must be 1, but it is {value:g}.</source>
        <translation>第 {row} 行第 {row} 列是准则与自身的比较，必须为 1，但当前为 {value:g}。</translation>
    </message>
    <message>
        <location filename="../algorithms/ahp.py" line="291"/>
        <source>Row {row}, column {col} is {value:g}, so row {col}, column {row} must be its reciprocal {expected:.4g}, but it is {other:g}. Type reciprocals as fractions such as 1/3.</source>
        <translation>第 {row} 行第 {col} 列为 {value:g}，因此第 {col} 行第 {row} 列必须为其倒数 {expected:.4g}，但当前为 {other:g}。倒数请以分数形式输入，如 1/3。</translation>
    </message>
    <message>
        <location filename="../algorithms/ahp.py" line="319"/>
        <source>{n} criteria are too many for one comparison matrix: its consistency can only be checked for up to {max_n} criteria, and judgements become unreliable long before. Group the criteria into a hierarchy with at most {max_n}, better 7 to 9, per group.</source>
        <translation>{n} 个准则过多，无法放入同一个判断矩阵：一致性最多只能对 {max_n} 个准则进行检验，而且远未达到该数目时判断就已不再可靠。请将准则分组构建层次结构，每组最多 {max_n} 个，最好为 7 至 9 个。</translation>
    </message>
    <message>
        <location filename="../algorithms/ahp.py" line="410"/>
        <source>The judgements are consistent enough: consistency ratio CR = {cr:.3f}, at most {max_cr:.2f}.</source>
        <translation>判断的一致性可以接受：一致性比率 CR = {cr:.3f}，不超过 {max_cr:.2f}。</translation>
    </message>
    <message>
        <location filename="../algorithms/ahp.py" line="420"/>
        <source>The judgements are not consistent enough: consistency ratio CR = {cr:.3f} exceeds {max_cr:.2f}. Reconsider the judgements below, the first one first, then check again.</source>
        <translation>判断的一致性不可接受：一致性比率 CR = {cr:.3f}，超过 {max_cr:.2f}。请从第一条开始依次重新考虑以下判断，然后再次检验。</translation>
    </message>
    <message>
        <location filename="../algorithms/ahp.py" line="439"/>
        <source>Row {row}, column {col}: you gave {value}, the weights imply {implied}, but no other value on Saaty&apos;s scale makes the matrix more consistent; reconsider the other judgements on criteria {row} and {col}.</source>
        <translation>第 {row} 行第 {col} 列：您给出的值为 {value}，权重所对应的值为 {implied}，但 Saaty 标度上没有其他值能使矩阵更加一致；请重新考虑涉及准则 {row} 和 {col} 的其他判断。</translation>
    </message>
    <message>
        <location filename="../algorithms/ahp.py" line="451"/>
        <source>Row {row}, column {col}: you gave {value}, the weights imply {implied}; changing it to {scale_value} (and row {col}, column {row} to its reciprocal) would give CR = {cr_after:.3f}.</source>
        <translation>第 {row} 行第 {col} 列：您给出的值为 {value}，权重所对应的值为 {implied}；将其改为 {scale_value}（并将第 {col} 行第 {row} 列改为其倒数）后 CR = {cr_after:.3f}。</translation>
    </message>
    <message>
        <location filename="../algorithms/ahp.py" line="462"/>
        <source>Row {row}, column {col} is {value}, outside Saaty&apos;s scale from 1/9 to 9; it was used as given.</source>
        <translation>第 {row} 行第 {col} 列为 {value}，超出 Saaty 标度 1/9 至 9 的范围；已按原值使用。</translation>
    </message>
    <message>
        <location filename="../algorithms/ahp.py" line="497"/>
        <source>The largest acceptable consistency ratio must be a positive number, got {value}.</source>
        <translation>可接受的最大一致性比率必须为正数，当前为 {value}。</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="47"/>
        <source>AHP weights</source>
        <translation>层次分析法（AHP）权重</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="50"/>
        <source>Weights from pairwise comparisons on Saaty&apos;s scale, with the consistency ratio and the judgements to revise</source>
        <translation>基于 Saaty 标度的两两比较计算权重，并给出一致性比率和需修正的判断</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="53"/>
        <source>AHP,analytic hierarchy process,pairwise comparison,weights,consistency,Saaty,层次分析法,权重,一致性</source>
        <translation>AHP,层次分析法,两两比较,权重,一致性,Saaty,判断矩阵,一致性比率</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="56"/>
        <source>Pairwise comparison matrix (one row per line; or only the upper triangle)</source>
        <translation>判断矩阵（每行占一行；或仅输入上三角）</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="61"/>
        <source>Criterion names (comma list)</source>
        <translation>准则名称（英文逗号分隔）</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="62"/>
        <source>Largest acceptable consistency ratio</source>
        <translation>可接受的最大一致性比率</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="63"/>
        <source>Weights table</source>
        <translation>权重表</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="64"/>
        <source>AHP report</source>
        <translation>层次分析法报告</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="65"/>
        <source>Weights (comma list)</source>
        <translation>权重（英文逗号分隔）</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="66"/>
        <source>Consistency ratio CR</source>
        <translation>一致性比率 CR</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="67"/>
        <source>Consistency index CI</source>
        <translation>一致性指标 CI</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="68"/>
        <source>Principal eigenvalue λmax</source>
        <translation>最大特征值 λmax</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="69"/>
        <source>Consistent (CR ≤ MAX_CR)</source>
        <translation>通过一致性检验（CR ≤ MAX_CR）</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="76"/>
        <source>Criterion {i}</source>
        <translation>准则 {i}</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="84"/>
        <source>Weights: {weights}</source>
        <translation>权重：{weights}</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="360"/>
        <source>Criterion</source>
        <translation>准则</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="112"/>
        <source>Rank</source>
        <translation>排序</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="116"/>
        <source>Largest acceptable CR</source>
        <translation>可接受的最大 CR</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="128"/>
        <source>Judgements</source>
        <translation>判断矩阵</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="128"/>
        <source>Consistency</source>
        <translation>一致性</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="134"/>
        <source>Judgements to revise first</source>
        <translation>优先修正的判断</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="134"/>
        <source>Pair</source>
        <translation>比较对</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="134"/>
        <source>Your judgement</source>
        <translation>您的判断</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="134"/>
        <source>Consistent with the weights</source>
        <translation>与权重一致的值</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="134"/>
        <source>Suggested value</source>
        <translation>建议值</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="134"/>
        <source>CR after the change</source>
        <translation>修改后的 CR</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="138"/>
        <source>AHP weights report</source>
        <translation>层次分析法权重报告</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="220"/>
        <source>At least one criterion raster is needed</source>
        <translation>至少需要一个准则栅格</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="226"/>
        <source>{given} weights were given for {n} criteria; give one weight per criterion, in the same order</source>
        <translation>为 {n} 个准则给出了 {given} 个权重；请按准则顺序为每个准则给出一个权重</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="234"/>
        <source>The coefficient of variation of the weights must lie between 0 and 100 %</source>
        <translation>权重的变异系数必须介于 0 和 100 % 之间</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="238"/>
        <source>The minimum (weakest link) does not use the weights: weight uncertainty and the weight sweep do not apply</source>
        <translation>最小值法（短板法）不使用权重：权重不确定性和权重扫描均不适用</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="240"/>
        <source>Only one criterion has a positive weight, so the weights cannot vary</source>
        <translation>只有一个准则的权重为正，权重无法变动</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="242"/>
        <source>A coefficient of variation of {cv:.0%} is too large for these weights: a Dirichlet distribution centred on them stays below {limit:.0%}</source>
        <translation>变异系数 {cv:.0%} 对这组权重而言过大：以其为中心的狄利克雷分布的变异系数始终低于 {limit:.0%}</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="248"/>
        <source>The criterion uncertainty is a standard deviation in normalised units, between 0 and 1</source>
        <translation>准则不确定性是以归一化单位表示的标准差，介于 0 和 1 之间</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="250"/>
        <source>The number of iterations must be a whole number from 1 to {max}</source>
        <translation>抽样次数必须是 1 到 {max} 之间的整数</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="252"/>
        <source>The random seed must be a whole number of zero or more</source>
        <translation>随机种子必须是大于或等于零的整数</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="254"/>
        <source>Give either a suitability threshold or a top percentage, not both or neither</source>
        <translation>适宜性阈值和前百分比须且只能给出其中之一</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="256"/>
        <source>The suitability threshold is a score between 0 and 1</source>
        <translation>适宜性阈值是介于 0 和 1 之间的得分</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="258"/>
        <source>The top percentage must be greater than 0 and at most 100</source>
        <translation>前百分比必须大于 0 且不超过 100</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="260"/>
        <source>With criterion uncertainty the top-percentage cut-off of each draw is taken from the scores without noise</source>
        <translation>考虑准则不确定性时，每次抽样的前百分比分界值取自未加噪声的得分</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="305"/>
        <source>Give OWA order weights or an orness, not both</source>
        <translation>OWA 次序权重和 orness 只能给出其中之一</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="308"/>
        <source>The orness must lie between 0 (minimum) and 1 (maximum)</source>
        <translation>orness 必须介于 0（最小值）和 1（最大值）之间</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="313"/>
        <source>{given} order weights were given for {n} criteria; OWA needs one per rank</source>
        <translation>为 {n} 个准则给出了 {given} 个次序权重；OWA 要求每个排序位次对应一个次序权重</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="322"/>
        <source>Sweep changes are relative (−0.2 = −20 %) and cannot lower a weight below zero (−100 %)</source>
        <translation>扫描变化量为相对值（−0.2 = −20 %），不能使权重低于零（−100 %）</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="329"/>
        <source>A {change:+.0%} change would raise the weight of &apos;{name}&apos; above 1; that sweep step is left out</source>
        <translation>{change:+.0%} 的变化会使“{name}”的权重超过 1；已略去该扫描步</translation>
    </message>
    <message>
        <location filename="../algorithms/suitability.py" line="581"/>
        <source>No cell is valid in every criterion and outside the constraints</source>
        <translation>没有任何像元在所有准则中均有效且位于约束范围之外</translation>
    </message>
    <message>
        <location filename="../processing_provider/help.py" line="109"/>
        <source>&lt;p&gt;Multi-criteria suitability (e.g. for urban development, 国土空间开发适宜性) in which the weights are judgements and therefore uncertain: the weights are drawn many times around the given ones, and the result shows where a zoning decision is robust and where it hinges on a debatable weight — the second implementation path, zoning that adapts to uncertainty.&lt;/p&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;CRITERIA&lt;/b&gt;: criterion rasters of any grid, aligned to &lt;b&gt;REFERENCE&lt;/b&gt; (default: the first criterion, projected CRS in metres); &lt;b&gt;DIRECTIONS&lt;/b&gt;: + (benefit) or - (cost, used as 1 − c) per criterion. A criterion outside 0–1 is min-max normalised over the study area.&lt;/li&gt;&lt;li&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;: comma list (e.g. the WEIGHTS output of tsr:ahpweights), normalised to sum 1.&lt;/li&gt;&lt;li&gt;&lt;b&gt;METHOD&lt;/b&gt;: &lt;i&gt;weighted linear combination&lt;/i&gt; S = Σ wᵢcᵢ; &lt;i&gt;OWA&lt;/i&gt; with &lt;b&gt;ORDER_WEIGHTS&lt;/b&gt; (largest criterion first) or an &lt;b&gt;ORNESS&lt;/b&gt; (0 = minimum, 0.5 = mean, 1 = maximum; order weights from the quantifier Q(r) = r^a); &lt;i&gt;weakest link / minimum&lt;/i&gt; (短板法) S = min cᵢ, where weights do not act.&lt;/li&gt;&lt;li&gt;&lt;b&gt;CONSTRAINTS&lt;/b&gt;: rasters where 0 means excluded; &lt;b&gt;EXCLUSION_ZONES&lt;/b&gt;: polygons excluded entirely (ecological protection red line, permanent basic farmland, high-risk zones). Excluded cells score 0 and are never suitable.&lt;/li&gt;&lt;li&gt;&lt;b&gt;WEIGHT_UNCERTAINTY&lt;/b&gt;: coefficient of variation of the weights (%), CV² = ΣVar(wᵢ)/Σw̄ᵢ²; the draws follow a Dirichlet distribution centred on the weights, so every draw still sums to 1. &lt;b&gt;CRITERION_UNCERTAINTY&lt;/b&gt;: standard deviation of independent normal noise on the normalised criteria. &lt;b&gt;ITERATIONS&lt;/b&gt; draws with &lt;b&gt;SEED&lt;/b&gt;: the same seed gives the same result.&lt;/li&gt;&lt;li&gt;&lt;b&gt;THRESHOLD&lt;/b&gt;: a cell is suitable in a draw if its score reaches it (default 0.6); or &lt;b&gt;TOP_PERCENT&lt;/b&gt;: if it is among that share of the study area with the highest scores in that draw.&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT_MEAN&lt;/b&gt;, &lt;b&gt;OUTPUT_STD&lt;/b&gt;: mean and standard deviation of the score; for the weighted linear combination they are exact (mean = Σw̄ᵢcᵢ, variance = cᵀΣc with the Dirichlet covariance), without sampling error. &lt;b&gt;OUTPUT_PROBABILITY&lt;/b&gt;: share of the draws in which the cell is suitable. &lt;b&gt;OUTPUT_CLASS&lt;/b&gt;: 1 robustly suitable (p ≥ 0.9), 2 likely (0.5–0.9), 3 uncertain (0.1–0.5), 4 unsuitable (&amp;lt; 0.1), 5 excluded. &lt;b&gt;ROBUST_AREA_HA&lt;/b&gt;, &lt;b&gt;UNCERTAIN_AREA_HA&lt;/b&gt;: areas of classes 1 and 3. &lt;b&gt;OUTPUT_HTML&lt;/b&gt;: set-up, classes, and the sensitivity of the suitable area and the mean score to each weight (one weight at a time ±20 %, the others rescaled so that the weights still sum to 1) as a tornado chart, with the correlation of each weight with the outcome across the draws.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;References&lt;/h3&gt;&lt;p&gt;Malczewski J (2006) GIS-based multicriteria decision analysis: a survey of the literature. IJGIS 20(7): 703–726. Feizizadeh B, Blaschke T (2014) An uncertainty and sensitivity analysis approach for GIS-based multicriteria landslide susceptibility mapping. IJGIS 28(3): 610–638. Chen Y, Yu J, Khan S (2010) Spatial sensitivity analysis of multi-criteria weights in GIS-based land suitability evaluation. EMS 25(12): 1582–1591. 自然资源部 (2020) 资源环境承载能力和国土空间开发适宜性评价指南（试行）.&lt;/p&gt;</source>
        <translation>&lt;p&gt;多准则适宜性评价（如城镇建设适宜性，即国土空间开发适宜性），其中权重来自主观判断，因而具有不确定性：在给定权重附近多次抽样，结果显示哪些地方的分区决策是稳健的、哪些地方取决于有争议的权重——即第二条实施路径：适应不确定性的分区。&lt;/p&gt;&lt;h3&gt;参数&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;CRITERIA&lt;/b&gt;：准则栅格，网格不限，统一对齐到 &lt;b&gt;REFERENCE&lt;/b&gt;（默认：第一个准则，需为以米为单位的投影坐标系）；&lt;b&gt;DIRECTIONS&lt;/b&gt;：每个准则的方向，+（正向/效益型）或 -（负向/成本型，按 1 − c 使用）。取值超出 0–1 的准则将在研究区内按最小-最大值归一化。&lt;/li&gt;&lt;li&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;：以英文逗号分隔的权重（如 tsr:ahpweights 的 WEIGHTS 输出），归一化为总和 1。&lt;/li&gt;&lt;li&gt;&lt;b&gt;METHOD&lt;/b&gt;：&lt;i&gt;加权线性组合&lt;/i&gt; S = Σ wᵢcᵢ；&lt;i&gt;OWA&lt;/i&gt;，使用 &lt;b&gt;ORDER_WEIGHTS&lt;/b&gt;（从值最大的准则起）或 &lt;b&gt;ORNESS&lt;/b&gt;（0 = 最小值，0.5 = 均值，1 = 最大值；次序权重由量词函数 Q(r) = r^a 导出）；&lt;i&gt;短板法（最小值）&lt;/i&gt; S = min cᵢ，此时权重不起作用。&lt;/li&gt;&lt;li&gt;&lt;b&gt;CONSTRAINTS&lt;/b&gt;：约束栅格，0 表示排除；&lt;b&gt;EXCLUSION_ZONES&lt;/b&gt;：完全排除的面（生态保护红线、永久基本农田、高风险区）。被排除的像元得分为 0，始终不适宜。&lt;/li&gt;&lt;li&gt;&lt;b&gt;WEIGHT_UNCERTAINTY&lt;/b&gt;：权重的变异系数（%），CV² = ΣVar(wᵢ)/Σw̄ᵢ²；抽样服从以给定权重为中心的狄利克雷（Dirichlet）分布，因此每次抽样的权重之和仍为 1。&lt;b&gt;CRITERION_UNCERTAINTY&lt;/b&gt;：叠加在归一化准则上的独立正态噪声的标准差。&lt;b&gt;ITERATIONS&lt;/b&gt;：抽样次数；&lt;b&gt;SEED&lt;/b&gt;：随机种子，相同的种子得到相同的结果。&lt;/li&gt;&lt;li&gt;&lt;b&gt;THRESHOLD&lt;/b&gt;：某次抽样中像元得分达到该值即为适宜（默认 0.6）；或 &lt;b&gt;TOP_PERCENT&lt;/b&gt;：像元位于该次抽样中研究区得分最高的这一比例之内即为适宜。&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT_MEAN&lt;/b&gt;、&lt;b&gt;OUTPUT_STD&lt;/b&gt;：得分的均值和标准差；对加权线性组合为精确值（均值 = Σw̄ᵢcᵢ，方差 = cᵀΣc，Σ 为狄利克雷协方差），没有抽样误差。&lt;b&gt;OUTPUT_PROBABILITY&lt;/b&gt;：像元为适宜的抽样次数占比。&lt;b&gt;OUTPUT_CLASS&lt;/b&gt;：1 稳健适宜（p ≥ 0.9），2 较可能适宜（0.5–0.9），3 不确定（0.1–0.5），4 不适宜（&amp;lt; 0.1），5 已排除。&lt;b&gt;ROBUST_AREA_HA&lt;/b&gt;、&lt;b&gt;UNCERTAIN_AREA_HA&lt;/b&gt;：第 1 类和第 3 类的面积。&lt;b&gt;OUTPUT_HTML&lt;/b&gt;：设置、分类结果，以及适宜面积和平均得分对各权重的敏感性（每次只将一个权重改变 ±20 %，其余权重重新缩放，使权重之和仍为 1），以龙卷风图表示，并给出各次抽样中每个权重与结果的相关系数。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;参考文献&lt;/h3&gt;&lt;p&gt;Malczewski J (2006) GIS-based multicriteria decision analysis: a survey of the literature. IJGIS 20(7): 703–726. Feizizadeh B, Blaschke T (2014) An uncertainty and sensitivity analysis approach for GIS-based multicriteria landslide susceptibility mapping. IJGIS 28(3): 610–638. Chen Y, Yu J, Khan S (2010) Spatial sensitivity analysis of multi-criteria weights in GIS-based land suitability evaluation. EMS 25(12): 1582–1591. 自然资源部 (2020) 资源环境承载能力和国土空间开发适宜性评价指南（试行）.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="55"/>
        <source>Robustly suitable (p ≥ 0.9)</source>
        <translation>稳健适宜（p ≥ 0.9）</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="55"/>
        <source>Likely suitable (0.5–0.9)</source>
        <translation>较可能适宜（0.5–0.9）</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="55"/>
        <source>Uncertain (0.1–0.5)</source>
        <translation>不确定（0.1–0.5）</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="55"/>
        <source>Unsuitable (p &lt; 0.1)</source>
        <translation>不适宜（p &lt; 0.1）</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="55"/>
        <source>Excluded</source>
        <translation>已排除</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="86"/>
        <source>Suitability under uncertainty</source>
        <translation>不确定性下的适宜性评价</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="89"/>
        <source>Multi-criteria suitability with Monte Carlo weight uncertainty: mean, spread, probability of being suitable, robust zones</source>
        <translation>考虑权重不确定性（蒙特卡洛模拟）的多准则适宜性评价：均值、离散程度、适宜概率、稳健分区</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="92"/>
        <source>suitability,MCDA,multi-criteria,WLC,OWA,weakest link,Monte Carlo,uncertainty,sensitivity,适宜性评价,不确定性,敏感性</source>
        <translation>适宜性,多准则决策分析,MCDA,多准则,加权线性组合,WLC,OWA,有序加权平均,短板法,蒙特卡洛,不确定性,敏感性,适宜性评价</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="96"/>
        <source>Weighted linear combination</source>
        <translation>加权线性组合</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="96"/>
        <source>Weakest link / minimum (短板法)</source>
        <translation>短板法（最小值）</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="100"/>
        <source>Criteria rasters</source>
        <translation>准则栅格</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="101"/>
        <source>Directions (comma list of + benefit / − cost; empty = all benefit)</source>
        <translation>方向（英文逗号分隔，+ 为正向/效益型，− 为负向/成本型；留空 = 全部为正向）</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="102"/>
        <source>Criterion weights (comma list; empty = equal)</source>
        <translation>准则权重（英文逗号分隔；留空 = 等权）</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="103"/>
        <source>Aggregation method</source>
        <translation>聚合方法</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="104"/>
        <source>OWA orness (0 = minimum, 0.5 = mean, 1 = maximum)</source>
        <translation>OWA orness（0 = 最小值，0.5 = 均值，1 = 最大值）</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="105"/>
        <source>OWA order weights (largest criterion first)</source>
        <translation>OWA 次序权重（从值最大的准则起）</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="106"/>
        <source>Constraint rasters (0 = excluded)</source>
        <translation>约束栅格（0 = 排除）</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="107"/>
        <source>Exclusion zones (polygons)</source>
        <translation>排除区（面）</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="108"/>
        <source>Weight uncertainty: coefficient of variation (%)</source>
        <translation>权重不确定性：变异系数（%）</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="109"/>
        <source>Criterion uncertainty: standard deviation of noise (0–1 units)</source>
        <translation>准则不确定性：噪声标准差（0–1 单位）</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="110"/>
        <source>Monte Carlo draws</source>
        <translation>蒙特卡洛抽样次数</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="111"/>
        <source>Random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="112"/>
        <source>Suitable if score ≥ (empty: 0.6, unless a top percentage is given)</source>
        <translation>得分 ≥ 此值即为适宜（留空：0.6，除非给出了前百分比）</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="113"/>
        <source>Or suitable if among the top share of the study area (%)</source>
        <translation>或：位于研究区得分最高的前百分比之内即为适宜（%）</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="114"/>
        <source>Reference grid (default: the first criterion)</source>
        <translation>参考网格（默认：第一个准则）</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="117"/>
        <source>Mean suitability</source>
        <translation>适宜性均值</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="118"/>
        <source>Standard deviation of suitability</source>
        <translation>适宜性标准差</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="119"/>
        <source>Probability of being suitable</source>
        <translation>适宜概率</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="120"/>
        <source>Robustness class</source>
        <translation>稳健性等级</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="121"/>
        <source>Suitability report</source>
        <translation>适宜性报告</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="122"/>
        <source>Robustly suitable area (ha)</source>
        <translation>稳健适宜面积（ha）</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="123"/>
        <source>Uncertain area (ha)</source>
        <translation>不确定面积（ha）</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="128"/>
        <source>Give at least one criterion raster</source>
        <translation>请至少给出一个准则栅格</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="129"/>
        <source>Criterion {n}</source>
        <translation>准则 {n}</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="132"/>
        <source>The reference grid</source>
        <translation>参考网格</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="134"/>
        <source>Constraint {n}</source>
        <translation>约束 {n}</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="165"/>
        <source>Reading the range of each criterion</source>
        <translation>正在读取各准则的取值范围</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="176"/>
        <source>Pass 1: the score distribution of every draw</source>
        <translation>第 1 遍：各次抽样的得分分布</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="186"/>
        <source>mean suitability score</source>
        <translation>适宜性得分均值</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="187"/>
        <source>standard deviation of the score</source>
        <translation>得分标准差</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="188"/>
        <source>probability of being suitable</source>
        <translation>适宜概率</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="189"/>
        <source>robustness class</source>
        <translation>稳健性等级</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="199"/>
        <source>Scoring {draws} draws per cell</source>
        <translation>正在为每个像元计算 {draws} 次抽样的得分</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="219"/>
        <source>Robustly suitable: {robust} ha; uncertain: {uncertain} ha</source>
        <translation>稳健适宜：{robust} ha；不确定：{uncertain} ha</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="229"/>
        <source>Give one direction per criterion, + (benefit) or - (cost), e.g. +,-,+; got &apos;{text}&apos;</source>
        <translation>请为每个准则给出一个方向，+（正向/效益型）或 -（负向/成本型），如 +,-,+；当前为“{text}”</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="245"/>
        <source>The criterion &apos;{name}&apos; has no valid cell on the reference grid</source>
        <translation>准则“{name}”在参考网格上没有有效像元</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="248"/>
        <source>The criterion &apos;{name}&apos; is constant; it cannot be normalised</source>
        <translation>准则“{name}”为常数，无法归一化</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="249"/>
        <source>Criterion {n} ranges from {low:.6g} to {high:.6g}: min-max normalised to 0–1</source>
        <translation>准则 {n} 的取值范围为 {low:.6g} 至 {high:.6g}：已按最小-最大值归一化到 0–1</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="294"/>
        <source>Exclusion zones cover {ha} ha</source>
        <translation>排除区覆盖 {ha} ha</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="300"/>
        <source>score ≥ {t:g}</source>
        <translation>得分 ≥ {t:g}</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="300"/>
        <source>top {p:g} % of the study area in each draw</source>
        <translation>每次抽样中位于研究区得分最高的前 {p:g} %</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="301"/>
        <source>Suitable if</source>
        <translation>适宜条件</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="301"/>
        <source>Weight uncertainty (CV)</source>
        <translation>权重不确定性（CV）</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="301"/>
        <source>Criterion uncertainty (σ)</source>
        <translation>准则不确定性（σ）</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="301"/>
        <source>Draws</source>
        <translation>抽样次数</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="315"/>
        <source>min-max from {low:.4g}–{high:.4g}</source>
        <translation>最小-最大值归一化，原范围 {low:.4g}–{high:.4g}</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="315"/>
        <source>as given (0–1)</source>
        <translation>按原值（0–1）</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="318"/>
        <source>Mean weight</source>
        <translation>平均权重</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="318"/>
        <source>Std. dev. of the weight</source>
        <translation>权重标准差</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="318"/>
        <source>Normalisation</source>
        <translation>归一化</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="321"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="323"/>
        <source>Set-up</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="323"/>
        <source>Criteria and weights</source>
        <translation>准则与权重</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="323"/>
        <source>Robustness classes</source>
        <translation>稳健性等级</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="336"/>
        <source>weight {c:+.0%}</source>
        <translation>权重 {c:+.0%}</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="344"/>
        <source>Baseline</source>
        <translation>基准</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="353"/>
        <source>Sensitivity to each weight</source>
        <translation>对各权重的敏感性</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="353"/>
        <source>Weight changed</source>
        <translation>改变的权重</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="353"/>
        <source>Change</source>
        <translation>变化量</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="353"/>
        <source>Suitable area (ha)</source>
        <translation>适宜面积（ha）</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="353"/>
        <source>Mean score</source>
        <translation>平均得分</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="353"/>
        <source>Baseline cells kept (%)</source>
        <translation>基准适宜像元保留率（%）</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="360"/>
        <source>Weights against outcomes across the draws</source>
        <translation>各次抽样中权重与结果的相关性</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="360"/>
        <source>r (area)</source>
        <translation>r（面积）</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="360"/>
        <source>ρ (area)</source>
        <translation>ρ（面积）</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="360"/>
        <source>r (kept)</source>
        <translation>r（保留率）</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="360"/>
        <source>ρ (kept)</source>
        <translation>ρ（保留率）</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="364"/>
        <source>Suitability under uncertainty report</source>
        <translation>不确定性下的适宜性评价报告</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="301"/>
        <source>{draws} (seed {seed})</source>
        <translation>{draws}（随机种子 {seed}）</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="348"/>
        <source>One weight at a time is changed by the given share and the other weights are rescaled proportionally so that they still sum to 1; the chart shows the change of the suitable area (threshold rule) or of the share of the baseline suitable cells that stay suitable (top-percentage rule).</source>
        <translation>每次只按给定比例改变一个权重，其余权重按比例缩放以保持总和为 1；图中显示适宜面积的变化（阈值规则），或基准情形下的适宜像元中仍保持适宜的比例的变化（前百分比规则）。</translation>
    </message>
</context>
</TS>
