"""A follow-up is recognised from its own text: update requests, silence, offers, messages
already sent. A thank-you written right after the interview stays a thank-you."""

from __future__ import annotations

import pytest

from thanklint.note_kind import infer_kind


@pytest.mark.parametrize(
    "body",
    [
        "Hope your week is going well. I'm following up to see if there are any updates on the planner role.",
        "Hi Jo, just following up on the night porter job. Still keen and free to start.",
        "Following up re the warehouse team leader position, happy to come in again.",
        "I just wanted to touch base regarding the stores manager post I interviewed for last week.",
        "I came for interview for the stores job on the 9th of this month. It is now nearly four weeks and nobody has rung me back.",
        "I met you on Monday about the pressing job. A different laundry has since offered me a place, so could you tell me where I stand?",
        "I was told I would hear by Wednesday about the van driver post, and I am still keen.",
        "Could you share any further updates on the graduate scheme? I sat the assessment on the 3rd.",
        "I would like to know when the results of the summer placement will be announced; I sat the test two weeks ago.",
        "I did the homework before the deadline and would like to know if there is a decision yet.",
        "I was hoping to find out whether a decision has been reached on the coordinator post.",
        "I have received another offer with a deadline of Friday, so I wanted to ask if you could expedite your decision.",
        "Did you receive my last email about the take-home? I sent it over on Monday.",
        "I submitted the exercise before the deadline but never got any response, and it’s gone quiet since.",
        "I haven’t heard from anyone since the panel and wanted to check in on where my application stands.",
        "Finished the coding task a couple of weeks ago and would like to know if there are next steps.",
        "Thanks for confirming that you have received my submission. Looking forward to hearing back.",
        "Its been 3 weeks since the interview. A yes or no would do.",
        "It's been a month since my second interview and nobody has bothered to reply.",
        "I wrote on 4 June to ask about the outcome of my interview but have not yet had a reply.",
        "I was assured of feedback within two weeks and have not received any communication since.",
        "I have since been offered a post at another trust, so could I learn your decision by Friday?",
        "I attended the interview for the stores clerk post on 14th March and am still very interested in the post.",
        "Thank you again for our talk on the 4th. Could you tell me whether the trustees have agreed a timetable?",
        "i send my solution 1 month ago and nobody answer me. Please give some feedback.",
        "I submitted my solution for the rota exercise on the 4th. Just checking whether anyone has reviewed it yet.",
        "Writing a second time about the stores post; it has been well over two weeks without any word.",
        "You promised an answer by Monday. Could you tell me whether I got the job?",
        "I interviewed for the depot role and would like to know if I am still being considered.",
        "I had the interview on 3 May for the porter job. Until now I did not receive any reply, please tell me the result.",
        "Is there any news about the night porter post? I look forward to hearing from you.",
        "Thanks for the update. Happy to wait until the end of the week.",
        "I write to you a second time about the porter post, as I have had no reply to my first e-mail.",
        "I sent my solution for the stock count exercise on the 9th and havent had any reply yet.",
        "I had my interview earlier this month and still haven't heard back about the steward job.",
        "Just checking in re my interview for the steward job last Friday - still really keen. Thanks, Jo",
        "Hi Dev, just bumping this in case it got lost in your inbox. Still keen on the Saturday rounds.",
        "pls let me know about the kitchen porter job, i have been waiting 3 weeks and can do any shift",
        "Any chance you could hurry the decision on the stage crew slot? Another crew want me for June.",
        "Dear Mr Hale, thank you for letting me know about the delay. Will the second interviews still be in May?",
        "just following up re the trial shift on thurs. Really keen, let me know. Dan",
        "I must know by the end of the month. Please can you tell me if I get the job or not.",
        "Dear Ms. Ibe, I write for ask the result of interview for cleaner job on 2 May. When I can expect answer?",
        "I sent my two references on Monday as you asked. Could you please confirm you received them?",
        "Dear Mr. Kerr, could you tell me whether the baker vacancy is still open? I interviewed with you and Ms. Lund on 3 May.",
        "Thank you for the invitation to a second interview for the chef role. I can confirm Friday at 10.",
        "Hello Kim, thanks for your message. Please find attached my references and payslips as requested.",
        "Dear Mr. Oyelaran, I am writing you again because I didn't get answer after my interview. Am I still in the process?",
        "Sorry to bother you again! Please let me know about the porter job, even if it's a no.",
        "Just checking in again about the kitchen porter job, I interviewed last Tuesday. Is it still open?",
        "Dear Ms. Farouk, thank you for letting me know that the decision on the post has moved to mid-May.",
        "Thank you for the invitation, I'm delighted to be moving forward. I can do Tuesday or Friday.",
        "I interviewed for the analyst post six weeks ago. Since then I have written to your office twice and received nothing.",
        "I am writing to ask the outcome of application for the cleaner job I had on 2 May.",
        "Hi Ana, I sent my references and DBS form on Monday. Could you let me know they arrived?",
        "Hi Marcus, I received an offer from another company yesterday. Is there any way you could speed up the decision?",
        "Just following up on the take-home I submitted on the 3rd for the frontend role.",
    ],
)
def test_follow_ups_are_recognised_from_their_text(body):
    assert infer_kind(body) == "follow-up"


