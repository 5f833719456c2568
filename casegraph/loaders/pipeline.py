"""spaCy blank pipelines and the matchers built from the data files, once per language.

Everything here is built on first use and cached for the process: a blank tokenizer, the
sentencizer, one PhraseMatcher per case mode for the closed classes and one Matcher each for
name shapes and cue words.
"""

from __future__ import annotations

import bisect
import gc
import itertools
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from casegraph.loaders.authorities import ShapeReader, head_matcher
from casegraph.loaders.flags import CAP_FLAG, ORG_ROLE_FLAG, Flags
from casegraph.loaders.lexicon import data, lexicon
from casegraph.loaders.places import world
from casegraph.loaders.sentences import split_sentences

GAPS = {"*": "{0,6}", "**": "{0,14}"}
UPPER = "A-ZÀ-ÖØ-Þ"
# A capitalised word that can be part of a name ("Velde", "J.", "4RK"), not "New York-based" or "Dublin-domiciled".
# "Banca Privada d'Andorra": an elided joiner before a capital goes on with the name
CAP_RE = (
    rf"^(?!.*-(?:based|registered|domiciled|headquartered|listed)$)"
    rf"(?:[{UPPER}][\w'’.&-]*|\d+[{UPPER}][\w]*|[dl]['’][{UPPER}][\w'’.&-]*)$"
)
NAME_LABELS = frozenset({"NAME", "NICK", "PARTICLE_NAME"})
QUOTES_OPEN = ["“", '"', "‘", "'", "„"]
QUOTES_CLOSE = ["”", '"', "’", "'", "“"]


@dataclass(frozen=True)
class Pipeline:
    lang: str
    nlp: Language
    lex: dict[str, Any]
    closed_cased: PhraseMatcher
    closed_lower: PhraseMatcher
    cues: Matcher  # name shapes (NAME_LABELS) and the cue patterns with shapes: one pass over the tokens
    cue_phrases: PhraseMatcher
    gapped: dict[str, tuple[str, list[int]]]
    stems: Stems
    authority_heads: PhraseMatcher
    authority_shapes: ShapeReader
    known_firms: PhraseMatcher  # the gazetteer of firms.json, case-sensitive on whole tokens

    def parse(self, text: str) -> Doc:
        """Tokens and sentences of ``text``."""
        return split_sentences(self.nlp.make_doc(text), text, *_closers(self.lang))

    def matches(self, doc: Doc) -> tuple[list[tuple[str, int, int]], list[tuple[str, int, int]]]:
        """Name-shape matches and cue matches, each as (label, start, end). Phrases with gaps are
        matched piece by piece and joined here: wildcards inside the Matcher would keep a state
        alive at every token."""
        strings = doc.vocab.strings
        self.stems.mark(doc)
        names: list[tuple[str, int, int]] = []
        out: list[tuple[str, int, int]] = []
        pieces: dict[str, dict[int, list[tuple[int, int]]]] = {}
        labels = _LABELS
        for match_id, start, end in list(self.cues(doc)) + list(self.cue_phrases(doc)):
            label = labels.get(match_id) or labels.setdefault(match_id, strings[match_id])
            if label in NAME_LABELS:
                names.append((label, start, end))
                continue
            if "@" not in label:
                out.append((label, start, end))
                continue
            phrase, _, index = label.rpartition("@")
            pieces.setdefault(phrase, {}).setdefault(int(index), []).append((start, end))
        starts: list[int] | None = None
        for phrase, found in pieces.items():
            label, gaps = self.gapped[phrase]
            if len(found) <= len(gaps):
                continue
            for start, end in found.get(0, []):
                last = end
                for index, gap in enumerate(gaps, 1):
                    nxt = [(s, e) for s, e in found.get(index, []) if last <= s <= last + gap]
                    if not nxt:
                        break
                    last = min(nxt)[1]
                else:
                    if starts is None:
                        starts = [s.start for s in doc.sents]
                    i = bisect.bisect_right(starts, start)
                    if i == len(starts) or starts[i] >= last:  # a gap never runs into the next sentence
                        out.append((label, start, last))
        return names, out


