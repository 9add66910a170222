<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BuildModelDialog</name>
    <message>
        <location filename="../../peftt_gui/gui/build_model_dialog.py" line="+114"/>
        <source>Build a local model</source>
        <translation>构建本地模型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trains a tokenizer and a small BERT masked language model on your Tibetan text files (one text per line, or label, tab, text). Everything runs on this computer; the model is saved when the time limit is reached or you press Stop.</source>
        <translation>用你的藏文文本文件（每行一条文本，或标签、制表符、文本）训练一个分词器和一个小型 BERT 掩码语言模型。全部在本机运行；达到时间上限或按下“停止”时保存模型。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Corpus files:</source>
        <translation>语料文件：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Model size:</source>
        <translation>模型大小：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time limit:</source>
        <translation>时间上限：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the model in:</source>
        <translation>模型保存位置：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Small (2 layers, fastest)</source>
        <translation>小（2 层，最快）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default (4 layers)</source>
        <translation>默认（4 层）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pre-training stops after this many minutes.</source>
        <translation>预训练在这么多分钟后停止。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder for the new model</source>
        <translation>新模型的文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Build</source>
        <translation>构建</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End pre-training now and save the model trained so far.</source>
        <translation>立即结束预训练，并保存目前训练好的模型。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Choose Tibetan text files</source>
        <translation>选择藏文文本文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text files (*.txt *.tsv);;All files (*)</source>
        <translation>文本文件 (*.txt *.tsv);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Add at least one corpus file.</source>
        <translation>请至少添加一个语料文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the folder for the new model.</source>
        <translation>请选择新模型的文件夹。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reading the corpus…</source>
        <translation>正在读取语料…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stopping; the model trained so far is being saved…</source>
        <translation>正在停止；正在保存目前训练好的模型…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Training the tokenizer…</source>
        <translation>正在训练分词器…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokenizing the corpus…</source>
        <translation>正在对语料分词…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Measuring the loss on held-out text…</source>
        <translation>正在留出文本上测量损失…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saving the model…</source>
        <translation>正在保存模型…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pre-training: step %1 of about %2</source>
        <translation>预训练：第 %1 步，共约 %2 步</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, loss %1</source>
        <translation>，损失 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, %1 left</source>
        <translation>，剩余 %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The model was saved in %1 and is now selected.</source>
        <translation>模型已保存到 %1，并已选中。</translation>
    </message>
</context>
<context>
    <name>ChangedPredictionsView</name>
    <message>
        <location filename="../../peftt_gui/gui/compare_views.py" line="+464"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>True class</source>
        <translation>真实类别</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Row of the validation split, counting from 1.</source>
        <translation>验证集中的行号，从 1 开始计数。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reading the validation rows of both runs…</source>
        <translation>正在读取两个运行的验证行…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose two different runs to list the rows they predict differently.</source>
        <translation>请选择两个不同的运行，以列出它们预测不同的行。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Both runs predict every validation row the same way.</source>
        <translation>两个运行对所有验证行的预测都相同。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 validation rows are predicted differently. %2 is right on %3 of them, %4 on %5.</source>
        <translation>%1 个验证行的预测不同。其中 %2 预测正确 %3 行，%4 预测正确 %5 行。</translation>
    </message>
</context>
<context>
    <name>ComparePage</name>
    <message>
        <location filename="../../peftt_gui/gui/pages/__init__.py" line="+50"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../../peftt_gui/gui/pages/compare_page.py" line="+189"/>
        <source>Two or more runs side by side: their scores with the best of each row marked, their curves, the settings that differ, their confusion matrices and the validation rows that they predict differently.</source>
        <translation>并排显示两个或更多运行：各项得分（每行最佳值已标出）、曲线、不同的设置、混淆矩阵，以及两次运行预测不同的验证行。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Check the runs to compare:</source>
        <translation>勾选要比较的运行：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare checked runs</source>
        <translation>比较勾选的运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check two or more runs in the list.</source>
        <translation>请在列表中勾选两个或更多运行。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No comparison yet. Check two or more runs above and press Compare checked runs, or select runs on the History page and press Compare there.</source>
        <translation>尚无比较。请在上方勾选两个或更多运行并点击“比较勾选的运行”，或在“历史记录”页选择运行后点击那里的“比较”。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Curves</source>
        <translation>曲线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings that differ</source>
        <translation>不同的设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confusion matrices</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed predictions</source>
        <translation>变化的预测</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The runs have the same settings.</source>
        <translation>这些运行的设置相同。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confusion matrices and changed predictions of</source>
        <translation>混淆矩阵和变化的预测：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>and</source>
        <translation>与</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Save as PNG…</source>
        <translation>保存为 PNG…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save table as CSV…</source>
        <translation>将表格保存为 CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as Markdown…</source>
        <translation>保存为 Markdown…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save table as LaTeX…</source>
        <translation>将表格保存为 LaTeX…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The metrics table with the best values in bold, and the settings that differ.</source>
        <translation>指标表格（最佳值加粗）以及不同的设置。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>test macro-F1 %1</source>
        <translation>测试 macro-F1 %1</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Check two or more runs to compare.</source>
        <translation>请勾选两个或更多运行进行比较。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Opening the run history…</source>
        <translation>正在打开运行历史…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reading %1 runs from the history…</source>
        <translation>正在从历史记录读取 %1 个运行…</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Markdown files (*.md)</source>
        <translation>Markdown 文件 (*.md)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LaTeX files (*.tex)</source>
        <translation>LaTeX 文件 (*.tex)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the comparison</source>
        <translation>保存比较结果</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save the plot</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The file could not be saved: %1</source>
        <translation>无法保存文件：%1</translation>
    </message>
</context>
<context>
    <name>ComparisonCurves</name>
    <message>
        <location filename="../../peftt_gui/gui/compare_views.py" line="-249"/>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Step</source>
        <translation>步数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation macro-F1</source>
        <translation>验证 macro-F1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
