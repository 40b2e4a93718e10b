"""Telling a thank-you note from a follow-up when the metadata does not say.

The norms differ (a follow-up may ask about timing, must not come too soon), so the kind
decides which rules apply. The signals are phrases of each genre, weighed against each other.
"""

from __future__ import annotations

import re

#: "thank you for", "thanks so much for": thanks for something the reader did.
_THANKS_FOR = r"\bthank(?:s| you)(?: so much| very much)? for"
#: "following up", "follow-up", "followup".
_FOLLOWING_UP = r"\bfollow(?:ing)?[- ]?up(?: po)?"  # (with the Filipino courtesy "po": "just following up po on ...")
#: The job a decision is about, ending its phrase: "on the weekend job?", "about the night carer
#: job yet" (not "on the night shift rota", a topic).
_ON_THE_JOB = (
    r" (?:on|about) (?:the|my) (?:[\w-]+ ){0,2}(?:job|role|position|post|vacancy|application|candidates?|shift)"
    r"(?=\s*(?:[?.,!]|$|yet\b|and\b|or\b))"
)
#: (pattern, weight): phrases of a follow-up about the status of an application.
_FOLLOW_UP = [
    (
        # (the job named with its title: "following up on the bindery assistant job")
        # ("just following up - again - on the porter job")
        _FOLLOWING_UP
        + r"(?:\s*[-\u2013\u2014,]+\s*again\s*[-\u2013\u2014,]+\s*| again)? (?:on|regarding|about|after|re) (?:my|the|our|your) (?:[\w'-]+ ){0,5}?"
        r"(?:interview|application|candidacy|job|role|position|post|vacancy|opening|trial|shift|assessment"
        r"|submission|take-home|task|exercise|assignment)\b",
        2,
    ),
    # (the preposition dropped, as second-language writers do: "I am following up my CSR application")
    # (not a promise: "I'll be following up my application with the certificates")
    (
        r"(?<!ll be )(?<!will be )"
        + _FOLLOWING_UP
        + r" (?:my|the) (?:[\w'-]+ ){0,3}?(?:application|candidacy)\b(?! with\b)",
        2,
    ),
    # (lighter for a conversation: "I wanted to follow up on our conversation while it is still
    # fresh" is how a thank-you adds to an answer; not when the job follows: "follow up on our
    # meeting on 14 March regarding the coordinator position")
    (
        _FOLLOWING_UP
        + r" (?:on|regarding|about|after|re) (?:my|the|our|your) (?:[\w'-]+ ){0,3}?(?:conversation|meeting|call|chat)\b",
        1,
    ),
    (
        _FOLLOWING_UP
        + r" on (?:our|my|the) (?:meeting|conversation|call|chat)\b[^.?!]{0,40}\b(?:regarding|about|for|re) (?:the|my) "
        r"(?:[\w'-]+ ){0,4}?(?:position|role|job|post|vacancy|application)\b(?![^.?!]{0,30}\bto (?:say )?thank)",
        1,
    ),
    (r"\bcheck(?:ing)? (?:in )?(?:on|about|regarding) (?:the )?(?:status|my application|the (?:role|position))\b", 2),
    # (typed fast too: "just checkin in on the hvac job")
    (r"\bcheck(?:ing|in'?)? in\b|\b(?:just )?checking (?:whether|if)\b", 1),
    # The round named by its day: "following up on Thursday's final round" (the interview itself,
    # as "following up on our interview" is above; not "following up on Thursday's interview to
    # say thank you")
    (
        _FOLLOWING_UP + r" on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|last week)'s "
        r"(?:[\w-]+ ){0,2}?(?:interview|call|meeting|chat|round|conversation|panel|visit|assessment)\b"
        r"(?![^.?!]{0,30}\bto (?:say )?thank)",
        2,
    ),
    # Whether the reader has chosen: "just checking if you decided on the weekend job", "whether
    # Mr. Sato has had a chance to review the proposal" (asked: not "whether the team has chosen a
    # supplier", "whether the board has decided on the Leeds site", "I'm not sure whether Priya has
    # had a chance to see the rota")
    (
        r"\b(?:if|whether) (?:you|u|the (?:team|panel|company|store|manager|board))(?:'ve| have| has)? "
        r"(?:decided(?= yet\b|\s*[?.,!]|\s*$|" + _ON_THE_JOB + ")"
        r"|(?:chosen|picked) (?:someone|anyone|a candidate|the successful))"
        # asked outright: "did u decide about the night carer job yet?"
        r"|\bdid (?:you|u|y'?all|you guys|u guys) (?:decide|make a decision)(?= yet\b|\s*[?.,!]|\s*$|"
        + _ON_THE_JOB
        + ")"
        r"|\b(?:ask|asking|know|wondering|wonder|check|checking|see|find out|enquire|inquire) (?:whether|if)\b"
        r"(?:[^.?!]|\b(?:mr|mrs|ms|dr|prof)\.){0,40}\b(?:has|have) had (?:a|an|the) (?:chance|opportunity) to\b",
        2,
    ),
    # Whether the job has gone, asked: "has the position been filled?", "whether the Regional
    # Director role has in fact been filled" (not "you mentioned the supervisor role has been filled")
    (
        r"\b(?:has|have) (?:the|my|this|that) (?:position|role|job|vacancy|post|opening) (?:already |now |yet )?been filled\b"
        # (the employer named after the job: "whether the planner post at Ashgrove Water has been filled")
        r"|\b(?:whether|if) (?:the|my|this|that) (?:[\w-]+ ){0,4}?(?:position|role|job|vacancy|post|opening)"
        r"(?: (?:at|with|for)(?: [\w&'.-]+){1,4}?)? (?:has|have|had) "
        r"(?:(?:in fact|already|now|since|yet) )?been filled\b"
        # (asked bluntly: "Is the job filled or not?")
        r"|\bis (?:the|this|that) (?:position|role|job|vacancy|post|opening) (?:already |now |still )?(?:filled|taken|gone)\b",
        2,
    ),
    # Asking whether there is news: "I write to ask if there is news about the job" (not "if there
    # is news before then, my mobile is best")
    (
        r"\bis there (?:any |some )?(?:news|word)\b"
        r"|\b(?:ask|asking|know|see|check|checking|wondering|wonder|enquire|inquire) (?:if|whether) there(?: is|'s) (?:any |some )?(?:news|word)\b",
        2,
    ),
    (r"\btouch(?:ing)? base (?:on|about|regarding|re|with you (?:on|about|regarding))\b", 2),
    (r"\b(?:any|an) (?:(?:further|new|recent|more) )?(?:updates?|news)\b", 2),
    # a hurried nudge, asked: "any decision yet on the analyst role?? been a while" (not "I know there
    # won't be any decision yet, as you have four more to see")
    # Feedback asked after, as a recruiter is asked: "whether the client has given you any feedback
    # yet" (not "thank you for the feedback on my answer").
    (r"\bany feedback (?:yet|so far)\b|\b(?:given|had|got|received) (?:you |us )?any feedback\b", 2),
    # A take-home sent in, with no word of thanks: "Here is my submission for the take-home",
    # "please find attached my completed task" (sent with thanks for the interview and the
    # chance, it is a thank-you that carries the work).
    (
        r"^(?![\s\S]*\bthank)[\s\S]*?\b(?:here(?: is|'s)|please find (?:attached|enclosed|below)|attached is|i(?:'ve| have) attached) "
        r"my (?:completed |finished )?(?:submission|solution|take-home|assignment|task|exercise|case study)\b",
        2,
    ),
    # The same, named by what was made for it: "here's the R script and map for the habitat
    # exercise", "attached is the rota I drew up for the scheduling task".
    (
        r"^(?![\s\S]*\bthank)[\s\S]*?\b(?:here(?: is|'s| are)|please find (?:attached|enclosed|below)|attached (?:is|are)"
        r"|i(?:'ve| have) attached)\b[^.?!\n]{0,80}?\b(?:for|from) the [^.?!\n]{0,40}?"
        r"\b(?:submission|take-home|assignment|task|exercise|case study|test)\b",
        2,
    ),
    # ("any decision on the postdoc (ref 4471)?", the job named instead of "yet")
    (
        r"\bany decisions? yet\b[^.!?\n]*\?|\bany decisions? (?:on|about|regarding|re|for) (?:the|my) [^.!?\n]{1,50}\?",
        2,
    ),
    # Silence held against the reader: "until now nobody is answering my emails", "no one has got
    # back to me" (not "nobody answered the phone at the depot" in a thank-you's story, which has
    # no possessive and no "me").
    (
        r"\b(?:nobody|no one|no-one)\b[^.?!]{0,20}\b(?:answer(?:s|ed|ing)?|repl(?:y|ies|ied|ying)|respond(?:s|ed|ing)?|got back|gets back|getting back|get back"
        # ("Nobody call me back", "no one has rung me")
        r"|call(?:s|ed)?|rings?|rang|rung|phone(?:s|d)?)"
        r"(?: to)? (?:me|my)\b",
        2,
    ),
    (_FOLLOWING_UP + r" to (?:see|ask|check|find out|inquire|enquire|learn)\b", 2),
    # a second-language writer's errand: "I am writing for follow up my interview"
    (r"\bwriting for follow(?:ing)?[- ]?up\b", 2),
    # A reply to the reader's own request: "Thank you for your e-mail this morning. As requested,
    # I have attached ...", "thank you for sending over the times for the panel interview".
    # ("Thank you for your email and for asking to see my work. Please find attached my portfolio",
    # "Thank you for letting me know the panel would like references. As requested, here are ...")
    (
        r"\bthank(?:s| you)(?: so much| very much)? for (?:your e-?mail|letting me know|getting back to me)\b[^.?!]*[.!]\s+"
        r"(?:as (?:you )?(?:requested|asked)\b|please find (?:attached|enclosed)\b|i(?:'ve| have) attached\b|attached (?:is|are)\b"
        r"|here (?:is|are)\b)",
        3,
    ),
    # Sending what the panel asked for, after thanks said before: "Thank you again for Thursday's
    # interview. As you asked, I have attached the scheme of work" (not "Thank you for meeting
    # with me on Tuesday. As requested, I have attached my references", a thank-you that sends
    # them; light, as a same-day thank-you may say "again" too).
    (
        r"\bthank(?:s| you) again for\b[^?!]{0,120}?\bas (?:you )?(?:asked|requested)\b[^.?!]{0,12}\b"
        r"(?:i (?:have |'ve )?(?:attached|attach|enclosed|enclose|am attaching|am sending|sent)|here (?:is|are))\b",
        1,
    ),
    (
        r"\bthank(?:s| you)(?: so much| very much)? for sending(?: me)?(?: over)?(?: the)? (?:times|slots|dates|time slots)\b",
        2,
    ),
    # An update request: wanting to know when, whether or where a decision, result or process
    # stands. Light, since a thank-you may ask when a decision is expected as its one question.
    (
        # (the offer as a thing, not a verb: "whether the school would be able to offer the induction")
        r"\b(?:know|ask|find out|check|see|hear) (?:if|whether|when|where)\b[^.?!]{0,80}\b(?:decision|results?|next steps?|application|candidacy|stands?|status|offer)\b"
        r"(?! (?:the|a|an|me|you|us|them|it|this|that|any|some|my|your|their|to)\b)",
        1,
    ),
    # Work already handed in: "I submitted the exercise", "sent my assignment".
    (
        r"\b(?:sent|submitted|did|completed|finished|returned|uploaded) (?:the|my|our) (?:homework|assignment|test|task|exercise|challenge|submission|take-home|solution)\b",
        1,
    ),
    (
        r"\bwhere (?:my|the) (?:application|candidacy|search|process)\b[^.?!]{0,20}\bstands?\b"
        # (not "where you are in the process of moving the archive")
        r"|\bwhere (?:you|things) are in the (?:hiring |selection |recruitment |interview )?process\b(?! of\b)",
        2,
    ),
    # A status letter: writing about an interview already past, asking after its result ("I am
    # writing with regard to my interview on 21 February", "I want to ask about the result", "is
    # decision made?", "if there has been any decision made yet").
    (
        r"\bwriting (?:with regards? to|regarding|in (?:regard|relation) to|concerning) (?:my|the) (?:recent )?interview\b"
        # "I write further to my interview of 12 May", "whether a decision has yet been reached"
        r"|\b(?:write|writing) further to (?:my|the|our) (?:recent )?interview\b"
        r"|\b(?:whether|if) (?:a|the|any) decision (?:has|have) (?:yet |now |already )?been (?:made|taken|reached)\b"
        r"|\b(?:ask|asking|enquire|inquire|enquiring|inquiring) (?:about|after|regarding) (?:the|my) (?:result|outcome|decision|status)\b"
        r"|\b(?:is|has|have|was) (?:there )?(?:been )?(?:any |a |the )?decision (?:been )?(?:made|taken|reached)\b"
        r"|\bany decision (?:made|taken|reached|yet)\b",
        2,
    ),
    # A competing offer, or a request to speed things up.
    (
        r"\b(?:have|had|received|got|holding|weighing|considering) (?:an|another|other|two|a competing|a second|an outside|some other) (?:job |written |firm )?offers?\b|\boffers? from (?:another|other)\b|\bexpedite\b"
        # "could you hurry the decision", "speed up the process"
        r"|\b(?:hurry|speed up|fast-track|bring forward) (?:the|your|a) (?:decision|process|outcome)\b"
        r"|\b(?:been|was|got) offered (?:a|an|another)\b[^.?!]{0,40}\b(?:another|other|elsewhere)\b"
        # "another bakery has since offered me a place"
        r"|\b(?:another|a different|one other) (?:[\w'&-]+ ){0,2}(?:has |have |had )?(?:since |now |just |also )?offered me\b"
        # "as I need to revert on one more offer by Friday", "I have to reply to another offer"
        r"|\b(?:revert|respond|reply|answer|get back) (?:on|to) (?:one more|another|the other|a second|an other|one other) (?:job )?offers?\b",
        # (heavier than the day words: "I received an offer from another company yesterday")
        3,
    ),
    # "Did you receive my last email?", "you have received my submission": a message already sent.
    (
        r"\b(?:receive[ds]?|receiving|got|get|see|saw|seen) my (?:last |previous |earlier |recent )?(?:e-?mail|message|note|submission|application|assignment|test|homework|references?)\b",
        2,
    ),
    # Complaints of silence.
    (
        r"\b(?:no|never (?:got|received|had)|not (?:yet )?(?:got|received|had)|haven'?t (?:yet )?(?:got|received|had)|hasn'?t been) "
        r"(?:yet )?(?:any |a )?(?:response|reply|answer|feedback|word|communication|acknowledge?ment|news|call)\b"
        r"|\bgone (?:quiet|silent)\b|\b(?:total|complete|utter|stony) silence\b|\bdid(?:n'?t| not) (?:yet )?(?:receive (?:any|a|an|your)|hear (?:back|anything|nothing(?! but\b)|from|the result|any))\b"
        # ("I didn't get answer": the article is often dropped; "received nothing", not "heard
        # nothing but good things" or "had nothing to do with")
        r"|\bdid(?:n'?t| not) (?:yet )?get (?:any |a |an )?(?:answer|reply|response|news)\b"
        r"|\b(?:received|heard) nothing(?: back| since| from (?:you|anyone)| yet| in (?:a|two|three|four|\d+) (?:weeks?|months?)|\s*[,.;!])"
        # The writer still waiting, or a sentence that starts so ("Still waiting to hear back"),
        # not things: "four thousand objects still waiting for numbering".
        r"|(?:^|[\n.!?:;,]\s*|\b(?:i|we|im|i'm|i am|we're|we are|i've been|we've been|ive been|and|but|so|just) )still waiting\b",
        2,
    ),
    # Asking for news, or answering the reader's news: "is there some news about the job",
    # "thanks for the update".
    (
        r"\bsome news\b|\b(?:any|some) word\b"
        "|"
        + _THANKS_FOR
        + r" (?:the|your) (?:(?:quick|prompt|fast|speedy|swift) )?(?:update|reply|response|news|message|note)\b"
        # a reply to the reader's message: "thanks for getting back to me so quickly"
        "|" + _THANKS_FOR + r" (?:(?:so )?(?:quickly|promptly) )?(?:getting|coming|writing) back to me\b"
        # (not "... back to me so quickly to arrange the interview", before it)
        r"(?! (?:so )?(?:quickly |promptly )?(?:to|and) (?:arrange|schedule|set up|book|confirm|invite))"
        # ("thank you for letting me know about the delay", "for keeping me updated"; not "for
        # letting me know about the training scheme" on the day)
        "|" + _THANKS_FOR + r" letting me know (?:about )?(?:the|your) (?:delay|update|timeline|progress)\b"
        # ("thank you for letting me know that the committee needs another two weeks")
        "|" + _THANKS_FOR + r" letting me know\b[^.?!]{0,60}\b(?:needs?|will need|requires?|takes?|is taking) "
        r"(?:another|a further|an extra|a few more|more|\w+ more) (?:(?:few|couple of|two|three|four|\d+) )?(?:days?|weeks?|time)\b"
        "|(?:" + _THANKS_FOR + r"|\bappreciate you|\bappreciate) keeping me (?:updated|informed|posted)\b",
        2,
    ),
    (
        # (the article dropped, as second-language writers do: "I want to know result")
        r"\b(?:know|hear|tell me|(?:inform|update) me (?:of|about|on|regarding)) (?:the |my )?(?:result|outcome|decision)\b",
        1,
    ),
    # Good news answered at once: "Thanks, that's great news! Tuesday at 2pm works for me." (not
    # "that's wonderful news about the rebuild" further on in a thank-you)
    (
        r"\bthanks?(?: you)?(?: so much)?[,!.]? (?:that'?s|that is) (?:such )?(?:great|good|wonderful|fantastic|brilliant|lovely) news\b",
        2,
    ),
    # Answering the reader's arrangements: "Tuesday at 2pm works well for the second interview",
    # "Tuesday at 10:30 is fine for the second interview",
    # "the final round on the 4th at 9:30 is fine for me",
    # "my referees have told me you've been in touch" (not "the trial shift on Saturday works for
    # me", "my referee told me so much about your lab", "my referees have confirmed they are happy
    # to be contacted"; papers "you asked for" are sent with thank-you notes as often).
    (
        r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d{1,2}(?:[:.]\d\d)? ?[ap]\.?m\.?|noon|that (?:time|slot|date)"
        r"|either (?:day|time|slot))\b(?: (?:at|on|the|morning|afternoon|\d{1,2}(?:[:.]\d\d)?(?:st|nd|rd|th)?|[ap]\.?m\.?)){0,4}"
        r" (?:works|suits|is (?:fine|good|great|perfect|ok|okay))(?: (?:well|fine|great|perfectly))?(?: me| for me| with me)?(?: for)? (?:the|my|our) "
        r"(?:second|third|next|follow-up|final|2nd|3rd) (?:interview|round|stage|call|meeting)\b"
        # the same the other way round, its day or time named: "the second interview on Thursday
        # at 10:00 is fine for me" (not "the second interview is a practical task, which suits me")
        r"|\b(?:the|my|our) (?:second|third|next|follow-up|final|2nd|3rd) (?:interview|round|stage|call|meeting) (?:on|at)\b"
        r"[^.?!]{0,30}\b(?:is (?:fine|good|great|perfect|ok|okay)|works|suits)(?: (?:well|fine|great|perfectly))?(?: for| with)? me\b"
        r"|\bmy (?:references|referees|reference|referee)\b(?:[^.?!]|\b(?:dr|mr|mrs|ms|prof)\.){0,60}"
        r"\b(?:(?:have|has) (?:now |both |all |already )?(?:been contacted by you|heard from you|been in touch with you)"
        r"|(?:told me|let me know) (?:that )?you(?:'ve| have)? (?:been in touch|contacted|called|rung|phoned|e-?mailed|spoken))\b",
        2,
    ),
    # Silence as a complaint: "nobody has bothered to reply", "the courtesy to respond".
    (
        r"\b(?:nobody|no one|no-one) (?:(?:has|had) )?(?:bothered to |had the (?:time|courtesy) to )?(?:reply|replied|replies|respond|responded|responds|answer|answered|answers|got(?:ten)? back)\b"
        r"|\bcourtesy to (?:reply|respond|answer|let me know)\b|\bfind the time to (?:reply|respond|answer)\b"
        # "nobody has rung me back", "no one called back"
        r"|\b(?:nobody|no one|no-one) (?:(?:has|had) )?(?:rung|rang|called|phoned|emailed|e-mailed) (?:me )?back\b",
        2,
    ),
    # A promise that was not kept: "I was told I would hear back within a week", "You said I
    # would receive an invitation to the assessment centre within two weeks".
    (
        r"\b(?:told|assured|promised)\b[^.?!]{0,40}\b(?:hear back|hear by|feedback|a decision|an answer|a response|within (?:a|two|\d+) (?:days?|weeks?))\b"
        r"|\byou said (?:that )?(?:i|we) (?:would|will|should|'d) (?:hear|receive|get)\b[^.?!]{0,60}\bwithin (?:a|one|two|three|\d+) (?:days?|weeks?)\b"
        # "You said you will call me on Friday but I did not get any call"
        r"|\byou (?:said|told me|promised) (?:that )?you(?: would| will|'d|'ll) (?:call|ring|phone|email|e-mail|contact|text|get back|let me know)\b"
        r"[^.?!]{0,60}\bbut\b(?! no (?:rush|hurry|worries|pressure))[^.?!]{0,30}\b(?:not|n't|never|no|nothing|nobody|yet)\b",
        2,
    ),
    # Asking a go-between whether the employer has answered: "did the panel get back to u abt the
    # live coding?", "has the client got back to you yet?"
    (
        # (the hiring side only: not "Did the client get back to you on the Leeds budget?")
        r"\b(?:did|has|have) (?:the (?:panel|hiring manager|hiring team|recruiter|interviewers?)|anyone|anybody)"
        r" (?:get|got|gotten) back to (?:you|u|2 u|me)\b",
        2,
    ),
    # ("the result of interview": the article is often dropped)
    (
        r"\b(?:outcome|results?) of (?:(?:my|the|our) (?:interview|application|assessment|candidacy)\b"
        r"|(?:interview|application|candidacy)(?![-\w]))",
        2,
    ),
    (
        r"\bwhen (?:i|we) (?:can|could|might|will|should|may) expect (?:an? |the |your |any )?"
        r"(?:answer|reply|response|decision|news|outcome|result)\b",
        1,
    ),
    # A status letter that cites the interview by its date ("the interview I attended on 3rd April").
    # (Not "thank you for the interview on 8 June": a thank-you may date the interview too.)
    (
        r"\b(?:attended|had|interviewed|sat|conducted|held|came (?:in )?for)\b(?:[^.?!]|\b(?:mr|mrs|ms|dr|prof)\.){0,60}\bon (?:the )?(?:\d{1,2}(?:st|nd|rd|th)?(?: of)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
        r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{1,2}\b|\d{1,2}(?:st|nd|rd|th)? of this month)",
        1,
    ),
    # Papers sent since, and whether they arrived: "I sent my two references last Wednesday",
    # "please find attached my references and payslips". Light: a thank-you may attach them too.
    (
        r"\bsent (?:you |over |in |on )?(?:my|the) (?:\w+ )?(?:references?|documents|certificates?|portfolio|forms?|paperwork"
        r"|right to work|id|dbs)\b"
        r"|\b(?:attached|enclosed|attaching|enclosing) (?:are |is )?(?:my|the) (?:\w+ )?(?:references?|payslips?|documents"
        r"|certificates?|forms?|paperwork|id|dbs)\b"
        # or asked after: "checking that my references came through"
        r"|\b(?:know|check|checking|see|confirm) (?:if |whether |that )?my (?:\w+ )?(?:references?|application|e-?mail|documents|forms?"
        r"|submission|cv|portfolio|paperwork) (?:has |have )?(?:arrived|came through|come through|got through|reached you)\b",
        1,
    ),
    (
        r"\bconfirm (?:that )?(?:you|they) (?:have )?(?:received|got)\b"
        r"|\b(?:know|check|see) (?:if |whether |that )?(?:they|it|them|everything) (?:has |have )?(?:arrived|came through|reached you)\b",
        2,
    ),
    # Whether the job is still to be had: "is the vacancy still open?" (not "still open to part-timers")
    (
        r"\b(?:vacancy|position|role|job|post|opening) is still (?:open|available|vacant|free)\b(?! to\b)"
        # (asked on its own: not "is it still open from November?", a shift asked about)
        r"|\bis (?:it|the (?:vacancy|position|role|job|post)) still (?:open|available|vacant|going)\s*\?",
        2,
    ),
    # A reply to an invitation to the next round: "thank you for the invitation to a second interview",
    # "thank you for your email and for inviting me back for a second interview", "delighted to be
    # moving forward" (not "thank you for inviting me back for the second interview" or "for the
    # call and for inviting me to the second interview", written after it).
    (
        r"\binvitation (?:to|for) (?:a |the |my )?(?:second|third|follow-up|next)[- ](?:interview|round|stage)\b"
        r"|\b(?:your|the) (?:e-?mail|message|call|note)\b[^.?!]{0,25}\binviting me (?:back )?(?:to|for) (?:a )?"
        r"(?:second|third|final|follow-up|next)[- ](?:interview|round|stage)\b"
        # (not "I would be thrilled to be moving forward with you", a hope)
        r"|(?<!would be )\b(?:delighted|pleased|glad|happy|excited|thrilled) to be moving forward\b(?! with my\b)"
        # "thank you for moving me on to the reference stage"
        r"|\b(?:moving|progressing|advancing|putting) me (?:on |forward |through )?to the "
        r"(?:next|second|third|final|last|reference|offer) (?:stage|round|step|interview)\b",
        2,
    ),
    # News of a delay, answered: "thank you for letting me know that the decision has moved to May".
    (
        # (the decision's news, not "when my interview was moved to Thursday" or "the start date
        # has been pushed back", told in a thank-you)
        r"\b(?:decision|hiring process|selection process|timeline|timetable)\b[^.?!]{0,40}\b(?:has|have|had|is) (?:now )?"
        r"(?:been )?(?:moved|delayed|postponed|pushed(?: back)?|put back)(?=\s+(?:to|back|until|till|by)\b|\s*[.,;])",
        2,
    ),
    (r"\bstatus of (?:my|the)\b", 2),
    (r"\bwhere things stand\b", 2),
    (r"\b(?:whether|if) (?:a|the|any) decision (?:has|had) been (?:made|reached)\b|\b(?:reached|made) a decision\b", 2),
    (r"\bwhen (?:a|the) decision (?:is|might be|will be) (?:expected|made)\b", 1),
    # The timeline asked about: "whether there is an updated timeline", "what the timeline for the
    # second stage looks like?" (not "we delivered on time despite a compressed timetable")
    (
        r"\b(?:decision|hiring) (?:timeline|process)\b"
        r"|\b(?:know|whether|if|updated?|any|share|confirm|clarify)\b[^.?!]{0,60}\btime(?:line|table)\b"
        r"|\btime(?:line|table)\b[^.?!]{0,40}\?|\byour time(?:line|table)\b(?! (?:for|of|on)\b)",
        1,
    ),
    (
        r"\b(?:(?:it has|it's|its|it has now) been|(?:it is|it's|its) now) (?:(?:about|over|more than|nearly|almost|well over|close to) )?"
        r"(?:a|two|three|four|five|six|\d+) (?:week|weeks|days|month|months)\b",
        2,
    ),
    # a second-language writer's "Now is three weeks." opening a sentence (not "the rota now is four
    # days on")
    (
        r"(?:^|[.!?]\s+)now (?:it )?is (?:(?:about|over|more than|nearly|almost) )?(?:a|two|three|four|five|six|\d+) (?:weeks?|days|months?)\b",
        2,
    ),
    # Writing again, or asking whether one is still in the running: "my third email", "without any
    # reply", "whether I am still being considered", "if I got the job", "if I got the receptionist
    # position".
    (
        # (not "the second attempt was neater", a task tried again)
        r"\b(?:second|third|fourth|fifth) (?:time (?:i|to write|writing|asking)|e-?mail|message|attempt to (?:reach|contact|get)|follow-?up)\b"
        # ("this is my 3rd email", not "the 3rd email in a welcome series")
        r"|\b(?:my|this is the) (?:2nd|3rd|4th|5th) (?:time|e-?mail|message|follow-?up)\b"
        r"|\b(?:write|writing|wrote|e-?mail(?:ing)?|contact(?:ing)?|ask(?:ing)?) (?:to )?(?:you )?(?:for )?(?:the |a )?"
        r"(?:second|third|fourth|fifth) time\b"
        r"|\bwithout (?:any |a )?(?:answer|reply|response|news|word)\b"
        r"|\b(?:if|whether) i(?: am|'m) still (?:being )?(?:considered|in the running|a candidate|in the process)\b"
        # (not "only if I get the job", a condition)
        r"|(?<!only )\b(?:if|whether) i (?:(?:have )?(?:got|get) (?:it|the (?:[\w-]+ ){0,3}?(?:job|role|position|post|offer))|made it|was successful"
        r"|have been successful)\b"
        # ("can you tell me if I am successful", not "If I am successful, I can start in July")
        r"|\b(?:tell me|let me know|inform me) (?:if|whether) i(?: am|'m) successful\b",
        2,
    ),
    (
        r"\b(?:haven'?t|have not|hadn'?t|had not|still not|not yet) (?:yet )?heard\b|\bheard back\b"
        # "Have you heard anything from the hiring manager on timing?"
        r"|\bhave you heard (?:anything|any news|any more|back)\b",
        2,
    ),
    (
        r"\b(?:last|past|two|three|four|five|six|seven|eight|several|a few|a couple of|couple of|\d+|a|one) (?:weeks?|months?) ago\b|\blast week\b|\bon (?:monday|tuesday|wednesday|thursday|friday) (?:of )?last week\b"
        # ("9 days ago": light, as a thank-you sent late may say "two days ago")
        r"|\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|a few) days ago\b",
        1,
    ),
    (r"\bsince (?:we|our) (?:last )?(?:spoke|met|interview|conversation)\b|\bsince my interview\b", 1),
    # The interview a month back: "for arranging my interview with the committee last month"
    (r"\b(?:interview(?:ed)?|met|meeting|spoke|panel)\b[^.?!]{0,60}\blast month\b", 2),
    # Still interested, or thanks "again" that opens the note and so looks back at a meeting some
    # time ago ("Thank you again for meeting me last week. I wanted to ..."; closing a thank-you,
    # it is only a courtesy)
    (
        r"\bstill (?:very |keenly |highly |really |so |quite )?(?:interested|keen|excited)\b"
        r"|\A\s*(?:[^.!?]*[.!?]+\s+)?[^.!?]*?\bthank(?:s| you) again for\b",  # (in the first two sentences)
        1,
    ),
    (
        r"\bweeks (?:after|since) (?:the|my|our)\b"
        # ("four weeks since your "final round"", not "six weeks since your move to Kingsway")
        r"|\bweeks since your\W{0,2}(?:final |last |second )?(?:interview|round|panel|call|meeting)\b"
        r"|\bnot (?:a single|one) (?:word|reply|response)\b"
        # ("It has now been a full month since I came in", "it is two whole weeks since the trial")
        r"|\b(?:been|is) (?:now )?(?:(?:a|one) (?:full |whole |clear )?(?:month|fortnight)|(?:two|three|four|five|six|\d+) (?:full |whole |clear )?(?:weeks|months))"
        r" (?:since|after) (?:i|we|the|my|our)\b",
        2,
    ),
    # Any answer at all will do: "let me know, even if it's a no" (light: a thank-you may ask for
    # feedback so).
    (r"\beven if (?:it's|it is|its|the answer is) (?:a )?no\b", 1),
    # Writing again: "sorry to bother you again", "sorry to message again", "I have written to your
    # office twice".
    (
        r"\b(?:bother|trouble|disturb|pester)(?: you)? again\b"
        r"|\bsorry to (?:message|text|e-?mail|write|chase|contact|ring|call)(?: (?:you|u))? again\b"
        r"|\b(?:written|wrote|emailed|e-mailed|called|phoned|rung|rang) (?:to )?(?:you |your office |the office )?"
        r"(?:twice|three times|several times|a few times|again and again)\b",
        2,
    ),
    # Raising an earlier message again, or the time waited: "just bumping this in case it got
    # buried", "I have been waiting 2 weeks".
    (
        r"\bbump(?:ing)? (?:this|my (?:e-?mail|message|note))\b|\bin case (?:it|my (?:e-?mail|message|note)) (?:got|was|went) "
        r"(?:buried|lost|missed)\b|\b(?:been|am|was) waiting (?:for )?(?:(?:about|over|nearly|almost|more than) )?"
        r"(?:a|two|three|four|five|six|\d+) (?:days?|weeks?|months?)\b",
        2,
    ),
    # Asking for news in the writer's own words: "please I need update ASAP", "can you update me the
    # result", "I am waiting for the result", "is there any decision for the job?", "have you made decision
    # yet?", "have you had a chance to decide on the role yet?", "any idea yet on timing?", "what's the
    # holdup" (not "I need to update my certificates", "the update you gave on the rebuild", "you
    # made the decision to move the depot", nor "I am waiting for your answer", a second-language
    # "I look forward to hearing from you").
    (
        r"\b(?:need|want|like|appreciate|welcome|get) (?:an |any |some |the )?(?:updates?|news)\b"
        r"|\bupdate me (?:on |about |with )?(?:the |my )?(?:result|outcome|status|decision)\b"
        r"|\b(?:am|i'm|im|been) waiting (?:for )?(?:the|any) (?:result|outcome|decision)\b"
        r"|\b(?:am|i'm|im|been) waiting every day\b"
        r"|\b(?:is there|there is|there's|if there is|whether there is) (?:already |now )?(?:any |a )?decision\b"
        r"|\bhave (?:you|u) (?:made (?:a |any |the )?decision|decided)(?: yet)?\s*\?"
        # ("have you had a chance to think it over yet?")
        r"|\bhave (?:you|u) (?:had|got) (?:a|the) chance to (?:decide|make (?:a|the|any) decision|think (?:it|things) over)\b"
        r"|\b(?:any|some) (?:idea|sense|news|word) (?:yet )?(?:on|of|about) (?:the )?timing\b"
        r"|\bwhat'?s the hold[- ]?up\b",
        2,
    ),
    # Raised again or nudged: "just nudging on this again", "circling back on the account executive
    # role", "following up from the multi-drop interview", "I am writing again about the apprentice
    # job" (not "circling back to the point you made on margins", "writing again to thank you").
    (
        r"\bnudg(?:e|ing) (?:on |about )?(?:this|my|the)\b"
        r"|\bcircl(?:e|ing) back (?:on|about|regarding|re) (?:the|my|this|your) (?:[\w'-]+ ){0,3}?"
        r"(?:role|position|job|post|vacancy|application|interview|opening)\b"
        r"|" + _FOLLOWING_UP + r" from (?:the|my|our) (?:[\w'-]+ ){0,3}?(?:interview|assessment|trial|call|meeting)\b"
        r"(?![^.?!]{0,30}\bto (?:say )?thank)"
        r"|\bwriting (?:to you )?again (?:about|regarding|re|on|to ask)\b",
        2,
    ),
    # Checking in on a job named with words or a slot between ("just checking in on the [Role]
    # position", "checking in regarding the Area Sales Executive post").
    (
        r"\bcheck(?:ing)? in (?:on|about|regarding|re) (?:the|my) (?:[\w'&\[\]-]+\s+){0,4}?(?:role|position|job|post|vacancy|application)\b",
        2,
    ),
]
#: (pattern, weight): phrases of a note written right after the interview.
#: An apology, and what it is for a few words on: "I'm so sorry for not writing sooner".
_SORRY_FOR = r"\b(?:sorry|apologi[sz]e|apologies)\b[^.?!]{0,25}\b"
#: The note owned as late: "not writing sooner", "n't write earlier".
_NOT_WRITTEN_SOONER = r"(?:not |n't )(?:writing|having written|written|write) (?:sooner|earlier)"

