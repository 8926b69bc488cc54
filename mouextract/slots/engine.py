"""Slot rules: compiled from patterns/slots/*.yml and applied to the sentences of a signing.

A file holds `rules` (rows), named `stops` and `contexts` rows may use by name, and optionally
`choose: all | first` and `check: fill | extraction` (below). A row (schema in
mouextract/patterns.py, examples in each file):

    id:        unique name, recorded as the provenance of what the rule fills
    slot:      what it fills (signatories, witnesses, on_behalf_of, parties, venue, date, scope ...)
    cue:       where the rule looks: {label: SIGN | [..]} a span-ruler label, {words: [oleh,
               "turut menyaksikan"]}, or {group: dates} every mention of a span group (with
               `attrs: {date.role: dateline}`: only mentions whose extension attribute has that
               value, null for none); optionally prefix / not_prefix: the cue word starts (not)
               with one of these; outside: [quotes]: not inside a mention of these groups;
               brackets: true: a bracketed abbreviation right after the cue is part of it
               ("MoU (PKS)")
    before, not_before, after, not_after:
               context the cue needs (or must not have) on that side, in the same sentence: a
               context, the name of one of the file's `contexts`, or a list of them (each must
               hold, or none may). A context is a token test — {words, labels, prefix, punct,
               capitalised: true, digit: true, word: true, group: regions, opening: true,
               unless: {..}} — and where to search for it: {within: N, not_across: [..],
               across: {..}, only_across: {..}, start: true, unless_before: {..},
               unless_after: {..}}
               — `words` are words or phrases (a list inside is read flat; {from: calendar.yml,
               key: weekdays} takes another file's list); `prefix` asks a labelled token to start
               so ("me": the active form of a verb); `word`: begins with a letter; `group`: a
               mention of that span group starts at the token; `opening`: only the sentence's
               first word; `unless`: a token that passes this test never matches; `capital:
               true`: the token must also begin with a capital letter; `within`
               counts words (whitespace does not count; default: to the sentence edge);
               `not_across` stops the search at these tokens; `across`: one of these must stand
               between (a comma: the match is in an earlier clause); `only_across`: nothing but
               these may stand between (a bracketed aside is passed over); `start: true` holds
               at the sentence's start; `unless_before` / `unless_after`: the context fails when
               that test matches anywhere before / after the cue. A named context may be a list
    in_sentence, not_in_sentence: a context (or list) anywhere in the sentence
    in_signing, not_in_signing: a context anywhere in the sentences given to `fill` (the signing's)
    when:      facts the calling stage must state (fill(..., facts=...)), e.g. [one_day]
    sentences: which sentences the row reads: those given to `fill` (default), `all` of the
               article, {around: N} those within N sentences of a given one (not given
               themselves; for each given one in turn, in text order), or a set the calling stage
               names (fill(..., sets={name: [...]}))
    continues: true — only in the sentence right after one where this file filled a slot
    direction: right | left | both | sentence | none — where the slot opens from the cue
    skip:      words (or phrases) passed over at the window's edge next to the cue ("oleh")
    keep_cue:  true — the slot opens at the cue's last word, which is part of it ("bidang X")
    opens:     a token test the word where the slot opens (past `skip`) must pass
    stop:      names of the file's `stops` (or inline): where the window closes. A stop is a
               token test with next / not_next (the token after the stop word or phrase) and
               prev (the token before it). A stop word inside a mention of the group the rule
               takes, after its first word, is part of it ("Konsul Jenderal RI di Sydney, X")
    over_brackets: true — a stop inside brackets does not close the window
    over_lines: true — the window goes on over a line break inside a list (no closing mark,
               the next line goes on in lower case)
    take:      what the window holds: a span group's mentions (persons, orgs ...); or
               {group: venues, adjacent: true, next: {..}, not_next: {..}}: only the mention
               next to the cue (it starts where a right slot opens, ends where a left one
               does), and only those whose following token passes (not) these; `attrs`, as
               for a cue: only mentions whose extension attribute has that value; or
               {read: list | subject | town_before_country, ...}: what a reader
               (slots/readers.py) reads from where the slot opens, the other keys its options
               (a reader reads at least its first word: a stop closes its window after it)
    priority:  which rule wins when two take the same mention (higher wins; default 0)
    value:     for a slot that takes no mention (status: planned, past ...)

`choose: all` (default): every rule at every cue gives its fills; the stage chooses. The given
sentences are read first, then each set the rows name, in the order the rows first name them;
in a sentence, the rows in file order. So the fills of one row come in the order of the row's
sentences, then of its cues. `choose: first`: the
sentences are read in text order, word by word; at each word the rows are tried in file order
with their longest cue there, the first that takes something wins, and a cue inside what an
earlier row took opens nothing (rows read the given sentences only).

`check` says how the tests run the rows' examples ({text, value}): `fill` (default) applies the
file to every sentence of the text; `extraction` extracts the text and looks for the row's id in
the provenance of the record's fields, value being the text the row read.
"""
from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span

