<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DataPage</name>
    <message>
        <location filename="../../peftt_gui/gui/pages/data_page.py" line="+107"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <source>Open data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <source>Open data file</source>
        <translation>打开数据文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Formats: one example per line as label, tab, text (.txt, .tsv); CSV; JSONL.</source>
        <translation>格式：每行一个样本，依次为标签、制表符、文本（.txt、.tsv）；CSV；JSONL。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent data</source>
        <translation>最近的数据</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <location line="+1"/>
        <source>First rows of the training split</source>
        <translation>训练集的前几行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Class counts and a preview appear once the engine has loaded the data.</source>
        <translation>引擎加载数据后，这里会显示各类别的数量和预览。</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <location filename="../../peftt_gui/gui/pages/history_page.py" line="+68"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every training run is stored with its settings, its scores per epoch and its weights.</source>
        <translation>每次训练都会保存其设置、每轮得分和权重。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location line="+0"/>
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
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Best epoch</source>
        <translation>最佳轮次</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Validation macro-F1</source>
        <translation>验证 macro-F1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test macro-F1</source>
        <translation>测试 macro-F1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open run</source>
        <translation>打开运行记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete run</source>
        <translation>删除运行记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No runs yet. Runs appear here once training has been started from the Train page.</source>
        <translation>还没有运行记录。在“训练”页开始训练后，记录会显示在这里。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../peftt_gui/gui/main_window.py" line="+181"/>
        <source>PEFTT Studio</source>
        <translation>PEFTT Studio</translation>
    </message>
    <message>
        <location line="+6"/>
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
        <location line="+33"/>
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
        <location line="+34"/>
        <source>Loading the training engine (%1)…</source>
        <translation>正在加载训练引擎（%1）…</translation>
    </message>
    <message>
        <location line="+15"/>
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
</context>
<context>
    <name>MethodPage</name>
    <message>
        <location filename="../../peftt_gui/gui/pages/method_page.py" line="+99"/>
        <location line="+8"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Choose how the model is adapted to your classes, and the training settings.</source>
        <translation>选择让模型适配你的类别的方法，以及训练设置。</translation>
    </message>
    <message>
        <location line="+7"/>
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
        <location line="+18"/>
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate:</source>
        <translation>学习率：</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <source>Maximum length (tokens):</source>
        <translation>最大长度（token）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Longer texts are truncated to this many tokens; batches are padded only to their longest text.</source>
        <translation>更长的文本会被截断到这么多 token；每个批次只填充到其中最长文本的长度。</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <location line="+2"/>
        <source>Names of the linear layers that get adapters, separated by commas.</source>
        <translation>添加适配器的线性层名称，用逗号分隔。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Default of the model type (query, value for BERT)</source>
        <translation>模型类型的默认值（BERT 为 query, value）</translation>
    </message>
</context>
<context>
    <name>Methods</name>
    <message>
        <location filename="../../peftt_gui/gui/methods.py" line="+21"/>
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
        <location line="+7"/>
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
        <location line="+1"/>
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
    <name>MissingStatusLabel</name>
    <message>
        <location filename="../../peftt_gui/gui/widgets.py" line="+116"/>
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
        <location filename="../../peftt_gui/gui/pages/model_page.py" line="+75"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <source>Maximum sequence length:</source>
        <translation>最大序列长度：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Linear layers (LoRA targets):</source>
        <translation>线性层（LoRA 目标）：</translation>
    </message>
    <message>
        <location line="+6"/>
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
    <name>TemplatePage</name>
    <message>
        <location filename="../../peftt_gui/gui/pages/template_page.py" line="+117"/>
        <source>Template &amp; verbalizer</source>
        <translation>模板与标签词映射</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+3"/>
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
        <location line="+2"/>
        <source>Separate several label words of one class with commas. The classes are filled in from the training data once it has been loaded.</source>
        <translation>同一类别的多个标签词用逗号分隔。加载训练数据后会自动填入类别。</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>This class is not in the training data.</source>
        <translation>训练数据中没有这个类别。</translation>
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
        <location filename="../../peftt_gui/gui/pages/train_page.py" line="+98"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+3"/>
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
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <source>Messages of the run appear here.</source>
        <translation>运行消息会显示在这里。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>not chosen</source>
        <translation>未选择</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>torch %1, transformers %2, device: %3</source>
        <translation>torch %1，transformers %2，设备：%3</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>; </source>
        <comment>separator between settings</comment>
        <translation>；</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Training is not connected to the engine in this version.</source>
        <translation>此版本中训练尚未与引擎连接。</translation>
    </message>
    <message>
        <location line="+3"/>
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
