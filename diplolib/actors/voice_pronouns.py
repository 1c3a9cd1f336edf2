"""Pronouns that stand for the organ in whose voice a UN text is written (:mod:`.short_forms`, ``context:voice``).

A resolution or presidential statement is its organ speaking (:func:`~diplolib.actors.document_authors.document_voice`).
Two kinds of pronoun stand for it:

- the **sentence-initial subject pronoun** ("Il souligne …", "It urges …"), except the impersonal uses ("Il est …",
  "Il convient …", "It is …"); Arabic repeats the noun (المجلس) and needs no such rule;
- the French **indirect object of the reporting formula**: "Prie le Secrétaire général de lui rendre compte",
  "les rapports mensuels qu'il lui présente", "Prie la Commission de lui rendre compte à sa soixante-dixième
  session", where English and Arabic name the organ ("to report to the Council", "أن يقدم إلى المجلس"). On the UNPC
  tune half 5 of 5 such "lui" in resolutions were the organ (4 named in English and Arabic, the fifth in Arabic and
  as "the Council" in English). Only before the verbs of reporting (rendre compte, présenter, faire rapport,
  soumettre, communiquer): "à l'aider et à lui fournir" may be the State the text speaks of.
"""

from __future__ import annotations

import re

__all__ = ["VOICE_PATTERNS"]

_IMPERSONAL = {"en": r"(?:is|was|would|will|should|could|may|might|has\s+been|had\s+been|remains|seems|appears)\b",
               "fr": r"(?:y|est|était|sera|serait|importe|convient|faut|faudrait|s['’]agit|reste|semble|apparaît|"
                     r"ressort|existe|n['’]y|a\s+été|avait\s+été)\b"}
_REPORTING = r"(?:rendre|rend\w*|présent\w*|faire\s+rapport|fai\w+\s+rapport|soumet\w*|communiqu\w*)\b"

#: (language, pattern with a ``noun`` group: the pronoun that is the organ)
VOICE_PATTERNS = tuple(
    [(lang, re.compile(rf"(?:^|(?<=[.;!?]\s))(?:\d+[.)]\s+)?(?P<noun>{pro})\s+(?!{_IMPERSONAL[lang]})(?=[^\W\d_])"))
     for lang, pro in (("en", "It"), ("fr", "Il|Elle"))]
    + [("fr", re.compile(rf"(?<![\w'’])(?P<noun>lui)\s+(?={_REPORTING})"))])
