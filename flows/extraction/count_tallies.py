"""Counts that are not releases: stocks and running totals (is_tally), hypotheticals and the terms of a
deal. Part of `flows.extraction.counts`."""

from __future__ import annotations

import re
import sys

import regex

from flows.extraction.count_numbers import folded

# "... since July 2021, including 52 on September 11th": a release inside a tally
INCLUDING_RE = re.compile(
    r"\b(?:including|among\s+them|of\s+whom|of\s+them)\s+(?P<num>\d{1,3}(?:,\d{3})+|\d+)\s+(?=on\b|in\b|last\b|this\b|during\b)",
    re.IGNORECASE,
)


# "since the war began", "since the ceasefire took effect": a running total
_SINCE_EVENT = (r"(?:the\s+)?(?:war|conflict|invasion|ceasefire|truce|deal|agreement|crackdown|protests|election|"
                r"start|beginning|(?:\w+\s+){1,3}?(?:began|started|begun|took\s+effect|came\s+into\s+force))")


# Markers that make a count a stock or a running total, not one release.
TALLY_BEFORE_RE = re.compile(
    r"\b(?:including|includ(?:ed|es?)|among\s+them|among\s+whom|among\s+(?:those|the)(?:\s+\w+)?\s+(?:were|are|was)|of\s+whom|of\s+them|"
    r"documented|estimate[sd]?|total(?:\s+(?:of|to))?|tally|number\s+of|count(?:ed)?|record(?:ed|s)?|"
    r"list(?:ed|s)?|still|remaining|cumulative(?:ly)?|altogether|overall|in\s+all|roughly\s+half|"
    r"so\s+far(?:\s+this\s+(?:year|month))?|to\s+date|"
    # "the amnesty, which has so far freed 5,000": the count a measure has reached by now (session 17)
    r"(?:has|have|had)\s+(?:so\s+far|thus\s+far|to\s+date|now)\s+(?:freed|released|pardoned|set\s+free)|"
    # a stock told as what there is: "there are 347 <demonym> prisoners in <demonym> jails" (issue 22, class 4);
    # a part of a bigger group: "the released are part of the 35 supporters who ..." (the 35 were not all freed)
    r"there\s+(?:are|is)\s+(?:still\s+)?(?:about|some|around|nearly|over|more\s+than|at\s+least)?\s*|"
    r"(?:part|some|several|most|many|few)\s+of\s+(?:the|those|these)|"
    # not freed: people sought, arrested, taken hostage, sentenced, killed, or their bodies handed over
    r"seek(?:s|ing)?|sought|arrest(?:s|ed|ing)?|seiz(?:e|es|ed|ing)|abduct(?:s|ed|ing)?|kidnap(?:s|ped|ping)?|"
    r"captur(?:e|es|ed|ing)|detain(?:s|ed|ing)|sentenc(?:es|ed|ing)|charg(?:es|ed|ing)|convict(?:s|ed|ing)|"
    r"kill(?:s|ed|ing)?|wound(?:s|ed|ing)?|bodies\s+of|remains\s+of|"
    # the victims of a deed: "sentenced for the killing of eight civilians" (issue 22, class 4)
    r"(?:killings?|murders?|deaths?|massacre|abduction|kidnapping)\s+of|"
    # what a prison holds or is built for: "a capacity of 9,000", "built for 2,500", "held about 14,000"
    r"capacity\s+(?:of|for)|(?:built|designed|meant)\s+for|hold(?:s|ing)?|(?<!been\s)held|hous(?:es|ed|ing)|"
    r"accommodat(?:es?|ed|ing)|population\s+of)\s*\W*\s*$",
    re.IGNORECASE,
)