_LABELS: dict[int, str] = {}  # match id -> its label (the id is the label's hash in every vocabulary)


@cache
def _closers(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """Legal forms written with a full stop ("N.V.", "Inc."; not "& Co." inside a name) and
    abbreviations of amounts ("$5 bn.") that may close a sentence, and the words that go on with a
    name after one."""
    lex = lexicon(lang)
    closers = frozenset(f for f in lex["legal_forms"] if f.endswith(".") and f != "Co.")
    closers |= frozenset(lex["final_abbreviations"])
    return closers, frozenset(lex["legal_forms"]) | frozenset(lex["firm_heads"])


class Stems:
    """Wildcard words of the cue lists ('investigat*', '*beurs'). A regular expression over the text
    marks the words that fit one in ``Token.norm_`` ("~p:investigat"), so the Matcher compares
    strings instead of running a regular expression at every token."""

    def __init__(self) -> None:
        self.prefixes: set[str] = set()
        self.suffixes: set[str] = set()
        self._compiled: tuple[re.Pattern[str] | None, re.Pattern[str] | None] | None = None
        self._seen: set[int] = set()  # words whose norm ``mark`` has decided

    def keys(self, part: str) -> list[str]:
        """Norm keys that imply the wildcard ``part``: every longer stem of the same kind."""
        stem = part.strip("*")
        if part.endswith("*"):
            self.prefixes.add(stem)
            self._compiled = None
            return [f"~p:{s}" for s in self.prefixes if s.startswith(stem)] + [f"~p:{stem}"]
        self.suffixes.add(stem)
        self._compiled = None
        return [f"~s:{s}" for s in self.suffixes if s.endswith(stem)] + [f"~s:{stem}"]

    def compiled(self) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
        if self._compiled is None:

            def alternation(stems: set[str]) -> str:
                return "|".join(re.escape(s) for s in sorted(stems, key=len, reverse=True))

            prefix = re.compile(rf"(?<![\w-])(?:{alternation(self.prefixes)})[\w-]*", re.I) if self.prefixes else None
            suffix = (
                re.compile(rf"(?<![\w-])[\w-]*?({alternation(self.suffixes)})(?![\w-])", re.I)
                if self.suffixes
                else None
            )
            self._compiled = (prefix, suffix)
        return self._compiled

    def norm(self, word: str) -> str:
        """The norm ``mark`` gives a word: its longest prefix stem, else longest suffix stem, else itself."""
        word = word.lower()
        prefix = [s for s in self.prefixes if word.startswith(s)]
        if prefix:
            return f"~p:{max(prefix, key=len)}"
        suffix = [s for s in self.suffixes if word.endswith(s)]
        if suffix:
            return f"~s:{max(suffix, key=len)}"
        return word

    def mark(self, doc: Doc) -> None:
        """Give every word of ``doc`` that fits a stem its norm key. The norm goes on the lexeme, so
        each distinct word is looked at once per process, not once per document."""
        if self._compiled is None:
            self._seen = set()
        prefix, suffix = self.compiled()
        vocab = doc.vocab
        seen = self._seen
        for orth in set(doc.to_array(ORTH).tolist()) - seen:
            seen.add(orth)
            word = vocab.strings[orth]
            norm = None
            if prefix is not None and (match := prefix.fullmatch(word)):
                lower = match[0].lower()
                norm = "~p:" + next(s for s in sorted(self.prefixes, key=len, reverse=True) if lower.startswith(s))
            elif suffix is not None and (match := suffix.fullmatch(word)):
                norm = f"~s:{match[1].lower()}"
            if norm is not None:
                vocab[orth].norm_ = norm


def token_specs(word: str, stems: Stems) -> list[dict[str, Any]]:
    """One word of a cue pattern as one or two token specs (exact words, wildcard stems):
    'a|b' alternatives, 'x*' prefix, '*x' suffix, else exact (lower case)."""
    parts = word.lower().split("|")
    exact = [p for p in parts if not (p.endswith("*") or (p.startswith("*") and len(p) > 1))]
    wild = [p for p in parts if p not in exact]
    specs: list[dict[str, Any]] = []
    if exact:
        specs.append({"LOWER": {"IN": exact}})
    if wild:
        specs.append({"NORM": {"IN": sorted({k for p in wild for k in stems.keys(p)})}})
    return specs


def piece_docs(vocab: Any, words: list[str], stems: Stems) -> list[Doc]:
    """A gap-free piece as phrase Docs for a PhraseMatcher on NORM: every combination of its
    alternatives, wildcards as the norm keys ``Stems.mark`` gives matching words."""
    choices: list[list[str]] = []
    for word in words:
        options: list[str] = []
        for part in word.lower().split("|"):
            if part.endswith("*") or (part.startswith("*") and len(part) > 1):
                options.extend(stems.keys(part))
            else:
                options.append(stems.norm(part))
        choices.append(sorted(set(options)))
    docs = []
    for combination in itertools.product(*choices):
        doc = Doc(vocab, words=list(combination))
        for token, norm in zip(doc, combination, strict=True):
            token.norm_ = norm
        docs.append(doc)
    return docs


def cue_patterns(phrase: str, stems: Stems, gap: str | None = None) -> list[list[dict[str, Any]]]:
    """A cue phrase of the word lists as Matcher patterns; ``gap`` makes '*' skip lower-case words only."""
    patterns: list[list[dict[str, Any]]] = [[]]
    for word in phrase.split():
        if word in GAPS:
            spec = (
                {"IS_LOWER": True, "IS_ALPHA": True, "OP": gap} if gap else {"IS_SENT_START": False, "OP": GAPS[word]}
            )
            patterns = [[*p, spec] for p in patterns]
        else:
            patterns = [[*p, spec] for p in patterns for spec in token_specs(word, stems)]
    return patterns


def _add_gapped(
    matcher: PhraseMatcher,
    gapped: dict[str, tuple[str, list[int]]],
    phrase_id: str,
    label: str,
    phrase: str,
    stems: Stems,
) -> None:
    """Add a cue phrase; one with gaps ('*') goes in as pieces ``phrase_id@n`` joined by ``cue_matches``."""
    words = phrase.split()
    if not any(w in GAPS for w in words):
        matcher.add(label, piece_docs(matcher.vocab, words, stems))
        return
    pieces: list[list[str]] = [[]]
    gaps: list[int] = []
    for word in words:
        if word in GAPS:
            gaps.append(6 if word == "*" else 14)
            pieces.append([])
        else:
            pieces[-1].append(word)
    for index, piece in enumerate(pieces):
        matcher.add(f"{phrase_id}@{index}", piece_docs(matcher.vocab, piece, stems))
    gapped[phrase_id] = (label, gaps)


def _paper_tails(lang: str) -> list[str]:
    """ "Fortis-aandelen", "SNS Bank-obligaties", "een Bankia-filiaal": the noun of the firm's paper or
    office is split off, so the firm is a name."""
    lex = lexicon(lang)
    tails = lex.get("paper_compound_tails", []) + lex.get("branch_compound_tails", [])
    return [rf"-(?:{'|'.join(re.escape(t) for t in tails)})"] if tails else []


@spacy.registry.tokenizers("casegraph.tokenizer.v1")
def _tokenizer_factory() -> Any:
    """spaCy's tokenizer for the language, but keeping hyphenated words whole ("Vela-topman",
    "Velde") and domains ("Zelko.US"). Built in one go: each setter on a finished tokenizer would
    load its special cases again."""

    def create(nlp: Language) -> Tokenizer:
        defaults = nlp.Defaults
        infixes = [p for p in defaults.infixes if "(?:-|–|—" not in p]
        rules = dict(defaults.tokenizer_exceptions)
        for form in lexicon(nlp.lang)["legal_forms"]:
            if "/" in form:  # "A/S" is one word
                rules[form] = [{ORTH: form}]
        for form in lexicon(nlp.lang)["name_abbreviations"]:
            rules[form] = [{ORTH: form}]  # "Mt. Gox" is one name in every language, not a sentence's end
        return Tokenizer(
            nlp.vocab,
            rules=rules,
            prefix_search=compile_prefix_regex(defaults.prefixes).search if defaults.prefixes else None,
            suffix_search=compile_suffix_regex([*(defaults.suffixes or []), *_paper_tails(nlp.lang)]).search,
            infix_finditer=compile_infix_regex(infixes).finditer,
            token_match=re.compile(r"^[A-Z][A-Za-z0-9]+\.(?:US|com|io|net|org|eu|nl|co|us|UK|EU)$").match,
            url_match=defaults.url_match,
        )

    return create


def _cue_matcher(
    nlp: Language, lex: dict[str, Any], stems: Stems, flags: Flags
) -> tuple[Matcher, PhraseMatcher, dict[str, tuple[str, list[int]]]]:
    """The matchers of the cue lists: word lists go to a PhraseMatcher on NORM (one hash lookup per
    token, however long the lists); only the few patterns with shapes stay in a Matcher. Built twice,
    so each wildcard knows all longer stems."""
    cues = Matcher(nlp.vocab, validate=False)  # the lexeme flags are no pattern keys it knows
    phrases_matcher = PhraseMatcher(nlp.vocab, attr="NORM")
    gapped: dict[str, tuple[str, list[int]]] = {}
    for label, phrases in lex["cues"].items():
        for number, phrase in enumerate(phrases):
            _add_gapped(phrases_matcher, gapped, f"{label.upper()}#{number}", label.upper(), phrase, stems)
    gapped_roles = [p for p in lex["officer_roles"] if any(w in GAPS for w in p.split())]  # "head of *"
    cues.add("ROLE", flags.rewrite([q for p in gapped_roles for q in cue_patterns(p, stems, "{1,2}")]))
    phrases_matcher.add(  # "*directeur" is one word: its stems are norm keys
        "ROLE",
        [d for p in lex["officer_roles"] if p not in gapped_roles for d in piece_docs(nlp.vocab, p.split(), stems)],
    )
    for label, key in (
        ("PERSON_CUE", "person_cues"),
        ("SPEECH", "speech_verbs"),
        ("FIRM_CUE", "firm_cues"),
        ("FIRM_AFTER", "firm_after_cues"),
    ):
        for number, phrase in enumerate(lex[key]):
            _add_gapped(phrases_matcher, gapped, f"{label}#{number}", label, phrase, stems)
    coref_nouns = [*lex["firm_coref"], *lex["coref_described_nouns"]]
    cues.add(
        "COREF",
        flags.rewrite(
            [
                [
                    {"LOWER": {"IN": lex["coref_determiners"]}},
                    {"IS_ALPHA": True, "IS_LOWER": True, "OP": "{0,2}"},
                    {"LOWER": {"IN": coref_nouns}},
                ],
                [  # "the county", "de gemeente": a body of a state named before with that word
                    {"LOWER": {"IN": lex["coref_determiners"]}},
                    {"LOWER": {"IN": [*lex["government_coref"], *lex["authority_coref"]]}, "IS_LOWER": True},
                ],
                [  # "the Vienna bank", "the Swiss lender": a place before the noun, the noun in lower case
                    {"LOWER": {"IN": lex["coref_determiners"]}},
                    {"IS_TITLE": True},
                    {"IS_ALPHA": True, "IS_LOWER": True, "OP": "{0,1}"},
                    {"LOWER": {"IN": coref_nouns}, "IS_LOWER": True},
                ],
                [  # "the Jersey City-based company", "het in Oststad gevestigde bedrijf" is not matched
                    {"LOWER": {"IN": lex["coref_determiners"]}},
                    {"IS_TITLE": True, "OP": "{0,2}"},
                    {"LOWER": {"REGEX": "-(based|gebaseerde)$"}},
                    {"IS_ALPHA": True, "IS_LOWER": True, "OP": "{0,2}"},
                    {"LOWER": {"IN": coref_nouns}},
                ],
            ]
        ),
    )
    phrases_matcher.add("GOV_CUE", [d for p in lex["government_cues"] for d in piece_docs(nlp.vocab, p.split(), stems)])
    phrases_matcher.add(
        "GOV_AFTER", [d for p in lex["government_after"] for d in piece_docs(nlp.vocab, p.split(), stems)]
    )
    phrases_matcher.add("COURT_CUE", [d for p in lex["court_cues"] for d in piece_docs(nlp.vocab, p.split(), stems)])
    phrases_matcher.add("LIST_CUE", [d for p in lex["list_cues"] for d in piece_docs(nlp.vocab, p.split(), stems)])
    compound = "|".join(
        re.escape(r) for r in lex["officer_roles"] + lex["person_cues"] if " " not in r and "*" not in r
    )
    prefixes = "co|ex|oud|mede|vice|non|pre|post|interim|acting|waarnemend|former|voormalig"
    org_role = re.compile(rf"^(?:(?i:{prefixes})-)?(?!(?i:{prefixes})-)[{UPPER}0-9][\w.]*-(?i:{compound})$")
    cues.add("ORG_ROLE", [[{flags.add(ORG_ROLE_FLAG, lambda word: bool(org_role.match(word))): True}]])
    return cues, phrases_matcher, gapped


@cache
def pipeline(lang: str) -> Pipeline:
    nlp = spacy.blank(lang, config={"nlp": {"tokenizer": {"@tokenizers": "casegraph.tokenizer.v1"}}})
    lex = lexicon(lang)
    cased = PhraseMatcher(nlp.vocab, attr="ORTH")
    lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    make = nlp.make_doc

    for index, authority in enumerate(data("authorities")["authorities"]):
        label = f"AUTH:{index}"
        # "Finma", "Ofac": long acronyms as some papers write them, a capital and small letters
        titled = [a.capitalize() for a in authority["acronyms"] if len(a) >= 4 and a.isalpha()]
        cased.add(label, [make(a) for a in dict.fromkeys([*authority["acronyms"], *titled])])
        names = [authority["name"], *authority["aliases"]]
        corp = [n.removesuffix("Corporation") + "Corp." for n in names if n.endswith(" Corporation")]
        lower.add(label, [make(a) for a in names + corp])  # "Federal Deposit Insurance Corp."
    for index, asset in enumerate(data("crypto_assets")["assets"]):
        cased.add(f"TICKER:{index}", [make(asset["ticker"])])
        if asset["names"]:
            cased.add(f"TOKENNAME:{index}", [make(n) for n in {asset["name"], *asset["names"]}])
            if asset.get("coin_only"):  # "met 190 bitcoin als onderpand": a coin is often written small
                lower.add(f"TOKENNAME:{index}", [make(n) for n in {asset["name"], *asset["names"]}])
    for code, names in lex["countries"].items():
        short = [n for n in names if n.isupper() or "." in n]
        cased.add(f"COUNTRY:{code}", [make(n) for n in short])
        lower.add(f"COUNTRY:{code}", [make(n) for n in names if n not in short])
    for code, names in world(lang).items():  # the countries nobody listed, by their English names
        cased.add(f"COUNTRY:{code}", [make(n) for n in names])
    known_firms = PhraseMatcher(nlp.vocab, attr="ORTH")
    for index, firm in enumerate(data("firms")["firms"]):
        known_firms.add(f"FIRM:{index}", [make(n) for n in {firm["name"], *firm["aliases"]}])
    cased.add("MEDIA", [make(n) for n in data("media")["names"]])
    lower.add("GENERIC_AUTH", [make(n) for n in lex["generic_authorities"]])

    stems, flags = Stems(), Flags(nlp.vocab)
    _cue_matcher(nlp, lex, stems, flags)  # first pass: learn every stem
    cues, cue_phrases, gapped = _cue_matcher(nlp, lex, stems, flags)
    cap_re, stops = re.compile(CAP_RE), set(lex["stop_caps"])
    cap = {flags.add(CAP_FLAG, lambda word: bool(cap_re.match(word)) and word.lower() not in stops): True}
    capn = {**cap, "OP": "*"}
    conn = {"LOWER": {"IN": ["of", "&"]}}
    new = {"ORTH": {"IN": lex.get("name_openers", [])}}  # "New" opens a name only before a capital
    nick = [cap, {"ORTH": {"IN": QUOTES_OPEN}}, cap, {"ORTH": {"IN": QUOTES_CLOSE}}, cap]
    amp = {"ORTH": "&"}  # "Alvarez & Marsal" is one name even after "of"
    title = {**cap, "IS_TITLE": True}
    particle = {"LOWER": {"IN": lex["person_particles"]}, "IS_LOWER": True}
    particled = [title, {**title, "OP": "?"}, particle, {**particle, "OP": "?"}, title]  # "Laura van Dijk"
    inner = {"ORTH": {"IN": lex.get("name_particles", [])}}  # "Warmtenet De Baronie B.V.", "Van Lanschot"
    names = [[cap, capn], [cap, capn, conn, cap, capn], [cap, capn, conn, cap, capn, amp, cap, capn], [new, cap, capn]]
    opener = {**inner, "IS_SENT_START": False}  # "Van Vliet & Zonen" whole, not "Vliet & Zonen"
    names += [[cap, capn, inner, cap, capn], [opener, cap, capn], [opener, cap, capn, amp, cap, capn]]
    names += [[inner, particle, cap, capn], [cap, capn, inner, particle, cap, capn]]  # "(Bouwbedrijf) Van der Moolen"
    # "Hanshin Crypto Fund", "Federal Home Loan Bank": a word that opens no name may stand inside one
    # that ends on a firm's head
    within = {"ORTH": {"IN": [w.capitalize() for w in lex["name_inner_caps"]]}}
    head = {"ORTH": {"IN": [h for h in lex["firm_heads"] if " " not in h]}}
    legal = {"ORTH": {"IN": [f for f in lex["legal_forms"] if " " not in f]}}  # "Robinhood Crypto LLC"
    names += [[cap, capn, within, capn, head], [within, capn, head], [within, capn, head, conn, cap, capn]]
    digit = {"IS_DIGIT": True, "LENGTH": {"<=": 2}}  # "Nord Stream 2 AG": a number inside, before the legal form
    names += [[cap, capn, within, capn, legal], [cap, capn, digit, legal]]
    names += [[cap, capn, new, cap, capn, end] for end in (legal, head)]  # "Franklin New York Corporation"
    cues.add("NAME", flags.rewrite(names), greedy="LONGEST")
    cues.add("PARTICLE_NAME", flags.rewrite([particled]), greedy="LONGEST")
    cues.add("NICK", flags.rewrite([nick]))
    flags.sweep()
    built = Pipeline(
        lang,
        nlp,
        lex,
        cased,
        lower,
        cues,
        cue_phrases,
        gapped,
        stems,
        head_matcher(nlp, lex),
        ShapeReader(lex, CAP_RE),
        known_firms,
    )
    # The pipeline, its word lists and spaCy's tables (~130k objects) live as long as the process:
    # frozen, they are no longer walked by each full garbage collection, which a long run of
    # extractions triggers every time its results grow by a quarter (a fifth of the run's time).
    gc.freeze()
    return built
