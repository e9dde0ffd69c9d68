"""The one sentence splitter behind the corpus's evidence numbers: evidence in corpus/cfpb-labels.csv names sentences
by their 1-based number under split(). Training and labelling both import it, so the numbers mean the same thing."""
import re

_BOUNDARY = re.compile(r'(?<=[.!?])["\')\]]*\s+|\s*\n+\s*')


def split(text):
    """Sentences of text: breaks after . ! ? followed by space, and at line breaks; empty pieces dropped."""
    return [s.strip() for s in _BOUNDARY.split(text or '') if s and s.strip()]