TALLY_AFTER_RE = re.compile(
    # (not past a clause that tells the running total itself: "freed 14 on Tuesday, bringing the total released since
    # July to 330" is a release of 14; BRINGS_TOTAL_RE reads the 330)
    # ... nor past a superlative that ranks the release itself: "freed 52 on Thursday, its largest release so far", nor
    # past another count, the subject of its own words: "freed 20 prisoners, but more than 1,000 remain in jail")
    rf"^\W*(?:(?!(?:bringing|raising|taking|pushing|brings|raises|takes|pushes|largest|biggest|greatest|first|latest|"
    rf"highest|most)\b|\d)\w+\W+){{0,8}}?(?:remain(?:s|ed|ing)?|still|behind\s+bars|currently|languish\w*|are\s+(?:being\s+)?held|"
    rf"are\s+(?:in\s+)?(?:jail|prison)|(?:in|into|to)\s+house\s+arrest|"
    rf"(?<!held\s)(?<!jailed\s)(?<!detained\s)(?<!captured\s)(?<!imprisoned\s)since\s+(?:(?:January|February|March|April|May|June|July|August|"
    rf"September|October|November|December)\b|(?:19|20)\d\d|then|the\s+(?:start|beginning)|last\s+(?:year|summer|spring|autumn|fall|winter|month)|independence|{_SINCE_EVENT})|so\s+far|to\s+date|in\s+total|altogether|over\s+the\s+(?:past|last)\s+\w+\s+years|warrants?|"
    # arrested and released: people held for a while, a total of detentions ("the more than N prisoners who were
    # arrested and released"; issue 22, class 4)
    rf"arrested\s+and\s+(?:later\s+|then\s+|subsequently\s+|eventually\s+)?(?:released|freed)|"
    # "about 90 people have now been freed": the total reached by now (session 17)
    rf"(?:have|has)\s+now\s+been\s+(?:freed|released|pardoned|set\s+free)|"
    # released over a period, in waves: a running total (issue 22, class 4)
    rf"in\s+recent\s+(?:days|weeks|months|years)|in\s+(?:several|multiple|successive)\s+(?:waves|batches|rounds|stages)|"
    rf"(?:over|in|during|within)\s+the\s+(?:past|last|previous)\s+(?:\w+\s+)?(?:year|years|months|decade)\b|"
    rf"this\s+year\s+alone|"
    # released through many swaps: "freed 2,600 people through 50 previous exchanges" (issue 22, class 4)
    rf"(?:in|through|over|across|during|from)\s+(?:[2-9]|[1-9]\d+|two|three|four|five|six|seven|eight|nine|ten|several|"
    rf"multiple|successive|numerous|many|previous|past|earlier|dozens\s+of)\s+(?:(?:previous|past|earlier|separate|prisoner|"
    rf"successive)\s+)*(?:swaps|exchanges|releases|amnesties|pardons)\b|"
    # "The 24 sailors ... are also among the released", "six civilians were also included in the released group":
    # members of a release told elsewhere (issue 22, class 3)
    rf"(?:are|were|is|was)\s+(?:also\s+)?(?:among|included\s+(?:in|among))\s+(?:the|those)\s+(?:released|freed|pardoned|exchanged))",
    re.IGNORECASE,
)

# "Special forces freed two hostages in an overnight raid": a rescue by force, not a release by those holding them
RESCUE_RE = re.compile(r"\b(?:forces|troops|soldiers|commandos|police|army|military|marines)\b[^.;]{0,60}?"
                       r"\b(?:freed|rescued|liberated)\b[^.;]{0,80}?\b(?:mission|operation|raid|assault)\b"
                       # ... and in the passive: "four hostages have been freed by <Demonym> forces" (issue 22, class 4)
                       r"|\b(?:freed|rescued|liberated)\s+by\s+(?:[\w\-]+\s+){0,2}?(?:special\s+)?(?:forces|troops|"
                       r"commandos|marines)\b"
                       # "Police stormed the ranch, where they detained <A> and freed three hostages" (session 19)
                       r"|\b(?:forces|troops|soldiers|commandos|police|army|military|marines)\b[^.;]{0,40}?\b(?:storm|raid)\w*\b"
                       r"[^.;]{0,120}?\b(?:freed|rescued|liberated)\s+(?:[\w\-]+\s+){0,3}?hostages\b", re.I)

# "was released from prison on furlough": leave from prison, the sentence still to serve, not a release (issue 22,
# class 4)
FURLOUGH_RE = re.compile(r"\b(?:released|freed|let\s+out|allowed\s+out)\b[^.;]{0,40}?\bon\s+(?:a\s+)?(?:(?:temporary|medical|"
                         r"prison)\s+)?(?:furlough|leave)\b|\bfurlough(?:ed)?\b[^.;]{0,20}?\bfrom\s+(?:prison|jail)\b", re.I)

