<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="bo">
<context>
    <name>BuildModelDialog</name>
    <message>
        <location filename="../../peftt_gui/gui/build_model_dialog.py" line="+114"/>
        <source>Build a local model</source>
        <translation>ས་གནས་དཔེ་དབྱིབས་བཟོ་བ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trains a tokenizer and a small BERT masked language model on your Tibetan text files (one text per line, or label, tab, text). Everything runs on this computer; the model is saved when the time limit is reached or you press Stop.</source>
        <translation>ཁྱེད་ཀྱི་བོད་ཡིག་ཡིག་ཆ (ཕྲེང་རེར་ཡི་གེ་གཅིག་གམ། ཁ་བྱང་། Tab། ཡི་གེ) ཐོག་ཚིག་ཕྲན་གཅོད་ཆས་དང་ BERT ཁེབས་རྟགས་སྐད་ཡིག་དཔེ་དབྱིབས་ཆུང་ངུ་ཞིག་སྦྱོང་བརྡར་བྱེད། ཚང་མ་གློག་ཀླད་འདིའི་ནང་བྱེད་ཅིང་། དུས་ཚད་ཟིན་པའམ་མཚམས་འཇོག་མནན་དུས་དཔེ་དབྱིབས་ཉར་ཚགས་བྱེད།</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Corpus files:</source>
        <translation>ཡིག་ཚོགས་ཡིག་ཆ།</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Model size:</source>
        <translation>དཔེ་དབྱིབས་ཆེ་ཆུང་།</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time limit:</source>
        <translation>དུས་ཚོད་ཚད་བཀག</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the model in:</source>
        <translation>དཔེ་དབྱིབས་ཉར་ས།</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add files…</source>
        <translation>ཡིག་ཆ་སྣོན…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>སུབ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Small (2 layers, fastest)</source>
        <translation>ཆུང་ངུ (རིམ་པ ༢། མགྱོགས་ཤོས)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default (4 layers)</source>
        <translation>སྔོན་སྒྲིག (རིམ་པ ༤)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> min</source>
        <translation> སྐར་མ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pre-training stops after this many minutes.</source>
        <translation>སྐར་མ་འདི་ཙམ་སོང་རྗེས་སྔོན་སྦྱོང་མཚམས་འཇོག</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder for the new model</source>
        <translation>དཔེ་དབྱིབས་གསར་པའི་ཡིག་སྣོད</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Build</source>
        <translation>བཟོ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>མཚམས་འཇོག</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End pre-training now and save the model trained so far.</source>
        <translation>ད་ལྟ་སྔོན་སྦྱོང་མཇུག་སྒྲིལ་ནས་ད་བར་སྦྱངས་པའི་དཔེ་དབྱིབས་ཉར་ཚགས་བྱེད།</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Choose Tibetan text files</source>
        <translation>བོད་ཡིག་ཡིག་ཆ་འདེམས</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text files (*.txt *.tsv);;All files (*)</source>
        <translation>ཡི་གེའི་ཡིག་ཆ (*.txt *.tsv);;ཡིག་ཆ་ཡོངས་རྫོགས (*)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Add at least one corpus file.</source>
        <translation>ཉུང་མཐར་ཡིག་ཚོགས་ཡིག་ཆ་གཅིག་སྣོན་རོགས།</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the folder for the new model.</source>
        <translation>དཔེ་དབྱིབས་གསར་པའི་ཡིག་སྣོད་འདེམས་རོགས།</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reading the corpus…</source>
        <translation>ཡིག་ཚོགས་ཀློག་བཞིན…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stopping; the model trained so far is being saved…</source>
        <translation>མཚམས་འཇོག་བཞིན། ད་བར་སྦྱངས་པའི་དཔེ་དབྱིབས་ཉར་ཚགས་བྱེད་བཞིན…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Training the tokenizer…</source>
        <translation>ཚིག་ཕྲན་གཅོད་ཆས་སྦྱོང་བརྡར་བྱེད་བཞིན…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokenizing the corpus…</source>
        <translation>ཡིག་ཚོགས་ཚིག་ཕྲན་དུ་གཅོད་བཞིན…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Measuring the loss on held-out text…</source>
        <translation>ཟུར་དུ་བཞག་པའི་ཡི་གེའི་ཐོག་གྱོང་ཚད་འཇལ་བཞིན…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saving the model…</source>
        <translation>དཔེ་དབྱིབས་ཉར་ཚགས་བྱེད་བཞིན…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pre-training: step %1 of about %2</source>
        <translation>སྔོན་སྦྱོང། གོམ་པ %2 ཙམ་ལས་ %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, loss %1</source>
        <translation>། གྱོང་ཚད %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, %1 left</source>
        <translation>། ལྷག་མ %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The model was saved in %1 and is now selected.</source>
        <translation>དཔེ་དབྱིབས་ %1 ནང་ཉར་ཚགས་བྱས་ཟིན་པ་དང་ད་ལྟ་བདམས་ཡོད།</translation>
    </message>
</context>
<context>
    <name>ChangedPredictionsView</name>
    <message>
        <location filename="../../peftt_gui/gui/compare_views.py" line="+464"/>
        <source>Row</source>
        <translation>ཕྲེང</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text</source>
        <translation>ཡི་གེ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>True class</source>
        <translation>ངོ་མའི་རིགས་ཚན</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Row of the validation split, counting from 1.</source>
        <translation>ར་སྤྲོད་ཆའི་ཕྲེང་ཨང་། 1 ནས་བགྲང་།</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reading the validation rows of both runs…</source>
        <translation>སྦྱོང་བརྡར་ཐེངས་གཉིས་ཀའི་ར་སྤྲོད་ཕྲེང་ཀློག་བཞིན…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose two different runs to list the rows they predict differently.</source>
        <translation>སྔོན་དཔོག་མི་འདྲ་བའི་ཕྲེང་རྣམས་སྟོན་པར་སྦྱོང་བརྡར་ཐེངས་མི་འདྲ་བ་གཉིས་འདེམས།</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Both runs predict every validation row the same way.</source>
        <translation>སྦྱོང་བརྡར་ཐེངས་གཉིས་ཀས་ར་སྤྲོད་ཕྲེང་ཚང་མ་གཅིག་མཚུངས་སུ་སྔོན་དཔོག་བྱས།</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 validation rows are predicted differently. %2 is right on %3 of them, %4 on %5.</source>
        <translation>ར་སྤྲོད་ཕྲེང་ %1 ལ་སྔོན་དཔོག་མི་འདྲ། དེ་དག་ལས་ %2 ཡིས་ %3 ཡང་དག་པ་དང་ %4 ཡིས་ %5 ཡང་དག</translation>
    </message>
