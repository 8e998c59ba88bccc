"""The forms a glossary word takes in running text beyond those the editor lists.

Arabic writes the conjunctions و and ف, the prepositions ب, ك and ل and the article ال onto
the word itself: "المساعدة" is also "والمساعدة", "بالمساعدة", "للمساعدة" (ل + ال loses its
alif). Without these, a hard word is not marked where the text uses it with a prefix.
"""

from __future__ import annotations

CONJUNCTIONS = ("", "و", "ف")
PREPOSITIONS = ("", "ب", "ك", "ل")
ARTICLE = "ال"


def attached_forms(form: str, lang: str) -> set[str]:
    """`form` and, in Arabic, every prefixed form of its first word."""
    if lang != "ar":
        return {form}
    first, space, rest = form.partition(" ")
    heads = {first}
    if not space and not first.startswith(ARTICLE):
        heads.add(ARTICLE + first)  # one word without the article: also with it
    forms = set()
    for head in heads:
        for conjunction in CONJUNCTIONS:
            for preposition in PREPOSITIONS:
                if preposition == "ل" and head.startswith(ARTICLE):
                    prefixed = "ل" + head[1:]  # ل + الدولة = للدولة
                else:
                    prefixed = preposition + head
                forms.add(conjunction + prefixed + space + rest)
    return forms