_HYPOTHETICAL_RE = re.compile(
    # a modal before a verb of knowing or saying ("should note that", "will recall that") bears on that verb,
    # not on the release its clause tells (issue 22, class 11)
    r"\b(?:(?:could|might|(?-i:may)|would|should|will)"
    r"(?!\s+(?:also\s+)?(?:note|know|recall|remember|say|confirm|announce|understand|add|stress)\s+that\b)|plans?\s+to|expected\s+to|offered\s+to|demand(?:s|ed|ing)?|"
    r"call(?:s|ed|ing)?\s+for|urg(?:e|es|ed|ing)|hope[sd]?|if|(?:is|are|was|were)\s+(?:set\s+|due\s+|yet\s+)?to\s+be|"
    r"(?:promised|pledged|vowed|refused)\s+to|"
    # someone pressed to free: "pressure <state> to release him", "asked the court to free" (issue 22, class 4)
    r"(?:press(?:es|ed|ing)?|pressur(?:e|es|ed|ing)|ask(?:s|ed|ing)?|request(?:s|ed|ing)?|lobb(?:y|ies|ied|ying)|"
    r"petition(?:s|ed|ing)?|implor(?:e|es|ed|ing)|beg(?:s|ged|ging)?)\s+(?:[\w’'\-]+\s+){1,3}?to|"
    # ... or asked that it be done: "requested that the government pardon <name>" (issue 22, class 4)
    r"(?:request(?:s|ed|ing)?|ask(?:s|ed|ing)?|demand(?:s|ed|ing)?|insist(?:s|ed|ing)?|recommend(?:s|ed|ing)?|"
    r"propos(?:e|es|ed|ing))\s+that|"
    # still to come: "is set to begin releasing hundreds", "are due to start freeing" (issue 22, class 4)
    r"(?:is|are)\s+(?:set|due|poised|scheduled|about)\s+to\s+(?:begin|start)|"
    # aimed at or agreed, not yet done: "targeting to release", "aims to free", "agreed to a swap to free"
    r"(?:target|aim|intend|seek|expect)(?:s|ed|ing)?\s+to|sought\s+to|"
    # a release still ahead, told by its adjective: "the impending release of 10 prisoners", "an upcoming swap"
    r"(?:impending|upcoming|forthcoming|planned|proposed|anticipated|prospective|potential|eventual)|"
    # a release not confirmed: "an unconfirmed release", "the sixth unconfirmed freed prisoner" (issue 22, class 4)
    r"(?:unconfirmed|unverified)|"
    r"agree[sd]?\s+(?:to|on)\s+(?:an?\s+|the\s+)?(?:[\w\-]+\s+){0,2}?(?:swap|exchange|deal)\s+(?:to|that\s+would))\s+(?:\w+\s+){0,3}$",
    re.IGNORECASE,
)

# a release told in the passive infinitive is wanted or planned, not done: "is pushing for three more Americans to be
# freed", "wants the 40 detainees to be released" -- unless it ranks the freed ("the first of 20 to be freed", "the
# latest prisoner to be released"; issue 22, class 4)
TO_BE_RELEASED_RE = regex.compile(
    r"(?<!\b(?:first|second|third|last|latest|only|one|among|number)\b[^.;:,]{0,30})\bto\s+be\s+(?:\w+\s+)?$",
    regex.IGNORECASE)


class _EitherPattern:
    """Patterns searched as one, as a compiled pattern's `search` (the first that matches)."""

    def __init__(self, *patterns) -> None:
        self.patterns = patterns

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize):
        for pattern in self.patterns:
            m = pattern.search(string, pos, min(endpos, len(string)))
            if m:
                return m
        return None


# what HYPOTHETICAL_RE's callers search before a release word (`search(sentence, start, end)` or a slice's)
HYPOTHETICAL_RE = _EitherPattern(_HYPOTHETICAL_RE, TO_BE_RELEASED_RE)

# "demanded the immediate and unconditional release of all detainees, recalling that 156 people ...": a call for a
# release, its adjectives too long for HYPOTHETICAL_RE's three words (issue 22, class 4)
DEMANDED_RELEASE_RE = re.compile(r"\b(?:demand(?:s|ed|ing)?|call(?:s|ed|ing)?\s+for|urg(?:e|es|ed|ing)|press(?:es|ed|ing)?\s+for)"
                                 r"\s+(?:the\s+)?(?:(?:immediate|unconditional|swift|prompt|urgent|speedy|safe)(?:,|\s+and)?\s+)+$",
                                 re.I)


