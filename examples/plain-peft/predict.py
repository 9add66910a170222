import json, sys, torch
from peft import PeftModel
from transformers import AutoModelForSequenceClassification, AutoTokenizer
bundle, base, titles = sys.argv[1:4]
labels = json.load(open(f"{bundle}/peftt_manifest.json", encoding="utf-8"))["labels"]
tokenizer = AutoTokenizer.from_pretrained(bundle)
model = PeftModel.from_pretrained(AutoModelForSequenceClassification.from_pretrained(base, num_labels=len(labels)), bundle).eval()
for text in open(titles, encoding="utf-8").read().splitlines():
    with torch.no_grad(): p = model(**tokenizer(text, truncation=True, max_length=64, return_tensors="pt")).logits[0].softmax(-1)
    print(f"{labels[int(p.argmax())]}\t{float(p.max()):.4f}\t{text}")
