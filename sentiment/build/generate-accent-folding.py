# Regenerates Encoding/accent-folding.txt: for every code point whose canonical decomposition (NFD) minus
# non-spacing marks (category Mn) differs from itself, the folded sequence. This is BERT-uncased's
# "strip accents" step, precomputed so tokenisation does not depend on ICU (hosts may run with
# InvariantGlobalization, where string.Normalize is unavailable). Hangul syllables are folded
# algorithmically at run time and are left out.
import sys, unicodedata

out = sys.stdout
out.write(f"# Unicode {unicodedata.unidata_version}: code point<TAB>folded code points (NFD without Mn)\n")
for cp in range(0x110000):
    if 0xAC00 <= cp <= 0xD7A3 or 0xD800 <= cp <= 0xDFFF:
        continue
    ch = chr(cp)
    folded = "".join(c for c in unicodedata.normalize("NFD", ch) if unicodedata.category(c) != "Mn")
    if folded != ch and folded != "":
        out.write(f"{cp:X}\t{' '.join(f'{ord(c):X}' for c in folded)}\n")
