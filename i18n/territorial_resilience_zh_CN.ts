<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <location filename="../algorithms/raster/classify.py" line="120"/>
        <source>The raster contains infinite values; set them to nodata before classifying.</source>
        <translation>栅格中含有无穷大值；请先将其设为无数据值，再进行分级。</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/classify.py" line="124"/>
        <source>The raster has no valid cells (every cell is nodata).</source>
        <translation>栅格没有有效像元（所有像元均为无数据）。</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/classify.py" line="276"/>
        <source>The value {value} lies outside the data range [{vmin}, {vmax}] found in the first pass over the raster; the raster may have changed while it was being read.</source>
        <translation>值 {value} 超出了首次遍历栅格时得到的数据范围 [{vmin}, {vmax}]；栅格可能在读取过程中被修改。</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/classify.py" line="405"/>
        <source>The number of classes must be a whole number, not {k}.</source>
        <translation>分级数必须为整数，不能是 {k}。</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/classify.py" line="407"/>
        <source>The number of classes must be between 2 and {max_classes}, not {k}.</source>
        <translation>分级数必须在 2 到 {max_classes} 之间，不能是 {k}。</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/classify.py" line="416"/>
        <source>{count} class breaks were given, but at most {max_breaks} are possible ({max_classes} classes).</source>
        <translation>给出了 {count} 个分级断点，但最多只能有 {max_breaks} 个（{max_classes} 级）。</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/classify.py" line="425"/>
        <source>Class breaks must be strictly increasing, but {value} follows {previous:g}.</source>
        <translation>分级断点必须严格递增，但 {value} 排在 {previous:g} 之后。</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/classify.py" line="439"/>
        <source>Class break {value} is not a finite number.</source>
        <translation>分级断点 {value} 不是有限数值。</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/classify.py" line="584"/>
        <source>All valid cells have the same value: one class instead of {k}.</source>
        <translation>所有有效像元的值都相同：只能分为 1 级，而不是 {k} 级。</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/classify.py" line="586"/>
        <source>The data have only {m} distinct values, so {k_eff} classes instead of {k}.</source>
        <translation>数据只有 {m} 个不同的值，因此分为 {k_eff} 级，而不是 {k} 级。</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/classify.py" line="593"/>
        <source>Too many distinct values for an exact summary: the breaks were computed from a histogram and lie on its bin edges (bin width {width:.6g}).</source>
        <translation>不同值过多，无法精确汇总：断点由直方图计算得出，位于直方图的分箱边界上（箱宽 {width:.6g}）。</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/classify.py" line="652"/>
        <source>The quantile level {p:g} is outside the range 0 to 1 (0 % to 100 %).</source>
        <translation>分位数水平 {p:g} 超出了 0 到 1（0 % 到 100 %）的范围。</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/classify.py" line="679"/>
        <source>Several quantiles coincide because many cells share the same value: {classes} classes instead of {k}.</source>
        <translation>大量像元取值相同，导致若干分位数重合：分为 {classes} 级，而不是 {k} 级。</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/classify.py" line="686"/>
        <source>Too many distinct values for an exact summary: the quantiles were interpolated in a histogram and may be off by up to one bin width ({width:.6g}).</source>
        <translation>不同值过多，无法精确汇总：分位数由直方图插值得出，误差最多为一个箱宽（{width:.6g}）。</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/classify.py" line="701"/>
        <source>The data range from {vmin} to {vmax} is not finite.</source>
        <translation>数据范围 {vmin} 至 {vmax} 不是有限值。</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/classify.py" line="703"/>
        <source>The data minimum {vmin} is larger than the maximum {vmax}.</source>
        <translation>数据最小值 {vmin} 大于最大值 {vmax}。</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/classify.py" line="707"/>
        <source>All valid cells have the same value: one class.</source>
        <translation>所有有效像元的值都相同：只能分为 1 级。</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/classify.py" line="740"/>
        <source>The mean ({mean}) and standard deviation ({std}) must be finite numbers and the standard deviation must not be negative.</source>
        <translation>均值（{mean}）和标准差（{std}）必须为有限数值，且标准差不能为负。</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/classify.py" line="752"/>
        <source>One break lies outside the data range [{vmin:.6g}, {vmax:.6g}], so one class is empty.</source>
        <translation>有 1 个断点位于数据范围 [{vmin:.6g}, {vmax:.6g}] 之外，因此有 1 个等级为空。</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/classify.py" line="759"/>
        <source>{outside} of {total} breaks lie outside the data range [{vmin:.6g}, {vmax:.6g}], so {outside} classes are empty.</source>
        <translation>{total} 个断点中有 {outside} 个位于数据范围 [{vmin:.6g}, {vmax:.6g}] 之外，因此有 {outside} 个等级为空。</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/classify.py" line="779"/>
        <source>No class breaks given; type numbers such as 0.2, 0.4, 0.6.</source>
        <translation>未给出分级断点；请输入以英文逗号分隔的数值，如 0.2, 0.4, 0.6。</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/classify.py" line="785"/>
        <source>Class break &apos;{value}&apos; is not a number; separate breaks with commas and use &apos;.&apos; as the decimal separator.</source>
        <translation>分级断点“{value}”不是数值；断点之间请用英文逗号分隔，小数点请用“.”。</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/classify.py" line="790"/>
        <source>Class break &apos;{value}&apos; is not a finite number.</source>
        <translation>分级断点“{value}”不是有限数值。</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/normalize.py" line="97"/>
        <source>The reclassification table needs three columns: minimum, maximum, value</source>
        <translation>重分类表需要三列：最小值、最大值、值</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/normalize.py" line="108"/>
        <source>&apos;{value}&apos; in the reclassification table is not a number</source>
        <translation>重分类表中的“{value}”不是数值</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/normalize.py" line="115"/>
        <source>Table row {row}: the value must be a degree between 0 and 1, got {value}</source>
        <translation>表第 {row} 行：值必须介于 0 和 1 之间，当前为 {value}</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/normalize.py" line="117"/>
        <source>Table row {row}: the minimum {lower} is not below the maximum {upper}</source>
        <translation>表第 {row} 行：最小值 {lower} 不小于最大值 {upper}</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/normalize.py" line="122"/>
        <source>The reclassification table is empty</source>
        <translation>重分类表为空</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/normalize.py" line="157"/>
        <source>The lower and upper control points must be finite numbers</source>
        <translation>下控制点和上控制点必须为有限数值</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/ahp.py" line="169"/>
        <source>&apos;{token}&apos; is not a number</source>
        <translation>“{token}”不是数值</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/overlay.py" line="126"/>
        <source>At least one hazard raster is needed</source>
        <translation>至少需要一个灾种栅格</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/overlay.py" line="133"/>
        <source>{given} weights were given for {n} hazards; give one weight per hazard, in the same order</source>
        <translation>为 {n} 个灾种给出了 {given} 个权重；请按灾种顺序为每个灾种给出一个权重</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/overlay.py" line="135"/>
        <source>Weights must be zero or positive numbers</source>
        <translation>权重必须为零或正数</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/overlay.py" line="138"/>
        <source>For the probabilistic union each weight is the share of the hazard that acts: it must lie between 0 and 1</source>
        <translation>概率并集中，每个权重表示该灾种实际发挥作用的比例，必须介于 0 和 1 之间</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/overlay.py" line="144"/>
        <source>The weights sum to zero</source>
        <translation>权重之和为零</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/overlay.py" line="155"/>
        <source>{given} order weights were given for {n} hazards; OWA needs one per rank</source>
        <translation>为 {n} 个灾种给出了 {given} 个次序权重；OWA 要求每个排序位次对应一个次序权重</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/overlay.py" line="157"/>
        <source>Order weights must be zero or positive and not all zero</source>
        <translation>次序权重必须为零或正数，且不能全为零</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/overlay.py" line="166"/>
        <source>The interaction matrix has {given} values; {n} hazards need an {n}×{n} matrix ({needed} values)</source>
        <translation>交互矩阵有 {given} 个值；{n} 个灾种需要 {n}×{n} 矩阵（{needed} 个值）</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/overlay.py" line="174"/>
        <source>Interaction factors must be zero or positive (hazard j is multiplied by 1 + mᵢⱼ)</source>
        <translation>交互系数必须为零或正数（灾种 j 将乘以 1 + mᵢⱼ）</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/overlay.py" line="181"/>
        <source>The threshold is a hazard degree between 0 and 1</source>
        <translation>阈值是介于 0 和 1 之间的危险度</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/overlay.py" line="203"/>
        <source>'{name}' has values from {low:g} to {high:g}, outside 0–1; normalise it first (tsr:normalizehazard)</source>
        <translation>“{name}”的取值范围为 {low:g} 至 {high:g}，超出 0–1；请先对其进行归一化（tsr:normalizehazard）</translation>
    </message>
    <message>
        <location filename="../algorithms/engine/raster_io.py" line="348"/>
        <source>{name} has {count} band(s); band {band} does not exist</source>
        <translation>{name} 有 {count} 个波段；波段 {band} 不存在</translation>
    </message>
    <message>
        <location filename="../algorithms/engine/raster_io.py" line="353"/>
        <source>{name} has no coordinate reference system; assign one (Layer Properties ▸ Source) so that it can be aligned</source>
        <translation>{name} 没有坐标参照系；请为其指定坐标参照系（图层属性 ▸ 源），以便对齐</translation>
    </message>
    <message>
        <location filename="../algorithms/engine/raster_io.py" line="360"/>
        <source>{name} does not overlap the reference raster; check its extent and coordinate reference system</source>
        <translation>{name} 与参考栅格不重叠；请检查其范围和坐标参照系</translation>
    </message>
    <message>
        <location filename="../algorithms/engine/raster_io.py" line="746"/>
        <source>The output {path} is also an input; choose another output file (inputs are never modified)</source>
        <translation>输出文件 {path} 同时也是输入；请选择其他输出文件（输入数据不会被修改）</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/zoning.py" line="53"/>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/zoning.py" line="53"/>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/zoning.py" line="53"/>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/zoning.py" line="53"/>
        <source>Relatively low</source>
        <translation>较低</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/zoning.py" line="53"/>
        <source>Relatively high</source>
        <translation>较高</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/zoning.py" line="53"/>
        <source>Very low</source>
        <translation>极低</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/zoning.py" line="53"/>
        <source>Very high</source>
        <translation>极高</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/zoning.py" line="53"/>
        <source>Extremely low</source>
        <translation>特低</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/zoning.py" line="53"/>
        <source>Extremely high</source>
        <translation>特高</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/zoning.py" line="72"/>
        <source>The number of classes must be between 2 and 9, got {k}</source>
        <translation>分级数必须在 2 到 9 之间，当前为 {k}</translation>
    </message>
    <message>
        <location filename="../dependencies.py" line="32"/>
        <source>Territorial Space Resilience needs these Python packages, which are not installed: {names}. On Debian or Ubuntu run: sudo apt install {debian}. On Windows, open the OSGeo4W Shell and run: python -m pip install {pip}. On macOS, run in the QGIS Python console: import pip; pip.main([&apos;install&apos;, {pip_list}]). Then restart QGIS.</source>
        <translation>国土空间韧性插件需要以下尚未安装的 Python 包：{names}。Debian 或 Ubuntu 上请运行：sudo apt install {debian}。Windows 上请打开 OSGeo4W Shell 并运行：python -m pip install {pip}。macOS 上请在 QGIS Python 控制台中运行：import pip; pip.main(['install', {pip_list}])。安装完成后请重启 QGIS。</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="40"/>
        <source>The Territorial Space Resilience Processing provider could not be registered (is another copy loaded?)</source>
        <translation>无法注册“国土空间韧性”处理工具提供程序（是否已加载了另一个副本？）</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="279"/>
        <source>Territorial Space Resilience</source>
        <translation>国土空间韧性</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/base.py" line="97"/>
        <source>1 · Multi-hazard risk</source>
        <translation>1 · 多灾种风险</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/base.py" line="122"/>
        <source>{label}: the raster layer is missing or cannot be read</source>
        <translation>{label}：栅格图层缺失或无法读取</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/base.py" line="124"/>
        <source>{label}: &apos;{name}&apos; is not a file-based raster; save it as a GeoTIFF first</source>
        <translation>{label}：“{name}”不是基于文件的栅格；请先将其另存为 GeoTIFF</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/output_guard.py" line="668"/>
        <source>Cancelled: no output was written</source>
        <translation>已取消：未写入任何输出</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/output_guard.py" line="672"/>
        <source>Not enough memory for this raster; try a coarser cell size or a smaller extent</source>
        <translation>内存不足，无法处理此栅格；请尝试更大的像元尺寸或更小的范围</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/base.py" line="162"/>
        <source>{what} has no coordinate reference system; assign one before measuring areas or distances</source>
        <translation>{what}没有坐标参照系；请先为其指定坐标参照系，再量算面积或距离</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/base.py" line="166"/>
        <source>{what} is in a geographic CRS ({crs}), whose units are degrees; reproject it to a projected CRS in metres, e.g. CGCS2000 / 3-degree Gauss-Kruger (EPSG:4513–4554)</source>
        <translation>{what}采用地理坐标系（{crs}），单位为度；请将其重投影到以米为单位的投影坐标系，如 CGCS2000 / 3-degree Gauss-Kruger（3 度带高斯-克吕格投影，EPSG:4513–4554）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/base.py" line="174"/>
        <source>{what} is in Web Mercator ({crs}), which inflates distances and areas away from the equator; reproject it to a local projected CRS in metres, e.g. CGCS2000 / 3-degree Gauss-Kruger</source>
        <translation>{what}采用 Web 墨卡托投影（{crs}），远离赤道时距离和面积会被放大；请将其重投影到以米为单位的本地投影坐标系，如 CGCS2000 / 3-degree Gauss-Kruger（3 度带高斯-克吕格投影）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/base.py" line="181"/>
        <source>{what} is in a CRS whose unit is not the metre ({crs}); reproject it to a projected CRS in metres</source>
        <translation>{what}所用坐标参照系的单位不是米（{crs}）；请将其重投影到以米为单位的投影坐标系</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="238"/>
        <source>Multi-hazard overlay</source>
        <translation>多灾种叠加</translation>
    </message>
    <message>
        <location filename="../processing_provider/sets_index.py" line="109"/>
        <source>Weighted sum</source>
        <translation>加权求和</translation>
    </message>
    <message>
        <location filename="../processing_provider/sets_index.py" line="109"/>
        <source>Weighted geometric mean</source>
        <translation>加权几何平均</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/overlay_job.py" line="54"/>
        <source>Maximum (worst case)</source>
        <translation>最大值（最不利情形）</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/overlay_job.py" line="54"/>
        <source>Probabilistic union 1 − Π(1 − wᵢhᵢ)</source>
        <translation>概率并集 1 − Π(1 − wᵢhᵢ)</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="92"/>
        <source>Ordered weighted averaging (OWA)</source>
        <translation>有序加权平均（OWA）</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="384"/>
        <source>Multi-hazard risk index</source>
        <translation>多灾种风险指数</translation>
    </message>
    <message>
        <location filename="../ui/page_risk.py" line="52"/>
        <source>Hazard</source>
        <translation>灾种</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="308"/>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="318"/>
        <source>Cells</source>
        <translation>像元数</translation>
    </message>
    <message>
        <location filename="../ui/page_risk.py" line="300"/>
        <source>Area (ha)</source>
        <translation>面积（ha）</translation>
    </message>
    <message>
        <location filename="../ui/ahp_dialog.py" line="87"/>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/normalize_job.py" line="40"/>
        <source>Min-max</source>
        <translation>最小-最大值</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/normalize_job.py" line="40"/>
        <source>Percentile min-max</source>
        <translation>百分位最小-最大值</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/normalize_job.py" line="40"/>
        <source>Fuzzy linear</source>
        <translation>模糊线性</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/normalize_job.py" line="40"/>
        <source>Fuzzy sigmoid</source>
        <translation>模糊 S 形</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/normalize_job.py" line="40"/>
        <source>Fuzzy gaussian</source>
        <translation>模糊高斯</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/normalize_job.py" line="40"/>
        <source>Reclassification table</source>
        <translation>重分类表</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/normalize_job.py" line="40"/>
        <source>Return period → annual exceedance probability</source>
        <translation>重现期 → 年超越概率</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="56"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/report.py" line="180"/>
        <source>Generated by the Territorial Space Resilience toolkit on {date}</source>
        <translation>由国土空间韧性工具集于 {date} 生成</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="239"/>
        <source>Risk zoning and control lines</source>
        <translation>风险分区与风险控制线</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="77"/>
        <source>Natural breaks (Fisher–Jenks)</source>
        <translation>自然断点法（Fisher–Jenks）</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="78"/>
        <source>Quantile</source>
        <translation>分位数</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="79"/>
        <source>Equal interval</source>
        <translation>等间距</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="80"/>
        <source>Standard deviation</source>
        <translation>标准差</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="81"/>
        <source>Manual breaks</source>
        <translation>手动断点</translation>
    </message>
    <message>
        <location filename="../ui/page_study_area.py" line="35"/>
        <source>Unit name field</source>
        <translation>单元名称字段</translation>
    </message>
    <message>
        <location filename="../ui/page_risk.py" line="74"/>
        <source>Risk grades</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../ui/page_base.py" line="92"/>
        <source>Risk zones</source>
        <translation>风险分区</translation>
    </message>
    <message>
        <location filename="../ui/wizard.py" line="28"/>
        <source>Study area</source>
        <translation>研究区</translation>
    </message>
    <message>
        <location filename="../ui/page_risk.py" line="74"/>
        <source>Minimum patch area</source>
        <translation>最小图斑面积</translation>
    </message>
    <message>
        <location filename="../ui/page_risk.py" line="74"/>
        <source>Classification</source>
        <translation>分级</translation>
    </message>
    <message>
        <location filename="../processing_provider/provider.py" line="45"/>
        <source>Territorial Space Resilience (resilience tools for territorial spatial planning)</source>
        <translation>国土空间韧性（国土空间规划韧性工具）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/base.py" line="98"/>
        <source>2 · Zoning under uncertainty</source>
        <translation>2 · 不确定性下的分区</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/ahp.py" line="211"/>
        <source>{count} judgements were given: type either the full matrix (n × n values, e.g. 9 for 3 criteria) or only the judgements above the diagonal (n(n − 1)/2 values, e.g. 3 for 3 criteria).</source>
        <translation>给出了 {count} 个判断值：请输入完整矩阵（n × n 个值，如 3 个准则为 9 个），或仅输入对角线以上的判断值（n(n − 1)/2 个值，如 3 个准则为 3 个）。</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/ahp.py" line="298"/>
        <source>AHP needs at least two criteria to compare, got {n}.</source>
        <translation>层次分析法至少需要两个准则进行比较，当前为 {n} 个。</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/ahp.py" line="223"/>
        <source>{n} criteria need {full} judgements (the full matrix) or {upper} (only the judgements above the diagonal), but {count} were given.</source>
        <translation>{n} 个准则需要 {full} 个判断值（完整矩阵）或 {upper} 个（仅对角线以上的判断值），但给出了 {count} 个。</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/ahp.py" line="235"/>
        <source>{count} judgements were read as a full {n} × {n} matrix, but its diagonal is not all 1. If they are the judgements above the diagonal for {other} criteria, give the number of criteria.</source>
        <translation>{count} 个判断值被读作完整的 {n} × {n} 矩阵，但其对角线并非全为 1。如果它们是 {other} 个准则的对角线以上判断值，请给出准则数。</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/ahp.py" line="258"/>
        <source>The judgement in row {row}, column {col} is not a finite number.</source>
        <translation>第 {row} 行第 {col} 列的判断值不是有限数值。</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/ahp.py" line="264"/>
        <source>The judgement in row {row}, column {col} is {value:g}; judgements must be positive (1/9 to 9 on Saaty&apos;s scale).</source>
        <translation>第 {row} 行第 {col} 列的判断值为 {value:g}；判断值必须为正数（Saaty 标度为 1/9 至 9）。</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/ahp.py" line="288"/>
        <source>The comparison matrix must be a table of numbers with one row and one column per criterion.</source>
        <translation>判断矩阵必须是数值表，每个准则对应一行和一列。</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/ahp.py" line="291"/>
        <source>The comparison matrix must be square, with one row and one column per criterion, but it has {rows} rows and {cols} columns.</source>
        <translation>判断矩阵必须为方阵，每个准则对应一行和一列，但当前为 {rows} 行 {cols} 列。</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/ahp.py" line="314"/>
        <source>Row {row}, column {row} compares a criterion with itself and must be 1, but it is {value:g}.</source>
        <translation>第 {row} 行第 {row} 列是准则与自身的比较，必须为 1，但当前为 {value:g}。</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/ahp.py" line="322"/>
        <source>Row {row}, column {col} is {value:g}, so row {col}, column {row} must be its reciprocal {expected:.4g}, but it is {other:g}. Type reciprocals as fractions such as 1/3.</source>
        <translation>第 {row} 行第 {col} 列为 {value:g}，因此第 {col} 行第 {row} 列必须为其倒数 {expected:.4g}，但当前为 {other:g}。倒数请以分数形式输入，如 1/3。</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/ahp.py" line="350"/>
        <source>{n} criteria are too many for one comparison matrix: its consistency can only be checked for up to {max_n} criteria, and judgements become unreliable long before. Group the criteria into a hierarchy with at most {max_n}, better 7 to 9, per group.</source>
        <translation>{n} 个准则过多，无法放入同一个判断矩阵：一致性最多只能对 {max_n} 个准则进行检验，而且远未达到该数目时判断就已不再可靠。请将准则分组构建层次结构，每组最多 {max_n} 个，最好为 7 至 9 个。</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/ahp.py" line="437"/>
        <source>The judgements are consistent enough: consistency ratio CR = {cr:.3f}, at most {max_cr:.2f}.</source>
        <translation>判断的一致性可以接受：一致性比率 CR = {cr:.3f}，不超过 {max_cr:.2f}。</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/ahp.py" line="444"/>
        <source>The judgements are not consistent enough: consistency ratio CR = {cr:.3f} exceeds {max_cr:.2f}. Reconsider the judgements below, the first one first, then check again.</source>
        <translation>判断的一致性不可接受：一致性比率 CR = {cr:.3f}，超过 {max_cr:.2f}。请从第一条开始依次重新考虑以下判断，然后再次检验。</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/ahp.py" line="463"/>
        <source>Row {row}, column {col}: you gave {value}, the weights imply {implied}, but no other value on Saaty&apos;s scale makes the matrix more consistent; reconsider the other judgements on criteria {row} and {col}.</source>
        <translation>第 {row} 行第 {col} 列：您给出的值为 {value}，权重所对应的值为 {implied}，但 Saaty 标度上没有其他值能使矩阵更加一致；请重新考虑涉及准则 {row} 和 {col} 的其他判断。</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/ahp.py" line="475"/>
        <source>Row {row}, column {col}: you gave {value}, the weights imply {implied}; changing it to {scale_value} (and row {col}, column {row} to its reciprocal) would give CR = {cr_after:.3f}.</source>
        <translation>第 {row} 行第 {col} 列：您给出的值为 {value}，权重所对应的值为 {implied}；将其改为 {scale_value}（并将第 {col} 行第 {row} 列改为其倒数）后 CR = {cr_after:.3f}。</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/ahp.py" line="486"/>
        <source>Row {row}, column {col} is {value}, outside Saaty&apos;s scale from 1/9 to 9; it was used as given.</source>
        <translation>第 {row} 行第 {col} 列为 {value}，超出 Saaty 标度 1/9 至 9 的范围；已按原值使用。</translation>
    </message>
    <message>
        <location filename="../ui/ahp_dialog.py" line="126"/>
        <source>AHP weights</source>
        <translation>层次分析法（AHP）权重</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/suitability.py" line="266"/>
        <source>At least one criterion raster is needed</source>
        <translation>至少需要一个准则栅格</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/suitability.py" line="272"/>
        <source>{given} weights were given for {n} criteria; give one weight per criterion, in the same order</source>
        <translation>为 {n} 个准则给出了 {given} 个权重；请按准则顺序为每个准则给出一个权重</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/suitability.py" line="280"/>
        <source>The coefficient of variation of the weights must lie between 0 and 100 %</source>
        <translation>权重的变异系数必须介于 0 和 100 % 之间</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/suitability.py" line="284"/>
        <source>The minimum (weakest link) does not use the weights: weight uncertainty and the weight sweep do not apply</source>
        <translation>最小值法（短板法）不使用权重：权重不确定性和权重扫描均不适用</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/suitability.py" line="286"/>
        <source>Only one criterion has a positive weight, so the weights cannot vary</source>
        <translation>只有一个准则的权重为正，权重无法变动</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/suitability.py" line="288"/>
        <source>A coefficient of variation of {cv:.0%} is too large for these weights: a Dirichlet distribution centred on them stays below {limit:.0%}</source>
        <translation>变异系数 {cv:.0%} 对这组权重而言过大：以其为中心的狄利克雷分布的变异系数始终低于 {limit:.0%}</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/suitability.py" line="297"/>
        <source>The criterion uncertainty is a standard deviation in normalised units, between 0 and 1</source>
        <translation>准则不确定性是以归一化单位表示的标准差，介于 0 和 1 之间</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/suitability.py" line="299"/>
        <source>The number of iterations must be a whole number from 1 to {max}</source>
        <translation>抽样次数必须是 1 到 {max} 之间的整数</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_allocation.py" line="748"/>
        <source>The random seed must be a whole number of zero or more</source>
        <translation>随机种子必须是大于或等于零的整数</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/suitability.py" line="303"/>
        <source>Give either a suitability threshold or a top percentage, not both or neither</source>
        <translation>适宜性阈值和前百分比须且只能给出其中之一</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/suitability.py" line="305"/>
        <source>The suitability threshold is a score between 0 and 1</source>
        <translation>适宜性阈值是介于 0 和 1 之间的得分</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/suitability.py" line="307"/>
        <source>The top percentage must be greater than 0 and at most 100</source>
        <translation>前百分比必须大于 0 且不超过 100</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/suitability.py" line="309"/>
        <source>With criterion uncertainty the top-percentage cut-off of each draw is taken from the scores without noise</source>
        <translation>考虑准则不确定性时，每次抽样的前百分比分界值取自未加噪声的得分</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/suitability.py" line="363"/>
        <source>Give OWA order weights or an orness, not both</source>
        <translation>OWA 次序权重和 orness 只能给出其中之一</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/suitability.py" line="366"/>
        <source>The orness must lie between 0 (minimum) and 1 (maximum)</source>
        <translation>orness 必须介于 0（最小值）和 1（最大值）之间</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/suitability.py" line="371"/>
        <source>{given} order weights were given for {n} criteria; OWA needs one per rank</source>
        <translation>为 {n} 个准则给出了 {given} 个次序权重；OWA 要求每个排序位次对应一个次序权重</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/suitability.py" line="382"/>
        <source>Sweep changes are relative (−0.2 = −20 %) and cannot lower a weight below zero (−100 %)</source>
        <translation>扫描变化量为相对值（−0.2 = −20 %），不能使权重低于零（−100 %）</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/suitability.py" line="389"/>
        <source>A {change:+.0%} change would raise the weight of &apos;{name}&apos; above 1; that sweep step is left out</source>
        <translation>{change:+.0%} 的变化会使“{name}”的权重超过 1；已略去该扫描步</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/suitability.py" line="963"/>
        <source>No cell is valid in every criterion and outside the constraints</source>
        <translation>没有任何像元在所有准则中均有效且位于约束范围之外</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="47"/>
        <source>Robustly suitable (p ≥ 0.9)</source>
        <translation>稳健适宜（p ≥ 0.9）</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="47"/>
        <source>Likely suitable (0.5–0.9)</source>
        <translation>较可能适宜（0.5–0.9）</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="47"/>
        <source>Uncertain (0.1–0.5)</source>
        <translation>不确定（0.1–0.5）</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="47"/>
        <source>Unsuitable (p &lt; 0.1)</source>
        <translation>不适宜（p &lt; 0.1）</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="47"/>
        <source>Excluded</source>
        <translation>已排除</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="241"/>
        <source>Suitability under uncertainty</source>
        <translation>不确定性下的适宜性评价</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="92"/>
        <source>Weighted linear combination</source>
        <translation>加权线性组合</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="92"/>
        <source>Weakest link / minimum (短板法)</source>
        <translation>短板法（最小值）</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="89"/>
        <source>Monte Carlo draws</source>
        <translation>蒙特卡洛抽样次数</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="162"/>
        <source>Random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="318"/>
        <source>Probability of being suitable</source>
        <translation>适宜概率</translation>
    </message>
    <message>
        <location filename="../algorithms/common/parsing.py" line="138"/>
        <source>Give one direction per criterion, + (benefit) or - (cost), e.g. +,-,+; got &apos;{text}&apos;</source>
        <translation>请为每个准则给出一个方向，+（正向/效益型）或 -（负向/成本型），如 +,-,+；当前为“{text}”</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="87"/>
        <source>Weight uncertainty (CV)</source>
        <translation>权重不确定性（CV）</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="308"/>
        <source>Draws</source>
        <translation>抽样次数</translation>
    </message>
    <message>
        <location filename="../ui/page_risk.py" line="52"/>
        <source>Normalisation</source>
        <translation>归一化</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="327"/>
        <source>weight {c:+.0%}</source>
        <translation>权重 {c:+.0%}</translation>
    </message>
    <message>
        <location filename="../algorithms/network/costs.py" line="53"/>
        <source>The cost from demand point {demand} to candidate site {candidate} is {cost}; costs must be zero or positive numbers (leave unreachable pairs out).</source>
        <translation>需求点 {demand} 到候选点 {candidate} 的成本为 {cost}；成本必须为零或正数（不可达的组合请直接省略）。</translation>
    </message>
    <message>
        <location filename="../algorithms/network/costs.py" line="70"/>
        <source>The pair demand point {demand}, candidate site {candidate} appears more than once in the costs.</source>
        <translation>需求点 {demand} 与候选点 {candidate} 这一组合在成本中出现了不止一次。</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_allocation.py" line="201"/>
        <source>The grid needs at least one row and one column</source>
        <translation>网格至少需要一行一列</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_allocation.py" line="285"/>
        <source>There are no units to allocate</source>
        <translation>没有可配置的单元</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_allocation.py" line="292"/>
        <source>At least one land use is needed</source>
        <translation>至少需要一种用地类型</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_allocation.py" line="294"/>
        <source>{names} use names were given for {k} uses</source>
        <translation>为 {k} 种用地给出了 {names} 个用地名称</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_allocation.py" line="301"/>
        <source>The demand table has {rows} rows for {k} uses; give one required area and tolerance per use</source>
        <translation>需求表有 {rows} 行，而用地有 {k} 种；请为每种用地给出一个需求面积和容差</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_allocation.py" line="303"/>
        <source>{count} units have no positive area</source>
        <translation>{count} 个单元的面积不为正</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_allocation.py" line="305"/>
        <source>{count} units have a current use that is not one of the {k} uses (−1 means none or other)</source>
        <translation>{count} 个单元的现状用地不属于这 {k} 种用地（−1 表示无或其他）</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_allocation.py" line="312"/>
        <source>Suitability must lie between 0 and 1; {use} has values outside</source>
        <translation>适宜性必须介于 0 到 1 之间；{use} 有超出此范围的值</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_allocation.py" line="314"/>
        <source>Risk must be a number between 0 and 1 for every unit; {count} units are missing or outside</source>
        <translation>每个单元的风险必须是 0 到 1 之间的数值；有 {count} 个单元缺失或超出范围</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_allocation.py" line="321"/>
        <source>Population must be zero or a positive number for every unit</source>
        <translation>每个单元的人口必须为零或正数</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_allocation.py" line="323"/>
        <source>Required areas must be zero or positive numbers of hectares</source>
        <translation>需求面积必须为零或正数（单位：ha）</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_allocation.py" line="325"/>
        <source>Tolerances must be zero or positive numbers of hectares</source>
        <translation>容差必须为零或正数（单位：ha）</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_allocation.py" line="328"/>
        <source>Choose at least one objective</source>
        <translation>请至少选择一个目标</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_allocation.py" line="330"/>
        <source>Each objective may be chosen only once</source>
        <translation>每个目标只能选择一次</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_allocation.py" line="333"/>
        <source>The development uses must be among the {k} uses</source>
        <translation>开发用地必须属于这 {k} 种用地</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_allocation.py" line="335"/>
        <source>Choose which uses count as development for the risk exposure objective</source>
        <translation>请选择在风险暴露目标中计为开发用地的用地类型</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_allocation.py" line="392"/>
        <source>population exposed to risk</source>
        <translation>暴露于风险的人口</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_allocation.py" line="392"/>
        <source>persons</source>
        <translation>人</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_allocation.py" line="392"/>
        <source>development area exposed to risk</source>
        <translation>暴露于风险的建设用地面积</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_allocation.py" line="399"/>
        <source>ha</source>
        <translation>公顷</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_allocation.py" line="396"/>
        <source>mean suitability</source>
        <translation>平均适宜性</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_allocation.py" line="398"/>
        <source>compactness</source>
        <translation>紧凑度</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_allocation.py" line="399"/>
        <source>converted area</source>
        <translation>转换面积</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_allocation.py" line="674"/>
        <source>No allocation of whole units was found that meets the demand of {uses} within its tolerance: the units may be too large for so narrow a tolerance; widen it or check the required area</source>
        <translation>未找到以整单元配置、且在容差范围内满足 {uses} 需求的方案：对于如此小的容差，单元可能过大；请放宽容差或检查需求面积</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_allocation.py" line="691"/>
        <source>The locked units already hold {locked:.2f} ha of {use}, more than the {high:.2f} ha its demand and tolerance allow</source>
        <translation>锁定单元中已有 {locked:.2f} ha 的 {use}，超过了其需求与容差所允许的 {high:.2f} ha</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_allocation.py" line="699"/>
        <source>No unlocked unit is suitable for {use}, yet its demand needs {need:.2f} ha more than the locked units hold</source>
        <translation>没有适宜 {use} 的未锁定单元，但其需求比锁定单元已有的面积还多 {need:.2f} ha</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_allocation.py" line="705"/>
        <source>{use} needs at least {need:.2f} ha on unlocked units, but only {available:.2f} ha of unlocked units are suitable for it</source>
        <translation>{use} 在未锁定单元上至少需要 {need:.2f} ha，但适宜它的未锁定单元只有 {available:.2f} ha</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_allocation.py" line="717"/>
        <source>{uses} together need at least {need:.2f} ha on unlocked units, but only {available:.2f} ha of unlocked units suit any of them</source>
        <translation>{uses} 在未锁定单元上合计至少需要 {need:.2f} ha，但适宜其中任一用地的未锁定单元只有 {available:.2f} ha</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_allocation.py" line="729"/>
        <source>The population size must be a whole number from {low} to {high}</source>
        <translation>种群规模必须是 {low} 到 {high} 之间的整数</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_allocation.py" line="729"/>
        <source>The number of generations must be a whole number from {low} to {high}</source>
        <translation>迭代代数必须是 {low} 到 {high} 之间的整数</translation>
    </message>
    <message>
        <location filename="../algorithms/network/location.py" line="348"/>
        <source>The solver stopped without a solution: {message}</source>
        <translation>求解器已停止，但未得到解：{message}</translation>
    </message>
    <message>
        <location filename="../algorithms/network/location.py" line="386"/>
        <source>No solution was found within the time limit of {seconds:g} s. Allow more time, or reduce the number of demand points or candidate sites.</source>
        <translation>在 {seconds:g} s 的时间上限内未找到解。请放宽时间上限，或减少需求点或候选点的数量。</translation>
    </message>
    <message>
        <location filename="../algorithms/network/location.py" line="438"/>
        <source>Demand point {index} has weight {value}; weights (people) must be zero or positive numbers.</source>
        <translation>需求点 {index} 的权重为 {value}；权重（人数）必须为零或正数。</translation>
    </message>
    <message>
        <location filename="../algorithms/network/location.py" line="444"/>
        <source>Every demand point has weight 0: there is nobody to serve.</source>
        <translation>所有需求点的权重均为 0：没有需要服务的人。</translation>
    </message>
    <message>
        <location filename="../algorithms/network/location.py" line="466"/>
        <source>Candidate site {index} has capacity {value}; capacities (people) must be zero or positive.</source>
        <translation>候选点 {index} 的容量为 {value}；容量（人数）必须为零或正数。</translation>
    </message>
    <message>
        <location filename="../algorithms/network/location.py" line="478"/>
        <source>The number of new sites must be a whole number of at least 0, got {p}.</source>
        <translation>新增设施数必须是不小于 0 的整数，当前为 {p}。</translation>
    </message>
    <message>
        <location filename="../algorithms/network/location.py" line="480"/>
        <source>{p} new sites were asked for, but only {free} candidate sites are not open already.</source>
        <translation>要求新增 {p} 处设施，但尚未开放的候选点只有 {free} 个。</translation>
    </message>
    <message>
        <location filename="../algorithms/network/location.py" line="486"/>
        <source>At least one site must be open: ask for new sites or give existing ones.</source>
        <translation>至少需要开放一处设施：请要求新增设施或提供现有设施。</translation>
    </message>
    <message>
        <location filename="../algorithms/network/location.py" line="492"/>
        <source>The time limit must be a positive number of seconds, got {value}.</source>
        <translation>时间上限必须是正数（秒），当前为 {value}。</translation>
    </message>
    <message>
        <location filename="../algorithms/network/location.py" line="494"/>
        <source>The MIP gap must be zero or a positive fraction, got {value}.</source>
        <translation>MIP 最优性间隙必须为零或正的小数，当前为 {value}。</translation>
    </message>
    <message>
        <location filename="../algorithms/network/location.py" line="854"/>
        <source>Even with every candidate site open, their capacities cannot serve everybody within the service distance {service:g}. Add candidate sites or capacity, or increase the service distance.</source>
        <translation>即使开放所有候选点，其容量也无法在服务距离 {service:g} 内服务所有人。请增加候选点或容量，或增大服务距离。</translation>
    </message>
    <message>
        <location filename="../algorithms/network/location.py" line="867"/>
        <source>The maximal covering model has no solution.</source>
        <translation>最大覆盖模型无解。</translation>
    </message>
    <message>
        <location filename="../algorithms/network/location.py" line="1090"/>
        <source>No placement of {p} new sites, with the existing ones, can serve every demand point within the sites&apos; reach and capacity. Ask for more sites, or add candidate sites or capacity.</source>
        <translation>无论 {p} 处新增设施如何布置，连同现有设施都无法在设施的可达范围和容量内服务所有需求点。请要求更多新增设施，或增加候选点或容量。</translation>
    </message>
    <message>
        <location filename="../algorithms/network/graph.py" line="107"/>
        <source>The road layer has no line with at least two vertices</source>
        <translation>道路图层中没有至少包含两个顶点的线</translation>
    </message>
    <message>
        <location filename="../algorithms/network/zones.py" line="292"/>
        <source>The hazard raster weighting the roads must hold degrees between 0 and 1 (found {low} to {high}); normalise it first</source>
        <translation>用于道路加权的危险性栅格取值必须在 0 到 1 之间（实际为 {low} 到 {high}）；请先进行归一化</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="109"/>
        <source>National</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="109"/>
        <source>Province</source>
        <translation>省</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="109"/>
        <source>City</source>
        <translation>市</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="109"/>
        <source>County</source>
        <translation>县</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="109"/>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="111"/>
        <source>Social</source>
        <translation>社会</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="111"/>
        <source>Ecological</source>
        <translation>生态</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="111"/>
        <source>Technological</source>
        <translation>技术</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="115"/>
        <source>social</source>
        <translation>社会</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="115"/>
        <source>ecological</source>
        <translation>生态</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="115"/>
        <source>technological</source>
        <translation>技术</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="177"/>
        <source>No {dimension} indicator field was chosen: the SETS index needs at least one field per dimension (social, ecological, technological)</source>
        <translation>未选择{dimension}指标字段：SETS 指数的每个维度（社会、生态、技术）至少需要一个字段</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="186"/>
        <source>The field(s) {fields} are listed twice among the {dimension} indicators</source>
        <translation>字段 {fields} 在{dimension}指标中重复出现</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="195"/>
        <source>The field(s) {fields} are listed both as {first} and as {second} indicators; each indicator belongs to one dimension</source>
        <translation>字段 {fields} 同时被列为{first}指标和{second}指标；每个指标只能属于一个维度</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="204"/>
        <source>The negative field(s) {fields} are not among the chosen indicator fields</source>
        <translation>负向字段 {fields} 不在所选指标字段之中</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="210"/>
        <source>The given WEIGHTS are used only with the weighting method &apos;given weights&apos;; they were ignored</source>
        <translation>给定的 WEIGHTS 仅在赋权方法为“给定权重”时使用，本次已忽略</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="235"/>
        <source>The weighting method &apos;given weights&apos; needs WEIGHTS: one weight per indicator field, social fields first, then ecological, then technological</source>
        <translation>赋权方法“给定权重”需要填写 WEIGHTS：每个指标字段一个权重，先社会字段，再生态字段，最后技术字段</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="242"/>
        <source>{given} weights were given for {n} indicator fields ({s} social, {e} ecological, {t} technological); give one weight per field, social fields first, then ecological, then technological</source>
        <translation>给出了 {given} 个权重，但指标字段有 {n} 个（社会 {s} 个、生态 {e} 个、技术 {t} 个）；请为每个字段给出一个权重，先社会字段，再生态字段，最后技术字段</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="259"/>
        <source>The weights of the {dimension} fields sum to zero; give at least one of them a positive weight</source>
        <translation>{dimension}字段的权重之和为零；请至少给其中一个字段正权重</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="271"/>
        <source>{given} dimension weights were given; give three, for S, E and T (e.g. 0.4,0.3,0.3), or none for equal weights</source>
        <translation>给出了 {given} 个维度权重；请给出 S、E、T 三个（如 0.4,0.3,0.3），或留空表示等权</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="276"/>
        <source>Dimension weights must be zero or positive numbers</source>
        <translation>维度权重必须为零或正数</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="278"/>
        <source>The dimension weights sum to zero</source>
        <translation>维度权重之和为零</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="289"/>
        <source>Objective weights need a table of at least two units and one indicator</source>
        <translation>客观赋权至少需要两个单元和一个指标</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="291"/>
        <source>The normalised indicator values must be finite numbers</source>
        <translation>标准化后的指标值必须为有限数值</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="310"/>
        <source>The entropy weight method needs normalised values of zero or more</source>
        <translation>熵权法要求标准化后的数值不小于零</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="366"/>
        <source>No indicator differs between the units, so no weight can be derived from the data</source>
        <translation>各单元的所有指标值都相同，无法由数据得出权重</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="443"/>
        <source>National units have no level above them: leave the parent field empty, or choose the level of the units</source>
        <translation>国家级单元没有上一级：请清空上级单元字段，或选择单元的实际层级</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="523"/>
        <source>The field &apos;{field}&apos; holds &apos;{value}&apos; for unit {unit}, which is not a number; indicator fields must be numeric</source>
        <translation>字段“{field}”在单元 {unit} 中的值为“{value}”，不是数值；指标字段必须为数值型</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="530"/>
        <source>The field &apos;{field}&apos; holds an infinite value for unit {unit}</source>
        <translation>字段“{field}”在单元 {unit} 中为无穷大</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="544"/>
        <source>The unit layer has no field(s) {fields}</source>
        <translation>单元图层中没有字段 {fields}</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="547"/>
        <source>The indicator fields have different numbers of values</source>
        <translation>各指标字段的取值个数不一致</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="550"/>
        <source>The unit layer has no features</source>
        <translation>单元图层没有要素</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="553"/>
        <source>Only one unit was given: the SETS index compares units with each other (min–max normalisation), so at least two are needed</source>
        <translation>只有一个单元：SETS 指数在单元之间相互比较（极差标准化），至少需要两个单元</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="569"/>
        <source>The field &apos;{field}&apos; is empty (null) in every unit</source>
        <translation>字段“{field}”在所有单元中均为空值</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="573"/>
        <source>&apos;{field}&apos;: {count} null value(s) replaced by the mean of the other units, {fill:.6g} (units: {units})</source>
        <translation>“{field}”：{count} 个空值已用其他单元的均值 {fill:.6g} 代替（单元：{units}）</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="594"/>
        <source>&apos;{field}&apos; has the same value ({value:g}) in every unit, so it cannot tell the units apart: its given weight {given:g} is dropped and the other {dimension} weights rescaled</source>
        <translation>“{field}”在所有单元中取值相同（{value:g}），无法区分各单元：舍弃其给定权重 {given:g}，{dimension}维度的其他权重重新归一化</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="599"/>
        <source>&apos;{field}&apos; has the same value ({value:g}) in every unit, so it cannot tell the units apart: it gets weight 0</source>
        <translation>“{field}”在所有单元中取值相同（{value:g}），无法区分各单元：权重记为 0</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="605"/>
        <source>Every {dimension} indicator ({fields}) has the same value in all units, so the {dimension} index cannot be computed; add an indicator that differs between the units</source>
        <translation>所有{dimension}指标（{fields}）在各单元中取值都相同，无法计算{dimension}指数；请加入一个在单元之间有差异的指标</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="622"/>
        <source>CRITIC: the {dimension} indicators are perfectly correlated, so none conflicts with another; their weights follow their standard deviations alone</source>
        <translation>CRITIC：{dimension}指标之间完全相关，彼此没有冲突性；其权重仅按标准差分配</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="634"/>
        <source>Only constant {dimension} fields have a positive given weight, so the {dimension} index cannot be computed; give a positive weight to a field that differs between the units</source>
        <translation>只有取值恒定的{dimension}字段被给了正权重，无法计算{dimension}指数；请给在单元之间有差异的字段正权重</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="735"/>
        <source>The population of unit {unit} is &apos;{value}&apos;, not a number</source>
        <translation>单元 {unit} 的人口为“{value}”，不是数值</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="738"/>
        <source>The population is missing (null) for {count} unit(s): {units}; fill it in or leave the population field empty</source>
        <translation>{count} 个单元缺少人口（空值）：{units}；请补齐，或不选人口字段</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="745"/>
        <source>The population is negative for {count} unit(s): {units}</source>
        <translation>{count} 个单元的人口为负数：{units}</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="750"/>
        <source>No population field was given: the parent scores are plain (unweighted) means of their units</source>
        <translation>未选择人口字段：上级单元的得分为其下属单元的简单（不加权）平均</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="763"/>
        <source>{count} unit(s) have no parent value and are left out of the parent units: {units}</source>
        <translation>{count} 个单元没有上级单元编码，未计入上级单元：{units}</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="770"/>
        <source>No unit has a parent value, so there is nothing to aggregate</source>
        <translation>没有任何单元填写了上级单元，无法汇总</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/sets_index.py" line="780"/>
        <source>The units of parent &apos;{parent}&apos; have no population: its scores are plain means</source>
        <translation>上级单元“{parent}”的下属单元人口为零：其得分取简单平均</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/zonal.py" line="43"/>
        <source>The raster grid is rotated or flipped; warp it to a north-up grid first (Raster ▸ Projections ▸ Warp)</source>
        <translation>栅格网格有旋转或翻转；请先将其重投影为北向朝上的网格（栅格 ▸ 投影 ▸ 重投影）</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/zonal.py" line="62"/>
        <source>The cell size must be a positive number of metres</source>
        <translation>单元大小必须是正数（米）</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/zonal.py" line="64"/>
        <source>The cell size ({size:g}) is smaller than the raster&apos;s cells ({cell:g}); choose a cell size of at least one raster cell</source>
        <translation>单元大小（{size:g}）小于栅格像元（{cell:g}）；请选择不小于一个栅格像元的单元大小</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="52"/>
        <source>SETS resilience guide…</source>
        <translation>SETS 韧性指南…</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="54"/>
        <source>A step-by-step guide through the SETS framework and its three paths on the project&apos;s layers</source>
        <translation>基于项目图层，逐步引导完成 SETS 框架及其三条路径</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/base.py" line="96"/>
        <source>0 · SETS resilience index</source>
        <translation>0 · SETS 韧性指数</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/base.py" line="99"/>
        <source>3 · Community emergency network</source>
        <translation>3 · 社区应急网络</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="244"/>
        <source>Safe evacuation routes</source>
        <translation>安全疏散路径</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/network_input.py" line="92"/>
        <source>Population field (persons)</source>
        <translation>人口字段（人）</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="85"/>
        <source>Resident id field</source>
        <translation>居民编号字段</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="157"/>
        <source>Assignment</source>
        <translation>分配方式</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="156"/>
        <source>Nearest shelter</source>
        <translation>最近的避难场所</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="157"/>
        <source>Evacuation routes</source>
        <translation>疏散路径</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="258"/>
        <source>The resident layer</source>
        <translation>居民图层</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="525"/>
        <source>Residents</source>
        <translation>居民</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/network_input.py" line="249"/>
        <source>{n} demand features have no population and count as 0 persons</source>
        <translation>{n} 个需求要素没有人口值，按 0 人计</translation>
    </message>
    <message>
        <location filename="../algorithms/network/evacuation_summary.py" line="43"/>
        <source>too far from any road</source>
        <translation>距离道路过远</translation>
    </message>
    <message>
        <location filename="../algorithms/network/evacuation_summary.py" line="46"/>
        <source>no safe route to any shelter</source>
        <translation>没有通往任何避难场所的安全路线</translation>
    </message>
    <message>
        <location filename="../algorithms/network/evacuation_summary.py" line="47"/>
        <source>shelters within reach are full</source>
        <translation>可到达的避难场所已满</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="445"/>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <location filename="../ui/wizard.py" line="34"/>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="99"/>
        <source>LSCP: fewest new sites covering everyone</source>
        <translation>LSCP：以最少的新增设施覆盖所有人</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="100"/>
        <source>MCLP: P new sites covering the most people</source>
        <translation>MCLP：P 处新增设施覆盖最多人口</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="101"/>
        <source>p-median: P new sites with the least total travel</source>
        <translation>p-中位：P 处新增设施，总出行成本最小</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="102"/>
        <source>p-center: P new sites with the shortest longest trip</source>
        <translation>p-中心：P 处新增设施，最远出行成本最小</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/network_input.py" line="98"/>
        <source>Demand id field</source>
        <translation>需求点 ID 字段</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="135"/>
        <source>Candidate id field</source>
        <translation>备选场地编号字段</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="135"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/network_input.py" line="251"/>
        <source>Demand</source>
        <translation>需求点</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/styles.py" line="184"/>
        <source>Existing facility</source>
        <translation>现有设施</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/network_input.py" line="218"/>
        <source>{what} ids must be unique; repeated: {ids}</source>
        <translation>{what} ID 必须唯一；重复的 ID：{ids}</translation>
    </message>
    <message>
        <location filename="../algorithms/network/location.py" line="1482"/>
        <source>No row of the cost table matches the demand and site ids (or every cost exceeds the service distance)</source>
        <translation>成本表中没有与需求点和设施点 ID 匹配的行（或所有成本均超过服务距离）</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="393"/>
        <source>Covered (%)</source>
        <translation>覆盖率（%）</translation>
    </message>
    <message>
        <location filename="../algorithms/common/parsing.py" line="166"/>
        <source>SUITABILITY is empty: give one row per land use, e.g. urban, suit_urban; farmland, /data/farm_suitability.tif</source>
        <translation>SUITABILITY 为空：每种用途一行，例如 urban, suit_urban; farmland, /data/farm_suitability.tif</translation>
    </message>
    <message>
        <location filename="../algorithms/common/parsing.py" line="170"/>
        <source>SUITABILITY row &apos;{row}&apos; needs two values: a land use and a field of the units or a raster</source>
        <translation>SUITABILITY 行“{row}”需要两个值：用途，以及单元字段或栅格</translation>
    </message>
    <message>
        <location filename="../algorithms/common/parsing.py" line="172"/>
        <source>SUITABILITY lists the use &apos;{use}&apos; twice</source>
        <translation>SUITABILITY 中用途“{use}”出现了两次</translation>
    </message>
    <message>
        <location filename="../algorithms/common/parsing.py" line="156"/>
        <source>{what} names the use &apos;{use}&apos;, which is not in SUITABILITY (the uses are {uses})</source>
        <translation>{what} 中的用途“{use}”不在 SUITABILITY 中（用途为 {uses}）</translation>
    </message>
    <message>
        <location filename="../algorithms/common/parsing.py" line="186"/>
        <source>DEMAND is empty: give one row per land use, e.g. urban, 1200, 50; farmland, 3000, 5%</source>
        <translation>DEMAND 为空：每种用途一行，例如 urban, 1200, 50; farmland, 3000, 5%</translation>
    </message>
    <message>
        <location filename="../algorithms/common/parsing.py" line="189"/>
        <source>DEMAND row &apos;{row}&apos; needs a land use, the required area (ha) and optionally a tolerance (ha, or a percentage such as 5%)</source>
        <translation>DEMAND 行“{row}”需要用途、需求面积（公顷），以及可选的容差（公顷，或百分比如 5%）</translation>
    </message>
    <message>
        <location filename="../algorithms/common/parsing.py" line="195"/>
        <source>DEMAND lists the use &apos;{use}&apos; twice</source>
        <translation>DEMAND 中用途“{use}”出现了两次</translation>
    </message>
    <message>
        <location filename="../algorithms/common/parsing.py" line="215"/>
        <source>CURRENT_USE_CLASSES row &apos;{row}&apos; needs a land use and at least one class value</source>
        <translation>CURRENT_USE_CLASSES 行“{row}”需要用途和至少一个类别值</translation>
    </message>
    <message>
        <location filename="../algorithms/common/parsing.py" line="232"/>
        <source>CURRENT_USE_CLASSES is empty: say which raster values are which use, e.g. urban, 5; farmland, 1; forest, 2, 3</source>
        <translation>CURRENT_USE_CLASSES 为空：请说明哪些栅格值对应哪种用途，例如 urban, 5; farmland, 1; forest, 2, 3</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_units.py" line="153"/>
        <source>LOCKED_FIELD holds &apos;{value}&apos; for unit {unit}; use 1/0, true/false or yes/no</source>
        <translation>LOCKED_FIELD 中单元 {unit} 的值为“{value}”；请使用 1/0、true/false 或 yes/no</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="114"/>
        <source>Maximise suitability of each use</source>
        <translation>最大化各用途的适宜性</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="115"/>
        <source>Minimise population or development exposed to risk</source>
        <translation>最小化暴露于风险的人口或建设用地</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="116"/>
        <source>Maximise compactness of each use</source>
        <translation>最大化各用途的紧凑度</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="117"/>
        <source>Minimise conversions from the current use</source>
        <translation>最小化对现状用途的转换</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="161"/>
        <source>Generations</source>
        <translation>迭代代数</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="172"/>
        <source>Planning units</source>
        <translation>规划单元</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="473"/>
        <source>Non-dominated solutions</source>
        <translation>非支配解</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="98"/>
        <source>Use</source>
        <translation>用途</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="98"/>
        <source>Demand (ha)</source>
        <translation>需求（公顷）</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="57"/>
        <source>Exposed population</source>
        <translation>暴露人口</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="60"/>
        <source>Converted area (ha)</source>
        <translation>转换面积（公顷）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/network_input.py" line="266"/>
        <source>Distance (m)</source>
        <translation>距离（m）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/network_input.py" line="266"/>
        <source>Time (minutes)</source>
        <translation>时间（分钟）</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="518"/>
        <source>Road network</source>
        <translation>道路网络</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/network_input.py" line="286"/>
        <source>Road speed field (km/h)</source>
        <translation>道路速度字段（km/h）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/network_input.py" line="300"/>
        <source>Maximum distance from a point to the road</source>
        <translation>点到道路的最大距离</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/network_input.py" line="314"/>
        <source>Node snapping tolerance</source>
        <translation>节点捕捉容差</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/network_input.py" line="318"/>
        <source>Join roads where they cross without a shared vertex</source>
        <translation>在无共享顶点的交叉处连接道路</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/network_input.py" line="393"/>
        <source>{what} has no feature with a geometry</source>
        <translation>{what} 中没有带几何的要素</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/network_input.py" line="486"/>
        <source>The road network has no line with a geometry</source>
        <translation>道路网络中没有带几何的线</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/network_input.py" line="491"/>
        <source>Road network: {nodes} nodes, {segments} segments, {km} km</source>
        <translation>道路网络：{nodes} 个节点，{segments} 个路段，{km} km</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="445"/>
        <source>Facility id field</source>
        <translation>设施编号字段</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="445"/>
        <source>Capacity field (persons)</source>
        <translation>容量字段（人）</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="245"/>
        <source>SETS resilience index</source>
        <translation>SETS 韧性指数</translation>
    </message>
    <message>
        <location filename="../processing_provider/sets_index.py" line="105"/>
        <source>Equal weights</source>
        <translation>等权</translation>
    </message>
    <message>
        <location filename="../processing_provider/sets_index.py" line="105"/>
        <source>Entropy weight method</source>
        <translation>熵权法</translation>
    </message>
    <message>
        <location filename="../processing_provider/sets_index.py" line="105"/>
        <source>CRITIC</source>
        <translation>CRITIC 法</translation>
    </message>
    <message>
        <location filename="../processing_provider/sets_index.py" line="105"/>
        <source>Given weights (WEIGHTS)</source>
        <translation>给定权重（WEIGHTS）</translation>
    </message>
    <message>
        <location filename="../ui/page_study_area.py" line="35"/>
        <source>Planning units (polygons)</source>
        <translation>规划单元（面）</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="66"/>
        <source>Indicator weighting</source>
        <translation>指标赋权方法</translation>
    </message>
    <message>
        <location filename="../ui/page_inventory.py" line="65"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../ui/ahp_dialog.py" line="44"/>
        <source>Weights by pairwise comparison (AHP)</source>
        <translation>两两比较确定权重（AHP）</translation>
    </message>
    <message>
        <location filename="../ui/ahp_dialog.py" line="52"/>
        <source>How much more important is the criterion of the row than the criterion of the column? 1 equal, 3 moderately, 5 strongly, 7 very strongly, 9 extremely more important (2, 4, 6, 8 in between); 1/3 … 1/9 when the column's criterion is the more important one. Only the cells above the diagonal are judged; the others are their reciprocals.</source>
        <translation>行指标相对于列指标的重要程度如何？1 同等重要，3 稍微重要，5 明显重要，7 强烈重要，9 极端重要（2、4、6、8 为中间值）；列指标更重要时取 1/3 … 1/9。只需判断对角线以上的单元格，其余为其倒数。</translation>
    </message>
    <message>
        <location filename="../ui/ahp_dialog.py" line="83"/>
        <source>Compute the weights</source>
        <translation>计算权重</translation>
    </message>
    <message>
        <location filename="../ui/ahp_dialog.py" line="89"/>
        <source>Use these weights</source>
        <translation>采用这些权重</translation>
    </message>
    <message>
        <location filename="../ui/widgets.py" line="213"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/ahp_dialog.py" line="143"/>
        <source>Consistency ratio CR = {cr:.3f}: the judgements are consistent enough (CR ≤ 0.10).</source>
        <translation>一致性比率 CR = {cr:.3f}：判断矩阵的一致性可以接受（CR ≤ 0.10）。</translation>
    </message>
    <message>
        <location filename="../ui/ahp_dialog.py" line="146"/>
        <source>Consistency ratio CR = {cr:.3f}: the judgements contradict each other (CR &gt; 0.10). Revise the judgements listed under Details, or use these weights knowingly.</source>
        <translation>一致性比率 CR = {cr:.3f}：判断之间相互矛盾（CR &gt; 0.10）。请修改“详情”中列出的判断，或在知情的前提下使用这些权重。</translation>
    </message>
    <message>
        <location filename="../ui/charts.py" line="35"/>
        <source>Charts need the Python package pyqtgraph, which is not installed (Debian/Ubuntu: sudo apt install python3-pyqtgraph; Windows, OSGeo4W Shell: python -m pip install pyqtgraph). The numbers the chart would show:</source>
        <translation>图表需要 Python 包 pyqtgraph，但尚未安装（Debian/Ubuntu：sudo apt install python3-pyqtgraph；Windows 在 OSGeo4W Shell 中运行：python -m pip install pyqtgraph）。图表本应显示的数值如下：</translation>
    </message>
    <message>
        <location filename="../ui/page_base.py" line="258"/>
        <source>Run the step to see this chart.</source>
        <translation>运行本步骤后显示此图表。</translation>
    </message>
    <message>
        <location filename="../ui/charts.py" line="135"/>
        <source>Breaks</source>
        <translation>断点</translation>
    </message>
    <message>
        <location filename="../ui/inventory.py" line="31"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="207"/>
        <source>S · Social</source>
        <translation>S · 社会</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="208"/>
        <source>E · Ecological</source>
        <translation>E · 生态</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="209"/>
        <source>T · Technological</source>
        <translation>T · 技术</translation>
    </message>
    <message>
        <location filename="../ui/inventory.py" line="41"/>
        <source>Natural disaster</source>
        <translation>自然灾害</translation>
    </message>
    <message>
        <location filename="../ui/inventory.py" line="42"/>
        <source>Accident and disaster</source>
        <translation>事故灾难</translation>
    </message>
    <message>
        <location filename="../ui/inventory.py" line="43"/>
        <source>Public health event</source>
        <translation>公共卫生事件</translation>
    </message>
    <message>
        <location filename="../ui/inventory.py" line="44"/>
        <source>Social security event</source>
        <translation>社会安全事件</translation>
    </message>
    <message>
        <location filename="../ui/inventory.py" line="49"/>
        <source>Pulse (sudden)</source>
        <translation>突发型</translation>
    </message>
    <message>
        <location filename="../ui/inventory.py" line="49"/>
        <source>Slow-onset</source>
        <translation>渐进型（慢发）</translation>
    </message>
    <message>
        <location filename="../ui/page_base.py" line="188"/>
        <source>Done: the results are in the layer group “{group}”.</source>
        <translation>完成：结果位于图层组“{group}”。</translation>
    </message>
    <message>
        <location filename="../ui/runner.py" line="186"/>
        <source>Reading the results for the charts</source>
        <translation>正在读取结果以绘制图表</translation>
    </message>
    <message>
        <location filename="../ui/page_framework.py" line="26"/>
        <source>Module 1 · SETS</source>
        <translation>模块一 · SETS（社会—生态—技术系统）</translation>
    </message>
    <message>
        <location filename="../ui/page_framework.py" line="26"/>
        <source>Social (S), ecological (E) and technological (T) systems, each with its characteristics, system memory and resistance. Step 3 takes stock of them in this project.</source>
        <translation>社会（S）、生态（E）和技术（T）系统，各有其特征、系统记忆与抵抗力。第 3 步在本工程中对其进行清查。</translation>
    </message>
    <message>
        <location filename="../ui/page_framework.py" line="26"/>
        <source>Module 2 · Spatial network</source>
        <translation>模块二 · 空间网络</translation>
    </message>
    <message>
        <location filename="../ui/page_framework.py" line="26"/>
        <source>Connectivity, the hierarchy from the nation down to the township, thresholds and spatial technology. Step 2 sets the planning units and their level.</source>
        <translation>连通性、从国家到乡镇的层级、阈值与空间技术。第 2 步设定规划单元及其层级。</translation>
    </message>
    <message>
        <location filename="../ui/page_framework.py" line="26"/>
        <source>Module 3 · Interdisciplinary research</source>
        <translation>模块三 · 跨学科研究</translation>
    </message>
    <message>
        <location filename="../ui/page_framework.py" line="26"/>
        <source>Data → information → knowledge → action: decisions rest on evidence, not on experience alone. Every step writes its data and an HTML report.</source>
        <translation>数据 → 信息 → 知识 → 行动：决策基于证据而不只凭经验。每一步都输出数据和 HTML 报告。</translation>
    </message>
    <message>
        <location filename="../ui/page_risk.py" line="48"/>
        <source>Path 1 · Coordinate multiple hazards</source>
        <translation>路径一 · 统筹多灾害风险</translation>
    </message>
    <message>
        <location filename="../ui/page_framework.py" line="49"/>
        <source>Hazards of the four national emergency categories, pulse and slow-onset, combined into one risk and graded into risk zones and risk control lines. Step 4.</source>
        <translation>将国家四类突发事件中的突发型与渐进型灾种合成为综合风险，并划分风险分区、划定风险控制线。第 4 步。</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="49"/>
        <source>Path 2 · Zoning under uncertainty</source>
        <translation>路径二 · 优化适应“不确定性”的国土空间分区</translation>
    </message>
    <message>
        <location filename="../ui/page_framework.py" line="49"/>
        <source>Multi-criteria suitability with uncertain weights: robust zones for development, protection and reserved land, and how much they depend on each weight. Step 5.</source>
        <translation>权重不确定条件下的多准则适宜性评价：得到开发、保护与留白用地的稳健分区，以及各权重对结果的影响程度。第 5 步。</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="67"/>
        <source>Path 3 · Community emergency network</source>
        <translation>路径三 · 构建社区应急空间网络</translation>
    </message>
    <message>
        <location filename="../ui/page_framework.py" line="49"/>
        <source>Shelters, medical points and evacuation routes within the life circles, so that a community can meet sudden needs. Step 6.</source>
        <translation>在生活圈内布局避难场所、医疗急救点与疏散通道，使社区能够应对突发需求。第 6 步。</translation>
    </message>
    <message>
        <location filename="../ui/page_framework.py" line="69"/>
        <source>Territorial space resilience is the capacity of a territory to resist, absorb, adapt to and recover from disturbances, from sudden disasters to slow stresses such as climate change. This guide follows the framework of three modules and three implementation paths, and runs each step with the toolkit’s Processing algorithms on the layers of this project.</source>
        <translation>国土空间韧性是国土空间抵御、吸收、适应各类扰动并从中恢复的能力，扰动既包括突发灾害，也包括气候变化等慢性压力。本向导依循“三个模块、三条实施路径”的框架，在本工程的图层上用工具箱的处理算法完成每一步。</translation>
    </message>
    <message>
        <location filename="../ui/page_framework.py" line="74"/>
        <source>Step 7 sums up: the SETS resilience index of the planning units, every result styled and grouped in the project, the HTML reports, and the whole chain saved as a model for the Model Builder.</source>
        <translation>第 7 步进行汇总：规划单元的 SETS 韧性指数、工程中已分组并配好样式的全部结果、HTML 报告，以及可保存为模型设计器模型的完整流程。</translation>
    </message>
    <message>
        <location filename="../ui/page_framework.py" line="78"/>
        <source>Three modules</source>
        <translation>三个模块</translation>
    </message>
    <message>
        <location filename="../ui/page_framework.py" line="78"/>
        <source>Three implementation paths</source>
        <translation>三条实施路径</translation>
    </message>
    <message>
        <location filename="../ui/page_framework.py" line="79"/>
        <source>Every step runs in the background and can be cancelled, skipped and revisited. The inventory and the settings are saved in the QGIS project.</source>
        <translation>每一步都在后台运行，可以取消、跳过或返回重做。清单和设置保存在 QGIS 工程中。</translation>
    </message>
    <message>
        <location filename="../ui/page_framework.py" line="93"/>
        <source>The SETS framework at a glance</source>
        <translation>SETS 框架概览</translation>
    </message>
    <message>
        <location filename="../ui/page_framework.py" line="94"/>
        <source>Territorial space resilience: three modules, three implementation paths</source>
        <translation>国土空间韧性：三个模块，三条实施路径</translation>
    </message>
    <message>
        <location filename="../ui/wizard.py" line="29"/>
        <source>SETS inventory</source>
        <translation>SETS 清单</translation>
    </message>
    <message>
        <location filename="../ui/page_inventory.py" line="55"/>
        <source>Which layers describe the social, ecological and technological systems, which are hazards, and which fields of the planning units are indicators</source>
        <translation>哪些图层描述社会、生态和技术系统，哪些是灾种，规划单元的哪些字段是指标</translation>
    </message>
    <message>
        <location filename="../ui/page_inventory.py" line="62"/>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../ui/page_inventory.py" line="65"/>
        <source>SETS component</source>
        <translation>SETS 组成</translation>
    </message>
    <message>
        <location filename="../ui/page_inventory.py" line="62"/>
        <source>Emergency category</source>
        <translation>突发事件类别</translation>
    </message>
    <message>
        <location filename="../ui/page_inventory.py" line="62"/>
        <source>Onset</source>
        <translation>发生方式</translation>
    </message>
    <message>
        <location filename="../ui/page_inventory.py" line="65"/>
        <source>Higher is worse</source>
        <translation>越高越差</translation>
    </message>
    <message>
        <location filename="../ui/page_inventory.py" line="69"/>
        <source>Suggest from the names again</source>
        <translation>按名称重新建议</translation>
    </message>
    <message>
        <location filename="../ui/page_inventory.py" line="71"/>
        <source>Hazards follow the four categories of the national emergency plan: natural disasters, accidents and disasters, public health events and social security events; pulse hazards strike suddenly (floods, earthquakes, chemical releases), slow-onset ones build up (heat, drought, pollution, climate change). The first choices come from the names; check them.</source>
        <translation>灾种按国家突发事件总体应急预案分为四类：自然灾害、事故灾难、公共卫生事件和社会安全事件；突发型灾害骤然发生（洪水、地震、危化品泄漏），渐进型灾害逐渐累积（高温、干旱、污染、气候变化）。初始选择根据名称推测，请逐一核对。</translation>
    </message>
    <message>
        <location filename="../ui/page_inventory.py" line="80"/>
        <source>Layers of the project</source>
        <translation>工程中的图层</translation>
    </message>
    <message>
        <location filename="../ui/page_inventory.py" line="82"/>
        <source>Indicators of the planning units (SETS index)</source>
        <translation>规划单元指标（SETS 指数）</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="66"/>
        <source>Run coverage, location and routes</source>
        <translation>运行覆盖分析、选址与疏散路径</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="68"/>
        <source>Who reaches a shelter along the roads under the planning standard, where new sites serve most, and which routes avoid the risk zones</source>
        <translation>按规划标准沿道路可到达避难场所的人口、新增场地的最佳位置，以及避开风险区的疏散路径</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="85"/>
        <source>Population field</source>
        <translation>人口字段</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="262"/>
        <source>Shelters / facilities</source>
        <translation>避难场所 / 设施</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="85"/>
        <source>Road speed field</source>
        <translation>道路速度字段</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="85"/>
        <source>One-way field</source>
        <translation>单行字段</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="98"/>
        <source>Walking speed</source>
        <translation>步行速度</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="83"/>
        <source>People, facilities and roads</source>
        <translation>人口、设施与道路</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="110"/>
        <source>Planning standard</source>
        <translation>规划标准</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="110"/>
        <source>Distances (m)</source>
        <translation>距离（m）</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="110"/>
        <source>Coverage</source>
        <translation>覆盖</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="135"/>
        <source>New sites (location)</source>
        <translation>新增场地（选址）</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="117"/>
        <source>LSCP: fewest sites that cover everyone</source>
        <translation>LSCP：以最少场地覆盖全部人口</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="117"/>
        <source>MCLP: most people covered by P sites</source>
        <translation>MCLP：P 个场地覆盖最多人口</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="117"/>
        <source>p-median: least total distance</source>
        <translation>p-中位：总距离最小</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="117"/>
        <source>p-center: least longest distance</source>
        <translation>p-中心：最远距离最小</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="299"/>
        <source>Candidate sites</source>
        <translation>备选场地</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="135"/>
        <source>Candidate capacity field</source>
        <translation>备选场地容量字段</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="135"/>
        <source>New sites (P)</source>
        <translation>新增场地数（P）</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="135"/>
        <source>Service distance</source>
        <translation>服务距离</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="135"/>
        <source>Time limit of the solver</source>
        <translation>求解时间上限</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="154"/>
        <source>Avoid</source>
        <translation>避开</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="154"/>
        <source>Penalise</source>
        <translation>惩罚</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="156"/>
        <source>Respect shelter capacity</source>
        <translation>考虑避难场所容量</translation>
    </message>
    <message>
        <location filename="../ui/widgets.py" line="104"/>
        <source>up</source>
        <translation>级及以上</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="157"/>
        <source>Roads in the risk zones</source>
        <translation>风险区内的道路</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="162"/>
        <source>Population covered against distance</source>
        <translation>覆盖人口随距离的变化</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="163"/>
        <source>Population covered against the number of new sites</source>
        <translation>覆盖人口随新增场地数的变化</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="205"/>
        <source>Location of new sites (tsr:facilitylocation) is not available in this version of the plugin.</source>
        <translation>本版本插件不包含新增场地选址（tsr:facilitylocation）。</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="205"/>
        <source>Evacuation routes (tsr:evacuationroutes) are not available in this version of the plugin.</source>
        <translation>本版本插件不包含疏散路径（tsr:evacuationroutes）。</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="255"/>
        <source>Choose the residents and the shelters or facilities.</source>
        <translation>请选择居民图层以及避难场所或设施图层。</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="514"/>
        <source>Choose the population field of the residents.</source>
        <translation>请选择居民图层的人口字段。</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="242"/>
        <source>Service coverage</source>
        <translation>服务覆盖</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="298"/>
        <source>Choose the candidate sites, or untick “New sites”.</source>
        <translation>请选择备选场地，或取消勾选“新增场地”。</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="243"/>
        <source>Location of new sites</source>
        <translation>新增场地选址</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="326"/>
        <source>Evacuation routes need the road network.</source>
        <translation>疏散路径需要道路网络。</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="340"/>
        <source>Risk zones to avoid (grade {g} and above)</source>
        <translation>需避开的风险区（{g} 级及以上）</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="343"/>
        <source>Respecting the shelter capacity needs the capacity field.</source>
        <translation>考虑避难场所容量需要容量字段。</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="373"/>
        <source>Distance to the nearest facility along the roads (m)</source>
        <translation>沿道路到最近设施的距离（m）</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="393"/>
        <source>Number of new sites</source>
        <translation>新增场地数</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="395"/>
        <source>This chart needs the location of new sites (tsr:facilitylocation), which this version of the plugin does not have.</source>
        <translation>此图表需要新增场地选址（tsr:facilitylocation），本版本插件不包含该算法。</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="399"/>
        <source>The coverage for 1 … P new sites is given by the MCLP model; choose it under “New sites” and run again.</source>
        <translation>1 … P 个新增场地的覆盖率由 MCLP 模型给出；请在“新增场地”中选择该模型后重新运行。</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="403"/>
        <source>Tick “New sites” and run to see how the coverage grows with each new site.</source>
        <translation>勾选“新增场地”并运行，即可查看覆盖率随每个新增场地的增长。</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="408"/>
        <source>{p:.1f} % of the residents are within the first distance of the standard</source>
        <translation>{p:.1f} % 的居民位于标准的第一级距离之内</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="412"/>
        <source>with the new sites, {p:.1f} % are covered</source>
        <translation>增加新场地后覆盖 {p:.1f} %</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="414"/>
        <source>{p:.1f} % have a safe route to a shelter</source>
        <translation>{p:.1f} % 有通往避难场所的安全路径</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="660"/>
        <source>Done: {parts}. The layers are in the group “{group}”.</source>
        <translation>完成：{parts}。图层位于图层组“{group}”。</translation>
    </message>
    <message>
        <location filename="../ui/page_risk.py" line="47"/>
        <source>Run overlay and zoning</source>
        <translation>运行叠加与分区</translation>
    </message>
    <message>
        <location filename="../ui/page_risk.py" line="49"/>
        <source>Normalise each hazard to a 0–1 degree, overlay them with weights, grade the risk into zones and draw the risk control lines</source>
        <translation>将各灾种归一化为 0–1 的危险度，加权叠加，划分风险等级分区并划定风险控制线</translation>
    </message>
    <message>
        <location filename="../ui/page_risk.py" line="52"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../ui/page_risk.py" line="52"/>
        <source>Lower</source>
        <translation>下限</translation>
    </message>
    <message>
        <location filename="../ui/page_risk.py" line="52"/>
        <source>Upper</source>
        <translation>上限</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="57"/>
        <source>Weights by pairwise comparison (AHP)…</source>
        <translation>两两比较确定权重（AHP）…</translation>
    </message>
    <message>
        <location filename="../ui/page_risk.py" line="63"/>
        <source>optional, e.g. 0 0.5; 0 0 (row = triggering hazard)</source>
        <translation>可选，例如 0 0.5; 0 0（行 = 触发灾种）</translation>
    </message>
    <message>
        <location filename="../ui/page_risk.py" line="65"/>
        <source>Combination</source>
        <translation>合成方法</translation>
    </message>
    <message>
        <location filename="../ui/page_risk.py" line="65"/>
        <source>Cascades (interaction matrix)</source>
        <translation>灾害链（相互作用矩阵）</translation>
    </message>
    <message>
        <location filename="../ui/page_risk.py" line="65"/>
        <source>Hazard threshold</source>
        <translation>危险度阈值</translation>
    </message>
    <message>
        <location filename="../ui/page_risk.py" line="65"/>
        <source>Overlay</source>
        <translation>叠加</translation>
    </message>
    <message>
        <location filename="../ui/page_risk.py" line="74"/>
        <source>Zoning</source>
        <translation>分区</translation>
    </message>
    <message>
        <location filename="../ui/page_risk.py" line="78"/>
        <source>Risk index: histogram and class breaks</source>
        <translation>风险指数：直方图与分级断点</translation>
    </message>
    <message>
        <location filename="../ui/page_risk.py" line="79"/>
        <source>Area per risk grade</source>
        <translation>各风险等级面积</translation>
    </message>
    <message>
        <location filename="../ui/page_risk.py" line="81"/>
        <source>Hazards (from the inventory)</source>
        <translation>灾种（来自清单）</translation>
    </message>
    <message>
        <location filename="../ui/page_risk.py" line="180"/>
        <source>Pairwise comparison needs at least two hazards in use.</source>
        <translation>两两比较至少需要两个已选用的灾种。</translation>
    </message>
    <message>
        <location filename="../ui/page_risk.py" line="187"/>
        <source>No hazard is in use: assign raster layers to “Hazard” on step 3 and tick them here.</source>
        <translation>没有选用任何灾种：请在第 3 步将栅格图层设为“灾种”，并在此处勾选。</translation>
    </message>
    <message>
        <location filename="../ui/page_study_area.py" line="156"/>
        <source>The planning unit layer</source>
        <translation>规划单元图层</translation>
    </message>
    <message>
        <location filename="../ui/page_risk.py" line="194"/>
        <source>Every hazard in use needs a weight (a number).</source>
        <translation>每个已选用的灾种都需要一个权重（数值）。</translation>
    </message>
    <message>
        <location filename="../ui/page_risk.py" line="198"/>
        <source>The layer {name} is no longer in the project.</source>
        <translation>图层 {name} 已不在工程中。</translation>
    </message>
    <message>
        <location filename="../ui/page_risk.py" line="206"/>
        <source>{name}: the lower and upper control points must be numbers (or empty).</source>
        <translation>{name}：下限和上限控制点必须是数值（或留空）。</translation>
    </message>
    <message>
        <location filename="../ui/page_risk.py" line="208"/>
        <source>Hazard: {name}</source>
        <translation>灾种：{name}</translation>
    </message>
    <message>
        <location filename="../ui/page_risk.py" line="215"/>
        <source>{name}: the reclassification table is empty (min,max,value, … on one line).</source>
        <translation>{name}：重分类表为空（在一行中填写 最小值,最大值,赋值, …）。</translation>
    </message>
    <message>
        <location filename="../ui/page_risk.py" line="217"/>
        <source>Normalise {name}</source>
        <translation>归一化 {name}</translation>
    </message>
    <message>
        <location filename="../ui/page_risk.py" line="217"/>
        <source>{name} (0–1)</source>
        <translation>{name}（0–1）</translation>
    </message>
    <message>
        <location filename="../ui/page_risk.py" line="312"/>
        <source>Done. Breaks {breaks}; controlled zone {ha:,.1f} ha; goodness of variance fit {gvf:.3f}. The layers are in the group “{group}”.</source>
        <translation>完成。断点 {breaks}；管控区 {ha:,.1f} ha；方差拟合优度 {gvf:.3f}。图层位于图层组“{group}”。</translation>
    </message>
    <message>
        <location filename="../ui/page_study_area.py" line="21"/>
        <source>Study area and planning level</source>
        <translation>研究区与规划层级</translation>
    </message>
    <message>
        <location filename="../ui/page_study_area.py" line="22"/>
        <source>The planning units every step reports on, their level in the planning hierarchy, and where the results go</source>
        <translation>各步骤据以统计的规划单元、其在规划层级中的位置，以及结果的保存位置</translation>
    </message>
    <message>
        <location filename="../ui/page_study_area.py" line="35"/>
        <source>Parent unit field (optional)</source>
        <translation>上级单元字段（可选）</translation>
    </message>
    <message>
        <location filename="../ui/page_study_area.py" line="35"/>
        <source>Population field (optional)</source>
        <translation>人口字段（可选）</translation>
    </message>
    <message>
        <location filename="../ui/page_study_area.py" line="35"/>
        <source>Planning level of the units</source>
        <translation>单元的规划层级</translation>
    </message>
    <message>
        <location filename="../ui/page_study_area.py" line="45"/>
        <source>Higher levels set the bounds for lower ones (nation → province → city → county → township). The SETS index scores the units at their level and, given the parent field, aggregates them to the level above; risk areas are tabulated per unit.</source>
        <translation>上级为下级划定边界（国家 → 省 → 市 → 县 → 乡镇）。SETS 指数在单元所在层级上评分，给定上级单元字段时再汇总到上一级；风险面积按单元统计。</translation>
    </message>
    <message>
        <location filename="../ui/page_study_area.py" line="52"/>
        <source>Coordinate reference systems</source>
        <translation>坐标参照系</translation>
    </message>
    <message>
        <location filename="../ui/page_study_area.py" line="57"/>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <location filename="../ui/page_study_area.py" line="58"/>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../ui/page_study_area.py" line="141"/>
        <source>The results go to a temporary folder, which QGIS deletes when it closes; save the project or choose a folder to keep them.</source>
        <translation>结果将写入临时文件夹，QGIS 关闭时会被删除；请保存工程或选择一个文件夹以保留结果。</translation>
    </message>
    <message>
        <location filename="../ui/page_study_area.py" line="154"/>
        <source>Choose the layer of the planning units (e.g. townships).</source>
        <translation>请选择规划单元图层（如乡镇）。</translation>
    </message>
    <message>
        <location filename="../ui/page_study_area.py" line="161"/>
        <source>The planning units are in {crs} ({name}), a projected CRS in metres: distances and areas can be measured.</source>
        <translation>规划单元采用 {crs}（{name}），为以米为单位的投影坐标系：可以量算距离和面积。</translation>
    </message>
    <message>
        <location filename="../ui/page_study_area.py" line="172"/>
        <source>These layers are in a geographic CRS, whose unit is the degree; reproject them before they are used where distances or areas are measured: {layers}</source>
        <translation>以下图层采用以度为单位的地理坐标系；在用于量算距离或面积之前请先重投影：{layers}</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="54"/>
        <source>Compute the SETS index</source>
        <translation>计算 SETS 指数</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="57"/>
        <source>The SETS resilience index of the planning units, the results in the project, the reports, and the chain as a model</source>
        <translation>规划单元的 SETS 韧性指数、工程中的结果、报告，以及保存为模型的处理流程</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="67"/>
        <source>Aggregation of S, E and T</source>
        <translation>S、E、T 的合成方法</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="68"/>
        <source>S, E and T indices of the units (by rank)</source>
        <translation>各单元的 S、E、T 指数（按排名）</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="78"/>
        <source>Results in the project</source>
        <translation>工程中的结果</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="82"/>
        <source>Open the report</source>
        <translation>打开报告</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="84"/>
        <source>HTML reports</source>
        <translation>HTML 报告</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="88"/>
        <source>Save the chain as a model…</source>
        <translation>将流程保存为模型…</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="91"/>
        <source>Model Builder</source>
        <translation>模型设计器</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="93"/>
        <source>Writes the steps that were run, with their settings, as a Processing model (.model3): open it in the Model Designer, run it on other data or in batch.</source>
        <translation>将已运行的步骤及其设置写成处理模型（.model3）：可在模型设计器中打开，也可用于其他数据或批处理。</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="126"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="127"/>
        <source>Indicators from the inventory — S: {s}; E: {e}; T: {t}; higher is worse: {n}.</source>
        <translation>来自清单的指标 —— S：{s}；E：{e}；T：{t}；越高越差：{n}。</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="157"/>
        <source>Choose the planning units on step 2.</source>
        <translation>请在第 2 步选择规划单元。</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="161"/>
        <source>social (S)</source>
        <translation>社会（S）</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="161"/>
        <source>ecological (E)</source>
        <translation>生态（E）</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="161"/>
        <source>technological (T)</source>
        <translation>技术（T）</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="165"/>
        <source>Assign at least one indicator field of the planning units to each component on step 3; missing: {missing}.</source>
        <translation>请在第 3 步为每个组成至少指定一个规划单元指标字段；缺少：{missing}。</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="211"/>
        <source>Index (0–1)</source>
        <translation>指数（0–1）</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="218"/>
        <source>Mean resilience of the units: {r:.3f}. The layers are in the group “{group}”.</source>
        <translation>单元平均韧性：{r:.3f}。图层位于图层组“{group}”。</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="277"/>
        <source>Run at least one step first: the model is the chain that was run.</source>
        <translation>请先至少运行一个步骤：模型即已运行的处理流程。</translation>
    </message>
    <message>
        <location filename="../ui/wizard.py" line="42"/>
        <source>SETS resilience guide</source>
        <translation>SETS 韧性向导</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="279"/>
        <source>The chain run with the SETS resilience guide: {steps}.</source>
        <translation>通过 SETS 韧性向导运行的处理流程：{steps}。</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="279"/>
        <source>Territorial Space Resilience toolkit</source>
        <translation>国土空间韧性工具箱</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="291"/>
        <source>Saved {path}: open it in Processing ▸ Model Designer.</source>
        <translation>已保存 {path}：可在“处理 ▸ 模型设计器”中打开。</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="293"/>
        <source>The model could not be written: {problems}</source>
        <translation>无法写出模型：{problems}</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="298"/>
        <source>Save the chain as a model</source>
        <translation>将流程保存为模型</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="298"/>
        <source>Processing models (*.model3)</source>
        <translation>处理模型 (*.model3)</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="286"/>
        <source>Land-use scenarios (multi-objective land allocation) are not available in this version of the plugin.</source>
        <translation>本版本插件不包含用地情景（多目标用地配置）。</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="48"/>
        <source>Run suitability under uncertainty</source>
        <translation>运行不确定性下的适宜性评价</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="50"/>
        <source>Suitability from weighted criteria, with the weights uncertain: where is the land robustly suitable, and how much does it depend on each weight?</source>
        <translation>基于加权准则的适宜性评价，权重存在不确定性：哪些土地稳健适宜？结果在多大程度上取决于各项权重？</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="56"/>
        <source>Criterion (raster)</source>
        <translation>准则（栅格）</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="61"/>
        <source>Criteria</source>
        <translation>准则</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="65"/>
        <source>Aggregation</source>
        <translation>合成方法</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="71"/>
        <source>Risk zones of step 4 from grade</source>
        <translation>第 4 步风险分区，等级自</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="72"/>
        <source>Constraints (excluded areas)</source>
        <translation>约束（排除区域）</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="94"/>
        <source>Uncertainty</source>
        <translation>不确定性</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="99"/>
        <source>Weight distributions (Monte Carlo draws)</source>
        <translation>权重分布（蒙特卡洛抽样）</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="101"/>
        <source>Sensitivity to each weight (tornado)</source>
        <translation>对各权重的敏感性（龙卷风图）</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="153"/>
        <source>+ benefit</source>
        <translation>+ 效益型</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="154"/>
        <source>− cost</source>
        <translation>− 成本型</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="181"/>
        <source>Run step 4 first to exclude its risk zones.</source>
        <translation>请先运行第 4 步，才能排除其风险分区。</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="198"/>
        <source>Pairwise comparison needs at least two criteria in use.</source>
        <translation>两两比较至少需要两个已选用的准则。</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="205"/>
        <source>Tick at least one criterion raster.</source>
        <translation>请至少勾选一个准则栅格。</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="208"/>
        <source>Every criterion in use needs a weight (a number).</source>
        <translation>每个已选用的准则都需要一个权重（数值）。</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="211"/>
        <source>A criterion layer is no longer in the project; go back to step 3 or reopen this step.</source>
        <translation>某个准则图层已不在工程中；请返回第 3 步或重新打开本步骤。</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="212"/>
        <source>The first criterion</source>
        <translation>第一个准则</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="380"/>
        <source>Excluded area: {name}</source>
        <translation>排除区域：{name}</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="223"/>
        <source>High-risk zones (grade {g} and above)</source>
        <translation>高风险区（{g} 级及以上）</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="226"/>
        <source>Criterion: {name}</source>
        <translation>准则：{name}</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="310"/>
        <source>The distributions need the drawn weights, which this version of the suitability algorithm does not write; its HTML report gives their means and spread.</source>
        <translation>权重分布需要抽样得到的权重，本版本的适宜性评价算法不输出这些数据；其 HTML 报告给出了权重的均值与离散程度。</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="327"/>
        <source>Change of the suitable area ({unit})</source>
        <translation>适宜面积变化（{unit}）</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="327"/>
        <source>Change of the suitable cells kept ({unit})</source>
        <translation>保持适宜的像元变化（{unit}）</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="338"/>
        <source>The tornado needs the sensitivity table, which this version of the suitability algorithm does not write; its HTML report shows the tornado chart.</source>
        <translation>龙卷风图需要敏感性表，本版本的适宜性评价算法不输出该表；其 HTML 报告中有龙卷风图。</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="349"/>
        <source>Done. Robustly suitable {robust:,.1f} ha; uncertain {uncertain:,.1f} ha. The layers are in the group “{group}”.</source>
        <translation>完成。稳健适宜 {robust:,.1f} ha；不确定 {uncertain:,.1f} ha。图层位于图层组“{group}”。</translation>
    </message>
    <message>
        <location filename="../ui/runner.py" line="113"/>
        <source>This version does not have the algorithm {ids}; the step cannot run.</source>
        <translation>本版本不包含算法 {ids}，无法运行此步骤。</translation>
    </message>
    <message>
        <location filename="../ui/runner.py" line="119"/>
        <source>The output folder {folder} cannot be created: {error}</source>
        <translation>无法创建输出文件夹 {folder}：{error}</translation>
    </message>
    <message>
        <location filename="../ui/runner.py" line="193"/>
        <source>Cancelled: nothing was added to the project.</source>
        <translation>已取消：未向工程添加任何内容。</translation>
    </message>
    <message>
        <location filename="../ui/runner.py" line="156"/>
        <source>{step}: {problem}</source>
        <translation>{step}：{problem}</translation>
    </message>
    <message>
        <location filename="../ui/runner.py" line="158"/>
        <source>Running: {step}</source>
        <translation>正在运行：{step}</translation>
    </message>
    <message>
        <location filename="../ui/runner.py" line="175"/>
        <source>the algorithm stopped without saying why</source>
        <translation>算法已停止，但未说明原因</translation>
    </message>
    <message>
        <location filename="../ui/runner.py" line="197"/>
        <source>The charts could not be drawn: {error}</source>
        <translation>无法绘制图表：{error}</translation>
    </message>
    <message>
        <location filename="../ui/runner.py" line="216"/>
        <source>{step} stopped because of an unexpected error ({error}); see the details below and the QGIS log.</source>
        <translation>{step} 因意外错误而停止（{error}）；请查看下方详情和 QGIS 日志。</translation>
    </message>
    <message>
        <location filename="../ui/runner.py" line="219"/>
        <source>{step} stopped: {error}</source>
        <translation>{step} 已停止：{error}</translation>
    </message>
    <message>
        <location filename="../ui/widgets.py" line="221"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../ui/widgets.py" line="253"/>
        <source>Running in the background; you can keep working or cancel.</source>
        <translation>正在后台运行；您可以继续工作，也可以取消。</translation>
    </message>
    <message>
        <location filename="../ui/widgets.py" line="263"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../ui/widgets.py" line="267"/>
        <source>Warning: </source>
        <translation>警告：</translation>
    </message>
    <message>
        <location filename="../ui/widgets.py" line="267"/>
        <source>Error: </source>
        <translation>错误：</translation>
    </message>
    <message>
        <location filename="../ui/wizard.py" line="27"/>
        <source>Framework</source>
        <translation>框架</translation>
    </message>
    <message>
        <location filename="../ui/wizard.py" line="31"/>
        <source>Path 1 · Multiple hazards</source>
        <translation>路径一 · 多灾害风险</translation>
    </message>
    <message>
        <location filename="../ui/wizard.py" line="32"/>
        <source>Path 2 · Uncertainty</source>
        <translation>路径二 · 不确定性分区</translation>
    </message>
    <message>
        <location filename="../ui/wizard.py" line="33"/>
        <source>Path 3 · Emergency network</source>
        <translation>路径三 · 社区应急网络</translation>
    </message>
    <message>
        <location filename="../ui/wizard.py" line="46"/>
        <source>&lt; Back</source>
        <translation>&lt; 上一步</translation>
    </message>
    <message>
        <location filename="../ui/wizard.py" line="47"/>
        <source>Next &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
    <message>
        <location filename="../ui/wizard.py" line="48"/>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../ui/wizard.py" line="49"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../ui/wizard.py" line="50"/>
        <source>Skip this step</source>
        <translation>跳过此步骤</translation>
    </message>
    <message>
        <location filename="../ui/wizard.py" line="124"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../ui/wizard.py" line="124"/>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="56"/>
        <source>In use</source>
        <translation>选用</translation>
    </message>
    <message>
        <location filename="../ui/page_risk.py" line="52"/>
        <source>Table</source>
        <translation>分类表</translation>
    </message>
    <message>
        <location filename="../ui/page_risk.py" line="55"/>
        <source>Reclassification table: min,max,value, … (an empty bound is open)</source>
        <translation>重分类表：最小值,最大值,赋值, …（边界留空表示不设限）</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="81"/>
        <source>Suitable: the top share of the area</source>
        <translation>适宜：面积排名前</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="83"/>
        <source>Suitable: a score of at least</source>
        <translation>适宜：得分不低于</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="88"/>
        <source>Criterion noise (σ)</source>
        <translation>准则噪声（σ）</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="321"/>
        <source>Not shown: {n:,} cells never suitable or excluded (p = 0). Dashed lines: the class limits 0.1, 0.5, 0.9.</source>
        <translation>未显示：{n:,} 个从不适宜或被排除的像元（p = 0）。虚线为分类界限 0.1、0.5、0.9。</translation>
    </message>
    <message>
        <location filename="../ui/page_inventory.py" line="213"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../ui/page_inventory.py" line="216"/>
        <source>S: {s} layers, {si} indicators · E: {e} layers, {ei} indicators · T: {t} layers, {ti} indicators · Hazards: {h} ({rasters} rasters for step 4) {categories}</source>
        <translation>S：{s} 个图层、{si} 项指标 · E：{e} 个图层、{ei} 项指标 · T：{t} 个图层、{ti} 项指标 · 灾种：{h} 个（第 4 步可用栅格 {rasters} 个）{categories}</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="660"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../algorithms/network/location.py" line="132"/>
        <source>No candidate site can reach these demand points ({count} in all): {ids}. Check that they are connected to the network, or add candidate sites that can reach them.</source>
        <translation>没有任何候选点能够到达以下需求点（共 {count} 个）：{ids}。请检查它们是否与道路网络相连，或增加能够到达它们的候选点。</translation>
    </message>
    <message>
        <location filename="../algorithms/network/location.py" line="142"/>
        <source>These demand points have no candidate site within the service distance {limit:g} ({count} in all): {ids}. Add candidate sites near them or increase the service distance.</source>
        <translation>以下需求点在服务距离 {limit:g} 以内没有任何候选点（共 {count} 个）：{ids}。请在其附近增加候选点，或增大服务距离。</translation>
    </message>
    <message>
        <location filename="../algorithms/network/location.py" line="1085"/>
        <source>Even with every candidate site open, their capacities ({capacity:g} people in all) cannot serve everybody ({people:g} people).</source>
        <translation>即使开放全部候选点，其总容量（共 {capacity:g} 人）也无法服务所有人（{people:g} 人）。</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="120"/>
        <source>1 · Suitability under uncertainty</source>
        <translation>1 · 不确定性下的适宜性评价</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="121"/>
        <source>2 · Land-use scenarios</source>
        <translation>2 · 用地情景</translation>
    </message>
    <message>
        <location filename="../ui/page_zoning.py" line="270"/>
        <source>Wait until the land-use scenarios have finished.</source>
        <translation>请等待用地情景运行完成。</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="56"/>
        <source>Suitability (higher is better)</source>
        <translation>适宜性（越高越好）</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="57"/>
        <source>Exposed population (lower is better)</source>
        <translation>暴露人口（越低越好）</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="59"/>
        <source>Compactness (higher is better)</source>
        <translation>紧凑度（越高越好）</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="60"/>
        <source>Converted area, ha (lower is better)</source>
        <translation>转换面积，公顷（越低越好）</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="98"/>
        <source>Current classes</source>
        <translation>现状分类值</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="102"/>
        <source>The area this use needs; empty = its area is left free</source>
        <translation>该用途所需面积；留空表示其面积不作约束</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="104"/>
        <source>Values of the current-use raster that are this use today, e.g. 5 or 2, 3</source>
        <translation>现状用地栅格中属于该用途的值，例如 5 或 2, 3</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="111"/>
        <source>Add a use</source>
        <translation>添加用途</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="112"/>
        <source>use {n}</source>
        <translation>用途 {n}</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="113"/>
        <source>Remove the use</source>
        <translation>删除该用途</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="123"/>
        <source>Land uses, their suitability and demand</source>
        <translation>用地类型及其适宜性与需求</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="132"/>
        <source>Current use (class raster)</source>
        <translation>现状用地（分类栅格）</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="155"/>
        <source>Objectives and search (NSGA-II)</source>
        <translation>目标与搜索（NSGA-II）</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="159"/>
        <source>Grid cell size</source>
        <translation>格网单元大小</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="160"/>
        <source>Population size</source>
        <translation>种群规模</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="163"/>
        <source>Scenarios kept</source>
        <translation>保留的情景数</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="87"/>
        <source>Run land-use scenarios</source>
        <translation>运行用地情景</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="168"/>
        <source>Pareto front of the land-use scenarios</source>
        <translation>用地情景的帕累托前沿</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="176"/>
        <source>Horizontal axis</source>
        <translation>横轴</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="179"/>
        <source>Vertical axis</source>
        <translation>纵轴</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="198"/>
        <source>urban</source>
        <translation>城镇</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="223"/>
        <source>A raster of the project from 0 (unsuitable) to 1 (most suitable), e.g. made with Normalise hazard</source>
        <translation>工程中取值 0（不适宜）到 1（最适宜）的栅格，例如用“标准化灾害”生成</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="304"/>
        <source>Run step 4 first: the exposure is measured with its multi-hazard risk index.</source>
        <translation>请先运行第 4 步：风险暴露以其多灾种风险指数衡量。</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="328"/>
        <source>Add at least one land use.</source>
        <translation>请至少添加一种用地类型。</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="331"/>
        <source>Every land use needs a name.</source>
        <translation>每种用地类型都需要名称。</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="334"/>
        <source>A land use name cannot hold a comma or semicolon: {name}.</source>
        <translation>用地类型名称不能包含逗号或分号：{name}。</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="336"/>
        <source>Two land uses have the same name.</source>
        <translation>有两种用地类型同名。</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="339"/>
        <source>Choose the suitability raster of {use} (run the suitability first for the mean suitability).</source>
        <translation>请选择“{use}”的适宜性栅格（如需平均适宜性，请先运行适宜性评价）。</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="340"/>
        <source>The suitability raster of {use}</source>
        <translation>“{use}”的适宜性栅格</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="349"/>
        <source>The demand and tolerance of {use} must be numbers.</source>
        <translation>“{use}”的需求和容差必须是数值。</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="351"/>
        <source>The demand and tolerance of {use} must be numbers of at least 0.</source>
        <translation>“{use}”的需求和容差必须是不小于 0 的数值。</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="354"/>
        <source>Give the demand (ha) of at least one land use.</source>
        <translation>请至少为一种用地类型填写需求（公顷）。</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="357"/>
        <source>Tick at least one objective.</source>
        <translation>请至少勾选一个目标。</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="361"/>
        <source>The risk exposure objective needs at least one development use (tick Development).</source>
        <translation>风险暴露目标至少需要一种建设类用途（请勾选“建设用地”）。</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="376"/>
        <source>Say which values of the current-use raster are which use (column Current classes), or choose no current use.</source>
        <translation>请说明现状用地栅格中哪些值属于哪种用途（“现状分类值”列），或不选择现状用地。</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="377"/>
        <source>Current land use (classes)</source>
        <translation>现状用地（分类）</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="388"/>
        <source>Land-use scenarios</source>
        <translation>用地情景</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="403"/>
        <source>Wait until the suitability has finished.</source>
        <translation>请等待适宜性评价完成。</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="426"/>
        <source>The suitability changed: run the land-use scenarios again.</source>
        <translation>适宜性已改变：请重新运行用地情景。</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="433"/>
        <source>Run the land-use scenarios to see their Pareto front.</source>
        <translation>运行用地情景后显示其帕累托前沿。</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="452"/>
        <source>The Pareto front could not be read; the HTML report of the land allocation shows it.</source>
        <translation>无法读取帕累托前沿；用地配置的 HTML 报告中有该前沿。</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="473"/>
        <source>Compromise (knee)</source>
        <translation>折中方案（拐点）</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="473"/>
        <source>Kept scenarios</source>
        <translation>保留的情景</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="490"/>
        <source>{n} non-dominated solutions; compromise (knee): solution {knee}; normalised hypervolume {hv:.3f}.</source>
        <translation>{n} 个非支配解；折中方案（拐点）：方案 {knee}；归一化超体积 {hv:.3f}。</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/styles.py" line="135"/>
        <source>Covered within {reach}</source>
        <translation>{reach} 内已覆盖</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/styles.py" line="135"/>
        <source>Covered</source>
        <translation>已覆盖</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/styles.py" line="136"/>
        <source>Not covered within {reach}</source>
        <translation>{reach} 内未覆盖</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/styles.py" line="136"/>
        <source>Not covered</source>
        <translation>未覆盖</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/styles.py" line="145"/>
        <source>Overloaded</source>
        <translation>超载</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/styles.py" line="145"/>
        <source>Within capacity</source>
        <translation>未超容量</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/styles.py" line="145"/>
        <source>Capacity unknown</source>
        <translation>容量未知</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/styles.py" line="184"/>
        <source>New site</source>
        <translation>新增设施</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/styles.py" line="222"/>
        <source>{low} – {high} persons</source>
        <translation>{low} – {high} 人</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="140"/>
        <source>Suitability</source>
        <translation>适宜性</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="58"/>
        <source>Exposed development (ha)</source>
        <translation>暴露的建设用地（公顷）</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="140"/>
        <source>Compactness</source>
        <translation>紧凑度</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="58"/>
        <source>Exposed development, ha (lower is better)</source>
        <translation>暴露的建设用地，公顷（越低越好）</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="98"/>
        <source>Suitability raster (0–1)</source>
        <translation>适宜性栅格（0–1）</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="98"/>
        <source>Built-up</source>
        <translation>建设用地</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="98"/>
        <source>± (%)</source>
        <translation>±（%）</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="101"/>
        <source>A development use: its land counts as exposed to the risk</source>
        <translation>建设类用途：其用地计入风险暴露</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="103"/>
        <source>Tolerance of the demand, in % of the demand</source>
        <translation>需求的容差，以需求的百分比计</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="118"/>
        <source>Cells whose centre lies in these areas keep their current use: the excluded areas ticked under Constraints in the first tab.</source>
        <translation>中心落在这些区域内的格网单元保持现状用途：即第一个选项卡“约束”中勾选的排除区域。</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="140"/>
        <source>Risk exposure</source>
        <translation>风险暴露</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="140"/>
        <source>Conversions</source>
        <translation>用地转换</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="152"/>
        <source>The knee, the best plan in each objective, then plans spread along the front: the fields use_s1, use_s2 … of the layer</source>
        <translation>拐点方案、各目标的最优方案，再加上沿前沿分布的方案：即图层的 use_s1、use_s2 … 字段</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="296"/>
        <source>Risk: {name} (step 4).</source>
        <translation>风险：{name}（第 4 步）。</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="296"/>
        <source>Risk: none; run step 4 for the risk exposure objective.</source>
        <translation>风险：无；如需风险暴露目标，请运行第 4 步。</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="317"/>
        <source>Locked zones (the excluded areas of the first tab): {names}.</source>
        <translation>锁定区域（第一个选项卡中的排除区域）：{names}。</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="317"/>
        <source>Locked zones: none; tick excluded areas under Constraints in the first tab to lock them.</source>
        <translation>锁定区域：无；在第一个选项卡的“约束”中勾选排除区域即可将其锁定。</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="485"/>
        <source>★ the compromise (knee)   □ s1, s2 …: the scenarios kept (fields use_s1 …)   ● the other non-dominated plans</source>
        <translation>★ 折中方案（拐点）   □ s1、s2 …：保留的情景（字段 use_s1 …）   ● 其他非支配方案</translation>
    </message>
    <message>
        <location filename="../ui/scenarios.py" line="497"/>
        <source>Done: the land use of the compromise (field “use”), the kept scenarios (use_s1 …) and the Pareto front are in the group “{group}”.</source>
        <translation>完成：折中方案的用地（字段“use”）、保留的情景（use_s1 …）和帕累托前沿位于图层组“{group}”。</translation>
    </message>
    <message>
        <location filename="../algorithms/network/location.py" line="1400"/>
        <source>Demand point {index} has {value} people; the number of people must be zero or positive.</source>
        <translation>需求点 {index} 的人数为 {value}；人数必须为零或正数。</translation>
    </message>
    <message>
        <location filename="../algorithms/network/location.py" line="1400"/>
        <source>Site {index} has {value} places; capacities must be zero or positive.</source>
        <translation>设施 {index} 的容量为 {value}；容量必须为零或正数。</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/ahp.py" line="146"/>
        <source>The judgements are typed on {lines} lines of {lengths} values, which is not a matrix: give {lines} lines of {lines} values (the full matrix), or the upper triangle with one value fewer on each line (e.g. 2 values then 1 for 3 criteria), or all the judgements above the diagonal on one line</source>
        <translation>判断值分 {lines} 行输入，各行分别有 {lengths} 个值，不构成矩阵：请输入 {lines} 行、每行 {lines} 个值（完整矩阵），或逐行少一个值的上三角（如 3 个准则：先 2 个值再 1 个值），或将对角线以上的全部判断值写在一行</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/ahp.py" line="271"/>
        <source>The judgement in row {row}, column {col} is {value:g}, far outside Saaty&apos;s scale (1/9 to 9); judgements beyond 1/{limit:g} to {limit:g} are refused as typing errors.</source>
        <translation>第 {row} 行第 {col} 列的判断值为 {value:g}，远超 Saaty 标度（1/9 至 9）；超出 1/{limit:g} 至 {limit:g} 的判断值视为输入错误，不予接受。</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/ahp.py" line="516"/>
        <source>The largest acceptable consistency ratio must be a positive number up to 1 (Saaty&apos;s usual limit is 0.10), got {value}.</source>
        <translation>可接受的最大一致性比率须为不超过 1 的正数（Saaty 通常取 0.10），当前为 {value}。</translation>
    </message>
    <message>
        <location filename="../algorithms/network/costs.py" line="162"/>
        <source>Row {row} of the cost table ({origin} → {destination}): the cost '{value}' is not a number.</source>
        <translation>成本表第 {row} 行（{origin} → {destination}）：成本“{value}”不是数字。</translation>
    </message>
    <message>
        <location filename="../algorithms/network/costs.py" line="170"/>
        <source>Row {row} of the cost table ({origin} → {destination}): the cost is {value}; costs must be zero or positive numbers (leave unreachable pairs out or empty).</source>
        <translation>成本表第 {row} 行（{origin} → {destination}）：成本为 {value}；成本必须为零或正数（不可达的配对请删去或留空）。</translation>
    </message>
    <message>
        <location filename="../algorithms/network/costs.py" line="181"/>
        <source>Rows {first} and {row} of the cost table both give the cost from {origin} to {destination}.</source>
        <translation>成本表第 {first} 行和第 {row} 行都给出了从 {origin} 到 {destination} 的成本。</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_allocation.py" line="809"/>
        <source>These settings need about {need:.1f} GB of memory ({size} solutions × {units} units), more than the {available:.1f} GB available; lower POPULATION_SIZE or use fewer units (a larger CELL_SIZE)</source>
        <translation>按当前设置约需 {need:.1f} GB 内存（{size} 个解 × {units} 个单元），超过可用的 {available:.1f} GB；请减小 POPULATION_SIZE，或减少单元数量（增大 CELL_SIZE）</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_allocation.py" line="835"/>
        <source>These settings would take about {hours:,.0f} hours ({size} solutions × {generations} generations on {units} units; one child takes {ms:.2g} ms here), more than the {limit:.0f} hours allowed; lower POPULATION_SIZE or GENERATIONS</source>
        <translation>按当前设置运行约需 {hours:,.0f} 小时（{units} 个单元上 {size} 个解 × {generations} 代；在本机生成一个子代需 {ms:.2g} 毫秒），超过允许的 {limit:.0f} 小时；请减小 POPULATION_SIZE 或 GENERATIONS</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_allocation.py" line="848"/>
        <source>This run will take about {minutes:,.0f} minutes ({size} solutions × {generations} generations on {units} units; one child takes {ms:.2g} ms here); fewer generations or a smaller population shorten it, and Cancel stops it</source>
        <translation>本次运行约需 {minutes:,.0f} 分钟（{units} 个单元上 {size} 个解 × {generations} 代；在本机生成一个子代需 {ms:.2g} 毫秒）；减少代数或缩小种群规模可缩短时间，点击“取消”可随时终止</translation>
    </message>
    <message>
        <location filename="../algorithms/network/location.py" line="1371"/>
        <source>The allocation of people to sites could not be solved (solver status {status}: {message}).</source>
        <translation>人员到设施点的分配问题无法求解（求解器状态 {status}：{message}）。</translation>
    </message>
    <message>
        <location filename="../algorithms/network/graph.py" line="95"/>
        <source>Road speeds must be positive numbers of km/h; {count} roads have a speed of 0 or less or an infinite one (roads {roads})</source>
        <translation>道路速度必须为正数（km/h）；{count} 条道路的速度小于等于 0 或为无穷大（道路 {roads}）</translation>
    </message>
    <message>
        <location filename="../algorithms/network/graph.py" line="121"/>
        <source>At a snapping tolerance of {tolerance:g} m every road shrinks to a point: no road segment is left; use a smaller tolerance</source>
        <translation>在 {tolerance:g} 米的捕捉容差下，所有道路都缩成了一个点，没有剩下任何路段；请使用更小的容差</translation>
    </message>
    <message>
        <location filename="../algorithms/network/zones.py" line="185"/>
        <source>The hazard raster cannot be read: {detail}</source>
        <translation>无法读取危险性栅格：{detail}</translation>
    </message>
    <message>
        <location filename="../algorithms/network/zones.py" line="208"/>
        <source>The hazard raster has {count} bands; band {band} does not exist</source>
        <translation>危险性栅格只有 {count} 个波段，不存在第 {band} 波段</translation>
    </message>
    <message>
        <location filename="../algorithms/network/zones.py" line="212"/>
        <source>The hazard raster has no cell size</source>
        <translation>危险性栅格没有像元大小</translation>
    </message>
    <message>
        <location filename="../algorithms/network/zones.py" line="215"/>
        <source>The hazard raster has no coordinate reference system; it is taken to be in the roads&apos; CRS</source>
        <translation>危险性栅格没有坐标参照系，按道路图层的坐标参照系处理</translation>
    </message>
    <message>
        <location filename="../algorithms/network/zones.py" line="233"/>
        <source>The road network has {pieces} road pieces, more than the {limit} points the hazard raster may be sampled at</source>
        <translation>路网共有 {pieces} 个路段分段，超过危险性栅格沿路采样点数上限 {limit}</translation>
    </message>
    <message>
        <location filename="../algorithms/network/zones.py" line="244"/>
        <source>Sampling the hazard raster every half cell along the roads would take {needed} points, more than the limit of {limit}; it is sampled every {cells} cells instead</source>
        <translation>沿道路每半个像元采样危险性栅格需要 {needed} 个点，超过上限 {limit}；现改为每 {cells} 个像元采样一次</translation>
    </message>
    <message>
        <location filename="../algorithms/network/zones.py" line="302"/>
        <source>The hazard raster has no value along {percent} % of the road length (off the raster or nodata); there the roads count as without hazard</source>
        <translation>{percent}% 的道路长度上危险性栅格无值（位于栅格范围外或为无数据），这些路段按无危险计</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/normalize.py" line="159"/>
        <source>The lower and upper control points are both {value:g}: a single value cannot be stretched to 0–1; give two different control points, or use a reclassification table</source>
        <translation>下控制点与上控制点均为 {value:g}：单一数值无法拉伸到 0–1；请给出两个不同的控制点，或改用重分类表</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/normalize.py" line="167"/>
        <source>The lower control point ({lower:g}) must be below the upper one ({upper:g}); to make higher values less hazardous, keep lower &lt; upper and set the direction instead</source>
        <translation>下控制点（{lower:g}）必须小于上控制点（{upper:g}）；若数值越高危险性越低，请保持下控制点 &lt; 上控制点，并改设“方向”参数</translation>
    </message>
    <message>
        <location filename="../algorithms/common/parsing.py" line="62"/>
        <source>{what}&apos;{token}&apos; is not a number</source>
        <translation>{what}“{token}”不是数值</translation>
    </message>
    <message>
        <location filename="../algorithms/common/parsing.py" line="64"/>
        <source>{what}&apos;{token}&apos; is not a finite number</source>
        <translation>{what}“{token}”不是有限的数值</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/overlay.py" line="128"/>
        <source>{n} hazards were given; at most {max_n} can be combined in one overlay</source>
        <translation>输入了 {n} 个灾种；一次叠加最多可组合 {max_n} 个</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/overlay.py" line="140"/>
        <source>Every weight is zero: the probabilistic union would be 0 in every cell</source>
        <translation>所有权重均为零：概率并集在每个单元上都将为 0</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/overlay.py" line="161"/>
        <source>The order weights apply only to OWA; they were ignored.</source>
        <translation>次序权重仅用于有序加权平均（OWA），已忽略。</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/overlay.py" line="176"/>
        <source>The diagonal of the interaction matrix (a hazard triggering itself) is ignored.</source>
        <translation>交互矩阵的对角线（灾种触发自身）已忽略。</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/overlay.py" line="514"/>
        <source>&apos;{name}&apos; has values on only {share:.3g} % of the cells where any hazard has one ({cells} of {total}); with missing values propagated, the index exists only on those cells</source>
        <translation>“{name}”仅覆盖任一灾种有值单元的 {share:.3g} %（{total} 个中的 {cells} 个）；缺失值按“传递”处理，指数只在这些单元上有值</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/overlay.py" line="514"/>
        <source>&apos;{name}&apos; has values on only {share:.3g} % of the cells where any hazard has one ({cells} of {total}); everywhere else the index is made without it</source>
        <translation>“{name}”仅覆盖任一灾种有值单元的 {share:.3g} %（{total} 个中的 {cells} 个）；其余区域的指数不含该灾种</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/overlay.py" line="530"/>
        <source>&apos;{a}&apos; and &apos;{b}&apos; share no cell: where one has a value the other is missing, so the index never combines them</source>
        <translation>“{a}”与“{b}”没有共同的有效单元：一方有值处另一方缺失，因此指数从未将二者叠加</translation>
    </message>
    <message>
        <location filename="../algorithms/engine/raster_io.py" line="105"/>
        <source>The raster {path} cannot be read ({detail}); the file may be damaged or incomplete, e.g. a copy that was cut short: export or copy it again</source>
        <translation>无法读取栅格 {path}（{detail}）；文件可能已损坏或不完整（例如复制中断）：请重新导出或复制</translation>
    </message>
    <message>
        <location filename="../algorithms/engine/raster_io.py" line="118"/>
        <source>The output {path} cannot be written ({detail}); check that its folder exists and that you may write to it</source>
        <translation>无法写入输出 {path}（{detail}）；请检查其所在文件夹是否存在、是否有写入权限</translation>
    </message>
    <message>
        <location filename="../algorithms/engine/raster_io.py" line="186"/>
        <source>The raster {path} is incomplete: its data should reach byte {end} but the file has {size} bytes (a copy or download that was cut short); copy or export it again</source>
        <translation>栅格 {path} 不完整：其数据应延伸至第 {end} 字节，但文件只有 {size} 字节（复制或下载中断）；请重新复制或导出</translation>
    </message>
    <message>
        <location filename="../algorithms/network/routing.py" line="45"/>
        <source>The speed must be a positive number of km/h, got {value}</source>
        <translation>速度必须为正数（km/h），当前为 {value}</translation>
    </message>
    <message>
        <location filename="../algorithms/network/routing.py" line="65"/>
        <source>Road speeds must be positive numbers of km/h; {count} road segments have a speed of 0 or less or an infinite one</source>
        <translation>道路速度必须为正数（km/h）；{count} 个路段的速度小于等于 0 或为无穷大</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/suitability.py" line="1345"/>
        <source>This run would take about {hours:.0f} hours ({draws} draws × {cells} cells, timed on a sample), more than the {limit:.0f} hours allowed; use fewer draws (ITERATIONS), a coarser reference grid or a smaller extent</source>
        <translation>本次运行约需 {hours:.0f} 小时（{draws} 次抽样 × {cells} 个像元，按样本计时估算），超过允许的 {limit:.0f} 小时；请减少抽样次数（ITERATIONS）、采用更粗的参考网格或缩小范围</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/suitability.py" line="1356"/>
        <source>This run will take about {minutes:.0f} minutes ({draws} draws × {cells} cells, timed on a sample); fewer draws (ITERATIONS) or a coarser reference grid shorten it, and Cancel stops it</source>
        <translation>本次运行约需 {minutes:.0f} 分钟（{draws} 次抽样 × {cells} 个像元，按样本计时估算）；减少抽样次数（ITERATIONS）或采用更粗的参考网格可缩短时间，点击“取消”可随时终止</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/zoning.py" line="82"/>
        <source>{given} manual breaks were given, which make {grades} grades, but the number of grades is {k}: give {needed} increasing inner breaks, or set the number of grades to {grades}</source>
        <translation>输入了 {given} 个手动断点，对应 {grades} 个等级，但等级数为 {k}：请输入 {needed} 个递增的内部断点，或将等级数设为 {grades}</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/zoning.py" line="100"/>
        <source>The minimum patch area must be a finite number of hectares, 0 or more; got {value}</source>
        <translation>最小图斑面积须为不小于 0 的有限公顷数，当前为 {value}</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/zoning.py" line="114"/>
        <source>The minimum patch area ({min_area:g} ha) is not smaller than the whole valid area of the risk surface ({valid_ha:g} ha, {cells} cells): no patch could be kept. Choose a minimum patch area below {valid_ha:g} ha, or 0 to keep every cell</source>
        <translation>最小图斑面积（{min_area:g} 公顷）不小于风险面的全部有效面积（{valid_ha:g} 公顷，{cells} 个栅格单元）：任何图斑都无法保留。请将最小图斑面积设为小于 {valid_ha:g} 公顷，或设为 0 以保留全部单元</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/zoning.py" line="137"/>
        <source>Grades {grades} of {k} hold no cell (the data range from {vmin:.6g} to {vmax:.6g} does not reach them, or their patches were merged by the minimum patch area)</source>
        <translation>{k} 个等级中的第 {grades} 级没有任何栅格单元（数据范围 {vmin:.6g} 至 {vmax:.6g} 未落入这些等级，或其图斑已按最小图斑面积合并）</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/zoning.py" line="137"/>
        <source>Grades {grades} of {k} hold no cell: no value of the data range from {vmin:.6g} to {vmax:.6g} falls between their breaks</source>
        <translation>{k} 个等级中的第 {grades} 级没有任何栅格单元：数据范围 {vmin:.6g} 至 {vmax:.6g} 内没有数值落在这些等级的断点之间</translation>
    </message>
    <message>
        <location filename="../algorithms/network/evacuation_summary.py" line="44"/>
        <source>every shelter stands inside a hazard zone</source>
        <translation>所有避难场所都位于危险区内</translation>
    </message>
    <message>
        <location filename="../algorithms/network/evacuation_summary.py" line="45"/>
        <source>no safe route to a shelter outside the hazard zones</source>
        <translation>没有通往危险区外避难场所的安全路线</translation>
    </message>
    <message>
        <location filename="../algorithms/common/parsing.py" line="224"/>
        <source>CURRENT_USE_CLASSES gives the class {value} to two uses, {first} and {second}; give each class value to one use only</source>
        <translation>CURRENT_USE_CLASSES 将类别值 {value} 同时赋给了两种用途：{first} 和 {second}；每个类别值只能对应一种用途</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/overlay.py" line="687"/>
        <source>&apos;{name}&apos; is on another grid ({crs}, cells of {cell:.6g}); it is resampled (bilinear) to the reference grid (cells of {ref:.6g})</source>
        <translation>“{name}”位于另一栅格网格（{crs}，单元大小 {cell:.6g}）；已按双线性插值重采样到参考网格（单元大小 {ref:.6g}）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/network_input.py" line="184"/>
        <source>{what}: {count} features have a value in &apos;{field}&apos; that is not a number (features {ids})</source>
        <translation>{what}：{count} 个要素在“{field}”中的值不是数字（要素 {ids}）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/network_input.py" line="190"/>
        <source>{what}: {count} features have a negative value in &apos;{field}&apos; (features {ids})</source>
        <translation>{what}：{count} 个要素在“{field}”中为负值（要素 {ids}）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/network_input.py" line="196"/>
        <source>{what}: {count} features have an infinite value in &apos;{field}&apos; (features {ids})</source>
        <translation>{what}：{count} 个要素在“{field}”中为无穷大（要素 {ids}）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/network_input.py" line="210"/>
        <source>{what} ids must be given: {count} features have no value in &apos;{field}&apos; (features {ids})</source>
        <translation>{what}编号必须填写：{count} 个要素在“{field}”中无值（要素 {ids}）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/network_input.py" line="253"/>
        <source>{n} demand features have no geometry; their {people:g} persons are counted as not covered</source>
        <translation>{n} 个需求要素没有几何，其 {people:g} 人计为未覆盖</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/network_input.py" line="260"/>
        <source>Every demand feature has a population of 0: there is nobody to cover</source>
        <translation>所有需求要素的人口均为 0：没有需要覆盖的人口</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/network_input.py" line="358"/>
        <source>{what}: feature {id} cannot be transformed into the demand layer&apos;s CRS ({crs}); check both layers&apos; CRS</source>
        <translation>{what}：要素 {id} 无法转换到需求图层的坐标参考系（{crs}）；请检查两个图层的坐标参考系</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/network_input.py" line="392"/>
        <source>{what} has no feature with a geometry ({n} features have none)</source>
        <translation>{what} 中没有带几何的要素（{n} 个要素无几何）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/network_input.py" line="395"/>
        <source>{what}: {n} features have no geometry and are left out (features {ids})</source>
        <translation>{what}：{n} 个要素没有几何，已略去（要素 {ids}）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/network_input.py" line="415"/>
        <source>The polygon layer</source>
        <translation>面图层</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/network_input.py" line="442"/>
        <source>The cost is a distance: the road speed field &apos;{field}&apos; is not used</source>
        <translation>成本为距离：不使用道路速度字段“{field}”</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="515"/>
        <source>The road network</source>
        <translation>道路网络</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/network_input.py" line="470"/>
        <source>Road speeds must be positive numbers of km/h: {count} roads have a speed in &apos;{field}&apos; of 0 or less, an infinite one or one that is not a number (features {ids}); correct them, or remove closed roads</source>
        <translation>道路速度必须为正数（km/h）：{count} 条道路在“{field}”中的速度小于等于 0、为无穷大或不是数字（要素 {ids}）；请更正，或删除已封闭的道路</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/network_input.py" line="477"/>
        <source>{n} roads have no geometry and are left out</source>
        <translation>{n} 条道路没有几何，已略去</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/network_input.py" line="479"/>
        <source>{n} roads have no speed in &apos;{field}&apos; and take the speed SPEED ({speed:g} km/h)</source>
        <translation>{n} 条道路在“{field}”中没有速度，采用速度参数 SPEED（{speed:g} km/h）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/output_guard.py" line="371"/>
        <source>{parameter} must be a number, not &apos;{value}&apos;</source>
        <translation>{parameter} 必须是数字，而不是“{value}”</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/output_guard.py" line="376"/>
        <source>{parameter} must be between {minimum} and {maximum}; {value} is outside this range</source>
        <translation>{parameter} 的取值范围为 {minimum} 至 {maximum}；{value} 超出此范围</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/output_guard.py" line="378"/>
        <source>{parameter} must be at least {minimum}; {value} is too small</source>
        <translation>{parameter} 不得小于 {minimum}；{value} 过小</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/output_guard.py" line="380"/>
        <source>{parameter} must be at most {maximum}; {value} is too large</source>
        <translation>{parameter} 不得大于 {maximum}；{value} 过大</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/output_guard.py" line="382"/>
        <source>{parameter} must be a finite number, not {value}</source>
        <translation>{parameter} 必须是有限数值，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/output_guard.py" line="385"/>
        <source>{parameter} must be a whole number, not {value}</source>
        <translation>{parameter} 必须是整数，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/output_guard.py" line="441"/>
        <source>{output}: the folder {folder} cannot be created ({error}); choose another folder</source>
        <translation>{output}：无法创建文件夹 {folder}（{error}）；请另选文件夹</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/output_guard.py" line="469"/>
        <source>{output}: {path} is a file, not a folder; choose another folder</source>
        <translation>{output}：{path} 是文件而不是文件夹；请另选文件夹</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/output_guard.py" line="472"/>
        <source>{output}: the folder {folder} is read-only; choose a folder you may write to</source>
        <translation>{output}：文件夹 {folder} 为只读；请选择有写入权限的文件夹</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/output_guard.py" line="473"/>
        <source>{output}: the folder {folder} does not exist and cannot be created in the read-only folder {parent}; choose another folder</source>
        <translation>{output}：文件夹 {folder} 不存在，且无法在只读文件夹 {parent} 中创建；请另选文件夹</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/output_guard.py" line="488"/>
        <source>{output} would write to {file}, which is also an input ({input}); choose another file (inputs are never modified)</source>
        <translation>{output} 将写入 {file}，而该文件也是输入数据（{input}）；请另选文件（输入数据从不被修改）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/output_guard.py" line="499"/>
        <source>{first} and {second} would both be written to {file}; give each output its own file</source>
        <translation>{first} 和 {second} 将写入同一个文件 {file}；请为每个输出指定单独的文件</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/output_guard.py" line="506"/>
        <source>{output}: {file} is read-only and cannot be replaced; choose another file</source>
        <translation>{output}：{file} 为只读文件，无法覆盖；请另选文件</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/output_guard.py" line="670"/>
        <source>Stopped by a termination signal: the outputs of this run were removed</source>
        <translation>运行被终止信号中止：本次运行的输出已删除</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/output_guard.py" line="674"/>
        <source>A raster cannot be read ({detail}); the file may be damaged or incomplete</source>
        <translation>无法读取栅格（{detail}）；文件可能已损坏或不完整</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/output_guard.py" line="679"/>
        <source>Unexpected error ({error}) at {place}; no output was left behind. Please report it with the settings you used</source>
        <translation>意外错误（{error}，位置 {place}）；未留下任何输出。请连同所用的参数设置一并报告此问题</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/output_guard.py" line="704"/>
        <source>Created the output folder {folder}</source>
        <translation>已创建输出文件夹 {folder}</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/output_guard.py" line="716"/>
        <source>Removed the files of this failed run: {files}</source>
        <translation>已删除本次失败运行生成的文件：{files}</translation>
    </message>
    <message>
        <location filename="../processing_provider/provider.py" line="110"/>
        <source>The shipped model {name} cannot be read</source>
        <translation>无法读取随插件提供的模型 {name}</translation>
    </message>
    <message>
        <location filename="../processing_provider/provider.py" line="112"/>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../processing_provider/sets_index.py" line="358"/>
        <source>{count} of the {total} units have no geometry (NULL or empty): {units}; they are scored, ranked and written without a geometry</source>
        <translation>{total} 个单元中有 {count} 个没有几何图形（NULL 或空）：{units}；这些单元照常计算得分和排名，输出时不带几何图形</translation>
    </message>
    <message>
        <location filename="../processing_provider/sets_index.py" line="363"/>
        <source>The outline of the parent unit {parent} leaves out {count} of its {total} units, which have no geometry; its scores include them</source>
        <translation>上级单元 {parent} 的边界未包含其 {total} 个下级单元中 {count} 个无几何图形的单元；其得分仍计入这些单元</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="383"/>
        <source>Points: the share of the residents within each distance of the standard; the HTML report of the service coverage draws the whole curve.</source>
        <translation>圆点：标准规定的各距离内覆盖的居民比例；完整的覆盖曲线见服务覆盖分析的 HTML 报告。</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/base.py" line="100"/>
        <source>4 · Spatial network · ecological security pattern</source>
        <translation>4 · 空间网络 · 生态安全格局</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/base.py" line="101"/>
        <source>5 · Spatial network · infrastructure stress test</source>
        <translation>5 · 空间网络 · 基础设施压力测试</translation>
    </message>
    <message>
        <location filename="../algorithms/common/parsing.py" line="198"/>
        <source>DEMAND of {use}: &apos;{text}&apos; is not a number</source>
        <translation>{use} 的 DEMAND：“{text}”不是数字</translation>
    </message>
    <message>
        <location filename="../algorithms/common/parsing.py" line="204"/>
        <source>DEMAND tolerance of {use}: &apos;{text}&apos; is not a number</source>
        <translation>{use} 的 DEMAND 容差：“{text}”不是数字</translation>
    </message>
    <message>
        <location filename="../algorithms/common/parsing.py" line="222"/>
        <source>CURRENT_USE_CLASSES of {use}: &apos;{text}&apos; is not a number</source>
        <translation>{use} 的 CURRENT_USE_CLASSES：“{text}”不是数字</translation>
    </message>
    <message>
        <location filename="../algorithms/dossier/dossier.py" line="134"/>
        <source>The results folder {folder} does not exist</source>
        <translation>结果文件夹 {folder} 不存在</translation>
    </message>
    <message>
        <location filename="../algorithms/dossier/dossier.py" line="137"/>
        <source>The folder {folder} holds no run record (tsr_runs.jsonl): run the algorithms with their outputs in this folder first</source>
        <translation>文件夹 {folder} 中没有运行记录（tsr_runs.jsonl）：请先运行各算法并将输出写入该文件夹</translation>
    </message>
    <message>
        <location filename="../algorithms/dossier/dossier.py" line="142"/>
        <source>Unknown sections: {names}</source>
        <translation>未知章节：{names}</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/barriers.py" line="98"/>
        <source>RADII holds no radius; give one or more search radii in map units, e.g. 100, 200, 400</source>
        <translation>RADII 中没有半径；请给出一个或多个以地图单位计的搜索半径，如 100, 200, 400</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/barriers.py" line="101"/>
        <source>Every radius must be a positive number of map units, got {value:g}</source>
        <translation>每个半径都必须是以地图单位计的正数，输入为 {value:g}</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/barriers.py" line="103"/>
        <source>No linked pair of sources: PATHS holds no path between two of the sources</source>
        <translation>没有相连的源地对：PATHS 中没有连接两个源地的路径</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/barriers.py" line="128"/>
        <source>a source lies on impassable cells only</source>
        <translation>有源地仅位于不可通行像元上</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/circuit.py" line="77"/>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/barriers.py" line="132"/>
        <source>the sources cannot reach each other</source>
        <translation>两个源地互不可达</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/circuit.py" line="78"/>
        <source>different components: no current path (infinite resistance)</source>
        <translation>位于不同连通分量：无电流通路（有效电阻为无穷大）</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/circuit.py" line="79"/>
        <source>focal node on nodata or zero conductance (not in the network)</source>
        <translation>焦点节点位于无数据或零电导像元（不在网络中）</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/circuit.py" line="80"/>
        <source>same node (short-circuited)</source>
        <translation>同一节点（短路）</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/circuit.py" line="81"/>
        <source>no other focal node in its component (infinite resistance)</source>
        <translation>所在连通分量中没有其他焦点节点（有效电阻为无穷大）</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/circuit.py" line="82"/>
        <source>all-to-one: several sources, no single resistance</source>
        <translation>多对一：多个电流源，无单一有效电阻</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/circuit.py" line="83"/>
        <source>only one focal node: nothing to connect</source>
        <translation>只有一个焦点节点：无可连接对象</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/normalize_job.py" line="182"/>
        <source>The raster has no valid cell (every cell is nodata)</source>
        <translation>栅格没有有效单元（全部为无数据）</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/circuit.py" line="133"/>
        <source>The raster holds negative values (minimum {value:g}); resistances and conductances must be zero or positive</source>
        <translation>栅格含负值（最小值 {value:g}）；阻力和电导必须为零或正数</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/circuit.py" line="141"/>
        <source>Every conductance is 0: there is no network</source>
        <translation>所有电导均为 0：不存在网络</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/circuit.py" line="144"/>
        <source>{n} cells have resistance 0, which is a short circuit; give them a small positive resistance, or draw them as a focal region (cells joined by zero resistance)</source>
        <translation>{n} 个像元的阻力为 0，即短路；请赋予较小的正阻力值，或将其绘制为焦点区域（以零阻力相连的像元）</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/circuit.py" line="277"/>
        <source>The current solve did not converge ({info} iterations); check the resistance surface for extreme values</source>
        <translation>电流求解未收敛（{info} 次迭代）；请检查阻力面中是否有极端值</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/circuit.py" line="383"/>
        <source>No focal node lies on the raster</source>
        <translation>没有焦点节点落在栅格上</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/circuit.py" line="625"/>
        <source>Only one focal node ({id}): circuit connectivity needs at least two</source>
        <translation>只有一个焦点节点（{id}）：电路连通性至少需要两个</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/circuit.py" line="631"/>
        <source>PAIRS names the focal id {id}, which is not a focal node on the raster</source>
        <translation>PAIRS 中的焦点编号 {id} 不是栅格上的焦点节点</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/circuit.py" line="397"/>
        <source>PAIRS holds no pair of two different focal ids</source>
        <translation>PAIRS 中没有由两个不同焦点编号组成的节点对</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/circuit.py" line="621"/>
        <source>CORRIDOR_WIDTH must be a positive number (cost units), got {value}</source>
        <translation>CORRIDOR_WIDTH 必须为正数（成本单位），输入为 {value}</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/connectivity.py" line="60"/>
        <source>THRESHOLD must be a distance above 0, got {value}</source>
        <translation>THRESHOLD 须为大于 0 的距离，当前为 {value}</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/connectivity.py" line="62"/>
        <source>PROBABILITY must lie strictly between 0 and 1 (a dispersal probability), got {value}</source>
        <translation>PROBABILITY 须严格介于 0 与 1 之间（扩散概率），当前为 {value}</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/connectivity.py" line="119"/>
        <source>There is no habitat patch: nothing to measure</source>
        <translation>没有生境斑块：无可计算的对象</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/connectivity.py" line="121"/>
        <source>Every patch attribute (area) must be a number above 0</source>
        <translation>每个斑块的属性值（面积）须为大于 0 的数值</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/connectivity.py" line="123"/>
        <source>LANDSCAPE_AREA must be an area above 0 (ha), got {value}</source>
        <translation>LANDSCAPE_AREA 须为大于 0 的面积（公顷），当前为 {value}</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/connectivity.py" line="128"/>
        <source>Distances between patches must be finite and not negative</source>
        <translation>斑块间距离须为有限且非负的数值</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/corridors.py" line="269"/>
        <source>At least two sources are needed to build corridors (found {count}).</source>
        <translation>构建廊道至少需要两个源地（当前 {count} 个）。</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/cost_distance.py" line="85"/>
        <source>The cell size must be a positive number (got {size}).</source>
        <translation>像元大小必须为正数（当前为 {size}）。</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/cost_distance.py" line="105"/>
        <source>The resistance must be a single-band raster (got {ndim} dimensions).</source>
        <translation>阻力面必须是单波段栅格（当前为 {ndim} 维）。</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/cost_distance.py" line="110"/>
        <source>The resistance raster has no valid cell (all nodata).</source>
        <translation>阻力面栅格没有有效像元（全为无数据）。</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/cost_distance.py" line="113"/>
        <source>{count} resistance cells are zero or negative; a resistance must be at least 1 (use nodata for barriers).</source>
        <translation>{count} 个阻力像元为零或负值；阻力必须至少为 1（障碍请用无数据表示）。</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/cost_distance.py" line="120"/>
        <source>{count} resistance cells are below {minimum}; rescale the resistance so that it is at least {minimum}.</source>
        <translation>{count} 个阻力像元小于 {minimum}；请重新缩放阻力面，使其至少为 {minimum}。</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/cost_distance.py" line="255"/>
        <source>The sources grid ({got}) does not match the resistance grid ({expected}).</source>
        <translation>源地栅格（{got}）与阻力面栅格（{expected}）不一致。</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/cost_distance.py" line="289"/>
        <source>No source lies on a passable cell of the resistance raster.</source>
        <translation>没有源地位于阻力面的可通行像元上。</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/resistance.py" line="80"/>
        <source>TABLE has an empty cell; give every row a class value and a resistance</source>
        <translation>TABLE 中有空单元格；每行都须填写地类代码和阻力值</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/resistance.py" line="84"/>
        <source>TABLE is empty: give one row (class value, resistance) per land-cover class</source>
        <translation>TABLE 为空：请为每个地类给出一行（地类代码，阻力值）</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/resistance.py" line="86"/>
        <source>TABLE must have two columns (class value, resistance); it has {count} numbers</source>
        <translation>TABLE 须为两列（地类代码，阻力值）；现有 {count} 个数值</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/resistance.py" line="90"/>
        <source>Class {cls:g} appears twice in TABLE</source>
        <translation>地类 {cls:g} 在 TABLE 中出现了两次</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/resistance.py" line="92"/>
        <source>The resistance of class {cls:g} is {value:g}; resistances must be at least 1 (0 would make crossing free)</source>
        <translation>地类 {cls:g} 的阻力值为 {value:g}；阻力值须不小于 1（0 表示穿越无成本）</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/resistance.py" line="116"/>
        <source>MODIFIER_WEIGHTS must be finite numbers of at least 0</source>
        <translation>MODIFIER_WEIGHTS 须为不小于 0 的有限数值</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/resistance.py" line="119"/>
        <source>MIN_RESISTANCE and MAX_RESISTANCE must satisfy 1 ≤ minimum &lt; maximum; got {low:g} and {high:g}</source>
        <translation>MIN_RESISTANCE 和 MAX_RESISTANCE 须满足 1 ≤ 最小值 &lt; 最大值；当前为 {low:g} 和 {high:g}</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/resistance.py" line="125"/>
        <source>For the weighted sum the modifier weights must add up to less than 1 (the base land-cover resistance takes the rest); they add up to {total:g}</source>
        <translation>加权求和时修正因子权重之和须小于 1（其余部分为基础地类阻力的权重）；当前之和为 {total:g}</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/resistance.py" line="220"/>
        <source>Land-cover class(es) {classes} are not in TABLE; add a row (class value, resistance) for each, or list them as barriers</source>
        <translation>地类 {classes} 不在 TABLE 中；请为每个地类添加一行（地类代码，阻力值），或将其列为障碍地类</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/resistance.py" line="156"/>
        <source>MODIFIER_WEIGHTS has {count} weight(s) for {modifiers} modifier raster(s); give one weight per modifier or none</source>
        <translation>MODIFIER_WEIGHTS 有 {count} 个权重，而修正栅格有 {modifiers} 个；请为每个修正栅格给一个权重，或全部留空</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/resistance.py" line="177"/>
        <source>A modifier raster holds values outside 0–1 ({low:g} … {high:g}); normalise it first (e.g. with Normalise hazard)</source>
        <translation>修正栅格含有 0–1 以外的值（{low:g} … {high:g}）；请先将其标准化（例如用“灾害标准化”）</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/suitability.py" line="607"/>
        <source>The criterion &apos;{name}&apos; has no valid cell on the reference grid (all nodata, or outside it)</source>
        <translation>评价指标“{name}”在参考网格上没有有效像元（全部为无数据值，或位于网格之外）</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/suitability.py" line="610"/>
        <source>The criterion &apos;{name}&apos; is constant; it cannot be normalised</source>
        <translation>准则“{name}”为常数，无法归一化</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/suitability.py" line="615"/>
        <source>The criteria do not overlap: no cell of the reference grid has data in every criterion</source>
        <translation>各评价指标互不重叠：参考网格中没有任何像元在所有指标上都有数据</translation>
    </message>
    <message>
        <location filename="../algorithms/network/criticality.py" line="395"/>
        <source>THRESHOLD must be a positive number of metres or minutes, got {value}</source>
        <translation>THRESHOLD 必须是以米或分钟计的正数，当前为 {value}</translation>
    </message>
    <message>
        <location filename="../algorithms/network/criticality.py" line="397"/>
        <source>No facility is within reach of the road network: there is nothing whose loss could be measured</source>
        <translation>没有任何设施能接入道路网络：无法衡量任何要素失效的影响</translation>
    </message>
    <message>
        <location filename="../algorithms/network/criticality.py" line="522"/>
        <source>The scenario raster cannot be read: {detail}</source>
        <translation>无法读取情景栅格：{detail}</translation>
    </message>
    <message>
        <location filename="../algorithms/network/criticality.py" line="525"/>
        <source>The scenario raster has {count} bands; band {band} does not exist</source>
        <translation>情景栅格有 {count} 个波段；波段 {band} 不存在</translation>
    </message>
    <message>
        <location filename="../algorithms/network/robustness.py" line="79"/>
        <source>The line layer has no line with two end points</source>
        <translation>线图层中没有具有两个端点的线</translation>
    </message>
    <message>
        <location filename="../algorithms/network/robustness.py" line="102"/>
        <source>Every line begins and ends at the same node: the network has no link</source>
        <translation>每条线的起点和终点都是同一节点：网络中没有连接</translation>
    </message>
    <message>
        <location filename="../algorithms/network/robustness.py" line="126"/>
        <source>The line layer has no link between two different nodes</source>
        <translation>线图层中没有连接两个不同节点的线</translation>
    </message>
    <message>
        <location filename="../algorithms/network/robustness.py" line="303"/>
        <source>The network has nothing to remove</source>
        <translation>网络中没有可移除的对象</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/normalize.py" line="223"/>
        <source>Percentiles must satisfy 0 ≤ lower &lt; upper ≤ 100; got {low:g} and {high:g}</source>
        <translation>百分位数须满足 0 ≤ 下限 &lt; 上限 ≤ 100，当前为 {low:g} 和 {high:g}</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/normalize.py" line="231"/>
        <source>Percentiles {pl:g} % and {ph:g} % are both {value:g}, because many cells share that value; choose percentiles further apart, or use min-max or a reclassification table</source>
        <translation>第 {pl:g} 和第 {ph:g} 百分位数均为 {value:g}，因为大量单元取值相同；请选择相距更远的百分位数，或改用最小–最大值法或重分类表</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/normalize.py" line="247"/>
        <source>Every valid cell of the raster has the value {value:g}: a single value cannot be stretched to 0–1; give the control points LOWER and UPPER, or use a reclassification table</source>
        <translation>栅格的所有有效单元取值均为 {value:g}：单一数值无法拉伸到 0–1；请给出控制点 LOWER 和 UPPER，或改用重分类表</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/normalize.py" line="255"/>
        <source>The lower control point {lower:g} is not below the data maximum {vmax:g}, which is used as the upper control point; give UPPER as well, or a lower control point below {vmax:g}</source>
        <translation>下控制点 {lower:g} 不小于作为上控制点的数据最大值 {vmax:g}；请同时给出 UPPER，或使下控制点小于 {vmax:g}</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/normalize.py" line="264"/>
        <source>The upper control point {upper:g} is not above the data minimum {vmin:g}, which is used as the lower control point; give LOWER as well, or an upper control point above {vmin:g}</source>
        <translation>上控制点 {upper:g} 不大于作为下控制点的数据最小值 {vmin:g}；请同时给出 LOWER，或使上控制点大于 {vmin:g}</translation>
    </message>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="82"/>
        <source>Pairwise</source>
        <translation>成对</translation>
    </message>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="82"/>
        <source>All-to-one</source>
        <translation>多对一</translation>
    </message>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="82"/>
        <source>One-to-all</source>
        <translation>一对多</translation>
    </message>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="86"/>
        <source>Four neighbours</source>
        <translation>四邻域</translation>
    </message>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="86"/>
        <source>Eight neighbours</source>
        <translation>八邻域</translation>
    </message>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="90"/>
        <source>Average resistances</source>
        <translation>平均阻力</translation>
    </message>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="90"/>
        <source>Average conductances</source>
        <translation>平均电导</translation>
    </message>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="228"/>
        <source>Pinch points in corridors</source>
        <translation>廊道内生态夹点</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/network_input.py" line="88"/>
        <source>Where people live; polygons count at a point on their surface. Its CRS, projected in metres, is the one of every distance.</source>
        <translation>居民所在位置；面要素取其面上一点。该图层的坐标参考系（须为以米为单位的投影坐标系）即所有距离的度量基准。</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/network_input.py" line="92"/>
        <source>Persons per demand feature; NULL counts 0 (reported); a negative value or text that is not a number is refused.</source>
        <translation>每个需求要素的人数；NULL 计为 0（并提示）；负值或非数字文本将被拒绝。</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/network_input.py" line="98"/>
        <source>Names the demand features in the outputs (unique values); empty = feature ids.</source>
        <translation>在输出中标识需求要素（值须唯一）；留空 = 使用要素编号。</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/network_input.py" line="271"/>
        <source>Road lines, reprojected to the demand layer&apos;s CRS.</source>
        <translation>道路线要素，将重投影到需求图层的坐标参考系。</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/network_input.py" line="273"/>
        <source>Leave empty to measure straight-line distances.</source>
        <translation>留空则按直线距离计算。</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/network_input.py" line="279"/>
        <source>Speed (km/h)</source>
        <translation>速度（km/h）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/network_input.py" line="279"/>
        <source>Travel speed for time costs: on the access legs between the points and the roads, and on every road without a speed. Walking ≈ 5 km/h.</source>
        <translation>按时间计算成本时的出行速度：用于点与道路之间的接入段，以及所有未给出速度的道路。步行约 5 km/h。</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/network_input.py" line="286"/>
        <source>Speed of each road, used when the cost is time; NULL takes SPEED; 0 or less is refused (close a road with barriers instead).</source>
        <translation>每条道路的速度，成本为时间时使用；NULL 取 SPEED；0 或负值将被拒绝（如需封闭道路，请改用障碍）。</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/network_input.py" line="294"/>
        <source>What the thresholds and results measure: distance along the roads (m) or travel time (minutes).</source>
        <translation>阈值和结果的度量方式：沿道路的距离（米）或出行时间（分钟）。</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/network_input.py" line="300"/>
        <source>Points farther than this from every road are not joined to it (reported); 0 joins only points lying on a road.</source>
        <translation>距所有道路都超过此距离的点不接入路网（并提示）；0 表示只接入位于道路上的点。</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/network_input.py" line="307"/>
        <source>1, yes, true, T, Y, FT, forward, oneway or 是 = one way in the digitised direction; -1, TF, backward or reverse = against it; other values = both ways.</source>
        <translation>1、yes、true、T、Y、FT、forward、oneway 或 是 = 沿数字化方向单行；-1、TF、backward 或 reverse = 逆数字化方向单行；其他值 = 双向通行。</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/network_input.py" line="314"/>
        <source>Line ends and vertices closer than this become one node (closes small digitising gaps); 0 = only identical coordinates.</source>
        <translation>距离小于此值的线端点和折点合并为一个节点（弥合细小的数字化缝隙）；0 = 仅合并坐标完全相同的点。</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/network_input.py" line="318"/>
        <source>Connect roads at every crossing; leave off where roads cross on bridges or in tunnels.</source>
        <translation>在每个交叉处连通道路；若道路以桥梁或隧道形式交叉，请勿勾选。</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/patchconnectivity.py" line="24"/>
        <source>Index</source>
        <translation>指数</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/patchconnectivity.py" line="24"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="413"/>
        <source>Components</source>
        <translation>组分数</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/patchconnectivity.py" line="24"/>
        <source>Patches</source>
        <translation>斑块数</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/patchconnectivity.py" line="24"/>
        <source>Total patch attribute (ha)</source>
        <translation>斑块属性总量（公顷）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/patchconnectivity.py" line="24"/>
        <source>Landscape area A_L (ha)</source>
        <translation>景观面积 A_L（公顷）</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="139"/>
        <source>Threshold distance</source>
        <translation>阈值距离</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="139"/>
        <source>Probability at the threshold</source>
        <translation>阈值处扩散概率</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/patchconnectivity.py" line="57"/>
        <source>Patch</source>
        <translation>斑块</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/patchconnectivity.py" line="57"/>
        <source>Rank</source>
        <translation>排序</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/patchconnectivity.py" line="57"/>
        <source>Component</source>
        <translation>组分</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/patchconnectivity.py" line="60"/>
        <source>Global connectivity</source>
        <translation>整体连通性</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/patchconnectivity.py" line="61"/>
        <source>Most important patches (dPC)</source>
        <translation>最重要的斑块（dPC）</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="432"/>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/patchconnectivity.py" line="68"/>
        <source>Connectivity against distance</source>
        <translation>连通性随距离的变化</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/patchconnectivity.py" line="68"/>
        <source>Where the number of components drops sharply, the network joins up: that distance is a spatial threshold of the network.</source>
        <translation>组分数骤降之处网络连为一体：该距离即网络的空间阈值。</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/patchconnectivity.py" line="83"/>
        <source>References</source>
        <translation>参考文献</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/patchconnectivity.py" line="84"/>
        <source>Patch connectivity (Conefor indices)</source>
        <translation>斑块连通性（Conefor 指数）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/run_record.py" line="131"/>
        <source>The run record could not be written to {path}: {error}</source>
        <translation>无法将运行记录写入 {path}：{error}</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/shapes.py" line="44"/>
        <source>A feature of &apos;{layer}&apos; cannot be transformed from {source} to {target}; check the layer&apos;s CRS</source>
        <translation>图层“{layer}”中有要素无法从 {source} 转换到 {target}；请检查该图层的坐标参考系</translation>
    </message>
    <message>
        <location filename="../processing_provider/ecological_corridors.py" line="81"/>
        <source>Sources whose cost zones touch (cost-allocation adjacency)</source>
        <translation>成本分配区相邻的源地（成本分配邻接）</translation>
    </message>
    <message>
        <location filename="../processing_provider/ecological_corridors.py" line="82"/>
        <source>Sources whose Euclidean zones touch (Euclidean adjacency)</source>
        <translation>欧氏分配区相邻的源地（欧氏邻接）</translation>
    </message>
    <message>
        <location filename="../processing_provider/ecological_corridors.py" line="83"/>
        <source>All pairs of sources</source>
        <translation>全部源地对</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="74"/>
        <source>Build the ecological security pattern</source>
        <translation>构建生态安全格局</translation>
    </message>
    <message>
        <location filename="../ui/wizard.py" line="30"/>
        <source>Spatial network · Ecological security pattern</source>
        <translation>空间网络 · 生态安全格局</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="76"/>
        <source>Sources ranked by their importance for connectivity, a resistance surface, corridors of least cumulative resistance, pinch points and barriers</source>
        <translation>按连通性重要性排序的生态源地、阻力面、最小累积阻力生态廊道、生态夹点与障碍点</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="86"/>
        <source>Land-cover class</source>
        <translation>土地覆被类别</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="86"/>
        <source>Resistance (≥ 1)</source>
        <translation>阻力值（≥ 1）</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="91"/>
        <source>Every class of the land cover needs a resistance; the preset is that of the land-use classes of the third national land survey</source>
        <translation>土地覆被的每一类都需要一个阻力值；预设值对应第三次全国国土调查的地类</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="94"/>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="95"/>
        <source>The preset of tsr:resistancesurface: the first-level classes of the third national land survey (GB/T 21010-2017)</source>
        <translation>tsr:resistancesurface 的预设：第三次全国国土调查一级地类（GB/T 21010-2017）</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="99"/>
        <source>Add a class</source>
        <translation>添加地类</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="101"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="104"/>
        <source>optional, e.g. 5</source>
        <translation>可选，例如 5</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="108"/>
        <source>Rasters of 0–1 that raise the resistance, e.g. the hazard degrees of path 1 (landslide, flood)</source>
        <translation>提高阻力的 0–1 栅格，例如路径 1 的灾害程度（滑坡、洪水）</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="292"/>
        <source>Resistance surface</source>
        <translation>阻力面</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="260"/>
        <source>Land cover</source>
        <translation>土地覆被</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="122"/>
        <source>Impassable classes</source>
        <translation>不可通行地类</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="123"/>
        <source>Raised by (0–1 rasters)</source>
        <translation>提高阻力的 0–1 栅格</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="124"/>
        <source>Weight of each</source>
        <translation>各自权重</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="129"/>
        <source>Land-cover classes that are habitat, e.g. forest and wetland</source>
        <translation>作为生境的土地覆被类别，例如林地和湿地</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="135"/>
        <source>Dispersal distance: metres, or cost units with least-cost distances</source>
        <translation>扩散距离：米；采用最小成本距离时为成本单位</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="306"/>
        <source>Ecological sources</source>
        <translation>生态源地</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="139"/>
        <source>Habitat classes</source>
        <translation>生境类别</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="139"/>
        <source>Threshold curve at</source>
        <translation>阈值曲线距离</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="139"/>
        <source>Number of sources</source>
        <translation>生态源地数量</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="159"/>
        <source>Cut-off of the normalised corridor, in cost units (0 = no cut)</source>
        <translation>归一化廊道的截断值，成本单位（0 = 不截断）</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="161"/>
        <source>Pinch points (current flow)</source>
        <translation>生态夹点（电流）</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="163"/>
        <source>Barriers (restoration gain)</source>
        <translation>障碍点（修复收益）</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="165"/>
        <source>Pinch points (current flow within each corridor)</source>
        <translation>生态夹点（各廊道内的电流）</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="166"/>
        <source>Barriers (restoration that shortens the corridors most)</source>
        <translation>障碍点（修复后最能缩短廊道之处）</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="167"/>
        <source>Distances of the threshold curve</source>
        <translation>阈值曲线的距离</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="168"/>
        <source>Sources: the most important patches</source>
        <translation>生态源地：最重要的斑块数</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="169"/>
        <source>Pairs of sources to connect</source>
        <translation>需连接的源地对</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="171"/>
        <source>Search radii of the barriers (m)</source>
        <translation>障碍点搜索半径（米）</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="173"/>
        <source>Corridors, pinch points and barriers</source>
        <translation>生态廊道、生态夹点与障碍点</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="173"/>
        <source>Pairs</source>
        <translation>源地对</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="173"/>
        <source>Corridor width</source>
        <translation>廊道宽度</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="173"/>
        <source>Roads (conflicts)</source>
        <translation>道路（冲突点）</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="173"/>
        <source>Radii (m)</source>
        <translation>搜索半径（米）</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="185"/>
        <source>Importance of the sources (dPC)</source>
        <translation>生态源地重要性（dPC）</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="186"/>
        <source>Threshold curve: PC and components against distance</source>
        <translation>阈值曲线：PC 与组分数随距离的变化</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="187"/>
        <source>Effective resistance between the sources</source>
        <translation>生态源地之间的有效电阻</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="242"/>
        <source>Choose the land-cover raster.</source>
        <translation>请选择土地覆被栅格。</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="243"/>
        <source>The land-cover raster</source>
        <translation>土地覆被栅格</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="253"/>
        <source>The resistance table needs a number in each cell (class {value}).</source>
        <translation>阻力表每个单元格都需要填写数字（地类 {value}）。</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="256"/>
        <source>The resistance table is empty.</source>
        <translation>阻力表为空。</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="259"/>
        <source>Name the habitat classes of the land cover (e.g. forest and wetland).</source>
        <translation>请填写土地覆被中的生境类别（例如林地和湿地）。</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="267"/>
        <source>Modifier: {name}</source>
        <translation>修正因子：{name}</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="246"/>
        <source>Patch importance for connectivity</source>
        <translation>斑块连通性重要性</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="306"/>
        <source>Ecological sources (the most important patches)</source>
        <translation>生态源地（最重要的斑块）</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="323"/>
        <source>Roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="247"/>
        <source>Least-cost corridors</source>
        <translation>最小成本生态廊道</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="248"/>
        <source>Pinch points (current flow in the corridors)</source>
        <translation>生态夹点（廊道内电流）</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="341"/>
        <source>Pinch points (current density)</source>
        <translation>生态夹点（电流密度）</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="365"/>
        <source>Give the search radii of the barriers, e.g. 90, 180, 300.</source>
        <translation>请填写障碍点的搜索半径，例如 90, 180, 300。</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="249"/>
        <source>Barriers</source>
        <translation>障碍点</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="366"/>
        <source>Barriers (improvement score)</source>
        <translation>障碍点（改善得分）</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="408"/>
        <source>patch {id}</source>
        <translation>斑块 {id}</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="408"/>
        <source>dPC (%)</source>
        <translation>dPC（%）</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="409"/>
        <source>{n} of {total} habitat patches, by rank</source>
        <translation>{total} 个生境斑块中排名前 {n} 的斑块</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="413"/>
        <source>PC</source>
        <translation>PC</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="413"/>
        <source>Distance (m or cost units)</source>
        <translation>距离（米或成本单位）</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="422"/>
        <source>Give distances for the threshold curve and run again.</source>
        <translation>请填写阈值曲线的距离后重新运行。</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="426"/>
        <source>Effective resistance</source>
        <translation>有效电阻</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="427"/>
        <source>the {n} highest of {total} pairs</source>
        <translation>{total} 对中最高的 {n} 对</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="429"/>
        <source>{n} pairs in separate components have no finite resistance</source>
        <translation>{n} 对源地位于不同组分，没有有限的有效电阻</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="432"/>
        <source>Tick “Pinch points” and run to see the effective resistances.</source>
        <translation>勾选“生态夹点”并运行，即可查看有效电阻。</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="438"/>
        <source>Done: PC {pc:.4g}, equivalent connected area EC(PC) {ec:,.1f} ha, {n} components.</source>
        <translation>完成：PC {pc:.4g}，等效连通面积 EC(PC) {ec:,.1f} 公顷，{n} 个组分。</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="448"/>
        <source>Mean effective resistance between the sources: {r:.4g}.</source>
        <translation>生态源地之间的平均有效电阻：{r:.4g}。</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="449"/>
        <source>The layers are in the group “{group}”.</source>
        <translation>图层位于图层组“{group}”中。</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="181"/>
        <source>1 · Coverage, new sites and routes</source>
        <translation>1 · 覆盖、新增选址与疏散路线</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="182"/>
        <source>2 · Stress test</source>
        <translation>2 · 压力测试</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="240"/>
        <source>Wait until the stress test has finished.</source>
        <translation>请等待压力测试完成。</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="426"/>
        <source>Run the stress test</source>
        <translation>运行压力测试</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="432"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="436"/>
        <source>The access standard in the unit of the cost: minutes, or metres</source>
        <translation>以成本单位表示的可达标准：分钟或米</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="438"/>
        <source>Elements that fail one at a time</source>
        <translation>逐一失效的要素</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="439"/>
        <source>Every road segment</source>
        <translation>每一条路段</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="442"/>
        <source>Roads in the risk zones of path 1 fail, from grade</source>
        <translation>路径 1 风险区内的道路失效，起始等级</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="443"/>
        <source>Criticality (N−1 on the damaged network)</source>
        <translation>关键性（受损网络上的 N−1 分析）</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="445"/>
        <source>Facilities (e.g. hospitals)</source>
        <translation>设施（例如医院）</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="445"/>
        <source>Road segment id field</source>
        <translation>路段编号字段</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="445"/>
        <source>Driving speed</source>
        <translation>行车速度</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="445"/>
        <source>Access standard</source>
        <translation>可达标准</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="445"/>
        <source>Failing elements</source>
        <translation>失效要素</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="459"/>
        <source>Robustness curve of the road network</source>
        <translation>道路网络鲁棒性曲线</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="462"/>
        <source>Random (repeated)</source>
        <translation>随机（重复）</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="467"/>
        <source>Robustness</source>
        <translation>鲁棒性</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="467"/>
        <source>Order of the losses</source>
        <translation>失效顺序</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="467"/>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="559"/>
        <source>The ten most critical elements</source>
        <translation>最关键的十个要素</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="471"/>
        <source>Robustness curve: what is left as nodes are removed</source>
        <translation>鲁棒性曲线：移除节点后网络剩余的部分</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="501"/>
        <source>Run path 1 first to test the network with its high-risk zones closed.</source>
        <translation>请先运行路径 1，才能在高风险区封闭的情况下测试网络。</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="512"/>
        <source>The stress test needs the residents, the road network and the facilities.</source>
        <translation>压力测试需要居民、道路网络和设施图层。</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="528"/>
        <source>Facilities</source>
        <translation>设施</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="539"/>
        <source>Risk zones that close the roads (grade {g} and above)</source>
        <translation>封闭道路的风险区（{g} 级及以上）</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="250"/>
        <source>Network criticality</source>
        <translation>网络关键性</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="251"/>
        <source>Network robustness</source>
        <translation>网络鲁棒性</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="582"/>
        <source>Wait until the coverage run has finished.</source>
        <translation>请等待覆盖分析运行完成。</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="624"/>
        <source>road</source>
        <translation>道路</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="624"/>
        <source>facility</source>
        <translation>设施</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="625"/>
        <source>Residents losing access (persons)</source>
        <translation>失去可达性的居民（人）</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="634"/>
        <source>Largest component (share of nodes)</source>
        <translation>最大连通组分（节点比例）</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="634"/>
        <source>Global efficiency</source>
        <translation>全局效率</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="634"/>
        <source>Share of nodes removed</source>
        <translation>已移除节点比例</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="634"/>
        <source>Share</source>
        <translation>比例</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="643"/>
        <source>Tick “Robustness curve” and run to see it.</source>
        <translation>勾选“鲁棒性曲线”并运行即可查看。</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="651"/>
        <source>the high-risk zones cut {n:,.0f} residents off</source>
        <translation>高风险区使 {n:,.0f} 名居民失去可达性</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="652"/>
        <source>the most critical element is {id}</source>
        <translation>最关键的要素是 {id}</translation>
    </message>
    <message>
        <location filename="../ui/page_network.py" line="655"/>
        <source>the network falls apart after {f:.0%} of its nodes are lost (R = {r:.3f})</source>
        <translation>失去 {f:.0%} 的节点后网络瓦解（R = {r:.3f}）</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="316"/>
        <source>Make the dossier…</source>
        <translation>生成专题报告…</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="320"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="324"/>
        <source>Open the dossier</source>
        <translation>打开专题报告</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="327"/>
        <source>Dossier and map atlas</source>
        <translation>专题报告与图集</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="329"/>
        <source>The thematic study of the plan as PDF and HTML: maps with legend and scale, the findings with their numbers, proposed actions and the provenance of every number.</source>
        <translation>规划专题研究（PDF 与 HTML）：带图例和比例尺的地图、附数据的结论、建议措施以及每个数字的来源。</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="338"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="339"/>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="371"/>
        <source>Run at least one step first: the dossier is made from the results of the guide.</source>
        <translation>请先至少运行一个步骤：专题报告由向导的结果生成。</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="382"/>
        <source>The dossier folder {folder} cannot be written: {error}</source>
        <translation>无法写入专题报告文件夹 {folder}：{error}</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="388"/>
        <source>Resilience dossier</source>
        <translation>韧性专题报告</translation>
    </message>
    <message>
        <location filename="../ui/page_summary.py" line="409"/>
        <source>Dossier made: {pages} pages, {findings} findings, {actions} proposed actions — {path}</source>
        <translation>专题报告已生成：{pages} 页，{findings} 条结论，{actions} 条建议措施 —— {path}</translation>
    </message>
    <message>
        <location filename="../algorithms/common/job_parameters.py" line="28"/>
        <source>{algorithm} has no parameter {names}; its parameters are {known}</source>
        <translation>{algorithm} 没有参数 {names}；它的参数为 {known}</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/overlay_job.py" line="246"/>
        <source>{algorithm} needs the parameter {names}</source>
        <translation>{algorithm} 需要参数 {names}</translation>
    </message>
    <message>
        <location filename="../algorithms/common/job_parameters.py" line="44"/>
        <source>{name} was given {count} times; it takes one value</source>
        <translation>{name} 给出了 {count} 次；它只取一个值</translation>
    </message>
    <message>
        <location filename="../algorithms/common/job_parameters.py" line="69"/>
        <source>{name}: &apos;{value}&apos; is not a number</source>
        <translation>{name}：“{value}”不是数字</translation>
    </message>
    <message>
        <location filename="../algorithms/common/job_parameters.py" line="73"/>
        <source>{name}: {value} is outside the range {low} to {high}</source>
        <translation>{name}：{value} 超出 {low} 至 {high} 的范围</translation>
    </message>
    <message>
        <location filename="../algorithms/common/job_parameters.py" line="82"/>
        <source>{name}: &apos;{value}&apos; is not a whole number</source>
        <translation>{name}：“{value}”不是整数</translation>
    </message>
    <message>
        <location filename="../algorithms/common/job_parameters.py" line="93"/>
        <source>{name}: &apos;{value}&apos; is not one of the options ({options})</source>
        <translation>{name}：“{value}”不是可选项之一（{options}）</translation>
    </message>
    <message>
        <location filename="../algorithms/common/job_parameters.py" line="103"/>
        <source>{name}: &apos;{value}&apos; is neither true nor false</source>
        <translation>{name}：“{value}”既不是 true 也不是 false</translation>
    </message>
    <message>
        <location filename="../algorithms/common/vector_files.py" line="34"/>
        <source>Vector files are read and written without QGIS through GDAL&apos;s Python bindings (osgeo), which this Python lacks (Debian: apt install python3-gdal)</source>
        <translation>不启动 QGIS 时通过 GDAL 的 Python 绑定（osgeo）读写矢量文件，而当前 Python 中没有它（Debian：apt install python3-gdal）</translation>
    </message>
    <message>
        <location filename="../algorithms/common/vector_files.py" line="78"/>
        <source>The vector file {path} cannot be opened</source>
        <translation>无法打开矢量文件 {path}</translation>
    </message>
    <message>
        <location filename="../algorithms/common/vector_files.py" line="81"/>
        <source>The vector file {path} has no layer {layer}</source>
        <translation>矢量文件 {path} 中没有图层 {layer}</translation>
    </message>
    <message>
        <location filename="../algorithms/common/vector_files.py" line="83"/>
        <source>The unit layer has no field &apos;{name}&apos;</source>
        <translation>单元图层中没有字段“{name}”</translation>
    </message>
    <message>
        <location filename="../algorithms/common/vector_files.py" line="117"/>
        <source>no geometry</source>
        <translation>无几何图形</translation>
    </message>
    <message>
        <location filename="../algorithms/common/vector_files.py" line="105"/>
        <source>its coordinates cannot be transformed to the risk surface&apos;s CRS</source>
        <translation>其坐标无法转换到风险面的坐标参考系</translation>
    </message>
    <message>
        <location filename="../algorithms/common/vector_files.py" line="139"/>
        <source>The output {path} must be a {allowed} file when run without QGIS</source>
        <translation>不启动 QGIS 运行时，输出 {path} 必须是 {allowed} 文件</translation>
    </message>
    <message>
        <location filename="../algorithms/common/vector_files.py" line="153"/>
        <source>The output {path} cannot be written; check that its folder exists and that you may write to it</source>
        <translation>无法写入输出 {path}；请检查其所在文件夹是否存在、是否有写入权限</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/cost_distance.py" line="494"/>
        <source>The cost-distance tools need scikit-image, which is not installed. On Debian or Ubuntu run: sudo apt install python3-skimage; elsewhere: python -m pip install scikit-image. Then restart QGIS.</source>
        <translation>成本距离工具需要 scikit-image，但尚未安装。在 Debian 或 Ubuntu 上运行：sudo apt install python3-skimage；其他系统运行：python -m pip install scikit-image。然后重启 QGIS。</translation>
    </message>
    <message>
        <location filename="../algorithms/engine/engines.py" line="86"/>
        <source>The Dask engine needs the Python packages dask and distributed ({detail}). Install them for the Python that runs the toolkit: on Debian or Ubuntu `apt install python3-dask python3-distributed`, with pip `pip install &quot;dask[distributed]&quot;`; or choose the local engine</source>
        <translation>Dask 引擎需要 Python 包 dask 和 distributed（{detail}）。请为运行本工具集的 Python 安装它们：Debian 或 Ubuntu 上执行 `apt install python3-dask python3-distributed`，用 pip 则执行 `pip install &quot;dask[distributed]&quot;`；或者改用本地引擎</translation>
    </message>
    <message>
        <location filename="../algorithms/engine/engines.py" line="153"/>
        <source>A scheduler address ({address}) needs the dask engine: add --engine dask</source>
        <translation>调度器地址（{address}）需要 dask 引擎：请加上 --engine dask</translation>
    </message>
    <message>
        <location filename="../algorithms/engine/engines.py" line="157"/>
        <source>Unknown engine &apos;{name}&apos;: choose local or dask</source>
        <translation>未知的引擎“{name}”：请选择 local 或 dask</translation>
    </message>
    <message>
        <location filename="../algorithms/engine/engines.py" line="169"/>
        <source>cloudpickle {version} is too old, 2.0 or later is needed</source>
        <translation>cloudpickle {version} 版本过旧，需要 2.0 或更高版本</translation>
    </message>
    <message>
        <location filename="../algorithms/engine/engines.py" line="185"/>
        <source>The computation cannot be sent to the Dask workers ({detail}); run it with the local engine</source>
        <translation>计算无法发送到 Dask 工作进程（{detail}）；请使用本地引擎运行</translation>
    </message>
    <message>
        <location filename="../algorithms/engine/engines.py" line="468"/>
        <source>A local Dask cluster could not be started ({detail})</source>
        <translation>无法启动本地 Dask 集群（{detail}）</translation>
    </message>
    <message>
        <location filename="../algorithms/engine/engines.py" line="469"/>
        <source>The Dask scheduler {address} cannot be reached ({detail}); check the address (e.g. tcp://host:8786) and that the scheduler runs</source>
        <translation>无法连接 Dask 调度器 {address}（{detail}）；请检查地址（例如 tcp://host:8786）以及调度器是否在运行</translation>
    </message>
    <message>
        <location filename="../algorithms/engine/engines.py" line="515"/>
        <source>The Dask engine was closed</source>
        <translation>Dask 引擎已关闭</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/suitability_job.py" line="184"/>
        <source>Give at least one criterion raster</source>
        <translation>请至少给出一个准则栅格</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/suitability_job.py" line="242"/>
        <source>Reading the range of each criterion</source>
        <translation>正在读取各准则的取值范围</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/suitability_job.py" line="246"/>
        <source>Criterion {n} ranges from {low:.6g} to {high:.6g}: min-max normalised to 0–1</source>
        <translation>准则 {n} 的取值范围为 {low:.6g} 至 {high:.6g}：已按最小-最大值归一化到 0–1</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/suitability_job.py" line="262"/>
        <source>{count} feature(s) of the exclusion zones &apos;{layer}&apos; have no geometry: they exclude nothing</source>
        <translation>排除区图层“{layer}”中有 {count} 个要素没有几何图形：它们不排除任何区域</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/suitability_job.py" line="280"/>
        <source>Pass 1: the score distribution of every draw</source>
        <translation>第 1 遍：各次抽样的得分分布</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/suitability_job.py" line="305"/>
        <source>Scoring {draws} draws per cell</source>
        <translation>正在为每个像元计算 {draws} 次抽样的得分</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/suitability_job.py" line="323"/>
        <source>Excluded by the constraints and exclusion zones: {ha} ha ({cells} cells with data in every criterion; exclusions outside them are ignored)</source>
        <translation>约束条件与排除区排除的面积：{ha} 公顷（{cells} 个各项指标均有数据的像元；这些像元以外的排除范围不予计入）</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/suitability_job.py" line="350"/>
        <source>Robustly suitable: {robust} ha; uncertain: {uncertain} ha</source>
        <translation>稳健适宜：{robust} ha；不确定：{uncertain} ha</translation>
    </message>
    <message>
        <location filename="../algorithms/mcda/suitability_job.py" line="404"/>
        <source>The suitability report (OUTPUT_HTML) is written by QGIS only: leave OUTPUT_HTML out of the batch command</source>
        <translation>适宜性报告（OUTPUT_HTML）只能由 QGIS 生成：批处理命令中请不要给出 OUTPUT_HTML</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/normalize_job.py" line="49"/>
        <source>Higher value = more hazard</source>
        <translation>值越大 = 危险性越高</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/normalize_job.py" line="49"/>
        <source>Higher value = less hazard</source>
        <translation>值越大 = 危险性越低</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/normalize_job.py" line="112"/>
        <source>Percentiles {pl:g} % and {ph:g} %: {low:.6g} and {high:.6g}</source>
        <translation>{pl:g} % 和 {ph:g} % 百分位数：{low:.6g} 和 {high:.6g}</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/normalize_job.py" line="118"/>
        <source>Data range: {low:.6g} to {high:.6g}</source>
        <translation>数据范围：{low:.6g} 至 {high:.6g}</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/normalize_job.py" line="174"/>
        <source>The direction does not apply to this method; it was ignored.</source>
        <translation>方向参数不适用于此方法，已忽略。</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/overlay_job.py" line="217"/>
        <source>Formula: {formula}</source>
        <translation>公式：{formula}</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/normalize_job.py" line="184"/>
        <source>No cell holds a return period above 0 years: the result would have no valid cell</source>
        <translation>没有任何单元的重现期大于 0 年：结果将没有有效单元</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/normalize_job.py" line="185"/>
        <source>No row of the reclassification table matches a value of the raster: the result would have no valid cell</source>
        <translation>重分类表中没有任何一行与栅格数值匹配：结果将没有有效单元</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/normalize_job.py" line="187"/>
        <source>hazard degree 0–1</source>
        <translation>危险度 0–1</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/normalize_job.py" line="204"/>
        <source>{n} cells ({share:.3g} % of the valid cells) hold a return period of 0 years or less, which has no exceedance probability: they are nodata in the result</source>
        <translation>有 {n} 个单元（占有效单元的 {share:.3g} %）重现期不大于 0 年，无法换算年超越概率：这些单元在结果中为无数据</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/normalize_job.py" line="209"/>
        <source>{n} cells ({share:.3g} % of the valid cells) match no row of the reclassification table: they are nodata in the result</source>
        <translation>有 {n} 个单元（占有效单元的 {share:.3g} %）与重分类表的任何一行都不匹配：这些单元在结果中为无数据</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/overlay_job.py" line="61"/>
        <source>Propagate: a cell missing in any input is nodata</source>
        <translation>传递：任一输入缺值的像元设为无数据</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/overlay_job.py" line="61"/>
        <source>Ignore missing hazards and renormalise the weights</source>
        <translation>忽略缺值灾种并重新归一化权重</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/overlay_job.py" line="66"/>
        <source>Exposure</source>
        <translation>暴露度</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/overlay_job.py" line="66"/>
        <source>Vulnerability</source>
        <translation>脆弱性</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/overlay_job.py" line="66"/>
        <source>Coping capacity</source>
        <translation>应对能力</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/overlay_job.py" line="157"/>
        <source>Give at least one hazard raster</source>
        <translation>请至少提供一个灾种栅格</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/overlay_job.py" line="175"/>
        <source>The reference raster has no coordinate reference system; assign one first</source>
        <translation>参考栅格没有坐标参照系；请先为其指定坐标参照系</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/overlay_job.py" line="185"/>
        <source>The maximum ignores the hazard weights.</source>
        <translation>最大值法不使用灾种权重，所给权重已忽略。</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/overlay_job.py" line="188"/>
        <source>multi-hazard risk index</source>
        <translation>多灾种风险指数</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/overlay_job.py" line="190"/>
        <source>dominant hazard (1-based)</source>
        <translation>主导灾种（从 1 开始编号）</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/overlay_job.py" line="192"/>
        <source>hazards at or above the threshold</source>
        <translation>达到阈值的灾种数</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/overlay_job.py" line="207"/>
        <source>These hazards have no valid cell on the reference grid (all nodata): {names}</source>
        <translation>以下灾种在参考网格上没有有效像元（全部为无数据）：{names}</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/overlay_job.py" line="211"/>
        <source>The inputs share no valid cell: every cell of the result would be nodata. These hazards do not overlap: {pairs}</source>
        <translation>各输入没有共同的有效单元：结果的每个单元都将为无数据。以下灾种互不重叠：{pairs}</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/overlay_job.py" line="215"/>
        <source>The inputs share no valid cell: every cell of the result would be nodata</source>
        <translation>各输入没有共同的有效像元：结果的所有像元都将为无数据</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/overlay_job.py" line="248"/>
        <source>The overlay report (OUTPUT_HTML) is written by QGIS only: leave OUTPUT_HTML out of the batch command</source>
        <translation>叠加分析报告（OUTPUT_HTML）只能由 QGIS 生成：批处理命令中请不要给出 OUTPUT_HTML</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/zoning_job.py" line="194"/>
        <source>The manual breaks are used only by the manual method; they were ignored.</source>
        <translation>手动断点仅用于“手动断点”方法，已忽略。</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/zoning_job.py" line="201"/>
        <source>Only {got} grades can be formed from this raster instead of {k}; lower the number of grades</source>
        <translation>此栅格只能划分出 {got} 个等级，而不是 {k} 个；请减少等级数</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/zoning_job.py" line="204"/>
        <source>The controlled zone starts at grade {g}, but there are only {k} grades</source>
        <translation>管控区从第 {g} 级开始，但总共只有 {k} 个等级</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/zoning_job.py" line="206"/>
        <source>risk grade (1 = lowest)</source>
        <translation>风险等级（1 = 最低）</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/zoning_job.py" line="215"/>
        <source>Merging patches smaller than {ha:g} ha ({cells} cells)</source>
        <translation>正在合并小于 {ha:g} ha（{cells} 个像元）的图斑</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/zoning_job.py" line="282"/>
        <source>The administrative unit layer has no usable geometry</source>
        <translation>行政单元图层中没有可用的几何图形</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/zoning_job.py" line="288"/>
        <source>it holds no graded cell of the risk surface (outside it, over nodata, or smaller than a cell)</source>
        <translation>不含风险面上任何已分级的栅格单元（位于范围之外、落在无数据区，或小于一个栅格单元）</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/zoning_job.py" line="292"/>
        <source>{n} of {total} units have zero area in the table: {units}</source>
        <translation>{total} 个单元中有 {n} 个在表中面积为零：{units}</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/zoning_job.py" line="317"/>
        <source>The zoning report (OUTPUT_HTML) is written by QGIS only: leave OUTPUT_HTML out of the batch command</source>
        <translation>分区报告（OUTPUT_HTML）只能由 QGIS 生成：批处理命令中请不要给出 OUTPUT_HTML</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/zoning_job.py" line="319"/>
        <source>UNIT_FIELD names a field of UNITS, which is not given</source>
        <translation>UNIT_FIELD 指定的是 UNITS 的字段，但未给出 UNITS</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/zoning_job.py" line="341"/>
        <source>The administrative unit layer has no features</source>
        <translation>行政单元图层中没有要素</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/zoning_job.py" line="343"/>
        <source>The administrative unit layer has no coordinate reference system; its coordinates are taken to be in the risk surface&apos;s CRS</source>
        <translation>行政单元图层没有坐标参考系；其坐标按风险面的坐标参考系处理</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/zoning_job.py" line="350"/>
        <source>{n} unit geometries were invalid and were repaired (makeValid) before measuring</source>
        <translation>有 {n} 个单元几何图形无效，已在量算前修复（makeValid）</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/zoning_job.py" line="351"/>
        <source>unit {id}</source>
        <translation>单元 {id}</translation>
    </message>
    <message>
        <location filename="../algorithms/raster/zoning_job.py" line="394"/>
        <source>Breaks used: {breaks}</source>
        <translation>所用断点：{breaks}</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/engine_setting.py" line="25"/>
        <source>A Dask scheduler address looks like tcp://host:8786 (or host:8786), not {value}</source>
        <translation>Dask 调度器地址的形式应为 tcp://host:8786（或 host:8786），而不是 {value}</translation>
    </message>
    <message>
        <location filename="../processing_provider/provider.py" line="59"/>
        <source>Dask scheduler address for the raster algorithms (empty: this computer)</source>
        <translation>栅格算法使用的 Dask 调度器地址（留空：本机计算）</translation>
    </message>
    <message>
        <location filename="../tsr_batch.py" line="144"/>
        <source>Run a raster algorithm of Territorial Space Resilience without QGIS, on this computer or a Dask cluster.</source>
        <translation>不启动 QGIS 运行国土空间韧性工具集的栅格算法，在本机或 Dask 集群上计算。</translation>
    </message>
    <message>
        <location filename="../tsr_batch.py" line="150"/>
        <source>algorithm id, with or without the tsr: prefix</source>
        <translation>算法标识，可带或不带 tsr: 前缀</translation>
    </message>
    <message>
        <location filename="../tsr_batch.py" line="151"/>
        <source>parameters as qgis_process takes them; repeat a parameter for several values</source>
        <translation>参数写法与 qgis_process 相同；多个取值时重复该参数</translation>
    </message>
    <message>
        <location filename="../tsr_batch.py" line="154"/>
        <source>where the blocks run: this process (local, the default) or Dask</source>
        <translation>分块在何处计算：本进程（local，默认）或 Dask</translation>
    </message>
    <message>
        <location filename="../tsr_batch.py" line="155"/>
        <source>local: threads; dask: worker processes of the local cluster (default 2)</source>
        <translation>local：线程数；dask：本地集群的工作进程数（默认 2）</translation>
    </message>
    <message>
        <location filename="../tsr_batch.py" line="158"/>
        <source>address of a running Dask scheduler, e.g. tcp://host:8786 (implies --engine dask)</source>
        <translation>正在运行的 Dask 调度器地址，例如 tcp://host:8786（即采用 --engine dask）</translation>
    </message>
    <message>
        <location filename="../tsr_batch.py" line="162"/>
        <source>print the results as qgis_process --json does</source>
        <translation>按 qgis_process --json 的格式输出结果</translation>
    </message>
    <message>
        <location filename="../tsr_batch.py" line="172"/>
        <source>a whole number of 1 or more is expected, not {value!r}</source>
        <translation>应为不小于 1 的整数，而不是 {value!r}</translation>
    </message>
    <message>
        <location filename="../tsr_batch.py" line="179"/>
        <source>no algorithm given: tsr_batch.py ALGORITHM PARAM=VALUE …</source>
        <translation>未指定算法：tsr_batch.py 算法 参数=值 …</translation>
    </message>
    <message>
        <location filename="../tsr_batch.py" line="182"/>
        <source>--scheduler needs an address, e.g. tcp://host:8786</source>
        <translation>--scheduler 需要一个地址，例如 tcp://host:8786</translation>
    </message>
    <message>
        <location filename="../tsr_batch.py" line="184"/>
        <source>--scheduler runs on a Dask cluster: it cannot be combined with --engine local</source>
        <translation>--scheduler 表示在 Dask 集群上运行，不能与 --engine local 同时使用</translation>
    </message>
    <message>
        <location filename="../tsr_batch.py" line="186"/>
        <source>--workers sets the size of a local cluster; with --scheduler the cluster&apos;s own workers run the blocks</source>
        <translation>--workers 设置本地集群的规模；使用 --scheduler 时由该集群自己的工作进程计算分块</translation>
    </message>
    <message>
        <location filename="../tsr_batch.py" line="198"/>
        <source>Unknown algorithm {name}; the batch command runs {known}</source>
        <translation>未知算法 {name}；批处理命令可运行 {known}</translation>
    </message>
    <message>
        <location filename="../tsr_batch.py" line="208"/>
        <source>PARAM=VALUE expected, not {item!r}</source>
        <translation>应为 参数=值 的形式，而不是 {item!r}</translation>
    </message>
    <message>
        <location filename="../tsr_batch.py" line="236"/>
        <source>This Python has no module {module}: the batch command needs numpy, scipy and rasterio (Debian: apt install {packages})</source>
        <translation>当前 Python 缺少模块 {module}：批处理命令需要 numpy、scipy 和 rasterio（Debian：apt install {packages}）</translation>
    </message>
    <message>
        <location filename="../tsr_batch.py" line="336"/>
        <source>cancelling… (press Ctrl-C again to stop at once)</source>
        <translation>正在取消…（再按一次 Ctrl-C 立即停止）</translation>
    </message>
    <message>
        <location filename="../tsr_batch.py" line="432"/>
        <source>(see tsr_batch.py --help)</source>
        <translation>（参见 tsr_batch.py --help）</translation>
    </message>
    <message>
        <location filename="../tsr_batch.py" line="457"/>
        <source>cancelled: no output was written</source>
        <translation>已取消：未写出任何结果</translation>
    </message>
    <message>
        <location filename="../tsr_batch.py" line="461"/>
        <source>{algorithm} failed: {error}</source>
        <translation>{algorithm} 运行失败：{error}</translation>
    </message>
    <message>
        <location filename="../algorithms/ecology/habitat_units.py" line="56"/>
        <source>Every habitat patch must have an area</source>
        <translation>每个生境斑块都必须有面积</translation>
    </message>
    <message>
        <location filename="../tsr_batch.py" line="161"/>
        <source>write GeoTIFF outputs as Cloud Optimized GeoTIFFs (tiled, with overviews)</source>
        <translation>将 GeoTIFF 输出写为云优化 GeoTIFF（分块，带金字塔）</translation>
    </message>
    <message>
        <location filename="../ui/page_ecology.py" line="442"/>
        <source>EC(PC) per planning unit is in the layer “{layer}”: its field ec_pc_pct (connected habitat as a share of the unit) can join the ecological (E) indicators of the SETS index.</source>
        <translation>各规划单元的 EC(PC) 在图层“{layer}”中：其字段 ec_pc_pct（连通生境占单元面积的比例）可加入 SETS 指数的生态（E）指标。</translation>
    </message>
    <message>
        <location filename="../algorithms/engine/engines.py" line="430"/>
        <source>Rows {first}–{last}</source>
        <translation>第 {first}–{last} 行</translation>
    </message>
    <message>
        <location filename="../algorithms/engine/engines.py" line="432"/>
        <source>Rows {first}–{last}, columns {left}–{right}</source>
        <translation>第 {first}–{last} 行、第 {left}–{right} 列</translation>
    </message>
    <message>
        <location filename="../algorithms/engine/engines.py" line="632"/>
        <source>{window} of the grid failed on a Dask worker ({path}): {detail}</source>
        <translation>网格{window}在 Dask 工作进程上计算失败（{path}）：{detail}</translation>
    </message>
    <message>
        <location filename="../algorithms/engine/engines.py" line="633"/>
        <source>{window} of the grid failed on a Dask worker: {detail}</source>
        <translation>网格{window}在 Dask 工作进程上计算失败：{detail}</translation>
    </message>
    <message>
        <location filename="../algorithms/engine/engines.py" line="642"/>
        <source>{window} of the grid: the Dask workers running them died repeatedly ({detail}); they may run out of memory: use smaller blocks or workers with more memory</source>
        <translation>网格{window}：运行它们的 Dask 工作进程多次终止（{detail}），可能是内存不足：请使用更小的分块或内存更大的工作进程</translation>
    </message>
    <message>
        <location filename="../algorithms/engine/engines.py" line="650"/>
        <source>{window} of the grid could not run on a Dask worker ({detail}); the workers need numpy, scipy, rasterio and cloudpickle of the same Python version as this computer</source>
        <translation>网格{window}无法在 Dask 工作进程上运行（{detail}）；工作进程需要与本机相同 Python 版本的 numpy、scipy、rasterio 和 cloudpickle</translation>
    </message>
    <message>
        <location filename="../algorithms/engine/raster_io.py" line="282"/>
        <source>The raster grid is rotated; warp it to a north-up grid first (Raster ▸ Projections ▸ Warp)</source>
        <translation>栅格网格带有旋转；请先将其重投影为正北朝上的网格（栅格 ▸ 投影 ▸ 重投影）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/source_polygons.py" line="43"/>
        <source>A source polygon cannot be transformed to the CRS of the resistance surface</source>
        <translation>某个源地面无法转换到阻力面的坐标参考系</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/source_polygons.py" line="46"/>
        <source>A source has no id (NULL in {field})</source>
        <translation>某个源地没有编号（{field} 为 NULL）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/source_polygons.py" line="50"/>
        <source>The source id {id} occurs more than once in {field}</source>
        <translation>源地编号 {id} 在 {field} 中出现多次</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/source_polygons.py" line="56"/>
        <source>At least two source polygons are needed (found {count})</source>
        <translation>至少需要两个源地面（找到 {count} 个）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/source_polygons.py" line="59"/>
        <source>Source {id} covers no cell of the resistance surface (outside its extent); it is left out</source>
        <translation>源地 {id} 未覆盖阻力面的任何像元（位于其范围之外），已被剔除</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/source_polygons.py" line="64"/>
        <source>Fewer than two sources fall on the resistance surface; check the extents and coordinate reference systems</source>
        <translation>落在阻力面上的源地不足两个；请检查范围和坐标参考系</translation>
    </message>
    <message>
        <location filename="../algorithms/network/evacuation.py" line="91"/>
        <source>PENALTY {penalty:g} makes the road costs overflow; give a smaller penalty (1000 already makes a road inside a zone cost as much as 1000 outside)</source>
        <translation>PENALTY {penalty:g} 使道路成本溢出；请减小惩罚系数（取 1000 时，危险区内一段道路的成本已相当于区外同长道路的 1000 倍）</translation>
    </message>
    <message>
        <location filename="../algorithms/network/evacuation_summary.py" line="80"/>
        <source>{n} residents have no geometry ({people} people): they are counted as not evacuated: {ids}</source>
        <translation>{n} 个居民要素没有几何（{people} 人），计为未疏散：{ids}</translation>
    </message>
    <message>
        <location filename="../algorithms/network/evacuation_summary.py" line="87"/>
        <source>{n} shelters have no geometry and receive nobody: {ids}</source>
        <translation>{n} 处避难场所没有几何，不安置任何人：{ids}</translation>
    </message>
    <message>
        <location filename="../algorithms/network/evacuation_summary.py" line="94"/>
        <source>{n} shelters have no capacity (0 or NULL) and receive nobody: {ids}</source>
        <translation>{n} 处避难场所没有容量（为 0 或空值），不安置任何人：{ids}</translation>
    </message>
    <message>
        <location filename="../algorithms/network/evacuation_summary.py" line="98"/>
        <source>{n} shelters have no capacity (0 or NULL); the nearest-shelter assignment does not use capacities and may send people there: {ids}</source>
        <translation>{n} 处避难场所没有容量（为 0 或空值）；就近分配不考虑容量，仍可能把居民分配到这些场所：{ids}</translation>
    </message>
    <message>
        <location filename="../algorithms/network/evacuation_summary.py" line="116"/>
        <source>{n} shelters stand inside hazard zones and receive nobody in avoid mode: {ids}</source>
        <translation>{n} 处避难场所位于危险区内，避让模式下不安置任何人：{ids}</translation>
    </message>
    <message>
        <location filename="../algorithms/network/evacuation_summary.py" line="187"/>
        <source>{n} shelters stand inside hazard zones; in penalise mode they are used, the roads inside costing PENALTY times more: they receive {people} people ({ids})</source>
        <translation>{n} 处避难场所位于危险区内；惩罚模式下仍会使用，危险区内道路成本乘以 PENALTY：共安置 {people} 人（{ids}）</translation>
    </message>
    <message>
        <location filename="../algorithms/network/evacuation_summary.py" line="198"/>
        <source>The residents&apos; population sums to 0: there is nobody to evacuate</source>
        <translation>居民人口合计为 0，没有需要疏散的人</translation>
    </message>
    <message>
        <location filename="../algorithms/network/evacuation_summary.py" line="200"/>
        <source>Nobody can be evacuated: every shelter stands inside a hazard zone, and in avoid mode nobody is sent into one</source>
        <translation>无人能够疏散：所有避难场所都位于危险区内，而避让模式下不会把任何人送入危险区</translation>
    </message>
    <message>
        <location filename="../algorithms/network/evacuation_summary.py" line="200"/>
        <source>Nobody can be evacuated: no resident has a safe route to a shelter with room (see the residents not evacuated)</source>
        <translation>无人能够疏散：没有居民有通往尚有容量的避难场所的安全路线（见未疏散居民）</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_units.py" line="116"/>
        <source>Give the risk either as a raster (RISK) or as a field (RISK_FIELD), not both</source>
        <translation>风险请以栅格（RISK）或字段（RISK_FIELD）之一给出，不能同时给出</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_units.py" line="118"/>
        <source>The risk exposure objective needs the risk: give RISK (a 0–1 raster, e.g. the multi-hazard index) or RISK_FIELD</source>
        <translation>风险暴露目标需要风险数据：请给出 RISK（0–1 栅格，如多灾种综合指数）或 RISK_FIELD</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_units.py" line="120"/>
        <source>The risk exposure objective needs DEVELOPMENT_USES: the uses whose land counts as exposed (e.g. urban)</source>
        <translation>风险暴露目标需要 DEVELOPMENT_USES：其用地计为暴露的用途（如 urban）</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_units.py" line="128"/>
        <source>Give the current use either as a field (CURRENT_USE_FIELD) or as a raster (CURRENT_USE_RASTER), not both</source>
        <translation>现状用途请以字段（CURRENT_USE_FIELD）或栅格（CURRENT_USE_RASTER）之一给出，不能同时给出</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_units.py" line="132"/>
        <source>CURRENT_USE_CLASSES is given without CURRENT_USE_RASTER</source>
        <translation>给出了 CURRENT_USE_CLASSES 但没有 CURRENT_USE_RASTER</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_units.py" line="214"/>
        <source>The planning units do not overlap the raster &apos;{name}&apos;</source>
        <translation>规划单元与栅格“{name}”不重叠</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_units.py" line="215"/>
        <source>Zonal means of {count} raster(s) over the units (cells whose centres fall inside)</source>
        <translation>计算 {count} 个栅格在各单元上的分区均值（中心落在单元内的像元）</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_units.py" line="228"/>
        <source>{count} units hold no raster cell centre: the cell under a point inside each is used</source>
        <translation>{count} 个单元内没有像元中心：改用单元内一点所在的像元</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_units.py" line="238"/>
        <source>Finding neighbouring units (shared boundaries)</source>
        <translation>正在查找相邻单元（共享边界）</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_units.py" line="242"/>
        <source>{count} units share no boundary with another unit</source>
        <translation>{count} 个单元与其他单元没有共享边界</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_units.py" line="263"/>
        <source>A {size:g} m grid over &apos;{name}&apos; has {n} cells; choose a larger CELL_SIZE</source>
        <translation>在“{name}”上生成的 {size:g} 米格网有 {n} 个单元；请选择更大的 CELL_SIZE</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_units.py" line="267"/>
        <source>A grid of {rows} × {cols} cells of {size:g} m over '{name}'; block means of {count} raster(s)</source>
        <translation>在“{name}”上生成 {rows} × {cols} 个 {size:g} 米格网单元；计算 {count} 个栅格的分块均值</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_units.py" line="277"/>
        <source>The raster &apos;{name}&apos; has no cell with data</source>
        <translation>栅格“{name}”没有有效像元</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_units.py" line="308"/>
        <source>{n} units are too many (at most {max}); use a larger CELL_SIZE or fewer parcels</source>
        <translation>{n} 个单元过多（最多 {max} 个）；请使用更大的 CELL_SIZE 或更少的地块</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_units.py" line="310"/>
        <source>{n} units: the optimisation will be slow; a larger CELL_SIZE or fewer generations shortens it</source>
        <translation>{n} 个单元：优化会较慢；增大 CELL_SIZE 或减少迭代代数可缩短时间</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_units.py" line="316"/>
        <source>{n} units, {area} ha; {locked} locked ({locked_area} ha)</source>
        <translation>{n} 个单元，{area} 公顷；其中锁定 {locked} 个（{locked_area} 公顷）</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_units.py" line="333"/>
        <source>{count} units have no risk value (NULL, or no raster data within them), e.g. {units}</source>
        <translation>{count} 个单元没有风险值（为 NULL，或其范围内无栅格数据），例如 {units}</translation>
    </message>
    <message>
        <location filename="../algorithms/optimize/land_units.py" line="340"/>
        <source>No unit has a suitability value for &apos;{use}&apos; (all NULL or no raster data)</source>
        <translation>没有任何单元具有“{use}”的适宜性值（全部为 NULL 或无栅格数据）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/land_units_input.py" line="51"/>
        <source>{label}: the planning units have no field &apos;{field}&apos;; their fields are {available}</source>
        <translation>{label}：规划单元没有字段“{field}”；现有字段为 {available}</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/land_units_input.py" line="57"/>
        <source>{label}: the field &apos;{field}&apos; is of type {type}, not a number</source>
        <translation>{label}：字段“{field}”的类型为 {type}，不是数值</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/land_units_input.py" line="122"/>
        <source>POPULATION_FIELD: the population of unit {unit} is missing (NULL)</source>
        <translation>POPULATION_FIELD：单元 {unit} 的人口缺失（NULL）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/land_units_input.py" line="128"/>
        <source>{count} of the {total} planning units have no geometry (NULL or empty), e.g. {units}; give them a geometry or remove them</source>
        <translation>{total} 个规划单元中有 {count} 个没有几何图形（NULL 或空），例如 {units}；请为其补充几何图形或将其删除</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/land_units_input.py" line="151"/>
        <source>The planning units</source>
        <translation>规划单元</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/land_units_input.py" line="153"/>
        <source>The planning units layer has no features</source>
        <translation>规划单元图层没有要素</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/land_units_input.py" line="165"/>
        <source>The planning unit {unit} cannot be transformed from {source} to the CRS of the raster &apos;{name}&apos; ({target})</source>
        <translation>规划单元 {unit} 无法从 {source} 转换到栅格“{name}”的坐标参考系（{target}）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/land_units_input.py" line="179"/>
        <source>The reference raster &apos;{name}&apos;</source>
        <translation>参考栅格“{name}”</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/land_units_input.py" line="180"/>
        <source>row {row}, column {col}</source>
        <translation>第 {row} 行第 {col} 列</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/land_units_input.py" line="196"/>
        <source>{count} feature(s) of the locked zones &apos;{layer}&apos; have no geometry: they lock nothing</source>
        <translation>锁定区图层“{layer}”中有 {count} 个要素没有几何图形：它们不锁定任何单元</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/land_units_input.py" line="208"/>
        <source>Locked zones lock {count} more units</source>
        <translation>锁定区域另锁定了 {count} 个单元</translation>
    </message>
</context>
<context>
    <name>AhpWeights</name>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="50"/>
        <source>AHP weights</source>
        <translation>层次分析法（AHP）权重</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="53"/>
        <source>Weights from pairwise comparisons on Saaty&apos;s scale, with the consistency ratio and the judgements to revise</source>
        <translation>基于 Saaty 标度的两两比较计算权重，并给出一致性比率和需修正的判断</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="56"/>
        <source>AHP,analytic hierarchy process,pairwise comparison,weights,consistency,Saaty,层次分析法,权重,一致性</source>
        <translation>AHP,层次分析法,两两比较,权重,一致性,Saaty,判断矩阵,一致性比率</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="70"/>
        <source>Largest acceptable consistency ratio</source>
        <translation>可接受的最大一致性比率</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="75"/>
        <source>Weights table</source>
        <translation>权重表</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="80"/>
        <source>AHP report</source>
        <translation>层次分析法报告</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="80"/>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="85"/>
        <source>Weights (comma list)</source>
        <translation>权重（英文逗号分隔）</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="86"/>
        <source>Consistency ratio CR</source>
        <translation>一致性比率 CR</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="87"/>
        <source>Consistency index CI</source>
        <translation>一致性指标 CI</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="88"/>
        <source>Principal eigenvalue λmax</source>
        <translation>最大特征值 λmax</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="89"/>
        <source>Consistent (CR ≤ MAX_CR)</source>
        <translation>通过一致性检验（CR ≤ MAX_CR）</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="95"/>
        <source>Each criterion needs its own name, but these are given more than once: {names}</source>
        <translation>每个准则须有各自的名称，以下名称重复出现：{names}</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="101"/>
        <source>Criterion {i}</source>
        <translation>准则 {i}</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="109"/>
        <source>Weights: {weights}</source>
        <translation>权重：{weights}</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/ahpweights.py" line="26"/>
        <source>Criterion</source>
        <translation>准则</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/ahpweights.py" line="26"/>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/ahpweights.py" line="26"/>
        <source>Rank</source>
        <translation>排序</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/ahpweights.py" line="35"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/ahpweights.py" line="35"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/ahpweights.py" line="35"/>
        <source>Largest acceptable CR</source>
        <translation>可接受的最大 CR</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/ahpweights.py" line="49"/>
        <source>Judgements</source>
        <translation>判断矩阵</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/ahpweights.py" line="50"/>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/ahpweights.py" line="51"/>
        <source>Consistency</source>
        <translation>一致性</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/ahpweights.py" line="71"/>
        <source>Judgements to revise first</source>
        <translation>优先修正的判断</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/ahpweights.py" line="65"/>
        <source>Pair</source>
        <translation>比较对</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/ahpweights.py" line="66"/>
        <source>Your judgement</source>
        <translation>您的判断</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/ahpweights.py" line="67"/>
        <source>Consistent with the weights</source>
        <translation>与权重一致的值</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/ahpweights.py" line="68"/>
        <source>Suggested value</source>
        <translation>建议值</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/ahpweights.py" line="69"/>
        <source>CR after the change</source>
        <translation>修改后的 CR</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/ahpweights.py" line="72"/>
        <source>AHP weights report</source>
        <translation>层次分析法权重报告</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/help/ahpweights.py" line="9"/>
        <source>&lt;p&gt;Derives criterion weights from pairwise comparisons (Analytic Hierarchy Process) and checks that the judgements are consistent — the first step of zoning under uncertainty, and the usual source of the weights of a multi-hazard overlay or a suitability analysis.&lt;/p&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;MATRIX&lt;/b&gt;: the judgements aᵢⱼ on Saaty's 1–9 scale (how much more important criterion i is than j: 1 equal, 3 moderate, 5 strong, 7 very strong, 9 extreme; reciprocals such as 1/3 for the reverse). Either the full n×n matrix, one row per line (or n² values row by row), or only the n(n−1)/2 values above the diagonal, row by row (a₁₂, a₁₃, …, a₂₃, …), the rest being derived. A matrix that is not reciprocal, not square or has values ≤ 0 is refused.&lt;/li&gt;&lt;li&gt;&lt;b&gt;CRITERIA&lt;/b&gt;: optional names, in the order of the rows; they also fix n.&lt;/li&gt;&lt;li&gt;&lt;b&gt;MAX_CR&lt;/b&gt; (default 0.10): the largest acceptable consistency ratio.&lt;/li&gt;&lt;li&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;: the weights as &quot;w1,w2,…&quot;, ready for the WEIGHTS of tsr:suitability or tsr:multihazardoverlay in a model; &lt;b&gt;CR&lt;/b&gt;, &lt;b&gt;CI&lt;/b&gt;, &lt;b&gt;LAMBDA_MAX&lt;/b&gt;, &lt;b&gt;CONSISTENT&lt;/b&gt;: numbers and verdict; &lt;b&gt;OUTPUT_TABLE&lt;/b&gt;: criterion, weight, rank; &lt;b&gt;OUTPUT_HTML&lt;/b&gt;: the matrix, the weights and the verdict.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Formula&lt;/h3&gt;&lt;p&gt;w = principal right eigenvector of A, normalised to Σw = 1; CI = (λmax − n)/(n − 1); CR = CI/RI with Saaty's random index RI(3…10) = 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49 (Alonso &amp; Lamata's values for 11–15 criteria). When CR exceeds MAX_CR the report names the judgements that contribute most to the inconsistency (largest |ln aᵢⱼwⱼ/wᵢ|), the value consistent with the weights and the scale value that lowers CR most.&lt;/p&gt;&lt;h3&gt;References&lt;/h3&gt;&lt;p&gt;Saaty T L (1977) A scaling method for priorities in hierarchical structures. J. Math. Psychol. 15: 234–281. Saaty T L (2003) Decision-making with the AHP: why is the principal eigenvector necessary. EJOR 145: 85–91. Alonso J A, Lamata M T (2006) Consistency in the analytic hierarchy process: a new approach. IJUFKS 14(4): 445–459.&lt;/p&gt;</source>
        <translation>&lt;p&gt;由两两比较（层次分析法）推导各准则的权重，并检验判断是否一致——这是不确定性下分区的第一步，也是多灾种叠加或适宜性评价中权重的常用来源。&lt;/p&gt;&lt;h3&gt;参数&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;MATRIX&lt;/b&gt;：按 Saaty 1–9 标度给出的判断值 aᵢⱼ（准则 i 相对于 j 的重要程度：1 同等重要，3 稍微重要，5 明显重要，7 强烈重要，9 极端重要；反向比较取倒数，如 1/3）。可输入完整的 n×n 矩阵，每行占一行（或按行依次给出 n² 个值），也可只按行输入对角线以上的 n(n−1)/2 个值（a₁₂, a₁₃, …, a₂₃, …），其余值自动推导。不满足互反性、不是方阵或含有 ≤ 0 值的矩阵将被拒绝。&lt;/li&gt;&lt;li&gt;&lt;b&gt;CRITERIA&lt;/b&gt;：可选的准则名称，按矩阵行的顺序排列；同时确定 n。&lt;/li&gt;&lt;li&gt;&lt;b&gt;MAX_CR&lt;/b&gt;（默认 0.10）：可接受的最大一致性比率。&lt;/li&gt;&lt;li&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;：形如 &quot;w1,w2,…&quot; 的权重，可在模型中直接用作 tsr:suitability 或 tsr:multihazardoverlay 的 WEIGHTS；&lt;b&gt;CR&lt;/b&gt;、&lt;b&gt;CI&lt;/b&gt;、&lt;b&gt;LAMBDA_MAX&lt;/b&gt;、&lt;b&gt;CONSISTENT&lt;/b&gt;：数值及检验结论；&lt;b&gt;OUTPUT_TABLE&lt;/b&gt;：准则、权重、排序；&lt;b&gt;OUTPUT_HTML&lt;/b&gt;：判断矩阵、权重和检验结论。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;公式&lt;/h3&gt;&lt;p&gt;w = A 的主右特征向量，归一化为 Σw = 1；CI = (λmax − n)/(n − 1)；CR = CI/RI，其中 Saaty 随机一致性指标 RI(3…10) = 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49（11–15 个准则采用 Alonso &amp; Lamata 的取值）。当 CR 超过 MAX_CR 时，报告会列出对不一致性贡献最大的判断（|ln aᵢⱼwⱼ/wᵢ| 最大者）、与权重一致的值，以及使 CR 降低最多的标度值。&lt;/p&gt;&lt;h3&gt;参考文献&lt;/h3&gt;&lt;p&gt;Saaty T L (1977) A scaling method for priorities in hierarchical structures. J. Math. Psychol. 15: 234–281. Saaty T L (2003) Decision-making with the AHP: why is the principal eigenvector necessary. EJOR 145: 85–91. Alonso J A, Lamata M T (2006) Consistency in the analytic hierarchy process: a new approach. IJUFKS 14(4): 445–459.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/help/ahpweights.py" line="35"/>
        <source>Several lines must form a matrix: n × n, or the upper triangle n−1 … 1 values. Judgements beyond 1/1000 … 1000, zero, negative or non-reciprocal entries and duplicate criterion names are refused.</source>
        <translation>多行输入必须构成矩阵：n × n，或上三角的 n−1 … 1 个值。超出 1/1000 … 1000 的判断值、零、负值或不互反的元素以及重复的准则名称会被拒绝。</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="59"/>
        <source>Pairwise comparison matrix</source>
        <translation>判断矩阵</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="60"/>
        <source>Judgements on Saaty's 1–9 scale (fractions such as 1/3 allowed): the full matrix, one row per line, or only the values above the diagonal, row by row, e.g. 3, 5, 3 for three criteria.</source>
        <translation>按 Saaty 1–9 标度给出的判断（可用 1/3 这样的分数）：完整矩阵，每行占一行；或仅输入对角线以上的值，逐行排列，例如三个准则为 3, 5, 3。</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="66"/>
        <source>Criterion names</source>
        <translation>准则名称</translation>
    </message>
    <message>
        <location filename="../processing_provider/ahp_weights.py" line="67"/>
        <source>Comma list of names in the order of the rows; it also fixes the number of criteria.</source>
        <translation>按矩阵行序排列的名称，英文逗号分隔；名称个数同时确定准则个数。</translation>
    </message>
</context>
<context>
    <name>Barriers</name>
    <message>
        <location filename="../processing_provider/barriers.py" line="44"/>
        <source>Barriers (restoration improvement score)</source>
        <translation>障碍点（修复改善分值）</translation>
    </message>
    <message>
        <location filename="../processing_provider/barriers.py" line="47"/>
        <source>Where restoring a circular window to resistance 1 would shorten the least-cost corridors between linked sources most (Linkage Mapper&apos;s Barrier Mapper)</source>
        <translation>识别将圆形窗口修复为阻力 1 后最能缩短相连源地间最小成本廊道的位置（Linkage Mapper 的 Barrier Mapper）</translation>
    </message>
    <message>
        <location filename="../processing_provider/barriers.py" line="53"/>
        <source>barrier,restoration,improvement score,Barrier Mapper,Linkage Mapper,least-cost,corridor,障碍点,生态修复,生态廊道,生态安全格局</source>
        <translation>barrier,restoration,improvement score,Barrier Mapper,Linkage Mapper,least-cost,corridor,障碍点,生态修复,生态廊道,生态安全格局</translation>
    </message>
    <message>
        <location filename="../processing_provider/barriers.py" line="58"/>
        <source>Ecological sources (polygons)</source>
        <translation>生态源地（面）</translation>
    </message>
    <message>
        <location filename="../processing_provider/barriers.py" line="61"/>
        <source>Source id field (empty = feature order 1, 2, …)</source>
        <translation>源地编号字段（留空 = 要素顺序 1、2、…）</translation>
    </message>
    <message>
        <location filename="../processing_provider/barriers.py" line="66"/>
        <source>Resistance surface (≥ 1; nodata = impassable)</source>
        <translation>阻力面（≥ 1；无数据 = 不可通行）</translation>
    </message>
    <message>
        <location filename="../processing_provider/barriers.py" line="67"/>
        <source>Least-cost paths (from Ecological corridors: from_id, to_id)</source>
        <translation>最小成本路径（来自“生态廊道”：from_id、to_id）</translation>
    </message>
    <message>
        <location filename="../processing_provider/barriers.py" line="72"/>
        <source>Search radii (map units, e.g. 100, 200, 400)</source>
        <translation>搜索半径（地图单位，如 100, 200, 400）</translation>
    </message>
    <message>
        <location filename="../processing_provider/barriers.py" line="74"/>
        <source>Radius of the circular window restored to resistance 1; the window is 2R wide.</source>
        <translation>修复为阻力 1 的圆形窗口半径；窗口宽 2R。</translation>
    </message>
    <message>
        <location filename="../processing_provider/barriers.py" line="76"/>
        <source>Barrier improvement score (maximum over pairs and radii)</source>
        <translation>障碍点改善分值（各源地对与各半径的最大值）</translation>
    </message>
    <message>
        <location filename="../processing_provider/barriers.py" line="77"/>
        <source>Radius of the maximum score</source>
        <translation>最大分值对应的半径</translation>
    </message>
    <message>
        <location filename="../processing_provider/barriers.py" line="80"/>
        <source>Barrier report</source>
        <translation>障碍点报告</translation>
    </message>
    <message>
        <location filename="../processing_provider/barriers.py" line="80"/>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../processing_provider/barriers.py" line="89"/>
        <source>Resistance surface</source>
        <translation>阻力面</translation>
    </message>
    <message>
        <location filename="../processing_provider/barriers.py" line="90"/>
        <source>The resistance surface</source>
        <translation>阻力面</translation>
    </message>
    <message>
        <location filename="../processing_provider/barriers.py" line="116"/>
        <source>Pair {a} – {b}: {status}</source>
        <translation>源地对 {a} – {b}：{status}</translation>
    </message>
    <message>
        <location filename="../processing_provider/barriers.py" line="125"/>
        <source>barrier improvement score</source>
        <translation>障碍点改善分值</translation>
    </message>
    <message>
        <location filename="../processing_provider/barriers.py" line="132"/>
        <source>radius of the maximum score</source>
        <translation>最大分值对应的半径</translation>
    </message>
    <message>
        <location filename="../processing_provider/barriers.py" line="154"/>
        <source>PATHS has no field {name}: give the least-cost paths of Ecological corridors (fields from_id, to_id)</source>
        <translation>PATHS 没有字段 {name}：请输入“生态廊道”输出的最小成本路径（字段 from_id、to_id）</translation>
    </message>
    <message>
        <location filename="../processing_provider/barriers.py" line="171"/>
        <source>PATHS names sources that are not in SOURCES ({ids}); those paths are skipped</source>
        <translation>PATHS 中引用了 SOURCES 中不存在的源地（{ids}）；这些路径已跳过</translation>
    </message>
    <message>
        <location filename="../processing_provider/barriers.py" line="176"/>
        <source>No path of PATHS links two of the SOURCES (compare their ids with SOURCE_ID_FIELD)</source>
        <translation>PATHS 中没有连接 SOURCES 中两个源地的路径（请核对其编号与 SOURCE_ID_FIELD）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/help/barriers.py" line="9"/>
        <source>&lt;p&gt;Finds the barriers (障碍点) whose restoration would improve connectivity most, as Linkage Mapper's Barrier Mapper: for each linked pair of sources and each search radius R, the improvement score of restoring a circular window of radius R, centred on a cell, to resistance 1.&lt;/p&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;SOURCES&lt;/b&gt;, &lt;b&gt;SOURCE_ID_FIELD&lt;/b&gt;: the ecological sources (polygons) and their ids, as given to Ecological corridors.&lt;/li&gt;&lt;li&gt;&lt;b&gt;RESISTANCE&lt;/b&gt;: resistance surface (≥ 1; nodata = impassable).&lt;/li&gt;&lt;li&gt;&lt;b&gt;PATHS&lt;/b&gt;: the least-cost paths of Ecological corridors; their from_id and to_id say which pairs are linked.&lt;/li&gt;&lt;li&gt;&lt;b&gt;RADII&lt;/b&gt;: search radii in map units, e.g. 100, 200, 400; the window is the disk of the cells whose centre lies within R.&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: the largest improvement score over the pairs and radii; &lt;b&gt;OUTPUT_RADIUS&lt;/b&gt;: the radius giving it (nodata where no restoration helps); &lt;b&gt;OUTPUT_HTML&lt;/b&gt;: the report.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Formula: with CWD_a, CWD_b the cost-weighted distances from the two sources (8 neighbours, mean resistance of the two cells × step length) and LCD_ab = min (CWD_a + CWD_b), restoring the window gives LCD'_ab = min(LCD_ab, min_window CWD_a + min_window CWD_b + 2R) and the score IS = (LCD_ab − LCD'_ab) / (2R): the reduction of the least-cost distance per map unit restored (resistance units).&lt;/p&gt;&lt;h3&gt;References&lt;/h3&gt;&lt;p&gt;McRae B H, Hall S A, Beier P, Theobald D M (2012) Where to restore ecological connectivity? Detecting barriers and quantifying restoration benefits. PLoS ONE 7(12): e52604. McRae B H, Kavanagh D M (2011) Linkage Mapper Connectivity Analysis Software. The Nature Conservancy, Seattle.&lt;/p&gt;</source>
        <translation>&lt;p&gt;与 Linkage Mapper 的 Barrier Mapper 相同，识别修复后最能改善连通性的障碍点：对每一对相连的源地和每个搜索半径 R，计算将以某像元为中心、半径为 R 的圆形窗口修复为阻力 1 的改善分值。&lt;/p&gt;&lt;h3&gt;参数&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;SOURCES&lt;/b&gt;、&lt;b&gt;SOURCE_ID_FIELD&lt;/b&gt;：生态源地（面）及其编号，与输入“生态廊道”时相同。&lt;/li&gt;&lt;li&gt;&lt;b&gt;RESISTANCE&lt;/b&gt;：阻力面（≥ 1；无数据 = 不可通行）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;PATHS&lt;/b&gt;：“生态廊道”输出的最小成本路径；其 from_id 和 to_id 指明哪些源地对相连。&lt;/li&gt;&lt;li&gt;&lt;b&gt;RADII&lt;/b&gt;：以地图单位计的搜索半径，如 100, 200, 400；窗口为中心距离在 R 以内的像元构成的圆盘。&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：各源地对与各半径中的最大改善分值；&lt;b&gt;OUTPUT_RADIUS&lt;/b&gt;：取得该最大值的半径（修复无助益处为无数据）；&lt;b&gt;OUTPUT_HTML&lt;/b&gt;：报告。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;公式：设 CWD_a、CWD_b 为两个源地的成本加权距离（八邻域，两像元阻力均值 × 步长），LCD_ab = min (CWD_a + CWD_b)，修复窗口后 LCD'_ab = min(LCD_ab, 窗口内 min CWD_a + 窗口内 min CWD_b + 2R)，分值 IS = (LCD_ab − LCD'_ab) / (2R)：每修复一个地图单位所减少的最小成本距离（阻力单位）。&lt;/p&gt;&lt;h3&gt;参考文献&lt;/h3&gt;&lt;p&gt;McRae B H, Hall S A, Beier P, Theobald D M (2012) Where to restore ecological connectivity? Detecting barriers and quantifying restoration benefits. PLoS ONE 7(12): e52604. McRae B H, Kavanagh D M (2011) Linkage Mapper Connectivity Analysis Software. The Nature Conservancy, Seattle.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/help/barriers.py" line="32"/>
        <source>Resistances below 1, a geographic CRS, fewer than two sources, radii that are not positive numbers and PATHS without from_id and to_id or linking none of the SOURCES are refused. Paths naming unknown sources are skipped and counted; pairs that cannot reach each other are reported.</source>
        <translation>阻力小于 1、地理坐标系、少于两个源地、不是正数的半径，以及缺少 from_id 和 to_id 或未连接任何 SOURCES 的 PATHS 均被拒绝。引用未知源地的路径被跳过并计数；互不可达的源地对会被报告。</translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <location filename="../processing_provider/common/help/shared.py" line="28"/>
        <source>Every algorithm refuses an output that is one of its inputs (the same file, a GeoPackage or shapefile holding an input layer, a file named in a parameter) and an output folder that cannot be written (a missing one is created), before anything is written; numbers outside their range are refused with the allowed range. A run that fails, is cancelled or is terminated leaves no file at any output path.</source>
        <translation>每个算法都会在写入任何内容之前拒绝与其输入相同的输出（同一文件、包含输入图层的 GeoPackage 或 shapefile、参数中指定的文件），以及无法写入的输出文件夹（不存在的文件夹会被创建）；超出范围的数值会被拒绝并给出允许的范围。运行失败、被取消或被终止时，任何输出路径上都不会留下文件。</translation>
    </message>
</context>
<context>
    <name>CircuitConnectivity</name>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="66"/>
        <source>Circuit connectivity (current flow and pinch points)</source>
        <translation>电路连通性（电流与生态夹点）</translation>
    </message>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="69"/>
        <source>Effective resistance and cumulative current density between ecological sources by circuit theory (Circuitscape&apos;s raster modes), pinch points within least-cost corridors</source>
        <translation>基于电路理论计算生态源地之间的有效电阻与累积电流密度（Circuitscape 栅格模式），并识别最小成本廊道内的生态夹点</translation>
    </message>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="75"/>
        <source>circuit theory,Circuitscape,current density,effective resistance,pinch point,Pinchpoint Mapper,Linkage Mapper,connectivity,电路理论,电流密度,有效电阻,生态夹点,连通性,生态廊道,生态安全格局</source>
        <translation>circuit theory,Circuitscape,current density,effective resistance,pinch point,Pinchpoint Mapper,Linkage Mapper,connectivity,电路理论,电流密度,有效电阻,生态夹点,连通性,生态廊道,生态安全格局</translation>
    </message>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="93"/>
        <source>Resistance surface (or conductance)</source>
        <translation>阻力面（或电导）</translation>
    </message>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="94"/>
        <source>The raster holds conductances, not resistances</source>
        <translation>栅格为电导值而非阻力值</translation>
    </message>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="95"/>
        <source>Focal nodes (points, or polygons = focal regions)</source>
        <translation>焦点节点（点，或面 = 焦点区域）</translation>
    </message>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="102"/>
        <source>Focal id field (empty = feature order 1, 2, …)</source>
        <translation>焦点编号字段（留空 = 要素顺序 1、2、…）</translation>
    </message>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="107"/>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="108"/>
        <source>Cell connections</source>
        <translation>像元连接方式</translation>
    </message>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="111"/>
        <source>Link conductance from</source>
        <translation>连接电导计算方式</translation>
    </message>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="112"/>
        <source>Only these pairs (e.g. 1,2; 1,3)</source>
        <translation>仅计算这些节点对（如 1,2; 1,3）</translation>
    </message>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="114"/>
        <source>Pairs of focal ids separated by semicolons; empty = every pair.</source>
        <translation>以分号分隔的焦点编号对；留空 = 所有节点对。</translation>
    </message>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="116"/>
        <source>Normalised least-cost corridors (from Ecological corridors; pinch-point mode)</source>
        <translation>标准化最小成本廊道（来自“生态廊道”；生态夹点模式）</translation>
    </message>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="121"/>
        <source>Corridor width: cut-off of the normalised corridor (cost units)</source>
        <translation>廊道宽度：标准化廊道的截断值（成本单位）</translation>
    </message>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="125"/>
        <source>Cells of CORRIDORS whose value is at most this are the corridor in which current flows.</source>
        <translation>CORRIDORS 中取值不超过此值的像元构成电流流经的廊道。</translation>
    </message>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="127"/>
        <source>Cumulative current density</source>
        <translation>累积电流密度</translation>
    </message>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="128"/>
        <source>Voltages (one band per focal node; one-to-all, all-to-one)</source>
        <translation>电压（每个焦点节点一个波段；一对多、多对一）</translation>
    </message>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="133"/>
        <source>Effective resistances</source>
        <translation>有效电阻</translation>
    </message>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="138"/>
        <source>Circuit report</source>
        <translation>电路连通性报告</translation>
    </message>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="138"/>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="143"/>
        <source>Mean effective resistance</source>
        <translation>平均有效电阻</translation>
    </message>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="148"/>
        <source>Resistance surface</source>
        <translation>阻力面</translation>
    </message>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="149"/>
        <source>The resistance surface</source>
        <translation>阻力面</translation>
    </message>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="175"/>
        <source>Corridors</source>
        <translation>廊道</translation>
    </message>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="178"/>
        <source>The corridor raster must be on the grid of the resistance surface (same extent, cell size and CRS)</source>
        <translation>廊道栅格必须与阻力面格网一致（相同范围、像元大小和坐标参考系）</translation>
    </message>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="184"/>
        <source>Pinch points are computed pair by pair: MODE is taken as pairwise</source>
        <translation>生态夹点按节点对逐一计算：MODE 按成对模式处理</translation>
    </message>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="186"/>
        <source>CORRIDOR_WIDTH must be above 0 when CORRIDORS is given</source>
        <translation>给定 CORRIDORS 时，CORRIDOR_WIDTH 必须大于 0</translation>
    </message>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="205"/>
        <source>cumulative current density (A)</source>
        <translation>累积电流密度（A）</translation>
    </message>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="214"/>
        <source>Voltage maps are written in the one-to-all and all-to-one modes only</source>
        <translation>电压图仅在一对多和多对一模式下输出</translation>
    </message>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="261"/>
        <source>A focal node cannot be transformed to the CRS of the resistance surface</source>
        <translation>某个焦点节点无法转换到阻力面的坐标参考系</translation>
    </message>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="264"/>
        <source>A focal node has no id (NULL in {field})</source>
        <translation>某个焦点节点没有编号（{field} 为 NULL）</translation>
    </message>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="273"/>
        <source>{n} focal node(s) lie outside the resistance surface; they are left out</source>
        <translation>{n} 个焦点节点位于阻力面之外，已被忽略</translation>
    </message>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="277"/>
        <source>No focal node lies on the resistance surface; check the extents and coordinate reference systems</source>
        <translation>没有焦点节点落在阻力面上；请检查范围和坐标参考系</translation>
    </message>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="309"/>
        <source>PAIRS: &apos;{chunk}&apos; is not a pair of focal ids such as 1,2</source>
        <translation>PAIRS：“{chunk}”不是形如 1,2 的焦点编号对</translation>
    </message>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="314"/>
        <source>PAIRS names the focal id {id}, which is not a focal node on the raster</source>
        <translation>PAIRS 中的焦点编号 {id} 不是栅格上的焦点节点</translation>
    </message>
    <message>
        <location filename="../processing_provider/circuit_connectivity.py" line="336"/>
        <source>voltage, 1 A at focal node {id}</source>
        <translation>电压，焦点节点 {id} 注入 1 A</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/help/circuitconnectivity.py" line="9"/>
        <source>&lt;p&gt;Treats the landscape as a resistor network (circuit theory) and computes the effective resistance between ecological sources and the current flowing through every cell: where a least-cost path shows the single cheapest route, current shows every route at once, and its narrow concentrations are the pinch points (生态夹点). The semantics are those of Circuitscape 5's raster modes, so that results compare with it.&lt;/p&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;RESISTANCE&lt;/b&gt;: resistance per cell (&amp;gt; 0), or conductance when &lt;b&gt;IS_CONDUCTANCE&lt;/b&gt; is checked. Nodata and zero-conductance cells are not part of the network.&lt;/li&gt;&lt;li&gt;&lt;b&gt;FOCAL&lt;/b&gt;, &lt;b&gt;FOCAL_ID_FIELD&lt;/b&gt;: focal nodes. A point gives its cell; a polygon is a focal region, whose cells are joined by zero resistance (short-circuited into one node); features sharing an id form one region.&lt;/li&gt;&lt;li&gt;&lt;b&gt;MODE&lt;/b&gt;: &lt;i&gt;pairwise&lt;/i&gt;: 1 A between every pair of focal nodes; with focal regions only the pair's two regions are short-circuited; &lt;i&gt;all-to-one&lt;/i&gt;: each focal node in turn grounded, 1 A injected at every other; &lt;i&gt;one-to-all&lt;/i&gt;: 1 A injected at each focal node in turn, every other grounded (its resistance is the one to that set).&lt;/li&gt;&lt;li&gt;&lt;b&gt;CONNECTIONS&lt;/b&gt;: four or eight neighbours. &lt;b&gt;AVERAGE&lt;/b&gt;: link conductance 1/((r₁ + r₂)/2) (average resistances, Circuitscape's connect_using_avg_resistances) or (g₁ + g₂)/2 (average conductances); a diagonal link is √2 longer, its conductance divided by √2.&lt;/li&gt;&lt;li&gt;&lt;b&gt;PAIRS&lt;/b&gt;: only these pairs, e.g. 1,2; 1,3.&lt;/li&gt;&lt;li&gt;&lt;b&gt;CORRIDORS&lt;/b&gt;, &lt;b&gt;CORRIDOR_WIDTH&lt;/b&gt;: the normalised corridor raster of Ecological corridors; then, as Linkage Mapper's Pinchpoint Mapper, current flows between the two sources of each pair within the corridor cells (value ≤ CORRIDOR_WIDTH) only, and the map is the maximum over the pairs, sources left blank.&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT_CURRENT&lt;/b&gt;: cumulative current density (A; in a cell, the larger of the current flowing in and out); &lt;b&gt;OUTPUT_VOLTAGE&lt;/b&gt;: one band per focal node (one-to-all, all-to-one); &lt;b&gt;OUTPUT_RESISTANCES&lt;/b&gt;: from_id, to_id, resistance (ohm, in resistance units), status; &lt;b&gt;OUTPUT_HTML&lt;/b&gt;: the report; &lt;b&gt;MEAN_EFFECTIVE_RESISTANCE&lt;/b&gt;: mean over the pairs that are connected.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Formula: with the Laplacian L of the network, grounding one focal node and solving L x_k = e_k for the others (one factorisation, n − 1 solves), R_ij = x_i(i) + x_j(j) − 2 x_i(j).&lt;/p&gt;&lt;h3&gt;References&lt;/h3&gt;&lt;p&gt;Doyle P G, Snell J L (1984) Random walks and electric networks. Mathematical Association of America. McRae B H (2006) Isolation by resistance. Evolution 60: 1551–1561. McRae B H, Dickson B G, Keitt T H, Shah V B (2008) Using circuit theory to model connectivity in ecology, evolution, and conservation. Ecology 89: 2712–2724. Shah V B, McRae B H (2008) Circuitscape: a tool for landscape ecology. Proceedings of the 7th Python in Science Conference: 62–66. McRae B H, Hall S A, Beier P, Theobald D M (2012) Where to restore ecological connectivity? PLoS ONE 7: e52604. Anantharaman R, Hall K, Shah V B, Edelman A (2020) Circuitscape in Julia. JuliaCon Proceedings 1: 58.&lt;/p&gt;</source>
        <translation>&lt;p&gt;将景观视为电阻网络（电路理论），计算生态源地之间的有效电阻以及流经每个像元的电流：最小成本路径只给出一条最省成本的路线，电流则同时呈现所有路线，电流狭窄集中之处即生态夹点。计算语义与 Circuitscape 5 的栅格模式一致，结果可与其对比。&lt;/p&gt;&lt;h3&gt;参数&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;RESISTANCE&lt;/b&gt;：每个像元的阻力（&amp;gt; 0），勾选 &lt;b&gt;IS_CONDUCTANCE&lt;/b&gt; 时为电导。无数据和电导为零的像元不属于网络。&lt;/li&gt;&lt;li&gt;&lt;b&gt;FOCAL&lt;/b&gt;、&lt;b&gt;FOCAL_ID_FIELD&lt;/b&gt;：焦点节点。点取其所在像元；面为焦点区域，其像元以零阻力相连（短路为一个节点）；编号相同的要素构成同一区域。&lt;/li&gt;&lt;li&gt;&lt;b&gt;MODE&lt;/b&gt;：&lt;i&gt;成对&lt;/i&gt;：每对焦点节点之间通入 1 A；存在焦点区域时，仅该节点对的两个区域被短路；&lt;i&gt;多对一&lt;/i&gt;：依次将每个焦点节点接地，其余每个节点注入 1 A；&lt;i&gt;一对多&lt;/i&gt;：依次在每个焦点节点注入 1 A，其余节点全部接地（其电阻为到该节点集合的有效电阻）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;CONNECTIONS&lt;/b&gt;：四邻域或八邻域。&lt;b&gt;AVERAGE&lt;/b&gt;：连接电导取 1/((r₁ + r₂)/2)（平均阻力，即 Circuitscape 的 connect_using_avg_resistances）或 (g₁ + g₂)/2（平均电导）；对角连接长 √2 倍，其电导除以 √2。&lt;/li&gt;&lt;li&gt;&lt;b&gt;PAIRS&lt;/b&gt;：仅计算这些节点对，如 1,2; 1,3。&lt;/li&gt;&lt;li&gt;&lt;b&gt;CORRIDORS&lt;/b&gt;、&lt;b&gt;CORRIDOR_WIDTH&lt;/b&gt;：“生态廊道”输出的标准化廊道栅格；此时与 Linkage Mapper 的 Pinchpoint Mapper 相同，每个节点对的两个源地之间的电流只在廊道像元（取值 ≤ CORRIDOR_WIDTH）内流动，结果图取各节点对的最大值，源地留空。&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT_CURRENT&lt;/b&gt;：累积电流密度（A；像元中流入与流出电流的较大者）；&lt;b&gt;OUTPUT_VOLTAGE&lt;/b&gt;：每个焦点节点一个波段（一对多、多对一）；&lt;b&gt;OUTPUT_RESISTANCES&lt;/b&gt;：from_id、to_id、resistance（欧姆，即阻力单位）、status；&lt;b&gt;OUTPUT_HTML&lt;/b&gt;：报告；&lt;b&gt;MEAN_EFFECTIVE_RESISTANCE&lt;/b&gt;：连通节点对的有效电阻平均值。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;公式：设网络的拉普拉斯矩阵为 L，将一个焦点节点接地，对其余节点求解 L x_k = e_k（一次分解，n − 1 次求解），则 R_ij = x_i(i) + x_j(j) − 2 x_i(j)。&lt;/p&gt;&lt;h3&gt;参考文献&lt;/h3&gt;&lt;p&gt;Doyle P G, Snell J L (1984) Random walks and electric networks. Mathematical Association of America. McRae B H (2006) Isolation by resistance. Evolution 60: 1551–1561. McRae B H, Dickson B G, Keitt T H, Shah V B (2008) Using circuit theory to model connectivity in ecology, evolution, and conservation. Ecology 89: 2712–2724. Shah V B, McRae B H (2008) Circuitscape: a tool for landscape ecology. Proceedings of the 7th Python in Science Conference: 62–66. McRae B H, Hall S A, Beier P, Theobald D M (2012) Where to restore ecological connectivity? PLoS ONE 7: e52604. Anantharaman R, Hall K, Shah V B, Edelman A (2020) Circuitscape in Julia. JuliaCon Proceedings 1: 58.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/help/circuitconnectivity.py" line="47"/>
        <source>Zero or negative resistances, a geographic CRS, a single focal node, focal ids in PAIRS that are not focal nodes and a corridor raster on another grid are refused. Pairs in different components get no resistance and the status says so (infinite resistance); focal nodes on nodata are reported the same way; focal nodes outside the raster are left out and counted.</source>
        <translation>零或负阻力、地理坐标系、单个焦点节点、PAIRS 中不是焦点节点的编号以及与阻力面格网不一致的廊道栅格均被拒绝。位于不同连通分量的节点对不给出有效电阻，并在状态中说明（有效电阻为无穷大）；位于无数据像元上的焦点节点同样报告；位于栅格之外的焦点节点被忽略并计数。</translation>
    </message>
</context>
<context>
    <name>EcologicalCorridors</name>
    <message>
        <location filename="../processing_provider/common/help/ecologicalcorridors.py" line="9"/>
        <source>&lt;p&gt;Builds the corridors of an ecological security pattern by the minimum cumulative resistance (MCR) model: the cost-distance surface from the ecological sources, the cost allocation, the normalised least-cost corridors and the least-cost paths between pairs of sources, ranked by the gravity model, with the points where the paths cross roads (what Linkage Mapper's &quot;Build Network and Map Linkages&quot; does).&lt;/p&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;SOURCES&lt;/b&gt;: ecological source polygons (生态源地); &lt;b&gt;SOURCE_ID_FIELD&lt;/b&gt;: their ids (unique; empty = feature order 1, 2, …). A source is the cells whose centre lies in its polygon (the cells it touches when it covers no centre).&lt;/li&gt;&lt;li&gt;&lt;b&gt;RESISTANCE&lt;/b&gt;: resistance surface (阻力面), every value ≥ 1, nodata = impassable (barrier); projected CRS in metres.&lt;/li&gt;&lt;li&gt;&lt;b&gt;NEIGHBOURS&lt;/b&gt;: which pairs get a corridor: &lt;i&gt;cost-allocation adjacency&lt;/i&gt; (sources whose cost zones touch), &lt;i&gt;Euclidean adjacency&lt;/i&gt; (sources whose Euclidean zones touch) or &lt;i&gt;all pairs&lt;/i&gt;.&lt;/li&gt;&lt;li&gt;&lt;b&gt;MAX_COST_DISTANCE&lt;/b&gt;: corridors whose least-cost distance exceeds it are dropped (0 = no limit).&lt;/li&gt;&lt;li&gt;&lt;b&gt;CORRIDOR_WIDTH&lt;/b&gt;: cut-off of the normalised corridor in cost units (0 = no cut; a cut also makes the run faster).&lt;/li&gt;&lt;li&gt;&lt;b&gt;ROADS&lt;/b&gt;: optional road lines; every crossing of a least-cost path is a conflict point.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Formulas&lt;/h3&gt;&lt;p&gt;A move to one of the 8 neighbouring cells costs (R&lt;sub&gt;i&lt;/sub&gt; + R&lt;sub&gt;j&lt;/sub&gt;)/2 × its length (the cell size, √2 × cell size on diagonals), as GRASS r.cost (without knight's moves) and ArcGIS Cost Distance; costs are in resistance × metres. CWD&lt;sub&gt;a&lt;/sub&gt; is the accumulated cost from source a (0 on its cells), LCD&lt;sub&gt;ab&lt;/sub&gt; = min over b's cells of CWD&lt;sub&gt;a&lt;/sub&gt; (cwd of the link). Normalised corridor = CWD&lt;sub&gt;a&lt;/sub&gt; + CWD&lt;sub&gt;b&lt;/sub&gt; − LCD&lt;sub&gt;ab&lt;/sub&gt;, minimum over the pairs, kept where ≤ CORRIDOR_WIDTH; it is 0 on the least-cost paths. Gravity (Kong et al. 2010): G&lt;sub&gt;ab&lt;/sub&gt; = N&lt;sub&gt;a&lt;/sub&gt;N&lt;sub&gt;b&lt;/sub&gt;/D&lt;sub&gt;ab&lt;/sub&gt;², N = ln(S)/P with P the mean resistance of the source and S its area in m², D&lt;sub&gt;ab&lt;/sub&gt; = L&lt;sub&gt;ab&lt;/sub&gt;/L&lt;sub&gt;max&lt;/sub&gt; with L the least-cost distance of the corridor and L&lt;sub&gt;max&lt;/sub&gt; the largest of the kept corridors. A corridor is &lt;i&gt;important&lt;/i&gt; when its G is at or above the median G of the kept corridors, otherwise &lt;i&gt;general&lt;/i&gt;.&lt;/p&gt;&lt;h3&gt;Outputs&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;OUTPUT_COST_DISTANCE&lt;/b&gt;: the MCR surface, cumulative resistance to the nearest source (Float32, nodata where unreachable).&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT_ALLOCATION&lt;/b&gt;: id of that source (its rank when the ids are not positive integers).&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT_CORRIDORS&lt;/b&gt;: the normalised least-cost corridors.&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT_PATHS&lt;/b&gt;: least-cost paths with from_id, to_id, cwd, euc_dist (edge-to-edge distance, m), lcp_length (path length, m), cwd_to_euc, cwd_to_path (mean resistance along the path), gravity, importance.&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT_CONFLICTS&lt;/b&gt;: points where paths cross ROADS (from_id, to_id, road_fid, gravity, importance).&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT_HTML&lt;/b&gt;: report with the sources, corridors and gravity chart.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;References&lt;/h3&gt;&lt;p&gt;Knaapen J P, Scheffer M, Harms B (1992) Estimating habitat isolation in landscape planning. Landscape and Urban Planning 23: 1–16. Yu K (1999) Landscape ecological security patterns in biological conservation. Acta Ecologica Sinica 19: 8–15 (俞孔坚, 生物保护的景观生态安全格局). McRae B H, Kavanagh D M (2011) Linkage Mapper Connectivity Analysis Software. The Nature Conservancy. Kong F, Yin H, Nakagoshi N, Zong Y (2010) Urban green space network development for biodiversity conservation: identification based on graph theory and gravity modeling. Landscape and Urban Planning 95: 16–27. GRASS GIS manual, r.cost.&lt;/p&gt;</source>
        <translation>&lt;p&gt;按最小累积阻力（MCR）模型构建生态安全格局中的生态廊道：计算各生态源地的成本距离面、成本分配、标准化最小成本廊道以及源地对之间的最小成本路径，以重力模型对廊道排序，并找出路径与道路的交叉点（即 Linkage Mapper“Build Network and Map Linkages”的功能）。&lt;/p&gt;&lt;h3&gt;参数&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;SOURCES&lt;/b&gt;：生态源地面；&lt;b&gt;SOURCE_ID_FIELD&lt;/b&gt;：源地编号（须唯一；留空 = 按要素顺序 1、2、…）。源地由中心落在其面内的像元组成（若未覆盖任何像元中心，则取其接触到的像元）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;RESISTANCE&lt;/b&gt;：阻力面，所有取值 ≥ 1，无数据 = 不可通行（障碍）；须为以米为单位的投影坐标系。&lt;/li&gt;&lt;li&gt;&lt;b&gt;NEIGHBOURS&lt;/b&gt;：哪些源地对建立廊道：&lt;i&gt;成本分配邻接&lt;/i&gt;（成本分配区相邻的源地）、&lt;i&gt;欧氏邻接&lt;/i&gt;（欧氏分配区相邻的源地）或&lt;i&gt;全部源地对&lt;/i&gt;。&lt;/li&gt;&lt;li&gt;&lt;b&gt;MAX_COST_DISTANCE&lt;/b&gt;：最小成本距离超过此值的廊道被舍弃（0 = 不限）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;CORRIDOR_WIDTH&lt;/b&gt;：标准化廊道的截断值，成本单位（0 = 不截断；截断还能加快运行）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;ROADS&lt;/b&gt;：可选的道路线；最小成本路径每穿越一次道路即为一个冲突点。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;公式&lt;/h3&gt;&lt;p&gt;移动到 8 个相邻像元之一的成本为 (R&lt;sub&gt;i&lt;/sub&gt; + R&lt;sub&gt;j&lt;/sub&gt;)/2 × 步长（像元大小，对角方向为 √2 × 像元大小），与 GRASS r.cost（不含马步移动）和 ArcGIS 成本距离工具一致；成本单位为阻力 × 米。CWD&lt;sub&gt;a&lt;/sub&gt; 为自源地 a（其像元为 0）起的累积成本，LCD&lt;sub&gt;ab&lt;/sub&gt; = b 各像元上 CWD&lt;sub&gt;a&lt;/sub&gt; 的最小值（廊道的 cwd）。标准化廊道 = CWD&lt;sub&gt;a&lt;/sub&gt; + CWD&lt;sub&gt;b&lt;/sub&gt; − LCD&lt;sub&gt;ab&lt;/sub&gt;，取各源地对的最小值，保留 ≤ CORRIDOR_WIDTH 的部分；在最小成本路径上其值为 0。引力（Kong 等，2010）：G&lt;sub&gt;ab&lt;/sub&gt; = N&lt;sub&gt;a&lt;/sub&gt;N&lt;sub&gt;b&lt;/sub&gt;/D&lt;sub&gt;ab&lt;/sub&gt;²，N = ln(S)/P，其中 P 为源地的平均阻力，S 为其面积（平方米），D&lt;sub&gt;ab&lt;/sub&gt; = L&lt;sub&gt;ab&lt;/sub&gt;/L&lt;sub&gt;max&lt;/sub&gt;，L 为廊道的最小成本距离，L&lt;sub&gt;max&lt;/sub&gt; 为保留廊道中的最大值。引力不低于保留廊道引力中位数的廊道为&lt;i&gt;重要&lt;/i&gt;廊道，其余为&lt;i&gt;一般&lt;/i&gt;廊道。&lt;/p&gt;&lt;h3&gt;输出&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;OUTPUT_COST_DISTANCE&lt;/b&gt;：最小累积阻力面，即到最近源地的累积阻力（Float32，不可达处为无数据）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT_ALLOCATION&lt;/b&gt;：该最近源地的编号（编号不是正整数时为其序号）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT_CORRIDORS&lt;/b&gt;：标准化最小成本廊道。&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT_PATHS&lt;/b&gt;：最小成本路径，字段 from_id、to_id、cwd、euc_dist（边缘间距离，米）、lcp_length（路径长度，米）、cwd_to_euc、cwd_to_path（沿路径的平均阻力）、gravity、importance。&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT_CONFLICTS&lt;/b&gt;：路径与 ROADS 的交叉点（from_id、to_id、road_fid、gravity、importance）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT_HTML&lt;/b&gt;：包含源地、廊道和引力图的报告。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;参考文献&lt;/h3&gt;&lt;p&gt;Knaapen J P, Scheffer M, Harms B (1992) Estimating habitat isolation in landscape planning. Landscape and Urban Planning 23: 1–16. 俞孔坚 (1999) 生物保护的景观生态安全格局. 生态学报 19: 8–15. McRae B H, Kavanagh D M (2011) Linkage Mapper Connectivity Analysis Software. The Nature Conservancy. Kong F, Yin H, Nakagoshi N, Zong Y (2010) Urban green space network development for biodiversity conservation: identification based on graph theory and gravity modeling. Landscape and Urban Planning 95: 16–27. GRASS GIS 手册，r.cost。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/help/ecologicalcorridors.py" line="50"/>
        <source>Resistance values below 1 (or zero, negative) are refused with their count; an all-nodata resistance, a geographic or Web Mercator CRS, a rotated grid, fewer than two sources on the raster, duplicate or NULL ids are refused. Sources outside the raster or on nodata only are left out with a warning; pairs beyond MAX_COST_DISTANCE or unreachable are listed in the log.</source>
        <translation>阻力值小于 1（或为 0、负值）时拒绝运行并给出像元数；阻力面全为无数据、坐标系为地理坐标系或 Web 墨卡托、栅格带旋转、落在栅格上的源地不足两个、编号重复或为空值时拒绝运行。位于栅格范围之外或仅含无数据像元的源地被剔除并给出警告；超过 MAX_COST_DISTANCE 或不可达的源地对列在日志中。</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/ecologicalcorridors.py" line="41"/>
        <source>Ecological corridor report</source>
        <translation>生态廊道报告</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/ecologicalcorridors.py" line="41"/>
        <source>Method and settings</source>
        <translation>方法与设置</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/ecologicalcorridors.py" line="41"/>
        <source>Ecological sources</source>
        <translation>生态源地</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/ecologicalcorridors.py" line="41"/>
        <source>Corridors</source>
        <translation>廊道</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/ecologicalcorridors.py" line="41"/>
        <source>Gravity of the corridors</source>
        <translation>廊道引力</translation>
    </message>
    <message>
        <location filename="../processing_provider/ecological_corridors.py" line="64"/>
        <source>Ecological corridors (least-cost)</source>
        <translation>生态廊道（最小成本）</translation>
    </message>
    <message>
        <location filename="../processing_provider/ecological_corridors.py" line="67"/>
        <source>Minimum cumulative resistance surface, least-cost corridors and paths between ecological sources, with gravity-model importance and conflicts with roads</source>
        <translation>最小累积阻力面、生态源地之间的最小成本廊道与路径，并以重力模型评价廊道重要性、识别与道路的冲突点</translation>
    </message>
    <message>
        <location filename="../processing_provider/ecological_corridors.py" line="73"/>
        <source>corridor,least-cost,cost distance,MCR,minimum cumulative resistance,Linkage Mapper,gravity model,ecological security pattern,生态廊道,最小累积阻力,生态源地,阻力面,生态安全格局</source>
        <translation>corridor,least-cost,cost distance,MCR,minimum cumulative resistance,Linkage Mapper,gravity model,ecological security pattern,生态廊道,最小累积阻力,生态源地,阻力面,生态安全格局,最小成本路径,重力模型</translation>
    </message>
    <message>
        <location filename="../processing_provider/ecological_corridors.py" line="87"/>
        <source>Ecological sources (polygons)</source>
        <translation>生态源地（面）</translation>
    </message>
    <message>
        <location filename="../processing_provider/ecological_corridors.py" line="90"/>
        <source>Source id field (empty = feature order 1, 2, …)</source>
        <translation>源地编号字段（留空 = 要素顺序 1、2、…）</translation>
    </message>
    <message>
        <location filename="../processing_provider/ecological_corridors.py" line="95"/>
        <source>Resistance surface (≥ 1; nodata = impassable)</source>
        <translation>阻力面（≥ 1；无数据 = 不可通行）</translation>
    </message>
    <message>
        <location filename="../processing_provider/ecological_corridors.py" line="96"/>
        <source>Pairs of sources to connect</source>
        <translation>需连接的源地对</translation>
    </message>
    <message>
        <location filename="../processing_provider/ecological_corridors.py" line="99"/>
        <source>Maximum cost-weighted distance of a corridor (0 = no limit)</source>
        <translation>廊道最大成本加权距离（0 = 不限）</translation>
    </message>
    <message>
        <location filename="../processing_provider/ecological_corridors.py" line="102"/>
        <source>Corridor width: cut-off of the normalised corridor (cost units; 0 = no cut)</source>
        <translation>廊道宽度：标准化廊道的截断值（成本单位；0 = 不截断）</translation>
    </message>
    <message>
        <location filename="../processing_provider/ecological_corridors.py" line="111"/>
        <source>Corridors whose least-cost distance (resistance × metres) exceeds this value are dropped.</source>
        <translation>最小成本距离（阻力 × 米）超过此值的廊道将被舍弃。</translation>
    </message>
    <message>
        <location filename="../processing_provider/ecological_corridors.py" line="112"/>
        <source>Cells whose CWDa + CWDb − LCDab exceeds this value are left out of the corridor raster; a cut also speeds up the run.</source>
        <translation>CWDa + CWDb − LCDab 超过此值的像元不计入廊道栅格；设置截断值还能加快运行。</translation>
    </message>
    <message>
        <location filename="../processing_provider/ecological_corridors.py" line="117"/>
        <source>Roads (lines; conflict points where paths cross them)</source>
        <translation>道路（线；最小成本路径与其相交处为冲突点）</translation>
    </message>
    <message>
        <location filename="../processing_provider/ecological_corridors.py" line="122"/>
        <source>Minimum cumulative resistance (cost distance)</source>
        <translation>最小累积阻力（成本距离）</translation>
    </message>
    <message>
        <location filename="../processing_provider/ecological_corridors.py" line="125"/>
        <source>Nearest source (cost allocation)</source>
        <translation>最近源地（成本分配）</translation>
    </message>
    <message>
        <location filename="../processing_provider/ecological_corridors.py" line="130"/>
        <source>Normalised least-cost corridors</source>
        <translation>标准化最小成本廊道</translation>
    </message>
    <message>
        <location filename="../processing_provider/ecological_corridors.py" line="135"/>
        <source>Least-cost paths</source>
        <translation>最小成本路径</translation>
    </message>
    <message>
        <location filename="../processing_provider/ecological_corridors.py" line="136"/>
        <source>Conflicts with roads</source>
        <translation>与道路的冲突点</translation>
    </message>
    <message>
        <location filename="../processing_provider/ecological_corridors.py" line="145"/>
        <source>Corridor report</source>
        <translation>廊道报告</translation>
    </message>
    <message>
        <location filename="../processing_provider/ecological_corridors.py" line="145"/>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../processing_provider/ecological_corridors.py" line="154"/>
        <source>Resistance surface</source>
        <translation>阻力面</translation>
    </message>
    <message>
        <location filename="../processing_provider/ecological_corridors.py" line="155"/>
        <source>The resistance surface</source>
        <translation>阻力面</translation>
    </message>
    <message>
        <location filename="../processing_provider/ecological_corridors.py" line="190"/>
        <source>Source {id} lies on impassable (nodata) cells only; it is left out</source>
        <translation>源地 {id} 仅位于不可通行（无数据）像元上，已被剔除</translation>
    </message>
    <message>
        <location filename="../processing_provider/ecological_corridors.py" line="194"/>
        <source>No pair of sources could be connected (unreachable or beyond the maximum cost distance)</source>
        <translation>没有任何源地对可以连通（不可达或超过最大成本距离）</translation>
    </message>
    <message>
        <location filename="../processing_provider/ecological_corridors.py" line="196"/>
        <source>No corridor between {a} and {b}: least-cost distance {lcd}</source>
        <translation>{a} 与 {b} 之间无廊道：最小成本距离 {lcd}</translation>
    </message>
    <message>
        <location filename="../processing_provider/ecological_corridors.py" line="196"/>
        <source>unreachable</source>
        <translation>不可达</translation>
    </message>
    <message>
        <location filename="../processing_provider/ecological_corridors.py" line="207"/>
        <source>minimum cumulative resistance</source>
        <translation>最小累积阻力</translation>
    </message>
    <message>
        <location filename="../processing_provider/ecological_corridors.py" line="220"/>
        <source>The source ids are not positive integers: the allocation raster holds the source's rank (1, 2, … in feature order)</source>
        <translation>源地编号不是正整数：分配栅格记录的是源地的序号（按要素顺序 1、2、…）</translation>
    </message>
    <message>
        <location filename="../processing_provider/ecological_corridors.py" line="224"/>
        <source>nearest source</source>
        <translation>最近源地</translation>
    </message>
    <message>
        <location filename="../processing_provider/ecological_corridors.py" line="229"/>
        <source>normalised least-cost corridor</source>
        <translation>标准化最小成本廊道</translation>
    </message>
    <message>
        <location filename="../processing_provider/ecological_corridors.py" line="317"/>
        <source>Important corridor</source>
        <translation>重要廊道</translation>
    </message>
    <message>
        <location filename="../processing_provider/ecological_corridors.py" line="318"/>
        <source>General corridor</source>
        <translation>一般廊道</translation>
    </message>
    <message>
        <location filename="../processing_provider/ecological_corridors.py" line="374"/>
        <source>{n} conflict points where least-cost paths cross roads ({important} on important corridors)</source>
        <translation>最小成本路径与道路相交的冲突点 {n} 个（其中 {important} 个位于重要廊道上）</translation>
    </message>
</context>
<context>
    <name>EvacuationRoutes</name>
    <message>
        <location filename="../processing_provider/evacuation_routes.py" line="97"/>
        <source>Safe evacuation routes</source>
        <translation>安全疏散路径</translation>
    </message>
    <message>
        <location filename="../processing_provider/evacuation_routes.py" line="100"/>
        <source>Routes from residents to shelters that avoid or penalise hazard zones, nearest shelter or within capacity</source>
        <translation>从居民到避难场所、避开危险区或对其施加惩罚的路线，可分配至最近避难场所或在容量范围内分配</translation>
    </message>
    <message>
        <location filename="../processing_provider/evacuation_routes.py" line="103"/>
        <source>evacuation,route,shelter,hazard,avoid,capacity,transportation problem,疏散,避难,疏散通道,应急</source>
        <translation>疏散,路线,避难场所,危险,避让,容量,运输问题,避难,疏散通道,应急</translation>
    </message>
    <message>
        <location filename="../processing_provider/evacuation_routes.py" line="106"/>
        <source>Residents (points or polygons)</source>
        <translation>居民（点或面）</translation>
    </message>
    <message>
        <location filename="../processing_provider/evacuation_routes.py" line="106"/>
        <source>Shelters (points)</source>
        <translation>避难场所（点）</translation>
    </message>
    <message>
        <location filename="../processing_provider/evacuation_routes.py" line="106"/>
        <source>Shelter id field</source>
        <translation>避难场所 ID 字段</translation>
    </message>
    <message>
        <location filename="../processing_provider/evacuation_routes.py" line="106"/>
        <source>Shelter capacity field (persons)</source>
        <translation>避难场所容量字段（人）</translation>
    </message>
    <message>
        <location filename="../processing_provider/evacuation_routes.py" line="117"/>
        <source>Hazard zones (polygons)</source>
        <translation>危险区（面）</translation>
    </message>
    <message>
        <location filename="../processing_provider/evacuation_routes.py" line="125"/>
        <source>Roads in hazard zones</source>
        <translation>危险区内的道路</translation>
    </message>
    <message>
        <location filename="../processing_provider/evacuation_routes.py" line="125"/>
        <source>Avoid (closed, except to leave the zone one starts in)</source>
        <translation>避让（封闭，仅可用于离开出发时所在的危险区）</translation>
    </message>
    <message>
        <location filename="../processing_provider/evacuation_routes.py" line="125"/>
        <source>Penalise (cost × PENALTY)</source>
        <translation>惩罚（成本 × PENALTY）</translation>
    </message>
    <message>
        <location filename="../processing_provider/evacuation_routes.py" line="139"/>
        <source>Penalty factor</source>
        <translation>惩罚系数</translation>
    </message>
    <message>
        <location filename="../processing_provider/evacuation_routes.py" line="151"/>
        <source>Assignment</source>
        <translation>分配方式</translation>
    </message>
    <message>
        <location filename="../processing_provider/evacuation_routes.py" line="151"/>
        <source>Nearest shelter</source>
        <translation>最近的避难场所</translation>
    </message>
    <message>
        <location filename="../processing_provider/evacuation_routes.py" line="151"/>
        <source>Respect shelter capacity (transportation problem)</source>
        <translation>考虑避难场所容量（运输问题）</translation>
    </message>
    <message>
        <location filename="../processing_provider/evacuation_routes.py" line="162"/>
        <source>Evacuation routes</source>
        <translation>疏散路径</translation>
    </message>
    <message>
        <location filename="../processing_provider/evacuation_routes.py" line="163"/>
        <source>Residents not evacuated</source>
        <translation>未疏散居民</translation>
    </message>
    <message>
        <location filename="../processing_provider/evacuation_routes.py" line="172"/>
        <source>Evacuation report</source>
        <translation>疏散报告</translation>
    </message>
    <message>
        <location filename="../processing_provider/evacuation_routes.py" line="172"/>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../processing_provider/evacuation_routes.py" line="177"/>
        <source>Population with a safe route to a shelter (%)</source>
        <translation>有安全路线通往避难场所的人口（%）</translation>
    </message>
    <message>
        <location filename="../processing_provider/evacuation_routes.py" line="185"/>
        <source>A layer cannot be transformed into the resident layer&apos;s CRS ({crs}): {error}</source>
        <translation>有图层无法转换到居民图层的坐标参照系（{crs}）：{error}</translation>
    </message>
    <message>
        <location filename="../processing_provider/evacuation_routes.py" line="284"/>
        <source>The resident layer</source>
        <translation>居民图层</translation>
    </message>
    <message>
        <location filename="../processing_provider/evacuation_routes.py" line="195"/>
        <source>The capacity-respecting assignment needs CAPACITY_FIELD</source>
        <translation>考虑容量的分配需要 CAPACITY_FIELD</translation>
    </message>
    <message>
        <location filename="../processing_provider/evacuation_routes.py" line="284"/>
        <source>Shelters</source>
        <translation>避难场所</translation>
    </message>
    <message>
        <location filename="../processing_provider/evacuation_routes.py" line="272"/>
        <source>Road network</source>
        <translation>道路网络</translation>
    </message>
    <message>
        <location filename="../processing_provider/evacuation_routes.py" line="272"/>
        <source>Hazard zones</source>
        <translation>危险区</translation>
    </message>
    <message>
        <location filename="../processing_provider/evacuation_routes.py" line="278"/>
        <source>{what}: the layer has no coordinate reference system; its coordinates are taken to be in the resident layer&apos;s CRS ({crs})</source>
        <translation>{what}：该图层没有坐标参照系，其坐标按居民图层的坐标参照系（{crs}）处理</translation>
    </message>
    <message>
        <location filename="../processing_provider/evacuation_routes.py" line="284"/>
        <source>The shelter layer</source>
        <translation>避难场所图层</translation>
    </message>
    <message>
        <location filename="../processing_provider/evacuation_routes.py" line="284"/>
        <source>Shelter</source>
        <translation>避难场所</translation>
    </message>
    <message>
        <location filename="../processing_provider/evacuation_routes.py" line="310"/>
        <source>The hazard zone layer holds no polygon with an area: no road is avoided or penalised</source>
        <translation>危险区图层中没有面积大于 0 的面，不避让也不惩罚任何道路</translation>
    </message>
    <message>
        <location filename="../processing_provider/evacuation_routes.py" line="315"/>
        <source>Hazard raster</source>
        <translation>危险性栅格</translation>
    </message>
    <message>
        <location filename="../processing_provider/evacuation_routes.py" line="241"/>
        <source>Cancelled: no output was written</source>
        <translation>已取消：未写入任何输出</translation>
    </message>
    <message>
        <location filename="../processing_provider/evacuation_routes.py" line="263"/>
        <source>{p:.2f} % of residents have a safe route to a shelter</source>
        <translation>{p:.2f} % 的居民有通往避难场所的安全路线</translation>
    </message>
    <message>
        <location filename="../processing_provider/evacuation_routes.py" line="367"/>
        <source>no geometry</source>
        <translation>无几何图形</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/evacuationroutes.py" line="90"/>
        <source>Residents</source>
        <translation>居民</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/evacuationroutes.py" line="91"/>
        <source>With a safe route to a shelter</source>
        <translation>有通往避难场所的安全路线</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/evacuationroutes.py" line="95"/>
        <source>Not evacuated</source>
        <translation>未疏散</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/evacuationroutes.py" line="96"/>
        <source>Mean route length (m, per person)</source>
        <translation>平均路线长度（m，人均）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/evacuationroutes.py" line="97"/>
        <source>Mean walking time (min, per person)</source>
        <translation>平均步行时间（min，人均）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/evacuationroutes.py" line="98"/>
        <source>Longest route (m)</source>
        <translation>最长路线（m）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/evacuationroutes.py" line="102"/>
        <source>Route length inside hazard zones (m, total)</source>
        <translation>危险区内路线长度（m，合计）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/evacuationroutes.py" line="86"/>
        <source>avoided</source>
        <translation>避让</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/evacuationroutes.py" line="88"/>
        <source>penalised</source>
        <translation>惩罚</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/evacuationroutes.py" line="84"/>
        <source>none given</source>
        <translation>未提供</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/evacuationroutes.py" line="104"/>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/evacuationroutes.py" line="107"/>
        <source>Residents without geometry (not evacuated)</source>
        <translation>无几何的居民（未疏散）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/evacuationroutes.py" line="54"/>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/evacuationroutes.py" line="52"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/evacuationroutes.py" line="52"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/evacuationroutes.py" line="123"/>
        <source>inside a hazard zone: receives nobody</source>
        <translation>位于危险区内：不安置任何人</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/evacuationroutes.py" line="125"/>
        <source>inside a hazard zone: reached at the penalty</source>
        <translation>位于危险区内：按惩罚成本到达</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/evacuationroutes.py" line="127"/>
        <source>too far from any road</source>
        <translation>距离道路过远</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/evacuationroutes.py" line="129"/>
        <source>no capacity</source>
        <translation>无容量</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/evacuationroutes.py" line="132"/>
        <source>no geometry: receives nobody</source>
        <translation>无几何：不安置任何人</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/evacuationroutes.py" line="135"/>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/evacuationroutes.py" line="136"/>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/evacuationroutes.py" line="137"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/evacuationroutes.py" line="55"/>
        <source>People per shelter</source>
        <translation>各避难场所人数</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/evacuationroutes.py" line="61"/>
        <source>People by walking time (minutes)</source>
        <translation>按步行时间统计的人数（分钟）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/evacuationroutes.py" line="73"/>
        <source>Residents not evacuated, by reason</source>
        <translation>未疏散居民（按原因）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/evacuationroutes.py" line="72"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/evacuationroutes.py" line="76"/>
        <source>Evacuation routes report</source>
        <translation>疏散路线报告</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/help/evacuationroutes.py" line="10"/>
        <source>&lt;p&gt;Safe evacuation routes from residents to shelters that keep out of hazard zones (e.g. the high-risk zones of the multi-hazard path), with each shelter&apos;s capacity respected if wanted.&lt;/p&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;DEMAND&lt;/b&gt; (points or polygons by a point on their surface), &lt;b&gt;POPULATION_FIELD&lt;/b&gt; (persons), &lt;b&gt;DEMAND_ID_FIELD&lt;/b&gt;; &lt;b&gt;SHELTERS&lt;/b&gt; (points), &lt;b&gt;SHELTER_ID_FIELD&lt;/b&gt;, &lt;b&gt;CAPACITY_FIELD&lt;/b&gt; (persons).&lt;/li&gt;</source>
        <translation>&lt;p&gt;从居民到避难场所、避开危险区（如多灾种路径得出的高风险区）的安全疏散路线，可按需遵守各避难场所的容量。&lt;/p&gt;&lt;h3&gt;参数&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;DEMAND&lt;/b&gt;（点，或以面内一点代表的面）、&lt;b&gt;POPULATION_FIELD&lt;/b&gt;（人）、&lt;b&gt;DEMAND_ID_FIELD&lt;/b&gt;；&lt;b&gt;SHELTERS&lt;/b&gt;（点）、&lt;b&gt;SHELTER_ID_FIELD&lt;/b&gt;、&lt;b&gt;CAPACITY_FIELD&lt;/b&gt;（人）。&lt;/li&gt;</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/help/evacuationroutes.py" line="10"/>
        <source>&lt;li&gt;&lt;b&gt;HAZARD_ZONES&lt;/b&gt;: polygons, dissolved (touching polygons form one zone); roads are cut at their edges. &lt;b&gt;HAZARD_MODE&lt;/b&gt; &lt;i&gt;avoid&lt;/i&gt;: roads inside are closed, except that residents who start inside a zone may use its roads to leave it — exactly, on a two-layer graph per start zone: a route cannot enter another zone nor come back into its own once it has left; shelters inside a zone are not used. &lt;i&gt;Penalise&lt;/i&gt;: roads inside cost &lt;b&gt;PENALTY&lt;/b&gt; times more.&lt;/li&gt;&lt;li&gt;&lt;b&gt;HAZARD_RASTER&lt;/b&gt;: hazard degrees 0–1 (e.g. from Normalise hazard) averaged along each road h̄ (sampled every half cell); the road costs 1 + (PENALTY − 1)·h̄ times more, so the worst hazard weighs like a penalised zone.&lt;/li&gt;&lt;li&gt;&lt;b&gt;ASSIGNMENT&lt;/b&gt;: &lt;i&gt;nearest shelter&lt;/i&gt; by cost; or &lt;i&gt;respect capacity&lt;/i&gt;: a transportation problem, min Σ c_ij x_ij with Σ_j x_ij ≤ P_i and Σ_i x_ij ≤ C_j, that first evacuates as many people as the capacities allow, solved exactly by linear programming (HiGHS); a block may be split between shelters.&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: one line per resident–shelter flow: demand_id, shelter_id, people, length_m, time_min (at the road speeds, access legs at SPEED), hazard_length_m (length inside hazard zones) and cost (with penalties). &lt;b&gt;OUTPUT_UNREACHED&lt;/b&gt;: residents not evacuated, with people and the reason (too far from a road, no safe route, shelters full). &lt;b&gt;EVACUATED_PERCENT&lt;/b&gt;: share of residents with a route. &lt;b&gt;OUTPUT_HTML&lt;/b&gt;: summary, people per shelter, people by walking time.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;References&lt;/h3&gt;&lt;p&gt;Hitchcock F L (1941) The distribution of a product from several sources to numerous localities. J. Math. Phys. 20: 224–230. Huangfu Q, Hall J A J (2018) Parallelizing the dual revised simplex method. Math. Prog. Comp. 10: 119–142 (HiGHS). GB 51143-2015 防灾避难场所设计规范; GB/T 51327-2018 城市综合防灾规划标准.&lt;/p&gt;</source>
        <translation>&lt;li&gt;&lt;b&gt;HAZARD_ZONES&lt;/b&gt;：面，经融合处理（相接的面构成同一危险区）；道路在其边界处截断。&lt;b&gt;HAZARD_MODE&lt;/b&gt; &lt;i&gt;避让&lt;/i&gt;：区内道路封闭，但从区内出发的居民可以利用该区的道路离开——按每个出发区构建的双层图精确处理：路线一旦离开，既不能进入其他危险区，也不能再回到原危险区；位于危险区内的避难场所不予使用。&lt;i&gt;惩罚&lt;/i&gt;：区内道路的成本为原来的 &lt;b&gt;PENALTY&lt;/b&gt; 倍。&lt;/li&gt;&lt;li&gt;&lt;b&gt;HAZARD_RASTER&lt;/b&gt;：0–1 的危险度（例如来自“Normalise hazard”），沿每条道路取平均值 h̄（每半个像元采样一次）；道路成本为原来的 1 + (PENALTY − 1)·h̄ 倍，因此最高危险度的权重与惩罚区相当。&lt;/li&gt;&lt;li&gt;&lt;b&gt;ASSIGNMENT&lt;/b&gt;：按成本分配至&lt;i&gt;最近避难场所&lt;/i&gt;；或&lt;i&gt;遵守容量&lt;/i&gt;：求解运输问题 min Σ c_ij x_ij，约束为 Σ_j x_ij ≤ P_i 且 Σ_i x_ij ≤ C_j，首先在容量允许的范围内疏散尽可能多的人，用线性规划（HiGHS）精确求解；一个街区可分配到多个避难场所。&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：每个居民—避难场所流一条线：demand_id、shelter_id、people、length_m、time_min（按道路速度计算，接入段按 SPEED）、hazard_length_m（危险区内的长度）和 cost（含惩罚）。&lt;b&gt;OUTPUT_UNREACHED&lt;/b&gt;：未疏散的居民，含人数和原因（距离道路过远、没有安全路线、避难场所已满）。&lt;b&gt;EVACUATED_PERCENT&lt;/b&gt;：有疏散路线的居民比例。&lt;b&gt;OUTPUT_HTML&lt;/b&gt;：汇总、各避难场所人数、按步行时间统计的人数。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;参考文献&lt;/h3&gt;&lt;p&gt;Hitchcock F L (1941) The distribution of a product from several sources to numerous localities. J. Math. Phys. 20: 224–230. Huangfu Q, Hall J A J (2018) Parallelizing the dual revised simplex method. Math. Prog. Comp. 10: 119–142 (HiGHS). GB 51143-2015 防灾避难场所设计规范; GB/T 51327-2018 城市综合防灾规划标准.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/help/evacuationroutes.py" line="44"/>
        <source>In &lt;i&gt;avoid&lt;/i&gt; mode a shelter whose point lies inside a hazard zone (boundary included) receives nobody, not even the residents of that zone; the log names these shelters and, when every shelter stands inside a zone, says that nobody can be evacuated (EVACUATED_PERCENT = 0). In &lt;i&gt;penalise&lt;/i&gt; mode they stay usable at the penalty. The hazard raster is sampled every half cell in its own CRS and units (at most 20 million points, beyond which the step grows with a warning). With the capacity assignment, shelters of capacity 0 or NULL receive nobody; a negative capacity is refused. The nearest-shelter assignment ignores capacities.</source>
        <translation>在&lt;i&gt;避让&lt;/i&gt;模式下，点位位于危险区内（含边界）的避难场所不接收任何人，即使是该区内的居民；日志会列出这些避难场所，当所有避难场所都在危险区内时，说明无人可以疏散（EVACUATED_PERCENT = 0）。在&lt;i&gt;惩罚&lt;/i&gt;模式下，它们仍可按惩罚后的成本使用。危险性栅格在其自身坐标系和单位下每半个像元采样一次（最多 2000 万个点，超过时加大步长并给出警告）。按容量分配时，容量为 0 或 NULL 的避难场所不接收任何人；负容量会被拒绝。就近分配不考虑容量。</translation>
    </message>
    <message>
        <location filename="../processing_provider/evacuation_routes.py" line="106"/>
        <source>Persons each shelter can take; needed to respect the capacities (ASSIGNMENT).</source>
        <translation>每个避难场所可容纳的人数；按容量分配（ASSIGNMENT）时必需。</translation>
    </message>
    <message>
        <location filename="../processing_provider/evacuation_routes.py" line="117"/>
        <source>Areas to keep out of (e.g. the high-risk zones); the roads are cut at their boundaries.</source>
        <translation>需要避开的区域（如高风险区）；道路在其边界处被打断。</translation>
    </message>
    <message>
        <location filename="../processing_provider/evacuation_routes.py" line="125"/>
        <source>Avoid: nobody enters a zone (people inside may leave theirs) and shelters inside zones receive nobody. Penalise: roads inside cost PENALTY times more.</source>
        <translation>避开：任何人都不进入危险区（区内的人可以离开所在的区），位于危险区内的避难场所不接收任何人。惩罚：区内道路的成本乘以 PENALTY。</translation>
    </message>
    <message>
        <location filename="../processing_provider/evacuation_routes.py" line="139"/>
        <source>How many times more a road inside a hazard zone costs (penalise mode), and a road at hazard 1 of the raster.</source>
        <translation>危险区内道路的成本倍数（惩罚模式），也是危险性栅格中危险度为 1 的道路的成本倍数。</translation>
    </message>
    <message>
        <location filename="../processing_provider/evacuation_routes.py" line="145"/>
        <source>Hazard raster (0–1)</source>
        <translation>危险性栅格（0–1）</translation>
    </message>
    <message>
        <location filename="../processing_provider/evacuation_routes.py" line="145"/>
        <source>Hazard degree 0–1 sampled along each road: its cost is multiplied by 1 + (PENALTY − 1) × its mean degree.</source>
        <translation>沿每条道路采样危险度（0–1）：道路成本乘以 1 + (PENALTY − 1) × 平均危险度。</translation>
    </message>
    <message>
        <location filename="../processing_provider/evacuation_routes.py" line="151"/>
        <source>Nearest shelter ignores capacities; respecting them sends people at the least total cost and needs CAPACITY_FIELD.</source>
        <translation>就近分配不考虑容量；按容量分配以总成本最小的方式安排疏散，需要 CAPACITY_FIELD。</translation>
    </message>
</context>
<context>
    <name>FacilityLocation</name>
    <message>
        <location filename="../processing_provider/facility_location.py" line="88"/>
        <source>Facility location (new shelters and clinics)</source>
        <translation>设施选址（新建避难场所和诊所）</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="91"/>
        <source>Where to add sites: set covering, maximal covering, p-median, p-center, with capacities, solved exactly</source>
        <translation>确定新增设施的位置：集合覆盖、最大覆盖、p-中位、p-中心模型，可考虑容量约束，精确求解</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="94"/>
        <source>location-allocation,LSCP,MCLP,p-median,p-center,capacitated,MILP,HiGHS,shelter,选址,避难场所,覆盖</source>
        <translation>选址—分配,LSCP,MCLP,p-中位,p-中心,有容量约束,MILP,HiGHS,避难场所,选址,覆盖</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="106"/>
        <source>Demand (residents: points or polygons)</source>
        <translation>需求点（居民：点或面）</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="106"/>
        <source>Candidate sites (points)</source>
        <translation>候选点（点）</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="106"/>
        <source>Candidate id field</source>
        <translation>备选场地编号字段</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="137"/>
        <source>Cost table: demand id field</source>
        <translation>成本表：需求点 ID 字段</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="142"/>
        <source>Cost table: site id field</source>
        <translation>成本表：设施点 ID 字段</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="147"/>
        <source>Cost table: cost field</source>
        <translation>成本表：成本字段</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="152"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="165"/>
        <source>Number of new sites P</source>
        <translation>新增设施数 P</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="177"/>
        <source>Solver time limit (s)</source>
        <translation>求解器时间上限（s）</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="183"/>
        <source>Accepted optimality gap (%)</source>
        <translation>可接受的最优性间隙（%）</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="189"/>
        <source>Selected sites</source>
        <translation>选定设施点</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="190"/>
        <source>Allocation lines</source>
        <translation>分配线</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="195"/>
        <source>Location report</source>
        <translation>选址报告</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="195"/>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="200"/>
        <source>Objective value</source>
        <translation>目标函数值</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="201"/>
        <source>Population served or covered (%)</source>
        <translation>服务或覆盖人口（%）</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="202"/>
        <source>Covered percent for 1…P new sites (MCLP)</source>
        <translation>新增 1…P 处设施时的覆盖率（MCLP）</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="203"/>
        <source>Solver status</source>
        <translation>求解器状态</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="211"/>
        <source>The demand layer</source>
        <translation>需求点图层</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="210"/>
        <source>The covering models need a SERVICE_DISTANCE greater than 0</source>
        <translation>覆盖模型需要大于 0 的 SERVICE_DISTANCE</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="211"/>
        <source>The candidate layer</source>
        <translation>候选点图层</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="226"/>
        <source>The existing facility layer</source>
        <translation>现有设施图层</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="211"/>
        <source>Candidate</source>
        <translation>候选点</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="234"/>
        <source>Existing facility</source>
        <translation>现有设施</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="238"/>
        <source>Candidate and existing facility ids must differ; some are used by both</source>
        <translation>候选点与现有设施的 ID 不能相同；部分 ID 被两者同时使用</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="244"/>
        <source>Cancelled: no output was written</source>
        <translation>已取消：未写入任何输出</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="256"/>
        <source>Solved in {seconds:.2f} s (time limit {limit:g} s)</source>
        <translation>求解用时 {seconds:.2f} 秒（时间上限 {limit:g} 秒）</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="262"/>
        <source>The time limit stopped the solver: the solution may be up to {gap:.2f} % from the optimum</source>
        <translation>求解器因达到时间上限而停止：所得解与最优解的差距可能达 {gap:.2f} %</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="269"/>
        <source>The time limit stopped the solver before it could bound the optimum: the solution is the best found, not a proven one</source>
        <translation>求解器在得到最优值界限之前即达到时间上限：该解为已找到的最好解，而非经证明的最优解</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="301"/>
        <source>{model}: {new} new sites, {covered:.2f} % of the population served, objective {objective:.6g} ({status})</source>
        <translation>{model}：新增 {new} 处设施，服务 {covered:.2f} % 的人口，目标函数值 {objective:.6g}（{status}）</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="211"/>
        <source>Candidates</source>
        <translation>候选点</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="320"/>
        <source>The existing facilities need the capacity field &apos;{field}&apos; too</source>
        <translation>现有设施也需要容量字段 '{field}'</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="321"/>
        <source>Existing facilities</source>
        <translation>现有设施</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="326"/>
        <source>{n} sites have no capacity and count as 0 persons</source>
        <translation>{n} 个选址点没有容量，按 0 人计</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="342"/>
        <source>{n} demand points are more than {d:g} m from any road: no site can reach them</source>
        <translation>{n} 个需求点距任何道路都超过 {d:g} 米：没有选址点能够到达</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="348"/>
        <source>{n} sites are farther than MAX_SNAP from any road and cannot serve anyone</source>
        <translation>{n} 处设施点与最近道路的距离超过 MAX_SNAP，无法服务任何人</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="361"/>
        <source>A cost table needs COST_ORIGIN_FIELD, COST_DESTINATION_FIELD and COST_FIELD</source>
        <translation>成本表需要 COST_ORIGIN_FIELD、COST_DESTINATION_FIELD 和 COST_FIELD</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="368"/>
        <source>{n} rows of the cost table name ids that are not among the located demand points or sites; they are ignored</source>
        <translation>成本表中 {n} 行的编号不属于有位置的需求点或选址点，已忽略</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="375"/>
        <source>{n} rows of the cost table have no cost or an infinite one: those pairs are unreachable</source>
        <translation>成本表中 {n} 行没有成本或成本为无穷大：这些配对视为不可达</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/facilitylocation.py" line="43"/>
        <source>Optimality gap (%)</source>
        <translation>最优性间隙（%）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/facilitylocation.py" line="44"/>
        <source>Objective</source>
        <translation>目标函数</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/facilitylocation.py" line="45"/>
        <source>New sites</source>
        <translation>新增设施</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/facilitylocation.py" line="46"/>
        <source>Existing facilities kept open</source>
        <translation>保持开放的现有设施</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/facilitylocation.py" line="47"/>
        <source>Population served or covered</source>
        <translation>服务或覆盖人口</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/facilitylocation.py" line="51"/>
        <source>Mean cost per person served ({u})</source>
        <translation>受服务人口的人均成本（{u}）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/facilitylocation.py" line="52"/>
        <source>Largest cost of a person served ({u})</source>
        <translation>受服务人口的最大成本（{u}）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/facilitylocation.py" line="53"/>
        <source>Service distance or time ({u})</source>
        <translation>服务距离或时间（{u}）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/facilitylocation.py" line="54"/>
        <source>Demand points not fully served</source>
        <translation>未完全获得服务的需求点</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/facilitylocation.py" line="55"/>
        <source>Demand features without geometry (counted as not served)</source>
        <translation>无几何的需求要素（计为未服务）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/facilitylocation.py" line="59"/>
        <source>Solve time (s)</source>
        <translation>求解时间（s）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/facilitylocation.py" line="62"/>
        <source>Solution</source>
        <translation>解</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/facilitylocation.py" line="61"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/facilitylocation.py" line="61"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/facilitylocation.py" line="71"/>
        <source>New sites P</source>
        <translation>新增设施数 P</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/facilitylocation.py" line="71"/>
        <source>Population covered (%)</source>
        <translation>覆盖人口（%）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/facilitylocation.py" line="79"/>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/facilitylocation.py" line="80"/>
        <source>Covered (%)</source>
        <translation>覆盖率（%）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/facilitylocation.py" line="81"/>
        <source>Added by the last site (points)</source>
        <translation>最后一处设施带来的增量（百分点）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/facilitylocation.py" line="82"/>
        <source>Sites</source>
        <translation>新增设施</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/facilitylocation.py" line="64"/>
        <source>Coverage against the number of new sites</source>
        <translation>覆盖率随新增设施数的变化</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/facilitylocation.py" line="65"/>
        <source>Facility location report</source>
        <translation>设施选址报告</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/help/facilitylocation.py" line="10"/>
        <source>&lt;p&gt;Where to add shelters, first-aid stations or other facilities so that they serve the population best: the classic location-allocation models, solved exactly as mixed-integer programmes (HiGHS through scipy), with sparse formulations in which demand points covered by the same sites are merged.&lt;/p&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;DEMAND&lt;/b&gt; (points, or polygons by a point on their surface), &lt;b&gt;POPULATION_FIELD&lt;/b&gt; (the weight wᵢ, persons), &lt;b&gt;DEMAND_ID_FIELD&lt;/b&gt; (unique ids, used in messages and outputs).&lt;/li&gt;&lt;li&gt;&lt;b&gt;CANDIDATES&lt;/b&gt;, &lt;b&gt;CANDIDATE_ID_FIELD&lt;/b&gt;: the sites that may be opened. &lt;b&gt;EXISTING&lt;/b&gt;: facilities that are always open; they serve demand but do not count in P (their ids are taken from the same field when they have it).&lt;/li&gt;</source>
        <translation>&lt;p&gt;在何处新增避难场所、急救站或其他设施，才能最好地服务人口：经典的选址—分配模型，以混合整数规划（通过 scipy 调用 HiGHS）精确求解；采用稀疏建模，被同一组设施覆盖的需求点会先合并。&lt;/p&gt;&lt;h3&gt;参数&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;DEMAND&lt;/b&gt;（点，或以面内点代表的面）、&lt;b&gt;POPULATION_FIELD&lt;/b&gt;（权重 wᵢ，人）、&lt;b&gt;DEMAND_ID_FIELD&lt;/b&gt;（唯一编号，用于提示信息和输出）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;CANDIDATES&lt;/b&gt;、&lt;b&gt;CANDIDATE_ID_FIELD&lt;/b&gt;：可新建的候选点。&lt;b&gt;EXISTING&lt;/b&gt;：始终开放的现有设施；它们参与服务但不计入 P（若有同名字段，编号取自该字段）。&lt;/li&gt;</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/help/facilitylocation.py" line="10"/>
        <source>&lt;li&gt;&lt;b&gt;COST_TABLE&lt;/b&gt; with &lt;b&gt;COST_ORIGIN_FIELD&lt;/b&gt;, &lt;b&gt;COST_DESTINATION_FIELD&lt;/b&gt; and &lt;b&gt;COST_FIELD&lt;/b&gt;: an origin–destination table (demand id, site id, cost) from another routing tool, used instead of the network; pairs that are missing cannot be used.&lt;/li&gt;&lt;li&gt;&lt;b&gt;MODEL&lt;/b&gt;: &lt;i&gt;LSCP&lt;/i&gt; (Toregas et al. 1971) min Σ yⱼ such that every demand point with people has an open site within S; &lt;i&gt;MCLP&lt;/i&gt; (Church &amp;amp; ReVelle 1974) max Σ wᵢzᵢ with zᵢ ≤ Σ_{j: cᵢⱼ ≤ S} yⱼ and Σ yⱼ = P; &lt;i&gt;p-median&lt;/i&gt; (Hakimi 1964; ReVelle &amp;amp; Swain 1970) min Σ wᵢcᵢⱼxᵢⱼ with each point assigned to an open site; &lt;i&gt;p-center&lt;/i&gt; min W such that every served point is within W of its site.&lt;/li&gt;&lt;li&gt;&lt;b&gt;CAPACITY_FIELD&lt;/b&gt; (persons, on the candidates and the existing facilities): capacitated variants, Σᵢ wᵢxᵢⱼ ≤ capⱼ yⱼ; a demand point may then be split between sites.&lt;/li&gt;&lt;li&gt;&lt;b&gt;P&lt;/b&gt;: number of new sites. &lt;b&gt;SERVICE_DISTANCE&lt;/b&gt; S in metres or minutes: the coverage radius of LSCP and MCLP; for p-median and p-center an optional longest allowed trip (0 = none).&lt;/li&gt;&lt;li&gt;&lt;b&gt;TIME_LIMIT&lt;/b&gt; (s) and &lt;b&gt;MIP_GAP&lt;/b&gt; (%): the solver stops at the limit with its best solution and the gap between it and the proven bound is reported; 0 % asks for a proven optimum.&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT_SITES&lt;/b&gt;: the open sites with existing (1/0), served people, capacity and load ratio; &lt;b&gt;OUTPUT_ALLOCATION&lt;/b&gt;: a line from each demand point to the site serving it, with people and cost; &lt;b&gt;OBJECTIVE&lt;/b&gt; (sites, covered people, person-metres or the longest trip); &lt;b&gt;COVERED_PERCENT&lt;/b&gt;; &lt;b&gt;COVERAGE_CURVE&lt;/b&gt;: for MCLP the covered percent with 1, 2, …, P new sites, the marginal value of each site; &lt;b&gt;STATUS&lt;/b&gt; (optimal or time limit); &lt;b&gt;OUTPUT_HTML&lt;/b&gt;: the solution, the coverage curve and the sites added at each step.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;An LSCP that cannot be satisfied (a demand point with no candidate within S) is refused with the ids of those demand points.&lt;/p&gt;&lt;h3&gt;References&lt;/h3&gt;&lt;p&gt;Toregas C, Swain R, ReVelle C, Bergman L (1971) The location of emergency service facilities. Operations Research 19(6): 1363–1373. Church R, ReVelle C (1974) The maximal covering location problem. Papers of the Regional Science Association 32: 101–118. Hakimi S L (1964) Optimum locations of switching centers and the absolute centers and medians of a graph. Operations Research 12(3): 450–459. Huangfu Q, Hall J A J (2018) Parallelizing the dual revised simplex method. Math. Prog. Comp. 10: 119–142 (HiGHS).&lt;/p&gt;</source>
        <translation>&lt;li&gt;&lt;b&gt;COST_TABLE&lt;/b&gt; 及 &lt;b&gt;COST_ORIGIN_FIELD&lt;/b&gt;、&lt;b&gt;COST_DESTINATION_FIELD&lt;/b&gt;、&lt;b&gt;COST_FIELD&lt;/b&gt;：来自其他路径分析工具的起讫点成本表（需求点编号、设施编号、成本），代替道路网络使用；表中缺失的组合视为不可达。&lt;/li&gt;&lt;li&gt;&lt;b&gt;MODEL&lt;/b&gt;：&lt;i&gt;集合覆盖模型（LSCP）&lt;/i&gt;（Toregas 等 1971）min Σ yⱼ，使每个有人口的需求点在 S 以内都有开放设施；&lt;i&gt;最大覆盖模型（MCLP）&lt;/i&gt;（Church &amp;amp; ReVelle 1974）max Σ wᵢzᵢ，zᵢ ≤ Σ_{j: cᵢⱼ ≤ S} yⱼ，Σ yⱼ = P；&lt;i&gt;p-中位模型&lt;/i&gt;（Hakimi 1964；ReVelle &amp;amp; Swain 1970）min Σ wᵢcᵢⱼxᵢⱼ，每个需求点分配给一个开放设施；&lt;i&gt;p-中心模型&lt;/i&gt; min W，使每个被服务的需求点到其设施的成本不超过 W。&lt;/li&gt;&lt;li&gt;&lt;b&gt;CAPACITY_FIELD&lt;/b&gt;（人，候选点和现有设施上的字段）：有容量约束的模型，Σᵢ wᵢxᵢⱼ ≤ capⱼ yⱼ；此时一个需求点可由多个设施分担。&lt;/li&gt;&lt;li&gt;&lt;b&gt;P&lt;/b&gt;：新增设施数。&lt;b&gt;SERVICE_DISTANCE&lt;/b&gt; S（米或分钟）：LSCP 和 MCLP 的覆盖半径；对 p-中位和 p-中心模型为可选的最长允许出行（0 = 不限）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;TIME_LIMIT&lt;/b&gt;（秒）和 &lt;b&gt;MIP_GAP&lt;/b&gt;（%）：求解器达到时间上限时返回当前最优解，并报告其与已证明界之间的间隙；0 % 表示要求证明最优。&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT_SITES&lt;/b&gt;：开放的设施，含 existing（1/0）、服务人数、容量和负荷率；&lt;b&gt;OUTPUT_ALLOCATION&lt;/b&gt;：每个需求点到其服务设施的连线，含人数和成本；&lt;b&gt;OBJECTIVE&lt;/b&gt;（设施数、覆盖人数、人·米或最长出行）；&lt;b&gt;COVERED_PERCENT&lt;/b&gt;；&lt;b&gt;COVERAGE_CURVE&lt;/b&gt;：MCLP 新增 1、2、…、P 个设施时的覆盖百分比，即每处设施的边际价值；&lt;b&gt;STATUS&lt;/b&gt;（optimal 最优或 time limit 达到时间上限）；&lt;b&gt;OUTPUT_HTML&lt;/b&gt;：求解结果、覆盖曲线及每一步新增的设施。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;无法满足的集合覆盖问题（某需求点在 S 内没有任何候选点）会被拒绝，并列出这些需求点的编号。&lt;/p&gt;&lt;h3&gt;参考文献&lt;/h3&gt;&lt;p&gt;Toregas C, Swain R, ReVelle C, Bergman L (1971) The location of emergency service facilities. Operations Research 19(6): 1363–1373. Church R, ReVelle C (1974) The maximal covering location problem. Papers of the Regional Science Association 32: 101–118. Hakimi S L (1964) Optimum locations of switching centers and the absolute centers and medians of a graph. Operations Research 12(3): 450–459. Huangfu Q, Hall J A J (2018) Parallelizing the dual revised simplex method. Math. Prog. Comp. 10: 119–142 (HiGHS).&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/help/facilitylocation.py" line="54"/>
        <source>TIME_LIMIT is one wall-clock budget for all the solving, the coverage curve included (HiGHS runs in slices of about a second, so that cancelling is heard). Cost tables: NaN, negative or non-numeric costs and pairs given twice are refused naming the row; NULL and +∞ mean unreachable (reported).</source>
        <translation>TIME_LIMIT 是全部求解（包括覆盖曲线）的一个实际用时预算（HiGHS 以约一秒为一段运行，以便响应取消）。成本表：NaN、负值或非数值的成本以及重复给出的点对会被拒绝并指出所在行；NULL 和 +∞ 表示不可达（并报告）。</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="106"/>
        <source>Facilities already built: always open and not counted in P. Their ids come from CANDIDATE_ID_FIELD when they have that field; with CAPACITY_FIELD they need it too.</source>
        <translation>已建成的设施：始终开放，不计入 P。若含 CANDIDATE_ID_FIELD 字段则以其为编号；使用 CAPACITY_FIELD 时它们也须含该字段。</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="126"/>
        <source>Origin–destination cost table</source>
        <translation>起讫点（OD）成本表</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="126"/>
        <source>Rows of (demand id, site id, cost) from another routing tool, used instead of the network; a pair without a row or with an empty cost is unreachable. Ids as DEMAND_ID_FIELD and CANDIDATE_ID_FIELD give them.</source>
        <translation>来自其他路径分析工具的（需求编号、站点编号、成本）记录，用于代替道路网络；没有记录或成本为空的配对视为不可达。编号须与 DEMAND_ID_FIELD 和 CANDIDATE_ID_FIELD 的取值一致。</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="153"/>
        <source>Capacity field (persons)</source>
        <translation>容量字段（人）</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="153"/>
        <source>Persons each site can serve; given, the model is capacitated (a demand point may be split between sites).</source>
        <translation>每个站点可服务的人数；给出后为有容量约束的模型（一个需求点可分配到多个站点）。</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="165"/>
        <source>New sites to open (MCLP, p-median, p-center); LSCP finds the fewest itself.</source>
        <translation>新建站点数（MCLP、p-中位、p-中心）；LSCP 自行求出所需的最少站点数。</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="171"/>
        <source>Service distance or time</source>
        <translation>服务距离或时间</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="171"/>
        <source>In the unit of COST. Needed by LSCP and MCLP; for p-median and p-center 0 = no limit.</source>
        <translation>单位与 COST 一致。LSCP 和 MCLP 必须给出；对 p-中位和 p-中心模型，0 = 不设限。</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="177"/>
        <source>Wall-clock budget for all the solving; when it runs out, the best solution found is returned and its gap reported.</source>
        <translation>全部求解过程的实际耗时上限；时间用尽时返回已找到的最好解，并报告其最优性间隙。</translation>
    </message>
    <message>
        <location filename="../processing_provider/facility_location.py" line="183"/>
        <source>The solver stops once its solution is proven within this gap of the optimum; 0 = proven optimal.</source>
        <translation>当解被证明与最优值的差距不超过此间隙时求解器停止；0 = 须证明最优。</translation>
    </message>
</context>
<context>
    <name>LandAllocation</name>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="97"/>
        <source>Land allocation scenarios (NSGA-II)</source>
        <translation>用地优化配置情景（NSGA-II）</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="100"/>
        <source>Allocate land uses to parcels or grid cells: area demands met, locked land kept, suitability, risk exposure, compactness and conversions traded off on a Pareto front</source>
        <translation>为地块或格网单元配置土地用途：满足各用途面积需求、保持锁定用地不变，在帕累托前沿上权衡适宜性、风险暴露、紧凑度与用途转换</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="106"/>
        <source>land use,allocation,optimisation,multi-objective,NSGA-II,Pareto,genetic algorithm,scenario,risk,compactness,土地利用,优化配置,多目标,情景,遗传算法</source>
        <translation>土地利用,用地配置,优化,多目标,NSGA-II,帕累托,遗传算法,情景,风险,紧凑度,land use,allocation,optimisation,multi-objective,Pareto</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="130"/>
        <source>Or current use raster (classes)</source>
        <translation>或现状用途栅格（类别）</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="149"/>
        <source>Risk raster (0–1)</source>
        <translation>风险栅格（0–1）</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="150"/>
        <source>Or risk field (0–1)</source>
        <translation>或风险字段（0–1）</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="169"/>
        <source>Objectives</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="174"/>
        <source>Population size (solutions per generation)</source>
        <translation>种群规模（每代解的个数）</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="179"/>
        <source>Generations</source>
        <translation>迭代代数</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="180"/>
        <source>Random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="184"/>
        <source>Allocated land use (compromise and kept scenarios)</source>
        <translation>配置后的土地用途（折中解及保留情景）</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="185"/>
        <source>Pareto front (objective values of every solution)</source>
        <translation>帕累托前沿（每个解的目标值）</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="194"/>
        <source>Land allocation report</source>
        <translation>用地优化配置报告</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="194"/>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="199"/>
        <source>Normalised hypervolume of the final front</source>
        <translation>最终前沿的归一化超体积</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="200"/>
        <source>Solution id of the compromise (knee) solution</source>
        <translation>折中（拐点）解的编号</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="201"/>
        <source>Number of non-dominated solutions</source>
        <translation>非支配解个数</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="209"/>
        <source>{label}: &apos;{text}&apos; is neither a field of the planning units nor a raster (path, layer id or layer name)</source>
        <translation>{label}：“{text}”既不是规划单元的字段，也不是栅格（路径、图层 ID 或图层名称）</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="224"/>
        <source>Give the planning units (UNITS), or a CELL_SIZE for a grid over the first suitability raster</source>
        <translation>请给出规划单元（UNITS），或给出 CELL_SIZE 以在第一个适宜性栅格上生成格网</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="226"/>
        <source>CELL_SIZE is ignored: the planning units are given</source>
        <translation>已给出规划单元，忽略 CELL_SIZE</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="230"/>
        <source>{parameter} is ignored: the cells of a grid have no fields</source>
        <translation>{parameter} 被忽略：格网单元没有字段</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="238"/>
        <source>DEMAND has no row for &apos;{use}&apos;: its area is left free</source>
        <translation>DEMAND 中没有“{use}”一行：其面积不受约束</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="244"/>
        <source>Choose at least one objective</source>
        <translation>请至少选择一个目标</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="309"/>
        <source>SUITABILITY of {use}</source>
        <translation>{use} 的 SUITABILITY</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="328"/>
        <source>No current use is given: every unit counts as &apos;other&apos; now, so conversions measure the planned area</source>
        <translation>未给出现状用途：所有单元现状均视为“other”，因此用途转换量即为规划用地面积</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="332"/>
        <source>A grid (CELL_SIZE) needs at least one raster: give suitability rasters in SUITABILITY</source>
        <translation>格网（CELL_SIZE）至少需要一个栅格：请在 SUITABILITY 中给出适宜性栅格</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="256"/>
        <source>NSGA-II: {size} solutions × {generations} generations, seed {seed}</source>
        <translation>NSGA-II：{size} 个解 × {generations} 代，随机种子 {seed}</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="265"/>
        <source>{count} non-dominated solutions; compromise (knee): solution {knee}; hypervolume {hv:.4f}</source>
        <translation>{count} 个非支配解；折中（拐点）解：第 {knee} 号；超体积 {hv:.4f}</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="368"/>
        <source>The input field &apos;{field}&apos; is replaced by the computed one of the same name</source>
        <translation>输入字段“{field}”被同名的计算字段替换</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="71"/>
        <source>max</source>
        <translation>最大化</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="71"/>
        <source>min</source>
        <translation>最小化</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="119"/>
        <source>grid of {size:g} m cells</source>
        <translation>个 {size:g} 米格网单元</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="121"/>
        <source>polygons</source>
        <translation>个多边形</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="123"/>
        <source>population (POPULATION_FIELD '{field}') × risk</source>
        <translation>人口（POPULATION_FIELD“{field}”）× 风险</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="125"/>
        <source>area (ha) × risk</source>
        <translation>面积（公顷）× 风险</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="148"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="148"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="122"/>
        <source>Planning units</source>
        <translation>规划单元</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="131"/>
        <source>{n} {mode}, {area} ha</source>
        <translation>{n} {mode}，{area} 公顷</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="135"/>
        <source>Locked units</source>
        <translation>锁定单元</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="135"/>
        <source>{n} ({area} ha)</source>
        <translation>{n} 个（{area} 公顷）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="140"/>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="141"/>
        <source>Development uses (exposure)</source>
        <translation>建设用途（暴露）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="142"/>
        <source>Exposure of a development unit</source>
        <translation>建设单元的暴露量</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="143"/>
        <source>NSGA-II</source>
        <translation>NSGA-II</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="39"/>
        <source>{size} solutions × {generations} generations, seed {seed}</source>
        <translation>{size} 个解 × {generations} 代，随机种子 {seed}</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="144"/>
        <source>Non-dominated solutions</source>
        <translation>非支配解</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="145"/>
        <source>Compromise (knee) solution</source>
        <translation>折中（拐点）解</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="146"/>
        <source>Normalised hypervolume</source>
        <translation>归一化超体积</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="165"/>
        <source>free</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="169"/>
        <source>Use</source>
        <translation>用途</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="170"/>
        <source>Demand (ha)</source>
        <translation>需求（公顷）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="171"/>
        <source>Tolerance (ha)</source>
        <translation>容差（公顷）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="172"/>
        <source>Allowed area (ha)</source>
        <translation>允许面积（公顷）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="173"/>
        <source>Current (ha)</source>
        <translation>现状（公顷）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="174"/>
        <source>Locked (ha)</source>
        <translation>锁定（公顷）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="175"/>
        <source>Unlocked and suitable (ha)</source>
        <translation>未锁定且适宜（公顷）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="176"/>
        <source>Compromise (ha)</source>
        <translation>折中解（公顷）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="83"/>
        <source>Set-up</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="84"/>
        <source>Land uses and demands</source>
        <translation>土地用途与需求</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="27"/>
        <source>Every point is a non-dominated allocation: none is at least as good in every objective and better in one. s1 is the compromise (knee): the solution nearest the ideal point once each objective is scaled to 0–1 over the front; s2… are the best solution in each objective, then solutions spread along the front. Better is up and to the right.</source>
        <translation>每个点都是一个非支配配置方案：没有其他方案在所有目标上都不差且至少一个目标更优。s1 为折中解（拐点）：各目标在前沿上缩放到 0–1 后距理想点最近的解；s2… 依次为各目标的最优解，再为沿前沿均匀分布的解。越靠上、越靠右越好。</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="85"/>
        <source>Pareto front</source>
        <translation>帕累托前沿</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="218"/>
        <source>Risk-weighted development (ha)</source>
        <translation>风险加权建设用地（公顷）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="223"/>
        <source>Exposed population</source>
        <translation>暴露人口</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="228"/>
        <source>Converted (ha)</source>
        <translation>转换面积（公顷）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="229"/>
        <source>Converted units</source>
        <translation>转换单元数</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="234"/>
        <source>Scenario</source>
        <translation>情景</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="235"/>
        <source>Solution</source>
        <translation>解</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="236"/>
        <source>Column</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="238"/>
        <source>other (ha)</source>
        <translation>其他（公顷）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="239"/>
        <source>(knee)</source>
        <translation>（拐点）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="247"/>
        <source>Area per use (ha)</source>
        <translation>各用途面积（公顷）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="232"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="258"/>
        <source>Risk exposure (persons)</source>
        <translation>风险暴露（人）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="261"/>
        <source>Risk exposure (ha)</source>
        <translation>风险暴露（公顷）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="263"/>
        <source>Converted area (ha)</source>
        <translation>转换面积（公顷）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="86"/>
        <source>Scenarios compared</source>
        <translation>情景比较</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="38"/>
        <source>Transitions of the compromise scenario (ha, rows: current use, columns: allocated use)</source>
        <translation>折中情景的用途转移（公顷；行：现状用途，列：配置用途）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="95"/>
        <source>Current ↓ / allocated →</source>
        <translation>现状 ↓ / 配置 →</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="104"/>
        <source>Hypervolume by generation</source>
        <translation>各代超体积</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="33"/>
        <source>The share of the objective space, each objective scaled by fixed bounds (reference point 1.1), that the front dominates; it rises while the search improves and levels off when it converges.</source>
        <translation>前沿所支配的目标空间份额（各目标按固定上下界缩放，参考点为 1.1）；搜索改进时上升，收敛后趋于平稳。</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="101"/>
        <source>Generation</source>
        <translation>代</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="101"/>
        <source>Hypervolume</source>
        <translation>超体积</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="106"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="113"/>
        <source>All non-dominated solutions</source>
        <translation>全部非支配解</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="112"/>
        <source>Knee</source>
        <translation>拐点</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/landallocation.py" line="114"/>
        <source>Land allocation scenarios report</source>
        <translation>用地优化配置情景报告</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/help/landallocation.py" line="9"/>
        <source>&lt;p&gt;Scenario land allocation (情景用地优化配置) — the multi-objective genetic algorithm of the second implementation path, zoning that adapts to uncertainty: every planning unit (a parcel, or a cell of a regular grid) gets a land use so that the area demanded of each use is met within its tolerance and locked land (ecological protection red line, permanent basic farmland, heritage) keeps its current use, while suitability, exposure to risk, compactness and conversions are traded off. The result is not one plan but a Pareto front of scenarios to choose from: the compromise (knee) scenario is mapped, with a few others spread along the front.&lt;/p&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;UNITS&lt;/b&gt;: planning units (polygons in a projected CRS in metres; their planimetric areas in hectares). Empty: a grid of square cells &lt;b&gt;CELL_SIZE&lt;/b&gt; metres wide laid from the upper-left corner over the extent of the first raster of SUITABILITY (at least one of its cells wide); cells where that raster has no data are left out, and a cell's area is that of the raster cells with data whose centres it holds, so cells on the edge count only their part of the study area. Grid neighbours share an edge (4-neighbourhood, weight 1); polygons are neighbours when they share a boundary of positive length (corners do not count), weighted by that length in metres (boundaries within 1 cm of each other count as shared). Polygons should not overlap.&lt;/li&gt;&lt;li&gt;&lt;b&gt;SUITABILITY&lt;/b&gt;: one row per land use, rows separated by new lines or semicolons, values by commas: &lt;i&gt;use, source&lt;/i&gt;, the source being a numeric field of UNITS or a raster (file path, or the id or name of a loaded layer), e.g. &lt;code&gt;urban, suit_urban; farmland, /data/farmland_suitability.tif&lt;/code&gt;. The rows define the uses and their order. Values 0–1 (e.g. OUTPUT_MEAN of tsr:suitability); NULL or no raster data means the use may not be placed on the unit. A source that names a field is read as the field. The value of a raster for a polygon is the mean of the cells whose centres fall inside it (a polygon that holds no cell centre takes the cell under a point inside it); for a grid cell, the mean of the raster cells in it. Rasters on another grid are first aligned (bilinear) to the first raster named.&lt;/li&gt;&lt;li&gt;&lt;b&gt;DEMAND&lt;/b&gt;: one row per use: &lt;i&gt;use, required area (ha), tolerance&lt;/i&gt;, the tolerance in hectares or as a percentage of the required area (default 0), e.g. &lt;code&gt;urban, 1200, 50; farmland, 3000, 5%&lt;/code&gt;. Every scenario returned meets d − t ≤ A ≤ d + t for every use, locked units included. A use without a row has no demand (its area is free); a use that is not in SUITABILITY is refused. Units are allocated whole, so a tolerance narrower than the units may be impossible to meet: the run then stops and names the use; so does a demand that the suitable unlocked land cannot hold.&lt;/li&gt;&lt;li&gt;&lt;b&gt;CURRENT_USE_FIELD&lt;/b&gt;: the current use of each unit, written as the use names (case and surrounding spaces ignored); any other value, or NULL, is &lt;i&gt;other&lt;/i&gt; (none of the planned uses: water, roads, reserved land…). Or &lt;b&gt;CURRENT_USE_RASTER&lt;/b&gt;, a class raster such as a land-cover map, with &lt;b&gt;CURRENT_USE_CLASSES&lt;/b&gt;: rows &lt;i&gt;use, value, value…&lt;/i&gt;, e.g. &lt;code&gt;urban, 5; farmland, 1; forest, 2, 3&lt;/code&gt;; a unit takes the class most of its cells hold (ties: the smallest value). Without either, every unit is &lt;i&gt;other&lt;/i&gt; today.&lt;/li&gt;&lt;li&gt;&lt;b&gt;LOCKED_FIELD&lt;/b&gt;: units that may not change: a number other than 0, or yes/true/1, locks; NULL, 0, no/false do not. &lt;b&gt;LOCKED_ZONES&lt;/b&gt;: polygon layers (any CRS) that lock the units whose point on surface (a grid cell's centre) lies inside them — e.g. the ecological protection red line and the permanent basic farmland. A locked unit keeps its current use and counts towards that use's area.&lt;/li&gt;&lt;li&gt;&lt;b&gt;RISK&lt;/b&gt;: a 0–1 risk raster (e.g. the index of tsr:multihazardoverlay), or &lt;b&gt;RISK_FIELD&lt;/b&gt;: a numeric 0–1 field of UNITS; not both. They are two parameters rather than one text so that the Model Builder can connect the raster output of an earlier step to RISK and offer a list of fields for RISK_FIELD; with qgis_process RISK is a raster path and RISK_FIELD a field name. Every unit needs a risk value.&lt;/li&gt;&lt;li&gt;&lt;b&gt;POPULATION_FIELD&lt;/b&gt;: the persons a unit holds, or would hold as development (e.g. planned density × area): the exposure then counts persons; without it, hectares. &lt;b&gt;DEVELOPMENT_USES&lt;/b&gt;: comma list of the uses whose land counts as exposed (e.g. &lt;code&gt;urban, industrial&lt;/code&gt;); needed by the exposure objective.&lt;/li&gt;&lt;li&gt;&lt;b&gt;OBJECTIVES&lt;/b&gt;: any of the four, in this order (default all), with x&lt;sub&gt;i&lt;/sub&gt; the use given to unit i, a&lt;sub&gt;i&lt;/sub&gt; its area (ha), s&lt;sub&gt;iu&lt;/sub&gt; its suitability for use u, r&lt;sub&gt;i&lt;/sub&gt; its risk and c&lt;sub&gt;i&lt;/sub&gt; its current use: &lt;i&gt;maximise suitability&lt;/i&gt; S = Σ a&lt;sub&gt;i&lt;/sub&gt;s&lt;sub&gt;i,x&lt;sub&gt;i&lt;/sub&gt;&lt;/sub&gt; / Σ a&lt;sub&gt;i&lt;/sub&gt; over the unlocked units given a planned use (0–1); &lt;i&gt;minimise exposure&lt;/i&gt; E = Σ w&lt;sub&gt;i&lt;/sub&gt;r&lt;sub&gt;i&lt;/sub&gt; over the units given a development use, w&lt;sub&gt;i&lt;/sub&gt; the population (persons) or the area (ha: a risk-weighted development area); &lt;i&gt;maximise compactness&lt;/i&gt; C = Σ w&lt;sub&gt;ij&lt;/sub&gt;[x&lt;sub&gt;i&lt;/sub&gt; = x&lt;sub&gt;j&lt;/sub&gt;] / Σ w&lt;sub&gt;ij&lt;/sub&gt; over the ordered pairs of neighbours (i, j) with x&lt;sub&gt;i&lt;/sub&gt; a planned use, w&lt;sub&gt;ij&lt;/sub&gt; the adjacency weight: the share of the boundary of the planned uses' units that they share with units of the same use (0–1; the edge of the study area does not count); &lt;i&gt;minimise conversions&lt;/i&gt; V = Σ a&lt;sub&gt;i&lt;/sub&gt;[x&lt;sub&gt;i&lt;/sub&gt; ≠ c&lt;sub&gt;i&lt;/sub&gt;] (ha). Locked units count in E, C and V, not in S.&lt;/li&gt;&lt;li&gt;&lt;b&gt;POPULATION_SIZE&lt;/b&gt; (solutions per generation, default 100), &lt;b&gt;GENERATIONS&lt;/b&gt; (default 200) and &lt;b&gt;SEED&lt;/b&gt;: the same inputs and seed give the same scenarios. A run costs about POPULATION_SIZE × GENERATIONS repairs: 100 × 200 on 3000 units takes some 20 s.&lt;/li&gt;&lt;li&gt;&lt;b&gt;SCENARIOS&lt;/b&gt; (default 5): how many scenarios are kept as columns: s1 is the knee, then the best solution in each objective, then repeatedly the solution farthest (Euclidean distance, objectives scaled to 0–1 over the front) from those already kept.&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: the units with their attributes (grid: unit_id, grid_row, grid_col) and area_ha, current_use, locked (0/1), risk, &lt;i&gt;use&lt;/i&gt; (the compromise scenario), changed (0/1: use differs from the current use) and use_s1, use_s2, … (s1 = the knee). Uses are written by name, &lt;i&gt;other&lt;/i&gt; for none of them; a unit left unplanned keeps its current value (e.g. &lt;i&gt;water&lt;/i&gt;). An input field with one of these names is replaced.&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT_PARETO&lt;/b&gt;: one row per non-dominated solution, sorted by the objectives: solution_id, one column per objective in its natural sense — suitability (0–1), exposed_population (persons) or exposed_area_ha (ha), compactness (0–1), converted_ha (ha) — knee (0/1), kept (0/1) and scenario (its column in OUTPUT).&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT_HTML&lt;/b&gt;: set-up and demands; the front as a scatter plot (two objectives) or a scatter matrix and parallel coordinates (three or four); the kept scenarios compared on the objectives, the area per use, the risk exposure and the conversions (tables and bars); the transitions of the compromise scenario; the hypervolume by generation; every solution.&lt;/li&gt;&lt;li&gt;&lt;b&gt;HYPERVOLUME&lt;/b&gt;: normalised hypervolume of the final front; &lt;b&gt;KNEE_ID&lt;/b&gt;: solution_id of the compromise; &lt;b&gt;FRONT_SIZE&lt;/b&gt;: number of non-dominated solutions.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Method&lt;/h3&gt;&lt;p&gt;NSGA-II: fast non-dominated sorting, crowding distance, binary tournaments and elitist (μ + λ) survival; copies of an allocation are put after every distinct one. Every operator keeps the solutions feasible and never touches a locked unit: &lt;i&gt;crossover&lt;/i&gt; copies contiguous zones (regions of about 1 to 256 units around random seed units on the adjacency graph) from the second parent; &lt;i&gt;mutation&lt;/i&gt; gives a whole zone one use, or moves patch edges (a unit takes a neighbour's use); &lt;i&gt;repair&lt;/i&gt; then brings every use within its demand ± tolerance, shrinking a use from the edges of its patches and growing it from the units next to them, ranked by a merit that mixes suitability, exposure and keeping the current use with weights drawn afresh for each repair. The first generation holds the current uses, the most suitable use of every unit and the empty plan, each repaired, and variants of them. Before the run the demands are checked against the land that can take them (Hall's condition over every set of uses).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Knee&lt;/b&gt; (the compromise): with every objective scaled to 0–1 over the front, f' = (f − min)/(max − min), the solution nearest the ideal point (0, …, 0) — the L2 compromise solution. &lt;b&gt;Hypervolume&lt;/b&gt;: the volume of the objective space that the front dominates up to a reference point, computed exactly on objectives scaled by fixed bounds (S and C: 0–1; V: 0 to the unlocked area; E: from the exposure of the locked development to that plus every unlocked unit that could be developed) with the reference point 1.1 in each, so it lies between 0 and 1.1&lt;sup&gt;m&lt;/sup&gt; for m objectives and can be compared across generations; it rises while the search improves. The optimiser is validated on ZDT1, whose front f₂ = 1 − √f₁ is known, by the hypervolume it reaches.&lt;/p&gt;&lt;h3&gt;References&lt;/h3&gt;&lt;p&gt;Deb K, Pratap A, Agarwal S, Meyarivan T (2002) A fast and elitist multiobjective genetic algorithm: NSGA-II. IEEE Transactions on Evolutionary Computation 6(2): 182–197. Zitzler E, Thiele L (1998) Multiobjective optimization using evolutionary algorithms — a comparative case study. PPSN V, LNCS 1498: 292–301. Zitzler E, Thiele L (1999) Multiobjective evolutionary algorithms: a comparative case study and the strength Pareto approach. IEEE Transactions on Evolutionary Computation 3(4): 257–271. Zitzler E, Deb K, Thiele L (2000) Comparison of multiobjective evolutionary algorithms: empirical results. Evolutionary Computation 8(2): 173–195 (ZDT1). Stewart T J, Janssen R, van Herwijnen M (2004) A genetic algorithm approach to multiobjective land use planning. Computers &amp;amp; Operations Research 31(14): 2293–2313. Cao K, Batty M, Huang B, Liu Y, Yu L, Chen J (2011) Spatial multi-objective land use optimization: extensions to the non-dominated sorting genetic algorithm-II. International Journal of Geographical Information Science 25(12): 1949–1969. Cao K, Huang B, Wang S, Lin H (2012) Sustainable land use optimization using Boundary-based Fast Genetic Algorithm. Computers, Environment and Urban Systems 36(3): 257–269. Yu P L (1973) A class of solutions for group decision problems. Management Science 19(8): 936–946. Hall P (1935) On representatives of subsets. Journal of the London Mathematical Society 10(1): 26–30.&lt;/p&gt;</source>
        <translation>&lt;p&gt;情景用地优化配置 —— 第二条实施路径“优化适应不确定性的国土空间分区”中的多目标遗传算法：为每个规划单元（地块，或规则格网的单元）配置一种土地用途，使各用途的需求面积在容差范围内得到满足、锁定用地（生态保护红线、永久基本农田、历史文化保护区）保持现状用途，同时在适宜性、风险暴露、紧凑度与用途转换之间进行权衡。结果不是单一方案，而是一条供选择的情景帕累托前沿：地图给出折中（拐点）情景，并保留沿前沿分布的若干其他情景。&lt;/p&gt;&lt;h3&gt;参数&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;UNITS&lt;/b&gt;：规划单元（多边形，投影坐标系，单位为米；面积取其平面面积，单位公顷）。留空时：在 SUITABILITY 的第一个栅格范围上，从左上角起铺设边长为 &lt;b&gt;CELL_SIZE&lt;/b&gt; 米的正方形格网（不小于一个栅格像元）；该栅格无数据处的格网单元被剔除，单元面积为其包含的、中心落在单元内的有效栅格像元面积之和，因此边缘单元只计其位于研究区内的部分。格网单元以共边为相邻（四邻域，权重 1）；多边形在共享长度大于零的边界时相邻（仅角点相接不算），权重为共享边界长度（米；相距 1 厘米以内的边界视为共享）。多边形之间不应重叠。&lt;/li&gt;&lt;li&gt;&lt;b&gt;SUITABILITY&lt;/b&gt;：每种用途一行，行之间用换行或分号分隔，值之间用逗号分隔：&lt;i&gt;用途, 来源&lt;/i&gt;，来源为 UNITS 的数值字段或栅格（文件路径，或已加载图层的 ID 或名称），例如 &lt;code&gt;urban, suit_urban; farmland, /data/farmland_suitability.tif&lt;/code&gt;。各行定义了用途及其顺序。取值 0–1（如 tsr:suitability 的 OUTPUT_MEAN）；NULL 或无栅格数据表示该用途不得配置到该单元。与字段同名的来源按字段读取。栅格在多边形上的取值为中心落在多边形内的像元的均值（不含任何像元中心的多边形取其内部一点所在像元的值）；在格网单元上为单元内栅格像元的均值。其他网格上的栅格先（双线性）对齐到所列的第一个栅格。&lt;/li&gt;&lt;li&gt;&lt;b&gt;DEMAND&lt;/b&gt;：每种用途一行：&lt;i&gt;用途, 需求面积（公顷）, 容差&lt;/i&gt;，容差为公顷数或需求面积的百分比（默认 0），例如 &lt;code&gt;urban, 1200, 50; farmland, 3000, 5%&lt;/code&gt;。返回的每个情景对每种用途都满足 d − t ≤ A ≤ d + t（含锁定单元）。没有对应行的用途不设需求（面积不受约束）；不在 SUITABILITY 中的用途会被拒绝。单元按整体配置，容差小于单元面积时可能无法满足：此时运行中止并指出该用途；适宜的未锁定用地容纳不下的需求同样如此。&lt;/li&gt;&lt;li&gt;&lt;b&gt;CURRENT_USE_FIELD&lt;/b&gt;：各单元的现状用途，以用途名称书写（忽略大小写和首尾空格）；其他值或 NULL 视为 &lt;i&gt;other&lt;/i&gt;（不属于任何规划用途：水域、道路、留白用地…）。或者给出 &lt;b&gt;CURRENT_USE_RASTER&lt;/b&gt;（类别栅格，如土地覆盖图）及 &lt;b&gt;CURRENT_USE_CLASSES&lt;/b&gt;：每行 &lt;i&gt;用途, 值, 值…&lt;/i&gt;，例如 &lt;code&gt;urban, 5; farmland, 1; forest, 2, 3&lt;/code&gt;；单元取其像元中出现最多的类别（并列时取最小值）。两者都未给出时，所有单元现状均为 &lt;i&gt;other&lt;/i&gt;。&lt;/li&gt;&lt;li&gt;&lt;b&gt;LOCKED_FIELD&lt;/b&gt;：不得改变的单元：非 0 的数值或 yes/true/1 表示锁定；NULL、0、no/false 表示不锁定。&lt;b&gt;LOCKED_ZONES&lt;/b&gt;：多边形图层（任意坐标系），其内部包含单元内部点（格网单元为中心点）的单元被锁定 —— 例如生态保护红线和永久基本农田。锁定单元保持现状用途，并计入该用途的面积。&lt;/li&gt;&lt;li&gt;&lt;b&gt;RISK&lt;/b&gt;：0–1 风险栅格（如 tsr:multihazardoverlay 的综合指数），或 &lt;b&gt;RISK_FIELD&lt;/b&gt;：UNITS 的 0–1 数值字段；二者只能给一个。之所以分为两个参数而不是一个文本，是为了让图形建模器能把前一步输出的栅格接到 RISK，并为 RISK_FIELD 提供字段列表；在 qgis_process 中 RISK 为栅格路径，RISK_FIELD 为字段名。每个单元都必须有风险值。&lt;/li&gt;&lt;li&gt;&lt;b&gt;POPULATION_FIELD&lt;/b&gt;：单元现有的人口，或作为建设用地时将容纳的人口（如规划密度 × 面积）：此时暴露量按人计；否则按公顷计。&lt;b&gt;DEVELOPMENT_USES&lt;/b&gt;：其用地计为暴露的用途，逗号分隔（如 &lt;code&gt;urban, industrial&lt;/code&gt;）；风险暴露目标需要此参数。&lt;/li&gt;&lt;li&gt;&lt;b&gt;OBJECTIVES&lt;/b&gt;：以下四个目标中的任意几个，按此顺序（默认全部）。记 x&lt;sub&gt;i&lt;/sub&gt; 为单元 i 配置的用途，a&lt;sub&gt;i&lt;/sub&gt; 为其面积（公顷），s&lt;sub&gt;iu&lt;/sub&gt; 为其对用途 u 的适宜性，r&lt;sub&gt;i&lt;/sub&gt; 为其风险，c&lt;sub&gt;i&lt;/sub&gt; 为其现状用途：&lt;i&gt;最大化适宜性&lt;/i&gt; S = Σ a&lt;sub&gt;i&lt;/sub&gt;s&lt;sub&gt;i,x&lt;sub&gt;i&lt;/sub&gt;&lt;/sub&gt; / Σ a&lt;sub&gt;i&lt;/sub&gt;，对配置了规划用途的未锁定单元求和（0–1）；&lt;i&gt;最小化暴露&lt;/i&gt; E = Σ w&lt;sub&gt;i&lt;/sub&gt;r&lt;sub&gt;i&lt;/sub&gt;，对配置了建设用途的单元求和，w&lt;sub&gt;i&lt;/sub&gt; 为人口（人）或面积（公顷：风险加权建设用地面积）；&lt;i&gt;最大化紧凑度&lt;/i&gt; C = Σ w&lt;sub&gt;ij&lt;/sub&gt;[x&lt;sub&gt;i&lt;/sub&gt; = x&lt;sub&gt;j&lt;/sub&gt;] / Σ w&lt;sub&gt;ij&lt;/sub&gt;，对 x&lt;sub&gt;i&lt;/sub&gt; 为规划用途的有序相邻单元对 (i, j) 求和，w&lt;sub&gt;ij&lt;/sub&gt; 为邻接权重：规划用途单元的边界中与同一用途单元共享的比例（0–1；研究区外边界不计）；&lt;i&gt;最小化用途转换&lt;/i&gt; V = Σ a&lt;sub&gt;i&lt;/sub&gt;[x&lt;sub&gt;i&lt;/sub&gt; ≠ c&lt;sub&gt;i&lt;/sub&gt;]（公顷）。锁定单元计入 E、C 和 V，不计入 S。&lt;/li&gt;&lt;li&gt;&lt;b&gt;POPULATION_SIZE&lt;/b&gt;（每代解的个数，默认 100）、&lt;b&gt;GENERATIONS&lt;/b&gt;（默认 200）和 &lt;b&gt;SEED&lt;/b&gt;：相同的输入和种子给出相同的情景。一次运行约需 POPULATION_SIZE × GENERATIONS 次修复：3000 个单元上 100 × 200 约需 20 秒。&lt;/li&gt;&lt;li&gt;&lt;b&gt;SCENARIOS&lt;/b&gt;（默认 5）：作为字段保留的情景个数：s1 为拐点解，其后为各目标的最优解，再依次取与已保留解距离最远（各目标在前沿上缩放到 0–1 后的欧氏距离）的解。&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：规划单元及其属性（格网为 unit_id、grid_row、grid_col），以及 area_ha、current_use、locked（0/1）、risk、&lt;i&gt;use&lt;/i&gt;（折中情景）、changed（0/1：用途与现状不同）和 use_s1、use_s2、…（s1 = 拐点解）。用途以名称写出，不属于任何规划用途时为 &lt;i&gt;other&lt;/i&gt;；保持未规划的单元保留其现状值（如 &lt;i&gt;water&lt;/i&gt;）。与这些字段同名的输入字段会被替换。&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT_PARETO&lt;/b&gt;：每个非支配解一行，按目标值排序：solution_id，每个目标一列（按其自然方向）—— suitability（0–1）、exposed_population（人）或 exposed_area_ha（公顷）、compactness（0–1）、converted_ha（公顷）—— 以及 knee（0/1）、kept（0/1）和 scenario（其在 OUTPUT 中的字段）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT_HTML&lt;/b&gt;：设置与需求；前沿的散点图（两个目标）或散点图矩阵与平行坐标图（三至四个目标）；保留情景在各目标、各用途面积、风险暴露和用途转换上的比较（表格与条形图）；折中情景的用途转移；各代超体积；全部解。&lt;/li&gt;&lt;li&gt;&lt;b&gt;HYPERVOLUME&lt;/b&gt;：最终前沿的归一化超体积；&lt;b&gt;KNEE_ID&lt;/b&gt;：折中解的 solution_id；&lt;b&gt;FRONT_SIZE&lt;/b&gt;：非支配解个数。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;方法&lt;/h3&gt;&lt;p&gt;NSGA-II：快速非支配排序、拥挤距离、二元锦标赛选择和精英（μ + λ）保留；重复的配置方案排在所有不同方案之后。所有算子都保持解的可行性，且从不改动锁定单元：&lt;i&gt;交叉&lt;/i&gt;从第二个父代复制连续的区块（邻接图上围绕随机种子单元形成的约 1 至 256 个单元的区域）；&lt;i&gt;变异&lt;/i&gt;将整个区块设为一种用途，或移动斑块边缘（单元取相邻单元的用途）；随后&lt;i&gt;修复&lt;/i&gt;使每种用途回到需求 ± 容差之内：从斑块边缘收缩用途，从斑块相邻单元扩展用途，按综合适宜性、暴露和保持现状用途的优度排序，每次修复随机抽取其权重。初始种群包含现状用途、各单元最适宜用途和空白方案（均经修复）及其变体。运行前先检验需求与可容纳它们的用地是否相容（对每个用途集合检验 Hall 条件）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;拐点&lt;/b&gt;（折中解）：将各目标在前沿上缩放到 0–1，f' = (f − min)/(max − min)，取距理想点 (0, …, 0) 最近的解，即 L2 折中解。&lt;b&gt;超体积&lt;/b&gt;：前沿在参考点以内所支配的目标空间体积，在按固定上下界缩放的目标上精确计算（S 和 C：0–1；V：0 至未锁定面积；E：从锁定建设用地的暴露量到其加上所有可建设未锁定单元的暴露量），各目标参考点为 1.1，故其值介于 0 与 1.1&lt;sup&gt;m&lt;/sup&gt;（m 个目标）之间，可在各代之间比较；搜索改进时上升。优化器在已知前沿 f₂ = 1 − √f₁ 的 ZDT1 问题上以所达到的超体积进行了验证。&lt;/p&gt;&lt;h3&gt;参考文献&lt;/h3&gt;&lt;p&gt;Deb K, Pratap A, Agarwal S, Meyarivan T (2002) A fast and elitist multiobjective genetic algorithm: NSGA-II. IEEE Transactions on Evolutionary Computation 6(2): 182–197. Zitzler E, Thiele L (1998) Multiobjective optimization using evolutionary algorithms — a comparative case study. PPSN V, LNCS 1498: 292–301. Zitzler E, Thiele L (1999) Multiobjective evolutionary algorithms: a comparative case study and the strength Pareto approach. IEEE Transactions on Evolutionary Computation 3(4): 257–271. Zitzler E, Deb K, Thiele L (2000) Comparison of multiobjective evolutionary algorithms: empirical results. Evolutionary Computation 8(2): 173–195 (ZDT1). Stewart T J, Janssen R, van Herwijnen M (2004) A genetic algorithm approach to multiobjective land use planning. Computers &amp;amp; Operations Research 31(14): 2293–2313. Cao K, Batty M, Huang B, Liu Y, Yu L, Chen J (2011) Spatial multi-objective land use optimization: extensions to the non-dominated sorting genetic algorithm-II. International Journal of Geographical Information Science 25(12): 1949–1969. Cao K, Huang B, Wang S, Lin H (2012) Sustainable land use optimization using Boundary-based Fast Genetic Algorithm. Computers, Environment and Urban Systems 36(3): 257–269. Yu P L (1973) A class of solutions for group decision problems. Management Science 19(8): 936–946. Hall P (1935) On representatives of subsets. Journal of the London Mathematical Society 10(1): 26–30.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/help/landallocation.py" line="116"/>
        <source>Objective values within 10⁻⁹ of the largest magnitude of that objective count as equal when scenarios are compared (float ties do not make a dominated scenario Pareto-optimal). A current-use class given to two uses is refused. Settings whose estimated memory exceeds 80 % of the available memory, or whose estimated time exceeds 12 hours, are refused; over 10 minutes they are warned about. Units without geometry are refused (named); a NULL or NaN population is missing and the unit named.</source>
        <translation>比较情景时，差值在该目标最大量级的 10⁻⁹ 以内的目标值视为相等（浮点数并列不会使被支配的情景成为帕累托最优）。同一现状用地类别分给两种用途时拒绝运行。估计内存超过可用内存 80% 或估计时间超过 12 小时的设置会被拒绝；超过 10 分钟时给出警告。没有几何的单元会被拒绝（并列出）；人口为 NULL 或 NaN 视为缺失并指出该单元。</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="123"/>
        <source>Parcels or other polygons to allocate; empty = a grid of CELL_SIZE cells over the first suitability raster.</source>
        <translation>待配置的地块或其他多边形；留空 = 在第一个适宜性栅格上按 CELL_SIZE 生成格网。</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="124"/>
        <source>Grid cell size (m)</source>
        <translation>格网单元大小（米）</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="125"/>
        <source>Side of the grid cells to allocate when no planning units are given.</source>
        <translation>未给出规划单元时，待配置格网单元的边长。</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="126"/>
        <source>Current use field</source>
        <translation>现状用途字段</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="129"/>
        <source>Values that are use names of SUITABILITY give the current use; any other value counts as other.</source>
        <translation>值为 SUITABILITY 中的用途名称时即为现状用途；其他值均计为 other。</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="131"/>
        <source>A land-cover class raster instead of CURRENT_USE_FIELD: each unit takes its majority class.</source>
        <translation>代替 CURRENT_USE_FIELD 的土地覆盖类别栅格：每个单元取其中占多数的类别。</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="132"/>
        <source>Classes of the current use raster</source>
        <translation>现状用途栅格的类别</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="135"/>
        <source>One row per use: the use, then its class values, e.g. urban, 5; farmland, 1; forest, 2, 3.</source>
        <translation>每种用途一行：用途，然后是其类别值，例如 urban, 5; farmland, 1; forest, 2, 3。</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="136"/>
        <source>Locked field</source>
        <translation>锁定字段</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="137"/>
        <source>1, true or yes: the unit keeps its current use; 0, false, no or NULL: it may change.</source>
        <translation>1、true 或 yes：该单元保持现状用途；0、false、no 或 NULL：可以改变。</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="138"/>
        <source>Locked zones</source>
        <translation>锁定区域</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="139"/>
        <source>Polygons (red lines, basic farmland, heritage…) whose units keep their current use: those whose point on surface lies inside.</source>
        <translation>多边形（生态保护红线、永久基本农田、历史文化保护区…）：面内点落在其中的单元保持现状用途。</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="142"/>
        <source>Suitability per use</source>
        <translation>各用途适宜性</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="143"/>
        <source>One row per land use: the use, then a numeric field of the units or a 0–1 raster (path, layer id or name), e.g. urban, suit_urban; farmland, /data/farm.tif. The rows define the uses and their order.</source>
        <translation>每种土地用途一行：用途，然后是规划单元的数值字段或 0–1 栅格（路径、图层 ID 或名称），例如 urban, suit_urban; farmland, /data/farm.tif。各行定义了用途及其顺序。</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="153"/>
        <source>Population field</source>
        <translation>人口字段</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="156"/>
        <source>Persons per unit: the exposure counts the persons on development land; empty = the development area.</source>
        <translation>每个单元的人口：风险暴露按建设用地上的人口计；留空 = 按建设用地面积计。</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="157"/>
        <source>Development uses</source>
        <translation>建设用途</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="158"/>
        <source>Comma list of the uses whose land counts as exposed to the risk, e.g. urban, industry.</source>
        <translation>其用地计入风险暴露的用途，英文逗号分隔，例如 urban, industry。</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="159"/>
        <source>Demand per use</source>
        <translation>各用途需求</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="160"/>
        <source>One row per use: the use, the required area in ha and a tolerance in ha or in % of the area, e.g. urban, 1200, 50; farmland, 3000, 5%. A use without a row has a free area.</source>
        <translation>每种用途一行：用途、需求面积（公顷）及容差（公顷，或面积的 %），例如 urban, 1200, 50; farmland, 3000, 5%。没有对应行的用途面积不受约束。</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="181"/>
        <source>Scenario columns to keep</source>
        <translation>保留的情景列数</translation>
    </message>
    <message>
        <location filename="../processing_provider/land_allocation.py" line="182"/>
        <source>The knee, the best plan in each objective, then plans spread along the front: fields use_s1, use_s2 …</source>
        <translation>拐点解、各目标最优方案，再沿前沿均匀选取的方案：字段 use_s1、use_s2 …</translation>
    </message>
</context>
<context>
    <name>MultiHazardOverlay</name>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="47"/>
        <source>Multi-hazard overlay</source>
        <translation>多灾种叠加</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="50"/>
        <source>Combine hazard degrees with weights, cascades, exposure, vulnerability and coping capacity into one risk index</source>
        <translation>结合权重、灾害链、暴露度、脆弱性和应对能力，将各灾种危险度合成为一个风险指数</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="53"/>
        <source>multi-hazard,risk,overlay,weighted sum,OWA,probabilistic union,cascade,exposure,vulnerability,多灾种,风险叠加</source>
        <translation>多灾种,风险,叠加,加权求和,OWA,有序加权平均,概率并集,灾害链,暴露度,脆弱性,风险叠加</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="60"/>
        <source>Hazard degrees (0–1 rasters)</source>
        <translation>灾种危险度（0–1 栅格）</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="66"/>
        <source>Combination method</source>
        <translation>合成方法</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="85"/>
        <source>Exposure (0–1)</source>
        <translation>暴露度（0–1）</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="86"/>
        <source>Vulnerability (0–1)</source>
        <translation>脆弱性（0–1）</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="87"/>
        <source>Coping capacity (0–1)</source>
        <translation>应对能力（0–1）</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="88"/>
        <source>Missing hazard values</source>
        <translation>灾种缺失值</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="88"/>
        <source>Propagate: a cell missing in any input is nodata</source>
        <translation>传递：任一输入缺值的像元设为无数据</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="88"/>
        <source>Ignore missing hazards and renormalise the weights</source>
        <translation>忽略缺值灾种并重新归一化权重</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="99"/>
        <source>Multi-hazard risk index</source>
        <translation>多灾种风险指数</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="100"/>
        <source>Dominant hazard</source>
        <translation>主导灾种</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="103"/>
        <source>Number of hazards at or above the threshold</source>
        <translation>达到阈值的灾种数</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="108"/>
        <source>Overlay report</source>
        <translation>叠加报告</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="108"/>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="117"/>
        <source>Give at least one hazard raster</source>
        <translation>请至少提供一个灾种栅格</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="118"/>
        <source>Hazard {n}</source>
        <translation>灾种 {n}</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="120"/>
        <source>Reference grid</source>
        <translation>参考网格</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="122"/>
        <source>Exposure</source>
        <translation>暴露度</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="122"/>
        <source>Vulnerability</source>
        <translation>脆弱性</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="122"/>
        <source>Coping capacity</source>
        <translation>应对能力</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="169"/>
        <source>The report gives no areas in hectares: the reference grid&apos;s CRS ({crs}) does not measure true metres (geographic, Web Mercator or none)</source>
        <translation>报告不给出以公顷计的面积：参考网格的坐标参考系（{crs}）不以真实米为单位（地理坐标系、Web 墨卡托或无坐标系）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/multihazardoverlay.py" line="57"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/multihazardoverlay.py" line="58"/>
        <source>Formula</source>
        <translation>公式</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/multihazardoverlay.py" line="59"/>
        <source>Threshold T</source>
        <translation>阈值 T</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/multihazardoverlay.py" line="60"/>
        <source>Missing values</source>
        <translation>缺失值</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/multihazardoverlay.py" line="55"/>
        <source>propagate</source>
        <translation>传递</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/multihazardoverlay.py" line="55"/>
        <source>ignore and renormalise</source>
        <translation>忽略并重新归一化</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/multihazardoverlay.py" line="63"/>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/multihazardoverlay.py" line="65"/>
        <source>Order weights (orness)</source>
        <translation>次序权重（orness）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/multihazardoverlay.py" line="71"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/multihazardoverlay.py" line="71"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/multihazardoverlay.py" line="77"/>
        <source>Weights are used as given (share of each hazard that acts).</source>
        <translation>权重按给定值使用（各灾种实际发挥作用的比例）。</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/multihazardoverlay.py" line="79"/>
        <source>Weights are ignored by the maximum.</source>
        <translation>最大值法忽略权重。</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/multihazardoverlay.py" line="81"/>
        <source>Weights normalised to sum 1.</source>
        <translation>权重已归一化为总和 1。</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/multihazardoverlay.py" line="96"/>
        <source>Hazard</source>
        <translation>灾种</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/multihazardoverlay.py" line="83"/>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/multihazardoverlay.py" line="87"/>
        <source>Interactions mᵢⱼ: row i triggers, column j is amplified by 1 + mᵢⱼ where hᵢ ≥ T</source>
        <translation>交互作用 mᵢⱼ：第 i 行为触发灾种，在 hᵢ ≥ T 处，第 j 列灾种乘以 1 + mᵢⱼ</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/multihazardoverlay.py" line="89"/>
        <source>Trigger \ affected</source>
        <translation>触发 \ 受影响</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/multihazardoverlay.py" line="138"/>
        <source>Valid cells</source>
        <translation>有效像元数</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/multihazardoverlay.py" line="139"/>
        <source>Min</source>
        <translation>最小值</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/multihazardoverlay.py" line="140"/>
        <source>Max</source>
        <translation>最大值</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/multihazardoverlay.py" line="141"/>
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/multihazardoverlay.py" line="101"/>
        <source>Std. dev.</source>
        <translation>标准差</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/multihazardoverlay.py" line="102"/>
        <source>≥ T (%)</source>
        <translation>≥ T（%）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/multihazardoverlay.py" line="103"/>
        <source>≥ T (ha)</source>
        <translation>≥ T（ha）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/multihazardoverlay.py" line="104"/>
        <source>Dominant (%)</source>
        <translation>主导占比（%）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/multihazardoverlay.py" line="113"/>
        <source>Pearson correlation over the {n} cells where every hazard has a value.</source>
        <translation>Pearson 相关系数，基于所有灾种均有值的 {n} 个像元计算。</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/multihazardoverlay.py" line="128"/>
        <source>Hazards ≥ T</source>
        <translation>≥ T 的灾种数</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/multihazardoverlay.py" line="129"/>
        <source>Cells</source>
        <translation>像元数</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/multihazardoverlay.py" line="130"/>
        <source>Area (ha)</source>
        <translation>面积（ha）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/multihazardoverlay.py" line="131"/>
        <source>Share (%)</source>
        <translation>占比（%）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/multihazardoverlay.py" line="40"/>
        <source>Multi-hazard overlay report</source>
        <translation>多灾种叠加报告</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/multihazardoverlay.py" line="40"/>
        <source>Method and formula</source>
        <translation>方法与公式</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/multihazardoverlay.py" line="40"/>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/multihazardoverlay.py" line="40"/>
        <source>Hazards</source>
        <translation>灾种</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/multihazardoverlay.py" line="40"/>
        <source>Hazard correlation</source>
        <translation>灾种相关性</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/multihazardoverlay.py" line="40"/>
        <source>Multi-hazard hotspots</source>
        <translation>多灾种热点</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/multihazardoverlay.py" line="40"/>
        <source>Risk index</source>
        <translation>风险指数</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/help/multihazardoverlay.py" line="9"/>
        <source>&lt;p&gt;Combines several hazard degrees (0–1 rasters, e.g. from Normalise hazard) into one multi-hazard index, optionally turned into risk with exposure, vulnerability and coping capacity — the first implementation path of territorial space resilience: coordinating multiple hazards (统筹多灾害风险).&lt;/p&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;HAZARDS&lt;/b&gt;: hazard rasters of any CRS, resolution and extent; they are resampled (bilinear) onto the grid of &lt;b&gt;REFERENCE&lt;/b&gt; (default: the first hazard). Values must lie in 0–1.&lt;/li&gt;&lt;li&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;: comma list in the order of the hazards (e.g. the output of an AHP); empty = equal.&lt;/li&gt;&lt;li&gt;&lt;b&gt;METHOD&lt;/b&gt;: &lt;i&gt;weighted sum&lt;/i&gt; I = Σ wᵢhᵢ; &lt;i&gt;weighted geometric mean&lt;/i&gt; I = Π hᵢ^wᵢ (weights normalised to sum 1 in both); &lt;i&gt;maximum&lt;/i&gt; I = max hᵢ, the worst case, weights ignored; &lt;i&gt;probabilistic union&lt;/i&gt; I = 1 − Π(1 − wᵢhᵢ), the probability that at least one of independent hazards occurs, each weight being the share of that hazard that acts (0–1, used as given; empty = 1); &lt;i&gt;OWA&lt;/i&gt; I = Σ uₖh₍ₖ₎ over the hazards sorted from the largest, with the &lt;b&gt;ORDER_WEIGHTS&lt;/b&gt; v (first = largest; 1,0,…,0 = maximum, equal = mean, 0,…,0,1 = minimum); with unequal hazard weights, uₖ = w₍ₖ₎vₖ/Σw₍ⱼ₎vⱼ (Malczewski 2006).&lt;/li&gt;&lt;li&gt;&lt;b&gt;INTERACTIONS&lt;/b&gt;: optional n×n matrix m (rows separated by new lines or semicolons, or n² values row by row). Where hazard i reaches THRESHOLD, hazard j is multiplied by 1 + mᵢⱼ and capped at 1 — cascades such as earthquake → landslide or rainstorm → flood. Several triggers multiply; triggers use the original values.&lt;/li&gt;&lt;li&gt;&lt;b&gt;EXPOSURE&lt;/b&gt;, &lt;b&gt;VULNERABILITY&lt;/b&gt;, &lt;b&gt;CAPACITY&lt;/b&gt;: optional 0–1 rasters; risk R = I · E · V, times (1 − C) when coping capacity is given.&lt;/li&gt;&lt;li&gt;&lt;b&gt;NODATA_POLICY&lt;/b&gt;: &lt;i&gt;propagate&lt;/i&gt;: a cell missing in any input is nodata; &lt;i&gt;ignore&lt;/i&gt;: missing hazards are left out and the weights of the others renormalised (OWA order weights are re-derived from the same quantifier).&lt;/li&gt;&lt;li&gt;&lt;b&gt;THRESHOLD&lt;/b&gt; (default 0.5): hazard degree that triggers cascades and counts as a hotspot.&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: Float32 index; &lt;b&gt;OUTPUT_DOMINANT&lt;/b&gt;: 1-based number of the hazard with the largest weighted contribution wᵢhᵢ (0 = nodata); &lt;b&gt;OUTPUT_COUNT&lt;/b&gt;: number of hazards ≥ THRESHOLD (multi-hazard hotspots; 255 = nodata); &lt;b&gt;OUTPUT_HTML&lt;/b&gt;: per-hazard statistics, correlation matrix, weights and formula.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;References&lt;/h3&gt;&lt;p&gt;UNDRR (2015) Sendai Framework for Disaster Risk Reduction 2015–2030. Yager R R (1988) On ordered weighted averaging aggregation operators. IEEE SMC 18(1): 183–190. Malczewski J (2006) Ordered weighted averaging with fuzzy quantifiers: GIS-based multicriteria evaluation for land-use suitability analysis. JAG 8(4): 270–277. Gill J C, Malamud B D (2014) Reviewing and visualizing the interactions of natural hazards. Rev. Geophys. 52: 680–722.&lt;/p&gt;</source>
        <translation>&lt;p&gt;将多个灾种的危险度（0–1 栅格，例如“危险性归一化”的结果）合成为一个多灾种指数，并可结合暴露度、脆弱性和应对能力转换为风险——即国土空间韧性的第一条实施路径：统筹多灾害风险。&lt;/p&gt;&lt;h3&gt;参数&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;HAZARDS&lt;/b&gt;：灾种栅格，坐标参照系、分辨率和范围不限；它们将以双线性插值重采样到 &lt;b&gt;REFERENCE&lt;/b&gt; 的网格上（默认：第一个灾种）。取值必须在 0–1 之间。&lt;/li&gt;&lt;li&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;：按灾种顺序排列、以英文逗号分隔的权重（如层次分析法 AHP 的结果）；留空 = 等权。&lt;/li&gt;&lt;li&gt;&lt;b&gt;METHOD&lt;/b&gt;：&lt;i&gt;加权求和&lt;/i&gt; I = Σ wᵢhᵢ；&lt;i&gt;加权几何平均&lt;/i&gt; I = Π hᵢ^wᵢ（两者的权重均归一化为总和 1）；&lt;i&gt;最大值&lt;/i&gt; I = max hᵢ，即最不利情形，忽略权重；&lt;i&gt;概率并集&lt;/i&gt; I = 1 − Π(1 − wᵢhᵢ)，即相互独立的灾种中至少发生一种的概率，每个权重为该灾种实际发挥作用的比例（0–1，按给定值使用；留空 = 1）；&lt;i&gt;OWA&lt;/i&gt; I = Σ uₖh₍ₖ₎，灾种按从大到小排序，&lt;b&gt;ORDER_WEIGHTS&lt;/b&gt; 为次序权重 v（第一个对应最大值；1,0,…,0 = 最大值，等权 = 均值，0,…,0,1 = 最小值）；灾种权重不相等时，uₖ = w₍ₖ₎vₖ/Σw₍ⱼ₎vⱼ（Malczewski 2006）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;INTERACTIONS&lt;/b&gt;：可选的 n×n 矩阵 m（各行以换行或分号分隔，也可逐行依次给出 n² 个值）。灾种 i 达到 THRESHOLD 时，灾种 j 乘以 1 + mᵢⱼ，且不超过 1——用于表达地震 → 滑坡、暴雨 → 洪涝等灾害链。多个触发灾种的作用相乘；触发判断使用原始值。&lt;/li&gt;&lt;li&gt;&lt;b&gt;EXPOSURE&lt;/b&gt;、&lt;b&gt;VULNERABILITY&lt;/b&gt;、&lt;b&gt;CAPACITY&lt;/b&gt;：可选的 0–1 栅格；风险 R = I · E · V，给定应对能力时再乘以 (1 − C)。&lt;/li&gt;&lt;li&gt;&lt;b&gt;NODATA_POLICY&lt;/b&gt;：&lt;i&gt;传递&lt;/i&gt;：任一输入缺值的像元即为无数据；&lt;i&gt;忽略&lt;/i&gt;：剔除缺值的灾种，其余灾种的权重重新归一化（OWA 次序权重由同一量词函数重新推导）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;THRESHOLD&lt;/b&gt;（默认 0.5）：触发灾害链并计为热点的危险度。&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：Float32 指数；&lt;b&gt;OUTPUT_DOMINANT&lt;/b&gt;：加权贡献 wᵢhᵢ 最大的灾种序号（从 1 开始；0 = 无数据）；&lt;b&gt;OUTPUT_COUNT&lt;/b&gt;：≥ THRESHOLD 的灾种数（多灾种热点；255 = 无数据）；&lt;b&gt;OUTPUT_HTML&lt;/b&gt;：各灾种统计、相关矩阵、权重和公式。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;参考文献&lt;/h3&gt;&lt;p&gt;UNDRR (2015) Sendai Framework for Disaster Risk Reduction 2015–2030. Yager R R (1988) On ordered weighted averaging aggregation operators. IEEE SMC 18(1): 183–190. Malczewski J (2006) Ordered weighted averaging with fuzzy quantifiers: GIS-based multicriteria evaluation for land-use suitability analysis. JAG 8(4): 270–277. Gill J C, Malamud B D (2014) Reviewing and visualizing the interactions of natural hazards. Rev. Geophys. 52: 680–722.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/help/multihazardoverlay.py" line="45"/>
        <source>A hazard with values on less than 10 % of the cells where any hazard has a value is warned about. Hazards that share no cell: an error under &lt;i&gt;propagate&lt;/i&gt;, a warning under &lt;i&gt;ignore&lt;/i&gt;. At most 254 hazards. On a geographic or Web Mercator reference grid the report gives no hectares.</source>
        <translation>若某一灾种只在不到 10% 的（任一灾种有值的）栅格单元上有值，会给出警告。互不重叠的灾种：在“传播”策略下报错，在“忽略”策略下给出警告。最多 254 个灾种。参考栅格为地理坐标系或 Web 墨卡托时，报告不给出公顷面积。</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="63"/>
        <source>Hazard weights</source>
        <translation>灾种权重</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="64"/>
        <source>Comma list, one weight per hazard in the order of the hazards (e.g. the WEIGHTS of an AHP); empty = equal weights.</source>
        <translation>以英文逗号分隔，每个灾种一个权重，顺序与灾种一致（例如层次分析法的 WEIGHTS 输出）；留空 = 等权。</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="67"/>
        <source>OWA order weights</source>
        <translation>OWA 次序权重</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="68"/>
        <source>For OWA only: comma list, the first weight for the largest hazard of a cell; empty = equal (the mean).</source>
        <translation>仅用于 OWA：以英文逗号分隔，第一个权重对应像元中危险度最大的灾种；留空 = 等权（即平均值）。</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="70"/>
        <source>Interaction matrix mᵢⱼ</source>
        <translation>交互矩阵 mᵢⱼ</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="73"/>
        <source>n×n numbers, one row per triggering hazard (rows on new lines or separated by semicolons): where hazard i reaches the threshold, hazard j is amplified by 1 + mᵢⱼ. Empty = no cascades.</source>
        <translation>n×n 个数值，每个触发灾种一行（各行换行或以分号分隔）：灾种 i 达到阈值处，灾种 j 放大为 1 + mᵢⱼ 倍。留空 = 不考虑灾害链。</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="80"/>
        <source>Hazard threshold</source>
        <translation>危险度阈值</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="83"/>
        <source>Hazard degree from which a hazard triggers its cascades and counts in the hotspot count.</source>
        <translation>灾种危险度达到该值时触发其灾害链，并计入多灾种热点计数。</translation>
    </message>
    <message>
        <location filename="../processing_provider/multi_hazard_overlay.py" line="95"/>
        <source>Grid (extent, cells, CRS) of the outputs; other inputs are resampled to it. Empty = the first hazard&apos;s grid.</source>
        <translation>输出所用的网格（范围、像元、坐标参照系）；其他输入重采样到该网格。留空 = 第一个灾种的网格。</translation>
    </message>
</context>
<context>
    <name>NetworkCriticality</name>
    <message>
        <location filename="../processing_provider/common/help/networkcriticality.py" line="10"/>
        <source>&lt;p&gt;Which road segment, bridge or facility, if lost, cuts the most people off from help within the standard (N−1), and what a scenario of losses — every road under more than 0.3 m of flood — does at once: the infrastructure stress test of the spatial network module (关键性分析).&lt;/p&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;DEMAND&lt;/b&gt;, &lt;b&gt;POPULATION_FIELD&lt;/b&gt;, &lt;b&gt;DEMAND_ID_FIELD&lt;/b&gt;, &lt;b&gt;FACILITIES&lt;/b&gt;, &lt;b&gt;FACILITY_ID_FIELD&lt;/b&gt;, &lt;b&gt;CAPACITY_FIELD&lt;/b&gt; (persons; empty = no overload measure): as in tsr:servicecoverage.&lt;/li&gt;</source>
        <translation>&lt;p&gt;哪个路段、桥梁或设施一旦失效，会使最多的人无法在标准内获得救助（N−1），以及一组同时发生的失效——例如所有水深超过 0.3 米的道路——会造成什么后果：空间网络模块中的基础设施压力测试（关键性分析）。&lt;/p&gt;&lt;h3&gt;参数&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;DEMAND&lt;/b&gt;、&lt;b&gt;POPULATION_FIELD&lt;/b&gt;、&lt;b&gt;DEMAND_ID_FIELD&lt;/b&gt;、&lt;b&gt;FACILITIES&lt;/b&gt;、&lt;b&gt;FACILITY_ID_FIELD&lt;/b&gt;、&lt;b&gt;CAPACITY_FIELD&lt;/b&gt;（人；为空则不计算超载）：与 tsr:servicecoverage 相同。&lt;/li&gt;</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/help/networkcriticality.py" line="10"/>
        <source>&lt;li&gt;&lt;b&gt;THRESHOLD&lt;/b&gt;: the standard T in the unit of COST (metres or minutes), e.g. 15 minutes to a hospital.&lt;/li&gt;&lt;li&gt;&lt;b&gt;ELEMENTS&lt;/b&gt;: what fails one at a time: &lt;i&gt;every road segment&lt;/i&gt; (each feature of NETWORK; split the roads at junctions for per-link results), &lt;i&gt;the selected or filtered segments&lt;/i&gt; (features whose &lt;b&gt;ELEMENT_FILTER_FIELD&lt;/b&gt; is 1, yes or true, e.g. bridges; without the field, the layer's selection), &lt;i&gt;each facility&lt;/i&gt;, or &lt;i&gt;both&lt;/i&gt;. &lt;b&gt;ELEMENT_ID_FIELD&lt;/b&gt; names the road features (default: feature id).&lt;/li&gt;&lt;li&gt;&lt;b&gt;SCENARIO&lt;/b&gt;: hazard polygons (every road stretch inside fails; roads are cut at the edges) or a hazard raster (every road segment along which a value exceeds &lt;b&gt;SCENARIO_THRESHOLD&lt;/b&gt;, sampled every half cell, fails). The scenario is reported as a whole against the intact network, and the N−1 ranking is computed on the damaged network.&lt;/li&gt;&lt;li&gt;Measures per failed element e, with cᵢ the cost of demand i to its nearest facility (access legs included), c′ᵢ after the loss and pᵢ its population: &lt;b&gt;lost_access&lt;/b&gt; = Σ pᵢ [cᵢ ≤ T &amp;lt; c′ᵢ] (persons); &lt;b&gt;cut_off&lt;/b&gt; = Σ pᵢ [cᵢ &amp;lt; ∞ = c′ᵢ] (persons reaching no facility); &lt;b&gt;mean_cost_increase&lt;/b&gt; = Σ pᵢ (c′ᵢ − cᵢ) / Σ pᵢ over those still served; &lt;b&gt;overloaded&lt;/b&gt;: facilities whose load (the population for which they are the nearest reachable facility) rises above their capacity; &lt;b&gt;affected&lt;/b&gt;: persons whose cost rises. &lt;b&gt;rank&lt;/b&gt; 1 = most critical (by lost access, then cut off, Δ mean cost, overloads); &lt;b&gt;class&lt;/b&gt;: 0 no effect, 1 costs rise but nobody loses access, 2 under 1 %, 3 1–5 %, 4 5 % or more of the population lose access.&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: the elements with their measures (road features as lines; facilities as points when only they fail, without geometry next to roads: join them by element_id). &lt;b&gt;OUTPUT_DEMAND&lt;/b&gt;: per demand point the nearest facility and cost before and after the scenario (equal without one), lost_access and cut_off. &lt;b&gt;OUTPUT_HTML&lt;/b&gt;: the scenario, the most critical elements (table, chart, map) and the class distribution. &lt;b&gt;SCENARIO_LOST_ACCESS&lt;/b&gt;: persons losing access in the scenario; &lt;b&gt;MOST_CRITICAL_ID&lt;/b&gt;: the rank-1 element (empty when no single loss changes anything).&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Exact and fast: the nearest-facility costs form one shortest-path forest; an element on nobody's path changes nothing, and for the others only the subtree below the element is searched again, seeded with the cheapest ways out of it, instead of every search of the whole network.&lt;/p&gt;&lt;h3&gt;References&lt;/h3&gt;&lt;p&gt;Jenelius E, Petersen T, Mattsson L-G (2006) Importance and exposure in road network vulnerability analysis. Transportation Research Part A 40: 537–560. Albert R, Jeong H, Barabási A-L (2000) Error and attack tolerance of complex networks. Nature 406: 378–382. Dijkstra E W (1959) A note on two problems in connexion with graphs. Numerische Mathematik 1: 269–271.&lt;/p&gt;</source>
        <translation>&lt;li&gt;&lt;b&gt;THRESHOLD&lt;/b&gt;：可达标准 T，单位与 COST 相同（米或分钟），例如 15 分钟到达医院。&lt;/li&gt;&lt;li&gt;&lt;b&gt;ELEMENTS&lt;/b&gt;：逐一失效的对象：&lt;i&gt;全部路段&lt;/i&gt;（NETWORK 的每个要素；如需按路口间路段分析，请先在路口处打断道路）、&lt;i&gt;选中或筛选的路段&lt;/i&gt;（&lt;b&gt;ELEMENT_FILTER_FIELD&lt;/b&gt; 为 1、yes 或 true 的要素，例如桥梁；未设置该字段时使用图层中的选择）、&lt;i&gt;每个设施&lt;/i&gt;，或&lt;i&gt;两者&lt;/i&gt;。&lt;b&gt;ELEMENT_ID_FIELD&lt;/b&gt; 为道路要素命名（默认：要素编号）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;SCENARIO&lt;/b&gt;：灾害多边形（其内部的每段道路失效；道路在边界处打断）或灾害栅格（沿线任一处栅格值超过 &lt;b&gt;SCENARIO_THRESHOLD&lt;/b&gt; 的路段失效，每半个像元采样一次）。情景作为整体与完好网络对比报告，N−1 排序则在受损网络上计算。&lt;/li&gt;&lt;li&gt;每个失效要素 e 的指标，其中 cᵢ 为需求点 i 到最近设施的成本（含接入段），c′ᵢ 为失效后的成本，pᵢ 为其人口：&lt;b&gt;lost_access&lt;/b&gt; = Σ pᵢ [cᵢ ≤ T &amp;lt; c′ᵢ]（人）；&lt;b&gt;cut_off&lt;/b&gt; = Σ pᵢ [cᵢ &amp;lt; ∞ = c′ᵢ]（无法到达任何设施的人）；&lt;b&gt;mean_cost_increase&lt;/b&gt; = 对仍可获得服务者计算的 Σ pᵢ (c′ᵢ − cᵢ) / Σ pᵢ；&lt;b&gt;overloaded&lt;/b&gt;：负荷（以其为最近可达设施的人口）超过容量的设施数；&lt;b&gt;affected&lt;/b&gt;：成本上升的人数。&lt;b&gt;rank&lt;/b&gt; 1 = 最关键（依次按失去可达性、完全隔断、平均成本增量、超载设施排序）；&lt;b&gt;class&lt;/b&gt;：0 无影响，1 成本上升但无人失去可达性，2 不足 1 %，3 1–5 %，4 5 % 及以上人口失去可达性。&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：带指标的要素（道路要素为线；仅设施失效时设施为点，与道路同时评估时设施没有几何：请按 element_id 连接）。&lt;b&gt;OUTPUT_DEMAND&lt;/b&gt;：每个需求点在情景前后的最近设施和成本（无情景时相同）、lost_access 和 cut_off。&lt;b&gt;OUTPUT_HTML&lt;/b&gt;：情景、最关键要素（表格、图表、地图）和等级分布。&lt;b&gt;SCENARIO_LOST_ACCESS&lt;/b&gt;：情景中失去可达性的人数；&lt;b&gt;MOST_CRITICAL_ID&lt;/b&gt;：排名第一的要素（没有任何单一失效造成影响时为空）。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;精确且快速：到最近设施的成本构成一片最短路径森林；不在任何人路径上的要素不会改变任何结果，其余要素只需在其下方的子树内、以离开子树的最便宜路径为起点重新搜索，而不必对整个网络重做所有搜索。&lt;/p&gt;&lt;h3&gt;参考文献&lt;/h3&gt;&lt;p&gt;Jenelius E, Petersen T, Mattsson L-G (2006) Importance and exposure in road network vulnerability analysis. Transportation Research Part A 40: 537–560. Albert R, Jeong H, Barabási A-L (2000) Error and attack tolerance of complex networks. Nature 406: 378–382. Dijkstra E W (1959) A note on two problems in connexion with graphs. Numerische Mathematik 1: 269–271.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/help/networkcriticality.py" line="56"/>
        <source>No facility within MAX_SNAP of a road is refused; a scenario that closes no road or every road is said in the log; a SCENARIO layer that is neither polygons nor a raster is refused; ELEMENTS &apos;selected or filtered&apos; with nothing selected is refused. Ties between equally near facilities go to either.</source>
        <translation>没有设施位于道路 MAX_SNAP 范围内时拒绝运行；情景未关闭任何道路或关闭全部道路时在日志中说明；SCENARIO 既不是面图层也不是栅格时拒绝运行；ELEMENTS 为“选中或筛选”但未选中任何路段时拒绝运行。与两个设施距离相等时可分配给其中任一个。</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkcriticality.py" line="27"/>
        <source>0 no effect</source>
        <translation>0 无影响</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkcriticality.py" line="28"/>
        <source>1 low (costs rise, nobody loses access)</source>
        <translation>1 低（成本上升，无人失去可达性）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkcriticality.py" line="29"/>
        <source>2 moderate (&lt; 1 % lose access)</source>
        <translation>2 中（&lt; 1 % 失去可达性）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkcriticality.py" line="30"/>
        <source>3 high (1–5 % lose access)</source>
        <translation>3 高（1–5 % 失去可达性）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkcriticality.py" line="31"/>
        <source>4 very high (≥ 5 % lose access)</source>
        <translation>4 极高（≥ 5 % 失去可达性）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkcriticality.py" line="60"/>
        <source>Road length failing in the scenario (km)</source>
        <translation>情景中失效的道路长度（千米）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkcriticality.py" line="61"/>
        <source>Population losing access within the threshold</source>
        <translation>在阈值内失去可达性的人口</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkcriticality.py" line="62"/>
        <source>Population cut off from every facility</source>
        <translation>与所有设施隔断的人口</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkcriticality.py" line="63"/>
        <source>Increase of the mean cost of those still served ({u})</source>
        <translation>仍可获得服务人口的平均成本增量（{u}）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkcriticality.py" line="67"/>
        <source>Facilities overloaded by the shift of demand</source>
        <translation>因需求转移而超载的设施</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkcriticality.py" line="69"/>
        <source>Scenario</source>
        <translation>情景</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkcriticality.py" line="133"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkcriticality.py" line="133"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkcriticality.py" line="69"/>
        <source>The ranking below is computed on the network damaged by the scenario.</source>
        <translation>以下排序基于受该情景破坏后的网络计算。</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkcriticality.py" line="96"/>
        <source>Rank</source>
        <translation>排序</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkcriticality.py" line="97"/>
        <source>Element</source>
        <translation>要素</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkcriticality.py" line="98"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkcriticality.py" line="99"/>
        <source>Lost access (persons)</source>
        <translation>失去可达性（人）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkcriticality.py" line="100"/>
        <source>Cut off (persons)</source>
        <translation>完全隔断（人）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkcriticality.py" line="101"/>
        <source>Δ mean cost ({u})</source>
        <translation>平均成本增量（{u}）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkcriticality.py" line="102"/>
        <source>Overloaded facilities</source>
        <translation>超载设施</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkcriticality.py" line="103"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkcriticality.py" line="109"/>
        <source>Most critical elements (population losing access within {t:g} {u})</source>
        <translation>最关键要素（在 {t:g} {u} 内失去可达性的人口）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkcriticality.py" line="119"/>
        <source>Map of the criticality classes (the top elements labelled)</source>
        <translation>关键性等级地图（标注排名靠前的要素）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkcriticality.py" line="121"/>
        <source>Distribution of the criticality classes</source>
        <translation>关键性等级分布</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkcriticality.py" line="128"/>
        <source>Elements evaluated</source>
        <translation>评估的要素数</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkcriticality.py" line="129"/>
        <source>Elements on some shortest path (searched again)</source>
        <translation>位于最短路径上的要素（重新搜索）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkcriticality.py" line="130"/>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkcriticality.py" line="131"/>
        <source>Total population (persons)</source>
        <translation>总人口（人）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkcriticality.py" line="133"/>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkcriticality.py" line="141"/>
        <source>Network criticality report</source>
        <translation>网络关键性报告</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="75"/>
        <source>Network criticality (N−1 and scenarios)</source>
        <translation>网络关键性分析（N−1 与情景）</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="78"/>
        <source>Which road segment or facility, if lost, cuts the most people off from help within the standard; a scenario of losses</source>
        <translation>哪个路段或设施一旦失效，会使最多的人无法在标准内获得救助；以及一组失效情景的影响</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="81"/>
        <source>criticality,vulnerability,N-1,stress test,bridge,hospital,flood,road,关键性,脆弱性,压力测试,韧性</source>
        <translation>criticality,vulnerability,N-1,stress test,bridge,hospital,flood,road,关键性,脆弱性,压力测试,韧性,桥梁,医院,洪水,道路</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="85"/>
        <source>Every road segment</source>
        <translation>每一条路段</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="86"/>
        <source>The selected or filtered road segments</source>
        <translation>选中或筛选的路段</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="87"/>
        <source>Each facility</source>
        <translation>每个设施</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="88"/>
        <source>Road segments and facilities</source>
        <translation>路段和设施</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="92"/>
        <source>Demand (residents: points or polygons)</source>
        <translation>需求点（居民：点或面）</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="92"/>
        <source>Facilities (hospitals, shelters: points)</source>
        <translation>设施（医院、避难场所：点）</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="92"/>
        <source>Facility id field</source>
        <translation>设施编号字段</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="92"/>
        <source>Capacity field (persons)</source>
        <translation>容量字段（人）</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="92"/>
        <source>Persons each facility can take; empty = no overload measure.</source>
        <translation>每个设施可容纳的人数；为空则不计算超载。</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="101"/>
        <source>Threshold (metres or minutes: the standard)</source>
        <translation>阈值（米或分钟：可达标准）</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="101"/>
        <source>The access standard, in the unit of COST, e.g. 15 minutes to a hospital; losing it is &apos;lost access&apos;.</source>
        <translation>可达标准，单位与 COST 相同，例如 15 分钟到达医院；超出即为“失去可达性”。</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="109"/>
        <source>Elements that fail one at a time</source>
        <translation>逐一失效的要素</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="112"/>
        <source>Road segment id field</source>
        <translation>路段编号字段</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="112"/>
        <source>Names the road features (the segments) in the outputs; empty = feature ids.</source>
        <translation>在输出中命名道路要素（路段）；为空则使用要素编号。</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="118"/>
        <source>Filter field (1/yes = evaluate, e.g. bridges)</source>
        <translation>筛选字段（1/yes = 参与评估，例如桥梁）</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="118"/>
        <source>With ELEMENTS = selected/filtered: the road features whose value is 1, yes or true fail; empty = the layer&apos;s selection.</source>
        <translation>ELEMENTS 为“选中或筛选”时：该字段值为 1、yes 或 true 的道路要素参与失效；为空则使用图层中的选择。</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="129"/>
        <source>Scenario (hazard polygons or a hazard raster)</source>
        <translation>情景（灾害多边形或灾害栅格）</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="129"/>
        <source>Every road segment inside the polygons, or where the raster exceeds SCENARIO_THRESHOLD, fails at once.</source>
        <translation>位于多边形内、或栅格值超过 SCENARIO_THRESHOLD 处的所有路段同时失效。</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="140"/>
        <source>Scenario raster threshold (e.g. 0.3 m of water)</source>
        <translation>情景栅格阈值（例如 0.3 米水深）</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="143"/>
        <source>Elements with criticality</source>
        <translation>要素关键性</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="146"/>
        <source>Demand before and after the scenario</source>
        <translation>情景前后的需求点</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="151"/>
        <source>Criticality report</source>
        <translation>关键性报告</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="151"/>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="156"/>
        <source>Population losing access in the scenario (persons)</source>
        <translation>情景中失去可达性的人口（人）</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="157"/>
        <source>Id of the most critical element</source>
        <translation>最关键要素的编号</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="160"/>
        <source>The demand layer</source>
        <translation>需求点图层</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="160"/>
        <source>The facility layer</source>
        <translation>设施图层</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="160"/>
        <source>Facility</source>
        <translation>设施</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="160"/>
        <source>Facilities</source>
        <translation>设施</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="175"/>
        <source>THRESHOLD must be a positive number of metres or minutes</source>
        <translation>THRESHOLD 必须是以米或分钟计的正数</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="181"/>
        <source>Scenario raster</source>
        <translation>情景栅格</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="183"/>
        <source>SCENARIO must be a polygon layer or a raster</source>
        <translation>SCENARIO 必须是面图层或栅格</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="193"/>
        <source>{n} facilities have no capacity: they are never counted as overloaded</source>
        <translation>{n} 个设施没有容量：它们不会被计为超载</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="212"/>
        <source>The scenario closes no road: the ranking is that of the intact network</source>
        <translation>该情景未关闭任何道路：排序即为完好网络的排序</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="214"/>
        <source>The scenario closes every road: only people at a facility&apos;s own road point keep access</source>
        <translation>该情景关闭了全部道路：只有位于设施所在道路点上的人保持可达</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="217"/>
        <source>Scenario: {km} km of road fail</source>
        <translation>情景：{km} 千米道路失效</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="263"/>
        <source>Most critical element: {id}</source>
        <translation>最关键要素：{id}</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="265"/>
        <source>No single loss changes anybody&apos;s access</source>
        <translation>任何单一失效都不会改变任何人的可达性</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="287"/>
        <source>Road segment</source>
        <translation>路段</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="304"/>
        <source>ELEMENTS is &apos;selected or filtered road segments&apos; but none is: give ELEMENT_FILTER_FIELD (1/yes = evaluate) or select roads</source>
        <translation>ELEMENTS 为“选中或筛选的路段”，但没有任何路段被选中：请设置 ELEMENT_FILTER_FIELD（1/yes = 参与评估）或选择道路</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="307"/>
        <source>{n} road segments are evaluated</source>
        <translation>评估 {n} 个路段</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="314"/>
        <source>{n} demand points are farther than MAX_SNAP from any road: they have no access</source>
        <translation>{n} 个需求点距任何道路都超过 MAX_SNAP：它们不可达</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_criticality.py" line="318"/>
        <source>{n} facilities are farther than MAX_SNAP from any road: they serve nobody</source>
        <translation>{n} 个设施距任何道路都超过 MAX_SNAP：它们不服务任何人</translation>
    </message>
</context>
<context>
    <name>NetworkParameters</name>
    <message>
        <location filename="../processing_provider/common/help/shared.py" line="8"/>
        <source>&lt;li&gt;&lt;b&gt;NETWORK&lt;/b&gt;: road lines (every vertex is a node; vertices closer than &lt;b&gt;TOLERANCE&lt;/b&gt; join; with &lt;b&gt;SPLIT&lt;/b&gt; roads are also joined where they cross without a shared vertex — leave it off where bridges cross). &lt;b&gt;SPEED&lt;/b&gt; (km/h, default 5 = walking) is the speed on the access legs and on roads without a &lt;b&gt;SPEED_FIELD&lt;/b&gt; value; &lt;b&gt;ONEWAY_FIELD&lt;/b&gt;: 1/yes/true = only in the digitised direction, −1 = only against it. &lt;b&gt;COST&lt;/b&gt;: &lt;i&gt;distance&lt;/i&gt; in metres or &lt;i&gt;time&lt;/i&gt; in minutes, t = length / (v · 1000/60).&lt;/li&gt;&lt;li&gt;&lt;b&gt;MAX_SNAP&lt;/b&gt;: points join the nearest point of the nearest road; a point farther than this (m) is reported as unreachable, never routed. The straight access leg from the point to the road counts in its cost.&lt;/li&gt;</source>
        <translation>&lt;li&gt;&lt;b&gt;NETWORK&lt;/b&gt;：道路线（每个顶点都是一个节点；间距小于 &lt;b&gt;TOLERANCE&lt;/b&gt; 的顶点会合并；启用 &lt;b&gt;SPLIT&lt;/b&gt; 时，道路在没有共享顶点的交叉处也会连接——有桥梁跨越的地方请勿启用）。&lt;b&gt;SPEED&lt;/b&gt;（km/h，默认 5 = 步行）是接入段以及没有 &lt;b&gt;SPEED_FIELD&lt;/b&gt; 值的道路上的速度；&lt;b&gt;ONEWAY_FIELD&lt;/b&gt;：1/yes/true = 仅沿数字化方向通行，−1 = 仅逆数字化方向通行。&lt;b&gt;COST&lt;/b&gt;：&lt;i&gt;距离&lt;/i&gt;（米）或&lt;i&gt;时间&lt;/i&gt;（分钟），t = length / (v · 1000/60)。&lt;/li&gt;&lt;li&gt;&lt;b&gt;MAX_SNAP&lt;/b&gt;：点连接到最近道路上的最近点；距离超过该值（m）的点报告为不可达，不参与路径计算。点到道路的直线接入段计入其成本。&lt;/li&gt;</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/help/shared.py" line="19"/>
        <source>Features without geometry are set aside and reported: their people stay in the totals (not covered, not evacuated) and are written without geometry. Road speeds ≤ 0, infinite or text are refused naming the roads; NULL or NaN speeds take SPEED (reported). Population and capacity: NULL and NaN count as 0 (reported), numbers written as text are read, other text, negative and infinite values are refused. MAX_SNAP 0 joins only points lying on a road.</source>
        <translation>没有几何的要素会被单独列出并报告：其人口仍计入总数（计为未覆盖、未疏散），并以无几何的形式写出。道路速度 ≤ 0、无穷大或为文本时拒绝运行并列出这些道路；速度为 NULL 或 NaN 时采用 SPEED（并报告）。人口和容量：NULL 和 NaN 计为 0（并报告），以文本书写的数字会被读取，其他文本、负值和无穷大拒绝运行。MAX_SNAP 为 0 时只连接恰好位于道路上的点。</translation>
    </message>
</context>
<context>
    <name>NetworkRobustness</name>
    <message>
        <location filename="../processing_provider/common/help/networkrobustness.py" line="9"/>
        <source>&lt;p&gt;How much damage a line network — roads, power lines, water pipes, or the patch graph of tsr:patchconnectivity — can take before it falls apart, and where its threshold lies (鲁棒性分析).&lt;/p&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;INPUT&lt;/b&gt;: lines. Each line (each part of a multi-line) is one link between its first and last point; end points within &lt;b&gt;TOLERANCE&lt;/b&gt; (advanced, layer units) are one node. Lines that cross without ending at a common point do not meet: split roads at their junctions. A layer with the fields from_id and to_id — the links of tsr:patchconnectivity, drawn between the patches' edges — is read as the graph of those ids instead.&lt;/li&gt;&lt;li&gt;&lt;b&gt;REMOVAL&lt;/b&gt;: &lt;i&gt;random&lt;/i&gt;, averaged over &lt;b&gt;REPETITIONS&lt;/b&gt; runs drawn from &lt;b&gt;SEED&lt;/b&gt;; &lt;i&gt;targeted by degree&lt;/i&gt; (the initial number of links of a node; d(u)·d(v) for a link); &lt;i&gt;targeted by betweenness&lt;/i&gt;, the shortest-path betweenness (Brandes 2001, unweighted) recomputed on the damaged network before each step; &lt;i&gt;by criticality&lt;/i&gt;: the rank of tsr:networkcriticality (population losing access within THRESHOLD when the unit alone fails), which needs DEMAND and FACILITIES. Ties go to the lower feature order.&lt;/li&gt;&lt;li&gt;&lt;b&gt;UNIT&lt;/b&gt;: remove &lt;i&gt;nodes&lt;/i&gt; (with their links) or &lt;i&gt;links&lt;/i&gt;. &lt;b&gt;STEPS&lt;/b&gt;: the units are removed in this many equal steps until none is left; the measures are taken after each step (STEPS = number of units: after each single removal).&lt;/li&gt;&lt;li&gt;&lt;b&gt;DEMAND&lt;/b&gt;, &lt;b&gt;POPULATION_FIELD&lt;/b&gt;, &lt;b&gt;FACILITIES&lt;/b&gt; (optional): the curve also gives the share of the population within &lt;b&gt;THRESHOLD&lt;/b&gt; metres along the lines of a facility; points join the lines within &lt;b&gt;MAX_SNAP&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;Measures after each step: the share of the N₀ original nodes in the largest connected component s = N_LCC / N₀ (Albert et al. 2000); the global efficiency E = Σ_{i≠j} 1/d_ij / (N₀(N₀ − 1)), d_ij the number of links on the shortest path, 1/∞ = 0 (Latora &amp;amp; Marchiori 2001). Above 1000 nodes, efficiency and betweenness are estimated from 500 random sources (Brandes &amp;amp; Pich 2007).&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT_CURVE&lt;/b&gt;: per step the units removed, their share, largest_share, efficiency and covered_share. &lt;b&gt;CRITICAL_FRACTION&lt;/b&gt;: the removed share at which s first falls below ½, linear between steps — the network's threshold (1 when it never does). &lt;b&gt;ROBUSTNESS&lt;/b&gt;: R = ∫₀¹ s(q) dq, the area under the curve (trapezoid), Schneider et al. (2011)'s R = 1/N Σ_{Q=1}^{N} s(Q) when STEPS = N. &lt;b&gt;OUTPUT_HTML&lt;/b&gt;: the curves and the table.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Known results it reproduces: random removal of the links of a large square lattice breaks it up near half of the links (bond percolation threshold ½); a ring survives any single loss; attacks by degree or betweenness break a network far sooner than random failures.&lt;/p&gt;&lt;h3&gt;References&lt;/h3&gt;&lt;p&gt;Albert R, Jeong H, Barabási A-L (2000) Error and attack tolerance of complex networks. Nature 406: 378–382. Latora V, Marchiori M (2001) Efficient behavior of small-world networks. Physical Review Letters 87: 198701. Schneider C M, Moreira A A, Andrade J S, Havlin S, Herrmann H J (2011) Mitigation of malicious attacks on networks. PNAS 108: 3838–3841. Holme P, Kim B J, Yoon C N, Han S K (2002) Attack vulnerability of complex networks. Physical Review E 65: 056109. Brandes U (2001) A faster algorithm for betweenness centrality. Journal of Mathematical Sociology 25: 163–177. Jenelius E, Petersen T, Mattsson L-G (2006) Importance and exposure in road network vulnerability analysis. Transportation Research Part A 40: 537–560.&lt;/p&gt;</source>
        <translation>&lt;p&gt;线网络——道路、电力线、供水管道，或 tsr:patchconnectivity 的斑块图——在瓦解之前能承受多大的损失，其阈值在哪里（鲁棒性分析）。&lt;/p&gt;&lt;h3&gt;参数&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;INPUT&lt;/b&gt;：线。每条线（多线的每个部分）是其起点与终点之间的一条连接；距离在 &lt;b&gt;TOLERANCE&lt;/b&gt;（高级参数，图层单位）以内的端点视为同一节点。相交但端点不重合的线不相连：请先在路口处打断道路。含 from_id 和 to_id 字段的图层——tsr:patchconnectivity 的连接线，绘制于斑块边缘之间——则按这些编号构图。&lt;/li&gt;&lt;li&gt;&lt;b&gt;REMOVAL&lt;/b&gt;：&lt;i&gt;随机&lt;/i&gt;，对由 &lt;b&gt;SEED&lt;/b&gt; 生成的 &lt;b&gt;REPETITIONS&lt;/b&gt; 次运行取平均；&lt;i&gt;按度数定向移除&lt;/i&gt;（节点的初始连接数；连接为 d(u)·d(v)）；&lt;i&gt;按介数定向移除&lt;/i&gt;，即最短路径介数（Brandes 2001，无权），每步之前在受损网络上重新计算；&lt;i&gt;按关键性&lt;/i&gt;：tsr:networkcriticality 的排名（该对象单独失效时在 THRESHOLD 内失去可达性的人口），需要 DEMAND 和 FACILITIES。并列时按要素顺序靠前者优先。&lt;/li&gt;&lt;li&gt;&lt;b&gt;UNIT&lt;/b&gt;：移除&lt;i&gt;节点&lt;/i&gt;（连同其连接）或&lt;i&gt;连接&lt;/i&gt;。&lt;b&gt;STEPS&lt;/b&gt;：分这么多个相等的步骤移除，直到全部移除；每步之后计算指标（STEPS = 对象数量时：每移除一个计算一次）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;DEMAND&lt;/b&gt;、&lt;b&gt;POPULATION_FIELD&lt;/b&gt;、&lt;b&gt;FACILITIES&lt;/b&gt;（可选）：曲线还给出沿线距设施 &lt;b&gt;THRESHOLD&lt;/b&gt; 米以内的人口比例；点在 &lt;b&gt;MAX_SNAP&lt;/b&gt; 范围内接入线网。&lt;/li&gt;&lt;li&gt;每步之后的指标：最大连通分量中原有 N₀ 个节点所占比例 s = N_LCC / N₀（Albert 等，2000）；全局效率 E = Σ_{i≠j} 1/d_ij / (N₀(N₀ − 1))，d_ij 为最短路径上的连接数，1/∞ = 0（Latora &amp;amp; Marchiori 2001）。节点超过 1000 个时，效率和介数由 500 个随机源点估计（Brandes &amp;amp; Pich 2007）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT_CURVE&lt;/b&gt;：每步移除的对象数、比例、largest_share、efficiency 和 covered_share。&lt;b&gt;CRITICAL_FRACTION&lt;/b&gt;：s 首次低于 ½ 时的移除比例，步骤之间线性插值——即网络的阈值（从未低于时为 1）。&lt;b&gt;ROBUSTNESS&lt;/b&gt;：R = ∫₀¹ s(q) dq，曲线下面积（梯形法），当 STEPS = N 时即 Schneider 等（2011）的 R = 1/N Σ_{Q=1}^{N} s(Q)。&lt;b&gt;OUTPUT_HTML&lt;/b&gt;：曲线和表格。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;可复现的已知结论：随机移除大型方格网的连接，约移除一半时网络瓦解（键渗流阈值 ½）；环网可承受任何单一损失；按度数或介数的攻击远比随机失效更快地瓦解网络。&lt;/p&gt;&lt;h3&gt;参考文献&lt;/h3&gt;&lt;p&gt;Albert R, Jeong H, Barabási A-L (2000) Error and attack tolerance of complex networks. Nature 406: 378–382. Latora V, Marchiori M (2001) Efficient behavior of small-world networks. Physical Review Letters 87: 198701. Schneider C M, Moreira A A, Andrade J S, Havlin S, Herrmann H J (2011) Mitigation of malicious attacks on networks. PNAS 108: 3838–3841. Holme P, Kim B J, Yoon C N, Han S K (2002) Attack vulnerability of complex networks. Physical Review E 65: 056109. Brandes U (2001) A faster algorithm for betweenness centrality. Journal of Mathematical Sociology 25: 163–177. Jenelius E, Petersen T, Mattsson L-G (2006) Importance and exposure in road network vulnerability analysis. Transportation Research Part A 40: 537–560.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/help/networkrobustness.py" line="53"/>
        <source>Lines without geometry are left out (reported); a layer whose lines all begin and end at one point has no link and is refused. DEMAND, POPULATION_FIELD and FACILITIES go together; removal by criticality needs them, and then the demand layer must be in a projected CRS in metres (so must the line layer when TOLERANCE is used); no facility within MAX_SNAP is refused.</source>
        <translation>没有几何的线被排除（并报告）；所有线的起点和终点都重合的图层没有连接，拒绝运行。DEMAND、POPULATION_FIELD 和 FACILITIES 须同时提供；按关键性移除需要它们，此时需求图层必须为以米为单位的投影坐标系（使用 TOLERANCE 时线图层也须如此）；没有设施位于 MAX_SNAP 范围内时拒绝运行。</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_robustness.py" line="74"/>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_robustness.py" line="74"/>
        <source>Links</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_robustness.py" line="85"/>
        <source>Removal</source>
        <translation>移除方式</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkrobustness.py" line="26"/>
        <source>Removed units</source>
        <translation>移除对象</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkrobustness.py" line="27"/>
        <source>Repetitions (random removal)</source>
        <translation>重复次数（随机移除）</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_robustness.py" line="127"/>
        <source>Critical fraction (largest component below half of the nodes)</source>
        <translation>临界比例（最大连通分量低于节点数一半时）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkrobustness.py" line="32"/>
        <source>Robustness R (area under the largest-component curve)</source>
        <translation>鲁棒性 R（最大连通分量曲线下面积）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkrobustness.py" line="35"/>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkrobustness.py" line="35"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkrobustness.py" line="35"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkrobustness.py" line="42"/>
        <source>Share of the nodes in the largest component</source>
        <translation>最大连通分量中的节点比例</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkrobustness.py" line="81"/>
        <source>Removed share</source>
        <translation>移除比例</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkrobustness.py" line="82"/>
        <source>Largest component share</source>
        <translation>最大连通分量比例</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkrobustness.py" line="83"/>
        <source>Global efficiency</source>
        <translation>全局效率</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkrobustness.py" line="63"/>
        <source>Population within {t:g} m of a facility (%)</source>
        <translation>距设施 {t:g} 米以内的人口（%）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkrobustness.py" line="84"/>
        <source>Population covered (%)</source>
        <translation>覆盖人口（%）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkrobustness.py" line="80"/>
        <source>Removed</source>
        <translation>已移除</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkrobustness.py" line="85"/>
        <source>Curve</source>
        <translation>曲线</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/networkrobustness.py" line="86"/>
        <source>Network robustness report</source>
        <translation>网络鲁棒性报告</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_robustness.py" line="57"/>
        <source>Network robustness (failure and attack curves)</source>
        <translation>网络鲁棒性分析（随机失效与蓄意攻击曲线）</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_robustness.py" line="60"/>
        <source>How much damage a line network takes before it falls apart: robustness curves, critical fraction and R</source>
        <translation>线网络在瓦解前能承受多大损失：鲁棒性曲线、临界比例与 R 值</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_robustness.py" line="63"/>
        <source>robustness,percolation,attack,failure,betweenness,efficiency,network,鲁棒性,连通性,韧性,阈值</source>
        <translation>robustness,percolation,attack,failure,betweenness,efficiency,network,鲁棒性,连通性,韧性,阈值,渗流,介数,效率</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_robustness.py" line="67"/>
        <source>Random (repeated)</source>
        <translation>随机（重复）</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_robustness.py" line="68"/>
        <source>Targeted by degree</source>
        <translation>按度数定向移除</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_robustness.py" line="69"/>
        <source>Targeted by betweenness (recomputed after each step)</source>
        <translation>按介数定向移除（每步后重新计算）</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_robustness.py" line="70"/>
        <source>By criticality (tsr:networkcriticality)</source>
        <translation>按关键性（tsr:networkcriticality）</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_robustness.py" line="77"/>
        <source>Line network (roads, power lines, pipes, patch links)</source>
        <translation>线网络（道路、电力线、管道、斑块连接）</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_robustness.py" line="77"/>
        <source>Each line links its two end points; lines meet only where they end at one point (e.g. tsr:patchconnectivity links).</source>
        <translation>每条线连接其两个端点；线只在端点重合处相连（例如 tsr:patchconnectivity 的连接线）。</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_robustness.py" line="86"/>
        <source>Repetitions of the random removal</source>
        <translation>随机移除的重复次数</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_robustness.py" line="91"/>
        <source>Random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_robustness.py" line="92"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_robustness.py" line="93"/>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_robustness.py" line="94"/>
        <source>Demand (residents: points or polygons; optional)</source>
        <translation>需求（居民：点或面；可选）</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_robustness.py" line="102"/>
        <source>Population field (persons)</source>
        <translation>人口字段（人）</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_robustness.py" line="107"/>
        <source>Facilities (points; optional)</source>
        <translation>设施（点；可选）</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_robustness.py" line="112"/>
        <source>Threshold distance along the lines</source>
        <translation>沿线阈值距离</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_robustness.py" line="115"/>
        <source>Maximum distance from a point to the network</source>
        <translation>点到网络的最大距离</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_robustness.py" line="118"/>
        <source>End point snapping tolerance</source>
        <translation>端点捕捉容差</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_robustness.py" line="121"/>
        <source>Robustness curve</source>
        <translation>鲁棒性曲线</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_robustness.py" line="122"/>
        <source>Robustness report</source>
        <translation>鲁棒性报告</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_robustness.py" line="122"/>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_robustness.py" line="128"/>
        <source>Robustness R (Schneider et al. 2011)</source>
        <translation>鲁棒性 R（Schneider 等，2011）</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_robustness.py" line="144"/>
        <source>The share of the population within THRESHOLD needs DEMAND, POPULATION_FIELD and FACILITIES together</source>
        <translation>计算阈值内人口比例需要同时提供 DEMAND、POPULATION_FIELD 和 FACILITIES</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_robustness.py" line="148"/>
        <source>Removal by criticality needs DEMAND, POPULATION_FIELD and FACILITIES</source>
        <translation>按关键性移除需要 DEMAND、POPULATION_FIELD 和 FACILITIES</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_robustness.py" line="228"/>
        <source>The demand layer</source>
        <translation>需求点图层</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_robustness.py" line="151"/>
        <source>The line layer</source>
        <translation>线图层</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_robustness.py" line="155"/>
        <source>The lines have from_id and to_id fields: their nodes are those ids (a patch graph)</source>
        <translation>线图层含 from_id 和 to_id 字段：节点即这些编号（斑块图）</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_robustness.py" line="160"/>
        <source>Network: {nodes} nodes, {links} links</source>
        <translation>网络：{nodes} 个节点，{links} 条连接</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_robustness.py" line="198"/>
        <source>Critical fraction {f:.4f}, robustness R {r:.4f}</source>
        <translation>临界比例 {f:.4f}，鲁棒性 R {r:.4f}</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_robustness.py" line="221"/>
        <source>{n} lines have no geometry and are left out</source>
        <translation>{n} 条线没有几何，已排除</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_robustness.py" line="223"/>
        <source>The line layer has no line with a geometry</source>
        <translation>线图层中没有带几何的线</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_robustness.py" line="229"/>
        <source>The facility layer</source>
        <translation>设施图层</translation>
    </message>
    <message>
        <location filename="../processing_provider/network_robustness.py" line="237"/>
        <source>No facility is within MAX_SNAP of the network</source>
        <translation>没有设施位于网络的 MAX_SNAP 范围内</translation>
    </message>
</context>
<context>
    <name>NormalizeHazard</name>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="41"/>
        <source>Normalise hazard</source>
        <translation>危险性归一化</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="44"/>
        <source>Turn a hazard or indicator raster into a 0–1 degree (min-max, percentiles, fuzzy memberships, table, return period)</source>
        <translation>将危险性或指标栅格转换为 0–1 危险度（最小-最大值、百分位数、模糊隶属度、重分类表、重现期）</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="47"/>
        <source>normalise,normalize,standardise,fuzzy,membership,min-max,percentile,return period,hazard,标准化,归一化</source>
        <translation>归一化,模糊,隶属度,最小-最大值,min-max,百分位数,重现期,危险性,标准化</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="54"/>
        <source>Hazard or indicator raster</source>
        <translation>危险性或指标栅格</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="56"/>
        <source>Band</source>
        <translation>波段</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="57"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="58"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="58"/>
        <source>Higher value = more hazard</source>
        <translation>值越大 = 危险性越高</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="58"/>
        <source>Higher value = less hazard</source>
        <translation>值越大 = 危险性越低</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="82"/>
        <source>Reclassification table</source>
        <translation>重分类表</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="82"/>
        <source>Minimum</source>
        <translation>最小值</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="82"/>
        <source>Maximum</source>
        <translation>最大值</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="82"/>
        <source>Value (0–1)</source>
        <translation>值（0–1）</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="92"/>
        <source>Normalised hazard (0–1)</source>
        <translation>归一化危险度（0–1）</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="93"/>
        <source>Lower control point used</source>
        <translation>实际使用的下控制点</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="94"/>
        <source>Upper control point used</source>
        <translation>实际使用的上控制点</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="98"/>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="138"/>
        <source>Band {band} does not exist: &apos;{name}&apos; has band(s) 1 to {count}; give a band number in that range</source>
        <translation>波段 {band} 不存在：“{name}”的波段为 1 至 {count}；请在此范围内指定波段号</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="159"/>
        <source>{name} must be a finite number, got &apos;{value}&apos;</source>
        <translation>{name} 须为有限数值，当前为“{value}”</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/help/normalizehazard.py" line="9"/>
        <source>&lt;p&gt;Turns a hazard or indicator raster into a degree between 0 (no hazard) and 1 (highest hazard), so that hazards measured in metres, g, °C or probabilities can be overlaid.&lt;/p&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;INPUT&lt;/b&gt;, &lt;b&gt;BAND&lt;/b&gt;: the raster and band to normalise (any unit).&lt;/li&gt;&lt;li&gt;&lt;b&gt;METHOD&lt;/b&gt;: &lt;i&gt;min-max&lt;/i&gt; μ = (x − a)/(b − a) with a, b the data minimum and maximum (or LOWER/UPPER when given); &lt;i&gt;percentile min-max&lt;/i&gt;: the same with a, b the LOWER and UPPER percentiles of the data (default 2 and 98), robust to outliers; &lt;i&gt;fuzzy linear&lt;/i&gt;: linear membership between the control points LOWER = a (μ = 0) and UPPER = b (μ = 1); &lt;i&gt;fuzzy sigmoid&lt;/i&gt;: μ = sin²(π/2 · t), t = (x − a)/(b − a), an S-curve with μ = 0.5 half way; &lt;i&gt;fuzzy gaussian&lt;/i&gt;: μ = exp(−ln 2 · ((x − c)/h)²) with c = (a + b)/2, h = (b − a)/2, i.e. μ = 1 at the centre and 0.5 at LOWER and UPPER; &lt;i&gt;reclassification table&lt;/i&gt;: each row min, max, value gives the degree of min &amp;lt; x ≤ max (first matching row; unmatched cells become nodata); &lt;i&gt;return period → annual exceedance probability&lt;/i&gt;: p = 1 − exp(−1/T) for T in years (Poisson), e.g. T = 100 → 0.00995.&lt;/li&gt;&lt;li&gt;&lt;b&gt;DIRECTION&lt;/b&gt;: whether a higher raw value means more hazard or less (then μ' = 1 − μ, e.g. distance to a fault). It does not apply to the table or to return periods.&lt;/li&gt;&lt;li&gt;&lt;b&gt;LOWER&lt;/b&gt;, &lt;b&gt;UPPER&lt;/b&gt;: control points in the raster's unit (percentiles for the percentile method); empty = from the data.&lt;/li&gt;&lt;li&gt;&lt;b&gt;TABLE&lt;/b&gt;: rows of min, max, value for the reclassification; value between 0 and 1; an empty bound is unbounded.&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: Float32 raster of degrees 0–1 on the input grid; nodata stays nodata (−9999).&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Outputs LOWER_USED and UPPER_USED give the control points actually used, for reports and models.&lt;/p&gt;&lt;h3&gt;References&lt;/h3&gt;&lt;p&gt;Zadeh L A (1965) Fuzzy sets. Information and Control 8: 338–353. Eastman J R (1999) Multi-criteria evaluation and GIS, in Longley et al. Geographical Information Systems. Chow V T, Maidment D R, Mays L W (1988) Applied Hydrology, §12.1.&lt;/p&gt;</source>
        <translation>&lt;p&gt;将危险性或指标栅格转换为 0（无危险）到 1（危险性最高）之间的危险度，使以米、g、°C 或概率等不同方式度量的灾种可以相互叠加。&lt;/p&gt;&lt;h3&gt;参数&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;INPUT&lt;/b&gt;、&lt;b&gt;BAND&lt;/b&gt;：要归一化的栅格及波段（单位不限）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;METHOD&lt;/b&gt;：&lt;i&gt;最小-最大值&lt;/i&gt;：μ = (x − a)/(b − a)，a、b 为数据最小值和最大值（给定 LOWER/UPPER 时取其值）；&lt;i&gt;百分位最小-最大值&lt;/i&gt;：同上，但 a、b 取数据的 LOWER 和 UPPER 百分位数（默认 2 和 98），不易受异常值影响；&lt;i&gt;模糊线性&lt;/i&gt;：在控制点 LOWER = a（μ = 0）与 UPPER = b（μ = 1）之间线性变化的隶属度；&lt;i&gt;模糊 S 形&lt;/i&gt;：μ = sin²(π/2 · t)，t = (x − a)/(b − a)，为一条 S 形曲线，中点处 μ = 0.5；&lt;i&gt;模糊高斯&lt;/i&gt;：μ = exp(−ln 2 · ((x − c)/h)²)，其中 c = (a + b)/2，h = (b − a)/2，即中心处 μ = 1，LOWER 和 UPPER 处 μ = 0.5；&lt;i&gt;重分类表&lt;/i&gt;：每行 min、max、value 给出 min &amp;lt; x ≤ max 时的危险度（取第一条匹配行；未匹配的像元为无数据）；&lt;i&gt;重现期 → 年超越概率&lt;/i&gt;：p = 1 − exp(−1/T)，T 以年为单位（泊松分布），如 T = 100 → 0.00995。&lt;/li&gt;&lt;li&gt;&lt;b&gt;DIRECTION&lt;/b&gt;：原始值越大表示危险性越高还是越低（后者取 μ' = 1 − μ，如距断层的距离）。不适用于重分类表和重现期。&lt;/li&gt;&lt;li&gt;&lt;b&gt;LOWER&lt;/b&gt;、&lt;b&gt;UPPER&lt;/b&gt;：以栅格单位表示的控制点（百分位法中为百分位数）；留空 = 由数据确定。&lt;/li&gt;&lt;li&gt;&lt;b&gt;TABLE&lt;/b&gt;：重分类表，每行为 min、max、value；value 介于 0 和 1 之间；边界留空表示该侧不设限。&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：与输入栅格网格一致的 Float32 栅格，值为 0–1 危险度；无数据像元仍为无数据（−9999）。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;输出 LOWER_USED 和 UPPER_USED 给出实际使用的控制点，供报告和模型使用。&lt;/p&gt;&lt;h3&gt;参考文献&lt;/h3&gt;&lt;p&gt;Zadeh L A (1965) Fuzzy sets. Information and Control 8: 338–353. Eastman J R (1999) Multi-criteria evaluation and GIS, in Longley et al. Geographical Information Systems. Chow V T, Maidment D R, Mays L W (1988) Applied Hydrology, §12.1.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/help/normalizehazard.py" line="37"/>
        <source>BAND must be 1 … the number of bands. Return periods ≤ 0 and cells matching no table row become nodata and are counted in the log; a constant raster, equal or inverted control points and NaN bounds are refused.</source>
        <translation>BAND 必须在 1 到波段数之间。重现期 ≤ 0 的栅格单元以及不匹配重分类表任何一行的单元变为无数据，并在日志中计数；常数栅格、相等或颠倒的控制点以及 NaN 界限会被拒绝。</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="66"/>
        <source>Lower control point</source>
        <translation>下控制点</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="67"/>
        <source>Control point a in the raster's unit: μ = 0 there (min-max, fuzzy linear and sigmoid) or 0.5 (gaussian), before DIRECTION; empty = the data minimum. For the percentile method: a percentile 0–100 (empty = 2).</source>
        <translation>控制点 a，单位与栅格相同：该处 μ = 0（最小-最大、模糊线性与模糊 S 形）或 0.5（模糊高斯），未计 DIRECTION 方向；留空 = 数据最小值。百分位法中为 0–100 的百分位数（留空 = 2）。</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="73"/>
        <source>Upper control point</source>
        <translation>上控制点</translation>
    </message>
    <message>
        <location filename="../processing_provider/normalize_hazard.py" line="74"/>
        <source>Control point b in the raster's unit: μ = 1 there (min-max, fuzzy linear and sigmoid) or 0.5 (gaussian), before DIRECTION; empty = the data maximum. For the percentile method: a percentile 0–100 (empty = 98).</source>
        <translation>控制点 b，单位与栅格相同：该处 μ = 1（最小-最大、模糊线性与模糊 S 形）或 0.5（模糊高斯），未计 DIRECTION 方向；留空 = 数据最大值。百分位法中为 0–100 的百分位数（留空 = 98）。</translation>
    </message>
</context>
<context>
    <name>PatchConnectivity</name>
    <message>
        <location filename="../processing_provider/common/help/patchconnectivity.py" line="9"/>
        <source>&lt;p&gt;Graph connectivity of habitat patches and the importance of each patch, with the indices of Conefor: the patches with the highest dPC are candidate ecological sources (生态源地), and the distance curve shows the spatial threshold at which the network falls apart.&lt;/p&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;PATCHES&lt;/b&gt;: habitat polygons (projected CRS in metres), or &lt;b&gt;HABITAT&lt;/b&gt;: a raster whose cells of &lt;b&gt;HABITAT_CLASSES&lt;/b&gt; (empty = every value other than 0) form patches of 8-connected cells. &lt;b&gt;MIN_AREA&lt;/b&gt; (ha): smaller patches are left out.&lt;/li&gt;&lt;li&gt;&lt;b&gt;ATTRIBUTE_FIELD&lt;/b&gt;: the patch attribute aᵢ; empty = the area in ha; or e.g. a quality-weighted area.&lt;/li&gt;&lt;li&gt;&lt;b&gt;DISTANCE&lt;/b&gt;: &lt;i&gt;edge-to-edge Euclidean&lt;/i&gt; distance in metres (0 for touching patches), or &lt;i&gt;least cost&lt;/i&gt; over &lt;b&gt;RESISTANCE&lt;/b&gt;: the smallest accumulated cost from the cells of one patch to a cell of the other (8-connected moves, each step costs the mean resistance of its two cells times its length), in resistance × metres.&lt;/li&gt;&lt;li&gt;&lt;b&gt;THRESHOLD&lt;/b&gt;: dispersal distance d_T (m or cost units): pairs within it are linked in the binary graph of IIC. &lt;b&gt;PROBABILITY&lt;/b&gt;: dispersal probability P_T at d_T, strictly between 0 and 1; pᵢⱼ = exp(−k·dᵢⱼ) with k = −ln(P_T)/d_T.&lt;/li&gt;&lt;li&gt;&lt;b&gt;LANDSCAPE_AREA&lt;/b&gt;: A_L in ha; empty = the area of &lt;b&gt;STUDY_AREA&lt;/b&gt; when given, else of the extent of the patches (of the raster for HABITAT).&lt;/li&gt;&lt;li&gt;&lt;b&gt;DISTANCE_SWEEP&lt;/b&gt;: distances at which IIC, PC, EC(PC) and the number of components are recomputed (the same probability at each distance), written to &lt;b&gt;OUTPUT_CURVE&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: the patches with their attributes plus patch_id, area_ha, dIIC, dPC, dPC_intra, dPC_flux, dPC_connector (per cent), rank (1 = highest dPC) and component (1 = the component with the largest total attribute). &lt;b&gt;OUTPUT_LINKS&lt;/b&gt;: lines between the nearest points of the pairs within THRESHOLD, with distance and probability. &lt;b&gt;OUTPUT_HTML&lt;/b&gt;: report with the ranking and the curve. Numbers IIC, PC, EC_PC (ha) and COMPONENTS.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Formulas&lt;/h3&gt;&lt;p&gt;IIC = Σᵢ Σⱼ aᵢaⱼ/(1 + nlᵢⱼ) / A_L², nlᵢⱼ the number of links of the shortest path in the binary graph (pairs in different components add 0). PC = Σᵢ Σⱼ aᵢaⱼ p*ᵢⱼ / A_L², p*ᵢⱼ the largest product of link probabilities over all paths (p*ᵢᵢ = 1). EC(PC) = √(Σᵢ Σⱼ aᵢaⱼ p*ᵢⱼ). dX = 100·(X − X_remove)/X, the loss when the patch is removed; dPC = dPC_intra (aₖ², the patch itself) + dPC_flux (paths starting or ending at k) + dPC_connector (paths between other patches through k). Removals are exact: the shortest paths are recomputed without the patch, only for the patches that lie on a shortest path between others. Pairs whose direct probability would be below 10⁻⁹ are not measured.&lt;/p&gt;&lt;h3&gt;References&lt;/h3&gt;&lt;p&gt;Pascual-Hortal L, Saura S (2006) Landscape Ecology 21: 959–967. Saura S, Pascual-Hortal L (2007) Landscape and Urban Planning 83: 91–103. Saura S, Rubio L (2010) Ecography 33: 523–537. Saura S, Torné J (2009) Conefor Sensinode 2.2, Environmental Modelling &amp;amp; Software 24: 135–139. Saura S et al. (2011) Ecological Indicators 11: 407–416 (EC).&lt;/p&gt;</source>
        <translation>&lt;p&gt;生境斑块的图论连通性及各斑块的重要性，采用 Conefor 的指数：dPC 最高的斑块是生态源地的候选，距离曲线给出网络断开的空间阈值。&lt;/p&gt;&lt;h3&gt;参数&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;PATCHES&lt;/b&gt;：生境面（以米为单位的投影坐标系），或 &lt;b&gt;HABITAT&lt;/b&gt;：栅格中属于 &lt;b&gt;HABITAT_CLASSES&lt;/b&gt;（留空 = 0 以外的所有值）的像元按 8 邻域组成斑块。&lt;b&gt;MIN_AREA&lt;/b&gt;（公顷）：更小的斑块不参与计算。&lt;/li&gt;&lt;li&gt;&lt;b&gt;ATTRIBUTE_FIELD&lt;/b&gt;：斑块属性 aᵢ；留空 = 面积（公顷）；也可为按质量加权的面积等。&lt;/li&gt;&lt;li&gt;&lt;b&gt;DISTANCE&lt;/b&gt;：&lt;i&gt;边缘到边缘欧氏距离&lt;/i&gt;（米，相接的斑块为 0），或基于 &lt;b&gt;RESISTANCE&lt;/b&gt; 的&lt;i&gt;最小成本距离&lt;/i&gt;：从一个斑块的像元到另一斑块像元的最小累积成本（8 邻域移动，每步成本为两像元阻力均值乘以步长），单位为阻力 × 米。&lt;/li&gt;&lt;li&gt;&lt;b&gt;THRESHOLD&lt;/b&gt;：扩散距离 d_T（米或成本单位）：此距离内的斑块对在 IIC 的二值图中相连。&lt;b&gt;PROBABILITY&lt;/b&gt;：d_T 处的扩散概率 P_T，严格介于 0 与 1 之间；pᵢⱼ = exp(−k·dᵢⱼ)，k = −ln(P_T)/d_T。&lt;/li&gt;&lt;li&gt;&lt;b&gt;LANDSCAPE_AREA&lt;/b&gt;：A_L（公顷）；留空 = 给出 &lt;b&gt;STUDY_AREA&lt;/b&gt; 时为其面积，否则为斑块范围（HABITAT 时为栅格范围）的面积。&lt;/li&gt;&lt;li&gt;&lt;b&gt;DISTANCE_SWEEP&lt;/b&gt;：重新计算 IIC、PC、EC(PC) 和组分数的一组距离（每个距离处概率相同），写入 &lt;b&gt;OUTPUT_CURVE&lt;/b&gt;。&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：斑块及其原有属性，另加 patch_id、area_ha、dIIC、dPC、dPC_intra、dPC_flux、dPC_connector（百分比）、rank（1 = dPC 最高）和 component（1 = 属性总量最大的组分）。&lt;b&gt;OUTPUT_LINKS&lt;/b&gt;：THRESHOLD 以内斑块对最近点之间的连线，含距离和概率。&lt;b&gt;OUTPUT_HTML&lt;/b&gt;：含排名和曲线的报告。数值输出 IIC、PC、EC_PC（公顷）和 COMPONENTS。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;公式&lt;/h3&gt;&lt;p&gt;IIC = Σᵢ Σⱼ aᵢaⱼ/(1 + nlᵢⱼ) / A_L²，nlᵢⱼ 为二值图中最短路径的连接数（不同组分间的斑块对贡献为 0）。PC = Σᵢ Σⱼ aᵢaⱼ p*ᵢⱼ / A_L²，p*ᵢⱼ 为所有路径上连接概率乘积的最大值（p*ᵢᵢ = 1）。EC(PC) = √(Σᵢ Σⱼ aᵢaⱼ p*ᵢⱼ)。dX = 100·(X − X_remove)/X，即移除该斑块后的损失；dPC = dPC_intra（aₖ²，斑块自身）+ dPC_flux（以 k 为起点或终点的路径）+ dPC_connector（经过 k 的其他斑块之间的路径）。移除计算是精确的：仅对位于其他斑块之间最短路径上的斑块，在移除该斑块后重新计算最短路径。直接连接概率低于 10⁻⁹ 的斑块对不计算。&lt;/p&gt;&lt;h3&gt;References&lt;/h3&gt;&lt;p&gt;Pascual-Hortal L, Saura S (2006) Landscape Ecology 21: 959–967. Saura S, Pascual-Hortal L (2007) Landscape and Urban Planning 83: 91–103. Saura S, Rubio L (2010) Ecography 33: 523–537. Saura S, Torné J (2009) Conefor Sensinode 2.2, Environmental Modelling &amp;amp; Software 24: 135–139. Saura S et al. (2011) Ecological Indicators 11: 407–416 (EC).&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/help/patchconnectivity.py" line="57"/>
        <source>Exactly one of PATCHES and HABITAT is required. Geographic and Web Mercator CRSs, an empty layer, a layer whose features all lack a geometry, an all-nodata or habitat-free raster, PROBABILITY of 0 or 1 or outside, THRESHOLD 0, attribute values that are NULL, 0 or negative, least cost without RESISTANCE or with a RESISTANCE in another CRS, and patches outside the resistance raster are refused. Features without geometry and patches below MIN_AREA are left out and counted in the log; patches adding up to more than A_L are reported. One patch alone is measured (dPC = 100 %).</source>
        <translation>须且只须给出 PATCHES 与 HABITAT 之一。地理坐标系和 Web 墨卡托、空图层、所有要素都没有几何的图层、全为无数据或没有生境的栅格、PROBABILITY 为 0、1 或超出范围、THRESHOLD 为 0、属性值为 NULL、0 或负数、最小成本距离缺少 RESISTANCE 或 RESISTANCE 坐标系不同、斑块位于阻力栅格之外，均被拒绝。没有几何的要素和小于 MIN_AREA 的斑块不参与计算并记入日志；斑块总量超过 A_L 时给出提示。只有一个斑块时照常计算（dPC = 100 %）。</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="91"/>
        <source>Patch connectivity</source>
        <translation>斑块连通性</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="94"/>
        <source>Connectivity of habitat patches (IIC, PC, EC) and the importance of each patch (dIIC, dPC and its fractions), as in Conefor</source>
        <translation>生境斑块的连通性（IIC、PC、EC）及各斑块的重要性（dIIC、dPC 及其分量），与 Conefor 相同</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="97"/>
        <source>connectivity,Conefor,IIC,PC,dPC,habitat,patch,ecological source,graph,连通性,生态源地,景观连通性,斑块重要性</source>
        <translation>connectivity,Conefor,IIC,PC,dPC,habitat,patch,ecological source,graph,连通性,生态源地,景观连通性,斑块重要性,生境斑块,图论</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="100"/>
        <source>Habitat patches (polygons)</source>
        <translation>生境斑块（面）</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="105"/>
        <source>Habitat raster (instead of patches)</source>
        <translation>生境栅格（代替斑块图层）</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="106"/>
        <source>Habitat classes of the raster</source>
        <translation>栅格中的生境地类</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="107"/>
        <source>Minimum patch area (ha)</source>
        <translation>最小图斑面积（ha）</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="112"/>
        <source>Patch attribute (default: area in ha)</source>
        <translation>斑块属性（默认：面积，公顷）</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="121"/>
        <source>Distance between patches</source>
        <translation>斑块间距离</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="121"/>
        <source>Edge-to-edge Euclidean (m)</source>
        <translation>边缘到边缘欧氏距离（米）</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="121"/>
        <source>Least cost over the resistance raster</source>
        <translation>基于阻力栅格的最小成本距离</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="129"/>
        <source>Resistance raster (least cost)</source>
        <translation>阻力栅格（最小成本）</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="130"/>
        <source>Threshold distance (m, or cost units)</source>
        <translation>阈值距离（米，或成本单位）</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="135"/>
        <source>Dispersal probability at the threshold distance</source>
        <translation>阈值距离处的扩散概率</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="145"/>
        <source>Landscape area A_L (ha)</source>
        <translation>景观面积 A_L（公顷）</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="150"/>
        <source>Study area (for A_L)</source>
        <translation>研究区（用于 A_L）</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="155"/>
        <source>Distances to sweep (threshold curve)</source>
        <translation>扫描距离（阈值曲线）</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="164"/>
        <source>Patch importance</source>
        <translation>斑块重要性</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="165"/>
        <source>Links within the threshold</source>
        <translation>阈值内的连接</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="170"/>
        <source>Connectivity against distance</source>
        <translation>连通性随距离的变化</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="184"/>
        <source>Connectivity report</source>
        <translation>连通性报告</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="184"/>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="189"/>
        <source>Integral index of connectivity IIC</source>
        <translation>整体连通性指数 IIC</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="190"/>
        <source>Probability of connectivity PC</source>
        <translation>可能连通性指数 PC</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="191"/>
        <source>Equivalent connected area EC(PC) (ha)</source>
        <translation>等效连通面积 EC(PC)（公顷）</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="192"/>
        <source>Number of components</source>
        <translation>组分数</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="200"/>
        <source>Give either PATCHES or HABITAT, not both</source>
        <translation>请给出 PATCHES 或 HABITAT 之一，不能同时给出</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="202"/>
        <source>Give the habitat patches (PATCHES) or a habitat raster (HABITAT)</source>
        <translation>请给出生境斑块（PATCHES）或生境栅格（HABITAT）</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="208"/>
        <source>The patch layer</source>
        <translation>斑块图层</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="221"/>
        <source>Patch {id}: the attribute {field} is {value}; it must be a number above 0</source>
        <translation>斑块 {id}：属性 {field} 为 {value}；须为大于 0 的数值</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="228"/>
        <source>{n} patches have no geometry and are left out (features {ids})</source>
        <translation>{n} 个斑块没有几何，未参与计算（要素 {ids}）</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="235"/>
        <source>The patch layer has no polygon with a geometry: there is nothing to measure</source>
        <translation>斑块图层中没有带几何的面：无可计算的对象</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="242"/>
        <source>Habitat raster</source>
        <translation>生境栅格</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="243"/>
        <source>The habitat raster</source>
        <translation>生境栅格</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="251"/>
        <source>The habitat raster has no valid cell (every cell is nodata)</source>
        <translation>生境栅格没有有效像元（全部为无数据）</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="254"/>
        <source>No cell of the habitat raster is habitat (classes {classes}): there is nothing to measure</source>
        <translation>生境栅格中没有生境像元（地类 {classes}）：无可计算的对象</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="254"/>
        <source>any value other than 0</source>
        <translation>除 0 以外的任何值</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="276"/>
        <source>The study area cannot be transformed into the patches&apos; CRS</source>
        <translation>研究区无法转换到斑块图层的坐标系</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="279"/>
        <source>The study area has no polygon with an area</source>
        <translation>研究区中没有具有面积的面</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="280"/>
        <source>A_L = area of the study area: {a:.6g} ha</source>
        <translation>A_L = 研究区面积：{a:.6g} 公顷</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="282"/>
        <source>A_L = area of the extent: {a:.6g} ha</source>
        <translation>A_L = 范围面积：{a:.6g} 公顷</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="291"/>
        <source>Least-cost distances need a resistance raster (RESISTANCE)</source>
        <translation>最小成本距离需要阻力栅格（RESISTANCE）</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="292"/>
        <source>Resistance raster</source>
        <translation>阻力栅格</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="293"/>
        <source>The resistance raster</source>
        <translation>阻力栅格</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="295"/>
        <source>The resistance raster ({a}) and the patches ({b}) must share one CRS; reproject one of them</source>
        <translation>阻力栅格（{a}）与斑块（{b}）须使用同一坐标系；请重投影其中之一</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="307"/>
        <source>Patches {k} lie outside the resistance raster</source>
        <translation>斑块 {k} 位于阻力栅格之外</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="324"/>
        <source>Every distance of DISTANCE_SWEEP must be above 0</source>
        <translation>DISTANCE_SWEEP 中的每个距离都须大于 0</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="330"/>
        <source>{n} patches smaller than {min:g} ha are left out</source>
        <translation>{n} 个小于 {min:g} 公顷的斑块未参与计算</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="332"/>
        <source>No patch reaches the minimum area of {min:g} ha</source>
        <translation>没有斑块达到最小面积 {min:g} 公顷</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="340"/>
        <source>The patches ({a:.6g} ha) exceed the landscape area A_L ({b:.6g} ha): PC and IIC may exceed 1</source>
        <translation>斑块总量（{a:.6g} 公顷）超过景观面积 A_L（{b:.6g} 公顷）：PC 和 IIC 可能大于 1</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="352"/>
        <source>{n} patches, {m} pairs within {d:.6g}</source>
        <translation>{n} 个斑块，{d:.6g} 以内的斑块对 {m} 个</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="357"/>
        <source>cost units</source>
        <translation>成本单位</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/help/patchconnectivity.py" line="9"/>
        <source>&lt;h3&gt;EC(PC) per planning unit&lt;/h3&gt;&lt;p&gt;&lt;b&gt;UNITS&lt;/b&gt; (optional polygons, e.g. townships, in any CRS): each unit u holds the part of each patch inside it, aᵢᵤ = aᵢ·area(patch ∩ unit)/area(patch), and gets its equivalent connected habitat ECᵤ = √(Σᵢ Σⱼ aᵢᵤaⱼᵤ p*ᵢⱼ), p* of the whole network (a path may run through patches outside the unit). √(Σᵢ aᵢᵤ²) ≤ ECᵤ ≤ Σᵢ aᵢᵤ: isolated patches … habitat connected as one patch. &lt;b&gt;OUTPUT_UNITS&lt;/b&gt;: the units with their attributes plus habitat_ha (Σᵢ aᵢᵤ), ec_pc_ha (ECᵤ, in the unit of the attribute: ha for areas), ec_pc_pct (ECᵤ as a percentage of the unit's area: comparable between units of different size, an ecological (E) indicator for tsr:setsindex) and ec_share (ECᵤ / habitat); NULL for a unit without area or habitat.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;规划单元的等效连通生境面积&lt;/h3&gt;&lt;p&gt;&lt;b&gt;UNITS&lt;/b&gt;（可选面图层，如乡镇，任意坐标系）：每个单元 u 取各斑块落在其内的部分，aᵢᵤ = aᵢ·面积(斑块 ∩ 单元)/面积(斑块)，其等效连通生境面积 ECᵤ = √(Σᵢ Σⱼ aᵢᵤaⱼᵤ p*ᵢⱼ)，p* 取自整个网络（路径可经过单元外的斑块）。√(Σᵢ aᵢᵤ²) ≤ ECᵤ ≤ Σᵢ aᵢᵤ：从斑块彼此孤立到生境连成一体。&lt;b&gt;OUTPUT_UNITS&lt;/b&gt;：各单元及其原有属性，另加 habitat_ha（Σᵢ aᵢᵤ）、ec_pc_ha（ECᵤ，单位同斑块属性，面积即公顷）、ec_pc_pct（ECᵤ 占单元面积的百分比，不同大小的单元可比，可作为 tsr:setsindex 的生态（E）指标）和 ec_share（ECᵤ / 生境面积）；无面积或无生境的单元为 NULL。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/help/patchconnectivity.py" line="57"/>
        <source>UNITS without any polygon are refused; a unit without geometry is kept in OUTPUT_UNITS with 0 habitat and NULL shares.</source>
        <translation>没有任何面要素的 UNITS 会被拒绝；没有几何的单元保留在 OUTPUT_UNITS 中，生境为 0，比例为 NULL。</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="156"/>
        <source>Planning units for EC(PC) per unit (e.g. townships)</source>
        <translation>计算各单元 EC(PC) 的规划单元（如乡镇）</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="175"/>
        <source>Equivalent connected habitat per unit</source>
        <translation>各单元等效连通生境面积</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="443"/>
        <source>Planning units</source>
        <translation>规划单元</translation>
    </message>
    <message>
        <location filename="../processing_provider/patch_connectivity.py" line="445"/>
        <source>The planning units have no polygon with a geometry</source>
        <translation>规划单元中没有带几何的面要素</translation>
    </message>
</context>
<context>
    <name>ResilienceDossier</name>
    <message>
        <location filename="../processing_provider/common/help/resiliencedossier.py" line="9"/>
        <source>&lt;p&gt;Turns a results folder into a thematic study (专题研究) with a map atlas (图集): data → information → knowledge → action. Every run of this toolkit appends a run record to &lt;i&gt;tsr_runs.jsonl&lt;/i&gt; in its output folder (algorithm, parameters, inputs with size and SHA-256, outputs, numbers, versions, time); the dossier reads these records.&lt;/p&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;RESULTS&lt;/b&gt;: the folder written by the main job or the guide (it holds tsr_runs.jsonl).&lt;/li&gt;&lt;li&gt;&lt;b&gt;PROJECT&lt;/b&gt;: optional .qgz; a layer of the project showing the same file lends its style to the maps. Without it the maps use the algorithms' own styles.&lt;/li&gt;&lt;li&gt;&lt;b&gt;TITLE&lt;/b&gt;: the dossier's title (default: a title in the chosen language).&lt;/li&gt;&lt;li&gt;&lt;b&gt;LANGUAGE&lt;/b&gt;: 中文, English, or both (Chinese first).&lt;/li&gt;&lt;li&gt;&lt;b&gt;PAPER&lt;/b&gt;: A3 landscape (map left, text right) or A4 portrait (map above the text).&lt;/li&gt;&lt;li&gt;&lt;b&gt;SECTIONS&lt;/b&gt;: study area; multi-hazard risk; risk control lines; suitability under uncertainty; land-use scenarios; ecological security pattern; emergency network; stress test; SETS index. A section whose algorithms have no run in the folder is skipped with a note, not an error.&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT_PDF&lt;/b&gt;: the atlas and text; &lt;b&gt;OUTPUT_HTML&lt;/b&gt;: the same dossier as one self-contained page; &lt;b&gt;OUTPUT_JSON&lt;/b&gt;: the findings (with each number, its source and its run), the proposals and the provenance as data.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;&lt;b&gt;Findings&lt;/b&gt; are sentences whose numbers are taken from the outputs: numbers the runs returned, rows of their tables, attributes and geometries of their layers (e.g. the share of residents within 500 m of a shelter, the length of the risk control lines); each names its map and table. &lt;b&gt;Actions&lt;/b&gt; are proposals derived by rules from the findings and the planning standards (GB 50413-2007 shelter radius and area per person, risk control lines in the master plan, wildlife passages where corridors cross roads, the most critical network elements), each naming the department that usually acts (自然资源, 应急管理, 住建, 交通, 生态环境); they are for the planner to review, not decisions. &lt;b&gt;Maps&lt;/b&gt; are QGIS print layouts with title, legend, scale bar, north arrow, a CGCS2000 (EPSG:4490) degree grid and a source note. The last pages list every input with its checksum (and whether it changed since the run), every run with its parameters, and the software versions.&lt;/p&gt;&lt;p&gt;Outputs FINDINGS, ACTIONS and PAGES count the findings, proposals and PDF pages.&lt;/p&gt;&lt;h3&gt;References&lt;/h3&gt;&lt;p&gt;GB 50413-2007 Standard for urban planning on earthquake resistance and hazardous prevention, §8.2. GB/T 51327-2018 Standard for urban comprehensive disaster prevention planning. UNDRR (2015) Sendai Framework for Disaster Risk Reduction 2015–2030. Ministry of Natural Resources (2020) Guidelines for provincial territorial spatial planning.&lt;/p&gt;</source>
        <translation>&lt;p&gt;将结果文件夹整理为带图集的专题研究报告：数据 → 信息 → 知识 → 行动。本工具集的每次运行都会在其输出文件夹的 &lt;i&gt;tsr_runs.jsonl&lt;/i&gt; 中追加一条运行记录（算法、参数、输入文件及其大小与 SHA-256、输出、数值、版本、时间）；专题报告读取这些记录。&lt;/p&gt;&lt;h3&gt;参数&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;RESULTS&lt;/b&gt;：主流程或向导写出的结果文件夹（含 tsr_runs.jsonl）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;PROJECT&lt;/b&gt;：可选的 .qgz 工程；工程中显示同一文件的图层将其样式用于地图。未给出时，地图采用各算法自身的样式。&lt;/li&gt;&lt;li&gt;&lt;b&gt;TITLE&lt;/b&gt;：报告标题（默认为所选语言的标题）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;LANGUAGE&lt;/b&gt;：中文、English 或双语（中文在前）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;PAPER&lt;/b&gt;：A3 横向（左图右文）或 A4 纵向（上图下文）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;SECTIONS&lt;/b&gt;：研究区概况；多灾种综合风险；风险控制线；不确定性下的适宜性；用地情景；生态安全格局；社区应急网络；压力测试；SETS 韧性指数。结果文件夹中没有相应算法运行记录的章节将附说明跳过，而不报错。&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT_PDF&lt;/b&gt;：图集与正文；&lt;b&gt;OUTPUT_HTML&lt;/b&gt;：同一报告的单一自包含网页；&lt;b&gt;OUTPUT_JSON&lt;/b&gt;：主要发现（含每个数值、其来源与运行）、行动建议与溯源信息的数据文件。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;&lt;b&gt;主要发现&lt;/b&gt;是数值取自输出结果的句子：运行返回的数值、输出表格的行、输出图层的属性与几何（如避难场所 500 米范围内居民比例、风险控制线长度）；每条发现注明其对应的地图与表格。&lt;b&gt;行动建议&lt;/b&gt;由规则根据主要发现与规划标准推导（GB 50413-2007 避难场所服务半径与人均面积、风险控制线纳入总体规划、生态廊道与道路交叉处设置动物通道、网络最关键要素），并注明通常负责的部门（自然资源、应急管理、住建、交通、生态环境）；它们供规划人员审阅，并非决定。&lt;b&gt;地图&lt;/b&gt;为 QGIS 打印布局，含标题、图例、比例尺、指北针、CGCS2000（EPSG:4490）经纬网与数据来源说明。最后几页列出每个输入文件及其校验值（并注明运行后是否变化）、每次运行的参数与软件版本。&lt;/p&gt;&lt;p&gt;输出 FINDINGS、ACTIONS 与 PAGES 分别为主要发现、行动建议与 PDF 页数。&lt;/p&gt;&lt;h3&gt;参考文献&lt;/h3&gt;&lt;p&gt;GB 50413-2007《城市抗震防灾规划标准》第 8.2 节。GB/T 51327-2018《城市综合防灾规划标准》。联合国减灾署（2015）《2015—2030 年仙台减轻灾害风险框架》。自然资源部（2020）《省级国土空间规划编制指南》。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/help/resiliencedossier.py" line="44"/>
        <source>A folder without run records, an unknown section or a missing project are refused with a message. Record lines that cannot be read are ignored; runs whose output files were replaced or removed are not used; an input whose checksum changed since its run is marked in the provenance.</source>
        <translation>没有运行记录的文件夹、未知章节或不存在的工程将被拒绝并给出说明。无法读取的记录行将被忽略；输出文件已被替换或删除的运行不予采用；运行后校验值发生变化的输入文件在溯源信息中标出。</translation>
    </message>
    <message>
        <location filename="../processing_provider/resilience_dossier.py" line="56"/>
        <source>Resilience dossier and map atlas</source>
        <translation>韧性专题报告与图集</translation>
    </message>
    <message>
        <location filename="../processing_provider/resilience_dossier.py" line="59"/>
        <source>A thematic study of a results folder: findings with the runs&apos; numbers, proposed actions, map atlas and provenance (PDF, HTML, JSON)</source>
        <translation>结果文件夹的专题研究：含运行数值的主要发现、行动建议、图集与溯源信息（PDF、HTML、JSON）</translation>
    </message>
    <message>
        <location filename="../processing_provider/resilience_dossier.py" line="64"/>
        <source>dossier,atlas,report,pdf,print layout,provenance,findings,actions,专题研究,图集,报告</source>
        <translation>dossier,atlas,report,pdf,print layout,provenance,findings,actions,专题研究,图集,报告,溯源,行动建议</translation>
    </message>
    <message>
        <location filename="../processing_provider/resilience_dossier.py" line="68"/>
        <source>Study area</source>
        <translation>研究区</translation>
    </message>
    <message>
        <location filename="../processing_provider/resilience_dossier.py" line="69"/>
        <source>Multi-hazard risk</source>
        <translation>多灾种综合风险</translation>
    </message>
    <message>
        <location filename="../processing_provider/resilience_dossier.py" line="70"/>
        <source>Risk control lines</source>
        <translation>风险控制线</translation>
    </message>
    <message>
        <location filename="../processing_provider/resilience_dossier.py" line="71"/>
        <source>Suitability under uncertainty</source>
        <translation>不确定性下的适宜性评价</translation>
    </message>
    <message>
        <location filename="../processing_provider/resilience_dossier.py" line="72"/>
        <source>Land-use scenarios</source>
        <translation>用地情景</translation>
    </message>
    <message>
        <location filename="../processing_provider/resilience_dossier.py" line="73"/>
        <source>Ecological security pattern</source>
        <translation>生态安全格局</translation>
    </message>
    <message>
        <location filename="../processing_provider/resilience_dossier.py" line="74"/>
        <source>Emergency network</source>
        <translation>社区应急空间网络</translation>
    </message>
    <message>
        <location filename="../processing_provider/resilience_dossier.py" line="75"/>
        <source>Stress test</source>
        <translation>压力测试</translation>
    </message>
    <message>
        <location filename="../processing_provider/resilience_dossier.py" line="76"/>
        <source>SETS index</source>
        <translation>SETS 韧性指数</translation>
    </message>
    <message>
        <location filename="../processing_provider/resilience_dossier.py" line="80"/>
        <source>Results folder (with tsr_runs.jsonl)</source>
        <translation>结果文件夹（含 tsr_runs.jsonl）</translation>
    </message>
    <message>
        <location filename="../processing_provider/resilience_dossier.py" line="83"/>
        <source>QGIS project whose styles to use (optional)</source>
        <translation>提供样式的 QGIS 工程（可选）</translation>
    </message>
    <message>
        <location filename="../processing_provider/resilience_dossier.py" line="86"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../processing_provider/resilience_dossier.py" line="87"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../processing_provider/resilience_dossier.py" line="87"/>
        <source>Both (中文 + English)</source>
        <translation>双语（中文 + English）</translation>
    </message>
    <message>
        <location filename="../processing_provider/resilience_dossier.py" line="92"/>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <location filename="../processing_provider/resilience_dossier.py" line="92"/>
        <source>A3 landscape</source>
        <translation>A3 横向</translation>
    </message>
    <message>
        <location filename="../processing_provider/resilience_dossier.py" line="92"/>
        <source>A4 portrait</source>
        <translation>A4 纵向</translation>
    </message>
    <message>
        <location filename="../processing_provider/resilience_dossier.py" line="95"/>
        <source>Sections (those with results)</source>
        <translation>章节（有结果的章节）</translation>
    </message>
    <message>
        <location filename="../processing_provider/resilience_dossier.py" line="105"/>
        <source>Dossier (PDF)</source>
        <translation>专题报告（PDF）</translation>
    </message>
    <message>
        <location filename="../processing_provider/resilience_dossier.py" line="105"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../processing_provider/resilience_dossier.py" line="106"/>
        <source>Dossier (HTML)</source>
        <translation>专题报告（HTML）</translation>
    </message>
    <message>
        <location filename="../processing_provider/resilience_dossier.py" line="106"/>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../processing_provider/resilience_dossier.py" line="111"/>
        <source>Findings and provenance (JSON)</source>
        <translation>主要发现与溯源信息（JSON）</translation>
    </message>
    <message>
        <location filename="../processing_provider/resilience_dossier.py" line="111"/>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../processing_provider/resilience_dossier.py" line="116"/>
        <source>Number of findings</source>
        <translation>主要发现条数</translation>
    </message>
    <message>
        <location filename="../processing_provider/resilience_dossier.py" line="117"/>
        <source>Number of proposed actions</source>
        <translation>行动建议条数</translation>
    </message>
    <message>
        <location filename="../processing_provider/resilience_dossier.py" line="118"/>
        <source>Number of PDF pages</source>
        <translation>PDF 页数</translation>
    </message>
    <message>
        <location filename="../processing_provider/resilience_dossier.py" line="131"/>
        <source>The project {path} does not exist</source>
        <translation>工程 {path} 不存在</translation>
    </message>
    <message>
        <location filename="../processing_provider/resilience_dossier.py" line="167"/>
        <source>Cancelled: no output was written</source>
        <translation>已取消：未写入任何输出</translation>
    </message>
    <message>
        <location filename="../processing_provider/resilience_dossier.py" line="173"/>
        <source>The PDF could not be written: {error}</source>
        <translation>无法写出 PDF：{error}</translation>
    </message>
</context>
<context>
    <name>ResistanceSurface</name>
    <message>
        <location filename="../processing_provider/common/help/resistancesurface.py" line="9"/>
        <source>&lt;p&gt;Builds the resistance surface (阻力面) of an ecological security pattern: how hard it is for species and ecological flows to cross each cell, from 1 (easiest) upwards. It feeds cost distance, least-cost corridors and least-cost patch connectivity.&lt;/p&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;LANDCOVER&lt;/b&gt;: land-cover raster of class codes; its grid is the grid of the result.&lt;/li&gt;&lt;li&gt;&lt;b&gt;TABLE&lt;/b&gt;: one row per class: class value, resistance (≥ 1). Empty = the preset for the first-level classes of the third national land survey (三调, GB/T 21010-2017): 01 耕地 cultivated land 30, 02 园地 garden land 10, 03 林地 forest 1, 04 草地 grassland 5, 05 商服用地 commercial 800, 06 工矿仓储用地 industrial and mining 1000, 07 住宅用地 residential 800, 08 公共管理与公共服务用地 public services 600, 09 特殊用地 special 500, 10 交通运输用地 transport 500, 11 水域及水利设施用地 water 10, 12 其他土地 other land 100. These are values of the order used in the Chinese ecological-security-pattern literature (forest lowest, water and grassland low, farmland medium, built-up land highest on a 1–1000 scale); they are suggestions: edit every value for the species and the study area. A raster coded with second-level codes (e.g. 0301, 1101) needs rows for those codes.&lt;/li&gt;&lt;li&gt;&lt;b&gt;BARRIER_CLASSES&lt;/b&gt;: classes that are impassable (e.g. motorways, large built-up areas): nodata in the result.&lt;/li&gt;&lt;li&gt;&lt;b&gt;MODIFIERS&lt;/b&gt;: 0–1 rasters that raise the resistance (a normalised slope, night-time light, proximity to roads, a hazard degree from Normalise hazard); rasters on another grid are warped (bilinear) onto the land-cover grid. &lt;b&gt;MODIFIER_WEIGHTS&lt;/b&gt;: one weight wₖ per modifier.&lt;/li&gt;&lt;li&gt;&lt;b&gt;METHOD&lt;/b&gt;: &lt;i&gt;multiplicative&lt;/i&gt; R = R₀ · Πₖ(1 + wₖ·mₖ) (default wₖ = 1: a modifier at 1 doubles the resistance); &lt;i&gt;weighted sum&lt;/i&gt;: s = w₀·b + Σₖ wₖ·mₖ with b = (R₀ − R_min)/(R_max − R_min) the table resistance normalised over the classes present and w₀ = 1 − Σₖ wₖ (so the weights must add up to less than 1; without weights every term gets 1/(K + 1)), then R = &lt;b&gt;MIN_RESISTANCE&lt;/b&gt; + s · (&lt;b&gt;MAX_RESISTANCE&lt;/b&gt; − &lt;b&gt;MIN_RESISTANCE&lt;/b&gt;).&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: Float32 resistance raster, every valid cell ≥ 1; nodata where the land cover or a modifier is nodata and on barriers.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;References&lt;/h3&gt;&lt;p&gt;Knaapen J P, Scheffer M, Harms B (1992) Estimating habitat isolation in landscape planning. Landscape and Urban Planning 23: 1–16. Yu K J (1999) 论综合性景观安全格局, Acta Ecologica Sinica 19(1): 8–15. Peng J et al. (2018) 生态安全格局构建 (sources, resistance, corridors), Acta Ecologica Sinica 38(7). GB/T 21010-2017 Current land use classification.&lt;/p&gt;</source>
        <translation>&lt;p&gt;构建生态安全格局的阻力面：物种和生态流穿越每个像元的难度，从 1（最容易）起递增。它是成本距离、最小成本廊道和最小成本斑块连通性的输入。&lt;/p&gt;&lt;h3&gt;参数&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;LANDCOVER&lt;/b&gt;：地类代码的土地覆被栅格；结果与其栅格网格一致。&lt;/li&gt;&lt;li&gt;&lt;b&gt;TABLE&lt;/b&gt;：每个地类一行：地类代码，阻力值（≥ 1）。留空 = 第三次全国国土调查（三调，GB/T 21010-2017）一级地类的预设值：01 耕地 30，02 园地 10，03 林地 1，04 草地 5，05 商服用地 800，06 工矿仓储用地 1000，07 住宅用地 800，08 公共管理与公共服务用地 600，09 特殊用地 500，10 交通运输用地 500，11 水域及水利设施用地 10，12 其他土地 100。这些取值与国内生态安全格局文献常用量级一致（林地最低，水域和草地较低，耕地中等，建设用地最高，1–1000 分级）；仅为建议值：请针对物种和研究区逐一修改。以二级地类编码（如 0301、1101）的栅格需为这些编码添加行。&lt;/li&gt;&lt;li&gt;&lt;b&gt;BARRIER_CLASSES&lt;/b&gt;：不可穿越的地类（如高速公路、大片建成区）：结果中为无数据。&lt;/li&gt;&lt;li&gt;&lt;b&gt;MODIFIERS&lt;/b&gt;：提高阻力的 0–1 栅格（标准化坡度、夜间灯光、道路邻近度、“灾害标准化”得到的灾害程度）；其他网格上的栅格以双线性重采样到土地覆被网格。&lt;b&gt;MODIFIER_WEIGHTS&lt;/b&gt;：每个修正栅格一个权重 wₖ。&lt;/li&gt;&lt;li&gt;&lt;b&gt;METHOD&lt;/b&gt;：&lt;i&gt;乘法修正&lt;/i&gt; R = R₀ · Πₖ(1 + wₖ·mₖ)（默认 wₖ = 1：修正值为 1 时阻力加倍）；&lt;i&gt;加权求和&lt;/i&gt;：s = w₀·b + Σₖ wₖ·mₖ，其中 b = (R₀ − R_min)/(R_max − R_min) 为按出现地类归一化的表中阻力，w₀ = 1 − Σₖ wₖ（因此权重之和须小于 1；不给权重时每项均为 1/(K + 1)），然后 R = &lt;b&gt;MIN_RESISTANCE&lt;/b&gt; + s · (&lt;b&gt;MAX_RESISTANCE&lt;/b&gt; − &lt;b&gt;MIN_RESISTANCE&lt;/b&gt;)。&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：Float32 阻力栅格，每个有效像元 ≥ 1；土地覆被或修正栅格无数据处及障碍地类处为无数据。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;References&lt;/h3&gt;&lt;p&gt;Knaapen J P, Scheffer M, Harms B (1992) Estimating habitat isolation in landscape planning. Landscape and Urban Planning 23: 1–16. 俞孔坚 (1999) 生物保护的景观生态安全格局，生态学报 19(1): 8–15. 彭建 等 (2018) 生态安全格局构建（源地、阻力、廊道），生态学报 38(7). GB/T 21010-2017 土地利用现状分类.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/help/resistancesurface.py" line="42"/>
        <source>A land-cover class that is neither in TABLE nor a barrier is refused, naming it, before anything is written. Resistances below 1, a class given twice, an odd number of table values, modifier values outside 0–1, a number of weights that does not match the modifiers, weighted-sum weights adding up to 1 or more and MIN_RESISTANCE ≥ MAX_RESISTANCE are refused; an all-nodata land cover and modifiers that do not overlap it are refused. The cells lost to barriers and modifier nodata are counted in the log.</source>
        <translation>既不在 TABLE 中也不是障碍的地类会被拒绝并列出其代码，此时不写出任何结果。阻力值小于 1、地类重复、表中数值个数为奇数、修正栅格取值超出 0–1、权重个数与修正栅格不符、加权求和权重之和不小于 1、MIN_RESISTANCE ≥ MAX_RESISTANCE 均被拒绝；全为无数据的土地覆被以及与其不重叠的修正栅格也被拒绝。因障碍地类和修正栅格无数据而丢失的像元数记入日志。</translation>
    </message>
    <message>
        <location filename="../processing_provider/resistance_surface.py" line="90"/>
        <source>Resistance surface</source>
        <translation>阻力面</translation>
    </message>
    <message>
        <location filename="../processing_provider/resistance_surface.py" line="44"/>
        <source>A resistance surface for ecological flows from land cover (三调 classes preset), barriers and modifier rasters</source>
        <translation>由土地覆被（预置三调地类）、障碍地类和修正栅格生成生态流阻力面</translation>
    </message>
    <message>
        <location filename="../processing_provider/resistance_surface.py" line="47"/>
        <source>resistance,cost,friction,land cover,ecological security pattern,MCR,阻力面,生态安全格局,三调</source>
        <translation>resistance,cost,friction,land cover,ecological security pattern,MCR,阻力面,阻力,成本,土地覆被,生态安全格局,最小累积阻力,三调</translation>
    </message>
    <message>
        <location filename="../processing_provider/resistance_surface.py" line="50"/>
        <source>Land cover (class codes)</source>
        <translation>土地覆被（地类代码）</translation>
    </message>
    <message>
        <location filename="../processing_provider/resistance_surface.py" line="51"/>
        <source>Resistance table (class value, resistance ≥ 1)</source>
        <translation>阻力表（地类代码，阻力值 ≥ 1）</translation>
    </message>
    <message>
        <location filename="../processing_provider/resistance_surface.py" line="51"/>
        <source>Class value</source>
        <translation>地类代码</translation>
    </message>
    <message>
        <location filename="../processing_provider/resistance_surface.py" line="51"/>
        <source>Resistance</source>
        <translation>阻力值</translation>
    </message>
    <message>
        <location filename="../processing_provider/resistance_surface.py" line="62"/>
        <source>Impassable classes (barriers)</source>
        <translation>不可穿越地类（障碍）</translation>
    </message>
    <message>
        <location filename="../processing_provider/resistance_surface.py" line="63"/>
        <source>Modifier rasters (0–1, e.g. slope degree, night-time light)</source>
        <translation>修正栅格（0–1，如坡度、夜间灯光）</translation>
    </message>
    <message>
        <location filename="../processing_provider/resistance_surface.py" line="71"/>
        <source>Modifier weights</source>
        <translation>修正因子权重</translation>
    </message>
    <message>
        <location filename="../processing_provider/resistance_surface.py" line="72"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../processing_provider/resistance_surface.py" line="72"/>
        <source>Multiplicative: R = R0 · Π(1 + w·m)</source>
        <translation>乘法修正：R = R0 · Π(1 + w·m)</translation>
    </message>
    <message>
        <location filename="../processing_provider/resistance_surface.py" line="72"/>
        <source>Weighted sum rescaled to the resistance range</source>
        <translation>加权求和并缩放到阻力值范围</translation>
    </message>
    <message>
        <location filename="../processing_provider/resistance_surface.py" line="80"/>
        <source>Minimum resistance (weighted sum)</source>
        <translation>最小阻力值（加权求和）</translation>
    </message>
    <message>
        <location filename="../processing_provider/resistance_surface.py" line="85"/>
        <source>Maximum resistance (weighted sum)</source>
        <translation>最大阻力值（加权求和）</translation>
    </message>
    <message>
        <location filename="../processing_provider/resistance_surface.py" line="94"/>
        <source>Land cover</source>
        <translation>土地覆被</translation>
    </message>
    <message>
        <location filename="../processing_provider/resistance_surface.py" line="96"/>
        <source>Modifier {n}</source>
        <translation>修正栅格 {n}</translation>
    </message>
    <message>
        <location filename="../processing_provider/resistance_surface.py" line="113"/>
        <source>The land-cover raster has no valid cell (every cell is nodata)</source>
        <translation>土地覆被栅格没有有效像元（全部为无数据）</translation>
    </message>
    <message>
        <location filename="../processing_provider/resistance_surface.py" line="124"/>
        <source>Classes present: {classes}</source>
        <translation>出现的地类：{classes}</translation>
    </message>
    <message>
        <location filename="../processing_provider/resistance_surface.py" line="125"/>
        <source>Formula: {formula}</source>
        <translation>公式：{formula}</translation>
    </message>
    <message>
        <location filename="../processing_provider/resistance_surface.py" line="137"/>
        <source>No cell has a resistance: every land-cover cell is a barrier or lies on nodata of a modifier</source>
        <translation>没有像元得到阻力值：所有土地覆被像元都是障碍地类，或位于修正栅格的无数据处</translation>
    </message>
    <message>
        <location filename="../processing_provider/resistance_surface.py" line="141"/>
        <source>resistance</source>
        <translation>阻力</translation>
    </message>
    <message>
        <location filename="../processing_provider/resistance_surface.py" line="153"/>
        <source>{n} land-cover cells are nodata in the result (barrier classes or nodata in a modifier)</source>
        <translation>结果中有 {n} 个土地覆被像元为无数据（障碍地类或修正栅格无数据）</translation>
    </message>
    <message>
        <location filename="../processing_provider/resistance_surface.py" line="156"/>
        <source>Resistance from {low:g} to {high:g}</source>
        <translation>阻力值范围 {low:g} 至 {high:g}</translation>
    </message>
</context>
<context>
    <name>RiskZoning</name>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="66"/>
        <source>Risk zoning and control lines</source>
        <translation>风险分区与风险控制线</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="69"/>
        <source>Grade a risk surface into zones (natural breaks and other methods) and draw the risk control lines</source>
        <translation>对风险栅格进行分级分区（自然断点法等），并绘制风险控制线</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="72"/>
        <source>risk,zoning,grade,classification,natural breaks,jenks,quantile,control line,风险分区,风险控制线,自然断点</source>
        <translation>风险,分区,等级,分级,Jenks,分位数,控制线,风险分区,风险控制线,自然断点</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="135"/>
        <source>Risk surface</source>
        <translation>风险栅格</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="86"/>
        <source>Number of grades</source>
        <translation>等级数</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="89"/>
        <source>Classification method</source>
        <translation>分级方法</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="98"/>
        <source>Minimum patch area (ha)</source>
        <translation>最小图斑面积（ha）</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="106"/>
        <source>Administrative units</source>
        <translation>行政单元</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="111"/>
        <source>Unit name field</source>
        <translation>单元名称字段</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="114"/>
        <source>Risk grades</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="115"/>
        <source>Risk zones</source>
        <translation>风险分区</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="116"/>
        <source>Risk control lines</source>
        <translation>风险控制线</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="119"/>
        <source>Area per grade and unit</source>
        <translation>各单元分等级面积</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="124"/>
        <source>Zoning report</source>
        <translation>分区报告</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="124"/>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="129"/>
        <source>Breaks used</source>
        <translation>所用断点</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="130"/>
        <source>Area of the controlled zone (ha)</source>
        <translation>管控区面积（ha）</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="131"/>
        <source>Goodness of variance fit</source>
        <translation>方差拟合优度</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="136"/>
        <source>The risk surface</source>
        <translation>风险栅格</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="141"/>
        <source>The administrative unit layer has no features</source>
        <translation>行政单元图层中没有要素</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="143"/>
        <source>The unit layer has no field &apos;{name}&apos;</source>
        <translation>单元图层中没有字段“{name}”</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="205"/>
        <source>Breaks used: {breaks}</source>
        <translation>所用断点：{breaks}</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="254"/>
        <source>The administrative unit layer has no coordinate reference system; its coordinates are taken to be in the risk surface&apos;s CRS</source>
        <translation>行政单元图层没有坐标参考系；其坐标按风险面的坐标参考系处理</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="266"/>
        <source>unit {id}</source>
        <translation>单元 {id}</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="289"/>
        <source>no geometry</source>
        <translation>无几何图形</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="284"/>
        <source>its coordinates cannot be transformed to the risk surface&apos;s CRS</source>
        <translation>其坐标无法转换到风险面的坐标参考系</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="292"/>
        <source>{n} unit geometries were invalid and were repaired (makeValid) before measuring</source>
        <translation>有 {n} 个单元几何图形无效，已在量算前修复（makeValid）</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="295"/>
        <source>{n} unit(s) were skipped by QGIS's invalid-geometry filter and are not in the table; fix their geometries (Vector ▸ Geometry Tools ▸ Fix Geometries)</source>
        <translation>有 {n} 个单元被 QGIS 的无效几何过滤跳过，未列入表中；请修复其几何图形（矢量 ▸ 几何工具 ▸ 修复几何图形）</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="316"/>
        <source>Study area</source>
        <translation>研究区</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/riskzoning.py" line="75"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/riskzoning.py" line="75"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/riskzoning.py" line="61"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/riskzoning.py" line="62"/>
        <source>Grades</source>
        <translation>等级数</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/riskzoning.py" line="64"/>
        <source>Computed on</source>
        <translation>计算依据</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/riskzoning.py" line="64"/>
        <source>every valid cell, exactly</source>
        <translation>全部有效像元，精确计算</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/riskzoning.py" line="64"/>
        <source>every valid cell, on a 16 384-bin histogram</source>
        <translation>全部有效像元，基于 16 384 个分箱的直方图</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/riskzoning.py" line="69"/>
        <source>Minimum patch area</source>
        <translation>最小图斑面积</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/riskzoning.py" line="70"/>
        <source>Controlled zone</source>
        <translation>管控区</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/riskzoning.py" line="70"/>
        <source>grades ≥ {g}: {ha} ha</source>
        <translation>等级 ≥ {g}：{ha} ha</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/riskzoning.py" line="83"/>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/riskzoning.py" line="83"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/riskzoning.py" line="83"/>
        <source>Area (ha)</source>
        <translation>面积（ha）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/riskzoning.py" line="83"/>
        <source>Share (%)</source>
        <translation>占比（%）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/riskzoning.py" line="46"/>
        <source>Classification</source>
        <translation>分级</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/riskzoning.py" line="47"/>
        <source>Histogram and class breaks</source>
        <translation>直方图与分级断点</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/riskzoning.py" line="51"/>
        <source>Area per grade</source>
        <translation>各等级面积</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/riskzoning.py" line="93"/>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/riskzoning.py" line="93"/>
        <source>Total (ha)</source>
        <translation>合计（ha）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/riskzoning.py" line="93"/>
        <source>Controlled (ha)</source>
        <translation>管控区（ha）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/riskzoning.py" line="93"/>
        <source>Controlled (%)</source>
        <translation>管控区占比（%）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/riskzoning.py" line="55"/>
        <source>Risk zoning report</source>
        <translation>风险分区报告</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/help/riskzoning.py" line="9"/>
        <source>&lt;p&gt;Grades a risk surface into classes, merges patches smaller than a minimum area, and draws the risk zones and the risk control lines (风险控制线) around the controlled zone for the master plan.&lt;/p&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;INPUT&lt;/b&gt;: the risk raster (e.g. from Multi-hazard overlay), in a projected CRS in metres.&lt;/li&gt;&lt;li&gt;&lt;b&gt;CLASSES&lt;/b&gt;: number of grades, 2–9 (default 5: 低 / 较低 / 中 / 较高 / 高).&lt;/li&gt;&lt;li&gt;&lt;b&gt;METHOD&lt;/b&gt;: &lt;i&gt;natural breaks (Fisher–Jenks)&lt;/i&gt;: the partition minimising the within-class sum of squared deviations over every valid cell — exact on up to 65 536 distinct values, otherwise computed on 16 384 bins whose sums keep each class's deviation exact; &lt;i&gt;quantile&lt;/i&gt;: equal cell counts; &lt;i&gt;equal interval&lt;/i&gt;; &lt;i&gt;standard deviation&lt;/i&gt;: classes one σ wide, symmetric about the mean (for an odd number of grades the middle one is centred on the mean, for an even number the mean is a break), the two outer classes open-ended; &lt;i&gt;manual&lt;/i&gt;: the &lt;b&gt;BREAKS&lt;/b&gt; you give.&lt;/li&gt;&lt;li&gt;&lt;b&gt;BREAKS&lt;/b&gt;: increasing comma list of the k − 1 interior breaks; a value equal to a break belongs to the lower grade. The output BREAKS_USED has the same form, so a model can reuse it.&lt;/li&gt;&lt;li&gt;&lt;b&gt;MIN_AREA&lt;/b&gt; (hectares): connected patches (cells sharing an edge) smaller than this merge into their largest neighbour (GDAL sieve); 0 keeps every cell.&lt;/li&gt;&lt;li&gt;&lt;b&gt;CONTROL_GRADE&lt;/b&gt;: grades ≥ this form the controlled zone (default: the top grade).&lt;/li&gt;&lt;li&gt;&lt;b&gt;UNITS&lt;/b&gt;, &lt;b&gt;UNIT_FIELD&lt;/b&gt;: optional administrative polygons (e.g. townships) for the area table.&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: grade raster (Byte, 1 = lowest, 0 = nodata); &lt;b&gt;OUTPUT_ZONES&lt;/b&gt;: dissolved polygons with grade, label (interface language), label_en, label_zh, area_ha, share_pct; &lt;b&gt;OUTPUT_LINES&lt;/b&gt;: the controlled zone's boundaries with line_id, kind (outer boundary or inner enclave), min_grade and length_m; &lt;b&gt;OUTPUT_TABLE&lt;/b&gt;: area per grade per unit; &lt;b&gt;OUTPUT_HTML&lt;/b&gt;: histogram with the breaks, area per grade, goodness of variance fit.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;References&lt;/h3&gt;&lt;p&gt;Fisher W D (1958) On grouping for maximum homogeneity. JASA 53: 789–798. Jenks G F (1977) Optimal data classification for choropleth maps. Wang H, Song M (2011) Ckmeans.1d.dp: optimal k-means clustering in one dimension by dynamic programming. The R Journal 3(2): 29–33. 自然资源部 (2020) 省级国土空间规划编制指南（试行）.&lt;/p&gt;</source>
        <translation>&lt;p&gt;将风险栅格划分为若干等级，把小于最小面积的图斑并入周边，生成风险分区，并沿管控区边界绘制总体规划所需的风险控制线。&lt;/p&gt;&lt;h3&gt;参数&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;INPUT&lt;/b&gt;：风险栅格（例如“多灾种叠加”的结果），须为以米为单位的投影坐标系。&lt;/li&gt;&lt;li&gt;&lt;b&gt;CLASSES&lt;/b&gt;：分级数，2–9（默认 5：低 / 较低 / 中 / 较高 / 高）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;METHOD&lt;/b&gt;：&lt;i&gt;自然断点法（Fisher–Jenks）&lt;/i&gt;：在全部有效像元上使组内离差平方和最小的划分——不同值不超过 65 536 个时为精确解，否则在 16 384 个分箱上计算，各箱保存的累加和使每一级的离差仍然精确；&lt;i&gt;分位数&lt;/i&gt;：各级像元数相等；&lt;i&gt;等间距&lt;/i&gt;；&lt;i&gt;标准差&lt;/i&gt;：每级宽一个 σ，关于均值对称（级数为奇数时中间一级以均值为中心，为偶数时均值本身是断点），最外两级不设边界；&lt;i&gt;手动&lt;/i&gt;：使用给定的 &lt;b&gt;BREAKS&lt;/b&gt;。&lt;/li&gt;&lt;li&gt;&lt;b&gt;BREAKS&lt;/b&gt;：以英文逗号分隔、递增的 k − 1 个内部断点；等于断点的值归入较低一级。输出 BREAKS_USED 的格式相同，可在模型中直接复用。&lt;/li&gt;&lt;li&gt;&lt;b&gt;MIN_AREA&lt;/b&gt;（公顷）：小于该面积的连通图斑（以共边相连的像元）并入相邻的最大图斑（GDAL 筛选）；0 表示保留全部像元。&lt;/li&gt;&lt;li&gt;&lt;b&gt;CONTROL_GRADE&lt;/b&gt;：≥ 该等级的像元构成管控区（默认：最高等级）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;UNITS&lt;/b&gt;、&lt;b&gt;UNIT_FIELD&lt;/b&gt;：可选的行政单元面（如乡镇），用于面积统计表。&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：等级栅格（Byte，1 = 最低，0 = 无数据）；&lt;b&gt;OUTPUT_ZONES&lt;/b&gt;：按等级融合的面，字段为 grade、label（界面语言）、label_en、label_zh、area_ha、share_pct；&lt;b&gt;OUTPUT_LINES&lt;/b&gt;：管控区边界，字段为 line_id、kind（外边界或内部飞地边界）、min_grade 和 length_m；&lt;b&gt;OUTPUT_TABLE&lt;/b&gt;：各单元各等级面积；&lt;b&gt;OUTPUT_HTML&lt;/b&gt;：带断点的直方图、各等级面积、方差拟合优度。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;参考文献&lt;/h3&gt;&lt;p&gt;Fisher W D (1958) On grouping for maximum homogeneity. JASA 53: 789–798. Jenks G F (1977) Optimal data classification for choropleth maps. Wang H, Song M (2011) Ckmeans.1d.dp: optimal k-means clustering in one dimension by dynamic programming. The R Journal 3(2): 29–33. 自然资源部 (2020) 省级国土空间规划编制指南（试行）.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/help/riskzoning.py" line="42"/>
        <source>BREAKS must hold exactly CLASSES − 1 increasing values, otherwise the run is refused. BREAKS_USED holds the exact breaks, so fed back as BREAKS it reproduces the grades. MIN_AREA must be smaller than the valid area. Units without geometry, or without any graded cell, keep a row of zero areas and are listed in the log; invalid unit polygons are repaired and the repairs reported. Grades left without any cell are named.</source>
        <translation>BREAKS 必须恰好包含 CLASSES − 1 个递增的数值，否则拒绝运行。BREAKS_USED 给出精确的分级断点，作为 BREAKS 回填即可重现相同的分级。MIN_AREA 必须小于有效面积。没有几何或不含任何分级单元的统计单元保留一行零面积，并在日志中列出；无效的单元多边形会被修复并报告。没有任何栅格单元的等级会被指出。</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/riskzoning.py" line="100"/>
        <source>{unit} has zero area: {reason}</source>
        <translation>{unit} 面积为零：{reason}</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="90"/>
        <source>Manual breaks</source>
        <translation>手动断点</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="91"/>
        <source>For the manual method: the k − 1 inner breaks as an increasing comma list (e.g. 0.2, 0.4, 0.6, 0.8 for 5 grades); a value equal to a break belongs to the lower grade. BREAKS_USED of an earlier run gives the same grades.</source>
        <translation>仅用于手动方法：k − 1 个内部断点，递增排列，以英文逗号分隔（例如 5 个等级为 0.2, 0.4, 0.6, 0.8）；等于断点的值归入较低等级。填入以往运行的 BREAKS_USED 可得到相同的分级。</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="101"/>
        <source>Lowest grade of the controlled zone</source>
        <translation>管控区的最低等级</translation>
    </message>
    <message>
        <location filename="../processing_provider/risk_zoning.py" line="104"/>
        <source>Grades from this one up form the controlled zone, outlined by the risk control lines. Empty = the top grade only.</source>
        <translation>该等级及以上构成管控区，其边界即风险控制线。留空 = 仅最高等级。</translation>
    </message>
</context>
<context>
    <name>ServiceCoverage</name>
    <message>
        <location filename="../processing_provider/service_coverage.py" line="66"/>
        <source>Service coverage (shelters, medical facilities)</source>
        <translation>服务覆盖（避难场所、医疗设施）</translation>
    </message>
    <message>
        <location filename="../processing_provider/service_coverage.py" line="69"/>
        <source>Population within reach of shelters and medical facilities along the roads: coverage, facility load, 2SFCA, service areas</source>
        <translation>沿道路可到达避难场所和医疗设施的人口：覆盖、设施负荷、两步移动搜索法（2SFCA）、服务区</translation>
    </message>
    <message>
        <location filename="../processing_provider/service_coverage.py" line="72"/>
        <source>coverage,accessibility,2SFCA,service area,shelter,hospital,network,life circle,避难场所,服务覆盖,可达性,生活圈</source>
        <translation>覆盖,可达性,2SFCA,两步移动搜索法,服务区,避难场所,医院,网络,生活圈,服务覆盖</translation>
    </message>
    <message>
        <location filename="../processing_provider/service_coverage.py" line="76"/>
        <source>None (use THRESHOLDS)</source>
        <translation>无（使用 THRESHOLDS）</translation>
    </message>
    <message>
        <location filename="../processing_provider/service_coverage.py" line="77"/>
        <source>Emergency shelter: 500 m, 1 m² per person (GB 50413-2007)</source>
        <translation>紧急避难场所：500 m，人均 1 m²（GB 50413-2007）</translation>
    </message>
    <message>
        <location filename="../processing_provider/service_coverage.py" line="78"/>
        <source>Fixed shelter: 2 and 3 km, 2 m² per person (GB 50413-2007)</source>
        <translation>固定避难场所：2 km 和 3 km，人均 2 m²（GB 50413-2007）</translation>
    </message>
    <message>
        <location filename="../processing_provider/service_coverage.py" line="79"/>
        <source>5/10/15-minute life circles: 300, 500, 1000 m (GB 50180-2018)</source>
        <translation>5/10/15分钟生活圈：300、500、1000 m（GB 50180-2018）</translation>
    </message>
    <message>
        <location filename="../processing_provider/service_coverage.py" line="83"/>
        <source>Demand (residents: points or polygons)</source>
        <translation>需求点（居民：点或面）</translation>
    </message>
    <message>
        <location filename="../processing_provider/service_coverage.py" line="83"/>
        <source>Facilities (shelters, hospitals: points)</source>
        <translation>设施（避难场所、医院：点）</translation>
    </message>
    <message>
        <location filename="../processing_provider/service_coverage.py" line="83"/>
        <source>Facility id field</source>
        <translation>设施编号字段</translation>
    </message>
    <message>
        <location filename="../processing_provider/service_coverage.py" line="83"/>
        <source>Capacity field (persons)</source>
        <translation>容量字段（人）</translation>
    </message>
    <message>
        <location filename="../processing_provider/service_coverage.py" line="83"/>
        <source>Effective area field (m²)</source>
        <translation>有效面积字段（m²）</translation>
    </message>
    <message>
        <location filename="../processing_provider/service_coverage.py" line="83"/>
        <source>Effective area per person (m²)</source>
        <translation>人均有效面积（m²）</translation>
    </message>
    <message>
        <location filename="../processing_provider/service_coverage.py" line="118"/>
        <source>Planning standard preset</source>
        <translation>规划标准预设</translation>
    </message>
    <message>
        <location filename="../processing_provider/service_coverage.py" line="132"/>
        <source>Demand with coverage</source>
        <translation>含覆盖信息的需求点</translation>
    </message>
    <message>
        <location filename="../processing_provider/service_coverage.py" line="135"/>
        <source>Facilities with load</source>
        <translation>含负荷信息的设施</translation>
    </message>
    <message>
        <location filename="../processing_provider/service_coverage.py" line="138"/>
        <source>Service areas</source>
        <translation>服务区</translation>
    </message>
    <message>
        <location filename="../processing_provider/service_coverage.py" line="143"/>
        <source>Population covered within the first threshold (%)</source>
        <translation>第一个阈值内的覆盖人口（%）</translation>
    </message>
    <message>
        <location filename="../processing_provider/service_coverage.py" line="144"/>
        <source>Costs of the coverage curve (comma list, 0 to the largest threshold)</source>
        <translation>覆盖曲线的成本值（逗号分隔列表，从 0 到最大阈值）</translation>
    </message>
    <message>
        <location filename="../processing_provider/service_coverage.py" line="145"/>
        <source>Population covered at each cost of the curve (%, comma list)</source>
        <translation>曲线各成本值下被覆盖的人口比例（%，逗号分隔列表）</translation>
    </message>
    <message>
        <location filename="../processing_provider/service_coverage.py" line="146"/>
        <source>Coverage report</source>
        <translation>覆盖报告</translation>
    </message>
    <message>
        <location filename="../processing_provider/service_coverage.py" line="146"/>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../processing_provider/service_coverage.py" line="159"/>
        <source>Preset: thresholds {t} m on distance{area}</source>
        <translation>预设：距离阈值 {t} m{area}</translation>
    </message>
    <message>
        <location filename="../processing_provider/service_coverage.py" line="159"/>
        <source>, {a:g} m² per person</source>
        <translation>，人均 {a:g} m²</translation>
    </message>
    <message>
        <location filename="../processing_provider/service_coverage.py" line="168"/>
        <source>THRESHOLDS needs one or more positive numbers, e.g. 300, 500, 1000</source>
        <translation>THRESHOLDS 需要一个或多个正数，例如 300, 500, 1000</translation>
    </message>
    <message>
        <location filename="../processing_provider/service_coverage.py" line="173"/>
        <source>The demand layer</source>
        <translation>需求点图层</translation>
    </message>
    <message>
        <location filename="../processing_provider/service_coverage.py" line="173"/>
        <source>The facility layer</source>
        <translation>设施图层</translation>
    </message>
    <message>
        <location filename="../processing_provider/service_coverage.py" line="173"/>
        <source>Facility</source>
        <translation>设施</translation>
    </message>
    <message>
        <location filename="../processing_provider/service_coverage.py" line="195"/>
        <source>Barriers need a road network; without one, straight-line distances ignore them</source>
        <translation>障碍需要道路网络；没有道路网络时，直线距离会忽略障碍</translation>
    </message>
    <message>
        <location filename="../processing_provider/service_coverage.py" line="244"/>
        <source>Population within {t:g} {u}: {p:.2f} %</source>
        <translation>{t:g} {u} 内的人口：{p:.2f} %</translation>
    </message>
    <message>
        <location filename="../processing_provider/service_coverage.py" line="254"/>
        <source>Facilities</source>
        <translation>设施</translation>
    </message>
    <message>
        <location filename="../processing_provider/service_coverage.py" line="259"/>
        <source>{n} facilities have no capacity and count as 0 persons</source>
        <translation>{n} 处设施没有容量值，按 0 人计</translation>
    </message>
    <message>
        <location filename="../processing_provider/service_coverage.py" line="262"/>
        <source>{n} facilities have a capacity of 0: anyone assigned to them overloads them</source>
        <translation>{n} 处设施的容量为 0：分配给它们的任何人都会使其超载</translation>
    </message>
    <message>
        <location filename="../processing_provider/service_coverage.py" line="271"/>
        <source>{n} demand points are more than {d:g} m from any road: reported as unreachable</source>
        <translation>{n} 个需求点与最近道路的距离超过 {d:g} m：报告为不可达</translation>
    </message>
    <message>
        <location filename="../processing_provider/service_coverage.py" line="276"/>
        <source>{n} facilities are more than {d:g} m from any road: they serve nobody</source>
        <translation>{n} 处设施与最近道路的距离超过 {d:g} m：不服务任何人</translation>
    </message>
    <message>
        <location filename="../processing_provider/service_coverage.py" line="350"/>
        <source>Cancelled: no output was written</source>
        <translation>已取消：未写入任何输出</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/servicecoverage.py" line="49"/>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/servicecoverage.py" line="50"/>
        <source>Population covered</source>
        <translation>覆盖人口</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/servicecoverage.py" line="51"/>
        <source>Covered (%)</source>
        <translation>覆盖率（%）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/servicecoverage.py" line="52"/>
        <source>Underserved population</source>
        <translation>服务不足人口</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/servicecoverage.py" line="55"/>
        <source>Cost to the nearest facility ({u})</source>
        <translation>到最近设施的成本（{u}）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/servicecoverage.py" line="55"/>
        <source>Population covered (%)</source>
        <translation>覆盖人口（%）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/servicecoverage.py" line="63"/>
        <source>Coverage per threshold</source>
        <translation>各阈值覆盖情况</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/servicecoverage.py" line="64"/>
        <source>Coverage against cost</source>
        <translation>覆盖率与成本的关系</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/servicecoverage.py" line="81"/>
        <source>Total capacity (persons)</source>
        <translation>总容量（人）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/servicecoverage.py" line="82"/>
        <source>Total population (persons)</source>
        <translation>总人口（人）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/servicecoverage.py" line="83"/>
        <source>Overall capacity gap (persons)</source>
        <translation>总容量缺口（人）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/servicecoverage.py" line="84"/>
        <source>Overall capacity gap (m² at {a:g} m² per person)</source>
        <translation>总容量缺口（m²，按人均 {a:g} m² 计）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/servicecoverage.py" line="88"/>
        <source>Overloaded facilities</source>
        <translation>超载设施</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/servicecoverage.py" line="89"/>
        <source>Assigned beyond capacity (persons)</source>
        <translation>超出容量的分配人数（人）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/servicecoverage.py" line="102"/>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/servicecoverage.py" line="73"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/servicecoverage.py" line="73"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/servicecoverage.py" line="103"/>
        <source>Facility load (nearest facility within the first threshold)</source>
        <translation>设施负荷（第一个阈值内的最近设施）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/servicecoverage.py" line="97"/>
        <source>Assigned</source>
        <translation>分配人数</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/servicecoverage.py" line="99"/>
        <source>Load ratio</source>
        <translation>负荷率</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/servicecoverage.py" line="109"/>
        <source>Demand points off the network</source>
        <translation>未接入道路网络的需求点</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/servicecoverage.py" line="110"/>
        <source>2SFCA catchment</source>
        <translation>2SFCA 搜索半径</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/servicecoverage.py" line="113"/>
        <source>Demand features without geometry (counted as not covered)</source>
        <translation>无几何的需求要素（计为未覆盖）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/servicecoverage.py" line="68"/>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/servicecoverage.py" line="69"/>
        <source>Service coverage report</source>
        <translation>服务覆盖报告</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/help/servicecoverage.py" line="10"/>
        <source>&lt;p&gt;Who reaches a shelter, first-aid station or other facility within a distance or time along the roads — the community emergency network path of territorial space resilience (构建社区应急空间网络).&lt;/p&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;DEMAND&lt;/b&gt;: residents as points, or polygons (blocks, communities) represented by a point on their surface; &lt;b&gt;POPULATION_FIELD&lt;/b&gt;: persons (NULL counts 0, reported).&lt;/li&gt;&lt;li&gt;&lt;b&gt;FACILITIES&lt;/b&gt;: points; &lt;b&gt;FACILITY_ID_FIELD&lt;/b&gt; (unique) names them in the outputs (default: feature id). Capacity in persons from &lt;b&gt;CAPACITY_FIELD&lt;/b&gt;, or from &lt;b&gt;AREA_FIELD&lt;/b&gt; (effective area, m²) divided by &lt;b&gt;AREA_PER_PERSON&lt;/b&gt; (m² per person), rounded down.&lt;/li&gt;</source>
        <translation>&lt;p&gt;沿道路在一定距离或时间内，哪些居民能够到达避难场所、急救站或其他设施——即国土空间韧性的社区应急网络路径（构建社区应急空间网络）。&lt;/p&gt;&lt;h3&gt;参数&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;DEMAND&lt;/b&gt;：居民点，或以面内一点代表的面（街区、社区）；&lt;b&gt;POPULATION_FIELD&lt;/b&gt;：人数（NULL 按 0 计，并在报告中列出）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;FACILITIES&lt;/b&gt;：点；&lt;b&gt;FACILITY_ID_FIELD&lt;/b&gt;（唯一）用于在输出中标识设施（默认：要素 ID）。容量（人）取自 &lt;b&gt;CAPACITY_FIELD&lt;/b&gt;，或由 &lt;b&gt;AREA_FIELD&lt;/b&gt;（有效面积，m²）除以 &lt;b&gt;AREA_PER_PERSON&lt;/b&gt;（人均 m²）后向下取整得到。&lt;/li&gt;</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/help/servicecoverage.py" line="10"/>
        <source>&lt;li&gt;&lt;b&gt;THRESHOLDS&lt;/b&gt;: comma list of distances (m) or times (min). &lt;b&gt;PRESET&lt;/b&gt; replaces them with a planning standard's: &lt;i&gt;emergency shelter&lt;/i&gt; 500 m and 1 m² per person, &lt;i&gt;fixed shelter&lt;/i&gt; 2 and 3 km and 2 m² per person (GB 50413-2007 §8.2.8–8.2.10, urban seismic disaster prevention planning); &lt;i&gt;life circles&lt;/i&gt; 300, 500 and 1000 m (5-, 10- and 15-minute walks, GB 50180-2018, TD/T 1062-2021); presets measure distance.&lt;/li&gt;&lt;li&gt;&lt;b&gt;BARRIERS&lt;/b&gt;: polygons (flooded areas, collapsed zones) whose roads are closed; roads are cut at their edges.&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT_DEMAND&lt;/b&gt;: each demand with nearest_id and cost of the nearest facility, reached (0 = farther than MAX_SNAP from a road), covered_T per threshold T, and access_2sfca, the two-step floating catchment accessibility at the first threshold d₀: R_j = S_j / Σ_{k: d_kj ≤ d₀} P_k, A_i = Σ_{j: d_ij ≤ d₀} R_j (places per resident).&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT_FACILITIES&lt;/b&gt;: demand_T, the population within each threshold (a resident near two facilities counts for both); capacity; assigned, the population for which it is the nearest facility within the first threshold; load_ratio = assigned / capacity; overloaded = assigned &amp;gt; capacity.&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT_AREAS&lt;/b&gt;: per facility and threshold, the area from which it is reached in time, built from the reachable roads: each stretch of road (at most a tenth of the threshold long) is widened by the access distance still affordable at its costlier end, up to MAX_SNAP, so every place inside is within the threshold. Without a network: circles.&lt;/li&gt;&lt;li&gt;&lt;b&gt;COVERED_PERCENT&lt;/b&gt;: population within the first threshold of some facility (%). &lt;b&gt;CURVE_COSTS&lt;/b&gt;, &lt;b&gt;COVERAGE_CURVE&lt;/b&gt;: the coverage curve as two comma lists, 41 costs from 0 to the largest threshold and the population (%) whose nearest facility is within each. &lt;b&gt;OUTPUT_HTML&lt;/b&gt;: coverage per threshold, the underserved population, coverage against cost, the capacity gap in persons and m² and the load of each facility.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;References&lt;/h3&gt;&lt;p&gt;Luo W, Wang F (2003) Measures of spatial accessibility to health care in a GIS environment. Environment and Planning B 30: 865–884. Dijkstra E W (1959) A note on two problems in connexion with graphs. Numerische Mathematik 1: 269–271. GB 50413-2007 城市抗震防灾规划标准; GB 50180-2018 城市居住区规划设计标准; TD/T 1062-2021 社区生活圈规划技术指南.&lt;/p&gt;</source>
        <translation>&lt;li&gt;&lt;b&gt;THRESHOLDS&lt;/b&gt;：以逗号分隔的距离（m）或时间（min）列表。&lt;b&gt;PRESET&lt;/b&gt; 会以规划标准中的取值替换它们：&lt;i&gt;紧急避难场所&lt;/i&gt; 500 m、人均 1 m²，&lt;i&gt;固定避难场所&lt;/i&gt; 2 km 和 3 km、人均 2 m²（GB 50413-2007 §8.2.8–8.2.10，城市抗震防灾规划）；&lt;i&gt;生活圈&lt;/i&gt; 300、500 和 1000 m（5、10、15 分钟步行，GB 50180-2018，TD/T 1062-2021）；预设均按距离计算。&lt;/li&gt;&lt;li&gt;&lt;b&gt;BARRIERS&lt;/b&gt;：面（淹没区、倒塌区），其中的道路封闭；道路在其边界处截断。&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT_DEMAND&lt;/b&gt;：每个需求点，带有最近设施的 nearest_id 和 cost、reached（0 = 与道路的距离超过 MAX_SNAP）、每个阈值 T 的 covered_T，以及 access_2sfca，即第一个阈值 d₀ 下的两步移动搜索法（2SFCA）可达性：R_j = S_j / Σ_{k: d_kj ≤ d₀} P_k，A_i = Σ_{j: d_ij ≤ d₀} R_j（人均容量）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT_FACILITIES&lt;/b&gt;：demand_T，即各阈值内的人口（同时邻近两处设施的居民对两者都计入）；capacity，即容量；assigned，即在第一个阈值内以该设施为最近设施的人口；load_ratio = assigned / capacity；overloaded = assigned &amp;gt; capacity。&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT_AREAS&lt;/b&gt;：按设施和阈值生成在阈值内可到达该设施的范围，由可达道路构建：每段道路（长度至多为阈值的十分之一）按其成本较高一端仍剩余的接入距离向外扩展，最多为 MAX_SNAP，从而保证范围内每一处都在阈值之内。没有道路网络时：圆形。&lt;/li&gt;&lt;li&gt;&lt;b&gt;COVERED_PERCENT&lt;/b&gt;：位于某一设施第一个阈值内的人口（%）。&lt;b&gt;CURVE_COSTS&lt;/b&gt;、&lt;b&gt;COVERAGE_CURVE&lt;/b&gt;：以两个逗号分隔列表表示的覆盖曲线，即从 0 到最大阈值的 41 个成本值，以及最近设施在各成本以内的人口比例（%）。&lt;b&gt;OUTPUT_HTML&lt;/b&gt;：各阈值的覆盖情况、服务不足人口、覆盖率与成本的关系、以人数和 m² 计的容量缺口，以及各设施的负荷。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;参考文献&lt;/h3&gt;&lt;p&gt;Luo W, Wang F (2003) Measures of spatial accessibility to health care in a GIS environment. Environment and Planning B 30: 865–884. Dijkstra E W (1959) A note on two problems in connexion with graphs. Numerische Mathematik 1: 269–271. GB 50413-2007 城市抗震防灾规划标准; GB 50180-2018 城市居住区规划设计标准; TD/T 1062-2021 社区生活圈规划技术指南.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing_provider/service_coverage.py" line="83"/>
        <source>Effective shelter area of each facility; without CAPACITY_FIELD, capacity = area ÷ AREA_PER_PERSON (rounded down).</source>
        <translation>每个设施的有效避难面积；未给出 CAPACITY_FIELD 时，容量 = 面积 ÷ AREA_PER_PERSON（向下取整）。</translation>
    </message>
    <message>
        <location filename="../processing_provider/service_coverage.py" line="83"/>
        <source>Persons each facility can take; empty = from AREA_FIELD, or no capacity (no load ratio).</source>
        <translation>每个设施可容纳的人数；留空 = 由 AREA_FIELD 推算，二者都未给出则无容量（不计算负荷率）。</translation>
    </message>
    <message>
        <location filename="../processing_provider/service_coverage.py" line="109"/>
        <source>Thresholds</source>
        <translation>阈值</translation>
    </message>
    <message>
        <location filename="../processing_provider/service_coverage.py" line="109"/>
        <source>Comma list of distances (m) or times (minutes), as COST measures them, e.g. 300, 500, 1000. The first one is also the 2SFCA catchment and the reach of the facility load. A PRESET replaces them.</source>
        <translation>以逗号分隔的距离（米）或时间（分钟），与 COST 的度量方式一致，如 300, 500, 1000。第一个阈值同时是 2SFCA 的搜索半径和设施负荷的统计范围。选择 PRESET 时以预设取代。</translation>
    </message>
    <message>
        <location filename="../processing_provider/service_coverage.py" line="118"/>
        <source>A planning standard sets the thresholds (on distance) and the area per person, instead of THRESHOLDS, COST and AREA_PER_PERSON.</source>
        <translation>按规划标准设定阈值（按距离）和人均面积，取代 THRESHOLDS、COST 和 AREA_PER_PERSON。</translation>
    </message>
    <message>
        <location filename="../processing_provider/service_coverage.py" line="126"/>
        <source>Barriers</source>
        <translation>障碍点</translation>
    </message>
    <message>
        <location filename="../processing_provider/service_coverage.py" line="126"/>
        <source>Polygons (a flooded area, a collapsed bridge…): every road inside them is closed. Needs a road network.</source>
        <translation>面要素（如淹没区、垮塌的桥梁…）：其中的道路全部封闭。需要道路网络。</translation>
    </message>
</context>
<context>
    <name>SetsIndex</name>
    <message>
        <location filename="../processing_provider/sets_index.py" line="90"/>
        <source>SETS resilience index</source>
        <translation>SETS 韧性指数</translation>
    </message>
    <message>
        <location filename="../processing_provider/sets_index.py" line="93"/>
        <source>Score planning units on the social, ecological and technological dimensions of resilience, grade and rank them, and aggregate them to the level above</source>
        <translation>从社会、生态、技术三个维度评价规划单元的韧性，分级、排序，并汇总到上一级</translation>
    </message>
    <message>
        <location filename="../processing_provider/sets_index.py" line="99"/>
        <source>SETS,resilience,index,social,ecological,technological,entropy weight,CRITIC,township,county,韧性,社会生态技术系统,熵权法,指标</source>
        <translation>SETS,韧性,指数,社会,生态,技术,熵权法,CRITIC,乡镇,县,resilience,index,entropy weight,社会生态技术系统,指标</translation>
    </message>
    <message>
        <location filename="../processing_provider/sets_index.py" line="116"/>
        <source>Planning units (polygons)</source>
        <translation>规划单元（面）</translation>
    </message>
    <message>
        <location filename="../processing_provider/sets_index.py" line="119"/>
        <source>Social (S) indicator fields</source>
        <translation>社会（S）指标字段</translation>
    </message>
    <message>
        <location filename="../processing_provider/sets_index.py" line="119"/>
        <source>Ecological (E) indicator fields</source>
        <translation>生态（E）指标字段</translation>
    </message>
    <message>
        <location filename="../processing_provider/sets_index.py" line="119"/>
        <source>Technological (T) indicator fields</source>
        <translation>技术（T）指标字段</translation>
    </message>
    <message>
        <location filename="../processing_provider/sets_index.py" line="125"/>
        <source>Negative indicators (higher is worse)</source>
        <translation>负向指标（越大越差）</translation>
    </message>
    <message>
        <location filename="../processing_provider/sets_index.py" line="135"/>
        <source>Indicator weighting</source>
        <translation>指标赋权方法</translation>
    </message>
    <message>
        <location filename="../processing_provider/sets_index.py" line="151"/>
        <source>Aggregation of the dimensions</source>
        <translation>维度合成方法</translation>
    </message>
    <message>
        <location filename="../processing_provider/sets_index.py" line="159"/>
        <source>Level of the units</source>
        <translation>单元层级</translation>
    </message>
    <message>
        <location filename="../processing_provider/sets_index.py" line="170"/>
        <source>SETS resilience of the units</source>
        <translation>单元 SETS 韧性</translation>
    </message>
    <message>
        <location filename="../processing_provider/sets_index.py" line="173"/>
        <source>SETS resilience of the parent units</source>
        <translation>上级单元 SETS 韧性</translation>
    </message>
    <message>
        <location filename="../processing_provider/sets_index.py" line="182"/>
        <source>SETS report</source>
        <translation>SETS 报告</translation>
    </message>
    <message>
        <location filename="../processing_provider/sets_index.py" line="182"/>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../processing_provider/sets_index.py" line="187"/>
        <source>Mean resilience of the units</source>
        <translation>单元平均韧性</translation>
    </message>
    <message>
        <location filename="../processing_provider/sets_index.py" line="188"/>
        <source>Indicator weights used (comma list, within each dimension)</source>
        <translation>所用指标权重（逗号分隔，各维度内）</translation>
    </message>
    <message>
        <location filename="../processing_provider/sets_index.py" line="211"/>
        <source>The unit layer has no field(s) {fields}; its fields are {available}</source>
        <translation>单元图层中没有字段 {fields}；图层字段为 {available}</translation>
    </message>
    <message>
        <location filename="../processing_provider/sets_index.py" line="220"/>
        <source>The field &apos;{field}&apos; is of type {type}, not a number; indicator and population fields must be numeric (convert it with the field calculator, e.g. to_real(&quot;{field}&quot;))</source>
        <translation>字段“{field}”的类型为 {type}，不是数值；指标字段和人口字段必须为数值型（可用字段计算器转换，如 to_real(&quot;{field}&quot;)）</translation>
    </message>
    <message>
        <location filename="../processing_provider/sets_index.py" line="273"/>
        <source>The population field is used only to aggregate to parent units; no parent field was given</source>
        <translation>人口字段仅用于汇总到上级单元；未选择上级单元字段</translation>
    </message>
    <message>
        <location filename="../processing_provider/sets_index.py" line="433"/>
        <source>Cancelled: no output was written</source>
        <translation>已取消：未写入任何输出</translation>
    </message>
    <message>
        <location filename="../processing_provider/sets_index.py" line="312"/>
        <source>Indicator weights ({method}): {weights}</source>
        <translation>指标权重（{method}）：{weights}</translation>
    </message>
    <message>
        <location filename="../processing_provider/sets_index.py" line="345"/>
        <source>Mean resilience of the {count} units: {mean:.4f}</source>
        <translation>{count} 个单元的平均韧性：{mean:.4f}</translation>
    </message>
    <message>
        <location filename="../processing_provider/sets_index.py" line="394"/>
        <source>The input field &apos;{field}&apos; is replaced by the computed one of the same name</source>
        <translation>输入字段“{field}”被同名的计算字段替换</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/setsindex.py" line="116"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/setsindex.py" line="116"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/setsindex.py" line="138"/>
        <source>Units</source>
        <translation>单元数</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/setsindex.py" line="103"/>
        <source>Normalisation</source>
        <translation>归一化</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/setsindex.py" line="103"/>
        <source>min–max over the units; negative indicators reversed (1 − r)</source>
        <translation>单元间极差标准化；负向指标取反（1 − r）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/setsindex.py" line="105"/>
        <source>Dimension index</source>
        <translation>维度指数</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/setsindex.py" line="105"/>
        <source>within each dimension</source>
        <translation>各维度内</translation>
    </message>
    <message>
        <location filename="../processing_provider/sets_index.py" line="147"/>
        <source>Dimension weights S, E, T</source>
        <translation>维度权重 S、E、T</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/setsindex.py" line="108"/>
        <source>Grading rule</source>
        <translation>分级规则</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/setsindex.py" line="108"/>
        <source>equal intervals of R: 1 low (R ≤ 0.2), 2 relatively low (≤ 0.4), 3 medium (≤ 0.6), 4 relatively high (≤ 0.8), 5 high</source>
        <translation>按 R 等间距：1 低（R ≤ 0.2），2 较低（≤ 0.4），3 中（≤ 0.6），4 较高（≤ 0.8），5 高</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/setsindex.py" line="114"/>
        <source>Mean resilience</source>
        <translation>平均韧性</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/setsindex.py" line="75"/>
        <source>Set-up</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/setsindex.py" line="76"/>
        <source>Indicator weights ({method})</source>
        <translation>指标权重（{method}）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/setsindex.py" line="80"/>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/setsindex.py" line="223"/>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/setsindex.py" line="124"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/setsindex.py" line="81"/>
        <source>Units per grade</source>
        <translation>各等级单元数</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/setsindex.py" line="91"/>
        <source>Unit profiles</source>
        <translation>单元韧性画像</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/setsindex.py" line="135"/>
        <source>Parent units ({level}, by &apos;{field}&apos;, population-weighted means)</source>
        <translation>上级单元（{level}，按“{field}”，人口加权平均）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/setsindex.py" line="137"/>
        <source>Parent units ({level}, by &apos;{field}&apos;, unweighted means)</source>
        <translation>上级单元（{level}，按“{field}”，不加权平均）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/setsindex.py" line="138"/>
        <source>Population</source>
        <translation>人口</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/setsindex.py" line="94"/>
        <source>SETS resilience report</source>
        <translation>SETS 韧性评价报告</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/setsindex.py" line="160"/>
        <source>Entropy e</source>
        <translation>熵值 e</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/setsindex.py" line="161"/>
        <source>Conflict Σ(1 − ρ)</source>
        <translation>冲突性 Σ(1 − ρ)</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/setsindex.py" line="162"/>
        <source>Given weight</source>
        <translation>给定权重</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/setsindex.py" line="188"/>
        <source>constant: weight 0</source>
        <translation>恒定值：权重为 0</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/setsindex.py" line="165"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/setsindex.py" line="165"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/setsindex.py" line="165"/>
        <source>Weight in dimension</source>
        <translation>维度内权重</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/setsindex.py" line="165"/>
        <source>Overall weight</source>
        <translation>综合权重</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/setsindex.py" line="165"/>
        <source>Minimum</source>
        <translation>最小值</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/setsindex.py" line="165"/>
        <source>Maximum</source>
        <translation>最大值</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/setsindex.py" line="165"/>
        <source>Nulls imputed (mean)</source>
        <translation>空值插补（均值）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/setsindex.py" line="165"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/setsindex.py" line="194"/>
        <source>{dimension} · {zh} — dimension weight {weight:.4g}</source>
        <translation>{dimension} — 维度权重 {weight:.4g}</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/setsindex.py" line="223"/>
        <source>Rank</source>
        <translation>排序</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/setsindex.py" line="223"/>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/setsindex.py" line="223"/>
        <source>Profile S / E / T</source>
        <translation>画像 S / E / T</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/setsindex.py" line="223"/>
        <source>Resilience</source>
        <translation>韧性</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/setsindex.py" line="223"/>
        <source>Weakest dimension</source>
        <translation>短板维度</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/help/setsindex.py" line="9"/>
        <source>&lt;p&gt;Scores planning units (townships, counties, … polygons) on the three dimensions of territorial space resilience read as a socio-eco-technological system (SETS): Social (S), Ecological (E) and Technological (T); combines them into one resilience score, grades and ranks the units, names each unit's weakest dimension (短板) and aggregates the units to the level above. Scores are relative to the units assessed together: 0 = the weakest, 1 = the strongest.&lt;/p&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;INPUT&lt;/b&gt;: the planning units (polygons), one feature per unit.&lt;/li&gt;&lt;li&gt;&lt;b&gt;SOCIAL_FIELDS&lt;/b&gt;, &lt;b&gt;ECOLOGICAL_FIELDS&lt;/b&gt;, &lt;b&gt;TECHNOLOGICAL_FIELDS&lt;/b&gt;: the numeric indicator fields of each dimension (at least one each; a field belongs to one dimension only), e.g. GDP per capita, doctors per 1000 (S); forest cover, share of the ecological red line (E); road density, shelter area per capita, drainage design return period (T).&lt;/li&gt;&lt;li&gt;&lt;b&gt;NEGATIVE_FIELDS&lt;/b&gt;: indicators for which a higher value is worse (e.g. share of elderly people, impervious share); they are reversed.&lt;/li&gt;&lt;li&gt;&lt;b&gt;WEIGHTING&lt;/b&gt;: how the indicators of a dimension are weighted (the weights sum to 1 within each dimension): &lt;i&gt;equal&lt;/i&gt;; &lt;i&gt;entropy weight method&lt;/i&gt; p&lt;sub&gt;ij&lt;/sub&gt; = r&lt;sub&gt;ij&lt;/sub&gt;/Σ&lt;sub&gt;i&lt;/sub&gt;r&lt;sub&gt;ij&lt;/sub&gt;, e&lt;sub&gt;j&lt;/sub&gt; = −(1/ln m) Σ&lt;sub&gt;i&lt;/sub&gt; p&lt;sub&gt;ij&lt;/sub&gt; ln p&lt;sub&gt;ij&lt;/sub&gt; (0·ln 0 = 0), w&lt;sub&gt;j&lt;/sub&gt; = (1 − e&lt;sub&gt;j&lt;/sub&gt;)/Σ&lt;sub&gt;k&lt;/sub&gt;(1 − e&lt;sub&gt;k&lt;/sub&gt;): indicators that differ more between units weigh more; &lt;i&gt;CRITIC&lt;/i&gt; C&lt;sub&gt;j&lt;/sub&gt; = σ&lt;sub&gt;j&lt;/sub&gt; Σ&lt;sub&gt;k&lt;/sub&gt;(1 − ρ&lt;sub&gt;jk&lt;/sub&gt;), w&lt;sub&gt;j&lt;/sub&gt; = C&lt;sub&gt;j&lt;/sub&gt;/Σ C&lt;sub&gt;k&lt;/sub&gt;, with σ the standard deviation of the normalised values and ρ the Pearson correlation with the other indicators of the same dimension: contrast and conflict both add weight, redundant indicators share it (if no indicator conflicts with another, w ∝ σ); &lt;i&gt;given&lt;/i&gt;: the &lt;b&gt;WEIGHTS&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;: for the given method, a comma list with one weight per indicator field, social fields first, then ecological, then technological, each in the order chosen (e.g. the WEIGHTS of tsr:ahpweights run per dimension, or the WEIGHTS_USED of an earlier run); renormalised to sum 1 within each dimension. Ignored by the other methods.&lt;/li&gt;&lt;li&gt;&lt;b&gt;DIMENSION_WEIGHTS&lt;/b&gt;: v&lt;sub&gt;S&lt;/sub&gt;, v&lt;sub&gt;E&lt;/sub&gt;, v&lt;sub&gt;T&lt;/sub&gt; as a comma list (normalised to sum 1); empty = 1/3 each.&lt;/li&gt;&lt;li&gt;&lt;b&gt;AGGREGATION&lt;/b&gt;: the dimension index is D = Σ w&lt;sub&gt;j&lt;/sub&gt;r&lt;sub&gt;j&lt;/sub&gt; over its indicators; the resilience combines the three: &lt;i&gt;weighted sum&lt;/i&gt; R = v&lt;sub&gt;S&lt;/sub&gt;S + v&lt;sub&gt;E&lt;/sub&gt;E + v&lt;sub&gt;T&lt;/sub&gt;T (a strong dimension compensates a weak one); &lt;i&gt;weighted geometric mean&lt;/i&gt; R = Π (ε + (1 − ε)D)&lt;sup&gt;v&lt;/sup&gt;, ε = 0.01, which limits that compensation, as the Human Development Index does across its dimensions. The geometric mean needs positive values: the dimension indices are mapped onto [0.01, 1] (the 1–100 scale), so a unit lowest on every indicator of one dimension does not get 0 whatever its other dimensions.&lt;/li&gt;&lt;li&gt;&lt;b&gt;LEVEL&lt;/b&gt;: the level of the units (national, province, city, county, township), written to the &lt;i&gt;level&lt;/i&gt; field.&lt;/li&gt;&lt;li&gt;&lt;b&gt;PARENT_FIELD&lt;/b&gt;: optional field holding the code of the unit above (e.g. the county code of each township); the parent level is the next one up (township → county → city → province → national); national units have no parent. Units without a parent value are left out of the parents (with a warning).&lt;/li&gt;&lt;li&gt;&lt;b&gt;POPULATION_FIELD&lt;/b&gt;: optional numeric population of each unit: the parent scores are population-weighted means of the unit scores, S̄ = Σ P&lt;sub&gt;i&lt;/sub&gt;S&lt;sub&gt;i&lt;/sub&gt;/Σ P&lt;sub&gt;i&lt;/sub&gt; (likewise E, T and R); without it, plain means.&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: the units with their attributes and S_index, E_index, T_index, resilience, grade (1–5), label (interface language), label_en, label_zh, weakest (S, E or T: the lowest index), rank (1 = most resilient; equal scores share a rank) and level. An input field with one of these names is replaced.&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT_PARENT&lt;/b&gt;: the parent units, their units dissolved into one polygon each, with parent, units, population and the same scores.&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT_HTML&lt;/b&gt;: the set-up and formula, the weights of every indicator per dimension with the terms of the method (entropy, or σ, conflict and C for CRITIC), imputed nulls, units per grade and every unit's profile (S, E, T bars, resilience, grade, weakest dimension), and the parent units.&lt;/li&gt;&lt;li&gt;&lt;b&gt;MEAN_RESILIENCE&lt;/b&gt;: mean resilience of the units; &lt;b&gt;WEIGHTS_USED&lt;/b&gt;: the indicator weights used (within each dimension, in the order of WEIGHTS), to repeat the run with the given method or to report them.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Method&lt;/h3&gt;&lt;p&gt;Indicators are normalised over the units by min–max, r = (x − min)/(max − min), and r = 1 − (x − min)/(max − min) for negative fields. A null value is replaced by the mean of the other units for that field (reported per field in the log and the report). A field with the same value in every unit carries no information: it gets weight 0 whatever the method (a warning says so); if every field of a dimension is constant, the run stops. Grades are equal intervals of R: 1 low (R ≤ 0.2), 2 relatively low (≤ 0.4), 3 medium (≤ 0.6), 4 relatively high (≤ 0.8), 5 high; a score on a break is in the lower grade. Missing, non-numeric or duplicated fields, an empty layer, a wrong number of weights and a parent field with national units are refused with a message.&lt;/p&gt;&lt;h3&gt;References&lt;/h3&gt;&lt;p&gt;Diakoulaki D, Mavrotas G, Papayannakis L (1995) Determining objective weights in multiple criteria problems: the CRITIC method. Computers &amp;amp; Operations Research 22(7): 763–770. Shannon C E (1948) A mathematical theory of communication. Bell System Technical Journal 27: 379–423. Zeleny M (1982) Multiple Criteria Decision Making. OECD/JRC (2008) Handbook on Constructing Composite Indicators: Methodology and User Guide. UNDP (2014) Human Development Report, Technical notes. Markolf S A et al. (2018) Interdependent infrastructure as linked social, ecological, and technological systems (SETSs) to address lock-in and enhance resilience. Earth's Future 6: 1638–1659. Yang Xuanmei. Territorial space resilience: a conceptual framework and its implementation path (国土空间韧性：概念框架及其实施路径).&lt;/p&gt;</source>
        <translation>&lt;p&gt;从韧性的三个维度——社会（S）、生态（E）、技术（T），即把国土空间韧性理解为“社会—生态—技术系统”（SETS）——评价规划单元（乡镇、县等面要素）；把三个维度合成为一个韧性得分，对单元分级、排序，指出每个单元的短板维度，并汇总到上一级。得分是参评单元之间的相对值：0 = 最弱，1 = 最强。&lt;/p&gt;&lt;h3&gt;参数&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;INPUT&lt;/b&gt;：规划单元（面），每个单元一个要素。&lt;/li&gt;&lt;li&gt;&lt;b&gt;SOCIAL_FIELDS&lt;/b&gt;、&lt;b&gt;ECOLOGICAL_FIELDS&lt;/b&gt;、&lt;b&gt;TECHNOLOGICAL_FIELDS&lt;/b&gt;：各维度的数值型指标字段（每个维度至少一个；一个字段只能属于一个维度），如人均 GDP、每千人医生数（S）；森林覆盖率、生态保护红线占比（E）；路网密度、人均避难场所面积、排水设计重现期（T）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;NEGATIVE_FIELDS&lt;/b&gt;：数值越大越差的负向指标（如老年人口比例、不透水面比例），标准化时取反。&lt;/li&gt;&lt;li&gt;&lt;b&gt;WEIGHTING&lt;/b&gt;：维度内指标的赋权方法（各维度内权重之和为 1）：&lt;i&gt;等权&lt;/i&gt;；&lt;i&gt;熵权法&lt;/i&gt; p&lt;sub&gt;ij&lt;/sub&gt; = r&lt;sub&gt;ij&lt;/sub&gt;/Σ&lt;sub&gt;i&lt;/sub&gt;r&lt;sub&gt;ij&lt;/sub&gt;，e&lt;sub&gt;j&lt;/sub&gt; = −(1/ln m) Σ&lt;sub&gt;i&lt;/sub&gt; p&lt;sub&gt;ij&lt;/sub&gt; ln p&lt;sub&gt;ij&lt;/sub&gt;（0·ln 0 = 0），w&lt;sub&gt;j&lt;/sub&gt; = (1 − e&lt;sub&gt;j&lt;/sub&gt;)/Σ&lt;sub&gt;k&lt;/sub&gt;(1 − e&lt;sub&gt;k&lt;/sub&gt;)：单元间差异越大的指标权重越大；&lt;i&gt;CRITIC 法&lt;/i&gt; C&lt;sub&gt;j&lt;/sub&gt; = σ&lt;sub&gt;j&lt;/sub&gt; Σ&lt;sub&gt;k&lt;/sub&gt;(1 − ρ&lt;sub&gt;jk&lt;/sub&gt;)，w&lt;sub&gt;j&lt;/sub&gt; = C&lt;sub&gt;j&lt;/sub&gt;/Σ C&lt;sub&gt;k&lt;/sub&gt;，σ 为标准化值的标准差，ρ 为与同一维度其他指标的 Pearson 相关系数：对比强度和冲突性都增加权重，相互冗余的指标分摊权重（若指标之间没有冲突，w ∝ σ）；&lt;i&gt;给定权重&lt;/i&gt;：使用 &lt;b&gt;WEIGHTS&lt;/b&gt;。&lt;/li&gt;&lt;li&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;：给定权重时使用，逗号分隔，每个指标字段一个权重，先社会字段，再生态字段，最后技术字段，各自按所选顺序（如对各维度分别运行 tsr:ahpweights 得到的 WEIGHTS，或上次运行的 WEIGHTS_USED）；在各维度内重新归一化为 1。其他方法忽略此参数。&lt;/li&gt;&lt;li&gt;&lt;b&gt;DIMENSION_WEIGHTS&lt;/b&gt;：维度权重 v&lt;sub&gt;S&lt;/sub&gt;、v&lt;sub&gt;E&lt;/sub&gt;、v&lt;sub&gt;T&lt;/sub&gt;，逗号分隔（归一化为和为 1）；留空 = 各 1/3。&lt;/li&gt;&lt;li&gt;&lt;b&gt;AGGREGATION&lt;/b&gt;：维度指数 D = Σ w&lt;sub&gt;j&lt;/sub&gt;r&lt;sub&gt;j&lt;/sub&gt;（对该维度的指标求和）；韧性由三个维度合成：&lt;i&gt;加权求和&lt;/i&gt; R = v&lt;sub&gt;S&lt;/sub&gt;S + v&lt;sub&gt;E&lt;/sub&gt;E + v&lt;sub&gt;T&lt;/sub&gt;T（强维度可以弥补弱维度）；&lt;i&gt;加权几何平均&lt;/i&gt; R = Π (ε + (1 − ε)D)&lt;sup&gt;v&lt;/sup&gt;，ε = 0.01，限制这种弥补，与人类发展指数合成各维度的方式相同。几何平均要求数值为正：维度指数线性映射到 [0.01, 1]（即 1–100 标度），因此某一维度所有指标都最低的单元不会因此得 0 分。&lt;/li&gt;&lt;li&gt;&lt;b&gt;LEVEL&lt;/b&gt;：单元的层级（国家、省、市、县、乡镇），写入 &lt;i&gt;level&lt;/i&gt; 字段。&lt;/li&gt;&lt;li&gt;&lt;b&gt;PARENT_FIELD&lt;/b&gt;：可选，上级单元编码字段（如各乡镇所属县的代码）；上级层级为上一级（乡镇 → 县 → 市 → 省 → 国家），国家级单元没有上级。没有上级编码的单元不计入上级单元（给出警告）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;POPULATION_FIELD&lt;/b&gt;：可选，各单元的人口（数值型）：上级单元得分为下属单元得分的人口加权平均，S̄ = Σ P&lt;sub&gt;i&lt;/sub&gt;S&lt;sub&gt;i&lt;/sub&gt;/Σ P&lt;sub&gt;i&lt;/sub&gt;（E、T、R 同理）；不选则为简单平均。&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT&lt;/b&gt;：单元及其原有属性，加上 S_index、E_index、T_index、resilience、grade（1–5）、label（界面语言）、label_en、label_zh、weakest（S、E 或 T：指数最低的维度）、rank（1 = 韧性最强；得分相同者名次相同）和 level。输入中与这些字段同名的字段被替换。&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT_PARENT&lt;/b&gt;：上级单元，下属单元融合为一个面，字段为 parent、units、population 及上述得分。&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT_HTML&lt;/b&gt;：设置与公式、各维度每个指标的权重及赋权方法的中间量（熵值，或 CRITIC 的 σ、冲突性和 C）、空值插补、各等级单元数、每个单元的画像（S、E、T 条形图、韧性、等级、短板维度）以及上级单元。&lt;/li&gt;&lt;li&gt;&lt;b&gt;MEAN_RESILIENCE&lt;/b&gt;：单元平均韧性；&lt;b&gt;WEIGHTS_USED&lt;/b&gt;：所用指标权重（各维度内，顺序同 WEIGHTS），可用于以给定权重重复运行或写入报告。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;方法&lt;/h3&gt;&lt;p&gt;指标在参评单元之间做极差标准化：r = (x − min)/(max − min)，负向字段 r = 1 − (x − min)/(max − min)。空值用该字段其他单元的均值代替（在日志和报告中逐字段列出）。在所有单元中取值相同的字段不含信息：无论何种方法权重均为 0（给出警告）；若某一维度的所有字段都恒定，则停止运行。等级按 R 等间距划分：1 低（R ≤ 0.2）、2 较低（≤ 0.4）、3 中（≤ 0.6）、4 较高（≤ 0.8）、5 高；恰好落在分界值上的得分归入较低一级。字段缺失、非数值或重复、图层为空、权重个数不符、国家级单元选择了上级字段等情况会被拒绝并给出说明。&lt;/p&gt;&lt;h3&gt;参考文献&lt;/h3&gt;&lt;p&gt;Diakoulaki D, Mavrotas G, Papayannakis L (1995) Determining objective weights in multiple criteria problems: the CRITIC method. Computers &amp;amp; Operations Research 22(7): 763–770. Shannon C E (1948) A mathematical theory of communication. Bell System Technical Journal 27: 379–423. Zeleny M (1982) Multiple Criteria Decision Making. OECD/JRC (2008) Handbook on Constructing Composite Indicators: Methodology and User Guide. UNDP (2014) Human Development Report, Technical notes. Markolf S A et al. (2018) Interdependent infrastructure as linked social, ecological, and technological systems (SETSs) to address lock-in and enhance resilience. Earth's Future 6: 1638–1659. Yang Xuanmei. 国土空间韧性：概念框架及其实施路径.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/help/setsindex.py" line="75"/>
        <source>Units without geometry are scored, ranked and written without a geometry; they are counted and named in the log and the report, as are the parents whose outline leaves them out.</source>
        <translation>没有几何的单元照常计分、排名，并以无几何的形式写出；日志和报告会统计并列出这些单元，以及其轮廓未包含它们的上级单元。</translation>
    </message>
    <message>
        <location filename="../processing_provider/sets_index.py" line="140"/>
        <source>Given indicator weights</source>
        <translation>给定指标权重</translation>
    </message>
    <message>
        <location filename="../processing_provider/sets_index.py" line="141"/>
        <source>For the given weighting only: comma list, one weight per indicator field, the social fields first, then the ecological, then the technological ones; renormalised within each dimension.</source>
        <translation>仅用于给定权重法：以英文逗号分隔，每个指标字段一个权重，先社会字段，再生态字段，最后技术字段；在各维度内重新归一化。</translation>
    </message>
    <message>
        <location filename="../processing_provider/sets_index.py" line="148"/>
        <source>Comma list of three weights for S, E and T, normalised to sum 1; empty = equal (1/3 each).</source>
        <translation>S、E、T 三个权重，以英文逗号分隔，归一化为和为 1；留空 = 等权（各 1/3）。</translation>
    </message>
    <message>
        <location filename="../processing_provider/sets_index.py" line="162"/>
        <source>Parent unit field</source>
        <translation>上级单元字段</translation>
    </message>
    <message>
        <location filename="../processing_provider/sets_index.py" line="163"/>
        <source>Code of the unit of the level above (e.g. the county of each township): the units are aggregated to it.</source>
        <translation>上一级单元的代码（例如各乡镇所属的县）：单元按其汇总到上一级。</translation>
    </message>
    <message>
        <location filename="../processing_provider/sets_index.py" line="164"/>
        <source>Population field</source>
        <translation>人口字段</translation>
    </message>
    <message>
        <location filename="../processing_provider/sets_index.py" line="167"/>
        <source>Population of each unit: the parent scores are population-weighted means; empty = unweighted means.</source>
        <translation>各单元的人口：上级单元得分为人口加权平均；留空 = 不加权平均。</translation>
    </message>
</context>
<context>
    <name>Suitability</name>
    <message>
        <location filename="../processing_provider/suitability.py" line="80"/>
        <source>Suitability under uncertainty</source>
        <translation>不确定性下的适宜性评价</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="83"/>
        <source>Multi-criteria suitability with Monte Carlo weight uncertainty: mean, spread, probability of being suitable, robust zones</source>
        <translation>考虑权重不确定性（蒙特卡洛模拟）的多准则适宜性评价：均值、离散程度、适宜概率、稳健分区</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="86"/>
        <source>suitability,MCDA,multi-criteria,WLC,OWA,weakest link,Monte Carlo,uncertainty,sensitivity,适宜性评价,不确定性,敏感性</source>
        <translation>适宜性,多准则决策分析,MCDA,多准则,加权线性组合,WLC,OWA,有序加权平均,短板法,蒙特卡洛,不确定性,敏感性,适宜性评价</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="96"/>
        <source>Criteria rasters</source>
        <translation>准则栅格</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="107"/>
        <source>Aggregation method</source>
        <translation>聚合方法</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="116"/>
        <source>Constraint rasters (0 = excluded)</source>
        <translation>约束栅格（0 = 排除）</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="121"/>
        <source>Exclusion zones (polygons)</source>
        <translation>排除区（面）</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="126"/>
        <source>Weight uncertainty: coefficient of variation (%)</source>
        <translation>权重不确定性：变异系数（%）</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="129"/>
        <source>Criterion uncertainty: standard deviation of noise (0–1 units)</source>
        <translation>准则不确定性：噪声标准差（0–1 单位）</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="140"/>
        <source>Monte Carlo draws</source>
        <translation>蒙特卡洛抽样次数</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="141"/>
        <source>Random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="144"/>
        <source>Or suitable if among the top share of the study area (%)</source>
        <translation>或：位于研究区得分最高的前百分比之内即为适宜（%）</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="156"/>
        <source>Mean suitability</source>
        <translation>适宜性均值</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="157"/>
        <source>Standard deviation of suitability</source>
        <translation>适宜性标准差</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="162"/>
        <source>Probability of being suitable</source>
        <translation>适宜概率</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="163"/>
        <source>Robustness class</source>
        <translation>稳健性等级</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="164"/>
        <source>Suitability report</source>
        <translation>适宜性报告</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="164"/>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="169"/>
        <source>Weight draws (table)</source>
        <translation>权重抽样（表）</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="174"/>
        <source>Weight sensitivity (table)</source>
        <translation>权重敏感性（表）</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="183"/>
        <source>Robustly suitable area (ha)</source>
        <translation>稳健适宜面积（ha）</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="184"/>
        <source>Uncertain area (ha)</source>
        <translation>不确定面积（ha）</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="189"/>
        <source>Give at least one criterion raster</source>
        <translation>请至少给出一个准则栅格</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="190"/>
        <source>Criterion {n}</source>
        <translation>准则 {n}</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="192"/>
        <source>The reference grid</source>
        <translation>参考网格</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="196"/>
        <source>Constraint {n}</source>
        <translation>约束 {n}</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="201"/>
        <source>Reference grid</source>
        <translation>参考网格</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/suitability.py" line="50"/>
        <source>score ≥ {t:g}</source>
        <translation>得分 ≥ {t:g}</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/suitability.py" line="50"/>
        <source>top {p:g} % of the study area in each draw</source>
        <translation>每次抽样中位于研究区得分最高的前 {p:g} %</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/suitability.py" line="55"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/suitability.py" line="55"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/suitability.py" line="55"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/suitability.py" line="55"/>
        <source>Formula</source>
        <translation>公式</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/suitability.py" line="55"/>
        <source>Suitable if</source>
        <translation>适宜条件</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/suitability.py" line="55"/>
        <source>Weight uncertainty (CV)</source>
        <translation>权重不确定性（CV）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/suitability.py" line="55"/>
        <source>Criterion uncertainty (σ)</source>
        <translation>准则不确定性（σ）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/suitability.py" line="55"/>
        <source>Draws</source>
        <translation>抽样次数</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/suitability.py" line="55"/>
        <source>{draws} (seed {seed})</source>
        <translation>{draws}（随机种子 {seed}）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/suitability.py" line="76"/>
        <source>min-max from {low:.4g}–{high:.4g}</source>
        <translation>最小-最大值归一化，原范围 {low:.4g}–{high:.4g}</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/suitability.py" line="78"/>
        <source>as given (0–1)</source>
        <translation>按原值（0–1）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/suitability.py" line="115"/>
        <source>Criterion</source>
        <translation>准则</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/suitability.py" line="82"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/suitability.py" line="82"/>
        <source>Mean weight</source>
        <translation>平均权重</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/suitability.py" line="82"/>
        <source>Std. dev. of the weight</source>
        <translation>权重标准差</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/suitability.py" line="82"/>
        <source>Normalisation</source>
        <translation>归一化</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/suitability.py" line="95"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/suitability.py" line="95"/>
        <source>Cells</source>
        <translation>像元数</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/suitability.py" line="95"/>
        <source>Area (ha)</source>
        <translation>面积（ha）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/suitability.py" line="105"/>
        <source>Set-up</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/suitability.py" line="106"/>
        <source>Criteria and weights</source>
        <translation>准则与权重</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/suitability.py" line="107"/>
        <source>Robustness classes</source>
        <translation>稳健性等级</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/suitability.py" line="136"/>
        <source>weight {c:+.0%}</source>
        <translation>权重 {c:+.0%}</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/suitability.py" line="146"/>
        <source>Baseline</source>
        <translation>基准</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/suitability.py" line="21"/>
        <source>One weight at a time is changed by the given share and the other weights are rescaled proportionally so that they still sum to 1; the chart shows the change of the suitable area (threshold rule) or of the share of the baseline suitable cells that stay suitable (top-percentage rule).</source>
        <translation>每次只按给定比例改变一个权重，其余权重按比例缩放以保持总和为 1；图中显示适宜面积的变化（阈值规则），或基准情形下的适宜像元中仍保持适宜的比例的变化（前百分比规则）。</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/suitability.py" line="111"/>
        <source>Sensitivity to each weight</source>
        <translation>对各权重的敏感性</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/suitability.py" line="155"/>
        <source>Weight changed</source>
        <translation>改变的权重</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/suitability.py" line="156"/>
        <source>Change</source>
        <translation>变化量</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/suitability.py" line="157"/>
        <source>Suitable area (ha)</source>
        <translation>适宜面积（ha）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/suitability.py" line="158"/>
        <source>Mean score</source>
        <translation>平均得分</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/suitability.py" line="159"/>
        <source>Baseline cells kept (%)</source>
        <translation>基准适宜像元保留率（%）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/suitability.py" line="121"/>
        <source>Weights against outcomes across the draws</source>
        <translation>各次抽样中权重与结果的相关性</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/suitability.py" line="116"/>
        <source>r (area)</source>
        <translation>r（面积）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/suitability.py" line="117"/>
        <source>ρ (area)</source>
        <translation>ρ（面积）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/suitability.py" line="118"/>
        <source>r (kept)</source>
        <translation>r（保留率）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/suitability.py" line="119"/>
        <source>ρ (kept)</source>
        <translation>ρ（保留率）</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/reports/suitability.py" line="122"/>
        <source>Suitability under uncertainty report</source>
        <translation>不确定性下的适宜性评价报告</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/help/suitability.py" line="9"/>
        <source>&lt;p&gt;Multi-criteria suitability (e.g. for urban development, 国土空间开发适宜性) in which the weights are judgements and therefore uncertain: the weights are drawn many times around the given ones, and the result shows where a zoning decision is robust and where it hinges on a debatable weight — the second implementation path, zoning that adapts to uncertainty.&lt;/p&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;CRITERIA&lt;/b&gt;: criterion rasters of any grid, aligned to &lt;b&gt;REFERENCE&lt;/b&gt; (default: the first criterion, projected CRS in metres); &lt;b&gt;DIRECTIONS&lt;/b&gt;: + (benefit) or - (cost, used as 1 − c) per criterion. A criterion outside 0–1 is min-max normalised over the study area.&lt;/li&gt;&lt;li&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;: comma list (e.g. the WEIGHTS output of tsr:ahpweights), normalised to sum 1.&lt;/li&gt;&lt;li&gt;&lt;b&gt;METHOD&lt;/b&gt;: &lt;i&gt;weighted linear combination&lt;/i&gt; S = Σ wᵢcᵢ; &lt;i&gt;OWA&lt;/i&gt; with &lt;b&gt;ORDER_WEIGHTS&lt;/b&gt; (largest criterion first) or an &lt;b&gt;ORNESS&lt;/b&gt; (0 = minimum, 0.5 = mean, 1 = maximum; order weights from the quantifier Q(r) = r^a); &lt;i&gt;weakest link / minimum&lt;/i&gt; (短板法) S = min cᵢ, where weights do not act.&lt;/li&gt;&lt;li&gt;&lt;b&gt;CONSTRAINTS&lt;/b&gt;: rasters where 0 means excluded; &lt;b&gt;EXCLUSION_ZONES&lt;/b&gt;: polygons excluded entirely (ecological protection red line, permanent basic farmland, high-risk zones). Excluded cells score 0 and are never suitable.&lt;/li&gt;&lt;li&gt;&lt;b&gt;WEIGHT_UNCERTAINTY&lt;/b&gt;: coefficient of variation of the weights (%), CV² = ΣVar(wᵢ)/Σw̄ᵢ²; the draws follow a Dirichlet distribution centred on the weights, so every draw still sums to 1. &lt;b&gt;CRITERION_UNCERTAINTY&lt;/b&gt;: standard deviation of independent normal noise on the normalised criteria. &lt;b&gt;ITERATIONS&lt;/b&gt; draws with &lt;b&gt;SEED&lt;/b&gt;: the same seed gives the same result.&lt;/li&gt;&lt;li&gt;&lt;b&gt;THRESHOLD&lt;/b&gt;: a cell is suitable in a draw if its score reaches it (default 0.6); or &lt;b&gt;TOP_PERCENT&lt;/b&gt;: if it is among that share of the study area with the highest scores in that draw.&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT_MEAN&lt;/b&gt;, &lt;b&gt;OUTPUT_STD&lt;/b&gt;: mean and standard deviation of the score; for the weighted linear combination they are exact (mean = Σw̄ᵢcᵢ, variance = cᵀΣc with the Dirichlet covariance), without sampling error. &lt;b&gt;OUTPUT_PROBABILITY&lt;/b&gt;: share of the draws in which the cell is suitable. &lt;b&gt;OUTPUT_CLASS&lt;/b&gt;: 1 robustly suitable (p ≥ 0.9), 2 likely (0.5–0.9), 3 uncertain (0.1–0.5), 4 unsuitable (&amp;lt; 0.1), 5 excluded. &lt;b&gt;ROBUST_AREA_HA&lt;/b&gt;, &lt;b&gt;UNCERTAIN_AREA_HA&lt;/b&gt;: areas of classes 1 and 3. &lt;b&gt;OUTPUT_HTML&lt;/b&gt;: set-up, classes, and the sensitivity of the suitable area and the mean score to each weight (one weight at a time ±20 %, the others rescaled so that the weights still sum to 1) as a tornado chart, with the correlation of each weight with the outcome across the draws. &lt;b&gt;OUTPUT_WEIGHTS&lt;/b&gt; (optional table, not written by default): the weights of every draw, one row per draw and criterion (draw, criterion, weight). &lt;b&gt;OUTPUT_SENSITIVITY&lt;/b&gt; (optional table, not written by default): the rows of the report's sensitivity table, the baseline first (criterion empty, change as a share, suitable_ha, mean_score, kept_pct, and delta, the value of the tornado chart, in delta_unit ha or %).&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;References&lt;/h3&gt;&lt;p&gt;Malczewski J (2006) GIS-based multicriteria decision analysis: a survey of the literature. IJGIS 20(7): 703–726. Feizizadeh B, Blaschke T (2014) An uncertainty and sensitivity analysis approach for GIS-based multicriteria landslide susceptibility mapping. IJGIS 28(3): 610–638. Chen Y, Yu J, Khan S (2010) Spatial sensitivity analysis of multi-criteria weights in GIS-based land suitability evaluation. EMS 25(12): 1582–1591. 自然资源部 (2020) 资源环境承载能力和国土空间开发适宜性评价指南（试行）.&lt;/p&gt;</source>
        <translation>&lt;p&gt;多准则适宜性评价（如城镇建设适宜性，即国土空间开发适宜性），其中权重来自主观判断，因而具有不确定性：在给定权重附近多次抽样，结果显示哪些地方的分区决策是稳健的、哪些地方取决于有争议的权重——即第二条实施路径：适应不确定性的分区。&lt;/p&gt;&lt;h3&gt;参数&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;CRITERIA&lt;/b&gt;：准则栅格，网格不限，统一对齐到 &lt;b&gt;REFERENCE&lt;/b&gt;（默认：第一个准则，需为以米为单位的投影坐标系）；&lt;b&gt;DIRECTIONS&lt;/b&gt;：每个准则的方向，+（正向/效益型）或 -（负向/成本型，按 1 − c 使用）。取值超出 0–1 的准则将在研究区内按最小-最大值归一化。&lt;/li&gt;&lt;li&gt;&lt;b&gt;WEIGHTS&lt;/b&gt;：以英文逗号分隔的权重（如 tsr:ahpweights 的 WEIGHTS 输出），归一化为总和 1。&lt;/li&gt;&lt;li&gt;&lt;b&gt;METHOD&lt;/b&gt;：&lt;i&gt;加权线性组合&lt;/i&gt; S = Σ wᵢcᵢ；&lt;i&gt;OWA&lt;/i&gt;，使用 &lt;b&gt;ORDER_WEIGHTS&lt;/b&gt;（从值最大的准则起）或 &lt;b&gt;ORNESS&lt;/b&gt;（0 = 最小值，0.5 = 均值，1 = 最大值；次序权重由量词函数 Q(r) = r^a 导出）；&lt;i&gt;短板法（最小值）&lt;/i&gt; S = min cᵢ，此时权重不起作用。&lt;/li&gt;&lt;li&gt;&lt;b&gt;CONSTRAINTS&lt;/b&gt;：约束栅格，0 表示排除；&lt;b&gt;EXCLUSION_ZONES&lt;/b&gt;：完全排除的面（生态保护红线、永久基本农田、高风险区）。被排除的像元得分为 0，始终不适宜。&lt;/li&gt;&lt;li&gt;&lt;b&gt;WEIGHT_UNCERTAINTY&lt;/b&gt;：权重的变异系数（%），CV² = ΣVar(wᵢ)/Σw̄ᵢ²；抽样服从以给定权重为中心的狄利克雷（Dirichlet）分布，因此每次抽样的权重之和仍为 1。&lt;b&gt;CRITERION_UNCERTAINTY&lt;/b&gt;：叠加在归一化准则上的独立正态噪声的标准差。&lt;b&gt;ITERATIONS&lt;/b&gt;：抽样次数；&lt;b&gt;SEED&lt;/b&gt;：随机种子，相同的种子得到相同的结果。&lt;/li&gt;&lt;li&gt;&lt;b&gt;THRESHOLD&lt;/b&gt;：某次抽样中像元得分达到该值即为适宜（默认 0.6）；或 &lt;b&gt;TOP_PERCENT&lt;/b&gt;：像元位于该次抽样中研究区得分最高的这一比例之内即为适宜。&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT_MEAN&lt;/b&gt;、&lt;b&gt;OUTPUT_STD&lt;/b&gt;：得分的均值和标准差；对加权线性组合为精确值（均值 = Σw̄ᵢcᵢ，方差 = cᵀΣc，Σ 为狄利克雷协方差），没有抽样误差。&lt;b&gt;OUTPUT_PROBABILITY&lt;/b&gt;：像元为适宜的抽样次数占比。&lt;b&gt;OUTPUT_CLASS&lt;/b&gt;：1 稳健适宜（p ≥ 0.9），2 较可能适宜（0.5–0.9），3 不确定（0.1–0.5），4 不适宜（&amp;lt; 0.1），5 已排除。&lt;b&gt;ROBUST_AREA_HA&lt;/b&gt;、&lt;b&gt;UNCERTAIN_AREA_HA&lt;/b&gt;：第 1 类和第 3 类的面积。&lt;b&gt;OUTPUT_HTML&lt;/b&gt;：设置、分类结果，以及适宜面积和平均得分对各权重的敏感性（每次只将一个权重改变 ±20 %，其余权重重新缩放，使权重之和仍为 1），以龙卷风图表示，并给出各次抽样中每个权重与结果的相关系数。&lt;b&gt;OUTPUT_WEIGHTS&lt;/b&gt;（可选表格，默认不输出）：每次抽样的权重，每次抽样每个准则一行（draw、criterion、weight）。&lt;b&gt;OUTPUT_SENSITIVITY&lt;/b&gt;（可选表格，默认不输出）：报告中敏感性表的各行，基准行在前（criterion 为空，change 为变化比例，suitable_ha、mean_score、kept_pct，以及龙卷风图所示的 delta，单位见 delta_unit：ha 或 %）。&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;参考文献&lt;/h3&gt;&lt;p&gt;Malczewski J (2006) GIS-based multicriteria decision analysis: a survey of the literature. IJGIS 20(7): 703–726. Feizizadeh B, Blaschke T (2014) An uncertainty and sensitivity analysis approach for GIS-based multicriteria landslide susceptibility mapping. IJGIS 28(3): 610–638. Chen Y, Yu J, Khan S (2010) Spatial sensitivity analysis of multi-criteria weights in GIS-based land suitability evaluation. EMS 25(12): 1582–1591. 自然资源部 (2020) 资源环境承载能力和国土空间开发适宜性评价指南（试行）.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing_provider/common/help/suitability.py" line="51"/>
        <source>Exclusion zones and constraint rasters only remove cells that have data in every criterion; cells outside stay nodata and their area is not counted. Criteria that never overlap, an all-nodata criterion and weights that sum to 0 are refused. The run time is estimated on a timed sample: over 10 minutes it is warned about, over 24 hours refused.</source>
        <translation>排除区和约束栅格只去除所有准则都有数据的栅格单元；其外的单元保持无数据，其面积不计入。从不重叠的准则、全为无数据的准则以及总和为 0 的权重会被拒绝。运行时间通过计时抽样估计：超过 10 分钟给出警告，超过 24 小时拒绝运行。</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="97"/>
        <source>Directions</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="98"/>
        <source>Comma list, one per criterion in their order: + where more is better (benefit), - where less is (cost); empty = all +.</source>
        <translation>按准则顺序每个准则一个，英文逗号分隔：越大越好为 +（效益型），越小越好为 -（成本型）；留空 = 全部为 +。</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="101"/>
        <source>Criterion weights</source>
        <translation>准则权重</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="102"/>
        <source>Comma list, one weight per criterion (e.g. the WEIGHTS of tsr:ahpweights), normalised to sum 1; empty = equal weights.</source>
        <translation>每个准则一个权重，英文逗号分隔（例如 tsr:ahpweights 的 WEIGHTS），归一化为总和 1；留空 = 等权。</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="108"/>
        <source>OWA orness</source>
        <translation>OWA orness</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="109"/>
        <source>For OWA: 0 = the minimum (all criteria must be good), 0.5 = the mean, 1 = the maximum (one good criterion is enough).</source>
        <translation>用于 OWA：0 = 最小值（所有准则都须良好），0.5 = 均值，1 = 最大值（一个准则良好即可）。</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="112"/>
        <source>OWA order weights</source>
        <translation>OWA 次序权重</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="113"/>
        <source>For OWA, instead of ORNESS: comma list, the first weight for the largest criterion of a cell.</source>
        <translation>用于 OWA，代替 ORNESS：英文逗号分隔，第一个权重对应单元中值最大的准则。</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="119"/>
        <source>Rasters whose cells equal to 0 are excluded (e.g. a 0/1 mask of protected land); other values keep the cell.</source>
        <translation>值为 0 的像元被排除的栅格（例如保护用地的 0/1 掩膜）；其他值保留该像元。</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="142"/>
        <source>Suitable if score ≥</source>
        <translation>得分 ≥ 此值即为适宜</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="143"/>
        <source>A cell is suitable in a draw when its score reaches this value; empty = 0.6, unless TOP_PERCENT is given.</source>
        <translation>某次抽样中像元得分达到此值即为适宜；留空 = 0.6，除非给出了 TOP_PERCENT。</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="147"/>
        <source>Instead of THRESHOLD: in each draw the best-scoring cells that make up this share of the study area are suitable.</source>
        <translation>代替 THRESHOLD：每次抽样中，得分最高、合计占研究区此比例的像元为适宜。</translation>
    </message>
    <message>
        <location filename="../processing_provider/suitability.py" line="153"/>
        <source>Grid (extent, cells, CRS) of the outputs; the criteria are resampled to it. Empty = the first criterion&apos;s grid.</source>
        <translation>输出的网格（范围、像元、坐标系）；各准则重采样到该网格。留空 = 第一个准则的网格。</translation>
    </message>
</context>
</TS>