# a release denied: "the three men were not exchanged with anyone", "have never been freed", "weren't released"
# (issue 22, class 4)
NEGATED_BEFORE_RE = re.compile(r"\b(?:not|never|n[’']t)\s+(?:yet\s+)?(?:been\s+|be\s+)?$", re.I)


def is_negated(sentence: str, trigger_start: int) -> bool:
    """Whether the release word at `trigger_start` is denied (see NEGATED_BEFORE_RE)."""
    return bool(NEGATED_BEFORE_RE.search(sentence, max(0, trigger_start - 30), trigger_start))


def is_hypothetical(sentence: str, trigger_start: int) -> bool:
    """Whether the release word at `trigger_start` is wished for, planned or called for, not done."""
    return bool(HYPOTHETICAL_RE.search(sentence[max(0, trigger_start - 40):trigger_start])
                or DEMANDED_RELEASE_RE.search(sentence[max(0, trigger_start - 80):trigger_start]))


# the terms of a deal ("the deal allows five citizens to leave in exchange for the release of five others"):
# what it provides for, not a release carried out (issue 22, class 4)
DEAL_TERMS_RE = re.compile(r"\b(?:deal|agreement|accord|arrangement)\b[^;]{0,120}?\b(?:allows?|would\s+allow|(?:will|would)\s+see|"
                           r"provides\s+for|envisages?|calls\s+for|foresees?|stipulat(?:es|ed|ing)|sets\s+out|specifies)\b",
                           re.I)


SINCE_DATE_RE = re.compile(
    r"\bsince\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
    rf"|(?:19|20)\d\d\b|then\b|the\s+(?:start|beginning)\b|{_SINCE_EVENT}\b)", re.IGNORECASE)


# "176 priests expelled, banned or barred from entering the country since 2018": a running total, however
# many words stand between the count and its 'since <year>' (not "held since 2020": who they are)
# ("... have been released since the start of 2018": the start, beginning or end of a year too)
LATE_SINCE_RE = re.compile(r"^(?:(?!\b(?:who|whom|which|that|after|before|when|while|because|following|by)\b)[^.;\d]){0,90}?(?<!held\s)(?<!jailed\s)(?<!detained\s)(?<!captured\s)(?<!imprisoned\s)"
                           r"\bsince\s+(?:the\s+(?:start|beginning|end)\s+of\s+)?(?:19|20)\d\d\b", re.IGNORECASE)


# a rate, not an occasion: "releasing an average of 150 prisoners a day", "about 40 inmates per week" (issue 22, class 4)
RATE_BEFORE_RE = re.compile(r"\b(?:an\s+)?average\s+of\s+(?:(?:some|about|around|nearly|almost|roughly|more\s+than|over|up\s+to)\s+)?$",
                            re.I)
RATE_AFTER_RE = re.compile(r"^\s*(?:[\w\-]+\s+){0,3}?(?:a|per|each|every)\s+(?:day|week|month|year)\b"
                           r"(?!\s+(?:earlier|ago|later|before|after|on|in|into|from)\b)", re.I)


# "Over the past year, the government has released 700 prisoners": a period opening the sentence
PERIOD_LEAD_RE = re.compile(r"^\W*(?:Over|In|During|Throughout|For)\s+(?:the\s+(?:past|last)|more\s+than|nearly|almost|over)"
                            r"\s+(?:[\w\-]+\s+)?(?:year|years|months|weeks|decade|decades)\b"
                            # "In total, since the end of the war, ...": a period since an event or a year opening
                            # the sentence (issue 22, class 4)
                            r"|^\W*(?:(?:In\s+total|Altogether|Overall),?\s+)?since\s+(?:the\s+|(?:19|20)\d\d\b|"
                            # "Since March, the government had released some 5,000 ..." (issue 22, class 4)
                            r"(?:last\s+)?(?-i:January|February|March|April|May|June|July|August|September|October|"
                            r"November|December)\b)", re.I)


# "freed a total of 312 detainees on Friday": the total of one occasion, told in the simple past, is a release
# (a total over a period still meets TALLY_AFTER_RE: "since ...", "so far")
ONE_OCCASION_TOTAL_RE = re.compile(r"(?<!has\s)(?<!have\s)(?<!had\s)\b(?:freed|released|pardoned|set\s+free|"
                                   # "the swap that saw a total of 215 soldiers released" (issue 22, class 2)
                                   r"(?:swap|exchange|deal)\s+(?:that|which)\s+saw)\s+"
                                   r"a\s+total\s+of\s*$", re.I)