from . import readers
from .conditions import Context
from .rules import DIRECTIONS, Cue, Fill, Rule, RuleSet, compile_rules, rules, slot_files  # noqa: F401  (the engine's API)
from .tokens import tokens

_FINAL = {".", "!", "?", "”", '"', "’"}   # marks that close a sentence
_BRACKET = {"(": 1, ")": -1}
_ABBREVIATION_TOKENS = 12   # how far a bracketed abbreviation after a cue may reach
# Spans are built as Span(doc, start, end), which is what doc[start:end] returns for these
# in-range slices, without spaCy's slice normalising (Python code, as costly as the Span)


def holds(doc: Doc, span: Span, name: str, context: str) -> bool:
    """Whether the context named CONTEXT in patterns/slots/NAME (each, when it is a list) holds
    anywhere in SPAN."""
    tk = tokens(doc)
    return all(c.anywhere(tk, span.start, span.end, (span.start, span.end)) for c in rules(name).contexts[context])


# --- applying rules --------------------------------------------------------------------------

def _attr(span: Span, path: str):
    value = span._
    for part in path.split("."):
        value = getattr(value, part, None)
        if value is None:
            return None
    return value


class _Reading:
    """One call of `fill`: the Doc's index, the given sentences, what was filled so far."""

    def __init__(self, doc: Doc, sentences: list[Span], facts):
        self.doc, self.tk = doc, tokens(doc)
        self.given = [(s.start, s.end) for s in sentences]
        self.facts = frozenset(facts or ())
        self.gave: set[int] = set()          # sentences (indexes into tk.sents) where a slot was filled
        self._signing: dict[int, bool] = {}
        self._words: dict[tuple[int, int], dict[int, list[Span]]] = {}
        self._labelled: dict[tuple, list[Span]] = {}

    # --- cues -----------------------------------------------------------------------------------

    def _keep(self, cue: Cue, sp: Span) -> bool:
        if not (cue.prefix or cue.not_prefix or cue.outside):
            return True   # as for most cues
        first = self.tk.lower[sp.start]
        if cue.prefix and not first.startswith(cue.prefix):
            return False
        if cue.not_prefix and first.startswith(cue.not_prefix):
            return False
        return not any(self.tk.group(g).covers(sp.start) for g in cue.outside)

    def _mention_ok(self, cue: Cue, sp: Span) -> bool:
        return all(_attr(sp, path) in wanted for path, wanted in cue.attrs)

    def _extend(self, cue: Cue, sp: Span, sent_end: int) -> Span:
        """A bracketed abbreviation right after the cue belongs to it: "MoU (PKS)"."""
        if not cue.brackets:
            return sp
        tk, i = self.tk, sp.end
        if i >= len(tk) or tk.text[i] != "(":
            return sp
        close = next((j for j in range(i, min(sent_end, i + _ABBREVIATION_TOKENS)) if tk.text[j] == ")"), None)
        return Span(self.doc, sp.start, close + 1) if close is not None else sp

    def word_cues(self, compiled: RuleSet, a: int, b: int) -> dict[int, list[Span]]:
        """The cue words and phrases of every row in tokens [a, b): row number -> spans."""
        if (a, b) in self._words:
            return self._words[a, b]
        lower, found = self.tk.lower, self._words.setdefault((a, b), {})
        # the rows' first cue words that stand in the sentence, found by a set intersection in C
        # (most sentences hold none of most rows' words), then each one's places in it
        made: dict[tuple[int, int], Span] = {}   # one Span per place, shared by the rows that cue on it
        for word in compiled.by_word.keys() & self.tk.words_in(a, b):
            rows = compiled.by_word[word]
            k = lower.index(word, a, b)
            while True:
                for n in rows:
                    for length in compiled[n].cue.words.all_at(lower, k, b):
                        sp = made.get((k, length))
                        if sp is None:
                            sp = made[k, length] = Span(self.doc, k, k + length)
                        found.setdefault(n, []).append(sp)
                try:
                    k = lower.index(word, k + 1, b)
                except ValueError:
                    break
        for spans in found.values():
            spans.sort(key=_start)   # in text order, as a pass over the tokens finds them (stable: longer first at one start stays)
        return found

    def cues(self, rule: Rule, a: int, b: int, words: list[Span]) -> list[Span]:
        """Every cue of RULE in tokens [a, b), in text order (longer first at one start); WORDS:
        its cue words there."""
        tk, cue = self.tk, rule.cue
        if not words and not cue.groups:
            # ruler labels alone (most rows of relevance.yml: SIGN): rows that ask the same labels
            # the same way have the same cues in a sentence; read once a call
            key = (cue.labels, cue.prefix, cue.not_prefix, cue.outside, cue.brackets, a, b)
            found = self._labelled.get(key)
            if found is None:
                found = self._labelled[key] = self._cues(cue, a, b, [sp for label in cue.labels for sp in tk.labelled(label, a, b)])
            return list(found)
        found = [sp for label in cue.labels for sp in tk.labelled(label, a, b)] + words
        for g in cue.groups:
            found += [m for m in tk.group(g).within(a, b) if self._mention_ok(cue, m)]
        return self._cues(cue, a, b, found)

    def _cues(self, cue: Cue, a: int, b: int, found: list[Span]) -> list[Span]:
        if not found:
            return []   # as for most rows in most sentences
        return [self._extend(cue, sp, b) for sp in sorted(found, key=lambda s: (s.start, -len(s))) if self._keep(cue, sp)]

    def longest_cue(self, rule: Rule, i: int, b: int) -> Span | None:
        """The longest cue of RULE that starts at token i and ends by token B."""
        tk, cue = self.tk, rule.cue
        n = max(cue.words.all_at(tk.lower, i, b), default=0) if cue.words else 0
        for label in cue.labels:
            end = tk.spans.get((label, i), 0)
            n = max(n, end - i if end <= b else 0)
        for g in cue.groups:
            n = max([n] + [len(m) for m in tk.group(g).at.get(i, ()) if m.end <= b and self._mention_ok(cue, m)])
        if not n:
            return None
        span = Span(self.doc, i, i + n)
        return self._extend(cue, span, b) if self._keep(cue, span) else None

    # --- conditions -----------------------------------------------------------------------------

    def signing_holds(self, ctx: Context) -> bool:
        key = id(ctx)
        if key not in self._signing:
            self._signing[key] = any(ctx.anywhere(self.tk, a, b, (a, b)) for a, b in self.given)
        return self._signing[key]

    def sentence_ok(self, rule: Rule, si: int, sent: tuple[int, int]) -> bool:
        """The conditions of RULE that do not depend on where its cue is."""
        tk, (a, b) = self.tk, sent
        # plain loops (most rows have none of these lists: a generator per list cost more)
        for c in rule.in_sentence:
            if not c.anywhere(tk, a, b, sent):
                return False
        for c in rule.not_in_sentence:
            if c.anywhere(tk, a, b, sent):
                return False
        for c in rule.in_signing:
            if not self.signing_holds(c):
                return False
        for c in rule.not_in_signing:
            if self.signing_holds(c):
                return False
        return not rule.continues or si - 1 in self.gave

    def applies(self, rule: Rule, cue: Span, sent: tuple[int, int]) -> bool:
        """The conditions of RULE on the two sides of CUE."""
        tk, start, end = self.tk, cue.start, cue.end
        # plain loops in the same order (a generator per list cost more than most tests)
        for c in rule.before:
            if not c.holds(tk, start, end, sent, True):
                return False
        for c in rule.not_before:
            if c.holds(tk, start, end, sent, True):
                return False
        for c in rule.after:
            if not c.holds(tk, start, end, sent, False):
                return False
        for c in rule.not_after:
            if c.holds(tk, start, end, sent, False):
                return False
        return True

    # --- windows --------------------------------------------------------------------------------

    def stops_at(self, i: int, rule: Rule, sent: tuple[int, int]) -> bool:
        tk, take, first = self.tk, rule.take, rule.stop_first
        if first is not None and tk.lower[i] not in first and tk.text[i] not in first and not tk.labels[i] & first:
            return False
        if take is not None and take.group and i in tk.group(take.group).inner:
            return False   # a stop word inside a mention is part of it ("Konsul Jenderal RI di Sydney, X")
        return any(stop.at(tk, i, sent) for stop in rule.stops)

    def continues_below(self, si: int) -> bool:
        """A line broken inside a list: no closing mark, and the next line goes on in lower case."""
        tk, sents = self.tk, self.tk.sents
        if si + 1 >= len(sents):
            return False
        last, nxt = tk.text[sents[si][1] - 1], sents[si + 1][0]
        return last not in _FINAL and last != ":" and tk.text[nxt][:1].islower() and tk.newline_before(nxt)

    def end(self, rule: Rule, si: int, start: int, *, first_may_stop: bool = True, sent=None) -> int:
        """Where RULE's window from token START of sentence SI (token range SENT) closes."""
        tk, depth, i = self.tk, 0, start
        sent = sent or tk.sents[si]
        while True:
            while i < sent[1]:
                if rule.over_brackets:
                    depth = max(depth + _BRACKET.get(tk.text[i], 0), 0)
                if depth == 0 and (first_may_stop or i > start) and self.stops_at(i, rule, sent):
                    return i
                i += 1
            if not (rule.over_lines and self.continues_below(si)):
                return sent[1]
            si += 1
            sent = tk.sents[si]

    def opening(self, rule: Rule, cue: Span, b: int) -> int:
        """The token where the slot opens right of CUE, past the skipped words."""
        i = cue.end - 1 if rule.keep_cue else cue.end
        while i < b:
            n = rule.skip.at(self.tk.lower, i) if rule.skip else 0
            if not n:
                break
            i += n
        return i

    def window(self, rule: Rule, cue: Span, si: int, sent: tuple[int, int], side: str) -> tuple[int, int]:
        """Token range [start, end) of the slot on one side of the cue."""
        tk = self.tk
        a, b = sent
        if side == "right":
            i = self.opening(rule, cue, b)
            return i, self.end(rule, si, i, sent=sent)
        j = cue.start
        while j > a and rule.skip:
            n = rule.skip.ending(tk.lower, j - 1)
            if not n or j - n < a:
                break
            j -= n
        start = j
        while start > a and not self.stops_at(start - 1, rule, (a, b)):
            start -= 1
        return start, j

    # --- what a rule takes ------------------------------------------------------------------------

    def _chars(self, start: int, end: int) -> tuple[int, int]:
        tk = self.tk
        if end <= start:
            return (tk.idx[start], tk.idx[start]) if start < len(tk) else (len(tk.string), len(tk.string))
        return tk.idx[start], tk.end_char(end - 1)

    def _mentions(self, rule: Rule, start: int, end: int, sent: tuple[int, int], side: str = "right") -> list[Span]:
        take = rule.take
        tk = self.tk
        if end <= start:
            found = []
        else:   # mentions inside the characters of tokens [start, end)
            a, b = tk.idx[start], tk.end_char(end - 1)
            found = [m for m, (s, e) in zip(tk.group(take.group).spans, _extents(tk, take.group)) if a <= s and e <= b]
        if take.attrs:
            found = [m for m in found if all(_attr(m, path) in wanted for path, wanted in take.attrs)]
        if take.adjacent:   # next to the cue: where a right slot opens, where a left one ends
            found = [m for m in found if (m.end == end if side == "left" else m.start == start)]
        if take.next is not None:
            found = [m for m in found if m.end < sent[1] and take.next.at(self.tk, m.end, sent)]
        if take.not_next is not None:
            found = [m for m in found if not (m.end < sent[1] and take.not_next.at(self.tk, m.end, sent))]
        return found

    def take(self, rule: Rule, cue: Span, si: int, sent: tuple[int, int]) -> list[Fill]:
        tk, take = self.tk, rule.take
        if rule.direction == "none":
            return [Fill(rule.id, rule.slot, rule.priority, cue, (cue.start_char, cue.end_char), value=rule.value)]
        if rule.direction == "sentence":
            mentions = tuple(self._mentions(rule, *sent, sent)) if take and take.group else ()
            return [Fill(rule.id, rule.slot, rule.priority, cue, self._chars(*sent), mentions, rule.value)]
        if rule.direction == "both":
            ls, le = self.window(rule, cue, si, sent, "left")
            rs, re_ = self.window(rule, cue, si, sent, "right")
            left, right = self._mentions(rule, ls, le, sent, "left"), self._mentions(rule, rs, re_, sent)
            if not left or not right:
                return []
            return [Fill(rule.id, rule.slot, rule.priority, cue, (self._chars(ls, le)[0], self._chars(rs, re_)[1]),
                         (left[-1], right[0]), rule.value)]
        if rule.direction == "right" and rule.opens is not None:
            at = self.opening(rule, cue, sent[1])
            if at >= sent[1] or not rule.opens.at(tk, at, sent):
                return []
        if take is not None and take.read is not None:
            return self._read(rule, cue, si, sent)
        start, end = self.window(rule, cue, si, sent, rule.direction)
        mentions = tuple(self._mentions(rule, start, end, sent, rule.direction)) if take else ()
        if take and not mentions:
            return []
        return [Fill(rule.id, rule.slot, rule.priority, cue, self._chars(start, end), mentions, rule.value)]

    def _read(self, rule: Rule, cue: Span, si: int, sent: tuple[int, int]) -> list[Fill]:
        start = self.opening(rule, cue, sent[1])
        end = lambda s, i: self.end(rule, s, i, first_may_stop=False, sent=sent if s == si else None)  # noqa: E731
        slot = readers.Slot(self.tk, rule, cue, si, start, dict(rule.take.options), end)
        items = tuple(readers.get(rule.take.read)(slot))
        if not items:
            return []
        return [Fill(rule.id, rule.slot, rule.priority, cue, (self.tk.at(start), max(b for _, b in items)),
                     value=rule.value, items=items)]

    # --- the sentences ---------------------------------------------------------------------------

    def visits(self, compiled: RuleSet, sets: dict | None) -> list[tuple[list[tuple[int, int]], list[Rule]]]:
        """(sentences, the rows that read them) for each sentence set the rows name, the given
        sentences first."""
        plans = compiled.__dict__.setdefault("_plans", {})
        plan = plans.get(self.facts)
        if plan is None:   # which rows read which sentences depends only on the facts: once per file and facts
            keys: list = [None]
            for rule in compiled:
                if rule.sentences not in keys:
                    keys.append(rule.sentences)
            plan = plans[self.facts] = [(key, rows) for key in keys
                                        if (rows := [r for r in compiled if r.sentences == key and all(f in self.facts for f in r.when)])]
        return [(self.sentence_set(key, sets, rows[0]), rows) for key, rows in plan]

    def sentence_set(self, key, sets: dict | None, rule: Rule) -> list[tuple[int, int]]:
        tk = self.tk
        if key is None:
            return self.given
        if key == "all":
            return list(tk.sents)
        if isinstance(key, tuple):
            index = {a: k for k, (a, _) in enumerate(tk.sents)}
            given = [index[a] for a, _ in self.given if a in index]
            seen, out = set(given), []
            for k in given:
                for j in range(max(0, k - key[1]), min(len(tk.sents), k + key[1] + 1)):
                    if j not in seen:
                        seen.add(j)
                        out.append(tk.sents[j])
            return out
        if sets is None or key not in sets:
            raise ValueError(f"{rule.source}: rule {rule.id} reads the sentences {key!r}, which the caller did not give")
        return [(s.start, s.end) for s in sets[key]]