</context>
<context>
    <name>ComparePage</name>
    <message>
        <location filename="../../peftt_gui/gui/pages/__init__.py" line="+50"/>
        <source>Compare</source>
        <translation>བསྡུར་བ</translation>
    </message>
    <message>
        <location filename="../../peftt_gui/gui/pages/compare_page.py" line="+189"/>
        <source>Two or more runs side by side: their scores with the best of each row marked, their curves, the settings that differ, their confusion matrices and the validation rows that they predict differently.</source>
        <translation>སྦྱོང་བརྡར་ཐེངས་གཉིས་སམ་དེ་ལས་མང་བ་གཤིབ་སྟེ་སྟོན། སྐར་གྲངས་དང་ཕྲེང་རེའི་ལེགས་ཤོས་ལ་རྟགས་བཀོད་པ། ཐིག་རིས། མི་འདྲ་བའི་སྒྲིག་འགོད། འཛོལ་བའི་རེའུ་མིག དེ་བཞིན་སྔོན་དཔོག་མི་འདྲ་བའི་ར་སྤྲོད་ཕྲེང་རྣམས།</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Check the runs to compare:</source>
        <translation>བསྡུར་རྒྱུའི་སྦྱོང་བརྡར་ཐེངས་ལ་རྟགས་རྒྱོབ།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare checked runs</source>
        <translation>རྟགས་བརྒྱབ་པའི་སྦྱོང་བརྡར་ཐེངས་བསྡུར</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check two or more runs in the list.</source>
        <translation>ཐོ་གཞུང་ནང་སྦྱོང་བརྡར་ཐེངས་གཉིས་སམ་དེ་ལས་མང་བར་རྟགས་རྒྱོབ།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No comparison yet. Check two or more runs above and press Compare checked runs, or select runs on the History page and press Compare there.</source>
        <translation>ད་དུང་བསྡུར་བ་མེད། གོང་གི་སྦྱོང་བརྡར་ཐེངས་གཉིས་སམ་དེ་ལས་མང་བར་རྟགས་བརྒྱབ་ནས་&quot;རྟགས་བརྒྱབ་པའི་སྦྱོང་བརྡར་ཐེངས་བསྡུར&quot;ལ་མནན། ཡང་ན་ལོ་རྒྱུས་ཤོག་ངོས་སུ་སྦྱོང་བརྡར་ཐེངས་བདམས་ནས་དེ་གའི་&quot;བསྡུར་བ&quot;ལ་མནན།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Metrics</source>
        <translation>ཚད་འཇལ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Curves</source>
        <translation>ཐིག་རིས</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings that differ</source>
        <translation>མི་འདྲ་བའི་སྒྲིག་འགོད</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confusion matrices</source>
        <translation>འཛོལ་བའི་རེའུ་མིག</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed predictions</source>
        <translation>འགྱུར་བའི་སྔོན་དཔོག</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The runs have the same settings.</source>
        <translation>སྦྱོང་བརྡར་ཐེངས་འདི་དག་གི་སྒྲིག་འགོད་གཅིག་མཚུངས་ཡིན།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confusion matrices and changed predictions of</source>
        <translation>འཛོལ་བའི་རེའུ་མིག་དང་འགྱུར་བའི་སྔོན་དཔོག</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>and</source>
        <translation>དང་</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Save as PNG…</source>
        <translation>PNG ལ་ཉར…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save table as CSV…</source>
        <translation>རེའུ་མིག་ CSV ལ་ཉར…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as Markdown…</source>
        <translation>Markdown ལ་ཉར…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save table as LaTeX…</source>
        <translation>རེའུ་མིག་ LaTeX ལ་ཉར…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The metrics table with the best values in bold, and the settings that differ.</source>
        <translation>ལེགས་ཤོས་རྣམས་ཡིག་གཟུགས་སྦོམ་པོར་བཀོད་པའི་ཚད་འཇལ་རེའུ་མིག་དང་མི་འདྲ་བའི་སྒྲིག་འགོད།</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>test macro-F1 %1</source>
        <translation>ཚོད་ལྟ macro-F1 %1</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Check two or more runs to compare.</source>
        <translation>བསྡུར་བར་སྦྱོང་བརྡར་ཐེངས་གཉིས་སམ་དེ་ལས་མང་བར་རྟགས་རྒྱོབ།</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Opening the run history…</source>
        <translation>སྦྱོང་བརྡར་ལོ་རྒྱུས་ཁ་ཕྱེ་བཞིན…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reading %1 runs from the history…</source>
        <translation>ལོ་རྒྱུས་ནས་སྦྱོང་བརྡར་ཐེངས་ %1 ཀློག་བཞིན…</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV ཡིག་ཆ (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Markdown files (*.md)</source>
        <translation>Markdown ཡིག་ཆ (*.md)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LaTeX files (*.tex)</source>
        <translation>LaTeX ཡིག་ཆ (*.tex)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the comparison</source>
        <translation>བསྡུར་བ་ཉར</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save the plot</source>
        <translation>རི་མོ་ཉར</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG images (*.png)</source>
        <translation>PNG པར་རིས (*.png)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Saved %1.</source>
        <translation>%1 ཉར་ཟིན།</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The file could not be saved: %1</source>
        <translation>ཡིག་ཆ་ཉར་མ་ཐུབ། %1</translation>
    </message>
</context>
<context>
    <name>ComparisonCurves</name>
    <message>
        <location filename="../../peftt_gui/gui/compare_views.py" line="-249"/>
        <source>Training loss</source>
        <translation>སྦྱོང་བརྡར་གྱོང་ཚད</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Step</source>
        <translation>གོམ་གྲངས</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation macro-F1</source>
        <translation>ར་སྤྲོད macro-F1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Epoch</source>
        <translation>སྐོར</translation>
    </message>
</context>
<context>
    <name>ConfigFields</name>
    <message>
        <location filename="../../peftt_gui/gui/config_text.py" line="+19"/>
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
        <source>Gradient accumulation:</source>
        <translation>རྡོག་རྩ་བསགས་གྲངས།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate:</source>
        <translation>སློབ་ཚད།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight decay:</source>
        <translation>ལྗིད་ཚད་ཉམས་འགྲིབ།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warm-up share:</source>
        <translation>སྔོན་དྲོད་ཀྱི་བསྡུར་ཚད།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gradient clipping norm:</source>
        <translation>རྡོག་རྩ་གཅོད་པའི་ཚད་གཞི།</translation>
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
        <location line="+1"/>
        <source>Early stopping patience:</source>
        <translation>སྔ་མཚམས་སྒུག་པའི་སྐོར་གྲངས།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight classes by frequency</source>
        <translation>ཐེངས་གྲངས་ལྟར་རིགས་ཚན་ལ་ལྗིད་ཚད་སྤྲོད</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evaluation batch size:</source>
        <translation>དཔྱད་ཞིབ་ཚན་ཆེ་ཆུང་།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mixed precision:</source>
        <translation>སྲབ་མཐུག་འདྲེས་མའི་ཚད།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device:</source>
        <translation>སྒྲིག་ཆས།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report the loss every (steps):</source>
        <translation>གོམ་པ་འདི་ཙམ་རེར་གྱོང་ཚད་སྙན་ཞུ།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save a checkpoint after each epoch</source>
        <translation>སྐོར་རེ་རྗེས་ཉར་ཚགས་ས་མཚམས་ཉར</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text column:</source>
        <translation>ཡི་གེའི་སྟར་ཐིག</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label column:</source>
        <translation>ཁ་བྱང་གི་སྟར་ཐིག</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip lines that do not parse</source>
        <translation>དབྱེ་ཞིབ་བྱེད་མི་ཐུབ་པའི་ཕྲེང་མཆོང</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training rows at most:</source>
        <translation>སྦྱོང་བརྡར་ཕྲེང་གྲངས་མང་ཤོས།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation and test rows at most:</source>
        <translation>ར་སྤྲོད་དང་ཚོད་ལྟའི་ཕྲེང་གྲངས་མང་ཤོས།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Few-shot rows per class:</source>
        <translation>དཔེ་ཉུང་། རིགས་ཚན་རེའི་ཕྲེང་གྲངས།</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+1"/>
        <source>rsLoRA scaling</source>
        <translation>rsLoRA ཆེ་ཆུང་སྒྱུར་བ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DoRA</source>
        <translation>DoRA</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Feed-forward modules:</source>
        <translation>མདུན་སྐྱོད་ཚན་པ།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Virtual tokens:</source>
        <translation>རྫུན་མའི་ཚིག་ཕྲན།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compute the prefix with a small network</source>
        <translation>དྲ་རྒྱ་ཆུང་ངུས་སྔོན་སྦྱོར་རྩིས་རྒྱག</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hidden size of that network:</source>
        <translation>དྲ་རྒྱ་དེའི་སྦས་རིམ་ཆེ་ཆུང་།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Initialise from these words:</source>
        <translation>ཚིག་འདི་དག་ནས་ཐོག་མར་སྒྲིག</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network:</source>
        <translation>དྲ་རྒྱ།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dropout in that network:</source>
        <translation>དྲ་རྒྱ་དེའི་ནང་གི་ dropout།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shortest n-gram (syllables):</source>
        <translation>n-gram ཐུང་ཤོས (ཚེག་བར)།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longest n-gram (syllables):</source>
        <translation>n-gram རིང་ཤོས (ཚེག་བར)།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum rows per n-gram:</source>
        <translation>n-gram རེར་ཕྲེང་གྲངས་ཉུང་ཤོས།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N-grams at most:</source>
        <translation>n-gram གྲངས་མང་ཤོས།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logarithmic n-gram counts</source>
        <translation>n-gram གྲངས་ཀ་ལ་ log སྤྱོད</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inverse regularisation (C):</source>
        <translation>ཚད་ལྡན་ཅན་གྱི་ཟློག་གྲངས (C)།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class weights:</source>
        <translation>རིགས་ཚན་གྱི་ལྗིད་ཚད།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Solver iterations at most:</source>
        <translation>ཐག་གཅོད་ཆས་ཀྱི་བསྐྱར་ཟློས་ཐེངས་གྲངས་མང་ཤོས།</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+1"/>
        <location line="+3"/>
        <source>all</source>
        <translation>ཡོངས་རྫོགས</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>off</source>
        <translation>སྒོ་བརྒྱབ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>method default</source>
        <translation>ཐབས་ལམ་གྱི་སྔོན་སྒྲིག</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>automatic</source>
        <translation>རང་འགུལ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>off (fp32)</source>
        <translation>སྒོ་བརྒྱབ (fp32)</translation>
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
        <translation>Apple GPU (MPS)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>མེད</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>balanced</source>
        <translation>དོ་མཉམ</translation>
    </message>
</context>
<context>
    <name>ConfigForm</name>
    <message>
        <location filename="../../peftt_gui/gui/config_form.py" line="+289"/>
        <source>Enter a number.</source>
        <translation>གྲངས་ཀ་ཞིག་འཇུག་རོགས།</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter a value from %1 to %2.</source>
        <translation>%1 ནས་ %2 བར་གྱི་གྲངས་ཐང་ཞིག་འཇུག་རོགས།</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter a whole number.</source>
        <translation>གྲངས་ཧྲིལ་པོ་ཞིག་འཇུག་རོགས།</translation>
    </message>
</context>
<context>
    <name>ConfigHelp</name>
    <message>
        <location filename="../../peftt_gui/gui/config_text.py" line="+5"/>
        <source>Passes over the training set.</source>
        <translation>སྦྱོང་བརྡར་ཆ་ཚན་ཡོངས་ལ་བསྐྱར་ཟློས་བྱེད་ཐེངས་གྲངས།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows per batch on the device.</source>
        <translation>སྒྲིག་ཆས་ཐོག་ཚན་རེའི་ཕྲེང་གྲངས།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batches summed before each optimizer step (effective batch = batch size x this).</source>
        <translation>ཡར་རྒྱས་གཏོང་ཆས་ཀྱི་གོམ་པ་རེའི་སྔོན་དུ་བསྡོམས་པའི་ཚན་གྲངས (ནུས་ལྡན་ཚན = ཚན་ཆེ་ཆུང་ x འདི)།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Peak learning rate of AdamW; empty uses the method&apos;s default.</source>
        <translation>AdamW ཡི་སློབ་ཚད་མཐོ་ཤོས། སྟོང་པ་ཡིན་ན་ཐབས་ལམ་གྱི་སྔོན་སྒྲིག་སྤྱོད།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AdamW weight decay (not applied to biases and LayerNorm).</source>
        <translation>AdamW ཡི་ལྗིད་ཚད་ཉམས་འགྲིབ (ཡོ་ཚད་དང་ LayerNorm ལ་མི་སྤྱོད)།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fraction of the optimizer steps spent warming the learning rate up from 0, before linear decay to 0.</source>
        <translation>སློབ་ཚད་ 0 ནས་དྲོད་སྐྱེད་བྱེད་པར་སྤྱོད་པའི་གོམ་པའི་བསྡུར་ཚད། དེ་རྗེས་ཐད་ཐིག་ལྟར་ 0 བར་ཆག</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gradient clipping norm; 0 turns clipping off.</source>
        <translation>རྡོག་རྩ་གཅོད་པའི་ཚད་གཞི། 0 ཡིན་ན་མི་གཅོད།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum tokens per row, template included; longer texts are shortened (the template and its mask are kept).</source>
        <translation>ཕྲེང་རེའི་ཚིག་ཕྲན་མང་ཤོས (དཔེ་གཞི་ཚུད་པ)། དེ་ལས་རིང་བའི་ཡི་གེ་ཐུང་དུ་གཏོང (དཔེ་གཞི་དང་ཁེབས་རྟགས་རྣམས་ཉར)།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Random seed for initialisation, shuffling and dropout.</source>
        <translation>ཐོག་མའི་སྒྲིག་པ་དང་། གོ་རིམ་བསྒྱུར་བ། dropout བཅས་ཀྱི་སྐབས་བསྟུན་ས་བོན།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop after this many epochs without a better validation macro-F1; 0 turns early stopping off.</source>
        <translation>ར་སྤྲོད་ macro-F1 ཡར་རྒྱས་མེད་པའི་སྐོར་འདི་ཙམ་རྗེས་མཚམས་འཇོག 0 ཡིན་ན་སྔ་མཚམས་སྒོ་བརྒྱབ།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weight the loss by inverse class frequency (helps rare classes).</source>
        <translation>རིགས་ཚན་གྱི་ཐེངས་གྲངས་ཟློག་ཕྱོགས་ལྟར་གྱོང་ཚད་ལ་ལྗིད་ཚད་སྤྲོད (རིགས་ཚན་དཀོན་པོར་ཕན)།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows per batch during evaluation and prediction.</source>
        <translation>དཔྱད་ཞིབ་དང་སྔོན་དཔོག་སྐབས་ཚན་རེའི་ཕྲེང་གྲངས།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>auto: bf16 or fp16 where the GPU supports it, fp32 on CPU.</source>
        <translation>auto། GPU ཡིས་རྒྱབ་སྐྱོར་བྱེད་ན་ bf16 ཡང་ན་ fp16། CPU ཐོག fp32།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>auto picks CUDA, then MPS, then CPU.</source>
        <translation>auto ཡིས་ CUDA། དེ་ནས་ MPS། དེ་ནས་ CPU འདེམས།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optimizer steps between loss reports (fewer host syncs on a GPU).</source>
        <translation>གྱོང་ཚད་སྙན་ཞུ་ཐེངས་གཉིས་ཀྱི་བར་གྱི་གོམ་པ (GPU ཐོག་མཉམ་འགྲིག་ཉུང་དུ་གཏོང)།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save a resumable checkpoint after each epoch.</source>
        <translation>སྐོར་རེ་རྗེས་མུ་མཐུད་ཐུབ་པའི་ཉར་ཚགས་ས་མཚམས་ཤིག་ཉར།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV/JSONL column holding the text.</source>
        <translation>CSV/JSONL ནང་ཡི་གེ་ཡོད་པའི་སྟར་ཐིག</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV/JSONL column holding the label.</source>
        <translation>CSV/JSONL ནང་ཁ་བྱང་ཡོད་པའི་སྟར་ཐིག</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip lines that do not parse, and report how many.</source>
        <translation>དབྱེ་ཞིབ་བྱེད་མི་ཐུབ་པའི་ཕྲེང་མཆོང་ཞིང་། ཕྲེང་ག་ཚོད་མཆོང་མིན་སྙན་ཞུ།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use at most this many training rows (stratified); empty: all.</source>
        <translation>སྦྱོང་བརྡར་ཕྲེང་འདི་ཙམ་ལས་མི་སྤྱོད (རིམ་པ་ལྟར་འདེམས)། སྟོང་པ། ཡོངས་རྫོགས།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use at most this many validation and test rows; empty: all.</source>
        <translation>ར་སྤྲོད་དང་ཚོད་ལྟའི་ཕྲེང་འདི་ཙམ་ལས་མི་སྤྱོད། སྟོང་པ། ཡོངས་རྫོགས།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Few-shot: draw this many training rows per class with the seed.</source>
        <translation>དཔེ་ཉུང་། ས་བོན་ལྟར་རིགས་ཚན་རེ་ནས་སྦྱོང་བརྡར་ཕྲེང་འདི་ཙམ་འདེམས།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LoRA rank: the inner size of each low-rank update.</source>
        <translation>LoRA རིམ་གྲངས། རིམ་དམའི་གསར་བཅོས་རེའི་ནང་ཁུལ་ཆེ་ཆུང་།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LoRA alpha: updates are scaled by alpha / rank.</source>
        <translation>LoRA alpha། གསར་བཅོས་ལ་ alpha / རིམ་གྲངས་ཀྱིས་ཆེ་ཆུང་སྒྱུར།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dropout on the LoRA input.</source>
        <translation>LoRA ནང་འཇུག་ཐོག་གི་ dropout།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Linear layers that get LoRA; empty: the default of the model type (query and value for BERT and XLM-RoBERTa).</source>
        <translation>LoRA སྣོན་པའི་ཐད་ཐིག་རིམ་པ། སྟོང་པ། དཔེ་དབྱིབས་རིགས་ཀྱི་སྔོན་སྒྲིག (BERT དང་ XLM-RoBERTa ལ་ query དང་ value)།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rsLoRA: scale by alpha / sqrt(rank), which keeps high ranks stable.</source>
        <translation>rsLoRA། alpha / sqrt(རིམ་གྲངས) ཀྱིས་ཆེ་ཆུང་སྒྱུར་ཏེ་རིམ་གྲངས་མཐོ་ཡང་བརྟན་པོ་ཡོང་།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DoRA: learn a magnitude per output besides the LoRA direction.</source>
        <translation>DoRA། LoRA ཡི་ཁ་ཕྱོགས་མ་ཟད་ཐོན་འབྲས་རེར་ཆེ་ཚད་ཅིག་སྦྱོང་།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Linear layers whose activations IA3 rescales; empty: the default of the model type (key, value and output.dense for BERT and XLM-RoBERTa).</source>
        <translation>IA3 ཡིས་སྐུལ་ཤུགས་ཆེ་ཆུང་སྒྱུར་བའི་ཐད་ཐིག་རིམ་པ། སྟོང་པ། དཔེ་དབྱིབས་རིགས་ཀྱི་སྔོན་སྒྲིག (BERT དང་ XLM-RoBERTa ལ་ key། value། output.dense)།</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Those target modules that are feed-forward layers, whose input is rescaled instead of their output; empty: output.dense.</source>
        <translation>དམིགས་ཡུལ་ཚན་པའི་ནང་གི་མདུན་སྐྱོད་རིམ་པ། དེ་དག་གི་ཐོན་འབྲས་མིན་པར་ནང་འཇུག་ཆེ་ཆུང་སྒྱུར། སྟོང་པ། output.dense།</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Trainable key and value vectors added before the input in every attention layer.</source>
        <translation>དོ་སྣང་རིམ་པ་རེ་རེའི་ནང་འཇུག་གི་སྔོན་དུ་སྣོན་པའི་སྦྱོང་བརྡར་ཐུབ་པའི་ key དང་ value ཕྱོགས་ཚད།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compute the prefix with a two-layer network (more trainable weights, often more stable) instead of training it directly.</source>
        <translation>སྔོན་སྦྱོར་ཐད་ཀར་སྦྱོང་བརྡར་མི་བྱེད་པར་རིམ་པ་གཉིས་ཀྱི་དྲ་རྒྱས་རྩིས་རྒྱག (སྦྱོང་བརྡར་ཐུབ་པའི་ལྗིད་ཚད་མང་། རྒྱུན་དུ་བརྟན་པ)།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hidden size of that network (with the projection only).</source>
        <translation>དྲ་རྒྱ་དེའི་སྦས་རིམ་ཆེ་ཆུང་ (འཕང་སྒྱུར་སྤྱོད་དུས་ཁོ་ན)།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trainable embeddings put before the input.</source>
        <translation>ནང་འཇུག་གི་སྔོན་དུ་བཞག་པའི་སྦྱོང་བརྡར་ཐུབ་པའི་ཚུད་འཇུག</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tibetan text whose token embeddings initialise the virtual tokens, repeated to fill them; empty: embeddings of random vocabulary tokens.</source>
        <translation>ཚིག་ཕྲན་གྱི་ཚུད་འཇུག་གིས་རྫུན་མའི་ཚིག་ཕྲན་ཐོག་མར་སྒྲིག་པའི་བོད་ཡིག་ཡི་གེ བསྐྱར་ཟློས་ཀྱིས་ཁ་སྐོང་། སྟོང་པ། ཚིག་མཛོད་ནས་སྐབས་བསྟུན་ཚིག་ཕྲན་གྱི་ཚུད་འཇུག</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Virtual tokens put before the input.</source>
        <translation>ནང་འཇུག་གི་སྔོན་དུ་བཞག་པའི་རྫུན་མའི་ཚིག་ཕྲན།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network that computes the virtual tokens from their embeddings.</source>
        <translation>ཚུད་འཇུག་ལས་རྫུན་མའི་ཚིག་ཕྲན་རྩིས་རྒྱག་པའི་དྲ་རྒྱ།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hidden size of that network.</source>
        <translation>དྲ་རྒྱ་དེའི་སྦས་རིམ་ཆེ་ཆུང་།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dropout inside that network.</source>
        <translation>དྲ་རྒྱ་དེའི་ནང་གི་ dropout།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shortest syllable n-gram used as a feature.</source>
        <translation>ཁྱད་ཆོས་སུ་སྤྱོད་པའི་ཚེག་བར་ n-gram ཐུང་ཤོས།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longest syllable n-gram used as a feature.</source>
        <translation>ཁྱད་ཆོས་སུ་སྤྱོད་པའི་ཚེག་བར་ n-gram རིང་ཤོས།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep n-grams that occur in at least this many training rows.</source>
        <translation>ཉུང་མཐར་སྦྱོང་བརྡར་ཕྲེང་འདི་ཙམ་ནང་ཡོད་པའི་ n-gram ཉར།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep at most this many n-grams, the most frequent; empty: all.</source>
        <translation>ཐེངས་གྲངས་མང་ཤོས་ཀྱི་ n-gram འདི་ཙམ་ལས་མི་ཉར། སྟོང་པ། ཡོངས་རྫོགས།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use 1 + log(count) instead of the raw count of an n-gram in a row.</source>
        <translation>ཕྲེང་ནང་གི་ n-gram གྱི་གྲངས་ཀ་ཐད་ཀར་མི་སྤྱོད་པར་ 1 + log(count) སྤྱོད།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inverse L2 regularisation strength of the logistic regression; larger values fit the training rows more closely.</source>
        <translation>logistic regression གྱི་ L2 ཚད་ལྡན་ཤུགས་ཚད་ཀྱི་ཟློག་གྲངས། གྲངས་ཐང་ཆེ་ན་སྦྱོང་བརྡར་ཕྲེང་དང་ཆེས་མཐུན།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>balanced: weight each class by its inverse frequency, which helps rare classes; none: every row counts the same. The run&apos;s class weights setting also turns balancing on.</source>
        <translation>balanced། རིགས་ཚན་རེ་རེར་ཐེངས་གྲངས་ཟློག་ཕྱོགས་ལྟར་ལྗིད་ཚད་སྤྲོད་པས་རིགས་ཚན་དཀོན་པོར་ཕན། none། ཕྲེང་རེ་རེའི་ལྗིད་ཚད་འདྲ། སྦྱོང་བརྡར་སྒྲིག་འགོད་ཀྱི་རིགས་ཚན་ལྗིད་ཚད་ཀྱིས་ཀྱང་དོ་མཉམ་སྒོ་འབྱེད།</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Maximum iterations of the Newton-CG solver.</source>
        <translation>Newton-CG ཐག་གཅོད་ཆས་ཀྱི་བསྐྱར་ཟློས་ཐེངས་གྲངས་མང་ཤོས།</translation>
    </message>
</context>
<context>
    <name>ConfusionComparison</name>
    <message>
        <location filename="../../peftt_gui/gui/compare_views.py" line="+87"/>
        <source>Difference: %1 minus %2</source>
        <translation>ཁྱད་པར། %1 ནས་ %2 ཕྲས་པ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No confusion matrix on this split for: %1.</source>
        <translation>ཆ་འདིའི་ཐོག་འཛོལ་བའི་རེའུ་མིག་མེད་པ། %1།</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose two different runs to see their difference.</source>
        <translation>ཁྱད་པར་བལྟ་བར་སྦྱོང་བརྡར་ཐེངས་མི་འདྲ་བ་གཉིས་འདེམས།</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The two runs have different classes, so their confusion matrices cannot be subtracted.</source>
        <translation>སྦྱོང་བརྡར་ཐེངས་གཉིས་ཀྱི་རིགས་ཚན་མི་འདྲ་བས་འཛོལ་བའི་རེའུ་མིག་ཕན་ཚུན་ཕྲ་མི་ཐུབ།</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>True class %1, predicted class %2: %3 rows in %4, %5 rows in %6.</source>
        <translation>ངོ་མའི་རིགས་ཚན་ %1། སྔོན་དཔོག་རིགས་ཚན་ %2། %4 ནང་ཕྲེང་ %3། %6 ནང་ཕྲེང་ %5།</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Split:</source>
        <translation>ཆ།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test</source>
        <translation>ཚོད་ལྟ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation</source>
        <translation>ར་སྤྲོད</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rows are the true classes, columns the predicted ones. In the difference, green cells favour the second run and red cells the first.</source>
        <translation>ཕྲེང་ནི་ངོ་མའི་རིགས་ཚན། སྟར་ཐིག་ནི་སྔོན་དཔོག་རིགས་ཚན་ཡིན། ཁྱད་པར་ནང་ལྗང་ཁུའི་རེའུ་མིག་གིས་སྦྱོང་བརྡར་ཐེངས་གཉིས་པ་ལེགས་པ་དང་དམར་པོས་དང་པོ་ལེགས་པ་སྟོན།</translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <location filename="../../peftt_gui/gui/pages/__init__.py" line="-10"/>
        <source>Data</source>
        <translation>གཞི་གྲངས</translation>
    </message>
    <message>
        <location filename="../../peftt_gui/gui/pages/data_page.py" line="+234"/>
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
        <source>One file to split</source>
        <translation>ཡིག་ཆ་གཅིག་ཆ་བགོས</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open data folder</source>
        <translation>གཞི་གྲངས་ཡིག་སྣོད་ཁ་ཕྱེ</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+3"/>
        <source>Open data file</source>
        <translation>གཞི་གྲངས་ཡིག་ཆ་ཁ་ཕྱེ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Share of each class&apos;s rows that goes to this split.</source>
        <translation>རིགས་ཚན་རེ་རེའི་ཕྲེང་ལས་ཆ་ཤས་འདིར་འགྲོ་བའི་བསྡུར་ཚད།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Formats: one example per line as label, tab, text (.txt, .tsv); CSV; JSONL.</source>
        <translation>ཡིག་ཆའི་རྣམ་པ། ཕྲེང་རེར་དཔེ་གཅིག་སྟེ། ཁ་བྱང་། Tab། ཡི་གེ་བཅས་གོ་རིམ་ལྟར (.txt, .tsv)། CSV། JSONL།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rows and columns</source>
        <translation>ཕྲེང་དང་སྟར་ཐིག</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent data</source>
        <translation>ཉེ་ཆར་སྤྱད་པའི་གཞི་གྲངས</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The data could not be loaded</source>
        <translation>གཞི་གྲངས་ནང་འཇུག་བྱེད་མ་ཐུབ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File:</source>
        <translation>ཡིག་ཆ།</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Line:</source>
        <translation>ཕྲེང་།</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Problem:</source>
        <translation>དཀའ་ངལ།</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <location line="+4"/>
        <location line="+2"/>
        <source>Rows</source>
        <translation>ཕྲེང་གྲངས</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Text length in tokens</source>
        <translation>ཡི་གེའི་རིང་ཚད (ཚིག་ཕྲན)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokens</source>
        <translation>ཚིག་ཕྲན</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First rows of the training split (normalized)</source>
        <translation>སྦྱོང་བརྡར་ཆ་ཤས་ཀྱི་ཕྲེང་ཐོག་མ་ཁག (ཚད་ལྡན་བཟོས་ཟིན)</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>The shares add up to %1 %, not 100 %.</source>
        <translation>བསྡུར་ཚད་བསྡོམས་ %1 % རེད། 100 % མ་རེད།</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The training share must be above 0 %.</source>
        <translation>སྦྱོང་བརྡར་གྱི་བསྡུར་ཚད་ 0 % ལས་མང་དགོས།</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Choose the data files to see their classes and rows.</source>
        <translation>གཞི་གྲངས་ཡིག་ཆ་འདེམས་ན་དེའི་རིགས་ཚན་དང་ཕྲེང་མཐོང་ཐུབ།</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Loading and checking the data…</source>
        <translation>གཞི་གྲངས་ནང་འཇུག་དང་ཞིབ་བཤེར་བྱེད་བཞིན…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>(no file)</source>
        <translation>(ཡིག་ཆ་མེད)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(whole file)</source>
        <translation>(ཡིག་ཆ་ཧྲིལ་པོ)</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Loaded %1 training, %2 validation and %3 test rows in %4 classes.</source>
        <translation>རིགས་ཚན་ %4 ཡི་སྦྱོང་བརྡར་ཕྲེང་ %1 དང་། ར་སྤྲོད་ཕྲེང་ %2། ཚོད་ལྟའི་ཕྲེང་ %3 ནང་འཇུག་བྱས།</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 bad lines were skipped.</source>
        <translation>ནོར་བའི་ཕྲེང་ %1 མཆོང་།</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1, line %2</source>
        <translation>%1། ཕྲེང་ %2</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Choose a model on the Model page to see how many tokens its tokenizer makes of each training text.</source>
        <translation>དཔེ་དབྱིབས་ཤོག་ངོས་སུ་དཔེ་དབྱིབས་ཤིག་འདེམས་ན། དེའི་ཚིག་ཕྲན་གཅོད་ཆས་ཀྱིས་སྦྱོང་བརྡར་ཡི་གེ་རེ་རེ་ཚིག་ཕྲན་ག་ཚོད་དུ་གཅོད་མིན་མཐོང་ཐུབ།</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 of %2 training texts are longer than the %3 tokens that maximum length %4 leaves for the text, and will be shortened.</source>
        <translation>སྦྱོང་བརྡར་ཡི་གེ་ %2 ལས་ %1 ནི་རིང་ཚད་མཐོ་ཤོས་ %4 ཡིས་ཡི་གེར་ལྷག་པའི་ཚིག་ཕྲན་ %3 ལས་རིང་བས་ཐུང་དུ་གཏོང་།</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All %2 training texts fit in the %3 tokens that maximum length %4 leaves for the text.</source>
        <translation>སྦྱོང་བརྡར་ཡི་གེ་ %2 ཚང་མ་རིང་ཚད་མཐོ་ཤོས་ %4 ཡིས་ཡི་གེར་ལྷག་པའི་ཚིག་ཕྲན་ %3 ནང་ཚུད།</translation>
    </message>
    <message>
        <location line="-265"/>
        <source>Label</source>
        <translation>ཁ་བྱང</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text</source>
        <translation>ཡི་གེ</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message>
        <location filename="../../peftt_gui/gui/widgets.py" line="+45"/>
        <source>%1 h %2 min</source>
        <translation>ཆུ་ཚོད %1 སྐར་མ %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 min %2 s</source>
        <translation>སྐར་མ %1 སྐར་ཆ %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 s</source>
        <translation>སྐར་ཆ %1</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <location filename="../../peftt_gui/gui/pages/__init__.py" line="+8"/>
        <source>History</source>
        <translation>ལོ་རྒྱུས</translation>
    </message>
    <message>
        <location filename="../../peftt_gui/gui/pages/history_page.py" line="+163"/>
        <source>Every training run is stored with its settings, its scores per epoch and its weights.</source>
        <translation>སྦྱོང་བརྡར་ཐེངས་རེ་རེའི་སྒྲིག་འགོད་དང་། སྐོར་རེ་རེའི་སྐར་གྲངས། ལྗིད་ཚད་བཅས་ཉར་ཚགས་བྱེད།</translation>
    </message>
    <message>
        <location line="+152"/>
        <source>Delete run</source>
        <translation>སྦྱོང་བརྡར་ཐེངས་སུབ</translation>
    </message>
    <message>
        <location line="-140"/>
        <source>Refresh</source>
        <translation>གསར་འདོན</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Filter by name, model, method or tag</source>
        <translation>མིང་། དཔེ་དབྱིབས། ཐབས་ལམ། རྟགས་བྱང་ལྟར་འཚག</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All methods</source>
        <translation>ཐབས་ལམ་ཡོངས་རྫོགས</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All statuses</source>
        <translation>གནས་སྟངས་ཡོངས་རྫོགས</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Compare</source>
        <translation>བསྡུར་བ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compare the selected runs side by side on the Compare page. Select two or more runs first.</source>
        <translation>བདམས་པའི་སྦྱོང་བརྡར་ཐེངས་རྣམས་བསྡུར་བའི་ཤོག་ངོས་སུ་གཤིབ་སྟེ་བསྡུར། སྔོན་ལ་སྦྱོང་བརྡར་ཐེངས་གཉིས་སམ་དེ་ལས་མང་བ་འདེམས།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No runs yet. Runs appear here once training has been started from the Train page.</source>
        <translation>ད་དུང་སྦྱོང་བརྡར་བྱས་མེད། སྦྱོང་བརྡར་ཤོག་ངོས་ནས་སྦྱོང་བརྡར་འགོ་བཙུགས་རྗེས་འདིར་མངོན་ཡོང་།</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Opening the run history…</source>
        <translation>སྦྱོང་བརྡར་ལོ་རྒྱུས་ཁ་ཕྱེ་བཞིན…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 runs whose program had ended were marked as interrupted; they can resume.</source>
        <translation>མཉེན་ཆས་མཇུག་རྫོགས་ཟིན་པའི་སྦྱོང་བརྡར་ཐེངས་ %1 ལ་བར་ཆད་ཅེས་རྟགས་བརྒྱབ། དེ་དག་མུ་མཐུད་ཐུབ།</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>Delete run %1 from the history? Its weights folder stays on disk.</source>
        <translation>ལོ་རྒྱུས་ནས་སྦྱོང་བརྡར་ཐེངས་ %1 སུབ་བམ། དེའི་ལྗིད་ཚད་ཡིག་སྣོད་སྡེར་མོའི་ཐོག་ལུས།</translation>
    </message>
</context>
<context>
    <name>LabelWordSuggester</name>
    <message>
        <location filename="../../peftt_gui/gui/label_word_suggester.py" line="+100"/>
        <source>Label-word suggestions</source>
        <translation>ཁ་བྱང་ཚིག་གི་གྲོས་འཆར</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggest label words…</source>
        <translation>ཁ་བྱང་ཚིག་གྲོས་འཆར་འདོན…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Let the model fill the template&apos;s mask on the training rows of each class, and list the words it prefers for that class. The validation rows then show whether the suggested words classify better than the current ones, without training.</source>
        <translation>དཔེ་དབྱིབས་ཀྱིས་རིགས་ཚན་རེ་རེའི་སྦྱོང་བརྡར་ཕྲེང་ཐོག་དཔེ་གཞིའི་ཁེབས་རྟགས་ཁ་སྐོང་བྱས་ནས། རིགས་ཚན་དེར་དགའ་ཕྱོགས་ཆེ་བའི་ཚིག་རྣམས་ཐོ་འགོད་བྱེད། དེ་རྗེས་སྦྱོང་བརྡར་མ་བྱས་པར་ར་སྤྲོད་ཕྲེང་ཐོག་གྲོས་འཆར་ཚིག་དེ་དག་ད་ལྟའི་ཚིག་ལས་དབྱེ་སྡེ་ལེགས་མིན་སྟོན།</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop</source>
        <translation>མཚམས་འཇོག</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training rows per class:</source>
        <translation>རིགས་ཚན་རེའི་སྦྱོང་བརྡར་ཕྲེང་གྲངས།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At most this many training rows of each class are scored (drawn with the training seed). More rows give steadier suggestions and take longer.</source>
        <translation>རིགས་ཚན་རེ་རེའི་སྦྱོང་བརྡར་ཕྲེང་འདི་ཙམ་ལས་མང་བར་སྐར་གྲངས་མི་སྤྲོད (སྦྱོང་བརྡར་གྱི་ས་བོན་ལྟར་འདེམས)། ཕྲེང་མང་ན་གྲོས་འཆར་བརྟན་པོ་ཡོང་ཡང་དུས་ཚོད་རིང་བ་འགོར།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Words per class:</source>
        <translation>རིགས་ཚན་རེའི་ཚིག་གྲངས།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many suggested words to list for each class.</source>
        <translation>རིགས་ཚན་རེ་རེར་གྲོས་འཆར་ཚིག་ག་ཚོད་ཐོ་འགོད་བྱེད་མིན།</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+51"/>
        <source>Loading the model…</source>
        <translation>དཔེ་དབྱིབས་ནང་འཇུག་བྱེད་བཞིན…</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>No model is chosen, so nothing can score label words. Choose a model folder on the Model page.</source>
        <translation>དཔེ་དབྱིབས་མ་བདམས་པས་ཁ་བྱང་ཚིག་ལ་སྐར་གྲངས་སྤྲོད་མི་ཐུབ། དཔེ་དབྱིབས་ཤོག་ངོས་སུ་དཔེ་དབྱིབས་ཀྱི་ཡིག་སྣོད་ཅིག་འདེམས་རོགས།</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No data is loaded, so there are no training rows to score label words on. Load the data on the Data page.</source>
        <translation>གཞི་གྲངས་ནང་འཇུག་མ་བྱས་པས་ཁ་བྱང་ཚིག་ལ་སྐར་གྲངས་སྤྲོད་རྒྱུའི་སྦྱོང་བརྡར་ཕྲེང་མེད། གཞི་གྲངས་ཤོག་ངོས་སུ་གཞི་གྲངས་ནང་འཇུག་བྱོས།</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The class %1 of the verbalizer has no training rows, so no label word can be suggested for it. Remove its row, or load data that contains this class.</source>
        <translation>ཁ་བྱང་ཚིག་སྒྲིག་གི་རིགས་ཚན་ %1 ལ་སྦྱོང་བརྡར་ཕྲེང་མེད་པས་དེའི་ཆེད་ཁ་བྱང་ཚིག་གྲོས་འཆར་འདོན་མི་ཐུབ། དེའི་ཕྲེང་སུབ་པའམ། རིགས་ཚན་འདི་ཡོད་པའི་གཞི་གྲངས་ནང་འཇུག་བྱོས།</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Stopping…</source>
        <translation>མཚམས་འཇོག་བཞིན…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Scoring the training rows of class %1 (%2 of %3)…</source>
        <translation>རིགས་ཚན་ %1 གྱི་སྦྱོང་བརྡར་ཕྲེང་ལ་སྐར་གྲངས་སྤྲོད་བཞིན (%3 ལས་ %2)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Scoring the current and the suggested words on %1 validation rows…</source>
        <translation>ར་སྤྲོད་ཕྲེང་ %1 ཐོག་ད་ལྟའི་ཚིག་དང་གྲོས་འཆར་ཚིག་ལ་སྐར་གྲངས་སྤྲོད་བཞིན…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Suggested %1 words per class. Tick the words to use in the dialog.</source>
        <translation>རིགས་ཚན་རེར་ཚིག་ %1 གྲོས་འཆར་བཏོན། གླེང་སྒྲོམ་ནང་སྤྱོད་རྒྱུའི་ཚིག་ལ་རྟགས་རྒྱོབ།</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The suggestion was stopped. The label words are unchanged.</source>
        <translation>གྲོས་འཆར་མཚམས་བཞག ཁ་བྱང་ཚིག་ལ་འགྱུར་བ་མེད།</translation>
    </message>
</context>
<context>
    <name>LabelWordSuggestionsDialog</name>
    <message>
        <location filename="../../peftt_gui/gui/label_word_dialog.py" line="+127"/>
        <source>Suggested label words</source>
        <translation>གྲོས་འཆར་གྱི་ཁ་བྱང་ཚིག</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The model filled the template&apos;s mask on at most %1 training rows per class. A word scores high when the model prefers it for this class&apos;s rows more than for the other classes&apos; rows. Tick the words to use.</source>
        <translation>དཔེ་དབྱིབས་ཀྱིས་རིགས་ཚན་རེ་རེའི་སྦྱོང་བརྡར་ཕྲེང་ %1 ལས་མི་མང་བའི་ཐོག་དཔེ་གཞིའི་ཁེབས་རྟགས་ཁ་སྐོང་བྱས། དཔེ་དབྱིབས་ཀྱིས་ཚིག་ཅིག་ལ་རིགས་ཚན་གཞན་གྱི་ཕྲེང་ལས་རིགས་ཚན་འདིའི་ཕྲེང་ཐོག་དགའ་ཕྱོགས་ཆེ་ན་དེའི་སྐར་གྲངས་མཐོ། སྤྱོད་རྒྱུའི་ཚིག་ལ་རྟགས་རྒྱོབ།</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Macro-F1</source>
        <translation>Macro-F1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Macro-F1, calibrated</source>
        <translation>Macro-F1 (ཚད་སྒྲིག་བྱས་པ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+34"/>
        <source>Current label words</source>
        <translation>ད་ལྟའི་ཁ་བྱང་ཚིག</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Suggested words (the first of each class)</source>
        <translation>གྲོས་འཆར་ཚིག (རིགས་ཚན་རེའི་དང་པོ)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Zero-shot scores on %1 validation rows, without training. Calibrated: each class&apos;s score has its mean over these rows subtracted, so a word that the model prefers everywhere does not win every row.</source>
        <translation>སྦྱོང་བརྡར་མེད་པར་ར་སྤྲོད་ཕྲེང་ %1 ཐོག་གི་ zero-shot སྐར་གྲངས། ཚད་སྒྲིག་བྱས་པ་ནི་རིགས་ཚན་རེ་རེའི་སྐར་གྲངས་ནས་ཕྲེང་འདི་དག་གི་ཆ་སྙོམས་ཕབ་པ་ཡིན་པས། དཔེ་དབྱིབས་ཀྱིས་གང་སར་དགའ་ཕྱོགས་ཆེ་བའི་ཚིག་གིས་ཕྲེང་ཚང་མར་རྒྱལ་ཁ་མི་ཐོབ།</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Class / word</source>
        <translation>རིགས་ཚན / ཚིག</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Score</source>
        <translation>སྐར་གྲངས</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokens at the mask</source>
        <translation>ཁེབས་རྟགས་སའི་ཚིག་ཕྲན</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Current label words: %1</source>
        <translation>ད་ལྟའི་ཁ་བྱང་ཚིག %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No label words yet</source>
        <translation>ད་དུང་ཁ་བྱང་ཚིག་མེད</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The word&apos;s mean log-probability at the mask on this class&apos;s rows, minus the mean of that value over all classes.</source>
        <translation>རིགས་ཚན་འདིའི་ཕྲེང་ཐོག་ཁེབས་རྟགས་སར་ཚིག་དེའི་ log-probability ཆ་སྙོམས་ལས་རིགས་ཚན་ཡོངས་ཀྱི་གྲངས་ཐང་དེའི་ཆ་སྙོམས་ཕབ་པ།</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add ticked words</source>
        <translation>རྟགས་བརྒྱབ་པའི་ཚིག་སྣོན</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the ticked words to the label words of their class.</source>
        <translation>རྟགས་བརྒྱབ་པའི་ཚིག་རྣམས་རང་རང་གི་རིགས་ཚན་གྱི་ཁ་བྱང་ཚིག་ཏུ་སྣོན།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace with ticked words</source>
        <translation>རྟགས་བརྒྱབ་པའི་ཚིག་གིས་ཚབ་བྱེད</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace the label words of each class that has a ticked word. Classes without a ticked word keep theirs.</source>
        <translation>རྟགས་བརྒྱབ་པའི་ཚིག་ཡོད་པའི་རིགས་ཚན་རེ་རེའི་ཁ་བྱང་ཚིག་ཚབ་བྱེད། རྟགས་བརྒྱབ་པའི་ཚིག་མེད་པའི་རིགས་ཚན་གྱིས་རང་གི་ཁ་བྱང་ཚིག་ཉར།</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Suggested words</source>
        <translation>གྲོས་འཆར་ཚིག</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 not scored: %2</source>
        <translation>%1 ལ་སྐར་གྲངས་མ་སྤྲད། %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Accuracy %1</source>
        <translation>ཡང་དག་ཚད %1</translation>
    </message>
</context>
<context>
    <name>LayerChecklist</name>
    <message>
        <location filename="../../peftt_gui/gui/pages/method_page.py" line="+77"/>
        <source>Choose a model on the Model page to list its linear layers. Until then the default of the model type is used (query and value for BERT).</source>
        <translation>དཔེ་དབྱིབས་ཤོག་ངོས་སུ་དཔེ་དབྱིབས་འདེམས་ན་དེའི་ཐད་ཐིག་རིམ་པ་ཐོ་འགོད་བྱེད། དེ་མ་བྱས་བར་དུ་དཔེ་དབྱིབས་རིགས་ཀྱི་སྔོན་སྒྲིག་སྤྱོད (BERT ལ་ query དང་ value)།</translation>
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
        <location line="+56"/>
        <source>A run is in progress. Wait for it to end, or stop it, before resuming another one.</source>
        <translation>སྦྱོང་བརྡར་ཐེངས་ཤིག་བྱེད་བཞིན་ཡོད། དེ་མཇུག་རྫོགས་པར་སྒུག་པའམ་མཚམས་བཞག་རྗེས་གཞན་ཞིག་མུ་མཐུད་རོགས།</translation>
    </message>
    <message>
        <location line="+13"/>
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
        <location line="+36"/>
        <source>Loading the training engine (%1)…</source>
        <translation>སྦྱོང་བརྡར་འཕྲུལ་ཆས་ནང་འཇུག་བྱེད་བཞིན་པ (%1)…</translation>
    </message>
    <message>
        <location line="+17"/>
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
    <message>
        <location line="+21"/>
        <source>A run is in progress. Stop it and quit? The run keeps a checkpoint and can resume later.</source>
        <translation>སྦྱོང་བརྡར་ཐེངས་ཤིག་བྱེད་བཞིན་ཡོད། མཚམས་བཞག་ནས་ཕྱིར་འཐེན་ནམ། སྦྱོང་བརྡར་ཐེངས་དེས་ཉར་ཚགས་ས་མཚམས་ཉར་བས་རྗེས་སུ་མུ་མཐུད་ཐུབ།</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A study is running. Stop it and quit? Start on the Study page resumes it later, and the stopped run starts again from its beginning.</source>
        <translation>ཞིབ་འཇུག་ཅིག་ལག་བསྟར་བྱེད་བཞིན་ཡོད། མཚམས་བཞག་ནས་ཕྱིར་འཐེན་ནམ། རྗེས་སུ་ཞིབ་འཇུག་ཤོག་ངོས་ཀྱི་འགོ་འཛུགས་ཀྱིས་དེ་མུ་མཐུད་བྱེད་ཅིང་། མཚམས་བཞག་པའི་སྦྱོང་བརྡར་ཐེངས་ཐོག་མ་ནས་བསྐྱར་དུ་འགོ་འཛུགས།</translation>
    </message>
</context>
<context>
    <name>MethodChecklist</name>
    <message>
        <location filename="../../peftt_gui/gui/study_views.py" line="+111"/>
        <source>The learning rate of %1 must be a number from %2 to %3, such as 2e-5; “%4” is not. Leave it empty for the method&apos;s default.</source>
        <translation>%1 གྱི་སློབ་ཚད་ནི་ %2 ནས་ %3 བར་གྱི་གྲངས་ཀ་ཞིག་ཡིན་དགོས། དཔེར་ན། 2e-5། “%4” ནི་དེ་མིན། ཐབས་ལམ་གྱི་སྔོན་སྒྲིག་སྤྱོད་ན་སྟོང་པར་ཞོག</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Learning rate</source>
        <translation>སློབ་ཚད</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Learning rate of %1 in this study. Empty: the method&apos;s default, %2.</source>
        <translation>ཞིབ་འཇུག་འདིའི་ནང་ %1 གྱི་སློབ་ཚད། སྟོང་པ་ཡིན་ན་ཐབས་ལམ་གྱི་སྔོན་སྒྲིག་ %2།</translation>
    </message>
</context>
<context>
    <name>MethodPage</name>
    <message>
        <location filename="../../peftt_gui/gui/pages/__init__.py" line="-6"/>
        <location filename="../../peftt_gui/gui/pages/method_page.py" line="+152"/>
        <source>Method</source>
        <translation>ཐབས་ལམ</translation>
    </message>
    <message>
        <location filename="../../peftt_gui/gui/pages/method_page.py" line="-43"/>
        <source>Choose how the model is adapted to your classes, and the training settings.</source>
        <translation>དཔེ་དབྱིབས་ཁྱེད་ཀྱི་རིགས་ཚན་ལ་ཇི་ལྟར་འཚམ་སྒྲིག་བྱེད་པའི་ཐབས་ལམ་དང་སྦྱོང་བརྡར་སྒྲིག་འགོད་འདེམས་རོགས།</translation>
    </message>
    <message>
        <location line="+6"/>
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
        <location line="+2"/>
        <source>LoRA with a trained magnitude per output (DoRA) and a classification head; often a little stronger than LoRA.</source>
        <translation>ཐོན་འབྲས་རེར་ཆེ་ཚད་སྦྱོང་བའི་ LoRA (DoRA) དང་དབྱེ་སྡེའི་རིམ་པ། རྒྱུན་དུ་ LoRA ལས་ཅུང་ཟད་ལེགས།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LoRA scaled by alpha / √rank (rsLoRA), which keeps high ranks stable, and a classification head.</source>
        <translation>alpha / √རིམ་གྲངས་ཀྱིས་ཆེ་ཆུང་སྒྱུར་བའི་ LoRA (rsLoRA) སྟེ་རིམ་གྲངས་མཐོ་ཡང་བརྟན་པོ་ཡོང་། དབྱེ་སྡེའི་རིམ་པ་དང་བཅས།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trains only vectors that rescale keys, values and feed-forward activations (IA3), and a classification head: fewer weights than LoRA.</source>
        <translation>key། value། མདུན་སྐྱོད་སྐུལ་ཤུགས་ཆེ་ཆུང་སྒྱུར་བའི་ཕྱོགས་ཚད (IA3) དང་དབྱེ་སྡེའི་རིམ་པ་ཁོ་ན་སྦྱོང་། ལྗིད་ཚད་ LoRA ལས་ཉུང་།</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A template and verbalizer, with the model frozen and only IA3 scaling vectors trained.</source>
        <translation>དཔེ་གཞི་དང་ཁ་བྱང་ཚིག་སྤྱོད་ཅིང་། དཔེ་དབྱིབས་འཁྱག་བཞག་ནས་ IA3 ཆེ་ཆུང་སྒྱུར་བའི་ཕྱོགས་ཚད་ཁོ་ན་སྦྱོང་།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trains key and value vectors placed before the input in every layer (prefix tuning), and a classification head; the model stays frozen.</source>
        <translation>རིམ་པ་རེ་རེའི་ནང་འཇུག་སྔོན་དུ་བཞག་པའི་ key དང་ value ཕྱོགས་ཚད (སྔོན་སྦྱོར་ཞིབ་སྒྲིག) དང་དབྱེ་སྡེའི་རིམ་པ་སྦྱོང་། དཔེ་དབྱིབས་འཁྱག་བཞག</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A template and verbalizer, with the model frozen and only a prefix in every layer trained.</source>
        <translation>དཔེ་གཞི་དང་ཁ་བྱང་ཚིག་སྤྱོད་ཅིང་། དཔེ་དབྱིབས་འཁྱག་བཞག་ནས་རིམ་པ་རེ་རེའི་སྔོན་སྦྱོར་ཁོ་ན་སྦྱོང་།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trains embeddings placed before the input, with a template and label words at the mask; the model stays frozen.</source>
        <translation>ནང་འཇུག་སྔོན་དུ་བཞག་པའི་ཚུད་འཇུག་སྦྱོང་ཞིང་། ཁེབས་རྟགས་སར་དཔེ་གཞི་དང་ཁ་བྱང་ཚིག་སྤྱོད། དཔེ་དབྱིབས་འཁྱག་བཞག</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Virtual tokens computed by a small MLP or LSTM before the input, with a template and label words; the model stays frozen.</source>
        <translation>MLP ཡང་ན་ LSTM ཆུང་ངུས་རྩིས་པའི་རྫུན་མའི་ཚིག་ཕྲན་ནང་འཇུག་སྔོན་དུ་བཞག་ཅིང་། དཔེ་གཞི་དང་ཁ་བྱང་ཚིག་སྤྱོད། དཔེ་དབྱིབས་འཁྱག་བཞག</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Logistic regression on TF-IDF weights of syllable 1-2-grams. No language model: trains in seconds and gives a reference score.</source>
        <translation>ཚེག་བར་ 1-2-gram གྱི་ TF-IDF ལྗིད་ཚད་ཐོག་གི་ logistic regression། སྐད་ཡིག་དཔེ་དབྱིབས་མི་དགོས། སྐར་ཆ་འགའ་ནང་སྦྱོང་ཞིང་དཔྱད་གཞིའི་སྐར་གྲངས་སྟོན།</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Method options</source>
        <translation>ཐབས་ལམ་གྱི་འདེམས་ཚན</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hide advanced settings</source>
        <translation>མཐོ་རིམ་སྒྲིག་འགོད་སྦས</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show advanced settings</source>
        <translation>མཐོ་རིམ་སྒྲིག་འགོད་སྟོན</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>The model reads at most %1 tokens, so rows are cut to %1.</source>
        <translation>དཔེ་དབྱིབས་འདིས་ཚིག་ཕྲན་ %1 ལས་མང་བ་མི་ཀློག་པས་ཕྲེང་རྣམས་ %1 བར་གཅོད།</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>None ticked: the default of the model type is used.</source>
        <translation>གང་ཡང་མ་བདམས། དཔེ་དབྱིབས་རིགས་ཀྱི་སྔོན་སྒྲིག་སྤྱོད།</translation>
    </message>
    <message>
        <location line="-123"/>
        <source>Training</source>
        <translation>སྦྱོང་བརྡར</translation>
    </message>
</context>
<context>
    <name>Methods</name>
    <message>
        <location filename="../../peftt_gui/gui/methods.py" line="+22"/>
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
        <translation>དྲན་སྐུལ + IA3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prefix tuning</source>
        <translation>སྔོན་སྦྱོར་ཞིབ་སྒྲིག</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prompt + prefix tuning</source>
        <translation>དྲན་སྐུལ + སྔོན་སྦྱོར་ཞིབ་སྒྲིག</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Soft prompt tuning</source>
        <translation>མཉེན་དྲན་སྐུལ་ཞིབ་སྒྲིག</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P-tuning</source>
        <translation>P-tuning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TF-IDF baseline</source>
        <translation>TF-IDF གཞི་ཐིག</translation>
    </message>
    <message>
        <location line="+11"/>
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
        <location line="+3"/>
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
    <name>MetricsTable</name>
    <message>
        <location filename="../../peftt_gui/gui/compare_views.py" line="-273"/>
        <source>Test F1: %1</source>
        <translation>ཚོད་ལྟ F1: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Validation macro-F1</source>
        <translation>ར་སྤྲོད macro-F1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation accuracy</source>
        <translation>ར་སྤྲོད་ཡང་དག་ཚད</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test macro-F1</source>
        <translation>ཚོད་ལྟ macro-F1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test accuracy</source>
        <translation>ཚོད་ལྟའི་ཡང་དག་ཚད</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trainable parameters</source>
        <translation>སྦྱོང་བརྡར་ཐུབ་པའི་ཚད་གཞི</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trainable %</source>
        <translation>སྦྱོང་བརྡར་ཐུབ་པ %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration (s)</source>
        <translation>དུས་ཡུན (སྐར་ཆ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peak memory (MiB)</source>
        <translation>ནང་གསོག་མཐོ་ཤོས (MiB)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epochs</source>
        <translation>སྐོར་གྲངས</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Higher is better.</source>
        <translation>མཐོ་ན་ལེགས།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lower is better.</source>
        <translation>དམའ་ན་ལེགས།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No value of this row is better than another, so none is marked.</source>
        <translation>ཕྲེང་འདིའི་གྲངས་ཐང་གང་ཡང་གཞན་ལས་ལེགས་པ་མེད་པས་རྟགས་མ་བཀོད།</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This run has no value for this metric.</source>
        <translation>སྦྱོང་བརྡར་ཐེངས་འདིར་ཚད་འཇལ་འདིའི་གྲངས་ཐང་མེད།</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Best value of this row. %1</source>
        <translation>ཕྲེང་འདིའི་ལེགས་ཤོས། %1</translation>
    </message>
</context>
<context>
    <name>MissingStatusLabel</name>
    <message>
        <location filename="../../peftt_gui/gui/widgets.py" line="+96"/>
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
        <location filename="../../peftt_gui/gui/pages/__init__.py" line="-4"/>
        <source>Model</source>
        <translation>དཔེ་དབྱིབས</translation>
    </message>
    <message>
        <location filename="../../peftt_gui/gui/pages/model_page.py" line="+112"/>
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
        <source>Build a local model from my corpus…</source>
        <translation>ངའི་ཡིག་ཚོགས་ནས་ས་གནས་དཔེ་དབྱིབས་བཟོ…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No model yet? Train a small Tibetan model from your own text files on this computer.</source>
        <translation>ད་དུང་དཔེ་དབྱིབས་མེད་དམ། གློག་ཀླད་འདིའི་ཐོག་རང་གི་ཡིག་ཆ་ནས་བོད་ཡིག་དཔེ་དབྱིབས་ཆུང་ངུ་ཞིག་སྦྱོང་བརྡར་བྱོས།</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <source>Tokenizer:</source>
        <translation>ཚིག་ཕྲན་གཅོད་ཆས།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Masked-LM head:</source>
        <translation>ཁེབས་རྟགས་སྐད་ཡིག་དཔེ་དབྱིབས་ཀྱི་མགོ།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum sequence length:</source>
        <translation>གོ་རིམ་རིང་ཚད་མཐོ་ཤོས།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layers:</source>
        <translation>རིམ་པ།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Linear layers (LoRA targets):</source>
        <translation>ཐད་ཐིག་རིམ་པ (LoRA དམིགས་ཡུལ)།</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>yes</source>
        <translation>ཡོད</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no: only the methods with a classification head can use this model</source>
        <translation>མེད། དབྱེ་སྡེའི་རིམ་པ་ཡོད་པའི་ཐབས་ལམ་ཁོ་ནས་དཔེ་དབྱིབས་འདི་སྤྱོད་ཐུབ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 layers, hidden size %2, %3 attention heads</source>
        <translation>རིམ་པ %1། སྦས་རིམ་ཆེ་ཆུང %2། དོ་སྣང་མགོ %3</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Inspecting the folder…</source>
        <translation>ཡིག་སྣོད་ཞིབ་བཤེར་བྱེད་བཞིན…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loading the tokenizer and listing the layers…</source>
        <translation>ཚིག་ཕྲན་གཅོད་ཆས་ནང་འཇུག་དང་རིམ་པ་ཐོ་འགོད་བྱེད་བཞིན…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ready: the tokenizer has %1 tokens.</source>
        <translation>གྲ་སྒྲིག་ཚར། ཚིག་ཕྲན་གཅོད་ཆས་ལ་ཚིག་ཕྲན་ %1 ཡོད།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It was checked on your training rows.</source>
        <translation>ཁྱེད་ཀྱི་སྦྱོང་བརྡར་ཕྲེང་ཐོག་ཞིབ་བཤེར་བྱས་ཟིན།</translation>
    </message>
    <message>
        <location line="+4"/>
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
    <name>PlaygroundPage</name>
    <message>
        <location filename="../../peftt_gui/gui/pages/__init__.py" line="+14"/>
        <source>Playground</source>
        <translation>ཉམས་ལེན་ས་ཁོངས</translation>
    </message>
    <message>
        <location filename="../../peftt_gui/gui/pages/playground_page.py" line="+232"/>
        <source>Try a trained run or an exported bundle on your own Tibetan text. The prediction updates as you type.</source>
        <translation>སྦྱོང་བརྡར་ཟིན་པའི་སྦྱོང་བརྡར་ཐེངས་སམ་ཕྱིར་འདྲེན་བྱས་པའི་ཐུམ་སྒྲིལ་ཞིག་ཁྱེད་རང་གི་བོད་ཡིག་ཡི་གེའི་ཐོག་ཚོད་ལྟ་བྱོས། ཡི་གེ་འབྲི་བཞིན་པར་སྔོན་དཔོག་གསར་བསྒྱུར་བྱེད།</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Trained model</source>
        <translation>སྦྱོང་བརྡར་ཟིན་པའི་དཔེ་དབྱིབས</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run:</source>
        <translation>སྦྱོང་བརྡར་ཐེངས།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>གསར་འདོན</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open bundle or run folder…</source>
        <translation>ཐུམ་སྒྲིལ་ལམ་སྦྱོང་བརྡར་ཐེངས་ཀྱི་ཡིག་སྣོད་ཁ་ཕྱེ…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A bundle whose base model folder is not on this computer is imported first, after you choose your copy of the base model folder.</source>
        <translation>གཞི་རྩའི་དཔེ་དབྱིབས་ཀྱི་ཡིག་སྣོད་རྩིས་འཁོར་འདིའི་ནང་མེད་པའི་ཐུམ་སྒྲིལ་ནི། ཁྱེད་ཀྱིས་རང་གི་གཞི་རྩའི་དཔེ་དབྱིབས་ཡིག་སྣོད་འདེམས་རྗེས་སྔོན་ལ་ནང་འདྲེན་བྱེད།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import bundle .zip…</source>
        <translation>ཐུམ་སྒྲིལ་ .zip ནང་འདྲེན…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>ཡི་གེ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear</source>
        <translation>གཙང་སེལ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prediction</source>
        <translation>སྔོན་དཔོག</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Probability</source>
        <translation>སྲིད་ཕྱོད</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Score of each label word: the mean log-probability of its pieces at the mask (higher is better). A class scores the mean probability of its label words.</source>
        <translation>ཁ་བྱང་ཚིག་རེ་རེའི་སྐར་གྲངས་ནི་ཁེབས་རྟགས་ཀྱི་གནས་སུ་དེའི་ཚིག་ཕྲན་རྣམས་ཀྱི་ log སྲིད་ཕྱོད་ཆ་སྙོམས་ཡིན (མཐོ་ན་ལེགས)། རིགས་ཚན་རེ་རེའི་སྐར་གྲངས་ནི་དེའི་ཁ་བྱང་ཚིག་རྣམས་ཀྱི་སྲིད་ཕྱོད་ཆ་སྙོམས་ཡིན།</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Class</source>
        <translation>རིགས་ཚན</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Label word</source>
        <translation>ཁ་བྱང་ཚིག</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Score</source>
        <translation>སྐར་གྲངས</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Run %1</source>
        <translation>སྦྱོང་བརྡར་ཐེངས་ %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>test macro-F1 %1</source>
        <translation>ཚོད་ལྟ macro-F1 %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Choose a run…</source>
        <translation>སྦྱོང་བརྡར་ཐེངས་ཤིག་འདེམས…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Open a bundle or run weights folder</source>
        <translation>ཐུམ་སྒྲིལ་ལམ་སྦྱོང་བརྡར་ཐེངས་ཀྱི་ལྗིད་ཚད་ཡིག་སྣོད་ཁ་ཕྱེ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import a bundle</source>
        <translation>ཐུམ་སྒྲིལ་ཞིག་ནང་འདྲེན</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bundles (*.zip)</source>
        <translation>ཐུམ་སྒྲིལ (*.zip)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>No base model folder was chosen, so %1 was not loaded.</source>
        <translation>གཞི་རྩའི་དཔེ་དབྱིབས་ཀྱི་ཡིག་སྣོད་མ་བདམས་པས་ %1 ནང་འཇུག་མ་བྱས།</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Importing %1…</source>
        <translation>%1 ནང་འདྲེན་བྱེད་བཞིན…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose the new folder of the base model %1 of this run</source>
        <translation>སྦྱོང་བརྡར་ཐེངས་འདིའི་གཞི་རྩའི་དཔེ་དབྱིབས་ %1 ཡི་ཡིག་སྣོད་གསར་པ་འདེམས</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose your copy of the base model %1 of this bundle</source>
        <translation>ཐུམ་སྒྲིལ་འདིའི་གཞི་རྩའི་དཔེ་དབྱིབས་ %1 ཡི་ཁྱེད་རང་གི་འདྲ་བཤུས་འདེམས</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>%1 · %2 classes · base model %3 · %4</source>
        <translation>%1 · རིགས་ཚན་ %2 · གཞི་རྩའི་དཔེ་དབྱིབས་ %3 · %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Loading the model of %1…</source>
        <translation>%1 ཡི་དཔེ་དབྱིབས་ནང་འཇུག་བྱེད་བཞིན…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a run from the history, or open an exported bundle.</source>
        <translation>ལོ་རྒྱུས་ནས་སྦྱོང་བརྡར་ཐེངས་ཤིག་འདེམས་པའམ། ཕྱིར་འདྲེན་བྱས་པའི་ཐུམ་སྒྲིལ་ཞིག་ཁ་ཕྱེ།</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Predicting…</source>
        <translation>སྔོན་དཔོག་བྱེད་བཞིན…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Type a text to see the class that the model predicts.</source>
        <translation>ཡི་གེ་ཞིག་འབྲི་ན་དཔེ་དབྱིབས་ཀྱིས་སྔོན་དཔོག་བྱས་པའི་རིགས་ཚན་མཐོང་ཐུབ།</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (probability %2)</source>
        <translation>%1 (སྲིད་ཕྱོད་ %2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The model reads: %1</source>
        <translation>དཔེ་དབྱིབས་ཀྱིས་ཀློག་པ། %1</translation>
    </message>
</context>
<context>
    <name>PlaygroundTextEditor</name>
    <message>
        <location line="-469"/>
        <source>Type or paste a Tibetan text, for example a news title: བོད་ལྗོངས་ཀྱི་དཔལ་འབྱོར་འཕེལ་རྒྱས།</source>
        <translation>བོད་ཡིག་ཡི་གེ་ཞིག་འབྲི་བའམ་སྦྱར། དཔེར་ན་གསར་འགྱུར་གྱི་འགོ་བརྗོད། བོད་ལྗོངས་ཀྱི་དཔལ་འབྱོར་འཕེལ་རྒྱས།</translation>
    </message>
</context>
<context>
    <name>RunDetailsView</name>
    <message>
        <location filename="../../peftt_gui/gui/run_details.py" line="+179"/>
        <source>Overview</source>
        <translation>སྤྱི་མཐོང</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings</source>
        <translation>སྒྲིག་འགོད</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Curves</source>
        <translation>ཐིག་རིས</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test results</source>
        <translation>ཚོད་ལྟའི་གྲུབ་འབྲས</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name:</source>
        <translation>མིང་།</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status:</source>
        <translation>གནས་སྟངས།</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Created:</source>
        <translation>བཟོས་དུས།</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Duration:</source>
        <translation>དུས་ཡུན།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model:</source>
        <translation>དཔེ་དབྱིབས།</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Method:</source>
        <translation>ཐབས་ལམ།</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Validation:</source>
        <translation>ར་སྤྲོད།</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Test:</source>
        <translation>ཚོད་ལྟ།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trainable parameters:</source>
        <translation>སྦྱོང་བརྡར་ཐུབ་པའི་ཚད་གཞི།</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Weights:</source>
        <translation>ལྗིད་ཚད།</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Error:</source>
        <translation>ནོར་འཁྲུལ།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags:</source>
        <translation>རྟགས་བྱང་།</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notes:</source>
        <translation>ཟིན་བྲིས།</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rename</source>
        <translation>མིང་བསྒྱུར</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save tags</source>
        <translation>རྟགས་བྱང་ཉར</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags, separated by commas</source>
        <translation>རྟགས་བྱང་། ཚེག་རྡ (,) ཡིས་སོ་སོར་ཕྱེ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save notes</source>
        <translation>ཟིན་བྲིས་ཉར</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume run</source>
        <translation>སྦྱོང་བརྡར་མུ་མཐུད</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continue this run from its last checkpoint on the Train page.</source>
        <translation>སྦྱོང་བརྡར་ཤོག་ངོས་སུ་ཉར་ཚགས་ས་མཚམས་མཐའ་མ་ནས་སྦྱོང་བརྡར་ཐེངས་འདི་མུ་མཐུད།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete run</source>
        <translation>སྦྱོང་བརྡར་ཐེངས་སུབ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Template:</source>
        <translation>དཔེ་གཞི།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label words:</source>
        <translation>ཁ་བྱང་ཚིག</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full configuration:</source>
        <translation>སྒྲིག་འགོད་ཆ་ཚང་།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class</source>
        <translation>རིགས་ཚན</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Label words</source>
        <translation>ཁ་བྱང་ཚིག</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <source>Test F1 per class</source>
        <translation>རིགས་ཚན་རེའི་ཚོད་ལྟ F1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>True class</source>
        <translation>ངོ་མའི་རིགས་ཚན</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Predicted class</source>
        <translation>སྔོན་དཔོག་རིགས་ཚན</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>macro-F1 %1, accuracy %2 (best epoch %3)</source>
        <translation>macro-F1 %1། ཡང་དག་ཚད %2 (སྐོར་ལེགས་ཤོས %3)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>macro-F1 %1, accuracy %2</source>
        <translation>macro-F1 %1། ཡང་དག་ཚད %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 of %2 (%3 %)</source>
        <translation>%2 ལས་ %1 (%3 %)</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>This run has no test results.</source>
        <translation>སྦྱོང་བརྡར་ཐེངས་འདི་ལ་ཚོད་ལྟའི་གྲུབ་འབྲས་མེད།</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Test F1 of each class, and the confusion matrix: rows are the true classes, columns the predicted ones; the colour shows each row&apos;s share.</source>
        <translation>རིགས་ཚན་རེའི་ཚོད་ལྟ F1 དང་འཛོལ་བའི་རེའུ་མིག ཕྲེང་ནི་ངོ་མའི་རིགས་ཚན། སྟར་ཐིག་ནི་སྔོན་དཔོག་རིགས་ཚན་ཡིན། ཚོན་མདོག་གིས་ཕྲེང་རེ་རེའི་ནང་གི་བསྡུར་ཚད་སྟོན།</translation>
    </message>
</context>
<context>
    <name>RunTableModel</name>
    <message>
        <location filename="../../peftt_gui/gui/history_model.py" line="+22"/>
        <source>Run</source>
        <translation>སྦྱོང་བརྡར་ཐེངས</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>མིང་</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model</source>
        <translation>དཔེ་དབྱིབས</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>ཐབས་ལམ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>གནས་སྟངས</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>བཟོས་དུས</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation macro-F1</source>
        <translation>ར་སྤྲོད macro-F1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test macro-F1</source>
        <translation>ཚོད་ལྟ macro-F1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trainable %</source>
        <translation>སྦྱོང་བརྡར་ཐུབ་པ %</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>running</source>
        <translation>བྱེད་བཞིན</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>finished</source>
        <translation>ལེགས་གྲུབ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>ཕམ་ཉེས</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped</source>
        <translation>མཚམས་བཞག</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>interrupted</source>
        <translation>བར་ཆད</translation>
    </message>
</context>
<context>
    <name>ShotsPlot</name>
    <message>
        <location filename="../../peftt_gui/gui/study_views.py" line="+130"/>
        <source>template %1</source>
        <translation>དཔེ་གཞི་ %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Test macro-F1 (mean over seeds)</source>
        <translation>ཚོད་ལྟ macro-F1 (ས་བོན་ཡོངས་ཀྱི་ཆ་སྙོམས)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>k: training rows per class</source>
        <translation>k: རིགས་ཚན་རེའི་སྦྱོང་བརྡར་ཕྲེང་གྲངས</translation>
    </message>
</context>
<context>
    <name>StudyDefinition</name>
    <message>
        <location filename="../../peftt_gui/gui/study_definition.py" line="+159"/>
        <source>Name:</source>
        <translation>མིང་།</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Models:</source>
        <translation>དཔེ་དབྱིབས།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Methods:</source>
        <translation>ཐབས་ལམ།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seeds:</source>
        <translation>ས་བོན།</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>k per class:</source>
        <translation>རིགས་ཚན་རེའི་ k</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Templates:</source>
        <translation>དཔེ་གཞི།</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>For example tncc-methods</source>
        <translation>དཔེར་ན། ཐབས་ལམ་བསྡུར་བ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The study&apos;s runs are tagged with this name. Start on a name whose runs partly finished resumes that study.</source>
        <translation>ཞིབ་འཇུག་གི་སྦྱོང་བརྡར་ཐེངས་རྣམས་ལ་མིང་འདིའི་རྟགས་འགོད། སྦྱོང་བརྡར་ཐེངས་ཁ་ཤས་གྲུབ་ཟིན་པའི་མིང་ཐོག་འགོ་འཛུགས་ན་ཞིབ་འཇུག་དེ་མུ་མཐུད།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add folder…</source>
        <translation>ཡིག་སྣོད་སྣོན…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+19"/>
        <source>Remove</source>
        <translation>སུབ</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Model folders of the study. The model chosen on the Model page is added here.</source>
        <translation>ཞིབ་འཇུག་གི་དཔེ་དབྱིབས་ཡིག་སྣོད། དཔེ་དབྱིབས་ཤོག་ངོས་སུ་བདམས་པའི་དཔེ་དབྱིབས་འདིར་སྣོན།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Include the TF-IDF baseline</source>
        <translation>TF-IDF གཞི་ཐིག་ཚུད་དགོས</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Logistic regression on TF-IDF weights of syllable n-grams: it reads no model, runs once per seed and k, and takes seconds.</source>
        <translation>ཚེག་བར་ n-gram གྱི་ TF-IDF ལྗིད་ཚད་ཐོག་གི་ logistic regression། དཔེ་དབྱིབས་མི་ཀློག ས་བོན་དང་ k རེ་རེར་ཐེངས་གཅིག་ལག་བསྟར་བྱེད་ཅིང་སྐར་ཆ་འགའ་ལས་མི་འགོར།</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Each method runs once per seed; the results are the mean and standard deviation over seeds.</source>
        <translation>ཐབས་ལམ་རེ་རེ་ས་བོན་རེར་ཐེངས་གཅིག་ལག་བསྟར་བྱེད། གྲུབ་འབྲས་ནི་ས་བོན་ཡོངས་ཀྱི་ཆ་སྙོམས་དང་ཚད་ལྡན་ཁྱད་ཚད་ཡིན།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Empty: the full training data</source>
        <translation>སྟོང་པ། སྦྱོང་བརྡར་གཞི་གྲངས་ཡོངས་རྫོགས</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Few-shot sizes: training rows drawn per class with the seed, such as 8, 32, 128. Add “all” to run on the full training data too.</source>
        <translation>དཔེ་ཉུང་ཆེ་ཆུང་། ས་བོན་ལྟར་རིགས་ཚན་རེ་ནས་འདེམས་པའི་སྦྱོང་བརྡར་ཕྲེང་གྲངས། དཔེར་ན། 8, 32, 128། སྦྱོང་བརྡར་གཞི་གྲངས་ཡོངས་རྫོགས་ཐོག་ཀྱང་ལག་བསྟར་བྱེད་ན་“ཡོངས་རྫོགས”སྣོན།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add template</source>
        <translation>དཔེ་གཞི་སྣོན</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a copy of the current template to edit. Prompt methods run once per template; the other methods use none.</source>
        <translation>ད་ལྟའི་དཔེ་གཞིའི་འདྲ་བཤུས་ཤིག་སྣོན་ནས་བཟོ་བཅོས་བྱེད། བརྡ་སྐུལ་ཐབས་ལམ་རྣམས་དཔེ་གཞི་རེར་ཐེངས་གཅིག་ལག་བསྟར་བྱེད། ཐབས་ལམ་གཞན་དག་གིས་དཔེ་གཞི་མི་སྤྱོད།</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Templates of the prompt methods; double-click one to edit it. The template of the Template &amp; verbalizer page is added here.</source>
        <translation>བརྡ་སྐུལ་ཐབས་ལམ་གྱི་དཔེ་གཞི། བཟོ་བཅོས་བྱེད་ན་ཐེངས་གཉིས་མནན། དཔེ་གཞི་དང་ཁ་བྱང་ཚིག་ཤོག་ངོས་ཀྱི་དཔེ་གཞི་འདིར་སྣོན།</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Settings shared by every run</source>
        <translation>སྦྱོང་བརྡར་ཐེངས་ཚང་མས་མཉམ་སྤྱོད་བྱེད་པའི་སྒྲིག་འགོད</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data:</source>
        <translation>གཞི་གྲངས།</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Training:</source>
        <translation>སྦྱོང་བརྡར།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method options:</source>
        <translation>ཐབས་ལམ་གདམ་ག</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Label words:</source>
        <translation>ཁ་བྱང་ཚིག</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use the settings of the other pages</source>
        <translation>ཤོག་ངོས་གཞན་གྱི་སྒྲིག་འགོད་སྤྱོད</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open study…</source>
        <translation>ཞིབ་འཇུག་ཁ་ཕྱེ…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save study…</source>
        <translation>ཞིབ་འཇུག་ཉར…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the study as a JSON file for peftt study.</source>
        <translation>ཞིབ་འཇུག་དེ་ peftt study ཆེད་ JSON ཡིག་ཆ་ཞིག་ཏུ་འབྲི།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy command for a GPU server…</source>
        <translation>GPU ཞབས་ཞུ་འཕྲུལ་ཆས་ཀྱི་བཀའ་བརྡ་འདྲ་བཤུས…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the study file and copy the command that runs it on another machine (peftt study FILE.json) to the clipboard.</source>
        <translation>ཞིབ་འཇུག་ཡིག་ཆ་ཉར་ནས་འཕྲུལ་ཆས་གཞན་ཞིག་ཐོག་དེ་ལག་བསྟར་བྱེད་པའི་བཀའ་བརྡ (peftt study FILE.json) སྦྱར་པང་དུ་འདྲ་བཤུས་བྱེད།</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Add a model folder</source>
        <translation>དཔེ་དབྱིབས་ཡིག་སྣོད་ཅིག་སྣོན</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Give the study a name: its runs are tagged with it, and Start on the same name resumes the study.</source>
        <translation>ཞིབ་འཇུག་ལ་མིང་ཞིག་སྤྲོད་རོགས། དེའི་སྦྱོང་བརྡར་ཐེངས་རྣམས་ལ་མིང་དེའི་རྟགས་འགོད་ཅིང་། མིང་གཅིག་པའི་ཐོག་འགོ་འཛུགས་ན་ཞིབ་འཇུག་མུ་མཐུད།</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tick at least one method.</source>
        <translation>ཉུང་མཐར་ཐབས་ལམ་གཅིག་ལ་རྟགས་རྒྱོབ།</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add at least one model folder, or choose a model on the Model page.</source>
        <translation>ཉུང་མཐར་དཔེ་དབྱིབས་ཡིག་སྣོད་གཅིག་སྣོན་པའམ། དཔེ་དབྱིབས་ཤོག་ངོས་སུ་དཔེ་དབྱིབས་ཤིག་འདེམས།</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 needs a template: add one under Templates, or write it on the Template &amp; verbalizer page.</source>
        <translation>%1 ལ་དཔེ་གཞི་ཞིག་དགོས། དཔེ་གཞིའི་འོག་ཏུ་སྣོན་པའམ། དཔེ་གཞི་དང་ཁ་བྱང་ཚིག་ཤོག་ངོས་སུ་འབྲི།</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 needs label words for every class: set them on the Template &amp; verbalizer page.</source>
        <translation>%1 ལ་རིགས་ཚན་རེ་རེའི་ཁ་བྱང་ཚིག་དགོས། དཔེ་གཞི་དང་ཁ་བྱང་ཚིག་ཤོག་ངོས་སུ་སྒྲིག</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Seeds are whole numbers separated by commas, such as 13, 21, 42; “%1” is not one.</source>
        <translation>ས་བོན་ནི་ཚེག་རྡ་ཡིས་ཁ་གྱེས་པའི་ཧྲིལ་གྲངས་ཡིན། དཔེར་ན། 13, 21, 42། “%1” ནི་ཧྲིལ་གྲངས་མིན།</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Give at least one seed, such as 13, 21, 42.</source>
        <translation>ཉུང་མཐར་ས་བོན་གཅིག་སྤྲོད་རོགས། དཔེར་ན། 13, 21, 42།</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Few-shot sizes are whole numbers of 1 or more separated by commas, such as 8, 32, 128; “%1” is not one. Leave the field empty to train on the full data.</source>
        <translation>དཔེ་ཉུང་ཆེ་ཆུང་ནི་ཚེག་རྡ་ཡིས་ཁ་གྱེས་པའི་ 1 ནས་ཡར་གྱི་ཧྲིལ་གྲངས་ཡིན། དཔེར་ན། 8, 32, 128། “%1” ནི་དེ་མིན། གཞི་གྲངས་ཡོངས་རྫོགས་ཐོག་སྦྱོང་བརྡར་བྱེད་ན་སྟོང་པར་ཞོག</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Choose the training data on the Data page first.</source>
        <translation>སྔོན་ལ་གཞི་གྲངས་ཤོག་ངོས་སུ་སྦྱོང་བརྡར་གཞི་གྲངས་འདེམས།</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>From the study file %1. The other pages do not change them.</source>
        <translation>ཞིབ་འཇུག་ཡིག་ཆ་ %1 ནས་ཡིན། ཤོག་ངོས་གཞན་གྱིས་དེ་དག་མི་འགྱུར།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(not saved)</source>
        <translation>(ཉར་མེད)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>From the Data, Method and Template &amp; verbalizer pages. Each method uses its default learning rate unless one is set above.</source>
        <translation>གཞི་གྲངས་དང་། ཐབས་ལམ། དཔེ་གཞི་དང་ཁ་བྱང་ཚིག་བཅས་ཀྱི་ཤོག་ངོས་ནས་ཡིན། གོང་དུ་སློབ་ཚད་མ་བཀོད་ན་ཐབས་ལམ་རེ་རེས་རང་གི་སྔོན་སྒྲིག་སློབ་ཚད་སྤྱོད།</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>not set</source>
        <translation>སྒྲིག་མེད</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>; </source>
        <comment>separator between settings</comment>
        <translation>། </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>at most %1 training rows</source>
        <translation>སྦྱོང་བརྡར་ཕྲེང་ %1 ལས་མི་མང་བ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>at most %1 validation and test rows</source>
        <translation>ར་སྤྲོད་དང་ཚོད་ལྟའི་ཕྲེང་ %1 ལས་མི་མང་བ</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the defaults of each method</source>
        <translation>ཐབས་ལམ་རེ་རེའི་སྔོན་སྒྲིག</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 classes</source>
        <translation>རིགས་ཚན་ %1</translation>
    </message>
</context>
<context>
    <name>StudyPage</name>
    <message>
        <location filename="../../peftt_gui/gui/pages/__init__.py" line="+2"/>
        <source>Study</source>
        <translation>ཞིབ་འཇུག</translation>
    </message>
    <message>
        <location filename="../../peftt_gui/gui/pages/study_page.py" line="+246"/>
        <source>Run a grid of models, methods, seeds and few-shot sizes one run after another, and compare the methods over seeds. A stopped study resumes where it stopped, and a study file runs without the app with peftt study.</source>
        <translation>དཔེ་དབྱིབས་དང་། ཐབས་ལམ། ས་བོན། དཔེ་ཉུང་ཆེ་ཆུང་བཅས་ཀྱི་དྲ་མིག་སྦྱོང་བརྡར་ཐེངས་རེ་རེ་བྱས་ཏེ་ལག་བསྟར་བྱེད་ཅིང་། ས་བོན་ཡོངས་ཀྱི་ཐོག་ཐབས་ལམ་རྣམས་བསྡུར། མཚམས་བཞག་པའི་ཞིབ་འཇུག་དེ་མཚམས་བཞག་སའི་ས་ནས་མུ་མཐུད་ཐུབ། ཞིབ་འཇུག་ཡིག་ཆ་ peftt study ཡིས་མཉེན་ཆས་མེད་པར་ལག་བསྟར་ཐུབ།</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Run the study</source>
        <translation>ཞིབ་འཇུག་ལག་བསྟར</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start</source>
        <translation>འགོ་འཛུགས</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run every run of the grid that has not finished yet. Runs of this study name that finished before are kept and not repeated.</source>
        <translation>དྲ་མིག་ནང་ད་དུང་མ་གྲུབ་པའི་སྦྱོང་བརྡར་ཐེངས་ཚང་མ་ལག་བསྟར་བྱེད། ཞིབ་འཇུག་མིང་འདིའི་སྔར་གྲུབ་ཟིན་པའི་སྦྱོང་བརྡར་ཐེངས་རྣམས་ཉར་ཞིང་བསྐྱར་དུ་མི་བྱེད།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop</source>
        <translation>མཚམས་འཇོག</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop the running run after its current optimizer step. Start resumes the study; the stopped run then starts again from its beginning.</source>
        <translation>ལག་བསྟར་བྱེད་བཞིན་པའི་སྦྱོང་བརྡར་ཐེངས་དེ་ད་ལྟའི་ཡར་རྒྱས་གོམ་པ་རྗེས་མཚམས་འཇོག འགོ་འཛུགས་ཀྱིས་ཞིབ་འཇུག་མུ་མཐུད་བྱེད་ལ། མཚམས་བཞག་པའི་སྦྱོང་བརྡར་ཐེངས་དེ་ཐོག་མ་ནས་བསྐྱར་དུ་འགོ་འཛུགས།</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Definition</source>
        <translation>འཇོག་སྒྲིག</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Results</source>
        <translation>གྲུབ་འབྲས</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log</source>
        <translation>ཟིན་ཐོ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Messages of the study&apos;s runs appear here.</source>
        <translation>ཞིབ་འཇུག་གི་སྦྱོང་བརྡར་ཐེངས་ཀྱི་བརྡ་འཕྲིན་འདིར་མངོན།</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Study:</source>
        <translation>ཞིབ་འཇུག</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>གསར་འདོན</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the list of studies and the results again.</source>
        <translation>ཞིབ་འཇུག་གི་ཐོ་གཞུང་དང་གྲུབ་འབྲས་བསྐྱར་དུ་ཀློག</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare</source>
        <translation>བསྡུར་བ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>with</source>
        <translation>དང་</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at k =</source>
        <translation>k =</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test the difference</source>
        <translation>ཁྱད་པར་ལ་བརྟག་དཔྱད</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paired t-test of test macro-F1 over seeds, and paired bootstrap over test examples (%1 resamples).</source>
        <translation>ས་བོན་ཡོངས་ཀྱི་ཐོག་ཚོད་ལྟ macro-F1 ལ་ཆ་ཟུང་ t བརྟག་དཔྱད་དང་། ཚོད་ལྟའི་དཔེ་ཚིག་ཐོག་ཆ་ཟུང་ཡང་བསྐྱར་དཔེ་འདེམས (ཐེངས་ %1)།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save table as CSV…</source>
        <translation>རེའུ་མིག་ CSV ལ་ཉར…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as Markdown…</source>
        <translation>Markdown ལ་ཉར…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save table as LaTeX…</source>
        <translation>རེའུ་མིག་ LaTeX ལ་ཉར…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Open a study</source>
        <translation>ཞིབ་འཇུག་ཁ་ཕྱེ</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+72"/>
        <source>Study files (*.json)</source>
        <translation>ཞིབ་འཇུག་ཡིག་ཆ (*.json)</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>Opened %1.</source>
        <translation>%1 ཁ་ཕྱེ་ཟིན།</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save the study</source>
        <translation>ཞིབ་འཇུག་ཉར</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saved %1. peftt study runs it without the app.</source>
        <translation>%1 ཉར་ཟིན། peftt study ཡིས་མཉེན་ཆས་མེད་པར་དེ་ལག་བསྟར་ཐུབ།</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save the study for the GPU server</source>
        <translation>GPU ཞབས་ཞུ་འཕྲུལ་ཆས་ཆེད་ཞིབ་འཇུག་ཉར</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Copied “%1”. Copy %2 to the server and run the command in its folder; the model and data folders that the file names must exist there at the same paths.</source>
        <translation>“%1” འདྲ་བཤུས་བྱས་ཟིན། %2 ཞབས་ཞུ་འཕྲུལ་ཆས་སུ་འདྲ་བཤུས་བྱས་ནས་དེའི་ཡིག་སྣོད་ནང་བཀའ་བརྡ་དེ་ལག་བསྟར་བྱོས། ཡིག་ཆ་དེའི་ནང་གི་དཔེ་དབྱིབས་དང་གཞི་གྲངས་ཡིག་སྣོད་རྣམས་འཕྲུལ་ཆས་དེའི་ཐོག་ལམ་ཐིག་གཅིག་མཚུངས་སུ་ཡོད་དགོས།</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The study trains on the CPU (the device setting on the Method page); choose auto to train on the server&apos;s GPU.</source>
        <translation>ཞིབ་འཇུག་འདི་ CPU ཐོག་སྦྱོང་བརྡར་བྱེད (ཐབས་ལམ་ཤོག་ངོས་ཀྱི་སྒྲིག་ཆས་སྒྲིག་འགོད)། ཞབས་ཞུ་འཕྲུལ་ཆས་ཀྱི་ GPU ཐོག་སྦྱོང་བརྡར་བྱེད་ན་ auto འདེམས།</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Starting study %1: %2 runs in the grid.</source>
        <translation>ཞིབ་འཇུག་ %1 འགོ་འཛུགས་བཞིན། དྲ་མིག་ནང་སྦྱོང་བརྡར་ཐེངས་ %2 ཡོད།</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Stopping after the current step…</source>
        <translation>ད་ལྟའི་གོམ་པ་རྗེས་མཚམས་འཇོག་བཞིན…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Epoch %1: training loss %2, validation macro-F1 %3.</source>
        <translation>སྐོར %1། སྦྱོང་བརྡར་གྱོང་ཚད %2། ར་སྤྲོད macro-F1 %3།</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Resuming: %1 of %2 runs finished before and are kept.</source>
        <translation>མུ་མཐུད་བཞིན། སྦྱོང་བརྡར་ཐེངས་ %2 ལས་ %1 སྔར་གྲུབ་ཟིན་པས་ཉར།</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+76"/>
        <source>Run %1 of %2: %3</source>
        <translation>སྦྱོང་བརྡར་ཐེངས་ %2 ལས་ %1། %3</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>Study %1 finished: all %2 runs are in the history.</source>
        <translation>ཞིབ་འཇུག་ %1 ལེགས་གྲུབ། སྦྱོང་བརྡར་ཐེངས་ %2 ཚང་མ་ལོ་རྒྱུས་ནང་ཡོད།</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Study %1 stopped with %2 of %3 runs finished. Start resumes it: the stopped run starts again from its beginning, and finished runs are kept.</source>
        <translation>ཞིབ་འཇུག་ %1 མཚམས་བཞག སྦྱོང་བརྡར་ཐེངས་ %3 ལས་ %2 གྲུབ་ཟིན། འགོ་འཛུགས་ཀྱིས་དེ་མུ་མཐུད་བྱེད། མཚམས་བཞག་པའི་སྦྱོང་བརྡར་ཐེངས་ཐོག་མ་ནས་བསྐྱར་དུ་འགོ་འཛུགས་ཤིང་། གྲུབ་ཟིན་པའི་སྦྱོང་བརྡར་ཐེངས་རྣམས་ཉར།</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Study %1 ended with %2 of %3 runs finished; the log names the runs that failed. Start runs them again.</source>
        <translation>ཞིབ་འཇུག་ %1 མཇུག་རྫོགས། སྦྱོང་བརྡར་ཐེངས་ %3 ལས་ %2 གྲུབ། ཕམ་པའི་སྦྱོང་བརྡར་ཐེངས་རྣམས་ཟིན་ཐོའི་ནང་ཡོད། འགོ་འཛུགས་ཀྱིས་དེ་དག་བསྐྱར་དུ་ལག་བསྟར་བྱེད།</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The study failed: %1</source>
        <translation>ཞིབ་འཇུག་ཕམ། %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 of %2 runs finished</source>
        <translation>སྦྱོང་བརྡར་ཐེངས་ %2 ལས་ %1 གྲུབ</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No study has run yet.</source>
        <translation>ད་དུང་ཞིབ་འཇུག་ལག་བསྟར་བྱས་མེད།</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>step %1 of %2</source>
        <translation>གོམ་པ %2 ལས་ %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 elapsed</source>
        <translation>%1 སོང་</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>stopping…</source>
        <translation>མཚམས་འཇོག་བཞིན…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>loading the data and the model</source>
        <translation>གཞི་གྲངས་དང་དཔེ་དབྱིབས་ནང་འཇུག་བྱེད་བཞིན</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>training</source>
        <translation>སྦྱོང་བརྡར་བྱེད་བཞིན</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>evaluating on the validation split</source>
        <translation>ར་སྤྲོད་ཆ་ཤས་ཐོག་དཔྱད་ཞིབ་བྱེད་བཞིན</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>evaluating on the test split</source>
        <translation>ཚོད་ལྟའི་ཆ་ཤས་ཐོག་དཔྱད་ཞིབ་བྱེད་བཞིན</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>saving the weights</source>
        <translation>ལྗིད་ཚད་ཉར་ཚགས་བྱེད་བཞིན</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>ལེགས་གྲུབ</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>No study in the history yet. Define one on the Definition tab and press Start, or run peftt study FILE.json and press Refresh.</source>
        <translation>ལོ་རྒྱུས་ནང་ད་དུང་ཞིབ་འཇུག་མེད། འཇོག་སྒྲིག་ཤོག་བྱང་ནང་ཞིབ་འཇུག་ཅིག་བཟོས་ནས་འགོ་འཛུགས་ལ་མནན། ཡང་ན་ peftt study FILE.json ལག་བསྟར་བྱས་ནས་གསར་འདོན་ལ་མནན།</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The study %1 has no finished runs yet.</source>
        <translation>ཞིབ་འཇུག་ %1 ལ་ད་དུང་གྲུབ་ཟིན་པའི་སྦྱོང་བརྡར་ཐེངས་མེད།</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 finished runs of the study %2: the mean ± standard deviation over seeds.</source>
        <translation>ཞིབ་འཇུག་ %2 གི་གྲུབ་ཟིན་པའི་སྦྱོང་བརྡར་ཐེངས་ %1། ས་བོན་ཡོངས་ཀྱི་ཆ་སྙོམས་ ± ཚད་ལྡན་ཁྱད་ཚད།</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Choose two different methods.</source>
        <translation>ཐབས་ལམ་མི་འདྲ་བ་གཉིས་འདེམས།</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Testing…</source>
        <translation>བརྟག་དཔྱད་བྱེད་བཞིན…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 minus %2: mean difference in test macro-F1 %3 over %4 pairs of runs.</source>
        <translation>%1 ནས་ %2 ཕབ་པ། སྦྱོང་བརྡར་ཐེངས་ཆ་ཟུང་ %4 གི་ཚོད་ལྟ macro-F1 ཁྱད་པར་ཆ་སྙོམས་ %3།</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paired t-test over seeds: no p-value; it needs two or more pairs whose differences vary.</source>
        <translation>ས་བོན་ཡོངས་ཀྱི་ཆ་ཟུང་ t བརྟག་དཔྱད། p ཐང་མེད། ཁྱད་པར་མི་འདྲ་བའི་ཆ་ཟུང་གཉིས་སམ་དེ་ལས་མང་བ་དགོས།</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paired t-test over seeds: p = %1.</source>
        <translation>ས་བོན་ཡོངས་ཀྱི་ཆ་ཟུང་ t བརྟག་དཔྱད། p = %1།</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paired bootstrap over test examples: no p-value; the runs have no stored test predictions.</source>
        <translation>ཚོད་ལྟའི་དཔེ་ཚིག་ཐོག་ཆ་ཟུང་ཡང་བསྐྱར་དཔེ་འདེམས། p ཐང་མེད། སྦྱོང་བརྡར་ཐེངས་འདི་དག་ལ་ཉར་ཚགས་བྱས་པའི་ཚོད་ལྟའི་སྔོན་དཔོག་མེད།</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paired bootstrap over test examples (%1 resamples): p = %2.</source>
        <translation>ཚོད་ལྟའི་དཔེ་ཚིག་ཐོག་ཆ་ཟུང་ཡང་བསྐྱར་དཔེ་འདེམས (ཐེངས་ %1)། p = %2།</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV ཡིག་ཆ (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Markdown files (*.md)</source>
        <translation>Markdown ཡིག་ཆ (*.md)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LaTeX files (*.tex)</source>
        <translation>LaTeX ཡིག་ཆ (*.tex)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the results table</source>
        <translation>གྲུབ་འབྲས་རེའུ་མིག་ཉར</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saved %1.</source>
        <translation>%1 ཉར་ཟིན།</translation>
    </message>
</context>
<context>
    <name>StudyResultsTable</name>
    <message>
        <location filename="../../peftt_gui/gui/study_views.py" line="-237"/>
        <source>all</source>
        <comment>k per class: the full training data</comment>
        <translation>ཡོངས་རྫོགས</translation>
    </message>
    <message>
        <location line="+109"/>
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
        <source>k per class</source>
        <translation>རིགས་ཚན་རེའི་ k</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Template</source>
        <translation>དཔེ་གཞི</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs</source>
        <translation>སྦྱོང་བརྡར་ཐེངས</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Test macro-F1</source>
        <translation>ཚོད་ལྟ macro-F1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Validation macro-F1</source>
        <translation>ར་སྤྲོད macro-F1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test accuracy</source>
        <translation>ཚོད་ལྟའི་ཡང་དག་ཚད</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Trainable %</source>
        <translation>སྦྱོང་བརྡར་ཐུབ་པ %</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time (s)</source>
        <translation>དུས་ཡུན (སྐར་ཆ)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>none</source>
        <comment>model column of the baseline, which reads no model</comment>
        <translation>མེད</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Training rows per class (few-shot); “all” is the full training data.</source>
        <translation>རིགས་ཚན་རེའི་སྦྱོང་བརྡར་ཕྲེང་གྲངས (དཔེ་ཉུང་)། “ཡོངས་རྫོགས” ནི་སྦྱོང་བརྡར་གཞི་གྲངས་ཡོངས་རྫོགས་ཡིན།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Number of the template in the study&apos;s list, from 0; “-” for methods without one.</source>
        <translation>ཞིབ་འཇུག་གི་ཐོ་གཞུང་ནང་དཔེ་གཞིའི་ཨང་གྲངས (0 ནས་འགོ་འཛུགས)། དཔེ་གཞི་མེད་པའི་ཐབས་ལམ་ལ་ “-”།</translation>
    </message>
</context>
<context>
    <name>TemplatePage</name>
    <message>
        <location filename="../../peftt_gui/gui/pages/__init__.py" line="-10"/>
        <source>Template &amp; verbalizer</source>
        <translation>དཔེ་གཞི་དང་ཁ་བྱང་ཚིག</translation>
    </message>
    <message>
        <location filename="../../peftt_gui/gui/pages/template_page.py" line="+271"/>
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
        <location line="+2"/>
        <location line="+22"/>
        <source>Import…</source>
        <translation>ནང་འདྲེན…</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Read a template file in OpenPrompt&apos;s format (one template per line).</source>
        <translation>OpenPrompt རྣམ་པའི་དཔེ་གཞི་ཡིག་ཆ་ཀློག (ཕྲེང་རེར་དཔེ་གཞི་གཅིག)།</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+23"/>
        <source>Export…</source>
        <translation>ཕྱིར་འདྲེན…</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Save the template in OpenPrompt&apos;s format (one template per line).</source>
        <translation>OpenPrompt རྣམ་པར་དཔེ་གཞི་ཉར (ཕྲེང་རེར་དཔེ་གཞི་གཅིག)།</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <source>Preview on training rows</source>
        <translation>སྦྱོང་བརྡར་ཕྲེང་ཐོག་སྔོན་ལྟ</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <location line="+0"/>
        <source>Tokens at the mask</source>
        <translation>ཁེབས་རྟགས་སའི་ཚིག་ཕྲན</translation>
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
        <location line="+3"/>
        <source>Read label words from a .json file or a .txt file with one line of comma-separated words per class, in class order.</source>
        <translation>.json ཡིག་ཆའམ་ .txt ཡིག་ཆ་ནས་ཁ་བྱང་ཚིག་ཀློག .txt ནང་རིགས་ཚན་གྱི་གོ་རིམ་ལྟར་རིགས་ཚན་རེར་ཕྲེང་གཅིག་ཡོད་ཅིང་ཚིག་རྣམས་ཚེག་རྡ (,) ཡིས་སོ་སོར་ཕྱེ།</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save the label words as .json or as .txt (one line per class).</source>
        <translation>ཁ་བྱང་ཚིག་ .json ཡང་ན་ .txt (རིགས་ཚན་རེར་ཕྲེང་གཅིག) ལ་ཉར།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Separate several label words of one class with commas. The classes are filled in from the training data once it has been loaded.</source>
        <translation>རིགས་ཚན་གཅིག་ལ་ཁ་བྱང་ཚིག་མང་པོ་ཡོད་ན་ཚེག་རྡ (,) ཡིས་སོ་སོར་ཕྱེ་རོགས། སྦྱོང་བརྡར་གཞི་གྲངས་ནང་འཇུག་བྱས་རྗེས་རིགས་ཚན་རང་འགུལ་གྱིས་ཁ་སྐོང་བྱེད།</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Before training</source>
        <translation>སྦྱོང་བརྡར་མ་བྱས་གོང་</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score before training</source>
        <translation>སྦྱོང་བརྡར་གོང་གི་སྐར་གྲངས</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Classify the validation split with the untrained model, this template and these label words, and report the macro-F1 (on the CPU).</source>
        <translation>སྦྱོང་བརྡར་མ་བྱས་པའི་དཔེ་དབྱིབས་དང་དཔེ་གཞི་འདི། ཁ་བྱང་ཚིག་འདི་དག་གིས་ར་སྤྲོད་ཆ་ཤས་དབྱེ་སྡེ་བྱས་ནས་ macro-F1 སྙན་ཞུ (CPU ཐོག)།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop</source>
        <translation>མཚམས་འཇོག</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation F1 per class</source>
        <translation>རིགས་ཚན་རེའི་ར་སྤྲོད F1</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Load the data on the Data page to see the template filled with real training rows.</source>
        <translation>གཞི་གྲངས་ཤོག་ངོས་སུ་གཞི་གྲངས་ནང་འཇུག་བྱས་ན། སྦྱོང་བརྡར་ཕྲེང་དངོས་ཀྱིས་ཁ་སྐོང་བའི་དཔེ་གཞི་མཐོང་ཐུབ།</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write a template to see it filled with training rows.</source>
        <translation>དཔེ་གཞི་ཞིག་བྲིས་ན་སྦྱོང་བརྡར་ཕྲེང་གིས་ཁ་སྐོང་བ་མཐོང་ཐུབ།</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The template is valid.</source>
        <translation>དཔེ་གཞི་འདི་ཚད་ལྡན་རེད།</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a model on the Model page to see the tokens of each row.</source>
        <translation>དཔེ་དབྱིབས་ཤོག་ངོས་སུ་དཔེ་དབྱིབས་འདེམས་ན་ཕྲེང་རེ་རེའི་ཚིག་ཕྲན་མཐོང་ཐུབ།</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each row as the model reads it, token by token; the mask is highlighted.</source>
        <translation>ཕྲེང་རེ་རེ་དཔེ་དབྱིབས་ཀྱིས་ཀློག་སྟངས་ལྟར་ཚིག་ཕྲན་རེ་རེར་སྟོན། ཁེབས་རྟགས་གསལ་བཀོད་བྱས་ཡོད།</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 tokens; mask at token %2</source>
        <translation>ཚིག་ཕྲན %1། ཁེབས་རྟགས་ཚིག་ཕྲན་ %2 པར་ཡོད</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; the text was shortened to fit the maximum length</source>
        <translation>། ཡི་གེ་རིང་ཚད་མཐོ་ཤོས་དང་མཐུན་པར་ཐུང་དུ་བཏང</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>This class is not in the training data.</source>
        <translation>རིགས་ཚན་འདི་སྦྱོང་བརྡར་གཞི་གྲངས་ནང་མེད།</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 contains the unknown token, so the model cannot score it.</source>
        <translation>%1 ནང་ངོས་མ་ཟིན་པའི་ཚིག་ཕྲན་ཡོད་པས་དཔེ་དབྱིབས་ཀྱིས་སྐར་གྲངས་སྤྲོད་མི་ཐུབ།</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 has the same tokens as %2 of class %3, so the two classes cannot be told apart.</source>
        <translation>%1 དང་རིགས་ཚན་ %3 ཡི་ %2 གཉིས་ཀྱི་ཚིག་ཕྲན་གཅིག་པ་ཡིན་པས་རིགས་ཚན་གཉིས་ཁ་ཕྱེ་མི་ཐུབ།</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Problems with label words:</source>
        <translation>ཁ་བྱང་ཚིག་གི་དཀའ་ངལ།</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every label word is known to the tokenizer, and no two classes share one.</source>
        <translation>ཚིག་ཕྲན་གཅོད་ཆས་ཀྱིས་ཁ་བྱང་ཚིག་ཚང་མ་ངོས་ཟིན་ཞིང་། རིགས་ཚན་གཉིས་ཀྱིས་ཚིག་གཅིག་མཉམ་སྤྱོད་མི་བྱེད།</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+22"/>
        <source>Import template</source>
        <translation>དཔེ་གཞི་ནང་འདྲེན</translation>
    </message>
    <message>
        <location line="-21"/>
        <location line="+33"/>
        <source>Template files (*.txt);;All files (*)</source>
        <translation>དཔེ་གཞིའི་ཡིག་ཆ (*.txt);;ཡིག་ཆ་ཡོངས་རྫོགས (*)</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 ཀློག་མི་ཐུབ། %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 contains no template.</source>
        <translation>%1 ནང་དཔེ་གཞི་མེད།</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The file contains %1 templates. Choose one:</source>
        <translation>ཡིག་ཆ་འདིའི་ནང་དཔེ་གཞི་ %1 ཡོད། གཅིག་འདེམས་རོགས།</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export template</source>
        <translation>དཔེ་གཞི་ཕྱིར་འདྲེན</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Import label words</source>
        <translation>ཁ་བྱང་ཚིག་ནང་འདྲེན</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verbalizer files (*.json *.txt);;All files (*)</source>
        <translation>ཁ་བྱང་ཚིག་སྒྲིག་གི་ཡིག་ཆ (*.json *.txt);;ཡིག་ཆ་ཡོངས་རྫོགས (*)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Export label words</source>
        <translation>ཁ་བྱང་ཚིག་ཕྱིར་འདྲེན</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON (*.json);;One line per class (*.txt)</source>
        <translation>JSON (*.json);;རིགས་ཚན་རེར་ཕྲེང་གཅིག (*.txt)</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+14"/>
        <source>Loading the data and the model…</source>
        <translation>གཞི་གྲངས་དང་དཔེ་དབྱིབས་ནང་འཇུག་བྱེད་བཞིན…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Building the prompt model…</source>
        <translation>དྲན་སྐུལ་དཔེ་དབྱིབས་བཟོ་བཞིན…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scoring the validation rows…</source>
        <translation>ར་སྤྲོད་ཕྲེང་ལ་སྐར་གྲངས་སྤྲོད་བཞིན…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Scoring was stopped.</source>
        <translation>སྐར་གྲངས་སྤྲོད་པ་མཚམས་བཞག</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>How well do the template and label words work before any training? A score near chance means the model does not yet connect your label words to the classes.</source>
        <translation>སྦྱོང་བརྡར་གང་ཡང་མ་བྱས་གོང་དཔེ་གཞི་དང་ཁ་བྱང་ཚིག་གི་ནུས་པ་ཇི་འདྲ་ཡོད་དམ། སྐར་གྲངས་སྐབས་བསྟུན་དང་ཉེ་ན་དཔེ་དབྱིབས་ཀྱིས་ཁྱེད་ཀྱི་ཁ་བྱང་ཚིག་དང་རིགས་ཚན་ད་དུང་འབྲེལ་མེད།</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Validation macro-F1 %1, accuracy %2 on %3 rows, without training.</source>
        <translation>སྦྱོང་བརྡར་མེད་པར་ར་སྤྲོད་ཕྲེང་ %3 ཐོག macro-F1 %1། ཡང་དག་ཚད %2།</translation>
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
        <location filename="../../peftt_gui/gui/pages/__init__.py" line="+2"/>
        <source>Train</source>
        <translation>སྦྱོང་བརྡར</translation>
    </message>
    <message>
        <location filename="../../peftt_gui/gui/pages/train_page.py" line="+169"/>
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
        <location line="+0"/>
        <source>Run name:</source>
        <translation>སྦྱོང་བརྡར་ཐེངས་ཀྱི་མིང་།</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Optional; the method and model by default</source>
        <translation>འདེམས་རུང་། སྔོན་སྒྲིག་ཐོག་ཐབས་ལམ་དང་དཔེ་དབྱིབས་ཀྱི་མིང་</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy command for a GPU server…</source>
        <translation>GPU ཞབས་ཞུ་འཕྲུལ་ཆས་ཀྱི་བཀའ་བརྡ་འདྲ་བཤུས…</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <source>Stop</source>
        <translation>མཚམས་འཇོག</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop after the current optimizer step; the run keeps a checkpoint and can resume.</source>
        <translation>ད་ལྟའི་ཡར་རྒྱས་གོམ་པ་རྗེས་མཚམས་འཇོག སྦྱོང་བརྡར་ཐེངས་ཀྱིས་ཉར་ཚགས་ས་མཚམས་ཉར་བས་མུ་མཐུད་ཐུབ།</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume</source>
        <translation>མུ་མཐུད</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continue the stopped run from its last checkpoint, with its own settings.</source>
        <translation>མཚམས་བཞག་པའི་སྦྱོང་བརྡར་ཐེངས་དེ་རང་གི་སྒྲིག་འགོད་ཀྱིས་ཉར་ཚགས་ས་མཚམས་མཐའ་མ་ནས་མུ་མཐུད།</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>A run is in progress.</source>
        <translation>སྦྱོང་བརྡར་ཐེངས་ཤིག་བྱེད་བཞིན་ཡོད།</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Starting %1 on %2.</source>
        <translation>%2 ཐོག་ %1 འགོ་འཛུགས་བཞིན།</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Save the run file</source>
        <translation>སྦྱོང་བརྡར་ཡིག་ཆ་ཉར</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run files (*.json)</source>
        <translation>སྦྱོང་བརྡར་ཡིག་ཆ (*.json)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Copied “%1”. Copy %2 to the server and run the command in its folder; the model and data folders that the file names must exist there at the same paths.</source>
        <translation>“%1” འདྲ་བཤུས་བྱས་ཟིན། %2 ཞབས་ཞུ་འཕྲུལ་ཆས་སུ་འདྲ་བཤུས་བྱས་ནས་དེའི་ཡིག་སྣོད་ནང་བཀའ་བརྡ་དེ་ལག་བསྟར་བྱོས། ཡིག་ཆ་དེའི་ནང་གི་དཔེ་དབྱིབས་དང་གཞི་གྲངས་ཡིག་སྣོད་རྣམས་འཕྲུལ་ཆས་དེའི་ཐོག་ལམ་ཐིག་གཅིག་མཚུངས་སུ་ཡོད་དགོས།</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>To train on several GPUs, add --multi_gpu --num_processes and the number of GPUs after accelerate launch.</source>
        <translation>GPU མང་པོའི་ཐོག་སྦྱོང་བརྡར་བྱེད་ན། accelerate launch ཡི་རྗེས་སུ་ --multi_gpu --num_processes དང་ GPU གྲངས་ཀ་སྣོན།</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The run file could not be saved: %1</source>
        <translation>སྦྱོང་བརྡར་ཡིག་ཆ་ཉར་མ་ཐུབ། %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Resuming run %1.</source>
        <translation>སྦྱོང་བརྡར་ཐེངས་ %1 མུ་མཐུད་བཞིན།</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Stopping after the current step…</source>
        <translation>ད་ལྟའི་གོམ་པ་རྗེས་མཚམས་འཇོག་བཞིན…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Epoch %1: training loss %2, validation macro-F1 %3, accuracy %4.</source>
        <translation>སྐོར %1། སྦྱོང་བརྡར་གྱོང་ཚད %2། ར་སྤྲོད macro-F1 %3། ཡང་དག་ཚད %4།</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(best so far)</source>
        <translation>(ད་བར་ལེགས་ཤོས)</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+2"/>
        <source>The run failed: %1</source>
        <translation>སྦྱོང་བརྡར་ཕམ་ཉེས། %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Run %1 was stopped. Resume continues it from its last checkpoint.</source>
        <translation>སྦྱོང་བརྡར་ཐེངས་ %1 མཚམས་བཞག མུ་མཐུད་ཀྱིས་ཉར་ཚགས་ས་མཚམས་མཐའ་མ་ནས་མུ་མཐུད།</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run %1 finished: best validation macro-F1 %2, test macro-F1 %3. It is selected on the History page.</source>
        <translation>སྦྱོང་བརྡར་ཐེངས་ %1 ལེགས་གྲུབ། ར་སྤྲོད macro-F1 ལེགས་ཤོས %2། ཚོད་ལྟ macro-F1 %3། ལོ་རྒྱུས་ཤོག་ངོས་སུ་བདམས་ཡོད།</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No run yet.</source>
        <translation>ད་དུང་སྦྱོང་བརྡར་མ་བྱས།</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Preparing: loading the data and the model…</source>
        <translation>གྲ་སྒྲིག་བྱེད་བཞིན། གཞི་གྲངས་དང་དཔེ་དབྱིབས་ནང་འཇུག་བྱེད་བཞིན…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training</source>
        <translation>སྦྱོང་བརྡར་བྱེད་བཞིན</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evaluating on the validation split…</source>
        <translation>ར་སྤྲོད་ཆ་ཤས་ཐོག་དཔྱད་ཞིབ་བྱེད་བཞིན…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evaluating on the test split…</source>
        <translation>ཚོད་ལྟའི་ཆ་ཤས་ཐོག་དཔྱད་ཞིབ་བྱེད་བཞིན…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saving the weights…</source>
        <translation>ལྗིད་ཚད་ཉར་ཚགས་བྱེད་བཞིན…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>ལེགས་གྲུབ</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>step %1 of %2, epoch %3</source>
        <translation>གོམ་པ %2 ལས་ %1། སྐོར %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 elapsed</source>
        <translation>%1 སོང་</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>about %1 left</source>
        <translation>%1 ཙམ་ལྷག</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stopping…</source>
        <translation>མཚམས་འཇོག་བཞིན…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The run failed.</source>
        <translation>སྦྱོང་བརྡར་ཕམ་ཉེས་བྱུང་།</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped after step %1.</source>
        <translation>གོམ་པ་ %1 རྗེས་མཚམས་བཞག</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done: %1 optimizer steps.</source>
        <translation>ལེགས་གྲུབ། ཡར་རྒྱས་གོམ་པ %1།</translation>
    </message>
    <message>
        <location line="-291"/>
        <source>Loss</source>
        <translation>གྱོང་ཚད</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Save these settings as a run file and copy the command that trains it on another machine (accelerate launch -m peftt_gui.cli train FILE.json) to the clipboard.</source>
        <translation>སྒྲིག་འགོད་འདི་དག་སྦྱོང་བརྡར་ཡིག་ཆ་ཞིག་ཏུ་ཉར་ནས་འཕྲུལ་ཆས་གཞན་ཞིག་ཐོག་དེ་སྦྱོང་བརྡར་བྱེད་པའི་བཀའ་བརྡ (accelerate launch -m peftt_gui.cli train FILE.json) སྦྱར་པང་དུ་འདྲ་བཤུས་བྱེད།</translation>
    </message>
    <message>
        <location line="+10"/>
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
        <location line="+15"/>
        <source>not chosen</source>
        <translation>མ་བདམས</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>loading…</source>
        <translation>ནང་འཇུག་བྱེད་བཞིན…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>torch %1, transformers %2, device: %3</source>
        <translation>torch %1། transformers %2། སྒྲིག་ཆས། %3</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>; </source>
        <comment>separator between settings</comment>
        <translation>། </translation>
    </message>
    <message>
        <location line="+16"/>
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