# "A total of 50 prisoners were released and returned home", "In total, 390 <A> and 390 <B> were exchanged": the
# subject of a release in the simple past, one occasion's total (a total over a period still meets TALLY_AFTER_RE;
# "have been freed" stays a running total)
TOTAL_OF_BEFORE_RE = re.compile(r"\b(?:a|the)\s+total\s+of\s*$"
                                # (or the sentence opened by it: "In all, 300 prisoners walked free on Tuesday"; issue 22)
                                r"|^\W*(?:In\s+all|In\s+total|Altogether|Overall),?\s+(?:some\s+|about\s+|around\s+|nearly\s+)?$",
                                re.I)
TOTAL_FREED_AFTER_RE = re.compile(r"^\s*(?:and\s+\d[\d,]*\s+)?(?:[\w\-]+\s+){0,2}?(?:(?:were|was)\s+(?:released|freed|set\s+free|exchanged|swapped)|walked\s+free|"
                                  r"walked\s+out\s+of\s+(?:the\s+)?(?:[\w\-’']+\s+){0,2}?(?:prisons?|jails?|detention|custody)\b|"
                                  # "A total of 1,693 people received special presidential pardons" (issue 22, class 11)
                                  r"received\s+(?:[\w\-]+\s+){0,2}?(?:pardons?|amnesty|clemency))\b"
                                  r"(?![^.;]{0,60}\b(?:since|so\s+far|to\s+date|this\s+year|last\s+year|in\s+total|between|"
                                  r"(?:over|during|in)\s+the\s+(?:past|last)|(?:over|during|throughout)\s+(?:the\s+)?\d)\b)", re.I)


# "15 others had their sentences shortened": a term cut, the people still in prison, not a release (issue 22, class 4)
SHORTENED_AFTER_RE = re.compile(r"^\s*(?:[\w\-]+\s+){0,3}?(?:had|have|has|got|get|received|saw|will\s+have)\s+(?:also\s+)?"
                                r"(?:their|his|her)\s+(?:prison\s+|jail\s+)?(?:sentences?|terms?)\s+(?:\w+\s+)?"
                                r"(?:shortened|reduced|cut|halved|lightened|lowered)\b", re.I)


# "Out of the 108 soldiers exchanged, five were flown to a third country": a group told before, named again to
# speak of a part of it (issue 22, class 2)
# ("Of the 40 detainees released on Friday, 26 were students" keeps its 40: OF_PART_BEFORE_RE makes the 26 the part)
GROUP_OF_LEAD_RE = re.compile(r"^\W*Out\s+of\s+(?:the|these|those)\s+$", re.I)

# "bringing the number of hostages freed to 50, along with 19 others", "raises the total to ...": every count of
# the clause after it is a running total, not one release (issue 22, class 4)
BRINGS_TOTAL_RE = re.compile(r"\b(?:br(?:ing|ings|inging|ought)|rais(?:e|es|ed|ing)|push(?:es|ed|ing)?|tak(?:e|es|ing)|took)\s+"
                             r"(?:the|its|their)\s+(?:[\w\-]+\s+){0,2}?(?:number|total|tally|count)\b[^.;:]*$", re.I)

# "<names> were among a total of 5,000 prisoners who were being released": the members' release, a release
AMONG_BEFORE_RE = re.compile(r"\bamong\s+(?:a\s+total\s+of\s+)?$", re.I)
RELEASED_AFTER_RE = re.compile(
    r"^\s*(?:[\w\-]+\s+){0,3}?(?:who|that)\s+(?:(?:were|are|was|have\s+been|had\s+been)\s+(?:being\s+)?"
    r"(?:released|freed|pardoned|set\s+free)|(?:received|got|were\s+granted)\s+(?:a\s+|royal\s+|presidential\s+)*"
    r"(?:pardons?|amnest(?:y|ies)|clemency))\b"
    # the relative clause cut short: "among a total of 431 prisoners released by a presidential pardon"
    r"|^\s*(?:released|freed|pardoned|set\s+free)\s+(?:by|under|in|on|after|through|as|from|last|this)\b", re.I)