def _start(span: Span) -> int:
    return span.start


def _extents(tk, group: str) -> list[tuple[int, int]]:
    """The characters each mention of GROUP stands for when a slot takes it: persons by their
    name when they have one. Read once per Doc (a Span builds its offsets from Token objects)."""
    g = tk.group(group)
    if g.extents is None:
        g.extents = [_extent(m, group) for m in g.spans]
    return g.extents


def _extent(span: Span, group: str) -> tuple[int, int]:
    person = span._.get("person") if group == "persons" and span.has_extension("person") else None
    if person is not None and person.name_span:
        return person.name_span
    return span.start_char, span.end_char


def fill(doc: Doc, sentences: list[Span], name: str | RuleSet, *, sets: dict | None = None, facts=()) -> list[Fill]:
    """What the rules of patterns/slots/NAME (or compiled RULES) take in SENTENCES (the
    sentences of a signing) and in the sentence sets the rows name (`sets`: the ones the
    calling stage names), given the FACTS the stage states."""
    compiled = rules(name) if isinstance(name, str) else name
    reading = _Reading(doc, sentences, facts)
    if getattr(compiled, "choose", "all") == "first":
        return _first(reading, compiled)
    out: list[Fill] = []
    tk = reading.tk
    by_label, with_groups = _rows_by_cue(compiled)
    for sents, rows in reading.visits(compiled, sets):
        numbers = _numbers(compiled, rows)
        for a, b in sents:
            si = tk.sentence_of(a)
            if si < 0:
                continue
            words = reading.word_cues(compiled, a, b)
            # most rows find no cue in a sentence: only the rows that may are tried (in file
            # order): those whose cue words stand in it, those cued by a group's mentions, and
            # those cued by a ruler label the sentence holds (a ruler span within the sentence,
            # never empty, puts its label on the sentence's tokens)
            maybe = with_groups.union(words, *(by_label[label] for label in tk.labels_in(a, b) if label in by_label))
            for n in sorted(numbers.intersection(maybe)):
                rule = compiled[n]
                cues = reading.cues(rule, a, b, words.get(n, []))
                if not cues or not reading.sentence_ok(rule, si, (a, b)):
                    continue
                for cue in cues:
                    if reading.applies(rule, cue, (a, b)):
                        made = reading.take(rule, cue, si, (a, b))
                        if made:
                            reading.gave.add(si)
                        out += made
    return out