@pytest.mark.parametrize(
    "body",
    [
        "Thank you for the interview. Thank you for letting me know about the training scheme, it sounds great.",
        "Thank you for meeting with me this morning. I would like to know more about how the night team hands over.",
        "Great to meet you and Ola on Monday. I'd love to know whether the decision on the new ledger is still open. "
        "Thanks again for your time.",
        "Thank you for meeting me on Monday. I appreciated the time you spent walking me through the plant. "
        "Could you let me know when you expect to make a decision? Thank you again for your time.",
        "Thanks for the chat today. I'd love to know how the team decides which features ship first.",
        "Thank you for interviewing me yesterday. I wanted to follow up on one thing we spoke about: the rota.",
        "Thank you for your time today. I look forward to hearing when you have made your decision.",
        "Thank you for the interview this afternoon. I offered to send my portfolio, and it is attached.",
        "Thank you for the interview. I'd like to know whether a working interview is part of your hiring process.",
        "Thank you for meeting me. Could I ask when you expect to make a decision?",
        "Thank you for the second interview today. I would be thrilled if I got the chance to join the crew.",
        "Thank you for the interview this morning. I look forward to hearing the decision, and to any word on the rota.",
        "Thank you for the take-home. I didn't get to the bonus task, and I did not hear your last question well.",
        "Thank you for speaking with me today. I would love to hear any news about the new clinic.",
        "Thank you for the second interview. It was a pleasure to meet the team for the second time.",
        "Thank you for interview yesterday. Can you tell me when I will know the result of the interview?",
        "thanks for the chat earlier at the depot, the driver job sounds good. when will i know if i got it",
        "It was a real pleasure to meet you and the crew at the site office last week. Could you tell me when digging starts?",
        "Thank you for having me in the bakery on Thursday. The second attempt at the lattice was far neater than the first.",
        "Thank you for the interview today. I enjoyed the tour. Could you tell me when I might expect a decision?",
        "Thank you for meeting with me on Tuesday. I liked how the unit reviews the outcome of assessment with each family.",
        "Thank you for the chat. Your study on the outcome of interview-based screening was new to me.",
        "Thank you for the invitation to interview for the chef role, and for the tour of the kitchen today.",
        "Thank you for meeting with me on Tuesday. As requested, I have attached my references.",
        "Thank you for the interview. I sent my references to Priya as you suggested.",
        "Thank you for the invitation to the final interview on Tuesday. I enjoyed the tour of the site.",
        "Thank you for speaking with me. I was glad to hear the role is still open to part-time applicants.",
        "Thank you for your mail and for the chance to interview for the porter job.",
        "Dear Ms. Brandt, the test run only made me want the early shift more - is it still open from November? Thank you for Friday.",
        "Thank you for the interview. I have heard nothing but good things about your team, and I had nothing to do with ordering.",
        "Thank you for the interview. In my last job I didn't get feedback for months, so your one-to-ones appeal to me.",
        "Thank you for the interview today. I liked hearing how the new process has moved the ward to paper-free notes.",
        "Thank you for inviting me back for the second interview on Monday. The tour of the conservation studio was a treat.",
        "Thank you for being so accommodating when my interview was moved to Thursday. The start date has been pushed back to March, which suits me.",
        "Thank you for meeting me on Monday. I would be thrilled to be moving forward, and I am progressing to the next stage of my ACCA.",
        "Thank you for Monday. The staff gym you showed me looked great - is it still open after the refit?",
    ],
)
def test_thank_you_notes_stay_thank_you_notes(body):
    assert infer_kind(body) == "thank-you"