# the count is the subject of a capture, not of a release: "about 240 hostages were taken in the attack", "17 crew
# members were seized" (issue 22, class 4: hostages taken)
TAKEN_AFTER_RE = re.compile(r"^\s*,?\s*(?:were|was|had\s+been|have\s+been|are\s+being)\s+(?:abducted|kidnapped|seized|captured|"
                            r"taken\s+(?:hostage|captive|prisoner|into\s+captivity|(?:during|in|on)\s+(?:the\s+)?"
                            r"(?:[\w\-]+\s+){0,3}?(?:attack|raid|assault|incursion|ambush)))\b"
                            # "... were kidnapped and later released": the same people, freed
                            r"(?![^.;]{0,60}?\b(?:and|then|before\s+being)\s+(?:were\s+|have\s+been\s+|had\s+been\s+|later\s+|"
                            r"subsequently\s+|eventually\s+|all\s+)*(?:released|freed|set\s+free))", re.I)

# a part of a group told before it: "Of the 50 hostages released under the deal, 30 were children", "Of those
# freed, 12 were women" (not "Of the 801 pardoned, 463 were released": that part is the release itself)
OF_PART_BEFORE_RE = re.compile(r"^\W*(?:[Aa]nd\s+)?[Oo]f\s+(?:the\s+(?:\d[\d,]*|[\w\-]+)|those|these|them)\b[^.;:]{0,80},\s*$")
PART_RELEASED_AFTER_RE = re.compile(r"^\s*(?:[\w\-]+\s+){0,2}?(?:(?:were|was|have\s+been|had\s+been|are\s+being|will\s+be)\s+"
                                    r"(?:released|freed|set\s+free|pardoned|let\s+out)|(?:have\s+|had\s+)?(?:already\s+)?"
                                    r"(?:walked|walk)\s+free|(?:have\s+|had\s+)?left\s+(?:prison|jail))\b", re.I)

# "The 17 Americans freed were among the 24 people released": the counted group is a member of the larger count
MEMBER_OF_COUNT_AFTER_RE = re.compile(r"^\W*(?:(?:[\w\-]+\W+){0,3}?(?:are|were|is|was)\s+(?:also\s+)?|,\s*)among\s+"
                                      r"(?:the\s+|a\s+total\s+of\s+)?(?:\d|(?:some|about|nearly|more\s+than)\s+\d)", re.I)


# "the amnesty is expected to benefit about 2,000 prisoners", "the decree will cover 700 inmates": how many a measure
# is to reach, not people freed (issue 22, class 4: announced, not done)
TO_BENEFIT_BEFORE_RE = re.compile(r"\b(?:(?:expected|set|due|likely|going|intended|meant)\s+to|will|would|could|may|might|"
                                  r"should|is\s+to|are\s+to)\s+(?:\w+\s+)?(?:benefit|cover|affect|apply\s+to|concern|reach)\s+"
                                  r"(?:(?:up\s+to|some|about|around|nearly|almost|roughly|more\s+than|over|at\s+least|an\s+estimated)\s+)?$",
                                  re.I)


# a status breakdown of a mass detention's cases: "N people had been released and the cases of M others were still
# pending" (issue 22, class 4): the freed are a figure of a tally, not one occasion's release
STILL_HELD_OTHERS_AFTER_RE = re.compile(
    r"^[^.;:]{0,50}?\b(?:and|while|whereas)\s+(?:the\s+(?:cases?|trials?|files?)\s+of\s+(?:\d[\d,]*|[a-z]+)\s+(?:others|more)\s+"
    r"(?:[^.;:]{0,30}?\s)?(?:(?:are|were|was|is)\s+still|still|remain(?:s|ed)?|(?:are|were)\s+pending)|"
    r"(?:\d[\d,]*|[a-z]+)\s+(?:others|more)\s+(?:are|were)\s+(?:still\s+)?pending)\b", re.I)

# the people whose cases are pending: "12 others are (still) pending trial"
PENDING_AFTER_RE = re.compile(r"^\W*(?:\w+\W+){0,3}?(?:are|were|is|was)\s+(?:still\s+)?pending\b", re.I)