def _rows_by_cue(compiled: RuleSet) -> tuple[dict[str, frozenset], frozenset]:
    """The file's rows by the ruler labels that cue them (label -> row numbers), and the rows
    cued by a span group's mentions; once per file."""
    found = compiled.__dict__.get("_rows_by_cue")
    if found is None:
        by_label: dict[str, set] = {}
        for n, rule in enumerate(compiled):
            for label in rule.cue.labels:
                by_label.setdefault(label, set()).add(n)
        found = compiled.__dict__["_rows_by_cue"] = ({k: frozenset(v) for k, v in by_label.items()},
                                                     frozenset(n for n, rule in enumerate(compiled) if rule.cue.groups))
    return found


def _numbers(compiled: RuleSet, rows: list[Rule]) -> frozenset:
    """The numbers in the file of ROWS (a list the file's plan keeps: once per list)."""
    kept = compiled.__dict__.setdefault("_numbers", {})
    found = kept.get(id(rows))
    if found is None or found[0] is not rows:
        number = {id(rule): n for n, rule in enumerate(compiled)}
        found = kept[id(rows)] = (rows, frozenset(number[id(rule)] for rule in rows))
    return found[1]


def _first(reading: _Reading, compiled: RuleSet) -> list[Fill]:
    """`choose: first`: word by word, the first row that takes something at a cue wins."""
    tk = reading.tk
    wanted = [n for n, rule in enumerate(compiled) if all(f in reading.facts for f in rule.when)]
    wanted_set = set(wanted)
    at: dict[int, set[int]] = {}    # token -> the rows whose cue may start there
    lower = tk.lower
    for a, b in reading.given:
        # the rows' first cue words that stand in the sentence (a set intersection in C), then
        # their places in it, rather than a lookup per token
        for word in compiled.by_word.keys() & tk.words_in(a, b):
            rows = [n for n in compiled.by_word[word] if n in wanted_set]
            k = lower.index(word, a, b)
            while True:
                at.setdefault(k, set()).update(rows)
                try:
                    k = lower.index(word, k + 1, b)
                except ValueError:
                    break
    for n in wanted:
        cue = compiled[n].cue
        for label in cue.labels:
            for start in tk.label_bounds(label)[0]:
                at.setdefault(start, set()).add(n)
        for g in cue.groups:
            for i in tk.group(g).at:
                at.setdefault(i, set()).add(n)
    out: list[Fill] = []
    positions = sorted(at)
    taken = 0   # no cue before this token opens a slot: it is inside what was taken
    for a, b in reading.given:
        si = tk.sentence_of(a)
        if si < 0:
            continue
        sent = (a, b)
        for i in positions[bisect.bisect_left(positions, a):bisect.bisect_left(positions, b)]:
            if i < taken:
                continue
            for n in sorted(at[i]):
                rule = compiled[n]
                cue = reading.longest_cue(rule, i, b)
                if cue is None or not reading.sentence_ok(rule, si, sent) or not reading.applies(rule, cue, sent):
                    continue
                made = reading.take(rule, cue, si, sent)
                if made:
                    out += made
                    reading.gave.add(si)
                    taken = max(taken, tk.token_at(max(_end_char(f) for f in made)))
                    break
    return out


def _end_char(f: Fill) -> int:
    ends = [b for _, b in f.items] + [m.end_char for m in f.mentions]
    return max(ends) if ends else f.cue.end_char
