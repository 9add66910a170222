<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="bo">
<context>
    <name>DataPage</name>
    <message>
        <location filename="../../peftt_gui/gui/pages/data_page.py" line="+107"/>
        <source>Data</source>
        <translation>གཞི་གྲངས</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose labelled Tibetan text for training, validation and test. The classes are taken from the training split.</source>
        <translation>སྦྱོང་བརྡར། ར་སྤྲོད། ཚོད་ལྟ་བཅས་ལ་སྤྱོད་རྒྱུའི་ཁ་བྱང་ཅན་གྱི་བོད་ཡིག་ཡི་གེ་འདེམས་རོགས། རིགས་ཚན་རྣམས་སྦྱོང་བརྡར་ཆ་ཤས་ནས་ལེན།</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Data files</source>
        <translation>གཞི་གྲངས་ཡིག་ཆ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One folder with train, validation and test files</source>
        <translation>སྦྱོང་བརྡར། ར་སྤྲོད། ཚོད་ལྟའི་ཡིག་ཆ་ཡོད་པའི་ཡིག་སྣོད་གཅིག</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Separate files</source>
        <translation>ཡིག་ཆ་སོ་སོ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open data folder</source>
        <translation>གཞི་གྲངས་ཡིག་སྣོད་ཁ་ཕྱེ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training:</source>
        <translation>སྦྱོང་བརྡར།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation:</source>
        <translation>ར་སྤྲོད།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test:</source>
        <translation>ཚོད་ལྟ།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data files (*.txt *.tsv *.csv *.jsonl);;All files (*)</source>
        <translation>གཞི་གྲངས་ཡིག་ཆ (*.txt *.tsv *.csv *.jsonl);;ཡིག་ཆ་ཡོངས་རྫོགས (*)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open data file</source>
        <translation>གཞི་གྲངས་ཡིག་ཆ་ཁ་ཕྱེ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Formats: one example per line as label, tab, text (.txt, .tsv); CSV; JSONL.</source>
        <translation>ཡིག་ཆའི་རྣམ་པ། ཕྲེང་རེར་དཔེ་གཅིག་སྟེ། ཁ་བྱང་། Tab། ཡི་གེ་བཅས་གོ་རིམ་ལྟར (.txt, .tsv)། CSV། JSONL།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent data</source>
        <translation>ཉེ་ཆར་སྤྱད་པའི་གཞི་གྲངས</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Classes</source>
        <translation>རིགས་ཚན</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Class</source>
        <translation>རིགས་ཚན</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Training</source>
        <translation>སྦྱོང་བརྡར</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Validation</source>
        <translation>ར་སྤྲོད</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Test</source>
        <translation>ཚོད་ལྟ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First rows of the training split</source>
        <translation>སྦྱོང་བརྡར་ཆ་ཤས་ཀྱི་ཕྲེང་ཐོག་མ་ཁག</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label</source>
        <translation>ཁ་བྱང</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text</source>
        <translation>ཡི་གེ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Class counts and a preview appear once the engine has loaded the data.</source>
        <translation>འཕྲུལ་ཆས་ཀྱིས་གཞི་གྲངས་ནང་འཇུག་བྱས་རྗེས་རིགས་ཚན་སོ་སོའི་གྲངས་ཀ་དང་སྔོན་ལྟ་མངོན་ཡོང་།</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <location filename="../../peftt_gui/gui/pages/history_page.py" line="+68"/>
        <source>History</source>
        <translation>ལོ་རྒྱུས</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every training run is stored with its settings, its scores per epoch and its weights.</source>
        <translation>སྦྱོང་བརྡར་ཐེངས་རེ་རེའི་སྒྲིག་འགོད་དང་། སྐོར་རེ་རེའི་སྐར་གྲངས། ལྗིད་ཚད་བཅས་ཉར་ཚགས་བྱེད།</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Started</source>
        <translation>འགོ་ཚུགས་དུས</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Model</source>
        <translation>དཔེ་དབྱིབས</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Method</source>
        <translation>ཐབས་ལམ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Data</source>
        <translation>གཞི་གྲངས</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Best epoch</source>
        <translation>སྐོར་ལེགས་ཤོས</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Validation macro-F1</source>
        <translation>ར་སྤྲོད macro-F1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test macro-F1</source>
        <translation>ཚོད་ལྟ macro-F1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>གནས་སྟངས</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open run</source>
        <translation>སྦྱོང་བརྡར་ཐེངས་ཁ་ཕྱེ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete run</source>
        <translation>སྦྱོང་བརྡར་ཐེངས་སུབ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>གསར་འདོན</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No runs yet. Runs appear here once training has been started from the Train page.</source>
        <translation>ད་དུང་སྦྱོང་བརྡར་བྱས་མེད། སྦྱོང་བརྡར་ཤོག་ངོས་ནས་སྦྱོང་བརྡར་འགོ་བཙུགས་རྗེས་འདིར་མངོན་ཡོང་།</translation>
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
        <translation>ཡིག་ཆ(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;model folder…</source>
        <translation>དཔེ་དབྱིབས་ཡིག་སྣོད་ཁ་ཕྱེ(&amp;M)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;data folder…</source>
        <translation>གཞི་གྲངས་ཡིག་སྣོད་ཁ་ཕྱེ(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent models</source>
        <translation>ཉེ་ཆར་སྤྱད་པའི་དཔེ་དབྱིབས</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent data</source>
        <translation>ཉེ་ཆར་སྤྱད་པའི་གཞི་གྲངས</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>ཕྱིར་འཐེན(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings</source>
        <translation>སྒྲིག་འགོད(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>སྐད་ཡིག(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System</source>
        <translation>མ་ལག་ལྟར</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>རོགས་རམ(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About PEFTT Studio</source>
        <translation>PEFTT Studio སྐོར(&amp;A)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Open model folder</source>
        <translation>དཔེ་དབྱིབས་ཡིག་སྣོད་ཁ་ཕྱེ</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open data folder</source>
        <translation>གཞི་གྲངས་ཡིག་སྣོད་ཁ་ཕྱེ</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>(none)</source>
        <translation>(མེད)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>About PEFTT Studio</source>
        <translation>PEFTT Studio སྐོར</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;PEFTT Studio&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;PEFTT Studio&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fine-tune Tibetan language models with full fine-tuning, prompt templates with verbalizers, or LoRA, without writing code.&lt;br&gt;&lt;br&gt;Tibetan text is shown in Noto Serif Tibetan, licensed under the SIL Open Font License 1.1.</source>
        <translation>ཨང་སྒྲིག་མི་དགོས་པར་ཆ་ཚང་ཞིབ་སྒྲིག་དང་། དྲན་སྐུལ་དཔེ་གཞི་དང་ཁ་བྱང་ཚིག LoRA བཅས་ཀྱིས་བོད་ཡིག་སྐད་ཡིག་དཔེ་དབྱིབས་ཞིབ་སྒྲིག་བྱེད།&lt;br&gt;&lt;br&gt;བོད་ཡིག་ནི་ Noto Serif Tibetan ཡིག་གཟུགས་ཀྱིས་མངོན་ཞིང་། ཡིག་གཟུགས་དེ་ SIL Open Font License 1.1 ཡི་ཆོག་མཆན་འོག་ཡོད།</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Loading the training engine (%1)…</source>
        <translation>སྦྱོང་བརྡར་འཕྲུལ་ཆས་ནང་འཇུག་བྱེད་བཞིན་པ (%1)…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Engine ready: torch %1 on %2</source>
        <translation>འཕྲུལ་ཆས་གྲ་སྒྲིག་ཚར། %2 ཐོག་ torch %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The training engine failed to load</source>
        <translation>སྦྱོང་བརྡར་འཕྲུལ་ཆས་ནང་འཇུག་བྱེད་མ་ཐུབ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading the training engine…</source>
        <translation>སྦྱོང་བརྡར་འཕྲུལ་ཆས་ནང་འཇུག་བྱེད་བཞིན་པ…</translation>
    </message>
</context>
<context>
    <name>MethodPage</name>
    <message>
        <location filename="../../peftt_gui/gui/pages/method_page.py" line="+99"/>
        <location line="+8"/>
        <source>Method</source>
        <translation>ཐབས་ལམ</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Choose how the model is adapted to your classes, and the training settings.</source>
        <translation>དཔེ་དབྱིབས་ཁྱེད་ཀྱི་རིགས་ཚན་ལ་ཇི་ལྟར་འཚམ་སྒྲིག་བྱེད་པའི་ཐབས་ལམ་དང་སྦྱོང་བརྡར་སྒྲིག་འགོད་འདེམས་རོགས།</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Trains every weight of the model and a classification head. Strongest with enough data; needs the most memory.</source>
        <translation>དཔེ་དབྱིབས་ཀྱི་ལྗིད་ཚད་ཡོངས་རྫོགས་དང་དབྱེ་སྡེའི་རིམ་པ་སྦྱོང་བརྡར་བྱེད། གཞི་གྲངས་འདང་ངེས་ཡོད་ན་ནུས་པ་ཆེ་ཤོས་ཡིན་ཡང་ནང་གསོག་ཆེས་མང་བ་དགོས།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Freezes the model and trains low-rank adapters on the attention layers and a classification head, usually under 1% of the parameters.</source>
        <translation>དཔེ་དབྱིབས་འཁྱག་བཞག་ནས་དོ་སྣང་རིམ་པའི་ཐོག་གི་རིམ་དམའ་བའི་སྦྲེལ་ཆས་དང་དབྱེ་སྡེའི་རིམ་པ་ཁོ་ན་སྦྱོང་བརྡར་བྱེད། སྤྱིར་བཏང་ཚད་གཞིའི་བརྒྱ་ཆ་ 1 ལས་ཉུང་།</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The masked language model fills the mask of a template, and label words map its answer to a class. Every weight is trained.</source>
        <translation>ཁེབས་རྟགས་སྐད་ཡིག་དཔེ་དབྱིབས་ཀྱིས་དཔེ་གཞིའི་ཁེབས་རྟགས་ཁ་སྐོང་བྱེད་ཅིང་། ཁ་བྱང་ཚིག་གིས་ལན་དེ་རིགས་ཚན་ཞིག་ལ་སྦྲེལ། ལྗིད་ཚད་ཡོངས་རྫོགས་སྦྱོང་བརྡར་བྱེད།</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A template and verbalizer as above, with the model frozen and only LoRA adapters trained.</source>
        <translation>གོང་གི་དཔེ་གཞི་དང་ཁ་བྱང་ཚིག་སྤྱོད་ཅིང་། དཔེ་དབྱིབས་འཁྱག་བཞག་ནས་ LoRA སྦྲེལ་ཆས་ཁོ་ན་སྦྱོང་བརྡར་བྱེད།</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Training</source>
        <translation>སྦྱོང་བརྡར</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate:</source>
        <translation>སློབ་ཚད།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epochs:</source>
        <translation>སྐོར་གྲངས།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch size:</source>
        <translation>ཚན་ཆེ་ཆུང་།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum length (tokens):</source>
        <translation>རིང་ཚད་མཐོ་ཤོས (ཚིག་ཕྲན)།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random seed:</source>
        <translation>སྐབས་བསྟུན་ས་བོན།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Longer texts are truncated to this many tokens; batches are padded only to their longest text.</source>
        <translation>དེ་ལས་རིང་བའི་ཡི་གེ་ཚིག་ཕྲན་གྲངས་འདི་ཙམ་དུ་གཅོད། ཚན་རེ་རེ་དེའི་ནང་གི་ཡི་གེ་རིང་ཤོས་ཀྱི་རིང་ཚད་བར་ཁོ་ན་ཁ་སྐོང་བྱེད།</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rank (r):</source>
        <translation>རིམ་གྲངས (r)།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alpha:</source>
        <translation>Alpha།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dropout:</source>
        <translation>Dropout།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target modules:</source>
        <translation>དམིགས་ཡུལ་ཚན་པ།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Names of the linear layers that get adapters, separated by commas.</source>
        <translation>སྦྲེལ་ཆས་སྣོན་རྒྱུའི་ཐད་ཐིག་རིམ་པ (linear) ཡི་མིང་། ཚེག་རྡ (,) ཡིས་སོ་སོར་ཕྱེ།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Default of the model type (query, value for BERT)</source>
        <translation>དཔེ་དབྱིབས་རིགས་ཀྱི་སྔོན་སྒྲིག (BERT ལ་ query, value)</translation>
    </message>
</context>
<context>
    <name>Methods</name>
    <message>
        <location filename="../../peftt_gui/gui/methods.py" line="+21"/>
        <source>Full fine-tuning</source>
        <translation>ཆ་ཚང་ཞིབ་སྒྲིག</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prompt (template + verbalizer)</source>
        <translation>དྲན་སྐུལ (དཔེ་གཞི + ཁ་བྱང་ཚིག)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prompt + LoRA</source>
        <translation>དྲན་སྐུལ + LoRA</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>learning rate</source>
        <translation>སློབ་ཚད</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>epochs</source>
        <translation>སྐོར་གྲངས</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>batch size</source>
        <translation>ཚན་ཆེ་ཆུང་</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>maximum length</source>
        <translation>རིང་ཚད་མཐོ་ཤོས</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>seed</source>
        <translation>ས་བོན</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LoRA rank</source>
        <translation>LoRA རིམ་གྲངས</translation>
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
        <translation>LoRA དམིགས་ཡུལ་ཚན་པ</translation>
    </message>
</context>
<context>
    <name>MissingStatusLabel</name>
    <message>
        <location filename="../../peftt_gui/gui/widgets.py" line="+116"/>
        <source>a model folder</source>
        <translation>དཔེ་དབྱིབས་ཡིག་སྣོད</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>training data</source>
        <translation>སྦྱོང་བརྡར་གཞི་གྲངས</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a method</source>
        <translation>ཐབས་ལམ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a template</source>
        <translation>དཔེ་གཞི</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>label words for every class</source>
        <translation>རིགས་ཚན་རེ་རེའི་ཁ་བྱང་ཚིག</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ready to train.</source>
        <translation>སྦྱོང་བརྡར་བྱེད་ཆོག</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>, </source>
        <comment>separator between missing items</comment>
        <translation>། </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still missing before training: %1</source>
        <translation>སྦྱོང་བརྡར་མ་བྱས་གོང་ད་དུང་དགོས་པ། %1</translation>
    </message>
</context>
<context>
    <name>ModelPage</name>
    <message>
        <location filename="../../peftt_gui/gui/pages/model_page.py" line="+75"/>
        <source>Model</source>
        <translation>དཔེ་དབྱིབས</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the folder of a pre-trained Tibetan masked language model (its tokenizer and weights). Models are loaded offline from this folder only; nothing is downloaded.</source>
        <translation>སྔོན་ཚུད་སྦྱོང་བརྡར་བྱས་པའི་བོད་ཡིག་ཁེབས་རྟགས་སྐད་ཡིག་དཔེ་དབྱིབས་ཀྱི་ཡིག་སྣོད (ཚིག་ཕྲན་འབྱེད་ཆས་དང་ལྗིད་ཚད) འདེམས་རོགས། དཔེ་དབྱིབས་དྲ་རྒྱ་མེད་པར་ཡིག་སྣོད་འདི་ཁོ་ན་ནས་ནང་འཇུག་བྱེད་ཅིང་། ཅི་ཡང་ཕབ་ལེན་མི་བྱེད།</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Model folder</source>
        <translation>དཔེ་དབྱིབས་ཡིག་སྣོད</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open model folder</source>
        <translation>དཔེ་དབྱིབས་ཡིག་སྣོད་ཁ་ཕྱེ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent models</source>
        <translation>ཉེ་ཆར་སྤྱད་པའི་དཔེ་དབྱིབས</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model details</source>
        <translation>དཔེ་དབྱིབས་ཀྱི་ཞིབ་ཕྲ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Architecture:</source>
        <translation>སྒྲོམ་གཞི།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parameters:</source>
        <translation>ཚད་གཞི།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vocabulary size:</source>
        <translation>ཚིག་མཛོད་ཆེ་ཆུང་།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum sequence length:</source>
        <translation>གོ་རིམ་རིང་ཚད་མཐོ་ཤོས།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Linear layers (LoRA targets):</source>
        <translation>ཐད་ཐིག་རིམ་པ (LoRA དམིགས་ཡུལ)།</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The details appear once the engine has inspected the folder.</source>
        <translation>འཕྲུལ་ཆས་ཀྱིས་ཡིག་སྣོད་ཞིབ་བཤེར་བྱས་རྗེས་ཞིབ་ཕྲ་མངོན་ཡོང་།</translation>
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
        <translation>རེ་སྒུག་མེད་པའི་ནོར་འཁྲུལ་ཞིག་བྱུང་། འདི་ནི་ PEFTT Studio ཡི་སྐྱོན་ཞིག་ཡིན་པས། གཤམ་གྱི་ཞིབ་ཕྲ་དང་བཅས་སྙན་སེང་ཞུ་རོགས།</translation>
    </message>
</context>
<context>
    <name>PathPicker</name>
    <message>
        <location filename="../../peftt_gui/gui/widgets.py" line="-48"/>
        <source>Browse…</source>
        <translation>བཤེར་འཚོལ…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a folder</source>
        <translation>ཡིག་སྣོད་ཅིག་འདེམས</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a file</source>
        <translation>ཡིག་ཆ་ཞིག་འདེམས</translation>
    </message>
</context>
<context>
    <name>TemplatePage</name>
    <message>
        <location filename="../../peftt_gui/gui/pages/template_page.py" line="+117"/>
        <source>Template &amp; verbalizer</source>
        <translation>དཔེ་གཞི་དང་ཁ་བྱང་ཚིག</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>For the prompt methods: the template wraps each text around a mask, and the verbalizer lists the label words that stand for each class at the mask.</source>
        <translation>དྲན་སྐུལ་ཐབས་ལམ་ཆེད། དཔེ་གཞིས་ཡི་གེ་རེ་རེ་ཁེབས་རྟགས་དང་མཉམ་དུ་སྒྲིག་ཅིང་། ཁ་བྱང་ཚིག་སྒྲིག་གིས་ཁེབས་རྟགས་ཀྱི་གནས་སུ་རིགས་ཚན་རེ་རེ་མཚོན་པའི་ཁ་བྱང་ཚིག་སྟོན།</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Template</source>
        <translation>དཔེ་གཞི</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert text</source>
        <translation>ཡི་གེ་བཅུག</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert the slot of the input text: %1</source>
        <translation>ནང་འཇུག་ཡི་གེའི་ས་མིག་བཅུག %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Insert mask</source>
        <translation>ཁེབས་རྟགས་བཅུག</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert the mask that the model fills: %1</source>
        <translation>དཔེ་དབྱིབས་ཀྱིས་ཁ་སྐོང་བྱེད་རྒྱུའི་ཁེབས་རྟགས་བཅུག %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Insert soft token</source>
        <translation>མཉེན་ཚིག་ཕྲན་བཅུག</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert a trainable soft token: %1</source>
        <translation>སྦྱོང་བརྡར་བྱེད་ཐུབ་པའི་མཉེན་ཚིག་ཕྲན་ཞིག་བཅུག %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>text</source>
        <translation>ཡི་གེ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mask</source>
        <translation>ཁེབས་རྟགས</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>soft token</source>
        <translation>མཉེན་ཚིག་ཕྲན</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>meta</source>
        <translation>ཟུར་བཀོད</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>error</source>
        <translation>ནོར་འཁྲུལ</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Verbalizer</source>
        <translation>ཁ་བྱང་ཚིག་སྒྲིག</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Class</source>
        <translation>རིགས་ཚན</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Label words</source>
        <translation>ཁ་བྱང་ཚིག</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add class</source>
        <translation>རིགས་ཚན་སྣོན</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove class</source>
        <translation>རིགས་ཚན་སུབ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Separate several label words of one class with commas. The classes are filled in from the training data once it has been loaded.</source>
        <translation>རིགས་ཚན་གཅིག་ལ་ཁ་བྱང་ཚིག་མང་པོ་ཡོད་ན་ཚེག་རྡ (,) ཡིས་སོ་སོར་ཕྱེ་རོགས། སྦྱོང་བརྡར་གཞི་གྲངས་ནང་འཇུག་བྱས་རྗེས་རིགས་ཚན་རང་འགུལ་གྱིས་ཁ་སྐོང་བྱེད།</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>This class is not in the training data.</source>
        <translation>རིགས་ཚན་འདི་སྦྱོང་བརྡར་གཞི་གྲངས་ནང་མེད།</translation>
    </message>
</context>
<context>
    <name>TemplateSlots</name>
    <message>
        <location filename="../../peftt_gui/gui/template_slots.py" line="+30"/>
        <source>Closing brace without an opening brace.</source>
        <translation>ཁ་ཕྱེ་བའི་གུག་རྟགས་མེད་པའི་ཁ་རྒྱག་གུག་རྟགས།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opening brace without a closing brace on this line.</source>
        <translation>ཕྲེང་འདིའི་ནང་ཁ་རྒྱག་གུག་རྟགས་མེད་པའི་ཁ་ཕྱེ་གུག་རྟགས།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A quote is not closed.</source>
        <translation>ལུང་འདྲེན་རྟགས་ཤིག་ཁ་རྒྱག་མ་བྱས།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The slot is empty.</source>
        <translation>ས་མིག་འདིའི་ནང་ཅི་ཡང་མེད།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expected a quoted key such as &quot;mask&quot;, found: {item}</source>
        <translation>&quot;mask&quot; ལྟ་བུའི་ལུང་འདྲེན་རྟགས་ཅན་གྱི་ལྡེ་མིག་དགོས། རྙེད་པ། {item}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The key &quot;{key}&quot; has a colon but no value.</source>
        <translation>ལྡེ་མིག &quot;{key}&quot; གི་རྗེས་སུ་ : ཡོད་ཀྱང་རིན་ཐང་མེད།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;{key}&quot; needs a quoted name, as in {example}.</source>
        <translation>&quot;{key}&quot; ལ་ལུང་འདྲེན་རྟགས་ཅན་གྱི་མིང་ཞིག་དགོས། དཔེར་ན། {example}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown slot key &quot;{key}&quot;; expected placeholder, mask, soft or meta.</source>
        <translation>ས་མིག་གི་ལྡེ་མིག &quot;{key}&quot; ངོས་འཛིན་མ་ཐུབ། placeholder དང་ mask། soft། meta གང་རུང་ཞིག་དགོས།</translation>
    </message>
</context>
<context>
    <name>TibetanTemplateEditor</name>
    <message>
        <location filename="../../peftt_gui/gui/tibetan_editor.py" line="+139"/>
        <source>Undo</source>
        <translation>ཕྱིར་ལྡོག</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redo</source>
        <translation>བསྐྱར་བཟོ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EWTS input</source>
        <translation>EWTS ནང་འཇུག</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type Tibetan in Extended Wylie (EWTS): each word turns into Tibetan script when you type a space (tsheg), / (shad) or _ (space).</source>
        <translation>ཝ་ལི་རྒྱ་བསྐྱེད (EWTS) ཀྱིས་བོད་ཡིག་འབྲི། བར་སྟོང (ཚེག)། / (ཤད)། _ (བར་སྟོང) གང་རུང་བཏབ་དུས་མིང་ཚིག་རེ་རེ་བོད་ཡིག་ཏུ་འགྱུར།</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write the template, for example: {&quot;placeholder&quot;:&quot;text_a&quot;} འདི་ནི་{&quot;mask&quot;}་གི་གསར་འགྱུར་རེད།</source>
        <translation>དཔེ་གཞི་འདིར་འབྲི། དཔེར་ན། {&quot;placeholder&quot;:&quot;text_a&quot;} འདི་ནི་{&quot;mask&quot;}་གི་གསར་འགྱུར་རེད།</translation>
    </message>
</context>
<context>
    <name>TrainPage</name>
    <message>
        <location filename="../../peftt_gui/gui/pages/train_page.py" line="+98"/>
        <source>Train</source>
        <translation>སྦྱོང་བརྡར</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start training with the choices of the previous pages. The loss and the validation macro-F1 are drawn while the model trains.</source>
        <translation>ཤོག་ངོས་སྔ་མའི་འདེམས་ཁ་ལྟར་སྦྱོང་བརྡར་འགོ་འཛུགས། དཔེ་དབྱིབས་སྦྱོང་བརྡར་བྱེད་སྐབས་གྱོང་ཚད་དང་ར་སྤྲོད macro-F1 རི་མོར་འབྲི།</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Summary</source>
        <translation>སྡོམ་བསྡུས</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model:</source>
        <translation>དཔེ་དབྱིབས།</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Data:</source>
        <translation>གཞི་གྲངས།</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Method:</source>
        <translation>ཐབས་ལམ།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings:</source>
        <translation>སྒྲིག་འགོད།</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Engine:</source>
        <translation>འཕྲུལ་ཆས།</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run</source>
        <translation>སྦྱོང་བརྡར་ཐེངས</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start training</source>
        <translation>སྦྱོང་བརྡར་འགོ་འཛུགས</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>མཚམས་འཇོག</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loss</source>
        <translation>གྱོང་ཚད</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Step</source>
        <translation>གོམ་གྲངས</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training loss</source>
        <translation>སྦྱོང་བརྡར་གྱོང་ཚད</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation</source>
        <translation>ར་སྤྲོད</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Epoch</source>
        <translation>སྐོར</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>macro-F1</source>
        <translation>macro-F1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accuracy</source>
        <translation>ཡང་དག་ཚད</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages of the run appear here.</source>
        <translation>སྦྱོང་བརྡར་གྱི་བརྡ་འཕྲིན་འདིར་མངོན་ཡོང་།</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>not chosen</source>
        <translation>མ་བདམས</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>loading…</source>
        <translation>ནང་འཇུག་བྱེད་བཞིན…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>torch %1, transformers %2, device: %3</source>
        <translation>torch %1། transformers %2། སྒྲིག་ཆས། %3</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>; </source>
        <comment>separator between settings</comment>
        <translation>། </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Training is not connected to the engine in this version.</source>
        <translation>པར་གཞི་འདིའི་ནང་སྦྱོང་བརྡར་དང་འཕྲུལ་ཆས་ད་དུང་མཐུད་མེད།</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Complete the missing items first.</source>
        <translation>སྔོན་ལ་ཆད་པའི་རྣམ་གྲངས་ཁ་སྐོང་རོགས།</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The training engine is still loading.</source>
        <translation>སྦྱོང་བརྡར་འཕྲུལ་ཆས་ད་དུང་ནང་འཇུག་བྱེད་བཞིན་ཡོད།</translation>
    </message>
</context>
</TS>