# words in folded(text) of every match of STILL_HELD_OTHERS_AFTER_RE, TAKEN_AFTER_RE and SHORTENED_AFTER_RE (PENDING_AFTER_RE
# needs "pending", MEMBER_OF_COUNT_AFTER_RE "among")
STILL_HELD_WORDS = ("others", "more")
TAKEN_WORDS = ("abducted", "kidnapped", "seized", "captured", "taken")
SHORTENED_WORDS = ("shortened", "reduced", "cut", "halved", "lightened", "lowered")


# an amnesty legislators back or pass: the bill, not the release it may bring (issue 22, class 4; the real-news
# gold's convention: "an amnesty bill passed by one house" is no release)
LEGISLATORS_BACK_AMNESTY_RE = re.compile(
    r"\b(?:MPs|lawmakers|legislators|deputies|senators|parliament(?:arians)?|the\s+(?:lower|upper)\s+house|"
    r"the\s+(?:Duma|Senate|Congress|Assembly|National\s+Assembly))\b[^.;]{0,40}?\b(?:backed|approved|passed|"
    r"voted\s+(?:for|through)|adopted|endorsed)\s+(?:a|an|the)\s+(?:[\w\-]+\s+){0,3}?amnesty\s+(?:bill\s+|law\s+)?"
    r"(?:for|covering|that\s+could\s+free|to\s+free)\s+(?:\w+\s+){0,2}$", re.I)
# ... unless the sentence tells the release done
DONE_RELEASE_RE = re.compile(r"\b(?:were|was|have\s+been|has\s+been)\s+(?:\w+\s+)?(?:freed|released|set\s+free)\b|"
                             r"\bwalked\s+(?:free|out)\b", re.I)


def is_tally(sentence: str, start: int, end: int) -> bool:
    """True when the count at sentence[start:end] is a stock or running total."""
    if start <= 20 and GROUP_OF_LEAD_RE.match(sentence[:start]):
        return True
    before = sentence[max(0, start - 40):start]
    after = sentence[end:end + 80]
    if "average" in before.lower() and RATE_BEFORE_RE.search(before) or RATE_AFTER_RE.match(after):
        return True
    if (TALLY_BEFORE_RE.search(before) and not ONE_OCCASION_TOTAL_RE.search(before)
            and not (AMONG_BEFORE_RE.search(before) and RELEASED_AFTER_RE.match(after))
            and not (TOTAL_OF_BEFORE_RE.search(before) and TOTAL_FREED_AFTER_RE.match(after))) \
            or TALLY_AFTER_RE.search(after) or PERIOD_LEAD_RE.match(sentence):
        return True
    low_after = folded(after)  # (each pattern on `after` below needs one of its words: a literal test first)
    if any(w in low_after for w in STILL_HELD_WORDS) and STILL_HELD_OTHERS_AFTER_RE.match(after) \
            or "pending" in low_after and PENDING_AFTER_RE.match(after):
        return True
    if any(w in low_after for w in TAKEN_WORDS) and TAKEN_AFTER_RE.match(after) \
            or "among" in low_after and MEMBER_OF_COUNT_AFTER_RE.match(after) \
            or any(w in low_after for w in SHORTENED_WORDS) and SHORTENED_AFTER_RE.match(after) \
            or TO_BENEFIT_BEFORE_RE.search(sentence, max(0, start - 60), start):
        return True
    if start <= 120 and OF_PART_BEFORE_RE.match(sentence, 0, start) and not PART_RELEASED_AFTER_RE.match(after):
        return True
    if "amnesty" in sentence[max(0, start - 120):start].lower() and LEGISLATORS_BACK_AMNESTY_RE.search(
            sentence, max(0, start - 120), start) and not DONE_RELEASE_RE.search(sentence):
        return True  # "MPs on Wednesday backed an amnesty for at least 20,000 prisoners": a bill, no release yet
    if "total" in (low := sentence[max(0, start - 120):start].lower()) or "number" in low or "tally" in low \
            or "count" in low:
        if BRINGS_TOTAL_RE.search(sentence, max(0, start - 120), start):
            return True
    # both patterns below need 'since' (see folded): most counts have none around them
    before = sentence[max(0, start - 80):start]
    later = sentence[end:end + 140]  # (LATE_SINCE_RE reads up to 90 characters before its "since <year>")
    return bool("since" in folded(before) and SINCE_DATE_RE.search(before)
                or "since" in later.lower() and LATE_SINCE_RE.search(later))