</context>
<context>
    <name>ConfigFields</name>
    <message>
        <location filename="../../peftt_gui/gui/config_text.py" line="+19"/>
        <source>Epochs:</source>
        <translation>轮数：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch size:</source>
        <translation>批大小：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gradient accumulation:</source>
        <translation>梯度累积：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate:</source>
        <translation>学习率：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight decay:</source>
        <translation>权重衰减：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warm-up share:</source>
        <translation>预热比例：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gradient clipping norm:</source>
        <translation>梯度裁剪范数：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum length (tokens):</source>
        <translation>最大长度（token）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Early stopping patience:</source>
        <translation>早停耐心轮数：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight classes by frequency</source>
        <translation>按频率为类别加权</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evaluation batch size:</source>
        <translation>评估批大小：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mixed precision:</source>
        <translation>混合精度：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report the loss every (steps):</source>
        <translation>每隔多少步报告损失：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save a checkpoint after each epoch</source>
        <translation>每轮结束后保存检查点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text column:</source>
        <translation>文本列：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label column:</source>
        <translation>标签列：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip lines that do not parse</source>
        <translation>跳过无法解析的行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training rows at most:</source>
        <translation>训练行数上限：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation and test rows at most:</source>
        <translation>验证和测试行数上限：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Few-shot rows per class:</source>
        <translation>小样本：每类行数：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rank (r):</source>
        <translation>秩 (r)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alpha:</source>
        <translation>Alpha：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dropout:</source>
        <translation>Dropout：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target modules:</source>
        <translation>目标模块：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rsLoRA scaling</source>
        <translation>rsLoRA 缩放</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DoRA</source>
        <translation>DoRA</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Feed-forward modules:</source>
        <translation>前馈模块：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Virtual tokens:</source>
        <translation>虚拟 token 数：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compute the prefix with a small network</source>
        <translation>用小型网络计算前缀</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hidden size of that network:</source>
        <translation>该网络的隐藏层大小：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Initialise from these words:</source>
        <translation>用这些词初始化：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network:</source>
        <translation>网络：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dropout in that network:</source>
        <translation>该网络中的 dropout：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shortest n-gram (syllables):</source>
        <translation>最短 n 元组（音节）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longest n-gram (syllables):</source>
        <translation>最长 n 元组（音节）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum rows per n-gram:</source>
        <translation>每个 n 元组的最少行数：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N-grams at most:</source>
        <translation>n 元组数量上限：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logarithmic n-gram counts</source>
        <translation>对数 n 元组计数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inverse regularisation (C):</source>
        <translation>正则化强度的倒数 (C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class weights:</source>
        <translation>类别权重：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Solver iterations at most:</source>
        <translation>求解器迭代次数上限：</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+1"/>
        <location line="+3"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>method default</source>
        <translation>方法默认值</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>off (fp32)</source>
        <translation>关闭（fp32）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apple GPU (MPS)</source>
        <translation>Apple GPU（MPS）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>balanced</source>
        <translation>均衡</translation>
    </message>
</context>
<context>
    <name>ConfigForm</name>
    <message>
        <location filename="../../peftt_gui/gui/config_form.py" line="+289"/>
        <source>Enter a number.</source>
        <translation>请输入一个数字。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter a value from %1 to %2.</source>
        <translation>请输入 %1 到 %2 之间的值。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter a whole number.</source>
        <translation>请输入整数。</translation>
    </message>
</context>
<context>
    <name>ConfigHelp</name>
    <message>
        <location filename="../../peftt_gui/gui/config_text.py" line="+5"/>
        <source>Passes over the training set.</source>
        <translation>遍历训练集的次数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows per batch on the device.</source>
        <translation>设备上每批的行数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batches summed before each optimizer step (effective batch = batch size x this).</source>
        <translation>每次优化器更新前累加的批数（有效批大小 = 批大小 × 此值）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Peak learning rate of AdamW; empty uses the method&apos;s default.</source>
        <translation>AdamW 的峰值学习率；留空则使用该方法的默认值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AdamW weight decay (not applied to biases and LayerNorm).</source>
        <translation>AdamW 权重衰减（不作用于偏置和 LayerNorm）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fraction of the optimizer steps spent warming the learning rate up from 0, before linear decay to 0.</source>
        <translation>学习率从 0 预热所占优化器步数的比例，之后线性衰减到 0。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gradient clipping norm; 0 turns clipping off.</source>
        <translation>梯度裁剪的范数；0 表示不裁剪。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum tokens per row, template included; longer texts are shortened (the template and its mask are kept).</source>
        <translation>每行的最大 token 数（含模板）；更长的文本会被截短（模板及其掩码保留）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Random seed for initialisation, shuffling and dropout.</source>
        <translation>用于初始化、打乱顺序和 dropout 的随机种子。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop after this many epochs without a better validation macro-F1; 0 turns early stopping off.</source>
        <translation>验证集 macro-F1 连续这么多轮没有提升就停止；0 表示关闭早停。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weight the loss by inverse class frequency (helps rare classes).</source>
        <translation>按类别频率的倒数为损失加权（有助于稀有类别）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows per batch during evaluation and prediction.</source>
        <translation>评估和预测时每批的行数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>auto: bf16 or fp16 where the GPU supports it, fp32 on CPU.</source>
        <translation>auto：GPU 支持时用 bf16 或 fp16，CPU 上用 fp32。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>auto picks CUDA, then MPS, then CPU.</source>
        <translation>auto 依次选择 CUDA、MPS、CPU。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optimizer steps between loss reports (fewer host syncs on a GPU).</source>
        <translation>两次损失报告之间的优化器步数（在 GPU 上可减少同步）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save a resumable checkpoint after each epoch.</source>
        <translation>每轮结束后保存一个可续训的检查点。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV/JSONL column holding the text.</source>
        <translation>CSV/JSONL 中存放文本的列。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV/JSONL column holding the label.</source>
        <translation>CSV/JSONL 中存放标签的列。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip lines that do not parse, and report how many.</source>
        <translation>跳过无法解析的行，并报告跳过的行数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use at most this many training rows (stratified); empty: all.</source>
        <translation>最多使用这么多训练行（分层抽样）；留空：全部。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use at most this many validation and test rows; empty: all.</source>
        <translation>最多使用这么多验证和测试行；留空：全部。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Few-shot: draw this many training rows per class with the seed.</source>
        <translation>小样本：按随机种子为每个类别抽取这么多训练行。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LoRA rank: the inner size of each low-rank update.</source>
        <translation>LoRA 秩：每个低秩更新的内部维度。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LoRA alpha: updates are scaled by alpha / rank.</source>
        <translation>LoRA alpha：更新按 alpha / 秩 缩放。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dropout on the LoRA input.</source>
        <translation>LoRA 输入上的 dropout。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Linear layers that get LoRA; empty: the default of the model type (query and value for BERT and XLM-RoBERTa).</source>
        <translation>添加 LoRA 的线性层；留空：模型类型的默认值（BERT 和 XLM-RoBERTa 为 query 和 value）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rsLoRA: scale by alpha / sqrt(rank), which keeps high ranks stable.</source>
        <translation>rsLoRA：按 alpha / sqrt(秩) 缩放，使高秩保持稳定。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DoRA: learn a magnitude per output besides the LoRA direction.</source>
        <translation>DoRA：除 LoRA 方向外，还为每个输出学习一个幅度。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Linear layers whose activations IA3 rescales; empty: the default of the model type (key, value and output.dense for BERT and XLM-RoBERTa).</source>
        <translation>IA3 对其激活进行缩放的线性层；留空：模型类型的默认值（BERT 和 XLM-RoBERTa 为 key、value 和 output.dense）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Those target modules that are feed-forward layers, whose input is rescaled instead of their output; empty: output.dense.</source>
        <translation>目标模块中属于前馈层的模块，对其输入而非输出进行缩放；留空：output.dense。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Trainable key and value vectors added before the input in every attention layer.</source>
        <translation>在每个注意力层的输入前添加的可训练 key 和 value 向量。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compute the prefix with a two-layer network (more trainable weights, often more stable) instead of training it directly.</source>
        <translation>用两层网络计算前缀（可训练权重更多，通常更稳定），而不是直接训练前缀。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hidden size of that network (with the projection only).</source>
        <translation>该网络的隐藏层大小（仅在使用投影时）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trainable embeddings put before the input.</source>
        <translation>放在输入之前的可训练嵌入。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tibetan text whose token embeddings initialise the virtual tokens, repeated to fill them; empty: embeddings of random vocabulary tokens.</source>
        <translation>用其 token 嵌入初始化虚拟 token 的藏文文本，会重复以填满；留空：随机词表 token 的嵌入。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Virtual tokens put before the input.</source>
        <translation>放在输入之前的虚拟 token。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network that computes the virtual tokens from their embeddings.</source>
        <translation>根据嵌入计算虚拟 token 的网络。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hidden size of that network.</source>
        <translation>该网络的隐藏层大小。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dropout inside that network.</source>
        <translation>该网络内部的 dropout。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shortest syllable n-gram used as a feature.</source>
        <translation>用作特征的最短音节 n 元组。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longest syllable n-gram used as a feature.</source>
        <translation>用作特征的最长音节 n 元组。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep n-grams that occur in at least this many training rows.</source>
        <translation>保留至少出现在这么多训练行中的 n 元组。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep at most this many n-grams, the most frequent; empty: all.</source>
        <translation>最多保留这么多最常见的 n 元组；留空：全部。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use 1 + log(count) instead of the raw count of an n-gram in a row.</source>
        <translation>用 1 + log(count) 代替 n 元组在一行中的原始计数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inverse L2 regularisation strength of the logistic regression; larger values fit the training rows more closely.</source>
        <translation>逻辑回归 L2 正则化强度的倒数；值越大，对训练行的拟合越紧。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>balanced: weight each class by its inverse frequency, which helps rare classes; none: every row counts the same. The run&apos;s class weights setting also turns balancing on.</source>
        <translation>balanced：按类别频率的倒数为每个类别加权，有助于稀有类别；none：每行权重相同。运行设置中的类别加权也会开启均衡。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Maximum iterations of the Newton-CG solver.</source>
        <translation>Newton-CG 求解器的最大迭代次数。</translation>
    </message>
</context>
<context>
    <name>ConfusionComparison</name>
    <message>
        <location filename="../../peftt_gui/gui/compare_views.py" line="+87"/>
        <source>Difference: %1 minus %2</source>
        <translation>差值：%1 减 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No confusion matrix on this split for: %1.</source>
        <translation>以下运行在此数据划分上没有混淆矩阵：%1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose two different runs to see their difference.</source>
        <translation>请选择两个不同的运行以查看差值。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The two runs have different classes, so their confusion matrices cannot be subtracted.</source>
        <translation>两个运行的类别不同，因此无法对其混淆矩阵相减。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>True class %1, predicted class %2: %3 rows in %4, %5 rows in %6.</source>
        <translation>真实类别 %1，预测类别 %2：%4 中 %3 行，%6 中 %5 行。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Split:</source>
        <translation>数据划分：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rows are the true classes, columns the predicted ones. In the difference, green cells favour the second run and red cells the first.</source>
        <translation>行为真实类别，列为预测类别。在差值中，绿色单元格表示第二个运行更好，红色表示第一个更好。</translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <location filename="../../peftt_gui/gui/pages/__init__.py" line="-10"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../peftt_gui/gui/pages/data_page.py" line="+234"/>
        <source>Choose labelled Tibetan text for training, validation and test. The classes are taken from the training split.</source>
        <translation>选择用于训练、验证和测试的带标签藏文文本。类别取自训练集。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Data files</source>
        <translation>数据文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One folder with train, validation and test files</source>
        <translation>一个包含训练、验证和测试文件的文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Separate files</source>
        <translation>分别选择文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One file to split</source>
        <translation>拆分一个文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Training:</source>
        <translation>训练：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation:</source>
        <translation>验证：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test:</source>
        <translation>测试：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data files (*.txt *.tsv *.csv *.jsonl);;All files (*)</source>
        <translation>数据文件 (*.txt *.tsv *.csv *.jsonl);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+3"/>
        <source>Open data file</source>
        <translation>打开数据文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Share of each class&apos;s rows that goes to this split.</source>
        <translation>每个类别中分到此部分的行所占比例。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Formats: one example per line as label, tab, text (.txt, .tsv); CSV; JSONL.</source>
        <translation>格式：每行一个样本，依次为标签、制表符、文本（.txt、.tsv）；CSV；JSONL。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rows and columns</source>
        <translation>行与列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent data</source>
        <translation>最近的数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The data could not be loaded</source>
        <translation>无法加载数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Line:</source>
        <translation>行：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Problem:</source>
        <translation>问题：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Classes</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+2"/>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Text length in tokens</source>
        <translation>文本长度（token）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokens</source>
        <translation>token 数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First rows of the training split (normalized)</source>
        <translation>训练集的前几行（已规范化）</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>The shares add up to %1 %, not 100 %.</source>
        <translation>各部分比例之和为 %1 %，而不是 100 %。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The training share must be above 0 %.</source>
        <translation>训练部分的比例必须大于 0 %。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Choose the data files to see their classes and rows.</source>
        <translation>选择数据文件后即可查看其类别和行。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Loading and checking the data…</source>
        <translation>正在加载并检查数据…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>(no file)</source>
        <translation>（无文件）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(whole file)</source>
        <translation>（整个文件）</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Loaded %1 training, %2 validation and %3 test rows in %4 classes.</source>
        <translation>已加载 %4 个类别的 %1 行训练、%2 行验证和 %3 行测试数据。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 bad lines were skipped.</source>
        <translation>跳过了 %1 个有问题的行。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1, line %2</source>
        <translation>%1，第 %2 行</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Choose a model on the Model page to see how many tokens its tokenizer makes of each training text.</source>
        <translation>在“模型”页选择模型后，即可查看其分词器把每条训练文本切成多少个 token。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 of %2 training texts are longer than the %3 tokens that maximum length %4 leaves for the text, and will be shortened.</source>
        <translation>%2 条训练文本中有 %1 条超过了最大长度 %4 留给文本的 %3 个 token，将被截短。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All %2 training texts fit in the %3 tokens that maximum length %4 leaves for the text.</source>
        <translation>全部 %2 条训练文本都在最大长度 %4 留给文本的 %3 个 token 以内。</translation>
    </message>
    <message>
        <location line="-265"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message>
        <location filename="../../peftt_gui/gui/widgets.py" line="+45"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <location filename="../../peftt_gui/gui/pages/__init__.py" line="+8"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../../peftt_gui/gui/pages/history_page.py" line="+163"/>
        <source>Every training run is stored with its settings, its scores per epoch and its weights.</source>
        <translation>每次训练都会保存其设置、每轮得分和权重。</translation>
    </message>
    <message>
        <location line="+152"/>
        <source>Delete run</source>
        <translation>删除运行记录</translation>
    </message>
    <message>
        <location line="-140"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Filter by name, model, method or tag</source>
        <translation>按名称、模型、方法或标记筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All methods</source>
        <translation>所有方法</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All statuses</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compare the selected runs side by side on the Compare page. Select two or more runs first.</source>
        <translation>在“比较”页并排比较所选的运行。请先选择两个或更多运行。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No runs yet. Runs appear here once training has been started from the Train page.</source>
        <translation>还没有运行记录。在“训练”页开始训练后，记录会显示在这里。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Opening the run history…</source>
        <translation>正在打开运行历史…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 runs whose program had ended were marked as interrupted; they can resume.</source>
        <translation>%1 个程序已结束的运行被标记为中断；它们可以继续训练。</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>Delete run %1 from the history? Its weights folder stays on disk.</source>
        <translation>要从历史记录中删除运行 %1 吗？其权重文件夹会保留在磁盘上。</translation>
    </message>
</context>
<context>
    <name>LabelWordSuggester</name>
    <message>
        <location filename="../../peftt_gui/gui/label_word_suggester.py" line="+100"/>
        <source>Label-word suggestions</source>
        <translation>标签词建议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggest label words…</source>
        <translation>建议标签词…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Let the model fill the template&apos;s mask on the training rows of each class, and list the words it prefers for that class. The validation rows then show whether the suggested words classify better than the current ones, without training.</source>
        <translation>让模型在每个类别的训练行上填写模板的掩码，并列出它偏向该类别的词。随后在验证行上（不经训练）显示建议的词是否比当前的词分类效果更好。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training rows per class:</source>
        <translation>每类训练行数：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At most this many training rows of each class are scored (drawn with the training seed). More rows give steadier suggestions and take longer.</source>
        <translation>每个类别最多为这么多训练行打分（按训练随机种子抽取）。行数越多，建议越稳定，但耗时越长。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Words per class:</source>
        <translation>每类词数：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many suggested words to list for each class.</source>
        <translation>为每个类别列出的建议词数量。</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+51"/>
        <source>Loading the model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>No model is chosen, so nothing can score label words. Choose a model folder on the Model page.</source>
        <translation>尚未选择模型，无法为标签词打分。请在“模型”页选择一个模型文件夹。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No data is loaded, so there are no training rows to score label words on. Load the data on the Data page.</source>
        <translation>尚未加载数据，没有可用来为标签词打分的训练行。请在“数据”页加载数据。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The class %1 of the verbalizer has no training rows, so no label word can be suggested for it. Remove its row, or load data that contains this class.</source>
        <translation>标签词映射中的类别 %1 没有训练行，因此无法为它建议标签词。请删除它所在的行，或加载包含此类别的数据。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Scoring the training rows of class %1 (%2 of %3)…</source>
        <translation>正在为类别 %1 的训练行打分（第 %2 个，共 %3 个）…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Scoring the current and the suggested words on %1 validation rows…</source>
        <translation>正在 %1 行验证数据上为当前词和建议词打分…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Suggested %1 words per class. Tick the words to use in the dialog.</source>
        <translation>已为每个类别建议 %1 个词。请在对话框中勾选要使用的词。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The suggestion was stopped. The label words are unchanged.</source>
        <translation>建议已停止。标签词没有改变。</translation>
    </message>
</context>
<context>
    <name>LabelWordSuggestionsDialog</name>
    <message>
        <location filename="../../peftt_gui/gui/label_word_dialog.py" line="+127"/>
        <source>Suggested label words</source>
        <translation>建议的标签词</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The model filled the template&apos;s mask on at most %1 training rows per class. A word scores high when the model prefers it for this class&apos;s rows more than for the other classes&apos; rows. Tick the words to use.</source>
        <translation>模型在每个类别最多 %1 行训练数据上填写了模板的掩码。模型在此类别的行上比在其他类别的行上越偏向某个词，该词得分越高。请勾选要使用的词。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Macro-F1</source>
        <translation>Macro-F1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Macro-F1, calibrated</source>
        <translation>Macro-F1（校准后）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+34"/>
        <source>Current label words</source>
        <translation>当前标签词</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Suggested words (the first of each class)</source>
        <translation>建议词（每个类别的第一个）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Zero-shot scores on %1 validation rows, without training. Calibrated: each class&apos;s score has its mean over these rows subtracted, so a word that the model prefers everywhere does not win every row.</source>
        <translation>未经训练时在 %1 行验证数据上的零样本得分。校准：从每个类别的得分中减去其在这些行上的平均值，这样模型处处偏向的词不会在每一行都胜出。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Class / word</source>
        <translation>类别 / 词</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokens at the mask</source>
        <translation>掩码处的 token</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Current label words: %1</source>
        <translation>当前标签词：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No label words yet</source>
        <translation>尚无标签词</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The word&apos;s mean log-probability at the mask on this class&apos;s rows, minus the mean of that value over all classes.</source>
        <translation>该词在此类别各行掩码处的平均对数概率，减去该值在所有类别上的平均值。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add ticked words</source>
        <translation>添加勾选的词</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the ticked words to the label words of their class.</source>
        <translation>把勾选的词添加到其类别的标签词中。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace with ticked words</source>
        <translation>用勾选的词替换</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace the label words of each class that has a ticked word. Classes without a ticked word keep theirs.</source>
        <translation>替换每个有勾选词的类别的标签词。没有勾选词的类别保留原有标签词。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Suggested words</source>
        <translation>建议词</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 not scored: %2</source>
        <translation>%1 未评分：%2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Accuracy %1</source>
        <translation>准确率 %1</translation>
    </message>
</context>
<context>
    <name>LayerChecklist</name>
    <message>
        <location filename="../../peftt_gui/gui/pages/method_page.py" line="+77"/>
        <source>Choose a model on the Model page to list its linear layers. Until then the default of the model type is used (query and value for BERT).</source>
        <translation>在“模型”页选择模型后会列出其线性层。在此之前使用模型类型的默认值（BERT 为 query 和 value）。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../peftt_gui/gui/main_window.py" line="+246"/>
        <location line="+71"/>
        <location line="+149"/>
        <location line="+7"/>
        <source>PEFTT Studio</source>
        <translation>PEFTT Studio</translation>
    </message>
    <message>
        <location line="-221"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;model folder…</source>
        <translation>打开模型文件夹(&amp;M)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;data folder…</source>
        <translation>打开数据文件夹(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent models</source>
        <translation>最近的模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent data</source>
        <translation>最近的数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About PEFTT Studio</source>
        <translation>关于 PEFTT Studio(&amp;A)</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>A run is in progress. Wait for it to end, or stop it, before resuming another one.</source>
        <translation>有一个运行正在进行。请等待它结束或停止它，再继续另一个运行。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Open model folder</source>
        <translation>打开模型文件夹</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>About PEFTT Studio</source>
        <translation>关于 PEFTT Studio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;PEFTT Studio&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;PEFTT Studio&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fine-tune Tibetan language models with full fine-tuning, prompt templates with verbalizers, or LoRA, without writing code.&lt;br&gt;&lt;br&gt;Tibetan text is shown in Noto Serif Tibetan, licensed under the SIL Open Font License 1.1.</source>
        <translation>无需编写代码，即可通过全量微调、提示模板加标签词映射或 LoRA 微调藏文语言模型。&lt;br&gt;&lt;br&gt;藏文使用 Noto Serif Tibetan 字体显示，该字体采用 SIL Open Font License 1.1 许可。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Loading the training engine (%1)…</source>
        <translation>正在加载训练引擎（%1）…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Engine ready: torch %1 on %2</source>
        <translation>引擎已就绪：torch %1，运行于 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The training engine failed to load</source>
        <translation>训练引擎加载失败</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading the training engine…</source>
        <translation>正在加载训练引擎…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>A run is in progress. Stop it and quit? The run keeps a checkpoint and can resume later.</source>
        <translation>有一个运行正在进行。要停止它并退出吗？该运行会保留检查点，之后可以继续。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A study is running. Stop it and quit? Start on the Study page resumes it later, and the stopped run starts again from its beginning.</source>
        <translation>有一个实验正在运行。要停止它并退出吗？之后在“实验”页点击“开始”即可继续，被停止的运行将从头重新开始。</translation>
    </message>
</context>
<context>
    <name>MethodChecklist</name>
    <message>
        <location filename="../../peftt_gui/gui/study_views.py" line="+111"/>
        <source>The learning rate of %1 must be a number from %2 to %3, such as 2e-5; “%4” is not. Leave it empty for the method&apos;s default.</source>
        <translation>%1 的学习率必须是 %2 到 %3 之间的数，例如 2e-5；“%4”不是。留空则使用该方法的默认值。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Learning rate of %1 in this study. Empty: the method&apos;s default, %2.</source>
        <translation>此实验中 %1 的学习率。留空：该方法的默认值 %2。</translation>
    </message>
</context>
<context>
    <name>MethodPage</name>
    <message>
        <location filename="../../peftt_gui/gui/pages/__init__.py" line="-6"/>
        <location filename="../../peftt_gui/gui/pages/method_page.py" line="+152"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../../peftt_gui/gui/pages/method_page.py" line="-43"/>
        <source>Choose how the model is adapted to your classes, and the training settings.</source>
        <translation>选择让模型适配你的类别的方法，以及训练设置。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Trains every weight of the model and a classification head. Strongest with enough data; needs the most memory.</source>
        <translation>训练模型的全部权重和一个分类头。数据充足时效果最好；占用内存最多。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Freezes the model and trains low-rank adapters on the attention layers and a classification head, usually under 1% of the parameters.</source>
        <translation>冻结模型，只训练注意力层上的低秩适配器和分类头，通常不到参数量的 1%。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The masked language model fills the mask of a template, and label words map its answer to a class. Every weight is trained.</source>
        <translation>掩码语言模型填写模板中的掩码，标签词把它的答案映射到类别。训练全部权重。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A template and verbalizer as above, with the model frozen and only LoRA adapters trained.</source>
        <translation>与上面一样使用模板和标签词映射，冻结模型，只训练 LoRA 适配器。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LoRA with a trained magnitude per output (DoRA) and a classification head; often a little stronger than LoRA.</source>
        <translation>为每个输出训练幅度的 LoRA（DoRA），加一个分类头；通常比 LoRA 略强。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LoRA scaled by alpha / √rank (rsLoRA), which keeps high ranks stable, and a classification head.</source>
        <translation>按 alpha / √秩 缩放的 LoRA（rsLoRA），使高秩保持稳定，加一个分类头。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trains only vectors that rescale keys, values and feed-forward activations (IA3), and a classification head: fewer weights than LoRA.</source>
        <translation>只训练缩放 key、value 和前馈激活的向量（IA3）以及分类头：权重比 LoRA 更少。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A template and verbalizer, with the model frozen and only IA3 scaling vectors trained.</source>
        <translation>使用模板和标签词映射，冻结模型，只训练 IA3 缩放向量。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trains key and value vectors placed before the input in every layer (prefix tuning), and a classification head; the model stays frozen.</source>
        <translation>训练放在每层输入之前的 key 和 value 向量（前缀微调）以及分类头；模型保持冻结。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A template and verbalizer, with the model frozen and only a prefix in every layer trained.</source>
        <translation>使用模板和标签词映射，冻结模型，只训练每层中的前缀。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trains embeddings placed before the input, with a template and label words at the mask; the model stays frozen.</source>
        <translation>训练放在输入之前的嵌入，并在掩码处使用模板和标签词；模型保持冻结。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Virtual tokens computed by a small MLP or LSTM before the input, with a template and label words; the model stays frozen.</source>
        <translation>由小型 MLP 或 LSTM 计算出的虚拟 token 放在输入之前，并使用模板和标签词；模型保持冻结。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Logistic regression on TF-IDF weights of syllable 1-2-grams. No language model: trains in seconds and gives a reference score.</source>
        <translation>基于音节 1-2 元组 TF-IDF 权重的逻辑回归。不使用语言模型：几秒内训练完成，提供一个参考分数。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Method options</source>
        <translation>方法选项</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hide advanced settings</source>
        <translation>隐藏高级设置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show advanced settings</source>
        <translation>显示高级设置</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>The model reads at most %1 tokens, so rows are cut to %1.</source>
        <translation>该模型最多读取 %1 个 token，因此各行会被截断到 %1。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>None ticked: the default of the model type is used.</source>
        <translation>未勾选任何项：使用模型类型的默认值。</translation>
    </message>
    <message>
        <location line="-123"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
</context>
<context>
    <name>Methods</name>
    <message>
        <location filename="../../peftt_gui/gui/methods.py" line="+22"/>
        <source>Full fine-tuning</source>
        <translation>全量微调</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prompt (template + verbalizer)</source>
        <translation>提示学习（模板 + 标签词映射）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prompt + LoRA</source>
        <translation>提示学习 + LoRA</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+31"/>
        <source>DoRA</source>
        <translation>DoRA</translation>
    </message>
    <message>
        <location line="-30"/>
        <location line="+29"/>
        <source>rsLoRA</source>
        <translation>rsLoRA</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>IA3</source>
        <translation>IA3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prompt + IA3</source>
        <translation>提示学习 + IA3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prefix tuning</source>
        <translation>前缀微调</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prompt + prefix tuning</source>
        <translation>提示学习 + 前缀微调</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Soft prompt tuning</source>
        <translation>软提示微调</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P-tuning</source>
        <translation>P-tuning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TF-IDF baseline</source>
        <translation>TF-IDF 基线</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>maximum length</source>
        <translation>最大长度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>LoRA rank</source>
        <translation>LoRA 秩</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LoRA alpha</source>
        <translation>LoRA alpha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LoRA dropout</source>
        <translation>LoRA dropout</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LoRA target modules</source>
        <translation>LoRA 目标模块</translation>
    </message>
</context>
<context>
    <name>MetricsTable</name>
    <message>
        <location filename="../../peftt_gui/gui/compare_views.py" line="-273"/>
        <source>Test F1: %1</source>
        <translation>测试 F1：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Validation macro-F1</source>
        <translation>验证 macro-F1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test macro-F1</source>
        <translation>测试 macro-F1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trainable parameters</source>
        <translation>可训练参数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trainable %</source>
        <translation>可训练 %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration (s)</source>
        <translation>用时（秒）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peak memory (MiB)</source>
        <translation>峰值内存 (MiB)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Higher is better.</source>
        <translation>越高越好。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lower is better.</source>
        <translation>越低越好。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No value of this row is better than another, so none is marked.</source>
        <translation>此行的数值没有优劣之分，因此不作标记。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This run has no value for this metric.</source>
        <translation>此运行没有该指标的数值。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Best value of this row. %1</source>
        <translation>此行的最佳值。%1</translation>
    </message>
</context>
<context>
    <name>MissingStatusLabel</name>
    <message>
        <location filename="../../peftt_gui/gui/widgets.py" line="+96"/>
        <source>a model folder</source>
        <translation>模型文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>training data</source>
        <translation>训练数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>label words for every class</source>
        <translation>每个类别的标签词</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ready to train.</source>
        <translation>可以开始训练。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>, </source>
        <comment>separator between missing items</comment>
        <translation>、</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still missing before training: %1</source>
        <translation>开始训练前还缺少：%1</translation>
    </message>
</context>
<context>
    <name>ModelPage</name>
    <message>
        <location filename="../../peftt_gui/gui/pages/__init__.py" line="-4"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../peftt_gui/gui/pages/model_page.py" line="+112"/>
        <source>Choose the folder of a pre-trained Tibetan masked language model (its tokenizer and weights). Models are loaded offline from this folder only; nothing is downloaded.</source>
        <translation>选择一个预训练藏文掩码语言模型的文件夹（含分词器和权重）。模型只从此文件夹离线加载，不会下载任何内容。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Model folder</source>
        <translation>模型文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open model folder</source>
        <translation>打开模型文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Build a local model from my corpus…</source>
        <translation>用我的语料构建本地模型…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No model yet? Train a small Tibetan model from your own text files on this computer.</source>
        <translation>还没有模型？在本机用你自己的文本文件训练一个小型藏文模型。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recent models</source>
        <translation>最近的模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model details</source>
        <translation>模型详情</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Architecture:</source>
        <translation>架构：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parameters:</source>
        <translation>参数量：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vocabulary size:</source>
        <translation>词表大小：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokenizer:</source>
        <translation>分词器：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Masked-LM head:</source>
        <translation>掩码语言模型头：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum sequence length:</source>
        <translation>最大序列长度：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layers:</source>
        <translation>层：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Linear layers (LoRA targets):</source>
        <translation>线性层（LoRA 目标）：</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>yes</source>
        <translation>有</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no: only the methods with a classification head can use this model</source>
        <translation>无：只有带分类头的方法可以使用此模型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 layers, hidden size %2, %3 attention heads</source>
        <translation>%1 层，隐藏层大小 %2，%3 个注意力头</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Inspecting the folder…</source>
        <translation>正在检查文件夹…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loading the tokenizer and listing the layers…</source>
        <translation>正在加载分词器并列出各层…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ready: the tokenizer has %1 tokens.</source>
        <translation>就绪：分词器有 %1 个 token。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It was checked on your training rows.</source>
        <translation>已在你的训练行上检查过。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The details appear once the engine has inspected the folder.</source>
        <translation>引擎检查该文件夹后会显示详情。</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <location filename="../../peftt_gui/gui/notifier.py" line="+124"/>
        <source>PEFTT Studio</source>
        <translation>PEFTT Studio</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>An unexpected error occurred. This is a bug in PEFTT Studio: please report it with the details below.</source>
        <translation>发生了意外错误。这是 PEFTT Studio 的缺陷，请连同下面的详细信息一起报告。</translation>
    </message>
</context>
<context>
    <name>PathPicker</name>
    <message>
        <location filename="../../peftt_gui/gui/widgets.py" line="-48"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
</context>
<context>
    <name>PlaygroundPage</name>
    <message>
        <location filename="../../peftt_gui/gui/pages/__init__.py" line="+14"/>
        <source>Playground</source>
        <translation>试验台</translation>
    </message>
    <message>
        <location filename="../../peftt_gui/gui/pages/playground_page.py" line="+232"/>
        <source>Try a trained run or an exported bundle on your own Tibetan text. The prediction updates as you type.</source>
        <translation>用你自己的藏文文本试用训练好的运行或导出包。输入时预测会随之更新。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Trained model</source>
        <translation>训练好的模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run:</source>
        <translation>运行：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open bundle or run folder…</source>
        <translation>打开导出包或运行文件夹…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A bundle whose base model folder is not on this computer is imported first, after you choose your copy of the base model folder.</source>
        <translation>如果导出包的基础模型文件夹不在这台计算机上，会在你选择自己的基础模型文件夹副本后先导入该包。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import bundle .zip…</source>
        <translation>导入 .zip 导出包…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prediction</source>
        <translation>预测</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Score of each label word: the mean log-probability of its pieces at the mask (higher is better). A class scores the mean probability of its label words.</source>
        <translation>每个标签词的得分：其各子词在掩码位置的平均对数概率（越高越好）。类别的得分是其标签词的平均概率。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Label word</source>
        <translation>标签词</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>test macro-F1 %1</source>
        <translation>测试 macro-F1 %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Choose a run…</source>
        <translation>选择一个运行…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Open a bundle or run weights folder</source>
        <translation>打开导出包或运行的权重文件夹</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import a bundle</source>
        <translation>导入导出包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bundles (*.zip)</source>
        <translation>导出包 (*.zip)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>No base model folder was chosen, so %1 was not loaded.</source>
        <translation>未选择基础模型文件夹，因此没有加载 %1。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose the new folder of the base model %1 of this run</source>
        <translation>选择此运行的基础模型 %1 的新文件夹</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose your copy of the base model %1 of this bundle</source>
        <translation>选择你自己的此导出包基础模型 %1 的副本</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>%1 · %2 classes · base model %3 · %4</source>
        <translation>%1 · %2 个类别 · 基础模型 %3 · %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Loading the model of %1…</source>
        <translation>正在加载 %1 的模型…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a run from the history, or open an exported bundle.</source>
        <translation>从历史记录中选择一个运行，或打开一个导出包。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Predicting…</source>
        <translation>正在预测…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Type a text to see the class that the model predicts.</source>
        <translation>输入文本即可查看模型预测的类别。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (probability %2)</source>
        <translation>%1（概率 %2）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The model reads: %1</source>
        <translation>模型读取的文本：%1</translation>
    </message>
</context>
<context>
    <name>PlaygroundTextEditor</name>
    <message>
        <location line="-469"/>
        <source>Type or paste a Tibetan text, for example a news title: བོད་ལྗོངས་ཀྱི་དཔལ་འབྱོར་འཕེལ་རྒྱས།</source>
        <translation>输入或粘贴藏文文本，例如一条新闻标题：བོད་ལྗོངས་ཀྱི་དཔལ་འབྱོར་འཕེལ་རྒྱས།</translation>
    </message>
</context>
<context>
    <name>RunDetailsView</name>
    <message>
        <location filename="../../peftt_gui/gui/run_details.py" line="+179"/>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Curves</source>
        <translation>曲线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test results</source>
        <translation>测试结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Created:</source>
        <translation>创建时间：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Duration:</source>
        <translation>用时：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Method:</source>
        <translation>方法：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Validation:</source>
        <translation>验证：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Test:</source>
        <translation>测试：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trainable parameters:</source>
        <translation>可训练参数：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Weights:</source>
        <translation>权重：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Error:</source>
        <translation>错误：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags:</source>
        <translation>标记：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save tags</source>
        <translation>保存标记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags, separated by commas</source>
        <translation>标记，用逗号分隔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save notes</source>
        <translation>保存备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume run</source>
        <translation>继续运行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continue this run from its last checkpoint on the Train page.</source>
        <translation>在“训练”页从最后一个检查点继续此运行。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete run</source>
        <translation>删除运行记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Template:</source>
        <translation>模板：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label words:</source>
        <translation>标签词：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full configuration:</source>
        <translation>完整配置：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Label words</source>
        <translation>标签词</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Step</source>
        <translation>步数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>macro-F1</source>
        <translation>macro-F1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test F1 per class</source>
        <translation>各类别测试 F1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>True class</source>
        <translation>真实类别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Predicted class</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>macro-F1 %1, accuracy %2 (best epoch %3)</source>
        <translation>macro-F1 %1，准确率 %2（最佳轮次 %3）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>macro-F1 %1, accuracy %2</source>
        <translation>macro-F1 %1，准确率 %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 of %2 (%3 %)</source>
        <translation>%2 中的 %1（%3 %）</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>This run has no test results.</source>
        <translation>此运行没有测试结果。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Test F1 of each class, and the confusion matrix: rows are the true classes, columns the predicted ones; the colour shows each row&apos;s share.</source>
        <translation>各类别的测试 F1 和混淆矩阵：行为真实类别，列为预测类别；颜色表示在每行中所占的比例。</translation>
    </message>
</context>
<context>
    <name>RunTableModel</name>
    <message>
        <location filename="../../peftt_gui/gui/history_model.py" line="+22"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation macro-F1</source>
        <translation>验证 macro-F1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test macro-F1</source>
        <translation>测试 macro-F1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trainable %</source>
        <translation>可训练 %</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
</context>
<context>
    <name>ShotsPlot</name>
    <message>
        <location filename="../../peftt_gui/gui/study_views.py" line="+130"/>
        <source>template %1</source>
        <translation>模板 %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Test macro-F1 (mean over seeds)</source>
        <translation>测试 macro-F1（各随机种子的均值）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>k: training rows per class</source>
        <translation>k：每类训练行数</translation>
    </message>
</context>
<context>
    <name>StudyDefinition</name>
    <message>
        <location filename="../../peftt_gui/gui/study_definition.py" line="+159"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Models:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Methods:</source>
        <translation>方法：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seeds:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>k per class:</source>
        <translation>每类 k：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Templates:</source>
        <translation>模板：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>For example tncc-methods</source>
        <translation>例如 方法对比</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The study&apos;s runs are tagged with this name. Start on a name whose runs partly finished resumes that study.</source>
        <translation>实验的运行都以此名称标记。对部分运行已完成的名称点击“开始”，会继续该实验。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+19"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Model folders of the study. The model chosen on the Model page is added here.</source>
        <translation>实验的模型文件夹。“模型”页上选择的模型会添加到这里。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Include the TF-IDF baseline</source>
        <translation>包含 TF-IDF 基线</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Logistic regression on TF-IDF weights of syllable n-grams: it reads no model, runs once per seed and k, and takes seconds.</source>
        <translation>基于音节 n 元组 TF-IDF 权重的逻辑回归：不读取模型，每个随机种子和 k 各运行一次，只需几秒。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Each method runs once per seed; the results are the mean and standard deviation over seeds.</source>
        <translation>每种方法在每个随机种子上各运行一次；结果为各随机种子上的均值和标准差。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Empty: the full training data</source>
        <translation>留空：使用全部训练数据</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Few-shot sizes: training rows drawn per class with the seed, such as 8, 32, 128. Add “all” to run on the full training data too.</source>
        <translation>小样本规模：按随机种子为每个类别抽取的训练行数，例如 8, 32, 128。添加“全部”可同时在全部训练数据上运行。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add template</source>
        <translation>添加模板</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a copy of the current template to edit. Prompt methods run once per template; the other methods use none.</source>
        <translation>添加当前模板的副本以便编辑。提示方法对每个模板各运行一次；其他方法不使用模板。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Templates of the prompt methods; double-click one to edit it. The template of the Template &amp; verbalizer page is added here.</source>
        <translation>提示方法的模板；双击即可编辑。“模板与标签词映射”页上的模板会添加到这里。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Settings shared by every run</source>
        <translation>所有运行共用的设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data:</source>
        <translation>数据：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Training:</source>
        <translation>训练：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method options:</source>
        <translation>方法选项：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Label words:</source>
        <translation>标签词：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use the settings of the other pages</source>
        <translation>使用其他页面的设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open study…</source>
        <translation>打开实验…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save study…</source>
        <translation>保存实验…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the study as a JSON file for peftt study.</source>
        <translation>把实验写成供 peftt study 使用的 JSON 文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy command for a GPU server…</source>
        <translation>复制用于 GPU 服务器的命令…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the study file and copy the command that runs it on another machine (peftt study FILE.json) to the clipboard.</source>
        <translation>保存实验文件，并把在另一台机器上运行它的命令（peftt study FILE.json）复制到剪贴板。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Add a model folder</source>
        <translation>添加模型文件夹</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Give the study a name: its runs are tagged with it, and Start on the same name resumes the study.</source>
        <translation>请为实验命名：其运行都以该名称标记，对同一名称点击“开始”会继续该实验。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tick at least one method.</source>
        <translation>请至少勾选一种方法。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add at least one model folder, or choose a model on the Model page.</source>
        <translation>请至少添加一个模型文件夹，或在“模型”页选择一个模型。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 needs a template: add one under Templates, or write it on the Template &amp; verbalizer page.</source>
        <translation>%1 需要模板：请在“模板”下添加一个，或在“模板与标签词映射”页编写。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 needs label words for every class: set them on the Template &amp; verbalizer page.</source>
        <translation>%1 需要每个类别的标签词：请在“模板与标签词映射”页设置。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Seeds are whole numbers separated by commas, such as 13, 21, 42; “%1” is not one.</source>
        <translation>随机种子是用逗号分隔的整数，例如 13, 21, 42；“%1”不是整数。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Give at least one seed, such as 13, 21, 42.</source>
        <translation>请至少给出一个随机种子，例如 13, 21, 42。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Few-shot sizes are whole numbers of 1 or more separated by commas, such as 8, 32, 128; “%1” is not one. Leave the field empty to train on the full data.</source>
        <translation>小样本规模是用逗号分隔的不小于 1 的整数，例如 8, 32, 128；“%1”不是。留空则在全部数据上训练。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Choose the training data on the Data page first.</source>
        <translation>请先在“数据”页选择训练数据。</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>From the study file %1. The other pages do not change them.</source>
        <translation>来自实验文件 %1。其他页面不会更改它们。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(not saved)</source>
        <translation>（未保存）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>From the Data, Method and Template &amp; verbalizer pages. Each method uses its default learning rate unless one is set above.</source>
        <translation>来自“数据”“方法”和“模板与标签词映射”页。除非在上方设置了学习率，否则每种方法使用其默认学习率。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>; </source>
        <comment>separator between settings</comment>
        <translation>；</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>at most %1 training rows</source>
        <translation>最多 %1 行训练数据</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>at most %1 validation and test rows</source>
        <translation>最多 %1 行验证和测试数据</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the defaults of each method</source>
        <translation>各方法的默认值</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 classes</source>
        <translation>%1 个类别</translation>
    </message>
</context>
<context>
    <name>StudyPage</name>
    <message>
        <location filename="../../peftt_gui/gui/pages/__init__.py" line="+2"/>
        <source>Study</source>
        <translation>实验</translation>
    </message>
    <message>
        <location filename="../../peftt_gui/gui/pages/study_page.py" line="+246"/>
        <source>Run a grid of models, methods, seeds and few-shot sizes one run after another, and compare the methods over seeds. A stopped study resumes where it stopped, and a study file runs without the app with peftt study.</source>
        <translation>依次运行由模型、方法、随机种子和小样本规模组成的网格中的每个运行，并在各随机种子上比较各方法。停止的实验会从停止处继续，实验文件也可以不经本程序用 peftt study 运行。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Run the study</source>
        <translation>运行实验</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run every run of the grid that has not finished yet. Runs of this study name that finished before are kept and not repeated.</source>
        <translation>运行网格中所有尚未完成的运行。此实验名称下已完成的运行会保留，不会重复。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop the running run after its current optimizer step. Start resumes the study; the stopped run then starts again from its beginning.</source>
        <translation>在当前优化步之后停止正在进行的运行。“开始”会继续实验；被停止的运行将从头重新开始。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Definition</source>
        <translation>定义</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Messages of the study&apos;s runs appear here.</source>
        <translation>实验各运行的消息显示在这里。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Study:</source>
        <translation>实验：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the list of studies and the results again.</source>
        <translation>重新读取实验列表和结果。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>with</source>
        <translation>与</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at k =</source>
        <translation>k =</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test the difference</source>
        <translation>检验差异</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paired t-test of test macro-F1 over seeds, and paired bootstrap over test examples (%1 resamples).</source>
        <translation>在各随机种子上对测试 macro-F1 做配对 t 检验，并在测试样本上做配对自助法检验（重抽样 %1 次）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save table as CSV…</source>
        <translation>将表格保存为 CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as Markdown…</source>
        <translation>保存为 Markdown…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save table as LaTeX…</source>
        <translation>将表格保存为 LaTeX…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Open a study</source>
        <translation>打开实验</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+72"/>
        <source>Study files (*.json)</source>
        <translation>实验文件 (*.json)</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>Opened %1.</source>
        <translation>已打开 %1。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save the study</source>
        <translation>保存实验</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saved %1. peftt study runs it without the app.</source>
        <translation>已保存 %1。peftt study 可以不经本程序运行它。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save the study for the GPU server</source>
        <translation>为 GPU 服务器保存实验</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Copied “%1”. Copy %2 to the server and run the command in its folder; the model and data folders that the file names must exist there at the same paths.</source>
        <translation>已复制“%1”。请把 %2 复制到服务器，并在其所在文件夹中运行该命令；文件中指定的模型和数据文件夹必须在服务器上的相同路径下存在。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The study trains on the CPU (the device setting on the Method page); choose auto to train on the server&apos;s GPU.</source>
        <translation>该实验在 CPU 上训练（“方法”页的设备设置）；要在服务器的 GPU 上训练，请选择 auto。</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Starting study %1: %2 runs in the grid.</source>
        <translation>开始实验 %1：网格中共 %2 个运行。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Stopping after the current step…</source>
        <translation>将在当前步之后停止…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Epoch %1: training loss %2, validation macro-F1 %3.</source>
        <translation>第 %1 轮：训练损失 %2，验证 macro-F1 %3。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Resuming: %1 of %2 runs finished before and are kept.</source>
        <translation>继续：%2 个运行中已有 %1 个此前完成，将予保留。</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+76"/>
        <source>Run %1 of %2: %3</source>
        <translation>第 %1/%2 个运行：%3</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>Study %1 finished: all %2 runs are in the history.</source>
        <translation>实验 %1 已完成：全部 %2 个运行均已记入历史记录。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Study %1 stopped with %2 of %3 runs finished. Start resumes it: the stopped run starts again from its beginning, and finished runs are kept.</source>
        <translation>实验 %1 已停止，%3 个运行中已完成 %2 个。“开始”会继续它：被停止的运行从头重新开始，已完成的运行保留。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Study %1 ended with %2 of %3 runs finished; the log names the runs that failed. Start runs them again.</source>
        <translation>实验 %1 已结束，%3 个运行中完成了 %2 个；日志中列出了失败的运行。“开始”会重新运行它们。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The study failed: %1</source>
        <translation>实验失败：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 of %2 runs finished</source>
        <translation>已完成 %1/%2 个运行</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No study has run yet.</source>
        <translation>尚未运行任何实验。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>step %1 of %2</source>
        <translation>第 %1/%2 步</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 elapsed</source>
        <translation>已用 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>loading the data and the model</source>
        <translation>正在加载数据和模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>training</source>
        <translation>训练中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>evaluating on the validation split</source>
        <translation>正在验证集上评估</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>evaluating on the test split</source>
        <translation>正在测试集上评估</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>saving the weights</source>
        <translation>正在保存权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>No study in the history yet. Define one on the Definition tab and press Start, or run peftt study FILE.json and press Refresh.</source>
        <translation>历史记录中还没有实验。请在“定义”选项卡中定义一个实验并点击“开始”，或运行 peftt study FILE.json 后点击“刷新”。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The study %1 has no finished runs yet.</source>
        <translation>实验 %1 还没有已完成的运行。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 finished runs of the study %2: the mean ± standard deviation over seeds.</source>
        <translation>实验 %2 的 %1 个已完成运行：各随机种子上的均值 ± 标准差。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Choose two different methods.</source>
        <translation>请选择两种不同的方法。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Testing…</source>
        <translation>正在检验…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 minus %2: mean difference in test macro-F1 %3 over %4 pairs of runs.</source>
        <translation>%1 减 %2：在 %4 对运行上，测试 macro-F1 的平均差为 %3。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paired t-test over seeds: no p-value; it needs two or more pairs whose differences vary.</source>
        <translation>各随机种子上的配对 t 检验：无 p 值；需要两对或更多差值不完全相同的运行。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paired t-test over seeds: p = %1.</source>
        <translation>各随机种子上的配对 t 检验：p = %1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paired bootstrap over test examples: no p-value; the runs have no stored test predictions.</source>
        <translation>测试样本上的配对自助法检验：无 p 值；这些运行没有保存测试预测。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paired bootstrap over test examples (%1 resamples): p = %2.</source>
        <translation>测试样本上的配对自助法检验（重抽样 %1 次）：p = %2。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Markdown files (*.md)</source>
        <translation>Markdown 文件 (*.md)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LaTeX files (*.tex)</source>
        <translation>LaTeX 文件 (*.tex)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the results table</source>
        <translation>保存结果表</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
</context>
<context>
    <name>StudyResultsTable</name>
    <message>
        <location filename="../../peftt_gui/gui/study_views.py" line="-237"/>
        <source>all</source>
        <comment>k per class: the full training data</comment>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>k per class</source>
        <translation>每类 k</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs</source>
        <translation>运行数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Test macro-F1</source>
        <translation>测试 macro-F1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Validation macro-F1</source>
        <translation>验证 macro-F1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Trainable %</source>
        <translation>可训练 %</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time (s)</source>
        <translation>用时（秒）</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>none</source>
        <comment>model column of the baseline, which reads no model</comment>
        <translation>无</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Training rows per class (few-shot); “all” is the full training data.</source>
        <translation>每类训练行数（小样本）；“全部”表示全部训练数据。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Number of the template in the study&apos;s list, from 0; “-” for methods without one.</source>
        <translation>模板在实验列表中的编号，从 0 开始；不用模板的方法为“-”。</translation>
    </message>
</context>
<context>
    <name>TemplatePage</name>
    <message>
        <location filename="../../peftt_gui/gui/pages/__init__.py" line="-10"/>
        <source>Template &amp; verbalizer</source>
        <translation>模板与标签词映射</translation>
    </message>
    <message>
        <location filename="../../peftt_gui/gui/pages/template_page.py" line="+271"/>
        <source>For the prompt methods: the template wraps each text around a mask, and the verbalizer lists the label words that stand for each class at the mask.</source>
        <translation>用于提示学习方法：模板把每条文本和一个掩码组合起来，标签词映射列出在掩码位置代表各类别的标签词。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert text</source>
        <translation>插入文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert the slot of the input text: %1</source>
        <translation>插入输入文本的槽位：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Insert mask</source>
        <translation>插入掩码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert the mask that the model fills: %1</source>
        <translation>插入由模型填写的掩码：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Insert soft token</source>
        <translation>插入软提示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert a trainable soft token: %1</source>
        <translation>插入一个可训练的软提示 token：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+22"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Read a template file in OpenPrompt&apos;s format (one template per line).</source>
        <translation>读取 OpenPrompt 格式的模板文件（每行一个模板）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+23"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Save the template in OpenPrompt&apos;s format (one template per line).</source>
        <translation>以 OpenPrompt 格式保存模板（每行一个模板）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mask</source>
        <translation>掩码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>soft token</source>
        <translation>软提示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>meta</source>
        <translation>元信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Preview on training rows</source>
        <translation>在训练行上预览</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verbalizer</source>
        <translation>标签词映射</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Label words</source>
        <translation>标签词</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tokens at the mask</source>
        <translation>掩码处的 token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add class</source>
        <translation>添加类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove class</source>
        <translation>删除类别</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read label words from a .json file or a .txt file with one line of comma-separated words per class, in class order.</source>
        <translation>从 .json 文件或 .txt 文件读取标签词；.txt 文件按类别顺序每个类别一行，词之间用逗号分隔。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save the label words as .json or as .txt (one line per class).</source>
        <translation>将标签词保存为 .json 或 .txt（每个类别一行）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Separate several label words of one class with commas. The classes are filled in from the training data once it has been loaded.</source>
        <translation>同一类别的多个标签词用逗号分隔。加载训练数据后会自动填入类别。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Before training</source>
        <translation>训练之前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score before training</source>
        <translation>训练前评分</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Classify the validation split with the untrained model, this template and these label words, and report the macro-F1 (on the CPU).</source>
        <translation>用未训练的模型、此模板和这些标签词对验证集分类，并报告 macro-F1（在 CPU 上运行）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation F1 per class</source>
        <translation>各类别验证 F1</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Load the data on the Data page to see the template filled with real training rows.</source>
        <translation>在“数据”页加载数据后，即可看到用真实训练行填充的模板。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write a template to see it filled with training rows.</source>
        <translation>编写模板后即可看到它被训练行填充的效果。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The template is valid.</source>
        <translation>模板有效。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a model on the Model page to see the tokens of each row.</source>
        <translation>在“模型”页选择模型后即可看到每行的 token。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each row as the model reads it, token by token; the mask is highlighted.</source>
        <translation>每行都按模型读取的方式逐个 token 显示；掩码已高亮。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 tokens; mask at token %2</source>
        <translation>%1 个 token；掩码在第 %2 个</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; the text was shortened to fit the maximum length</source>
        <translation>；文本已截短以符合最大长度</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>This class is not in the training data.</source>
        <translation>训练数据中没有这个类别。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 contains the unknown token, so the model cannot score it.</source>
        <translation>%1 包含未知 token，模型无法为其打分。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 has the same tokens as %2 of class %3, so the two classes cannot be told apart.</source>
        <translation>%1 与类别 %3 的 %2 的 token 相同，因此两个类别无法区分。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Problems with label words:</source>
        <translation>标签词的问题：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every label word is known to the tokenizer, and no two classes share one.</source>
        <translation>分词器认识所有标签词，且没有两个类别共用同一个词。</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+22"/>
        <source>Import template</source>
        <translation>导入模板</translation>
    </message>
    <message>
        <location line="-21"/>
        <location line="+33"/>
        <source>Template files (*.txt);;All files (*)</source>
        <translation>模板文件 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 contains no template.</source>
        <translation>%1 中没有模板。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The file contains %1 templates. Choose one:</source>
        <translation>该文件包含 %1 个模板。请选择一个：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export template</source>
        <translation>导出模板</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Import label words</source>
        <translation>导入标签词</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verbalizer files (*.json *.txt);;All files (*)</source>
        <translation>标签词映射文件 (*.json *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Export label words</source>
        <translation>导出标签词</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON (*.json);;One line per class (*.txt)</source>
        <translation>JSON (*.json);;每个类别一行 (*.txt)</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+14"/>
        <source>Loading the data and the model…</source>
        <translation>正在加载数据和模型…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Building the prompt model…</source>
        <translation>正在构建提示模型…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scoring the validation rows…</source>
        <translation>正在为验证行打分…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Scoring was stopped.</source>
        <translation>评分已停止。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>How well do the template and label words work before any training? A score near chance means the model does not yet connect your label words to the classes.</source>
        <translation>在任何训练之前，模板和标签词的效果如何？分数接近随机水平说明模型还没有把你的标签词和类别联系起来。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Validation macro-F1 %1, accuracy %2 on %3 rows, without training.</source>
        <translation>未经训练时，在 %3 行验证数据上 macro-F1 为 %1，准确率为 %2。</translation>
    </message>
</context>
<context>
    <name>TemplateSlots</name>
    <message>
        <location filename="../../peftt_gui/gui/template_slots.py" line="+30"/>
        <source>Closing brace without an opening brace.</source>
        <translation>右花括号没有对应的左花括号。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opening brace without a closing brace on this line.</source>
        <translation>这一行的左花括号没有对应的右花括号。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A quote is not closed.</source>
        <translation>引号没有闭合。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The slot is empty.</source>
        <translation>槽位为空。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expected a quoted key such as &quot;mask&quot;, found: {item}</source>
        <translation>应为带引号的键（如 &quot;mask&quot;），实际为：{item}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The key &quot;{key}&quot; has a colon but no value.</source>
        <translation>键 &quot;{key}&quot; 后有冒号但没有值。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;{key}&quot; needs a quoted name, as in {example}.</source>
        <translation>&quot;{key}&quot; 需要一个带引号的名称，例如 {example}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown slot key &quot;{key}&quot;; expected placeholder, mask, soft or meta.</source>
        <translation>未知的槽位键 &quot;{key}&quot;；应为 placeholder、mask、soft 或 meta。</translation>
    </message>
</context>
<context>
    <name>TibetanTemplateEditor</name>
    <message>
        <location filename="../../peftt_gui/gui/tibetan_editor.py" line="+139"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EWTS input</source>
        <translation>EWTS 输入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type Tibetan in Extended Wylie (EWTS): each word turns into Tibetan script when you type a space (tsheg), / (shad) or _ (space).</source>
        <translation>用扩展威利转写（EWTS）输入藏文：输入空格（音节点）、/（垂符）或 _（空格）时，当前词会转换为藏文。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write the template, for example: {&quot;placeholder&quot;:&quot;text_a&quot;} འདི་ནི་{&quot;mask&quot;}་གི་གསར་འགྱུར་རེད།</source>
        <translation>在此编写模板，例如：{&quot;placeholder&quot;:&quot;text_a&quot;} འདི་ནི་{&quot;mask&quot;}་གི་གསར་འགྱུར་རེད།</translation>
    </message>
</context>
<context>
    <name>TrainPage</name>
    <message>
        <location filename="../../peftt_gui/gui/pages/__init__.py" line="+2"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../peftt_gui/gui/pages/train_page.py" line="+169"/>
        <source>Start training with the choices of the previous pages. The loss and the validation macro-F1 are drawn while the model trains.</source>
        <translation>按前面各页的选择开始训练。训练过程中会绘制损失和验证集 macro-F1 曲线。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Data:</source>
        <translation>数据：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Method:</source>
        <translation>方法：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings:</source>
        <translation>设置：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Engine:</source>
        <translation>引擎：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Run name:</source>
        <translation>运行名称：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Optional; the method and model by default</source>
        <translation>可选；默认为方法和模型名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy command for a GPU server…</source>
        <translation>复制用于 GPU 服务器的命令…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start training</source>
        <translation>开始训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop after the current optimizer step; the run keeps a checkpoint and can resume.</source>
        <translation>在当前优化步之后停止；运行会保留检查点，可以继续。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continue the stopped run from its last checkpoint, with its own settings.</source>
        <translation>使用其自身的设置，从最后一个检查点继续已停止的运行。</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>A run is in progress.</source>
        <translation>有一个运行正在进行。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Starting %1 on %2.</source>
        <translation>正在 %2 上启动 %1。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Save the run file</source>
        <translation>保存运行文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run files (*.json)</source>
        <translation>运行文件 (*.json)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Copied “%1”. Copy %2 to the server and run the command in its folder; the model and data folders that the file names must exist there at the same paths.</source>
        <translation>已复制“%1”。请把 %2 复制到服务器，并在其所在文件夹中运行该命令；文件中指定的模型和数据文件夹必须在服务器上的相同路径下存在。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>To train on several GPUs, add --multi_gpu --num_processes and the number of GPUs after accelerate launch.</source>
        <translation>要在多块 GPU 上训练，请在 accelerate launch 之后加上 --multi_gpu --num_processes 和 GPU 数量。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The run file could not be saved: %1</source>
        <translation>无法保存运行文件：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Resuming run %1.</source>
        <translation>正在继续运行 %1。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Stopping after the current step…</source>
        <translation>将在当前步之后停止…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Epoch %1: training loss %2, validation macro-F1 %3, accuracy %4.</source>
        <translation>第 %1 轮：训练损失 %2，验证 macro-F1 %3，准确率 %4。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(best so far)</source>
        <translation>（目前最佳）</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+2"/>
        <source>The run failed: %1</source>
        <translation>运行失败：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Run %1 was stopped. Resume continues it from its last checkpoint.</source>
        <translation>运行 %1 已停止。“继续”会从最后一个检查点接着训练。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run %1 finished: best validation macro-F1 %2, test macro-F1 %3. It is selected on the History page.</source>
        <translation>运行 %1 已完成：最佳验证 macro-F1 %2，测试 macro-F1 %3。已在“历史记录”页选中。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No run yet.</source>
        <translation>还没有运行。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Preparing: loading the data and the model…</source>
        <translation>准备中：正在加载数据和模型…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training</source>
        <translation>训练中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evaluating on the validation split…</source>
        <translation>正在验证集上评估…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evaluating on the test split…</source>
        <translation>正在测试集上评估…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saving the weights…</source>
        <translation>正在保存权重…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>step %1 of %2, epoch %3</source>
        <translation>第 %1/%2 步，第 %3 轮</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 elapsed</source>
        <translation>已用 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>about %1 left</source>
        <translation>约剩 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The run failed.</source>
        <translation>运行失败。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped after step %1.</source>
        <translation>已在第 %1 步后停止。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done: %1 optimizer steps.</source>
        <translation>完成：共 %1 个优化步。</translation>
    </message>
    <message>
        <location line="-291"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Save these settings as a run file and copy the command that trains it on another machine (accelerate launch -m peftt_gui.cli train FILE.json) to the clipboard.</source>
        <translation>把这些设置保存为运行文件，并把在另一台机器上训练它的命令（accelerate launch -m peftt_gui.cli train FILE.json）复制到剪贴板。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Step</source>
        <translation>步数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>macro-F1</source>
        <translation>macro-F1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages of the run appear here.</source>
        <translation>运行消息会显示在这里。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>not chosen</source>
        <translation>未选择</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>torch %1, transformers %2, device: %3</source>
        <translation>torch %1，transformers %2，设备：%3</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>; </source>
        <comment>separator between settings</comment>
        <translation>；</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Complete the missing items first.</source>
        <translation>请先补全缺少的项目。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The training engine is still loading.</source>
        <translation>训练引擎仍在加载。</translation>
    </message>
</context>
</TS>