_THANK_YOU = [
    (
        # (the article may be dropped: "thank you for interview yesterday")
        # ("spend time to interview me", as second-language writers put it)
        r"\bthank(?:s| you)(?: so much| very much| again)? for (?:taking|the time|your time|meeting|speaking|talking|interviewing|spend(?:ing)? (?:\w+ ){0,2}time"
        # ("the panel interview", "the phone interview")
        r"|(?:having|seeing|inviting|showing) me|(?:the )?(?:opportunity|chance|conversation|(?:[\w-]+ )?interview))",
        1,
    ),
    # The day of the interview ("today", not a deadline: "let me know today", "decide by today").
    (
        # (nor "please call me back today", nor the day of a message answered: "thank you for your
        # message this morning")
        r"(?<!know )(?<!tell me )(?<!reply )(?<!answer )(?<!by )(?<!back )(?<!message )(?<!e-mail )(?<!email )(?<!letter )"
        r"\b(?:today|yesterday|this (?:morning|afternoon|evening)|earlier today|last night)\b"
        # "thanks for the interview earlier" (not "my interview earlier this month")
        r"|\b(?:interview|meeting|call|chat|talk|conversation) earlier\b(?!\s+(?:this|in|last|that|the)\b)",
        2,
    ),
    (
        r"\b(?:enjoyed|loved|appreciated|valued) (?:meeting|speaking|talking|our|learning|hearing|the time you"
        r"|the (?:chance|opportunity) to (?:meet|speak|talk))\b",
        1,
    ),
    # Adding to an answer while the interview is fresh: "one or two points I could have answered
    # more fully", "I would add one point to my answer"
    (
        r"\b(?:could|should) have (?:answered|explained|said|mentioned|given|added)\b"
        r"|\b(?:add|adding) (?:one |a )?(?:point |thing )?to my (?:answer|response)\b|\bwhile (?:it is|it's) (?:still )?fresh\b",
        1,
    ),
    (
        r"\b(?:great|a (?:real |great |genuine )?pleasure|wonderful|nice|lovely) (?:to meet|meeting|speaking|talking)\b",
        1,
    ),
    # A thank-you that owns up to being late: "I'm sorry this note comes so late", "apologies for
    # my belated thanks", "sorry this is so late", "apologies for writing three weeks after the
    # interview", "sorry it has taken me so long to thank you".
    (
        r"\b(?:sorry|apologi[sz]e|apologies)\b[^.?!]{0,20}\b(?:this|my|the) (?:note|e-?mail|message|thank[- ]you|thanks)\b"
        r"[^.?!]{0,20}\b(?:late|delayed|belated)\b|\bbelated (?:thanks|thank[- ]you|note)\b"
        # (with how long ago: not "sorry this comes so late on a Friday evening", the hour)
        r"|\b(?:sorry|apologies)\W{0,2} (?:this|it) (?:is|comes) (?:so |very |rather )?late\b[^?!]{0,120}\b(?:days|weeks|months)\b"
        r"|\b(?:sorry|apologies) for (?:writing|thanking you)\b[^.?!]{0,30}\b(?:days|weeks) (?:after|since)\b"
        # ("please accept my apologies for writing this so late", "sorry for sending this late")
        r"|\b(?:sorry|apologies) for (?:writing|sending) (?:this|it|to you) (?:so |rather |very |this )?(?:late|belatedly)\b"
        r"|\b(?:sorry|apologies) for (?:the|my) delay in thanking\b"
        r"|\b(?:sorry|apologies)\b[^.?!]{0,20}\b(?:taken|took) (?:me )?(?:so|this) long to (?:write this|thank)\b"
        # ("I apologise that this letter reaches you a full week after our conversation")
        r"|\b(?:sorry|apologi[sz]e|apologies)\b[^.?!]{0,20}\b(?:this|my) (?:note|letter|e-?mail|message) (?:reaches|arrives|comes)\b"
        r"[^.?!]{0,30}\b(?:days?|weeks?|fortnight) (?:after|since) (?:our|the|my|your) (?:interview|conversation|meeting|visit|call|chat|panel)\b",
        # (outweighing the "two weeks ago" and "any news?" a late thank-you may also say: a
        # follow-up never apologises for its own lateness)
        6,
    ),
    # An apology for writing late, then thanks for the interview: "Sorry for the late reply, its been
    # two weeks since my interview ... Thank you for the interview", "Apologies for the delay in
    # writing", "I apologise for writing only now", "Sorry this is so overdue ... please pass on my
    # thanks to Jo for their time". The apology is for the note itself; a follow-up
    # answering a message apologises for its reply but thanks for the message, not the interview
    # (not "Apologies for the delay in sending my references").
    (
        _SORRY_FOR + r"(?:(?:late|slow|delayed|belated) (?:reply|response)"
        r"|delay(?! in sending)|writing (?:only |just )?now|"
        + _NOT_WRITTEN_SOONER
        + r"|(?:this|it) (?:is |comes |is coming )(?:so |very |rather |a bit )?(?:late|overdue|belated))"
        r"(?s:.){0,400}?\b(?:thank(?:s| you| u)(?: again| so much| very much)?|my thanks\b[^.?!]{0,40}?) for (?:the |your |their |this )?"
        # (for anything the reader gave: "for interviewing me", "for letting me jump on the grill",
        # "for the tasting flight you set"; not for a message or the reader's patience)
        r"(?!(?:[\w-]+ )?(?:reply|replies|response|message|e-?mail|mail|note|letter|update|patience"
        r"|understanding|call|phone call|news|offer|feedback|reminder|info(?:rmation)?|help|consideration)\b)\w",
        6,
    ),
    # The same apology after the thanks: "Thank you for interview for Mortgage Adviser last month.
    # ... Sorry I did not write earlier", "thanks for the interview, sorry for writing so late".
    (
        r"\bthank(?:s| you| u)[^.?!]{0,12} for (?:the |your |my |our )?(?:[\w-]+ ){0,2}?interview"
        r"(?s:.){0,400}?"
        + _SORRY_FOR
        + "(?:"
        + _NOT_WRITTEN_SOONER
        + r"|(?:writing|write|sending) (?:this |it )?(?:so |this |very )?late)\b",
        6,
    ),
    # "I am sorry for this late mail": lateness before the noun, lighter (a follow-up may begin
    # "sorry for my late mail" too, and then asks about the decision; a late reply is a reply).
    (
        r"\b(?:sorry|apologi[sz]e|apologies)\b[^.?!]{0,20}\b(?:this|my|the) (?:very |rather |so )?(?:late|delayed|belated) "
        r"(?:note|mail|e-?mail|message|letter|thank[- ]you|thanks)\b",
        2,
    ),
]


def infer_kind(body: str, subject: str | None = None) -> str:
    """'follow-up' when its signals outweigh a thank-you's, else 'thank-you'."""
    text = body.lower().replace("\u2019", "'")
    follow = sum(weight for pattern, weight in _FOLLOW_UP if re.search(pattern, text))
    thanks = sum(weight for pattern, weight in _THANK_YOU if re.search(pattern, text))
    if subject and re.search(r"\bfollow(?:ing)?[- ]?up\b|\bchecking in\b|\bstatus\b|\bupdate\b", subject, re.I):
        follow += 2
    return "follow-up" if follow >= 2 and follow > thanks else "thank-you"
